// npm run fonts (and npm install's postinstall): the web fonts the Worker serves as static assets
// (wrangler.toml [assets]). For each Noto family the language registry names, the 400-weight woff2
// subsets of its @fontsource npm package and one stylesheet of @font-face rules whose
// unicode-ranges let a browser fetch only the subsets a page's text uses; and names.css, the few
// subsets that draw each language's own name in the language choice. Written to dist/assets/
// (git-ignored, made again on every install), linked by edge/web/fonts.ts.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fontSlug, namesFamily } from '../edge/web/fonts'
import { languageRegistry, sourceLanguage } from '../shared/languages'

const root = resolve(import.meta.dirname, '..')
const fontsDir = resolve(root, 'dist/assets/fonts')
const require = createRequire(import.meta.url)

interface Face {
  /** Relative to the stylesheets: files/<family>-<version>/<file>.woff2. */
  src: string
  unicodeRange: string
}

const rule = (family: string, { src, unicodeRange }: Face) =>
  `@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:swap;` +
  `src:url(${src}) format("woff2");unicode-range:${unicodeRange}}`

/** The 400-weight normal faces of a fontsource stylesheet: its woff2 file and unicode-range each. */
function facesOf(css: string, family: string, files: string): Face[] {
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, block = '']) => {
    const declared = block.match(/font-family:\s*'([^']+)'/)?.[1]
    const file = block.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1]
    const unicodeRange = block.match(/unicode-range:\s*([^;]+);/)?.[1]?.trim()
    if (declared !== family || !file || !unicodeRange)
      throw new Error(`Unexpected @font-face for ${family}: ${block.trim()}`)
    return { src: `${files}/${file}`, unicodeRange }
  })
  if (faces.length === 0) throw new Error(`No @font-face for ${family}`)
  return faces
}

/** Whether a unicode-range (U+41, U+0-FF, U+4??) holds the character. */
function covers(unicodeRange: string, char: string): boolean {
  const code = char.codePointAt(0)!
  return unicodeRange.split(',').some((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-')
    const low = Number.parseInt(from.replaceAll('?', '0'), 16)
    const high = Number.parseInt((to ?? from).replaceAll('?', 'F'), 16)
    return code >= low && code <= high
  })
}

/**
 * Writes one family's stylesheet and copies its woff2 files into a folder named with the
 * package's version, so a file never changes under its URL (kept a year, dist/assets/_headers).
 */
function buildFamily(family: string): Face[] {
  const slug = fontSlug(family)
  const pkg = dirname(require.resolve(`@fontsource/${slug}/package.json`))
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }
  const files = `files/${slug}-${version}`
  mkdirSync(join(fontsDir, files), { recursive: true })
  const faces = facesOf(readFileSync(join(pkg, '400.css'), 'utf8'), family, files)
  for (const { src } of faces) copyFileSync(join(pkg, 'files', src.split('/').at(-1)!), join(fontsDir, src))
  // The SIL Open Font License asks that it travel with the fonts.
  copyFileSync(join(pkg, 'LICENSE'), join(fontsDir, files, 'LICENSE'))
  const header = `/* ${family} ${version}, @fontsource/${slug} (SIL OFL 1.1) */`
  writeFileSync(
    join(fontsDir, `${slug}.css`),
    `${[header, ...faces.map((f) => rule(family, f))].join('\n')}\n`,
  )
  return faces
}

/** names.css: the faces that draw the language choice's names outside Japanese, one family. */
function namesFaces(facesByFamily: Map<string, Face[]>): Face[] {
  const japanese = languageRegistry.find((entry) => entry.tag === sourceLanguage)?.font
  return languageRegistry
    .filter((entry) => entry.font !== japanese)
    .flatMap((entry) => {
      const chars = [...entry.names.own].filter((char) => char.trim())
      return (facesByFamily.get(entry.font) ?? []).filter((face) =>
        chars.some((char) => covers(face.unicodeRange, char)),
      )
    })
    .filter((face, index, all) => all.findIndex((other) => other.src === face.src) === index)
}

rmSync(dirname(fontsDir), { recursive: true, force: true })
mkdirSync(fontsDir, { recursive: true })
writeFileSync(
  join(dirname(fontsDir), '_headers'),
  '/fonts/files/*\n  Cache-Control: public, max-age=31536000, immutable\n',
)
const families = [...new Set(languageRegistry.map((entry) => entry.font))]
const facesByFamily = new Map(families.map((family) => [family, buildFamily(family)]))
const names = namesFaces(facesByFamily)
writeFileSync(join(fontsDir, 'names.css'), `${names.map((face) => rule(namesFamily, face)).join('\n')}\n`)
console.log(
  `フォント / fonts → ${fontsDir}: ${families.map((f) => `${f} ${facesByFamily.get(f)?.length}`).join(', ')}, names ${names.length}`,
)
