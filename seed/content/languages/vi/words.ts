// Tiếng Việt (vi), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${Math.floor(n / 7)} tuần ${n % 7} ngày`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'ngày sinh' : `${n} ngày tuổi`
  const weeks = phase === 'age1' ? n : 2 * n
  const birthday = `sinh nhật ${phase === 'age1' ? 1 : 2} tuổi của bé`
  return weeks === 0 ? birthday : `${weeks} tuần sau ${birthday}`
}

const hello = 'Xin chào {{nickname}}. '

export const primary: AudienceWords = {
  subject: 'Tin nhắn từ {{tenantName}}',
  shortText: '[Mẫu] Tin cho {{nickname}}: {{label}}.',
  lossShortText: '[Mẫu] {{nickname}}, tin nhắn từ {{tenantName}}.',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}Hôm nay bạn đang mang thai ${label}.`
    if (label === 'ngày sinh') return `${hello}Hôm nay là ngày bé chào đời.`
    return label.endsWith('ngày tuổi') ? `${hello}Hôm nay bé được ${label}.` : `${hello}Hôm nay là ${label}.`
  },
  labels: {
    baby: { heading: 'Em bé tuần này', short: 'em bé tuần này' },
    body: { heading: 'Cơ thể bạn', short: 'cơ thể bạn' },
    tip: { heading: 'Lời khuyên tuần này', short: 'lời khuyên' },
    development: { heading: 'Sự phát triển của bé', short: 'sự phát triển' },
    care: { heading: 'Chăm sóc hằng ngày', short: 'chăm sóc bé' },
    checkups: { heading: 'Khám sức khỏe và tiêm chủng', short: 'khám và tiêm' },
  },
}

export const fixed = {
  sampleMarking: '[Mẫu] Đây là nội dung mẫu, chưa được bác sĩ, nữ hộ sinh hay người dịch kiểm tra.',
  shortMarking: '[Mẫu]',
  // Vietnamese letters with diacritics make the SMS UCS-2: 70 characters, the page link included.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading.toLowerCase(),
  deskLine:
    'Nếu có thắc mắc, hãy liên hệ {{deskName}} ({{deskPhone}}, {{deskHours}}). Khi sức khỏe thay đổi đột ngột, hãy gọi cho bác sĩ hoặc bệnh viện bạn thường khám.',
  consultLink: 'Mở trang gửi câu hỏi tư vấn',
  settingsLink: 'Tạm dừng hoặc dừng nhận tin',
  closingLabel: 'lời cảm ơn',
}
