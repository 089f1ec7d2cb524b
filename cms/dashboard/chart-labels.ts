// A chart's row labels on the server, where no text can be measured: full-width characters
// (Japanese) take 1 em in any Japanese font, others are held to a generous 0.62 em, so a label
// laid out here never runs past its room.

export const labelFontSize = 11
export const labelLineHeight = 13
/** The label column grows with its longest label up to this; longer labels wrap, then are cut. */
const widest = 260
const narrowest = 60
const maxLines = 3
const ellipsis = '…'

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

export const textWidth = (text: string, size = labelFontSize) =>
  [...text].reduce((width, char) => width + (wide.test(char) ? size : size * 0.62), 0)

/** Pieces a line may break between: each full-width character, each word with its space. */
const piecesOf = (text: string) => text.match(/[^\s\u2e80-\uffff]+\s*|\s+|./gsu) ?? []

// Closing marks stay with what they close (「の回答」 not 「の回答\n」」).
const closing = /^[、。，．）」』】〕！？ー・：]/u

/** The label column's width for these labels: the longest one's, within bounds. */
export function labelColumnWidth(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => textWidth(label)))
  return Math.ceil(Math.min(widest, Math.max(narrowest, longest))) + 8
}

/** A label's lines within `width`: wrapped, at most three, the last cut with 「…」 when it is longer. */
export function labelLines(label: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const piece of piecesOf(label.trim())) {
    const fits = textWidth((line + piece).trimEnd()) <= width
    if (fits || line === '' || closing.test(piece)) line += piece
    else {
      lines.push(line.trimEnd())
      line = piece.trimStart()
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  // A piece longer than the room (a long word), or a closing mark kept on its line: cut to fit.
  const fitted = lines.map((l) => cut(l, width, false))
  if (fitted.length <= maxLines) return fitted
  return [...fitted.slice(0, maxLines - 1), cut(fitted[maxLines - 1] ?? '', width, true)]
}

function cut(line: string, width: number, always: boolean): string {
  if (!always && textWidth(line) <= width) return line
  const chars = [...line]
  while (chars.length > 0 && textWidth(chars.join('') + ellipsis) > width) chars.pop()
  return chars.join('').trimEnd() + ellipsis
}
