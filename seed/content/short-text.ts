// The short text is one SMS: UCS-2 holds 70 characters, and the SMS channel appends a link to
// the message page (about 20 characters with a line break). Each language holds its short texts
// to its `shortTextLimit` (Japanese 50) *after* each placeholder is counted at its budget below.

/** Characters reserved for each placeholder when measuring a short text. */
export const placeholderBudget: Record<string, number> = {
  nickname: 10,
  tenantName: 12,
  deskName: 16,
  deskPhone: 13,
  deskHours: 16,
}

/** Length of a short text with every `{{name}}` counted at its budget (UTF-16 code units). */
export function budgetedLength(text: string): number {
  return text.replace(/\{\{([a-zA-Z]+)\}\}/g, (_, name: string) => {
    const budget = placeholderBudget[name]
    if (budget === undefined) throw new Error(`Short text uses {{${name}}}, which has no character budget`)
    return 'x'.repeat(budget)
  }).length
}
