// Child months 0 … 11: development, everyday care, checkups and vaccinations.

import type { ChildRow } from '../../language-content'

export const childBaby: ChildRow[] = [
  {
    month: 0,
    development:
      'Sleeping, crying and feeding fill the days. Reflexes such as gripping a finger are present from birth.',
    care: 'Feed when the baby wants. Put the baby to sleep on the back with nothing soft around.',
    checkups:
      'Register the birth within 14 days, counting the day of birth. The one-month checkup comes at about one month.',
  },
  {
    month: 1,
    development: 'The baby gazes at nearby things and turns towards sounds.',
    care: 'Compare stool colour with the card in your handbook; if it stays pale, see a doctor.',
    checkups:
      'Time for the one-month checkup. Plan the vaccinations that start at two months with your doctor.',
  },
  {
    month: 2,
    development: 'The baby smiles when you play and makes cooing sounds.',
    care: 'Short spells outdoors are fine now; avoid direct sunlight.',
    checkups:
      'Routine vaccinations start at two months: the 5-in-1 (DTaP-IPV-Hib), pneumococcal, hepatitis B and rotavirus. Check timing with your municipality and doctor.',
  },
  {
    month: 3,
    development:
      'Many babies begin to hold their head up. They look at their hands and put them in their mouth.',
    care: 'Until head control is firm, support the head and neck when holding the baby.',
    checkups:
      'The 3–4 month checkup is due, and the second round of vaccinations continues. See your municipality’s notice for dates.',
  },
  {
    month: 4,
    development: 'Head control is firmer and the baby laughs out loud more often.',
    care: 'Day–night rhythm begins to form; open the curtains in the morning.',
    checkups:
      'The 3–4 month checkup and the third round of vaccinations fall around now. If the baby is unwell, ask your doctor.',
  },
  {
    month: 5,
    development: 'Some babies start rolling over and reach for toys.',
    care: 'Solids usually start at 5–6 months; drooling and interest in your food are signs of readiness.',
    checkups: 'BCG is usually given at 5–8 months; how it is offered differs between municipalities.',
  },
  {
    month: 6,
    development: 'Some babies can sit with support and begin to tell faces apart.',
    care: 'Everything goes into the mouth; keep anything smaller than about 4 cm out of reach.',
    checkups: 'Many areas hold a 6–7 month checkup. The third hepatitis B dose is coming up.',
  },
  {
    month: 7,
    development: 'More babies sit alone; wariness of strangers may begin.',
    care: 'Solids move to twice a day. Amounts vary; there is no hurry.',
    checkups: 'The third hepatitis B dose is usually at 7–8 months. If BCG is not done yet, check the plan.',
  },
  {
    month: 8,
    development: 'Some babies start crawling towards whatever catches their eye.',
    care: 'They get around more; consider gates at stairs and the kitchen.',
    checkups: 'BCG must be given before the first birthday; if it is still missing, ask your municipality.',
  },
  {
    month: 9,
    development: 'Some babies pull themselves up to stand and babble more sounds.',
    care: 'Solids move to three times a day; finger food builds eagerness to eat.',
    checkups:
      'The 9–10 month checkup is due. Your municipality’s notice says whether it is held at a clinic or a health centre.',
  },
  {
    month: 10,
    development: 'Some babies cruise along furniture and copy gestures such as waving.',
    care: 'Once teeth appear, start cleaning them with gauze or a soft brush.',
    checkups:
      'If you have not had the 9–10 month checkup, book it. Plan the vaccinations due from the first birthday.',
  },
  {
    month: 11,
    development: 'The baby picks up small things between finger and thumb and turns when called.',
    care: 'Watch out for water: do not leave water in the bath.',
    checkups: 'Book the vaccinations due from the first birthday, such as measles–rubella, in good time.',
  },
]
