// Child months 12 … 36: development, everyday care, checkups and vaccinations.

import type { ChildRow } from '../../language-content'

export const childToddler: ChildRow[] = [
  {
    month: 12,
    development: 'Some children stand alone or take first steps; some say their first words.',
    care: 'Moving towards family food; set aside portions before adding strong seasoning.',
    checkups:
      'From the first birthday: measles–rubella (MR) dose 1, varicella dose 1, and booster doses of pneumococcal and the 5-in-1.',
    partner: 'The one-year vaccinations often come together. Take on going along.',
    family: 'The age of first steps varies. Rather than comparing, share the joy of the child’s own pace.',
  },
  {
    month: 13,
    development: 'More children walk and point to show what they want.',
    care: 'Buy shoes once walking starts and choose ones that fit well.',
    checkups: 'Check your handbook for any first-birthday vaccinations still to do.',
    partner:
      'Take your child to the park or a children’s centre, and keep them company as they practise walking.',
  },
  {
    month: 14,
    development: 'Understanding grows; simple requests make sense to the child.',
    care: 'When to stop breastfeeding varies by child and family; decide without hurry.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Make reading a picture book a daily habit. A short time is enough.',
  },
  {
    month: 15,
    development: 'Walking is steadier; the child touches everything to find out about it.',
    care: 'Falls are common; fit covers on sharp table corners.',
    checkups:
      'Varicella dose 2 comes at least 3 months after dose 1 (usually 6–12 months). Check the 5-in-1 booster too.',
    partner: 'Spend a weekend fitting guards to furniture corners and drawers.',
    family:
      'After looking after the child, tell the parents what was eaten, when the child slept, and anything unusual.',
  },
  {
    month: 16,
    development: 'The wish to do things “by myself” appears.',
    care: 'If the child wants the spoon, let them practise where spills do not matter.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Sit down together at mealtimes and be the one who watches calmly through the spills.',
  },
  {
    month: 17,
    development: 'Vocabulary grows little by little, at very different speeds.',
    care: 'An adult finishes brushing. If the child resists, keep it short and playful.',
    checkups: 'The notice for the 18-month checkup may arrive soon; note the date.',
    partner: 'Check whether you can go to the 18-month checkup.',
  },
  {
    month: 18,
    development: 'Many children use several words and follow simple instructions.',
    care: 'Keep a steady daily rhythm; many children now nap once a day.',
    checkups: 'The 18-month checkup is due, often with a dental check.',
    partner: 'Write down together in advance what you want to ask at the checkup.',
    family:
      'The 18-month checkup is around now. The number of words varies widely. If you are worried, do not blame the parents: suggest asking at the checkup.',
  },
  {
    month: 19,
    development: 'Running and climbing steps make the child very active.',
    care: 'Plenty of outdoor play helps night-time sleep.',
    checkups: 'If you missed the 18-month checkup, ask your municipality for a date.',
    partner: 'Make time at weekends to run about in the park.',
  },
  {
    month: 20,
    development: 'Pretend play grows; adults’ activities fascinate the child.',
    care: 'Set times and amounts for snacks; sweet drinks easily cause tooth decay.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Cook and tidy up in ways your child can copy alongside you.',
  },
  {
    month: 21,
    development: 'Some children start two-word sentences.',
    care: 'Tantrums show a growing self. Keep the child safe and wait for calm.',
    checkups: 'Check that no vaccinations, such as varicella dose 2, have been missed.',
    partner: 'During tantrums, agree on the same response: children settle more easily.',
  },
  {
    month: 22,
    development: 'The child begins to tell “mine” from others’.',
    care: 'Toilet training can start once the gaps between wees lengthen; timing varies widely.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Agree as a family on how you invite your child to try the toilet.',
  },
  {
    month: 23,
    development: 'Interest in other children grows; they play side by side.',
    care: 'Use temporary childcare or the support centre so that parents can rest too.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Look after your child so that your partner has some time alone.',
  },
  {
    month: 24,
    development: 'Two years old. Words multiply, and “why?” may begin.',
    care: 'Respect the wish to do things alone; leave extra time.',
    checkups: 'Some municipalities offer a dental checkup at two; a regular dentist is reassuring.',
    partner: 'On slow mornings, get ahead and help with getting ready to go out.',
    family: 'The “no!” phase tires parents out. “That sounds hard” helps more than “you spoil the child”.',
  },
  {
    month: 25,
    development: 'Simple make-believe play becomes fun.',
    care: 'Appetite comes and goes; balance over a week is what counts.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Join in pretend play as a character.',
  },
  {
    month: 26,
    development: 'Hands grow more skilful; block towers get taller.',
    care: 'Button batteries and magnets are dangerous if swallowed; keep them well out of reach.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Check again where batteries and small magnets are kept at home.',
  },
  {
    month: 27,
    development: 'The child tries to put feelings into words and may cry when it does not work.',
    care: 'Naming the feeling (“you wanted to…”) often helps the child calm down.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Practise putting your child’s feelings into words for them.',
  },
  {
    month: 28,
    development: 'Running and jumping get more skilful.',
    care: 'Build road-safety habits: hold hands near roads and carry the child in car parks.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'When out, walk on the road side and be the one who holds your child’s hand.',
  },
  {
    month: 29,
    development: 'Some children start learning colours and shapes.',
    care: 'Set limits for screens and watch together, talking about what you see.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Instead of videos, take charge of outdoor play or picture-book time.',
  },
  {
    month: 30,
    development: 'Two and a half. Some children can say their name and age.',
    care: 'Some families start thinking about nursery or kindergarten from age three.',
    checkups: 'Some municipalities offer a dental checkup at about 2½; check for a notice.',
    partner: 'Share the work of finding out about nursery and visiting.',
    family: 'Always use a child car seat, in a grandparent’s car too, even for short trips.',
  },
  {
    month: 31,
    development: 'Simple rules such as taking turns start to make sense.',
    care: 'Specific praise for what the child managed builds motivation.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'Make time to name, as a family, what each of you managed that day.',
  },
  {
    month: 32,
    development: 'Playing with other children becomes more common.',
    care: 'Squabbles over toys are normal; acknowledge the feeling and suggest another way.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'At weekends, find chances for your child to play with others, at a drop-in space or a park.',
  },
  {
    month: 33,
    development: '“Why?” questions multiply as curiosity about the world grows.',
    care: 'Night-time dryness comes at very different ages; there is no hurry.',
    checkups: 'The notice for the three-year checkup may arrive soon; note the date.',
    partner: 'Meet “why?” with thinking together rather than a quick answer.',
  },
  {
    month: 34,
    development: 'The child starts dressing and managing small tasks alone.',
    care: 'Easy clothes mean more “I did it myself” moments.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
    partner: 'On days you can, be the one who lets your child dress at their own pace in the morning.',
  },
  {
    month: 35,
    development: 'Approaching three, conversations become fun.',
    care: 'Japanese encephalitis vaccination usually starts at three; check your municipality’s notice.',
    checkups:
      'The three-year checkup includes vision and hearing; start on the home test kit when it arrives.',
    partner: 'Try the home eye and hearing tests for the three-year checkup together.',
  },
  {
    month: 36,
    development: 'Three years old. The child can talk about feelings and experiences.',
    care: 'You can keep asking your local desk and your doctor whenever you need.',
    checkups:
      'The three-year checkup and the first Japanese encephalitis doses are due; check with your municipality and doctor.',
    partner: 'Make time for the two of you to look back over these three years.',
    family:
      'The three-year checkup is around now. Keep respecting the parents’ way of raising their child, and stay someone they can turn to.',
  },
]
