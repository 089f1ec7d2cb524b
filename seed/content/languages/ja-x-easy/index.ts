// やさしい日本語 (ja-x-easy): primary, partner and family. Rows are per span of weeks and months.

import type { LanguageContent } from '../../language-content'
import { child } from './child'
import { loss } from './loss'
import { birthDay, closing } from './milestones'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { family, fixed, partner, primary } from './words'

export const jaEasy: LanguageContent = {
  language: 'ja-x-easy',
  audiences: ['primary', 'partner', 'family'],
  ...fixed,
  words: { primary, partner, family },
  pregnancy,
  child,
  topics,
  loss,
  birthDay,
  closing,
}
