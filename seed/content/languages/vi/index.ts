// Tiếng Việt (vi): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const vi: LanguageContent = {
  language: 'vi',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'Chúc mừng bạn đã sinh em bé! Hãy ưu tiên nghỉ ngơi trước hết. Trong thời gian nằm viện, điều gì chưa rõ cứ hỏi nữ hộ sinh và y tá.',
  },
  closing: {
    primary: [
      '{{nickname}}, chúc mừng sinh nhật 3 tuổi của bé!',
      'Cảm ơn bạn đã đọc những tin nhắn này từ khi mang thai đến nay. Đây là tin nhắn định kỳ cuối cùng từ {{tenantName}}.',
      'Sau này, khi cần hỗ trợ trong việc nuôi con, bạn vẫn có thể liên hệ {{deskName}} ({{deskPhone}}, {{deskHours}}).',
    ],
  },
}
