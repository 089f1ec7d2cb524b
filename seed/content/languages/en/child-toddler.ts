// Child months 12 … 36: development, everyday care, checkups and vaccinations.

import type { ChildRow } from '../../language-content'

export const childToddler: ChildRow[] = [
  {
    month: 12,
    development: 'Some children stand alone or take first steps; some say their first words.',
    care: 'Moving towards family food; set aside portions before adding strong seasoning.',
    checkups:
      'From the first birthday: measles–rubella (MR) dose 1, varicella dose 1, and booster doses of pneumococcal and the 5-in-1.',
  },
  {
    month: 13,
    development: 'More children walk and point to show what they want.',
    care: 'Buy shoes once walking starts and choose ones that fit well.',
    checkups: 'Check your handbook for any first-birthday vaccinations still to do.',
  },
  {
    month: 14,
    development: 'Understanding grows; simple requests make sense to the child.',
    care: 'When to stop breastfeeding varies by child and family; decide without hurry.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 15,
    development: 'Walking is steadier; the child touches everything to find out about it.',
    care: 'Falls are common; fit covers on sharp table corners.',
    checkups:
      'Varicella dose 2 comes at least 3 months after dose 1 (usually 6–12 months). Check the 5-in-1 booster too.',
  },
  {
    month: 16,
    development: 'The wish to do things “by myself” appears.',
    care: 'If the child wants the spoon, let them practise where spills do not matter.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 17,
    development: 'Vocabulary grows little by little, at very different speeds.',
    care: 'An adult finishes brushing. If the child resists, keep it short and playful.',
    checkups: 'The notice for the 18-month checkup may arrive soon; note the date.',
  },
  {
    month: 18,
    development: 'Many children use several words and follow simple instructions.',
    care: 'Keep a steady daily rhythm; many children now nap once a day.',
    checkups: 'The 18-month checkup is due, often with a dental check.',
  },
  {
    month: 19,
    development: 'Running and climbing steps make the child very active.',
    care: 'Plenty of outdoor play helps night-time sleep.',
    checkups: 'If you missed the 18-month checkup, ask your municipality for a date.',
  },
  {
    month: 20,
    development: 'Pretend play grows; adults’ activities fascinate the child.',
    care: 'Set times and amounts for snacks; sweet drinks easily cause tooth decay.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 21,
    development: 'Some children start two-word sentences.',
    care: 'Tantrums show a growing self. Keep the child safe and wait for calm.',
    checkups: 'Check that no vaccinations, such as varicella dose 2, have been missed.',
  },
  {
    month: 22,
    development: 'The child begins to tell “mine” from others’.',
    care: 'Toilet training can start once the gaps between wees lengthen; timing varies widely.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 23,
    development: 'Interest in other children grows; they play side by side.',
    care: 'Use temporary childcare or the support centre so that parents can rest too.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 24,
    development: 'Two years old. Words multiply, and “why?” may begin.',
    care: 'Respect the wish to do things alone; leave extra time.',
    checkups: 'Some municipalities offer a dental checkup at two; a regular dentist is reassuring.',
  },
  {
    month: 25,
    development: 'Simple make-believe play becomes fun.',
    care: 'Appetite comes and goes; balance over a week is what counts.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 26,
    development: 'Hands grow more skilful; block towers get taller.',
    care: 'Button batteries and magnets are dangerous if swallowed; keep them well out of reach.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 27,
    development: 'The child tries to put feelings into words and may cry when it does not work.',
    care: 'Naming the feeling (“you wanted to…”) often helps the child calm down.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 28,
    development: 'Running and jumping get more skilful.',
    care: 'Build road-safety habits: hold hands near roads and carry the child in car parks.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 29,
    development: 'Some children start learning colours and shapes.',
    care: 'Set limits for screens and watch together, talking about what you see.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 30,
    development: 'Two and a half. Some children can say their name and age.',
    care: 'Some families start thinking about nursery or kindergarten from age three.',
    checkups: 'Some municipalities offer a dental checkup at about 2½; check for a notice.',
  },
  {
    month: 31,
    development: 'Simple rules such as taking turns start to make sense.',
    care: 'Specific praise for what the child managed builds motivation.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 32,
    development: 'Playing with other children becomes more common.',
    care: 'Squabbles over toys are normal; acknowledge the feeling and suggest another way.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 33,
    development: '“Why?” questions multiply as curiosity about the world grows.',
    care: 'Night-time dryness comes at very different ages; there is no hurry.',
    checkups: 'The notice for the three-year checkup may arrive soon; note the date.',
  },
  {
    month: 34,
    development: 'The child starts dressing and managing small tasks alone.',
    care: 'Easy clothes mean more “I did it myself” moments.',
    checkups:
      'Most children have no routine checkup or vaccination this month; check the next dates in your handbook.',
  },
  {
    month: 35,
    development: 'Approaching three, conversations become fun.',
    care: 'Japanese encephalitis vaccination usually starts at three; check your municipality’s notice.',
    checkups:
      'The three-year checkup includes vision and hearing; start on the home test kit when it arrives.',
  },
  {
    month: 36,
    development: 'Three years old. The child can talk about feelings and experiences.',
    care: 'You can keep asking your local desk and your doctor whenever you need.',
    checkups:
      'The three-year checkup and the first Japanese encephalitis doses are due; check with your municipality and doctor.',
  },
]
