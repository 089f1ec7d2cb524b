export { bilingual } from '../../shared/contract/messages'

/** A label for the admin UI, which picks the user's language. */
export function label(ja: string, en: string): { ja: string; en: string } {
  return { ja, en }
}
