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
    },
  },
  {
    day: 3,
    texts: {
      primary: [
        'Sadness, anger, blaming yourself, or feeling nothing at all: each is a natural response at a time like this.',
        'Your body needs time to recover. If bleeding is heavy, or you have a fever or strong pain, contact a medical facility straight away.',
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
    },
  },
  {
    day: 14,
    texts: {
      primary: [
        'Feelings come in waves. An easier day followed by a harder one is all right.',
        'There are groups of people who have been through the same, and specialist helplines. Ask {{deskName}} if you would like to know more.',
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
    },
  },
  {
    day: 60,
    texts: {
      primary: [
        'This is the last of these notes for now.',
        'Whenever things feel hard or you want to talk, please contact {{deskName}} ({{deskPhone}}, {{deskHours}}). There are people who care about you.',
      ],
    },
  },
]
