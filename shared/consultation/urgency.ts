/**
 * Words in a consultation that suggest someone may need help now. Data, not logic: reviewed by
 * the desk's nurses; when in doubt a word stays in — a consultation wrongly marked urgent costs a
 * desk a minute, a missed one can cost far more. Matching ignores case, width (ＡＢＣ = ABC) and
 * spacing, and does not try to understand negation (「出血はありません」 still counts).
 */
export const urgencyTerms = {
  /** Body or baby: the emergency numbers go first. */
  medical: [
    '出血',
    '大量の血',
    '血が止まらない',
    '破水',
    '痙攣',
    'けいれん',
    'ケイレン',
    'ひきつけ',
    '息ができない',
    '息が苦しい',
    '呼吸が苦しい',
    '息をしていない',
    '呼吸をしていない',
    '意識がない',
    '意識が無い',
    '意識がもうろう',
    'ぐったり',
    '高熱',
    '激痛',
    '激しい痛み',
    '胎動がない',
    '胎動を感じない',
    '胎動が少ない',
    '頭を強く打',
    '誤飲',
    '唇が紫',
    'bleeding',
    'haemorrhage',
    'hemorrhage',
    'waters broke',
    'water broke',
    'waters have broken',
    'water has broken',
    'seizure',
    'convulsion',
    "can't breathe",
    'cannot breathe',
    'not breathing',
    'trouble breathing',
    'unconscious',
    'unresponsive',
    'high fever',
    'severe pain',
    'baby not moving',
    'baby is not moving',
    'no fetal movement',
    'hit his head',
    'hit her head',
    'swallowed',
  ],
  /** Thoughts of dying or self-harm: the emergency numbers first, and the national lines. */
  selfHarm: [
    '死にたい',
    'しにたい',
    '死んでしまいたい',
    '消えたい',
    'きえたい',
    '消えてしまいたい',
    '自殺',
    '生きていたくない',
    '生きるのがつらい',
    '生きるのが辛い',
    '自分を傷つけ',
    'リストカット',
    '一緒に死',
    'want to die',
    'wanna die',
    'kill myself',
    'end my life',
    'suicide',
    'suicidal',
    'disappear',
    'hurt myself',
    'self-harm',
    'self harm',
    "don't want to live",
    'do not want to live',
  ],
  /** Fear of hurting the child: the emergency numbers first. */
  childSafety: [
    '子どもを傷つけ',
    '子供を傷つけ',
    '赤ちゃんを傷つけ',
    '叩いてしまいそう',
    '手をあげてしまいそう',
    '虐待',
    'hurt my baby',
    'hurt my child',
    'shake my baby',
    'shaking my baby',
  ],
} as const satisfies Record<string, readonly string[]>

export type UrgencyKind = keyof typeof urgencyTerms

export interface UrgencyAssessment {
  urgent: boolean
  selfHarm: boolean
  childSafety: boolean
  /** The listed words found, for the desk. */
  matched: string[]
}

/** Folds width, case, curly apostrophes and all spacing, so 「死に たい」 and “CAN’T BREATHE” match. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/gu, '')
}

const folded = Object.fromEntries(
  Object.entries(urgencyTerms).map(([kind, words]) => [
    kind,
    words.map((w) => [w, foldForMatching(w)] as const),
  ]),
) as Record<UrgencyKind, (readonly [string, string])[]>

export function assessUrgency(text: string): UrgencyAssessment {
  const haystack = foldForMatching(text)
  const found = (kind: UrgencyKind) => folded[kind].filter(([, f]) => haystack.includes(f)).map(([w]) => w)
  const medical = found('medical')
  const selfHarm = found('selfHarm')
  const childSafety = found('childSafety')
  const matched = [...medical, ...selfHarm, ...childSafety]
  return {
    urgent: matched.length > 0,
    selfHarm: selfHarm.length > 0,
    childSafety: childSafety.length > 0,
    matched,
  }
}
