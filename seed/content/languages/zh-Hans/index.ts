// 简体中文 (zh-Hans): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const zhHans: LanguageContent = {
  language: 'zh-Hans',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary: '恭喜宝宝出生！请把自己的休息放在第一位。住院期间有任何不明白的地方，都可以向助产士和护士询问。',
  },
  closing: {
    primary: [
      '{{nickname}}，祝孩子3岁生日快乐！',
      '感谢您从怀孕期间一直阅读这些消息。这是{{tenantName}}发送的最后一条定期消息。',
      '今后在育儿中遇到困难时，仍然可以咨询{{deskName}}（{{deskPhone}}，{{deskHours}}）。',
    ],
  },
}
