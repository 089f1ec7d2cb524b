import type { Prefecture } from '../../shared/contract'

/**
 * Prefectures where #7119 (救急安心センター) answers throughout the prefecture. Data, not logic:
 * check it against the 総務省消防庁 list before each release; where it is missing, 119 and the
 * tenant's desk are shown instead. Partial coverage (a few cities only) is left out on purpose —
 * a wrong number at night is worse than none.
 */
export const prefecturesWith7119: ReadonlySet<Prefecture> = new Set<Prefecture>([
  '宮城県',
  '山形県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '新潟県',
  '山梨県',
  '長野県',
  '京都府',
  '大阪府',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '徳島県',
  '香川県',
  '愛媛県',
  '福岡県',
  '熊本県',
])

export function hasEmergencyConsultationLine(prefecture: Prefecture): boolean {
  return prefecturesWith7119.has(prefecture)
}
