// မြန်မာဘာသာ (my), primary only: the fixed wording around each message. Subjects stay neutral.

import type { AudienceWords } from '../../language-content'
import { parseSlot } from '../../slots'

/** Myanmar digits, as Burmese text writes numbers. */
const digits = (n: number): string => String(n).replace(/\d/g, (d) => '၀၁၂၃၄၅၆၇၈၉'[Number(d)]!)

function dayLabel(slotKey: string): string {
  const { phase, n } = parseSlot(slotKey)
  if (phase === 'pregnancy') return `${digits(Math.floor(n / 7))} ပတ် ${digits(n % 7)} ရက်`
  if (phase === 'newborn' || phase === 'infant') return n === 0 ? 'မွေးတဲ့နေ့' : `${digits(n)} ရက်`
  const weeks = phase === 'age1' ? n : 2 * n
  const age = `ကလေး ${phase === 'age1' ? '၁' : '၂'} နှစ်ပြည့်`
  return weeks === 0 ? `${age} မွေးနေ့` : `${age}ပြီး ${digits(weeks)} ပတ်`
}

const hello = 'မင်္ဂလာပါ {{nickname}}။ '

export const primary: AudienceWords = {
  subject: '{{tenantName}} မှ သတင်းစကား',
  shortText: '[နမူနာ] {{nickname}} အတွက်: {{label}}။',
  lossShortText: '[နမူနာ] {{nickname}}၊ {{tenantName}} မှ သတင်းစကား။',
  greeting: (label, track) => {
    if (track === 'pregnancy') return `${hello}ဒီနေ့ ကိုယ်ဝန် ${label} ရှိပါပြီ။`
    if (label === 'မွေးတဲ့နေ့') return `${hello}ဒီနေ့ ကလေးမွေးတဲ့နေ့ ဖြစ်ပါတယ်။`
    if (/^[၀-၉]+ ရက်$/.test(label)) return `${hello}ဒီနေ့ ကလေး မွေးပြီး ${label} ရှိပါပြီ။`
    return label.endsWith('မွေးနေ့') ? `${hello}ဒီနေ့ ${label} ဖြစ်ပါတယ်။` : `${hello}ဒီနေ့ ${label} ရှိပါပြီ။`
  },
  labels: {
    baby: { heading: 'ဒီအပတ် ကလေးရဲ့ အခြေအနေ', short: 'ဒီအပတ် ကလေး' },
    body: { heading: 'သင့်ခန္ဓာကိုယ်', short: 'သင့်ခန္ဓာကိုယ်' },
    tip: { heading: 'ဒီအပတ်အတွက် အကြံပြုချက်', short: 'အကြံပြုချက်' },
    development: { heading: 'ကလေးရဲ့ ကြီးထွားမှု', short: 'ကြီးထွားမှု' },
    care: { heading: 'နေ့စဉ် ပြုစုစောင့်ရှောက်မှု', short: 'နေ့စဉ်ပြုစုမှု' },
    checkups: { heading: 'ကျန်းမာရေးစစ်ဆေးမှုနဲ့ ကာကွယ်ဆေး', short: 'စစ်ဆေးမှု၊ ကာကွယ်ဆေး' },
  },
}

export const fixed = {
  sampleMarking: '[နမူနာ] ဒါက နမူနာစာ ဖြစ်ပါတယ်။ ဆရာဝန်၊ သားဖွားဆရာမ ဒါမှမဟုတ် ဘာသာပြန်သူ မစစ်ဆေးရသေးပါ။',
  shortMarking: '[နမူနာ]',
  // Myanmar script makes the SMS UCS-2: 70 characters, the page link included.
  shortTextLimit: 50,
  dayLabel,
  shortLabel: (heading: string) => heading,
  deskLine:
    'မေးချင်တာရှိရင် {{deskName}} ({{deskPhone}}, {{deskHours}}) ကို ဆက်သွယ်ပါ။ ကျန်းမာရေး ရုတ်တရက် ပြောင်းလဲရင် သင်ပြနေကျ ဆရာဝန် ဒါမှမဟုတ် ဆေးရုံကို ဖုန်းဆက်ပါ။',
  consultLink: 'အကြံဉာဏ်မေးမြန်းရန် စာမျက်နှာကို ဖွင့်ပါ',
  settingsLink: 'စာများ ခဏရပ်ရန် သို့မဟုတ် ရပ်ဆိုင်းရန်',
  closingLabel: 'ကျေးဇူးတင်စကား',
}
