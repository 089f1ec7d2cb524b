/**
 * One language's words of urgency. A SAFETY NET, NOT A DIAGNOSIS: every list must be reviewed by
 * the desk's nurses and by a native speaker before it is relied on (staff read every consultation
 * anyway). Every list is checked against every text, whatever language the resident chose: a
 * Vietnamese mother may write in Japanese or English.
 *
 * `spaced`: the language separates words with spaces, so a phrase must start and end on a word's
 * edge ("tự tử" does not match inside a longer word); a phrase ending in `*` may run on
 * ("suicid*": suicide, suicidal). Unspaced (Japanese, Chinese, Korean as people type it, Burmese):
 * spacing is ignored and a phrase matches anywhere.
 */
export interface UrgencyWordList {
  spaced: boolean
  /**
   * Latin-script languages whose marks phones often drop ("toi muon chet", "nao consigo
   * respirar"): every phrase also matches with the marks taken off it and the text (đ → d) —
   * except the phrases in `ambiguous`, whose unmarked form is also an everyday phrase (vi
   * "vỡ ối" → "vo oi", as in "vợ ơi"). Such a phrase keeps a longer listed form that is not
   * ("bị vỡ ối"), and the test of the language holds an everyday sentence for each.
   */
  unmarked?: { readonly ambiguous: readonly string[] }
  /** Body or baby: the emergency numbers go first. */
  medical: readonly string[]
  /** Thoughts of dying or self-harm: the emergency numbers first, and the national lines. */
  selfHarm: readonly string[]
  /** Fear of hurting the child: the emergency numbers first, and the child guidance line. */
  childSafety: readonly string[]
  /** Violence at home: the emergency numbers first, and the national DV lines. */
  violence: readonly string[]
}
