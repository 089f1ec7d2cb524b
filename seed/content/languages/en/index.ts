// English: primary, partner and family.

import { type LanguageContent, withAudience } from '../../language-content'
import { childBaby } from './child-baby'
import { childToddler } from './child-toddler'
import { loss } from './loss'
import { birthDay, closing } from './milestones'
import { pregnancyEarly } from './pregnancy-early'
import { pregnancyLate } from './pregnancy-late'
import { topics } from './topics'
import { familyTopics } from './topics-family'
import { partnerTopics } from './topics-partner'
import { family, fixed, partner, primary } from './words'

export const en: LanguageContent = {
  language: 'en',
  audiences: ['primary', 'partner', 'family'],
  ...fixed,
  words: { primary, partner, family },
  pregnancy: [...pregnancyEarly, ...pregnancyLate],
  child: [...childBaby, ...childToddler],
  topics: withAudience(withAudience(topics, 'partner', partnerTopics), 'family', familyTopics),
  loss,
  birthDay,
  closing,
}
