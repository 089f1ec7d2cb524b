import { withoutMarks } from './unmarked'
import { type UrgencyWordList, urgencyWords } from './urgency-words'
import { zawgyiAsUnicode } from './zawgyi'

/**
 * Words in a consultation that suggest someone may need help now: the lists per language in
 * urgency-words/, every list checked against every text. When in doubt a word stays in — a
 * consultation wrongly marked urgent costs a desk a minute, a missed one can cost far more.
 * Matching ignores case and width (ＡＢＣ = ABC, NFKC), the marks a list says phones drop
 * (`unmarked`: "toi muon chet"), and Burmese typed in Zawgyi (converted for matching only); it
 * does not try to understand negation (「出血はありません」 still counts).
 */
export type UrgencyKind = 'medical' | 'selfHarm' | 'childSafety' | 'violence'
const kinds: readonly UrgencyKind[] = ['medical', 'selfHarm', 'childSafety', 'violence']

export interface UrgencyAssessment {
  urgent: boolean
  selfHarm: boolean
  childSafety: boolean
  /** Violence at home: the resident is shown the national DV lines. */
  violence: boolean
  /** The listed words found, for the desk. */
  matched: string[]
}

/** Folds width, case and curly apostrophes; spacing is left to the caller. */
const foldCase = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")

/** Folds width, case, curly apostrophes and all spacing, so 「死に たい」 and “CAN’T BREATHE” match. */
export function foldForMatching(text: string): string {
  return foldCase(text).replace(/\s+/gu, '')
}

const foldSpaced = (text: string) => foldCase(text).replace(/\s+/gu, ' ')

// A word's edge: no letter, mark or digit beside it — except Japanese or Chinese, written without
// spaces, so "DVを受けています" still has "dv" on its own.
const wordChar = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}]/u
const isWordChar = (c: string | undefined) => c !== undefined && wordChar.test(c)

/** Whether `phrase` stands in `text` on a word's edge at its start (and its end, unless `runsOn`). */
function containsWord(text: string, phrase: string, runsOn: boolean): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = [...text.slice(Math.max(0, at - 2), at)].pop()
    const after = String.fromCodePoint(text.codePointAt(at + phrase.length) ?? 32)
    if (isWordChar(before) || (!runsOn && isWordChar(after))) continue
    return true
  }
  return false
}

/** A text folded each way a phrase may be looked for in it. */
interface Folded {
  spaced: string
  unspaced: string
  unmarked: string
}

/** The word as the desk sees it, and whether a folded text contains it. */
type Matcher = readonly [word: string, test: (text: Folded) => boolean]

function matcher(word: string, list: UrgencyWordList): Matcher {
  const shown = word.replace(/\*$/, '')
  if (!list.spaced) {
    const folded = foldForMatching(shown)
    return [shown, ({ unspaced }) => unspaced.includes(folded)]
  }
  const folded = foldSpaced(shown)
  const runsOn = word.endsWith('*')
  const bare = withoutMarks(folded)
  if (!list.unmarked || list.unmarked.ambiguous.includes(word) || bare === folded)
    return [shown, ({ spaced }) => containsWord(spaced, folded, runsOn)]
  return [
    shown,
    ({ spaced, unmarked }) => containsWord(spaced, folded, runsOn) || containsWord(unmarked, bare, runsOn),
  ]
}

const matchers: Record<UrgencyKind, Matcher[]> = {
  medical: [],
  selfHarm: [],
  childSafety: [],
  violence: [],
}
for (const list of Object.values(urgencyWords) as UrgencyWordList[])
  for (const kind of kinds) matchers[kind].push(...list[kind].map((w) => matcher(w, list)))

function fold(text: string): Folded {
  const spaced = foldSpaced(text)
  return { spaced, unspaced: foldForMatching(text), unmarked: withoutMarks(spaced) }
}

/** Every listed word, as the desk sees it. */
export const everyUrgencyWord: readonly string[] = kinds.flatMap((kind) => matchers[kind].map(([w]) => w))

export function assessUrgency(text: string): UrgencyAssessment {
  const zawgyi = zawgyiAsUnicode(text)
  const texts = zawgyi === undefined ? [fold(text)] : [fold(text), fold(zawgyi)]
  const found = (kind: UrgencyKind) => matchers[kind].filter(([, test]) => texts.some(test)).map(([w]) => w)
  const [medical, selfHarm, childSafety, violence] = kinds.map(found) as [
    string[],
    string[],
    string[],
    string[],
  ]
  const matched = [...new Set([...medical, ...selfHarm, ...childSafety, ...violence])]
  return {
    urgent: matched.length > 0,
    selfHarm: selfHarm.length > 0,
    childSafety: childSafety.length > 0,
    violence: violence.length > 0,
    matched,
  }
}
