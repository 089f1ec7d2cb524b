// The seed's sample announcement: one town's notice, written by its staff and approved by a
// colleague, due two weeks after the first seed — so a newcomer finds one, approved and waiting
// for its time, in the admin's お知らせ. Fictional; its Japanese title starts with 【サンプル】.

type Text = { language: 'ja' | 'en'; title: string; body: string }

export interface SeedAnnouncement {
  /** The town, by slug; written by staff.<slug>, approved by desk.<slug>. */
  tenant: string
  texts: Text[]
  url: string
  /** Sent this many days after the first seed, at `sendTime` in Japan. */
  sendAfterDays: number
  sendTime: string
}

export const seedAnnouncements: SeedAnnouncement[] = [
  {
    tenant: 'mizuhoshi-city',
    texts: [
      {
        language: 'ja',
        title: '【サンプル】土曜日の子育て相談会のお知らせ',
        body: '【サンプル】架空の自治体のお知らせの見本です。\n\n毎月第2土曜日の午前、みずほし市こども家庭センターで子育て相談会を開きます。予約はいりません。妊娠中の方やご家族もお気軽にどうぞ。',
      },
      {
        language: 'en',
        title: '[Sample] Saturday parenting drop-in',
        body: '[Sample] An example notice from a fictional town.\n\nOn the morning of the second Saturday of each month, the Mizuhoshi City Children and Family Center holds a parenting drop-in. No booking is needed; expectant parents and their families are welcome too.',
      },
    ],
    url: 'https://mizuhoshi-city.example.jp/kosodate/soudankai',
    sendAfterDays: 14,
    sendTime: '10:00',
  },
]

/** The Japanese titles the seed's announcements are found by. */
export const seedAnnouncementTitles = seedAnnouncements.map(
  (a) => a.texts.find((t) => t.language === 'ja')!.title,
)
