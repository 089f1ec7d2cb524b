// The daily topics for grandparents and other family: supporting the parents, never addressed
// as the pregnant person or the parent.

import type { AudienceTopics } from '../../language-content'

export const familyTopics: AudienceTopics = {
  feelings: {
    label: 'Feelings',
    texts: {
      pregnancy: [
        'Moods swing more easily in pregnancy. Listening first, before giving advice, is the greatest support.',
        'If someone seems unable to sleep or enjoy anything for two weeks or more, gently suggest mentioning it at a checkup or to the desk.',
      ],
      baby: [
        'Low moods are common after a birth. A simple “you are doing well” helps more than advice.',
        'If tears or sleeplessness go on, help the parents reach the desk early. A family member may call with them.',
      ],
      toddler: [
        'Parents in the “no!” phase are truly tired. Rather than advice, offer to look after the child for a while.',
      ],
    },
  },
  couple: {
    label: 'Your family',
    texts: {
      pregnancy: [
        'The parents are in charge of their child. Asking “what would help?” before acting avoids misunderstandings.',
      ],
      baby: [
        'Keep visits and calls to what suits the parents’ health and plans. A slow reply usually means they are resting.',
      ],
      toddler: [
        'If your views on discipline differ from the parents’, talk with them later rather than in front of the child.',
      ],
    },
  },
  food: {
    label: 'Food',
    texts: {
      pregnancy: [
        'Some foods are best avoided in pregnancy, such as raw meat and unpasteurised cheese. Home-cooked dishes that can be reheated make welcome gifts.',
      ],
      baby: [
        'Cooking is one of the hardest things after a birth. Dishes that can be frozen are a great help.',
      ],
      toddler: [
        'Do not give nuts or beans to children aged five or under, and cut grapes and cherry tomatoes small. Have the child sit down to eat.',
      ],
    },
  },
  rest: {
    label: 'Sleep and rest',
    texts: {
      pregnancy: [
        'Sleep often gets lighter late in pregnancy. Taking on a few chores makes room for a rest in the day.',
      ],
      baby: [
        'Looking after the baby for even a couple of hours lets the parents sleep. Try saying “go and sleep, I have the baby”.',
      ],
      toddler: [
        'Telling the parents in advance when you can look after the child helps them plan some rest.',
      ],
    },
  },
  procedures: {
    label: 'Money and paperwork',
    texts: {
      pregnancy: [
        'Municipalities offer benefits for birth and child-raising. The parents handle the applications; help with errands when asked.',
      ],
      baby: [
        'Some procedures after the birth have deadlines. If asked, go with the parents to the counter or look after older children.',
      ],
      toddler: [
        'Nursery and temporary childcare applications open at set times. When helping look into them, go by {{tenantName}}’s latest information.',
      ],
    },
  },
  local: {
    label: 'Local support',
    texts: {
      pregnancy: [
        '{{tenantName}} has a desk for questions from pregnancy on. Do not carry worries alone as a family: turn to {{deskName}} together with the parents.',
      ],
      baby: [
        'If you live far away, telling the parents about postpartum care or home help in their area is real support.',
      ],
      toddler: [
        'Drop-in spaces and temporary childcare are there for families. Suggesting them to the parents is support too.',
      ],
    },
  },
}
