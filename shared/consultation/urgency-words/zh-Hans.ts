import type { UrgencyWordList } from './list'

/**
 * Simplified Chinese. A draft for review by a native speaker and the desk's nurses (see list.ts).
 * Not 想死 alone: 想死你了 means "I miss you so".
 */
export const zhHans: UrgencyWordList = {
  spaced: false,
  medical: [
    '出血',
    '流血',
    '破水',
    '羊水破',
    '抽搐',
    '痉挛',
    '喘不过气',
    '不能呼吸',
    '没有呼吸',
    '没呼吸',
    '昏迷',
    '失去意识',
    '没有胎动',
    '胎动消失',
    '感觉不到胎动',
    '胎动减少',
    '高烧',
  ],
  selfHarm: [
    '不想活了',
    '不想活下去',
    '活不下去',
    '自杀',
    '轻生',
    '想去死',
    '伤害自己',
    '割腕',
    '结束生命',
    '结束自己的生命',
  ],
  childSafety: ['伤害宝宝', '伤害孩子', '伤害婴儿', '摇晃宝宝', '掐死'],
  violence: ['家暴', '家庭暴力', '老公打我', '丈夫打我'],
}
