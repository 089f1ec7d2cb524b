/**
 * A folded text with the Latin marks phones often leave out taken off — tones and vowel marks
 * (Vietnamese "muốn chết" → "muon chet", đ → d) and accents (Portuguese "não" → "nao") — so a
 * phrase typed without them still matches. Only the combining marks of Latin letters go: the
 * vowel signs of Devanagari or Burmese are letters' parts, not optional accents.
 */
export function withoutMarks(folded: string): string {
  return folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .normalize('NFC')
}
