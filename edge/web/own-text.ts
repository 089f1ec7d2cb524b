import { html } from 'hono/html'
import { ownTextLanguage } from '../../shared/languages'

/**
 * A resident's own text on a page (a nickname): isolated in <bdi>, so its direction is its own,
 * and marked Japanese by shared/languages' rule (kana; the line around it mixes two languages).
 */
export const ownText = (text: string) => {
  const lang = ownTextLanguage(text)
  return lang ? html`<bdi lang="${lang}">${text}</bdi>` : html`<bdi>${text}</bdi>`
}
