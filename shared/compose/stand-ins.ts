import { ownTextLanguage } from '../languages/own-text'
import type { Composition } from './composition'
import type { RenderedEmail } from './email'
import type { FilledBlock, FilledInline } from './filled'
import { escapeHtml } from './html'
import { type LineTextMessage, lineMessagesOf } from './line'
import type { Outcome } from './problem'
import { blockText, marked, touchesSampleMarking } from './sample'
import { inlinesToText } from './text'

/** What differs between residents whose day composes alike: the nickname and their links' segments (tokens). */
export interface ResidentValues {
  nickname: string
  segments: readonly string[]
}

/**
 * Stand-ins for a resident's values, so that residents whose day composes alike are composed and
 * rendered once and each message made by putting their own values in. Each stand-in is letters and
 * digits of one length, none inside another: HTML escaping, linkifying and the language of a
 * resident's own text (no kana) leave it as it is, and no sample marking (bracketed) can begin or
 * end inside one. A stand-in segment sits where a real one would, so the URLs keep their shape.
 */
export class StandIns {
  readonly nickname = standIn(0)
  readonly segments: readonly string[]
  private readonly inText: RegExp
  private readonly inHtml: RegExp
  // The HTML of a nickname standing alone (an `own` inline): its `lang` is the real nickname's.
  private readonly ownNickname: string
  // Each template cut at its stand-ins once, for all the group's residents: a scan per resident
  // was most of the batch's rendering.
  private readonly textPieces = new Map<string, readonly Piece[]>()
  private readonly htmlPieces = new Map<string, readonly Piece[]>()

  constructor(segmentCount: number) {
    this.segments = Array.from({ length: segmentCount }, (_, i) => standIn(i + 1))
    this.ownNickname = `<bdi>${this.nickname}</bdi>`
    const all = [this.nickname, ...this.segments]
    this.inText = new RegExp(all.join('|'), 'g')
    this.inHtml = new RegExp([this.ownNickname, ...all].join('|'), 'g')
  }

  /** A resident's text with their values taken out: how a group's template links are made from the first's. */
  takeOut(text: string, values: ResidentValues): string {
    return values.segments.reduce(
      (out, segment, i) => out.replaceAll(segment, this.segments[i] as string),
      text,
    )
  }

  /** Plain text (a subject, a text part, a header, a URL) with the resident's values in. */
  text(template: string, values: ResidentValues): string {
    let out = ''
    for (const piece of this.cut(template, this.textPieces, this.inText))
      out += typeof piece === 'string' ? piece : this.valueAt(piece, values)
    return out
  }

  /** HTML with the resident's values in, escaped as the renderer escapes them. */
  html(template: string, values: ResidentValues, language: string): string {
    let out = ''
    for (const piece of this.cut(template, this.htmlPieces, this.inHtml)) {
      if (typeof piece === 'string') out += piece
      else if (piece !== OWN_NICKNAME) out += escapeHtml(this.valueAt(piece, values))
      else {
        const lang = ownTextLanguage(values.nickname, language)
        out += `<bdi${lang ? ` lang="${lang}"` : ''}>${escapeHtml(values.nickname)}</bdi>`
      }
    }
    return out
  }

  /**
   * Whether a composition made with the stand-ins renders, for every resident, as theirs would:
   * false where a rendering reads the text a value stands in — the subject checked for revealing
   * words, a link's words compared with its target, a nickname in a link.
   */
  fits(composition: Composition): boolean {
    const first = composition.messages[0]
    if (first && this.inside(first.subject)) return false
    const blocks = [...composition.messages, ...composition.entries].flatMap((part) => part.blocks)
    return blocks.every((block) => inlinesOf(block).every((node) => this.linkFits(node)))
  }

  /**
   * Whether the resident's nickname keeps the template's sample marking: a sample message is marked
   * unless a block already says so, and a nickname could complete or break such a block's marking.
   */
  residentFits(composition: Composition, values: ResidentValues): boolean {
    if (!composition.sample || !touchesSampleMarking(values.nickname)) return true
    return composition.messages.every(
      (message) =>
        !message.sample ||
        message.blocks.every((block) => {
          const text = blockText(block)
          return !text.includes(this.nickname) || marked(text) === marked(this.text(text, values))
        }),
    )
  }

  email(template: RenderedEmail, values: ResidentValues, language: string): RenderedEmail {
    return {
      subject: this.text(template.subject, values),
      html: this.html(template.html, values, language),
      text: this.text(template.text, values),
      headers: Object.fromEntries(
        Object.entries(template.headers).map(([name, value]) => [name, this.text(value, values)]),
      ),
    }
  }

  /** LINE messages from the template's text sections: packing reads lengths, so it runs on the resident's text. */
  line(sections: readonly string[], values: ResidentValues): Outcome<LineTextMessage[]> {
    return lineMessagesOf(sections.map((section) => this.text(section, values)))
  }

  /** The template as text between stand-ins, each stand-in by its place (OWN_NICKNAME, NICKNAME, 1 + segment). */
  private cut(template: string, cache: Map<string, readonly Piece[]>, pattern: RegExp): readonly Piece[] {
    const known = cache.get(template)
    if (known) return known
    const pieces: Piece[] = []
    let last = 0
    for (const found of template.matchAll(pattern)) {
      pieces.push(template.slice(last, found.index), this.placeOf(found[0]))
      last = found.index + found[0].length
    }
    pieces.push(template.slice(last))
    cache.set(template, pieces)
    return pieces
  }

  private placeOf(found: string): number {
    if (found === this.ownNickname) return OWN_NICKNAME
    if (found === this.nickname) return NICKNAME
    return 1 + this.segments.indexOf(found)
  }

  private valueAt(place: number, values: ResidentValues): string {
    return place === NICKNAME ? values.nickname : (values.segments[place - 1] as string)
  }

  private inside(text: string): boolean {
    this.inText.lastIndex = 0
    return this.inText.test(text)
  }

  private linkFits(node: FilledInline): boolean {
    if (node.t === 'strong') return node.c.every((child) => this.linkFits(child))
    if (node.t !== 'link') return true
    if (this.inside(inlinesToText(node.c)) || node.href.includes(this.nickname)) return false
    // A phone number or address is compared digit by digit or whole: no value may sit in it.
    if (/^(tel|mailto):/.test(node.href) && this.inside(node.href)) return false
    return node.c.every((child) => this.linkFits(child))
  }
}

/** A piece of a cut template: its own text, or the place of a stand-in. */
type Piece = string | number
const OWN_NICKNAME = -1
const NICKNAME = 0

const standIn = (i: number) => `Zq${String(i).padStart(3, '0')}YorisoiStandInQz`

function inlinesOf(block: FilledBlock): FilledInline[] {
  return block.t === 'ul' ? block.items.flat() : block.c
}
