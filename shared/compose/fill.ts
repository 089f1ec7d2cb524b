import { type Block, type Inline, placeholderNames } from '../contract'
import type { FilledBlock, FilledInline } from './filled'
import type { ComposeProblem } from './problem'
import type { PlaceholderValues } from './values'

const known = new Set<string>(placeholderNames)
const placeholder = /\{\{([^{}]*)\}\}/g
// Plain http only to this machine: the local system (npm start) serves residents' pages there.
const safeHref = /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|tel:|mailto:)/

/**
 * Fills one piece of content (a message, an entry, a subject), collecting every problem instead
 * of stopping at the first, so the person fixing the content sees them all at once.
 */
export class Filler {
  readonly problems: ComposeProblem[] = []

  constructor(
    private readonly values: PlaceholderValues,
    private readonly where: string,
  ) {}

  text(template: string): string {
    if (!template.includes('{') && !template.includes('}')) return template
    // One pass: a value that itself contains `{{…}}` (a nickname) is not filled again.
    const filled = template.replace(placeholder, (_, name: string) => this.value(name))
    if (template.replace(placeholder, '').match(/\{\{|\}\}/)) {
      this.problem('malformed-placeholder', {
        ja: `閉じていない差し込み項目があります: ${template}`,
        en: `A placeholder is not closed: ${template}`,
      })
    }
    return filled
  }

  blocks(blocks: readonly Block[]): FilledBlock[] {
    return blocks.map((block): FilledBlock => {
      if (block.t === 'ul') return { t: 'ul', items: block.items.map((item) => this.inlines(item)) }
      return { t: block.t, c: this.inlines(block.c) }
    })
  }

  private inlines(inlines: readonly Inline[]): FilledInline[] {
    return inlines.map((node) => this.inline(node))
  }

  private inline(node: Inline): FilledInline {
    switch (node.t) {
      case 'text':
        return { t: 'text', v: this.text(node.v) }
      case 'ph':
        return node.name === 'nickname'
          ? { t: 'own', v: this.value(node.name) }
          : { t: 'text', v: this.value(node.name) }
      case 'strong':
        return { t: 'strong', c: this.inlines(node.c) }
      case 'link':
        return { t: 'link', href: this.href(node.href), c: this.inlines(node.c) }
      case 'ruby':
        return { t: 'ruby', base: node.base, reading: node.reading }
    }
  }

  private href(template: string): string {
    const href = this.text(template)
    if (safeHref.test(href)) return href
    this.problem('unsafe-link', {
      ja: `リンク先は https:, tel:, mailto: のいずれかにしてください: ${template}`,
      en: `A link must go to https:, tel: or mailto:: ${template}`,
    })
    return ''
  }

  private value(name: string): string {
    if (!known.has(name)) {
      this.problem('unknown-placeholder', {
        ja: `不明な差し込み項目 {{${name}}} があります`,
        en: `Unknown placeholder {{${name}}}`,
      })
      return ''
    }
    const value = this.values[name as keyof PlaceholderValues]
    if (value !== undefined) return value
    this.problem('unfillable-placeholder', {
      ja: `差し込み項目 {{${name}}} はこの日には埋められません`,
      en: `Placeholder {{${name}}} cannot be filled on this day`,
    })
    return ''
  }

  private problem(reason: ComposeProblem['reason'], message: ComposeProblem['message']): void {
    this.problems.push({ where: this.where, reason, message })
  }
}
