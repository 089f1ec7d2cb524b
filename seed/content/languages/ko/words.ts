// 한국어 (ko), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `임신 ${Math.floor(n / 7)}주 ${n % 7}일`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? '태어난 날' : `생후 ${n}일`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = phase === 'age1' ? '첫 돌' : '두 돌'
  return weeks === 0 ? `아이의 ${birthday}` : `${birthday}로부터 ${weeks}주째 되는 날`
}

const hello = '{{nickname}}님, 안녕하세요. '

export const primary: AudienceWords = {
  subject: '{{tenantName}}에서 보내는 소식',
  shortText: '[샘플] {{nickname}}님, 오늘의 소식: {{label}}',
  lossShortText: '[샘플] {{nickname}}님, {{tenantName}}에서 보내는 소식입니다.',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}오늘로 ${label}입니다.`
    if (label === '태어난 날') return `${hello}오늘은 아기가 태어난 날입니다.`
    return label.startsWith('생후')
      ? `${hello}아기는 오늘로 ${label}입니다.`
      : `${hello}오늘은 ${label}입니다.`
  },
  labels: {
    baby: { heading: '이번 주 아기', short: '이번 주 아기' },
    body: { heading: '몸의 변화', short: '몸의 변화' },
    tip: { heading: '이번 주 팁', short: '이번 주 팁' },
    development: { heading: '발달', short: '발달' },
    care: { heading: '일상 돌봄', short: '일상 돌봄' },
    checkups: { heading: '건강검진과 예방접종', short: '검진과 접종' },
  },
}

export const fixed = {
  sampleMarking: '[샘플] 이 글은 의사, 조산사 또는 번역자의 검토를 받지 않은 예시입니다.',
  shortMarking: '[샘플]',
  // Hangul makes the SMS UCS-2: 70 characters, the page link included.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading,
  deskLine:
    '궁금한 점은 {{deskName}}({{deskPhone}}, {{deskHours}})에 문의하세요. 갑자기 몸 상태가 변하면 다니는 병원에 연락하세요.',
  consultLink: '상담 신청하기',
  settingsLink: '소식 일시 중지·중지하기',
  closingLabel: '감사 인사',
}
