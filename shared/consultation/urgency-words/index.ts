import { en } from './en'
import { id } from './id'
import { ja } from './ja'
import { ko } from './ko'
import type { UrgencyWordList } from './list'
import { my } from './my'
import { ne } from './ne'
import { ptBR } from './pt-BR'
import { tl } from './tl'
import { vi } from './vi'
import { zhHans } from './zh-Hans'

export type { UrgencyWordList } from './list'

/** Words of urgency by language tag (やさしい日本語 is Japanese: ja's list covers it). */
export const urgencyWords: Readonly<Record<string, UrgencyWordList>> = {
  ja,
  en,
  'zh-Hans': zhHans,
  vi,
  ko,
  tl,
  'pt-BR': ptBR,
  ne,
  id,
  my,
}
