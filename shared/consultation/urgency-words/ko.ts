import type { UrgencyWordList } from './list'

/**
 * Korean, written without spaces: people often leave them out ("죽고싶어"), and the stems match
 * whatever ending follows. A draft for review by a native speaker and the desk's nurses (see list.ts).
 */
export const ko: UrgencyWordList = {
  spaced: false,
  medical: [
    '출혈',
    '피가멈추지않',
    '양수가터졌',
    '경련',
    '숨을못쉬',
    '숨을안쉬',
    '숨이안쉬어',
    '숨을쉬지않',
    '의식이없',
    '태동이없',
    '태동이느껴지지않',
    '고열',
  ],
  selfHarm: ['죽고싶', '죽어버리고싶', '자살', '살고싶지않', '자해', '목숨을끊'],
  childSafety: ['아기를해칠', '아이를해칠', '아기를때릴', '아이를때릴', '아기를흔들'],
  violence: ['가정폭력', '남편이때려', '남편이때렸', '남편한테맞'],
}
