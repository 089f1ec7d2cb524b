/** A name in both languages, said each in its own sentence (never "全国コンテンツ / National contentを…"). */
export interface BothNames {
  ja: string
  en: string
}

/** What a publication was, as the history says it. */
export const scopeNames = {
  national: { ja: '全国コンテンツ', en: 'National content' },
  tenant: { ja: '自治体のコンテンツ', en: 'Municipality content' },
  rollback: { ja: 'ロールバック', en: 'Rollback' },
} satisfies Record<string, BothNames>

export const scopeName = (scope: string): BothNames =>
  scopeNames[scope as keyof typeof scopeNames] ?? { ja: scope, en: scope }

export const inBoth = (name: BothNames) => `${name.ja} / ${name.en}`

/** The question before publishing: each language names the scope in its own words. */
export function publishQuestion(name: BothNames, hasGaps: boolean): string {
  return hasGaps
    ? `メッセージのない日がありますが、「${name.ja}」を公開しますか？ / Some days have no message. Publish ${name.en} anyway?`
    : `「${name.ja}」を公開しますか？ / Publish ${name.en}?`
}
