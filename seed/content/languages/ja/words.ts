// The fixed Japanese wording around each message: the sample marking, greetings, section labels,
// the desk line, subjects and short texts. Subjects stay neutral so an inbox list reveals nothing.

import { describeSlot } from '../../../../shared/program'
import type { AudienceWords, SectionLabel } from '../../language-content'

const hello = '{{nickname}}さん、こんにちは。'

/** 生後30日 reads as a count (今日で); 1歳の誕生日から4週 reads as a date (今日は). */
function childGreeting(label: string, baby: string, child = baby): string {
  if (label === '生後0日') return `${hello}今日は${baby}が生まれた日です。`
  return label.startsWith('生後')
    ? `${hello}${baby}は今日で${label}です。`
    : `${hello}今日は${child}の${label}です。`
}

const same = (text: string): SectionLabel => ({ heading: text, short: text })
const shared = {
  baby: { heading: '赤ちゃんの様子', short: '今週の様子' },
  development: same('育ちの様子'),
  care: same('お世話のこと'),
  checkups: same('健診と予防接種'),
}

const shortText = '【サンプル】{{nickname}}さんへ。今日のお便りは「{{label}}」です。'
const lossShortText = '【サンプル】{{nickname}}さんへ。{{tenantName}}からのお便りです。'

export const primary: AudienceWords = {
  subject: '{{tenantName}}からのお便り',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy' ? `${hello}今日で${label}です。` : childGreeting(label, 'お子さん'),
  labels: { ...shared, body: same('からだのこと'), tip: same('今週のヒント') },
}

export const partner: AudienceWords = {
  subject: '{{tenantName}}からのお便り(パートナーの方へ)',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy' ? `${hello}パートナーは今日で${label}です。` : childGreeting(label, 'お子さん'),
  labels: {
    ...shared,
    body: { heading: 'パートナーのからだ', short: 'からだのこと' },
    tip: { heading: '今週あなたにできること', short: '今週できること' },
  },
}

// Grandparents and other family: never addressed as the pregnant person or the parent. The child
// is 赤ちゃん or ご家族のお子さん in the greeting: お子さん alone would be the reader's own grown child.
export const family: AudienceWords = {
  subject: '{{tenantName}}からのお便り(ご家族の方へ)',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy'
      ? `${hello}妊娠中のご家族は今日で${label}です。`
      : childGreeting(label, '赤ちゃん', 'ご家族のお子さん'),
  labels: {
    ...shared,
    body: { heading: '妊娠中のご家族のからだ', short: 'からだのこと' },
    tip: { heading: '今週ご家族にできること', short: '家族にできること' },
  },
}

export const fixed = {
  sampleMarking: '【サンプル】この文章は医師・助産師の監修を受けていない見本です。',
  shortMarking: '【サンプル】',
  // UCS-2 holds 70 characters; the SMS channel appends the page link (about 20 with a line break).
  shortTextLimit: 50,
  dayLabel: (slotKey: string) => describeSlot(slotKey, 'ja'),
  shortLabel: (heading: string) => heading,
  deskLine:
    '気になることは{{deskName}}({{deskPhone}}、{{deskHours}})へ。体調の急な変化は、かかりつけの医療機関に連絡してください。',
  consultLink: '相談フォームはこちら',
  settingsLink: 'お便りの一時停止・停止はこちら',
  closingLabel: 'これまでのお礼',
}
