import type { UrgencyWordList } from './list'

/**
 * Burmese in Unicode (a text typed in Zawgyi is converted for matching: ../zawgyi.ts). Spaces in
 * Burmese part phrases, not words, so spacing is ignored. A draft for review by a native speaker
 * and the desk's nurses (see list.ts).
 */
export const my: UrgencyWordList = {
  spaced: false,
  medical: ['သွေးဆင်း', 'သွေးထွက်', 'ရေမွှာပေါက်', 'အသက်ရှူမရ', 'သတိလစ်', 'ကလေးမလှုပ်', 'အဖျားကြီး'],
  selfHarm: ['သေချင်', 'ကိုယ့်ကိုယ်ကိုသတ်', 'မိမိကိုယ်ကိုသတ်', 'အသက်မရှင်ချင်'],
  childSafety: ['ကလေးကိုရိုက်', 'ကလေးကိုနာကျင်'],
  violence: ['အိမ်တွင်းအကြမ်းဖက်', 'ယောက်ျားကရိုက်'],
}
