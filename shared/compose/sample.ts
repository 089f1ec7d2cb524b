import { languageTags } from '../languages'
import { wordIn } from '../languages/wording'
import type { FilledBlock } from './filled'
import { strings } from './strings'
import { inlinesToText } from './text'

// The sample marking as every language writes it: a text already marked in any is not marked again.
export const sampleMarkings = [...new Set(languageTags.map((tag) => wordIn(strings.sampleShort, tag).text))]
const markings = sampleMarkings
const markingCharacters = new Set(markings.join(''))

/**
 * Whether a value put into a sample message could make or break a marking around it: only a value
 * sharing a character with one can (the stand-ins of batch rendering rely on it).
 */
export function touchesSampleMarking(value: string): boolean {
  for (const character of value) if (markingCharacters.has(character)) return true
  return false
}

export function marked(text: string): boolean {
  return markings.some((marking) => text.includes(marking))
}

export function blockText(block: FilledBlock): string {
  return inlinesToText(block.t === 'ul' ? block.items.flat() : block.c)
}

/**
 * Sample content never reaches a resident looking real: a sample message that does not already
 * say so in its body or short text gets the marking added.
 */
export function withSampleMarking(
  sample: boolean,
  language: string,
  blocks: FilledBlock[],
  shortText: string,
): { blocks: FilledBlock[]; shortText: string } {
  if (!sample) return { blocks, shortText }
  const banner: FilledBlock = {
    t: 'p',
    c: [{ t: 'strong', c: [{ t: 'text', v: wordIn(strings.sampleMarking, language).text }] }],
  }
  return {
    blocks: blocks.some((block) => marked(blockText(block))) ? blocks : [banner, ...blocks],
    shortText: marked(shortText) ? shortText : `${wordIn(strings.sampleShort, language).text}${shortText}`,
  }
}
