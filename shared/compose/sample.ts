import type { FilledBlock } from './filled'
import { strings } from './strings'
import { inlinesToText } from './text'

const markings = ['【サンプル】', '[Sample]']

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
  const ja = language === 'ja'
  const banner: FilledBlock = {
    t: 'p',
    c: [{ t: 'strong', c: [{ t: 'text', v: ja ? strings.sampleMarking.ja : strings.sampleMarking.en }] }],
  }
  return {
    blocks: blocks.some((block) => marked(blockText(block))) ? blocks : [banner, ...blocks],
    shortText: marked(shortText)
      ? shortText
      : `${ja ? strings.sampleShort.ja : strings.sampleShort.en}${shortText}`,
  }
}
