// 日本語: primary, partner and family.

import { type LanguageContent, withAudience } from '../../language-content'
import { childBaby } from './child-baby'
import { childToddler } from './child-toddler'
import { loss } from './loss'
import { birthDay, closing } from './milestones'
import { pregnancy } from './pregnancy'
import { topics } from './topics'
import { familyTopics } from './topics-family'
import { family, fixed, partner, primary } from './words'

export const ja: LanguageContent = {
  language: 'ja',
  audiences: ['primary', 'partner', 'family'],
  ...fixed,
  words: { primary, partner, family },
  pregnancy,
  child: [...childBaby, ...childToddler],
  topics: withAudience(topics, 'family', familyTopics),
  loss,
  birthDay,
  closing,
}
