// 한국어 (ko): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const ko: LanguageContent = {
  language: 'ko',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      '출산을 축하드립니다. 무엇보다 먼저 몸을 쉬게 해 주세요. 모르는 것은 입원 중에 조산사나 간호사에게 무엇이든 물어보세요.',
  },
  closing: {
    primary: [
      '{{nickname}}님, 아이의 세 번째 생일을 축하드립니다.',
      '임신 중부터 오늘까지 이 소식을 읽어 주셔서 감사합니다. {{tenantName}}에서 보내는 정기 소식은 이것으로 마칩니다.',
      '앞으로도 육아로 어려울 때는 {{deskName}}({{deskPhone}}, {{deskHours}})에 상담할 수 있습니다.',
    ],
  },
}
