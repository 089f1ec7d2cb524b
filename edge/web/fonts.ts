// The web fonts a page in a language needs, served by the Worker from the npm-shipped Noto
// families. Placeholder until the fonts land: no link, the system's fonts.

export function fontLinks(_tag: string): string {
  return ''
}
