// The fixed wording around each message: the sample marking, greetings, day labels, the desk
// line, subjects and short texts. Subjects stay neutral so an inbox list reveals nothing.

import type { Audience, Language } from './types'

export type Edition = `${Audience}-${Language}`

export const sampleMarking: Record<Language, string> = {
  ja: '【サンプル】この文章は医師・助産師の監修を受けていない見本です。',
  en: '[Sample] This text has not been reviewed by a doctor or midwife.',
}

export const subjects: Record<Edition, string> = {
  'primary-ja': '{{tenantName}}からのお便り',
  'partner-ja': '{{tenantName}}からのお便り(パートナーの方へ)',
  'primary-en': 'A note from {{tenantName}}',
  'partner-en': 'A note from {{tenantName}} for partners',
}

/** Short-text templates; `{{label}}` is the section's short label. */
export const shortTexts: Record<Edition, string> = {
  'primary-ja': '【サンプル】{{nickname}}さんへ。今日のお便りは「{{label}}」です。',
  'partner-ja': '【サンプル】{{nickname}}さんへ。今日のお便りは「{{label}}」です。',
  'primary-en': '[Sample] Hi {{nickname}}, today’s note from {{tenantName}}: {{label}}.',
  'partner-en': '[Sample] Hi {{nickname}}, today’s note from {{tenantName}}: {{label}}.',
}

export const lossShortTexts: Record<Edition, string> = {
  'primary-ja': '【サンプル】{{nickname}}さんへ。{{tenantName}}からのお便りです。',
  'partner-ja': '【サンプル】{{nickname}}さんへ。{{tenantName}}からのお便りです。',
  'primary-en': '[Sample] {{nickname}}, a note from {{tenantName}}.',
  'partner-en': '[Sample] {{nickname}}, a note from {{tenantName}}.',
}

// Japanese day labels come from the engine's describeSlot (妊娠28週0日, 生後30日, 1歳の誕生日から4週);
// these are the English ones, written to sit inside a sentence.

export function pregnancyLabel(g: number): string {
  const w = Math.floor(g / 7)
  const d = g % 7
  return `${w} weeks and ${d} ${d === 1 ? 'day' : 'days'} pregnant`
}

export function childLabel(phase: 'newborn' | 'infant' | 'age1' | 'age2', n: number): string {
  if (phase === 'newborn' || phase === 'infant') return `${n} ${n === 1 ? 'day' : 'days'} old`
  const birthday = `your child’s ${phase === 'age1' ? 'first' : 'second'} birthday`
  const weeks = phase === 'age1' ? n : 2 * n
  return weeks === 0 ? birthday : `${weeks} weeks after ${birthday}`
}

/** The greeting line; `{{nickname}}` is filled in per resident. */
export function greeting(edition: Edition, label: string, track: 'pregnancy' | 'child'): string {
  const hello = edition === 'primary-en' ? 'Hello {{nickname}}. ' : '{{nickname}}さん、こんにちは。'
  if (edition === 'primary-en') {
    if (track === 'pregnancy') return `${hello}Today you are ${label}.`
    if (label === '0 days old') return `${hello}Today is the day your child was born.`
    return label.endsWith(' old') ? `${hello}Your child is ${label} today.` : `${hello}Today is ${label}.`
  }
  if (track === 'pregnancy') {
    return edition === 'partner-ja'
      ? `${hello}パートナーは今日で${label}です。`
      : `${hello}今日で${label}です。`
  }
  // 生後30日 reads as a count (今日で); 1歳の誕生日から4週 reads as a date (今日は).
  if (label === '生後0日') return `${hello}今日はお子さんが生まれた日です。`
  return label.startsWith('生後')
    ? `${hello}お子さんは今日で${label}です。`
    : `${hello}今日はお子さんの${label}です。`
}

export const deskLine: Record<Language, string> = {
  ja: '気になることは{{deskName}}({{deskPhone}}、{{deskHours}})へ。体調の急な変化は、かかりつけの医療機関に連絡してください。',
  en: 'Questions? Contact {{deskName}} ({{deskPhone}}, {{deskHours}}). For sudden changes in health, call your own doctor or hospital.',
}

export const consultLink: Record<Language, string> = {
  ja: '相談フォームはこちら',
  en: 'Open the consultation form',
}
