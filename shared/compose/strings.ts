import type { Bilingual } from '../calendar'

// The fixed wording composition adds around the messages. A Japanese reader gets Japanese; anyone
// else gets Japanese first and English second, as every fixed text in the project.

export function say(text: Bilingual, language: string): string {
  return language === 'ja' ? text.ja : `${text.ja} / ${text.en}`
}

export const strings = {
  defaultSubject: (tenantName: Bilingual): Bilingual => ({
    ja: `${tenantName.ja}からのお便り`,
    en: `A note from ${tenantName.en}`,
  }),
  sampleMarking: {
    ja: '【サンプル】この文章は医師・助産師の監修を受けていない見本です。',
    en: '[Sample] This text has not been reviewed by a doctor or midwife.',
  },
  sampleShort: { ja: '【サンプル】', en: '[Sample]' },
  birthdayNote: {
    ja: 'お子さんの誕生日がまだ届いていないため、出産予定日をもとにお送りしています。生まれた日を教えていただくと、その日に合わせたお便りになります。',
    en: 'We have not heard the birth date yet, so these notes follow the due date. Tell us the day your child was born and they will follow it.',
  },
  birthdayLink: { ja: '誕生日を登録する', en: 'Register the birth date' },
  surveyLine: { ja: 'アンケートにご協力ください。', en: 'Please answer a short survey.' },
  surveyLink: { ja: 'アンケートに答える', en: 'Answer the survey' },
  surveyNamed: (title: string): Bilingual => ({
    ja: `アンケート「${title}」にご協力ください。`,
    en: `Please answer a short survey: "${title}".`,
  }),
  surveyReminder: (title: string): Bilingual => ({
    ja: `アンケート「${title}」へのご回答がまだでしたら、よろしければお答えください。`,
    en: `If you have not answered the survey "${title}" yet, we would be glad to hear from you.`,
  }),
  surveyShort: { ja: 'アンケート', en: 'Survey' },
  localHeading: (tenantName: Bilingual): Bilingual => ({
    ja: `${tenantName.ja}からのお知らせ`,
    en: `From ${tenantName.en}`,
  }),
  entryLink: { ja: '詳しくはこちら', en: 'More details' },
  consultHeading: { ja: 'ご相談はこちらへ', en: 'Questions and consultation' },
  consultLink: { ja: '相談フォームを開く', en: 'Open the consultation form' },
  phone: { ja: '電話', en: 'Phone' },
  readOnWeb: { ja: 'ウェブで読む', en: 'Read on the web' },
  settings: { ja: '登録内容の変更・一時停止', en: 'Change or pause' },
  unsubscribe: { ja: '配信停止', en: 'Unsubscribe' },
  sender: { ja: '送信者', en: 'Sender' },
  contact: { ja: 'お問い合わせ', en: 'Contact' },
  privacy: { ja: '個人情報の取り扱い', en: 'Privacy notice' },
  footerReason: {
    ja: 'このメールは、お便りの受け取りに登録された方にお送りしています。',
    en: 'You receive this email because you signed up for these notes.',
  },
} satisfies Record<string, Bilingual | ((name: Bilingual) => Bilingual) | ((title: string) => Bilingual)>
