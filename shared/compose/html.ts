import escapeHtml from 'escape-html'
import type { FilledBlock, FilledInline } from './filled'

/** Inline styles per element, for email clients that drop style sheets; a page passes none. */
export interface HtmlStyles {
  p?: string
  h?: string
  ul?: string
  li?: string
  a?: string
}

const attr = (style: string | undefined) => (style ? ` style="${escapeHtml(style)}"` : '')

/** A filled body as HTML; every text and URL is escaped, so a nickname stays text. */
export function blocksToHtml(blocks: readonly FilledBlock[], styles: HtmlStyles = {}): string {
  return blocks.map((block) => blockToHtml(block, styles)).join('\n')
}

function blockToHtml(block: FilledBlock, styles: HtmlStyles): string {
  switch (block.t) {
    case 'p':
      return `<p${attr(styles.p)}>${inlinesToHtml(block.c, styles)}</p>`
    case 'h':
      return `<h2${attr(styles.h)}>${inlinesToHtml(block.c, styles)}</h2>`
    case 'ul': {
      const items = block.items.map((item) => `<li${attr(styles.li)}>${inlinesToHtml(item, styles)}</li>`)
      return `<ul${attr(styles.ul)}>${items.join('')}</ul>`
    }
  }
}

export function inlinesToHtml(inlines: readonly FilledInline[], styles: HtmlStyles = {}): string {
  return inlines.map((node) => inlineToHtml(node, styles)).join('')
}

function inlineToHtml(node: FilledInline, styles: HtmlStyles): string {
  switch (node.t) {
    case 'text':
      return escapeHtml(node.v)
    case 'strong':
      return `<strong>${inlinesToHtml(node.c, styles)}</strong>`
    case 'link':
      return `<a href="${escapeHtml(node.href)}"${attr(styles.a)}>${inlinesToHtml(node.c, styles)}</a>`
    case 'ruby':
      // <rp> shows the brackets only where ruby is not supported, so such a reader sees 漢字（かんじ）.
      return `<ruby>${escapeHtml(node.base)}<rp>（</rp><rt>${escapeHtml(node.reading)}</rt><rp>）</rp></ruby>`
  }
}

export { escapeHtml }
