import escapeHtml from 'escape-html'
import { wordIn, wording } from '../../shared/languages/wording'
import { measureSms } from '../../shared/sms'
import type { OutgoingMessage } from '../channels/adapter'
import { type Rendered, renderDelivery } from './render'

/** The line that says a message comes late, in the resident's language. */
export function lateLabel(date: string, language: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const monthName = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en', {
    month: 'long',
    timeZone: 'UTC',
  })
  const label = wording(
    '【{month}月{day}日のお便り（遅れてお届けします）】',
    '[Your message for {monthName} {day}, sent late]',
    { month, day, monthName },
  )
  return wordIn(label, language).text
}

/**
 * The missed day's message with the late label on top: on the subject and first line of an
 * email, the first LINE bubble, the start of an SMS (measured again, and refused over the cap).
 */
export function labelLate(
  message: OutgoingMessage,
  label: string,
): { ok: true; message: OutgoingMessage; smsSegments: number | null } | { ok: false; reason: string } {
  const text = `${label}\n${message.text}`
  switch (message.channel) {
    case 'sms': {
      const measure = measureSms(text)
      if (!measure.fits)
        return { ok: false, reason: `sms: ${measure.characters} characters with the late label` }
      return { ok: true, message: { ...message, text }, smsSegments: measure.segments }
    }
    case 'line': {
      const [first = '', ...rest] = message.bubbles ?? [message.text]
      const bubbles = [`${label}\n${first}`, ...rest]
      return { ok: true, message: { ...message, text: bubbles.join('\n\n'), bubbles }, smsSegments: null }
    }
    case 'email': {
      const note = `<p style="margin:0 0 12px;font-weight:bold;">${escapeHtml(label)}</p>`
      const html = message.html?.replace(/(<div style="max-width:600px[^>]*>)/, `$1\n${note}`)
      return {
        ok: true,
        message: {
          ...message,
          text,
          subject: `${label} ${message.subject ?? ''}`.trim(),
          ...(html ? { html } : {}),
        },
        smsSegments: null,
      }
    }
  }
}

/**
 * A day gone by, rendered as `renderDelivery` does and labelled late for the day it was written
 * for: the missed-day policy and a person's "send again" both send it this way.
 */
export function renderLate(input: Parameters<typeof renderDelivery>[0]): Rendered {
  const rendered = renderDelivery(input)
  if (!rendered.ok) return rendered
  const labelled = labelLate(rendered.message, lateLabel(input.date, input.dueSubscriber.language))
  if (!labelled.ok) return { ok: false, slots: rendered.slots, reason: labelled.reason }
  return {
    ok: true,
    slots: rendered.slots,
    smsSegments: labelled.smsSegments,
    message: labelled.message,
    toldNurse: rendered.toldNurse,
  }
}
