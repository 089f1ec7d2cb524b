// မြန်မာဘာသာ (my): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const my: LanguageContent = {
  language: 'my',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'ကလေး မွေးဖွားလာတဲ့အတွက် ဝမ်းမြောက်ပါတယ်! အရင်ဆုံး အနားယူဖို့ကို ဦးစားပေးပါ။ ဆေးရုံမှာ နေတုန်း မသိတာရှိရင် သားဖွားဆရာမ ဒါမှမဟုတ် သူနာပြုကို မေးပါ။',
  },
  closing: {
    primary: [
      '{{nickname}}၊ ကလေး ၃ နှစ်ပြည့် မွေးနေ့အတွက် ဝမ်းမြောက်ပါတယ်!',
      'ကိုယ်ဝန်ဆောင်ချိန်ကစပြီး ဒီစာတွေကို ဖတ်ပေးတဲ့အတွက် ကျေးဇူးတင်ပါတယ်။ ဒါက {{tenantName}} က ပုံမှန်ပို့တဲ့ နောက်ဆုံးစာ ဖြစ်ပါတယ်။',
      'နောက်ပိုင်းမှာလည်း ကလေးပြုစုရာမှာ အကူအညီလိုရင် {{deskName}} ({{deskPhone}}, {{deskHours}}) ကို ဆက်သွယ်နိုင်ပါတယ်။',
    ],
  },
}
