// やさしい日本語 writes readings in the data as {漢字|かんじ}. The body contract has no ruby node
// yet, so every channel gets the plain form 漢字（かんじ）, which is also what SMS needs.

const reading = /\{([^{}|]+)\|([^{}|]+)\}/g

/** Text with `{漢字|かんじ}` readings → `漢字（かんじ）`. */
export function plainReadings(text: string): string {
  return text.replace(reading, '$1（$2）')
}

/** Text with every reading dropped, leaving the kanji: what a reader's eye scans for length. */
export function withoutReadings(text: string): string {
  return text.replace(reading, '$1')
}

/** Text with every `{漢字|かんじ}` removed: the kanji left are the ones written without a reading. */
export function outsideReadings(text: string): string {
  return text.replace(reading, '')
}

/** Text with every `{漢字|かんじ}` read aloud as `かんじ`: for short labels inside an SMS. */
export function readingsOnly(text: string): string {
  return text.replace(reading, '$2')
}
