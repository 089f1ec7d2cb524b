import type { FilledBlock, FilledInline } from './filled'

/** A filled body as plain text: paragraphs apart by a blank line, list items with ・. */
export function blocksToText(blocks: readonly FilledBlock[]): string {
  return blocks.map(blockToText).join('\n\n')
}

function blockToText(block: FilledBlock): string {
  switch (block.t) {
    case 'p':
      return inlinesToText(block.c)
    case 'h':
      return `■ ${inlinesToText(block.c)}`
    case 'ul':
      return block.items.map((item) => `・${inlinesToText(item)}`).join('\n')
  }
}

export function inlinesToText(inlines: readonly FilledInline[]): string {
  return inlines.map(inlineToText).join('')
}

function inlineToText(node: FilledInline): string {
  switch (node.t) {
    case 'text':
    case 'own':
      return node.v
    case 'strong':
      return inlinesToText(node.c)
    case 'link':
      return linkText(inlinesToText(node.c), node.href)
    case 'ruby':
      return plainRuby(node.base, node.reading)
  }
}

/** A reading where ruby cannot be shown (plain text, SMS, LINE): 漢字（かんじ）. */
export function plainRuby(base: string, reading: string): string {
  return `${base}（${reading}）`
}

// Plain text cannot hide a link behind words: the URL, number or address is spelled out unless
// the words already show it.
function linkText(text: string, href: string): string {
  const target = href.replace(/^(tel:|mailto:)/, '')
  const digits = (s: string) => s.replace(/\D/g, '')
  const shown = href.startsWith('tel:') ? digits(text).includes(digits(target)) : text.includes(target)
  return shown ? text : `${text} ${target}`
}
