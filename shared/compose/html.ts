import escapeHtml from 'escape-html'
import { ownTextLanguage } from '../languages/own-text'
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

interface Rendering {
  /** The `lang` of the element the HTML goes in: a resident's own text is marked against it. */
  around: string
  styles: HtmlStyles
}

/**
 * A filled body as HTML for an element whose `lang` is `around`; every text and URL is escaped,
 * so a nickname stays text.
 */
export function blocksToHtml(
  blocks: readonly FilledBlock[],
  around: string,
  styles: HtmlStyles = {},
): string {
  return blocks.map((block) => blockToHtml(block, { around, styles })).join('\n')
}

function blockToHtml(block: FilledBlock, r: Rendering): string {
  const { styles } = r
  switch (block.t) {
    case 'p':
      return `<p${attr(styles.p)}>${inlines(block.c, r)}</p>`
    case 'h':
      return `<h2${attr(styles.h)}>${inlines(block.c, r)}</h2>`
    case 'ul': {
      const items = block.items.map((item) => `<li${attr(styles.li)}>${inlines(item, r)}</li>`)
      return `<ul${attr(styles.ul)}>${items.join('')}</ul>`
    }
  }
}

const inlines = (nodes: readonly FilledInline[], r: Rendering) =>
  nodes.map((node) => inlineToHtml(node, r)).join('')

function inlineToHtml(node: FilledInline, r: Rendering): string {
  switch (node.t) {
    case 'text':
      return escapeHtml(node.v)
    case 'own': {
      // <bdi>: the resident's text keeps its own direction, whatever script it is written in.
      const lang = ownTextLanguage(node.v, r.around)
      return `<bdi${lang ? ` lang="${lang}"` : ''}>${escapeHtml(node.v)}</bdi>`
    }
    case 'strong':
      return `<strong>${inlines(node.c, r)}</strong>`
    case 'link':
      return `<a href="${escapeHtml(node.href)}"${attr(r.styles.a)}>${inlines(node.c, r)}</a>`
    case 'ruby':
      // <rp> shows the brackets only where ruby is not supported, so such a reader sees 漢字（かんじ）.
      return `<ruby>${escapeHtml(node.base)}<rp>（</rp><rt>${escapeHtml(node.reading)}</rt><rp>）</rp></ruby>`
  }
}

export { escapeHtml }
