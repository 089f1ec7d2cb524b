import type { ProgramWindow } from '../../shared/program'

// The seed's national surveys, in Japanese and English, in the surveys collection's shape.
// Sample questions written for this project; no municipality's questionnaire is copied.

type Text = { ja: string; en: string }
type Kind = 'single' | 'multiple' | 'scale' | 'text' | 'interview-request'

interface Question {
  label: Text
  kind: Kind
  choices?: Text[]
  scale?: [number, number]
}

export interface SeedSurvey {
  title: Text
  audiences: ('primary' | 'partner' | 'family')[]
  triggers: ProgramWindow[]
  questions: Question[]
}

const t = (ja: string, en: string): Text => ({ ja, en })
const feeling: Question = {
  label: t(
    'この1週間の気分はいかがでしたか（1: つらい〜5: よい）',
    'How have you felt this past week? (1 hard – 5 good)',
  ),
  kind: 'scale',
  scale: [1, 5],
}
const interview: Question = {
  label: t(
    '保健師・助産師との面談を希望しますか',
    'Would you like to talk with a public health nurse or midwife?',
  ),
  kind: 'interview-request',
}

export const seedSurveys: SeedSurvey[] = [
  {
    title: t('【サンプル】妊娠6か月のアンケート', '[Sample] Pregnancy month 6 questionnaire'),
    audiences: ['primary'],
    triggers: [{ unit: 'pregnancy-month', from: 6, to: 6 }],
    questions: [
      feeling,
      {
        label: t(
          'いま気になっていることはありますか（いくつでも）',
          'What is on your mind now? (choose any)',
        ),
        kind: 'multiple',
        choices: [
          t('からだの調子', 'How my body feels'),
          t('お金や手続き', 'Money and paperwork'),
          t('仕事のこと', 'Work'),
          t('出産の準備', 'Getting ready for the birth'),
          t('特にない', 'Nothing in particular'),
        ],
      },
      {
        label: t('困ったときに頼れる人はいますか', 'Is there someone you can rely on when things are hard?'),
        kind: 'single',
        choices: [t('いる', 'Yes'), t('いない', 'No'), t('わからない', 'Not sure')],
      },
      interview,
    ],
  },
  {
    title: t('【サンプル】妊娠8か月のアンケート', '[Sample] Pregnancy month 8 questionnaire'),
    audiences: ['primary'],
    triggers: [{ unit: 'pregnancy-month', from: 8, to: 8 }],
    questions: [
      feeling,
      {
        label: t('産後に手伝ってくれる人はいますか', 'Will someone help you after the birth?'),
        kind: 'single',
        choices: [
          t('パートナー', 'My partner'),
          t('親・きょうだい', 'Parents or siblings'),
          t('まだ決まっていない', 'Not decided yet'),
          t('いない', 'No one'),
        ],
      },
      {
        label: t(
          '出産や産後について聞いておきたいことを書いてください',
          'Anything you want to ask about the birth or after it',
        ),
        kind: 'text',
      },
      interview,
    ],
  },
  {
    title: t('【サンプル】年に一度の読者アンケート', '[Sample] Yearly reader survey'),
    audiences: ['primary', 'partner', 'family'],
    triggers: [
      { unit: 'pregnancy-month', from: 5, to: 5 },
      { unit: 'child-month', from: 6, to: 6 },
      { unit: 'child-month', from: 18, to: 18 },
      { unit: 'child-month', from: 30, to: 30 },
    ],
    questions: [
      {
        label: t('お便りは役に立っていますか（1〜5）', 'Are these notes useful to you? (1–5)'),
        kind: 'scale',
        scale: [1, 5],
      },
      {
        label: t('お便りの長さはどうですか', 'How do you find the length of the notes?'),
        kind: 'single',
        choices: [t('短い', 'Too short'), t('ちょうどよい', 'About right'), t('長い', 'Too long')],
      },
      { label: t('ご意見・ご要望をお聞かせください', 'Any comments or wishes'), kind: 'text' },
    ],
  },
]

/** One collection document per survey and language. */
export function surveyDocsOf(survey: SeedSurvey) {
  return (['ja', 'en'] as const).map((language) => ({
    title: survey.title[language],
    language,
    audiences: survey.audiences,
    questions: survey.questions.map((q) => ({
      label: q.label[language],
      kind: q.kind,
      ...(q.choices ? { choices: q.choices.map((c) => ({ label: c[language] })) } : {}),
      ...(q.scale ? { scaleMin: q.scale[0], scaleMax: q.scale[1] } : {}),
    })),
    triggers: survey.triggers.map((window) => ({ window })),
    reminders: { max: 1, afterDays: 7 },
  }))
}
