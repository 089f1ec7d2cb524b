import { type ParseArgsConfig, parseArgs } from 'node:util'
import { BilingualError } from '../shared/calendar'

/** An operator command's options, strict; anything else is refused on one bilingual line with the usage. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options })
  } catch (error) {
    throw new BilingualError({
      ja: `引数が正しくありません（使い方: ${usage}）`,
      en: `bad arguments: ${(error as Error).message.split('\n')[0]}`,
    })
  }
}
