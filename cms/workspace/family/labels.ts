// The words a family's page and guide show, Japanese first.

const words: Record<string, string> = {
  primary: '本人 / Primary',
  partner: 'パートナー / Partner',
  family: '家族 / Family',
  email: 'メール / Email',
  sms: 'SMS',
  line: 'LINE',
  pending: '確認待ち / Pending',
  active: '配信中 / Active',
  paused: '一時停止 / Paused',
  stopped: '停止 / Stopped',
  program: 'お便り / Program message',
  confirmation: '確認 / Confirmation',
  announcement: 'お知らせ / Announcement',
  staff: '職員から / From staff',
  claimed: '送信準備 / Queued',
  sending: '送信中 / Sending',
  sent: '送信済み / Sent',
  'failed-transient': '再送待ち / Retrying',
  'failed-permanent': '送れませんでした / Failed',
  unknown: '不明 / Unknown',
  flagged: '要確認 / Flagged',
  new: '新規 / New',
  'in-progress': '対応中 / In progress',
  closed: '完了 / Closed',
  form: '相談フォーム / Form',
  interview: '面談の希望 / Interview request',
  registered: '登録の連絡先 / Registered contact',
  phone: '電話 / Phone',
  none: '連絡不要 / No contact',
  routine: '通常 / Routine',
  consultation: '相談対応 / Consultation',
  'follow-up': 'フォローアップ / Follow-up',
  disclosure: '開示請求 / Disclosure',
  nurse: '保健師 / Nurse',
  desk: '子育て窓口 / Desk',
  'privacy-officer': '個人情報保護担当 / Privacy officer',
}

/** A code in words; the code itself when it has none. */
export const say = (code: string): string => words[code] ?? code

/** How an interview request answered in a survey is reaching the desk. */
export const interviewWords: Record<string, string> = {
  none: '',
  pending: '面談希望（窓口へ送信待ち） / Interview requested (reaching the desk)',
  sent: '面談希望（窓口に届きました） / Interview requested (the desk has it)',
  failed: '面談希望（窓口への送信に失敗） / Interview requested (could not reach the desk)',
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土']

/** 12/6（日） */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}/${d}（${weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`
}

/** An instant in Japan's time, to the minute. */
export const when = (at: string): string =>
  new Date(at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' })
