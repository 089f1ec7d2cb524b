// नेपाली (ne): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const ne: LanguageContent = {
  language: 'ne',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'बच्चा जन्मिएकोमा हार्दिक बधाई छ! सबैभन्दा पहिले आराम गर्नुहोस्। अस्पतालमा बस्दा नबुझेका कुरा मिडवाइफ वा नर्सलाई सोध्नुहोस्।',
  },
  closing: {
    primary: [
      '{{nickname}}, बच्चाको तेस्रो जन्मदिनको हार्दिक शुभकामना!',
      'गर्भावस्थादेखि आजसम्म यी सन्देशहरू पढिदिनुभएकोमा धन्यवाद। {{tenantName}} बाट नियमित रूपमा पठाइने यो अन्तिम सन्देश हो।',
      'अबदेखि पनि बच्चा हुर्काउँदा सहयोग चाहिएमा {{deskName}} ({{deskPhone}}, {{deskHours}}) मा सम्पर्क गर्न सक्नुहुन्छ।',
    ],
  },
}
