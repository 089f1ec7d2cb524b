import { measureSms, smsCharacterCap } from '../sms'
import type { Composition } from './composition'
import { type Outcome, smsTooLong } from './problem'
import { sayShort, strings } from './strings'

export interface RenderedSms {
  text: string
  segments: number
  characters: number
  /** Whether the text carries the composition's nurse note (it rides only within the cap). */
  toldNurse: boolean
}

/**
 * The short text of each message, then the message page link: an SMS is short and has no read
 * receipt, so every one leads to the full message. `maxCharacters` is the tenant's own limit;
 * it can only lower the 660 aggregators accept.
 */
export function renderSms(
  composition: Composition,
  options: { maxCharacters?: number } = {},
): Outcome<RenderedSms> {
  const url = composition.links.messageUrl
  const short = composition.messages.map((message) => message.shortText).join('\n')
  const body = short.includes(url) ? short : short ? `${short}\n${url}` : url
  const cap = Math.min(options.maxCharacters ?? smsCharacterCap, smsCharacterCap)
  const fits = (text: string) => measureSms(text).characters <= cap
  // A new nurse is told once, so her line comes before the survey's. Over the cap it waits for a
  // later message (the edge marks it told only when carried); the message page names her anyway.
  const nurse = composition.nurseNote
  const withNurse =
    nurse && (short.includes(url) ? `${short}\n${nurse}` : [short, nurse, url].filter(Boolean).join('\n'))
  const toldNurse = Boolean(withNurse && fits(withNurse))
  const base = withNurse && toldNurse ? withNurse : body
  // The survey link rides along when it fits; the message page behind the first link carries it anyway.
  const survey = composition.survey
  const withSurvey = survey && `${base}\n${sayShort(strings.surveyShort, composition.language)} ${survey.url}`
  const withoutTask = withSurvey && fits(withSurvey) ? withSurvey : base
  // The task's sentence and its first link, likewise.
  const task = composition.task
  const withTask = task && [`${withoutTask}\n${task.text}`, task.links[0]?.url].filter(Boolean).join(' ')
  const text = withTask && fits(withTask) ? withTask : withoutTask
  const measure = measureSms(text)
  if (measure.characters > cap) {
    return {
      ok: false,
      problems: [
        {
          where: 'sms',
          reason: 'too-long',
          message: smsTooLong(measure.characters, cap),
        },
      ],
    }
  }
  return { ok: true, value: { text, segments: measure.segments, characters: measure.characters, toldNurse } }
}
