// Admin component paths are resolved from the app's import map base directory (cms/).
const cells = '/plugin/fields/WordsCells'

/** A list column that shows a code in words: pregnancy/28 → 妊娠4週0日（pregnancy/28）, primary → 本人. */
export const wordsCell = (of: 'slot' | 'audience' | 'language') => ({
  components: {
    Cell: `${cells}#${{ slot: 'SlotCell', audience: 'AudienceCell', language: 'LanguageCell' }[of]}`,
  },
})
