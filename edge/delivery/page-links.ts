import type { FilledBlock, FilledInline, PageData } from '../../shared/compose'
import { blocksToHtml } from '../../shared/compose'

type PageMessage = PageData['messages'][number]

export interface TrackedPage {
  page: PageData
  /** The `extra` messages (the Japanese beside another language's), their links tracked too. */
  extra: PageMessage[]
  /** The page's own outgoing links, in order: /m/{token}/go/{n} leads to targets[n] and nowhere else. */
  targets: string[]
}

// Only web links go through the redirect; tel: and mailto: open straight away.
const tracked = (href: string) => /^https?:\/\//.test(href)

/**
 * The message page with every web link in its content, entries and survey pointed at the
 * page's own redirect, and the list of where each one really goes. The `extra` messages' links
 * come last, so a link's number is the same whether or not a page shows them.
 */
export function trackLinks(page: PageData, goBase: string, extra: readonly PageMessage[] = []): TrackedPage {
  const targets: string[] = []
  const via = (href: string) => {
    if (!tracked(href)) return href
    targets.push(href)
    return `${goBase}/${targets.length - 1}`
  }
  const inline = (node: FilledInline): FilledInline =>
    node.t === 'text' || node.t === 'own' || node.t === 'ruby'
      ? node
      : node.t === 'strong'
        ? { ...node, c: node.c.map(inline) }
        : { ...node, href: via(node.href), c: node.c.map(inline) }
  const block = (b: FilledBlock): FilledBlock =>
    b.t === 'ul' ? { ...b, items: b.items.map((item) => item.map(inline)) } : { ...b, c: b.c.map(inline) }

  const message = (m: PageMessage): PageMessage => {
    const blocks = m.blocks.map(block)
    return { ...m, blocks, html: blocksToHtml(blocks, m.language) }
  }
  const messages = page.messages.map(message)
  const entries = page.entries.map((e) => {
    const blocks = e.blocks.map(block)
    return { ...e, blocks, html: blocksToHtml(blocks, e.language), ...(e.url ? { url: via(e.url) } : {}) }
  })
  const survey = page.survey ? { ...page.survey, url: via(page.survey.url) } : null
  return { page: { ...page, messages, entries, survey }, extra: extra.map(message), targets }
}
