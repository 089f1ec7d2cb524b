// `npm run wording -- missing TAG`: the texts a language's catalogue lacks, as JSON [{ja, en}],
// for a translator; `npm run wording -- dynamic`: texts still built with ${…}.
import { resolve } from 'node:path'
import { hasOwnWording } from '../../shared/languages/wording'
import { extractWording, uniqueWording } from './extract'

const root = resolve(import.meta.dirname, '../..')
const [command, tag] = process.argv.slice(2)
const found = extractWording(root)
if (command === 'dynamic') {
  console.log(found.dynamic.join('\n'))
} else if (command === 'missing' && tag) {
  const missing = uniqueWording(found.wordings)
    .filter((w) => !hasOwnWording(w.ja, tag))
    .map(({ ja, en }) => ({ ja, en }))
  console.log(JSON.stringify(missing, null, 2))
} else {
  console.error('使い方 / usage: npm run wording -- missing TAG | dynamic')
  process.exit(2)
}
