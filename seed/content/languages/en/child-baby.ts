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
    partner:
      'Take charge of some jobs, such as bathing, nappy changes, or settling the baby after night feeds.',
    family:
      'The body is still recovering from the birth. Keep congratulation visits short, and put help that lets the parents rest first, such as meals and housework.',
  },
  {
    month: 1,
    development: 'The baby gazes at nearby things and turns towards sounds.',
    care: 'Compare stool colour with the card in your handbook; if it stays pale, see a doctor.',
    checkups:
      'Time for the one-month checkup. Plan the vaccinations that start at two months with your doctor.',
    partner: 'Go along to the one-month checkup, or take on booking the vaccinations.',
    family:
      'Ideas about sleep and holding babies have changed. Follow what the parents were told at the hospital and checkups, such as putting the baby to sleep on the back.',
  },
  {
    month: 2,
    development: 'The baby smiles when you play and makes cooing sounds.',
    care: 'Short spells outdoors are fine now; avoid direct sunlight.',
    checkups:
      'Routine vaccinations start at two months: the 5-in-1 (DTaP-IPV-Hib), pneumococcal, hepatitis B and rotavirus. Check timing with your municipality and doctor.',
    partner:
      'On vaccination days, do the holding and the going along, and watch the baby together afterwards.',
    family:
      'Vaccinations start now. Looking after older children or driving lets the parents go along calmly.',
  },
  {
    month: 3,
    development:
      'Many babies begin to hold their head up. They look at their hands and put them in their mouth.',
    care: 'Until head control is firm, support the head and neck when holding the baby.',
    checkups:
      'The 3–4 month checkup is due, and the second round of vaccinations continues. See your municipality’s notice for dates.',
    partner: 'Put checkup and vaccination dates in the family calendar so that you both know them.',
    family:
      'Night feeds leave parents short of sleep. Watch the baby for a while in the day so that they can sleep.',
  },
  {
    month: 4,
    development: 'Head control is firmer and the baby laughs out loud more often.',
    care: 'Day–night rhythm begins to form; open the curtains in the morning.',
    checkups:
      'The 3–4 month checkup and the third round of vaccinations fall around now. If the baby is unwell, ask your doctor.',
    partner: 'Build a daily rhythm together: morning light, and a dark room at night.',
    family:
      'Once the baby rolls over, falls from sofas and beds become likely. When you look after the baby, stay close to the floor in a safe place.',
  },
  {
    month: 5,
    development: 'Some babies start rolling over and reach for toys.',
    care: 'Solids usually start at 5–6 months; drooling and interest in your food are signs of readiness.',
    checkups: 'BCG is usually given at 5–8 months; how it is offered differs between municipalities.',
    partner: 'To prevent falls after rolling over, never leave the baby alone on a sofa or bed.',
  },
  {
    month: 6,
    development: 'Some babies can sit with support and begin to tell faces apart.',
    care: 'Everything goes into the mouth; keep anything smaller than about 4 cm out of reach.',
    checkups: 'Many areas hold a 6–7 month checkup. The third hepatitis B dose is coming up.',
    partner: 'Be the one who checks the floor for small objects, batteries and medicines.',
    family:
      'Solid food begins about now. Do not give honey before the first birthday, and follow the parents’ way on how soft and how much.',
  },
  {
    month: 7,
    development: 'More babies sit alone; wariness of strangers may begin.',
    care: 'Solids move to twice a day. Amounts vary; there is no hurry.',
    checkups: 'The third hepatitis B dose is usually at 7–8 months. If BCG is not done yet, check the plan.',
    partner: 'Try feeding the baby solids. Even at weekends only, it helps.',
  },
  {
    month: 8,
    development: 'Some babies start crawling towards whatever catches their eye.',
    care: 'They get around more; consider gates at stairs and the kitchen.',
    checkups: 'BCG must be given before the first birthday; if it is still missing, ask your municipality.',
    partner: 'Check the house together for dangers, at the baby’s eye level.',
  },
  {
    month: 9,
    development: 'Some babies pull themselves up to stand and babble more sounds.',
    care: 'Solids move to three times a day; finger food builds eagerness to eat.',
    checkups:
      'The 9–10 month checkup is due. Your municipality’s notice says whether it is held at a clinic or a health centre.',
    partner: 'Clearing up after finger food is hard work: take on the cleaning after meals.',
    family:
      'Crawling and pulling up widen the baby’s reach. In your home too, keep medicines, cigarettes and button batteries high out of reach.',
  },
  {
    month: 10,
    development: 'Some babies cruise along furniture and copy gestures such as waving.',
    care: 'Once teeth appear, start cleaning them with gauze or a soft brush.',
    checkups:
      'If you have not had the 9–10 month checkup, book it. Plan the vaccinations due from the first birthday.',
    partner: 'Make toothbrushing before bed your job.',
  },
  {
    month: 11,
    development: 'The baby picks up small things between finger and thumb and turns when called.',
    care: 'Watch out for water: do not leave water in the bath.',
    checkups: 'Book the vaccinations due from the first birthday, such as measles–rubella, in good time.',
    partner: 'Take charge of water safety: empty the bath after use and keep the bathroom door shut.',
  },
]
