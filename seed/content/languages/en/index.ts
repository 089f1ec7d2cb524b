// English: primary, partner and family.

import type { LanguageContent } from '../../language-content'
import { childBaby } from './child-baby'
import { childToddler } from './child-toddler'
import { loss } from './loss'
import { birthDay, closing } from './milestones'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { family, fixed, partner, primary } from './words'

export const en: LanguageContent = {
  language: 'en',
  audiences: ['primary'],
  ...fixed,
  words: { primary, partner, family },
  pregnancy,
  child: [...childBaby, ...childToddler],
  topics,
  loss,
  birthDay,
  closing,
}
