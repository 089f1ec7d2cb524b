// やさしい日本語 (ja-x-easy), written to the 在留支援のためのやさしい日本語ガイドライン: short
// sentences, one idea each, common words, readings as {漢字|かんじ}. Subjects stay neutral.

import { describeSlot } from '../../../../shared/program'
import type { AudienceWords, SectionLabel } from '../../language-content'
import { readingsOnly } from '../../readings'

const hello = '{{nickname}}さん、こんにちは。'

function dayLabel(slotKey: string): string {
  return describeSlot(slotKey, 'ja')
    .replace('妊娠', '{妊娠|にんしん}')
    .replace(/(\d+)歳の誕生日/, '$1さいの{誕生日|たんじょうび}')
}

function childGreeting(label: string, baby: string, child = baby): string {
  if (label === '生後0日') return `${hello}{今日|きょう}は${baby}が{生|う}まれた{日|ひ}です。`
  return label.startsWith('生後')
    ? `${hello}${baby}は{今日|きょう}で${label}です。`
    : `${hello}{今日|きょう}は${child}の${label}です。`
}

// Short labels sit inside an SMS: in kana, so that no reading in brackets takes up room.
const same = (text: string): SectionLabel => ({ heading: text, short: readingsOnly(text) })
const shared = {
  baby: same('おなかの{赤|あか}ちゃん'),
  development: same('{赤|あか}ちゃんのそだち'),
  care: same('{毎日|まいにち}のおせわ'),
  checkups: same('{健診|けんしん}と{予防接種|よぼうせっしゅ}'),
}

const shortText = '【サンプル】{{nickname}}さんへ。「{{label}}」のお{知|し}らせです。'
const lossShortText = '【サンプル】{{nickname}}さんへ。{{tenantName}}からのお{知|し}らせです。'

export const primary: AudienceWords = {
  subject: '{{tenantName}}からのお{知|し}らせ',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy' ? `${hello}{今日|きょう}で${label}です。` : childGreeting(label, 'お{子|こ}さん'),
  labels: { ...shared, body: same('あなたの{体|からだ}'), tip: same('{今週|こんしゅう}のヒント') },
}

export const partner: AudienceWords = {
  subject: '{{tenantName}}からのお{知|し}らせ(パートナーの{人|ひと}へ)',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy'
      ? `${hello}パートナーは{今日|きょう}で${label}です。`
      : childGreeting(label, 'お{子|こ}さん'),
  labels: {
    ...shared,
    body: same('パートナーの{体|からだ}'),
    tip: { heading: '{今週|こんしゅう}あなたができること', short: 'あなたができること' },
  },
}

export const family: AudienceWords = {
  subject: '{{tenantName}}からのお{知|し}らせ(かぞくの{人|ひと}へ)',
  shortText,
  lossShortText,
  greeting: (label, track) =>
    track === 'pregnancy'
      ? `${hello}{妊娠|にんしん}している{家族|かぞく}は、{今日|きょう}で${label}です。`
      : childGreeting(label, '{赤|あか}ちゃん', '{家族|かぞく}のお{子|こ}さん'),
  labels: {
    ...shared,
    body: { heading: '{妊娠|にんしん}している{人|ひと}の{体|からだ}', short: 'からだのこと' },
    tip: { heading: '{家族|かぞく}ができること', short: 'かぞくができること' },
  },
}

export const fixed = {
  sampleMarking:
    '【サンプル】これは{見本|みほん}の{文|ぶん}です。{医者|いしゃ}も{助産師|じょさんし}も、まだ{読|よ}んで{確|たし}かめていません。',
  shortMarking: '【サンプル】',
  shortTextLimit: 50,
  dayLabel,
  shortLabel: readingsOnly,
  deskLine:
    'わからないことは、{{deskName}}に{聞|き}いてください。{電話|でんわ}は{{deskPhone}}です({{deskHours}})。{急|きゅう}に{体|からだ}の{具合|ぐあい}が{悪|わる}くなったら、いつもの{病院|びょういん}に{電話|でんわ}してください。',
  consultLink: '{相談|そうだん}のフォーム',
  settingsLink: 'お{知|し}らせを{休|やす}む・{止|と}める',
  closingLabel: 'ありがとう',
}
