// Tagalog (tl): primary. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { fixed, primary } from './words'

export const tl: LanguageContent = {
  language: 'tl',
  audiences: ['primary'],
  ...fixed,
  words: { primary },
  pregnancy,
  child,
  topics,
  loss,
  birthDay: {
    primary:
      'Binabati namin kayo sa pagsilang ng inyong sanggol! Unahin muna ang pahinga. Habang nasa ospital, itanong lang sa komadrona o nars ang anumang hindi malinaw.',
  },
  closing: {
    primary: [
      '{{nickname}}, maligayang ikatlong kaarawan sa inyong anak!',
      'Salamat sa pagbabasa ng mga mensaheng ito mula pa noong pagbubuntis. Ito na ang huling regular na mensahe mula sa {{tenantName}}.',
      'Kahit pagkatapos nito, kung kailangan ninyo ng tulong sa pagpapalaki ng anak, maaari pa rin kayong makipag-ugnayan sa {{deskName}} ({{deskPhone}}, {{deskHours}}).',
    ],
  },
}
