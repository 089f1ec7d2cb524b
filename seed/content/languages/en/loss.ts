// After a reported loss: loss/{day} is sent that many days after the report. Gentle, no congratulations, nothing about development.

import type { LossRow } from '../../language-content'

export const loss: LossRow[] = [
  {
    day: 1,
    texts: {
      primary: [
        '{{nickname}}, we are deeply sorry for your loss.',
        'For now, please put resting your body and mind before anything else. You do not need to decide anything or explain anything to anyone.',
        'For a while these notes will come less often and be brief. You can pause or stop them at any time in your settings.',
      ],
      partner: [
        '{{nickname}}, we are deeply sorry for your loss.',
        'You are grieving too. Being close and listening may be the greatest support right now.',
        'For a while these notes will come less often and be brief. You can pause or stop them at any time in your settings.',
      ],
      family: [
        '{{nickname}}, we are deeply sorry for your family’s loss.',
        'You are grieving too. Staying close, listening and quietly taking on chores can be the best support for the parents now.',
        'For a while these notes will come less often and be brief. You can pause or stop them at any time in your settings.',
      ],
    },
  },
  {
    day: 3,
    texts: {
      primary: [
        'Sadness, anger, blaming yourself, or feeling nothing at all: each is a natural response at a time like this.',
        'Your body needs time to recover. If bleeding is heavy, or you have a fever or strong pain, contact a medical facility straight away.',
      ],
      partner: [
        'Grief shows itself differently in each person. Not being able to cry, or trying to carry on as usual, are natural responses too.',
        'If your partner has heavy bleeding, a fever or strong pain, contact a medical facility straight away.',
      ],
      family: [
        'Grief shows itself differently in each person. Words such as “there will be another” or “try to forget” can hurt deeply, however kindly meant.',
        'If there is heavy bleeding, a fever or strong pain, urge a call to a medical facility straight away.',
      ],
    },
  },
  {
    day: 7,
    texts: {
      primary: [
        'A week has passed. Other people’s words may sometimes hurt, even when kindly meant.',
        'If there is someone you can talk to, even a little, please do. The public health nurses at {{deskName}} are there to listen at any time.',
      ],
      partner: [
        'A week has passed. Taking on the paperwork and the phone calls may have worn you out.',
        'Your feelings deserve to be heard as well. {{deskName}} also takes calls from partners.',
      ],
      family: [
        'A week has passed. When you do not know what to say, you do not need to find words: being there is enough.',
        'Your own grief deserves to be heard as well. {{deskName}} also takes calls from family members.',
      ],
    },
  },
  {
    day: 14,
    texts: {
      primary: [
        'Feelings come in waves. An easier day followed by a harder one is all right.',
        'There are groups of people who have been through the same, and specialist helplines. Ask {{deskName}} if you would like to know more.',
      ],
      partner: [
        'You may grieve differently from each other and feel out of step. That is natural too.',
        'There are groups of families who have been through the same, and specialist helplines. {{deskName}} can put you in touch.',
      ],
      family: [
        'Grief comes in waves. A day that looks a little better does not mean the pain is over.',
        'There are groups of families who have been through the same, and specialist helplines. {{deskName}} can put you in touch.',
      ],
    },
  },
  {
    day: 30,
    texts: {
      primary: [
        'A month has passed. If you still cannot sleep or eat, please tell your doctor or {{deskName}}.',
        'If anything about your health or paperwork is unclear, we can go through it with you. Support such as postpartum care may be available.',
      ],
      partner: [
        'A month has passed. If you yourself cannot sleep or eat, please tell a doctor or {{deskName}}.',
        'As everyone around you goes back to daily life, you may feel left behind. You do not have to keep up.',
      ],
      family: [
        'A month has passed. Life around the parents returns to normal, but their feelings do not return so quickly. Keep standing by without hurrying them.',
        'If they still cannot sleep or eat, suggest talking to a doctor or {{deskName}}.',
      ],
    },
  },
  {
    day: 60,
    texts: {
      primary: [
        'This is the last of these notes for now.',
        'Whenever things feel hard or you want to talk, please contact {{deskName}} ({{deskPhone}}, {{deskHours}}). There are people who care about you.',
      ],
      partner: [
        'This is the last of these notes for now.',
        'Whenever you or your partner want to talk, please contact {{deskName}} ({{deskPhone}}, {{deskHours}}).',
      ],
      family: [
        'This is the last of these notes for now.',
        'Whenever anyone in the family wants to talk, please contact {{deskName}} ({{deskPhone}}, {{deskHours}}).',
      ],
    },
  },
]
