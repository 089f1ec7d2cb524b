// The daily topics for the partner: supporting the pregnant person and sharing the care, never
// addressed as the one who is pregnant.

import type { AudienceTopics } from '../../language-content'

export const partnerTopics: AudienceTopics = {
  feelings: {
    label: 'Feelings',
    texts: {
      pregnancy: [
        'Moods swing more easily in pregnancy. Before encouraging, try simply saying “I hear you”.',
        'It is natural for you to feel anxious too. Talk about it with someone you trust, or with the desk.',
      ],
      baby: [
        'Low moods after a birth can happen to anyone. Say “go and rest”, and then make the time for it.',
        'How hard baby care is often only shows once you do it. Try taking sole charge for a while.',
      ],
      toddler: [
        'When the “no!” phase is wearing your partner out, offer to take over. Even a short break helps.',
      ],
    },
  },
  couple: {
    label: 'You and your partner',
    texts: {
      pregnancy: [
        'Ask “what would help?” rather than guessing. Sharing who does what now makes the weeks after the birth easier.',
      ],
      baby: [
        'A short talk at the end of the day, even five minutes, keeps you in step while the nights are broken.',
      ],
      toddler: [
        'Agree together how you both respond to tantrums: children settle more easily when the answer is the same.',
      ],
    },
  },
  food: {
    label: 'Food',
    texts: {
      pregnancy: [
        'Some foods are best avoided in pregnancy, such as raw meat and unpasteurised cheese. Cooking or shopping for the week is practical help.',
      ],
      baby: ['Feeding a baby leaves little time to cook. Take on meals, or keep simple food ready to eat.'],
      toddler: [
        'Do not give nuts or beans to children aged five or under, and cut grapes and cherry tomatoes small. Sit together while your child eats.',
      ],
    },
  },
  rest: {
    label: 'Sleep and rest',
    texts: {
      pregnancy: [
        'Late in pregnancy sleep often gets lighter. Take on what needs doing so that your partner can nap in the day.',
      ],
      baby: [
        'Take a night feed or an early morning shift so that your partner can sleep a few hours in a row.',
      ],
      toddler: ['Your own rest matters too. Take turns so that each of you has time off.'],
    },
  },
  procedures: {
    label: 'Money and paperwork',
    texts: {
      pregnancy: [
        'Check your workplace’s childcare leave and how to apply for it. Many procedures around the birth can be done by the partner.',
      ],
      baby: [
        'Birth registration, health insurance and child allowance have deadlines. Take on the ones you can.',
      ],
      toddler: [
        'Nursery and temporary childcare applications open at set times. Share the research, and go by {{tenantName}}’s latest information.',
      ],
    },
  },
  local: {
    label: 'Local support',
    texts: {
      pregnancy: [
        '{{deskName}} also takes questions from partners. You do not have to wait for your partner to call.',
      ],
      baby: ['Postpartum care and home help may be available in {{tenantName}}. Look them up together.'],
      toddler: [
        'Parenting drop-in spaces welcome partners too. Taking your child there gives you both a change.',
      ],
    },
  },
}
