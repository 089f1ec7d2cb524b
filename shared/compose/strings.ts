import type { Bilingual } from '../calendar'
import { rubyMarkup } from '../contract/ruby-markup'
import { fillSlots, type Wording, wordIn, wordInWithReadings, wording } from '../languages/wording'

// The fixed wording composition adds around the messages, worded from the catalogues
// (shared/languages/wording) in the resident's language. Per channel:
// - SMS (`sayShort`): the resident's language only (its translation, else its fallback): every
//   character is paid for, and a second language would add a segment.
// - email, LINE (`say`) and the message page (`said`, the two halves apart so each gets its own
//   `lang`): the resident's language, then the Japanese after " / ", so family and the town's
//   nurse can read along. A line that comes out in Japanese (a
//   Japanese reader, or a language that falls back to it) or in やさしい日本語 stands alone.

/** Slot values written as each language writes them: a town's Japanese name, else its English one. */
export type Names = Readonly<Record<string, Bilingual>>

/** A fixed text, and the names it holds (filled in the script of the half they land in). */
export interface FrameWording extends Wording {
  names?: Names
}

export const named = (text: Wording, names: Names): FrameWording => ({ ...text, names })

const japaneseScript = (lang: string) => lang === 'ja' || lang === 'ja-x-easy'

function namesIn(names: Names | undefined, lang: string): Wording['values'] {
  if (!names) return undefined
  return Object.fromEntries(
    Object.entries(names).map(([slot, name]) => [slot, japaneseScript(lang) ? name.ja : name.en]),
  )
}

function worded(text: FrameWording, language: string): { text: string; lang: string } {
  const own = wordIn(text, language)
  return { text: fillSlots(own.text, namesIn(text.names, own.lang)), lang: own.lang }
}

/** The resident's language only (SMS, and a text that sits beside a text of its own language). */
export function sayShort(text: FrameWording, language: string): string {
  return worded(text, language).text
}

/**
 * A fixed text as the page shows it: the reader's own words in `lang`, and the Japanese beneath in
 * `ja` (absent when the own words are Japanese or やさしい日本語), each half marked in its language.
 */
export interface Said {
  text: string
  lang: string
  ja?: string
  /** Japanese values inside the own words (a town's survey title): the page marks them Japanese. */
  japanese?: string[]
  /** The own words with their readings (やさしい日本語), for a page to show as ruby. */
  readings?: SaidPart[]
}

export type SaidPart = { t: 'text'; v: string } | { t: 'ruby'; base: string; reading: string }

// A slot's place while the readings are read: a private-use character no catalogue writes, so a
// value (a town's name) is never taken for a reading.
const slotMark = (name: string) => `\uE000${name}\uE000`

/** The own words cut into text and readings, or nothing when the catalogue gives them no reading. */
function withReadings(text: FrameWording, language: string): SaidPart[] | undefined {
  const marks = Object.fromEntries(
    [...Object.keys(text.values ?? {}), ...Object.keys(text.names ?? {})].map((name) => [
      name,
      slotMark(name),
    ]),
  )
  const own = wordInWithReadings({ ...text, values: marks }, language)
  const pieces = own.text.split(new RegExp(rubyMarkup.source))
  if (pieces.length === 1) return undefined
  const values = { ...namesIn(text.names, own.lang), ...text.values }
  const filled = (piece: string) =>
    piece.replace(/\uE000(\w+)\uE000/g, (_, name: string) => String(values[name] ?? ''))
  return pieces.flatMap((piece, i): SaidPart[] => {
    if (i % 3 === 1) return [{ t: 'ruby', base: piece, reading: pieces[i + 1]! }]
    if (i % 3 === 2 || piece === '') return []
    return [{ t: 'text', v: filled(piece) }]
  })
}

const kanaOrKanji = /[\u3040-\u30ff\u3400-\u9fff]/

/** The resident's language and the Japanese, kept apart so a page can mark each half. */
export function said(text: FrameWording, language: string): Said {
  const own = worded(text, language)
  if (own.lang === 'ja-x-easy') {
    const readings = withReadings(text, language)
    return readings ? { ...own, readings } : own
  }
  if (japaneseScript(own.lang)) return own
  const japanese = Object.values(text.values ?? {})
    .map(String)
    .filter((value) => kanaOrKanji.test(value) && own.text.includes(value))
  return {
    ...own,
    ja: fillSlots(fillSlots(text.ja, text.values), namesIn(text.names, 'ja')),
    ...(japanese.length > 0 ? { japanese } : {}),
  }
}

/** Both halves on one line, as email and LINE carry them: "own / 日本語". */
export const joined = (text: Said): string =>
  text.ja === undefined ? text.text : `${text.text} / ${text.ja}`

/** The resident's language, then the Japanese (email, LINE); Japanese alone when it is Japanese. */
export const say = (text: FrameWording, language: string): string => joined(said(text, language))

export const strings = {
  defaultSubject: (tenantName: Bilingual) =>
    named(wording('{town}からのお便り', 'A note from {town}'), { town: tenantName }),
  sampleMarking: wording(
    '【サンプル】この文章は医師・助産師の監修を受けていない見本です。',
    '[Sample] This text has not been reviewed by a doctor or midwife.',
  ),
  sampleShort: wording('【サンプル】', '[Sample]'),
  birthdayNote: wording(
    'お子さんの誕生日がまだ届いていないため、出産予定日をもとにお送りしています。生まれた日を教えていただくと、その日に合わせたお便りになります。',
    'We have not heard the birth date yet, so these notes follow the due date. Tell us the day your child was born and they will follow it.',
  ),
  birthdayLink: wording('誕生日を登録する', 'Register the birth date'),
  surveyLine: wording('アンケートにご協力ください。', 'Please answer a short survey.'),
  surveyLink: wording('アンケートに答える', 'Answer the survey'),
  surveyNamed: (title: string) =>
    wording('アンケート「{title}」にご協力ください。', 'Please answer a short survey: "{title}".', { title }),
  surveyReminder: (title: string) =>
    wording(
      'アンケート「{title}」へのご回答がまだでしたら、よろしければお答えください。',
      'If you have not answered the survey "{title}" yet, we would be glad to hear from you.',
      { title },
    ),
  surveyShort: wording('アンケート', 'Survey'),
  localHeading: (tenantName: Bilingual) =>
    named(wording('{town}からのお知らせ', 'From {town}'), { town: tenantName }),
  entryLink: wording('詳しくはこちら', 'More details'),
  consultHeading: wording('ご相談はこちらへ', 'Questions and consultation'),
  consultLink: wording('相談フォームを開く', 'Open the consultation form'),
  phone: wording('電話', 'Phone'),
  readOnWeb: wording('ウェブで読む', 'Read on the web'),
  settings: wording('登録内容の変更・一時停止', 'Change or pause'),
  unsubscribe: wording('配信停止', 'Unsubscribe'),
  sender: wording('送信者', 'Sender'),
  contact: wording('お問い合わせ', 'Contact'),
  privacy: wording('個人情報の取り扱い', 'Privacy notice'),
  footerReason: wording(
    'このメールは、お便りの受け取りに登録された方にお送りしています。',
    'You receive this email because you signed up for these notes.',
  ),
} satisfies Record<
  string,
  FrameWording | ((arg: Bilingual) => FrameWording) | ((title: string) => FrameWording)
>
