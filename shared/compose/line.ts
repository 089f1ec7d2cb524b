import type { Composition } from './composition'
import { lineTooMany, type Outcome } from './problem'
import { textSections } from './sections'

/** A LINE Messaging API text message object. */
export interface LineTextMessage {
  type: 'text'
  text: string
}

// LINE Messaging API limits: 5,000 characters per text message, 5 messages per push.
export const lineTextLimit = 5000
export const lineMessageLimit = 5

/** The whole composition as LINE text messages, the message page link included, packed into as few as fit. */
export function renderLine(composition: Composition): Outcome<LineTextMessage[]> {
  return lineMessagesOf(textSections(composition))
}

/** A composition's text sections as LINE text messages: packing reads their lengths, so it runs on the final text. */
export function lineMessagesOf(sections: readonly string[]): Outcome<LineTextMessage[]> {
  const texts = pack(sections.flatMap((section) => split(section, lineTextLimit)))
  if (texts.length > lineMessageLimit) {
    return {
      ok: false,
      problems: [
        {
          where: 'line',
          reason: 'too-long',
          message: lineTooMany(texts.length, lineMessageLimit),
        },
      ],
    }
  }
  return { ok: true, value: texts.map((text) => ({ type: 'text', text })) }
}

const gap = '\n\n'

function pack(pieces: readonly string[]): string[] {
  const texts: string[] = []
  let current = ''
  for (const piece of pieces) {
    if (current && current.length + gap.length + piece.length > lineTextLimit) {
      texts.push(current)
      current = piece
    } else {
      current = current ? `${current}${gap}${piece}` : piece
    }
  }
  if (current) texts.push(current)
  return texts
}

/** A section longer than a message, cut between paragraphs, or hard as a last resort. */
function split(section: string, max: number): string[] {
  if (section.length <= max) return [section]
  const paragraphs = section.split(gap)
  if (paragraphs.length > 1) return pack(paragraphs.flatMap((p) => split(p, max)))
  const pieces: string[] = []
  for (let at = 0; at < section.length; at += max) pieces.push(section.slice(at, at + max))
  return pieces
}
