// 简体中文 (zh-Hans), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `怀孕${Math.floor(n / 7)}周${n % 7}天`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? '出生当天' : `出生后第${n}天`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `${phase === 'age1' ? 1 : 2}岁生日`
  return weeks === 0 ? birthday : `${birthday}后第${weeks}周`
}

export const primary: AudienceWords = {
  subject: '来自{{tenantName}}的消息',
  shortText: '【示例】{{nickname}}您好，今天的消息：「{{label}}」。',
  lossShortText: '【示例】{{nickname}}，这是来自{{tenantName}}的消息。',
  greeting: (label, track) => {
    const hello = '{{nickname}}您好。'
    if (track === 'pregnancy') return `${hello}今天您已${label}。`
    if (label === '出生当天') return `${hello}今天是宝宝出生的日子。`
    return label.startsWith('出生') ? `${hello}今天是宝宝${label}。` : `${hello}今天是孩子${label}。`
  },
  labels: {
    baby: { heading: '本周宝宝的发育', short: '本周宝宝' },
    body: { heading: '您的身体', short: '您的身体' },
    tip: { heading: '本周小贴士', short: '小贴士' },
    development: { heading: '发育情况', short: '发育情况' },
    care: { heading: '日常照护', short: '日常照护' },
    checkups: { heading: '体检与疫苗接种', short: '体检与疫苗' },
  },
}

export const fixed = {
  sampleMarking: '【示例】本文为示例内容，未经医生、助产士或译者审核。',
  shortMarking: '【示例】',
  // UCS-2 holds 70 characters; the SMS channel appends the page link (about 20 with a line break).
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading,
  deskLine:
    '如有疑问，请联系{{deskName}}（{{deskPhone}}，{{deskHours}}）。如身体突然不适，请联系您常去的医院或医生。',
  consultLink: '打开咨询表单',
  settingsLink: '暂停或停止接收这些消息',
  closingLabel: '感谢',
}
