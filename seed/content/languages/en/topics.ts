// The daily topics, a few variants per era and audience so that repeats are weeks apart.

import type { TopicContent } from '../../language-content'

export const topics: TopicContent[] = [
  {
    key: 'feelings',
    label: {
      primary: 'Feelings',
    },
    texts: {
      pregnancy: {
        primary: [
          'Worry or sudden tears are partly caused by changes in your body. When it is hard, do not carry it alone; talk to someone.',
          'Feeling joy and worry at the same time is natural. Both feelings deserve room.',
          'If you cannot sleep or enjoy anything for two weeks or more, mention it at a checkup or to the desk. Help is available.',
        ],
      },
      baby: {
        primary: [
          'Low moods are common after a birth. If tears or sleeplessness continue, ask for help early.',
          'Days when you cannot feel the love do not make you a bad parent; they may be a sign of exhaustion.',
        ],
      },
      toddler: {
        primary: [
          'Coping with the “no!” phase is truly hard. Days that do not go well are normal.',
          'If comparisons with other children worry you, ask at a checkup or the desk.',
        ],
      },
    },
  },
  {
    key: 'couple',
    label: {
      primary: 'You and your family',
    },
    texts: {
      pregnancy: {
        primary: [
          'Saying what you need, specifically, makes it easier for others to help: “could you do this?”',
          'Make time to talk with your partner or family about the birth and raising your child.',
          'Support is not only family: friends, neighbours and the public health nurses are on your side too.',
        ],
      },
      baby: {
        primary: [
          'Talk with your family about taking turns with night feeds and care.',
          'When you are tired, let the housework slide; rest comes first.',
        ],
      },
      toddler: {
        primary: [
          'When you disagree about parenting, talk it over calmly, away from the child.',
          'Now and then, leave the child with family and take time for yourself.',
        ],
      },
    },
  },
  {
    key: 'food',
    label: {
      primary: 'Food',
    },
    texts: {
      pregnancy: {
        primary: [
          'Avoid raw meat, uncooked ham and unpasteurised cheese to prevent food poisoning.',
          'Some large fish contain more mercury, so there are guidelines on how much to eat; ask at a checkup.',
          'Go easy on salt; stock and herbs keep lightly seasoned food tasty.',
        ],
      },
      baby: {
        primary: [
          'Drink often while breastfeeding. On days you cannot cook, ready meals or delivery are fine.',
          'Follow the baby’s pace with solids. Do not give honey before the first birthday.',
        ],
      },
      toddler: {
        primary: [
          'Cut foods that can choke, such as whole nuts or round cherry tomatoes, into small pieces.',
          'Eating together at the same table makes meals enjoyable for the child.',
        ],
      },
    },
  },
  {
    key: 'rest',
    label: {
      primary: 'Sleep and rest',
    },
    texts: {
      pregnancy: {
        primary: [
          'Lie down when you can. After a poor night, even a short daytime rest helps.',
          'If crowded commutes are hard, wear a maternity badge or ask about staggered hours.',
          'Limit your phone before bed; a lukewarm bath can help you sleep.',
        ],
      },
      baby: {
        primary: [
          'Rest when the baby sleeps whenever you can.',
          'If crying will not stop, lay the baby down somewhere safe and step away to breathe. Never shake a baby.',
        ],
      },
      toddler: {
        primary: [
          'Morning light and outdoor play during the day help build an early-to-bed rhythm.',
          'Adults need sleep too; when you are short of it, take turns with your family.',
        ],
      },
    },
  },
  {
    key: 'procedures',
    label: {
      primary: 'Money and paperwork',
    },
    texts: {
      pregnancy: {
        primary: [
          'Municipal vouchers cover much of the cost of prenatal checkups; check how to use them.',
          'Check your municipality’s pages for the childbirth lump-sum allowance and support benefits for pregnant residents.',
          'If you work, ask your employer about maternity and childcare leave benefits and how to claim them.',
        ],
      },
      baby: {
        primary: [
          'After the birth: birth registration, health insurance, child allowance and medical-cost support all have deadlines.',
          'Medical-cost support may need a certificate; bring it with the insurance card to appointments.',
        ],
      },
      toddler: {
        primary: [
          'Nursery applications have deadlines; check your municipality’s guide early if you are considering one.',
          'Report a change of address or bank account for the child allowance.',
        ],
      },
    },
  },
  {
    key: 'local',
    label: {
      primary: 'Local support',
    },
    texts: {
      pregnancy: {
        primary: [
          'Local public health nurses and midwives listen to small worries too. Feel free to get in touch.',
          'Parenting classes and local events are a chance to meet others due around the same time.',
          'Look up postnatal services, such as postpartum care and home help, while you are still pregnant.',
        ],
      },
      baby: {
        primary: [
          'At the local child-rearing support centre you can play with your baby and ask questions casually.',
          'Postpartum care and temporary childcare are there to be used when you are tired.',
        ],
      },
      toddler: {
        primary: [
          'Children’s halls and play spaces let your child meet others of the same age.',
          'You can ask the local desk about parenting worries any time, not only at checkups.',
        ],
      },
    },
  },
]
