// Weeks 4 … 22 of pregnancy in English: the baby, the body (as the pregnant person and as
// partner and family read it), a tip, the partner's tip and, per span of weeks, the family's.

import type { PregnancyRow } from '../../language-content'

export const pregnancyEarly: PregnancyRow[] = [
  {
    week: 4,
    baby: 'The fertilised egg settles into the lining of the uterus, and the tissue that will become the placenta begins to form.',
    body: 'A late period is often the first sign. Sleepiness, tiredness or a slightly raised temperature are common.',
    tip: 'After a positive home test, see an obstetrician to confirm. If you take any medicine, ask your doctor before stopping it.',
    bodyOthers:
      'A late period is often the first sign. Sleepiness, tiredness or a slightly raised temperature are common.',
    partner:
      'If your partner tells you how they are feeling, listen first, and ask whether they would like you to come to the appointment.',
    family:
      'Early pregnancy brings ups and downs in body and mood. If you are told the news, start with “thank you for telling me”, and leave it to the parents when to tell others.',
  },
  {
    week: 5,
    baby: 'The parts that will become the heart, brain and nerves begin to form.',
    body: 'Morning sickness may start. You may become sensitive to smells, and your breasts may feel tender.',
    tip: 'Folic acid matters most in early pregnancy. Ask a doctor or pharmacist how to take a supplement.',
    bodyOthers:
      'Morning sickness may start. Smells can become hard to bear, and the breasts may feel tender.',
    partner:
      'Look for small changes at home that help, such as avoiding strong-smelling cooking or fabric softener.',
  },
  {
    week: 6,
    baby: 'An ultrasound may show the gestational sac, and sometimes a heartbeat.',
    body: 'Sleepiness, needing to pass urine more often and tender breasts are common now.',
    tip: 'Once the pregnancy is confirmed, look up how to submit the pregnancy notification on your municipality’s website or at its counter.',
    bodyOthers: 'Sleepiness, needing to pass urine more often and tender breasts are common now.',
    partner:
      'Check the pregnancy notification and interview dates together, and think about which days you can go along.',
  },
  {
    week: 7,
    baby: 'The head and body become distinct, and tiny buds for arms and legs appear.',
    body: 'Nausea may get stronger. Eating small amounts of whatever you can manage, whenever you can, is fine.',
    tip: 'If you cannot keep fluids down, pass very little urine or lose weight quickly, see your doctor soon.',
    bodyOthers:
      'Nausea may get stronger. Eating small amounts of whatever can be managed, whenever possible, is fine.',
    partner: 'Taking on cooking and washing up can ease the strain of strong smells.',
  },
  {
    week: 8,
    baby: 'About 1.5 cm long. The foundations of the main organs are being laid.',
    body: 'The uterus is now about the size of a fist; a pulling feeling in the lower belly or constipation may appear.',
    tip: 'Submitting the pregnancy notification gets you the Maternal and Child Health Handbook and prenatal checkup vouchers, usually with an interview.',
    bodyOthers:
      'The uterus is about the size of a fist; a pulling feeling in the lower belly or constipation may appear.',
    partner:
      'Open the Maternal and Child Health Handbook together and put the checkup dates in a shared calendar.',
    family:
      'Morning sickness limits what can be eaten. Rather than “eat for the baby”, let them eat what they can, when they can.',
  },
  {
    week: 9,
    baby: 'Fingers and toes begin to separate and small movements start, too early to be felt.',
    body: 'Hormonal changes can make you tearful or irritable; mood swings are common.',
    tip: 'If you work, start thinking about when and how to tell your employer. The maternal health management card can help.',
    bodyOthers: 'Hormonal changes can bring tears or irritability more easily than usual.',
    partner: 'Mood swings come from changes in the body. Listen first rather than asking why.',
  },
  {
    week: 10,
    baby: 'From about now the embryo is called a fetus.',
    body: 'Nausea peaks for many people around now. Make time to rest.',
    tip: 'Avoid alcohol and tobacco, and keep away from other people’s smoke too.',
    bodyOthers: 'Morning sickness peaks for many around now. Time to rest without pushing matters.',
    partner: 'If you smoke, this is a good time to think about quitting for the whole family’s health.',
  },
  {
    week: 11,
    baby: 'Bones and muscles develop; the baby now has an almost human shape.',
    body: 'Even if it does not show yet, your waistband may feel tight.',
    tip: 'Gums swell easily in pregnancy. Many municipalities offer a dental checkup for pregnant residents.',
    bodyOthers: 'Even before the bump shows, waistbands may start to feel tight.',
    partner: 'Talk about how to share the housework, and agree who does what.',
  },
  {
    week: 12,
    baby: 'About 6 cm long. The basic shape of the internal organs is in place.',
    body: 'Nausea eases for some people and continues for others; it varies a great deal.',
    tip: 'If you have questions about prenatal testing, your doctor or a genetic counselling service can help.',
    bodyOthers: 'For some the nausea eases; for others it goes on. It differs greatly from person to person.',
    partner:
      'If you can, hear checkup results and explanations together. Thinking things through as two is a support.',
    family:
      'Ideas about pregnancy and child-raising have changed over the years. If you want to give advice, check it together against what the checkups say and the handbook.',
  },
  {
    week: 13,
    baby: 'The placenta is nearly complete and takes over supplying nutrients and oxygen.',
    body: 'Appetite may return. Your checkups will help you keep an eye on weight gain.',
    tip: 'Prenatal checkups are roughly every four weeks now. Bring your handbook and vouchers.',
    bodyOthers: 'Appetite often returns. Weight gain is best followed together with the checkups.',
    partner: 'See whether you can arrange to drive to checkups or look after older children on those days.',
  },
  {
    week: 14,
    baby: 'Fine hair begins to cover the body, and thumb-sucking movements may be seen.',
    body: 'Vaginal discharge may increase. See your doctor if it itches or smells.',
    tip: 'Get some loose clothes and underwear before your belly grows.',
    bodyOthers: 'Vaginal discharge may increase; itching or a smell is a reason to see the doctor.',
    partner: 'Make time to ask “how are you doing?” and hear about health and worries.',
  },
  {
    week: 15,
    baby: 'Now over 10 cm long; the ears and eyes take clearer shape.',
    body: 'As the placenta matures, many people start to feel more settled.',
    tip: 'If you feel well, try light exercise such as walking; check with your doctor first.',
    bodyOthers: 'The placenta is nearly complete, and many people feel steadier now.',
    partner: 'On a good day, why not take a walk around the neighbourhood together?',
  },
  {
    week: 16,
    baby: 'Bones are getting firmer and the arms and legs move a lot.',
    body: 'Many people feel steadier from now, but take it easy. The bump begins to show.',
    tip: 'Check the dates of parenting classes in your area and book a place.',
    bodyOthers:
      'The so-called stable period begins, but overdoing things is still unwise. The bump begins to show.',
    partner: 'Put a parents’ class in your diary: you can practise bathing the baby and changing nappies.',
    family:
      'Many feel steadier now, but overdoing things is still unwise. Offer to carry heavy things or reach high shelves.',
  },
  {
    week: 17,
    baby: 'Fat begins to form under the skin, helping to keep warm later.',
    body: 'The growing belly may put strain on your lower back.',
    tip: 'If lying on your back is uncomfortable, try lying on your side.',
    bodyOthers: 'As the bump grows, the lower back and back may start to ache.',
    partner: 'Take on lifting heavy things and reaching high shelves.',
  },
  {
    week: 18,
    baby: 'The small bones of the ear form; the baby may react to sounds.',
    body: 'Some people begin to feel movements; in a first pregnancy it is often a little later.',
    tip: 'Some areas require you to book your birth hospital early; ask soon if you plan to give birth near your family.',
    bodyOthers: 'Some people feel the first movements now; in a first pregnancy it is often a little later.',
    partner:
      'Decide together where the birth will be, and whether your partner will stay with family for it.',
  },
  {
    week: 19,
    baby: 'About 25 cm long; a waxy coating called vernix protects the skin.',
    body: 'Anaemia becomes more likely; mention repeated dizziness at your checkup.',
    tip: 'Include iron-rich foods such as lean meat, fish, soy products and leafy greens.',
    bodyOthers:
      'Anaemia is more likely now. Repeated dizziness on standing is worth mentioning at a checkup.',
    partner: 'Plan meals together, or take on the shopping.',
  },
  {
    week: 20,
    baby: 'About 300 g. Hair and nails begin to grow.',
    body: 'The top of the uterus reaches near the navel. Many people now feel movements.',
    tip: 'While you feel well, make a list of things to prepare for the birth.',
    bodyOthers: 'The uterus reaches almost to the navel. More people feel the baby move.',
    partner: 'Ask to be told when the baby moves, and rest a hand on the belly.',
    family:
      'Wait until the parents want to talk about the baby’s sex or name. Being someone they can happily ask is the best support.',
  },
  {
    week: 21,
    baby: 'The baby swallows and releases amniotic fluid, practising breathing and digestion.',
    body: 'The skin of the belly may itch, and stretch marks may appear.',
    tip: 'Moisturising can ease dryness and itching; see your doctor if itching is severe.',
    bodyOthers: 'The skin of the belly may itch, and stretch marks may appear.',
    partner: 'On tiring days, make time for a massage or to rub your partner’s legs.',
  },
  {
    week: 22,
    baby: 'Eyelids and eyebrows become distinct, and the face takes shape.',
    body: 'The belly may tighten at times. If it does not settle with rest or is painful, see your doctor.',
    tip: 'Bleeding, regular tightening or pain, or leaking fluid: call your maternity hospital straight away.',
    bodyOthers:
      'The belly may tighten at times. Tightening or pain that does not settle with rest needs a doctor.',
    partner: 'Save the maternity clinic’s number and its night-time contact in your own phone too.',
  },
]
