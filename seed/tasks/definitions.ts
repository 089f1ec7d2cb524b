import type { ProgramWindow } from '../../shared/program'

// The seed's national tasks (issue 17's examples), sample texts no doctor or official has
// reviewed; every one is marked sample and its Japanese name starts with 【サンプル】.

type Text = { language: 'ja' | 'ja-x-easy' | 'en'; title: string; line: string }

export interface SeedTask {
  texts: Text[]
  window: ProgramWindow
  audiences: ('primary' | 'partner' | 'family')[]
  doneBy: 'resident' | 'survey' | 'staff'
  /** The Japanese title of the national survey whose answer marks it done (doneBy 'survey'). */
  surveyTitle?: string
  remindAfterDays: number[]
}

export const seedTasks: SeedTask[] = [
  {
    texts: [
      {
        language: 'ja',
        title: '【サンプル】妊娠8か月のアンケート',
        line: '妊娠8か月のアンケートへのご回答をお願いします。',
      },
      {
        language: 'ja-x-easy',
        title: '【みほん】にんしん 8か月の アンケート',
        line: 'アンケートに こたえて ください。',
      },
      {
        language: 'en',
        title: '[Sample] Month 8 questionnaire',
        line: 'Please answer the pregnancy month 8 questionnaire.',
      },
    ],
    window: { unit: 'pregnancy-month', from: 8, to: 8 },
    audiences: ['primary'],
    doneBy: 'survey',
    surveyTitle: '【サンプル】妊娠8か月のアンケート',
    remindAfterDays: [7, 14],
  },
  {
    texts: [
      {
        language: 'ja',
        title: '【サンプル】出生届と児童手当',
        line: '出生届と児童手当の申請はお済みですか。出生届は生まれた日を含めて14日以内です。',
      },
      {
        language: 'ja-x-easy',
        title: '【みほん】赤ちゃんが 生まれた ことを やくしょに 出す',
        line: '赤ちゃんが 生まれたら 14日までに やくしょに 出して ください。お金の もうしこみも あります。',
      },
      {
        language: 'en',
        title: '[Sample] Birth report and child allowance',
        line: 'Have you reported the birth and applied for the child allowance? The birth report is due within 14 days.',
      },
    ],
    window: { unit: 'child-day', from: 0, to: 14 },
    audiences: ['primary', 'partner'],
    doneBy: 'resident',
    remindAfterDays: [5, 10],
  },
  {
    texts: [
      {
        language: 'ja',
        title: '【サンプル】妊婦のための支援給付（2回目）',
        line: '妊婦のための支援給付の2回目は、出産予定日の8週間前から申請できます。お済みですか。',
      },
      {
        language: 'ja-x-easy',
        title: '【みほん】にんしんした 人の お金（2回目）',
        line: 'にんしんした 人が もらえる お金の もうしこみは できましたか。',
      },
      {
        language: 'en',
        title: '[Sample] Support payment for pregnancy (2nd)',
        line: 'The second support payment for pregnancy can be claimed from 8 weeks before the due date. Have you applied?',
      },
    ],
    window: { unit: 'pregnancy-week', from: 32, to: 39 },
    audiences: ['primary'],
    doneBy: 'resident',
    remindAfterDays: [7, 14],
  },
  {
    texts: [
      {
        language: 'ja',
        title: '【サンプル】4か月児健診の予約',
        line: '4か月児健診の予約はお済みですか。日程は自治体の案内をご確認ください。',
      },
      {
        language: 'ja-x-easy',
        title: '【みほん】4か月の 赤ちゃんの けんしん',
        line: '4か月の 赤ちゃんの けんしんの よやくは できましたか。',
      },
      {
        language: 'en',
        title: '[Sample] Book the 4-month checkup',
        line: "Have you booked your baby's 4-month checkup? See your town's schedule for the dates.",
      },
    ],
    window: { unit: 'child-month', from: 3, to: 4 },
    audiences: ['primary', 'partner'],
    doneBy: 'resident',
    remindAfterDays: [7, 14],
  },
]

/** The Japanese names the seed's tasks are found by. */
export const seedTaskTitles = seedTasks.map((task) => task.texts.find((t) => t.language === 'ja')!.title)
