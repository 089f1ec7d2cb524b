import { languageLabels } from '../plugin/languages'

/** The contract's values in staff's words, Japanese first. */
export const stageWords: Record<string, string> = {
  'pregnancy-early': '妊娠前期 / Early pregnancy',
  'pregnancy-mid': '妊娠中期 / Mid pregnancy',
  'pregnancy-late': '妊娠後期 / Late pregnancy',
  'day-0-100': '0〜100日 / Days 0–100',
  'to-1': '〜1歳 / To 1 year',
  'to-2': '〜2歳 / To 2 years',
  'to-3': '〜3歳 / To 3 years',
}
export const audienceWords: Record<string, string> = {
  primary: '本人 / Primary',
  partner: 'パートナー / Partner',
  family: '家族 / Family',
}
export const channelWords: Record<string, string> = { email: 'メール / Email', sms: 'SMS', line: 'LINE' }
export const outcomeWords: Record<string, string> = {
  sent: '送信 / Sent',
  'failed-transient': '一時的な失敗 / Failed (transient)',
  'failed-permanent': '送れなかった / Failed (permanent)',
  unknown: '不明 / Unknown',
}
export const reasonWords: Record<string, string> = {
  moved: '転出 / Moved away',
  enough: '十分 / Had enough',
  'too-many': '多すぎる / Too many',
  'not-useful': '役に立たない / Not useful',
  other: 'その他 / Other',
  'not-given': '回答なし / Not given',
}

export const wordFor = (words: Record<string, string>, value: unknown) =>
  words[String(value)] ?? String(value ?? '—')

export const languageWord = (tag: unknown) => {
  const name = languageLabels[String(tag)]
  return name ? `${name.ja} / ${name.en}` : String(tag)
}
