// Weeks 23 … 41 of pregnancy in English: the baby, the body (as the pregnant person and as
// partner and family read it), a tip, the partner's tip and, per span of weeks, the family's.

import type { PregnancyRow } from '../../language-content'

export const pregnancyLate: PregnancyRow[] = [
  {
    week: 23,
    baby: 'Hearing develops, and the baby is thought to hear voices and sounds.',
    body: 'Swelling becomes more common; avoid staying in one position for long.',
    tip: 'Sudden swelling, headache or flickering vision can mean high blood pressure. See your doctor soon.',
    bodyOthers: 'Swelling becomes more likely. Staying in one position for a long time is best avoided.',
    partner: 'Try talking to the baby: voices are said to reach them.',
  },
  {
    week: 24,
    baby: 'Over 600 g. The fine structure of the lungs begins to form.',
    body: 'A test for gestational diabetes is often done around now; ask about the result at your checkup.',
    tip: 'Some municipalities send a questionnaire or offer an interview around now; look out for it.',
    bodyOthers:
      'Around now there is a test for gestational diabetes; the doctor explains the result at a checkup.',
    partner: 'Go through the municipality’s letters and forms together, and share any deadlines.',
    family:
      'As the belly grows, housework and getting around become harder. Offer specific help, such as shopping or lifts.',
  },
  {
    week: 25,
    baby: 'The nostrils open, and breathing-like movements are practised.',
    body: 'As the belly grows, breathlessness and heartburn are common.',
    tip: 'Smaller meals more often may feel easier than a few large ones.',
    bodyOthers: 'Breathlessness and heartburn come more easily as the belly grows.',
    partner: 'On stairs and slopes, carry the bags and walk at your partner’s pace.',
  },
  {
    week: 26,
    baby: 'The eyes begin to open and close.',
    body: 'Leg cramps are common; stretching before bed may help.',
    tip: 'Check maternity and parental leave procedures and timing with your employer; partners can take leave too.',
    bodyOthers: 'Leg cramps are common for some. Stretching before bed can help.',
    partner:
      'Ask your workplace about your own childcare leave, including the leave for the weeks after the birth, and how to apply.',
  },
  {
    week: 27,
    baby: 'Close to 1 kg; the brain is developing rapidly.',
    body: 'As the third trimester approaches, tiredness may return.',
    tip: 'If you have older children, plan who can look after them when you give birth.',
    bodyOthers: 'As the third trimester nears, tiredness may return.',
    partner: 'Arrange who will look after older children and pets during the birth and the hospital stay.',
  },
  {
    week: 28,
    baby: 'Over 1 kg; the eyes open and can sense light.',
    body: 'The third trimester begins. Checkups are usually every two weeks now.',
    tip: 'Many municipalities offer an interview and a support benefit around now; check how and by when to apply.',
    bodyOthers: 'The third trimester begins. Checkups often become every two weeks.',
    partner: 'Check the benefit applications and interview dates together, and gather the papers needed.',
    family:
      'If you plan to host the birth stay or help after the birth, agree early with the parents who does what, and when.',
  },
  {
    week: 29,
    baby: 'Muscles and nerves develop, and movements become stronger.',
    body: 'The weight of the belly may cause back or pubic bone pain.',
    tip: 'A maternity belt or body pillow may help; a midwife can advise on using them.',
    bodyOthers: 'The weight of the belly can bring back pain or pain at the front of the pelvis.',
    partner: 'If turning over at night is hard, help by adjusting pillows.',
  },
  {
    week: 30,
    baby: 'About 1.5 kg. More babies turn head-down from now.',
    body: 'Sleep may become lighter, with more trips to the toilet at night.',
    tip: 'Start packing your hospital bag: handbook, insurance card, patient card, underwear and so on.',
    bodyOthers: 'Sleep becomes lighter, with more night-time trips to the toilet.',
    partner: 'Check together where the hospital bag is and what is in it.',
  },
  {
    week: 31,
    baby: 'The lungs and digestive system keep maturing for life outside.',
    body: 'The uterus pushes up on the stomach, so meals may feel uncomfortable.',
    tip: 'Decide how you will get to hospital when labour starts, e.g. register with a maternity taxi service.',
    bodyOthers: 'The uterus pushes up on the stomach, so meals can feel uncomfortable.',
    partner: 'Agree exactly who calls whom, and how to get to the hospital, when labour starts.',
  },
  {
    week: 32,
    baby: 'Nearly 2 kg, with fat filling out under the skin.',
    body: 'Many municipalities hold an interview around the eighth month to plan life after the birth.',
    tip: 'For the eighth-month interview, list who can help after the birth and which services you might use.',
    bodyOthers:
      'Many municipalities hold an interview around the eighth month: a chance to plan life after the birth together.',
    partner:
      'Join the eighth-month interview if you can: a good chance to talk about sharing roles after the birth.',
    family:
      'Tightening and swelling are common now. If there is strong pain, bleeding or a bad headache, urge a call to the doctor straight away.',
  },
  {
    week: 33,
    baby: 'Preparations for breathing and keeping warm after birth continue.',
    body: 'The belly tightens more often; if it happens many times an hour, call your hospital.',
    tip: 'Get a sleeping place and a changing place ready at home.',
    bodyOthers:
      'The belly tightens more often. Several tightenings an hour are a reason to call the maternity clinic.',
    partner: 'Take on the heavy jobs, such as putting the cot together and clearing the room.',
  },
  {
    week: 34,
    baby: 'The lungs are now well developed.',
    body: 'Many people start maternity leave around now. Put rest first.',
    tip: 'List the procedures after the birth: birth registration, health insurance, child allowance.',
    bodyOthers: 'Many people start maternity leave around now. Rest comes first.',
    partner:
      'Many procedures, such as birth registration, health insurance and child allowance, can be done by you.',
  },
  {
    week: 35,
    baby: 'About 2.5 kg and nearly ready to be born.',
    body: 'Your body feels heavy and moving can be tiring; rest often.',
    tip: 'Get a child car seat ready; it is required if you leave hospital by car.',
    bodyOthers: 'The body feels heavy and moving can be hard. Rest often.',
    partner: 'Practise fitting the child car seat.',
  },
  {
    week: 36,
    baby: 'Some babies begin to move down towards the pelvis.',
    body: 'Checkups become weekly. Breathing may get easier while toilet trips increase.',
    tip: 'If your waters break, use a pad, call the hospital and do not take a bath until told.',
    bodyOthers: 'Checkups become weekly. The stomach may feel less squeezed, but toilet trips increase.',
    partner: 'Stay reachable: keep your phone charged and check your plans often in these weeks.',
    family:
      'The baby could come any day. Agree as a family on the order of calls and who looks after older children or pets.',
  },
  {
    week: 37,
    baby: 'Full term begins. The baby could be born any time now.',
    body: 'Irregular tightening or pains, called false labour, may happen.',
    tip: 'Have an app or notepad ready to time contractions.',
    bodyOthers: 'Practice contractions, irregular tightening or pain in the belly, may come and go.',
    partner: 'When labour starts, be the one who times the contractions and makes the calls.',
  },
  {
    week: 38,
    baby: 'Around 3 kg and getting ready for the outside world.',
    body: 'A small “show” of blood may appear; call at once if bleeding is heavy.',
    tip: 'Plan meals and shopping for the first weeks after the birth, such as deliveries.',
    bodyOthers: 'A “show” (a little blood) may appear. Heavy bleeding needs an urgent call.',
    partner: 'Plan concretely how the housework will run in the first weeks after the birth.',
  },
  {
    week: 39,
    baby: 'The head settles lower into the pelvis, ready for birth.',
    body: 'With the birth near, worry and anticipation can mix.',
    tip: 'Write down questions so you can ask them together at your next checkup.',
    bodyOthers: 'With the birth close, worry and excitement often mix.',
    partner: 'If your partner shares a worry, listen before trying to solve it.',
  },
  {
    week: 40,
    baby: 'Your due date week. Only some babies arrive on the day; a little before or after is normal.',
    body: 'If the date passes, your doctor will usually keep checking while you wait.',
    tip: 'If the baby seems to move less than usual, call your hospital without hesitating.',
    bodyOthers: 'After the due date, the doctor usually waits and watches with checkups.',
    partner:
      'Do not hurry things after the due date: ask “how are you feeling?” rather than “when will the baby come?”.',
    family:
      'Going past the due date is common. Being asked “any news?” weighs on the parents: wait for their call, and be ready to help.',
  },
  {
    week: 41,
    baby: 'After the due date, checkups confirm the baby is doing well while you wait.',
    body: 'Your doctor will explain options for admission and how the birth may be managed.',
    tip: 'Ask about anything unclear on the spot; it helps to have someone with you.',
    bodyOthers: 'The doctor explains the plan for admission and the birth around now.',
    partner:
      'Go with your partner to the doctor’s explanations if you can, so that decisions are thought through together.',
  },
]
