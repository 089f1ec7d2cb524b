import { languageTags } from '../languages'
import { wordIn } from '../languages/wording'
import type { FilledBlock } from './filled'
import { strings } from './strings'
import { inlinesToText } from './text'

// The sample marking as every language writes it: a text already marked in any is not marked again.
const markings = [...new Set(languageTags.map((tag) => wordIn(strings.sampleShort, tag).text))]

function marked(text: string): boolean {
  return markings.some((marking) => text.includes(marking))
}

function blockText(block: FilledBlock): string {
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
