// Messages after a reported miscarriage, stillbirth or infant death: loss/{k} is sent k days
// after the report. Written to be gentle: no congratulations, nothing about development, and
// each one points to people who can help. `{{name}}` marks a placeholder.

export interface LossText {
  day: number
  ja: string[]
  partner: string[]
  en: string[]
}

export const lossTexts: LossText[] = [
  {
    day: 1,
    ja: [
      '{{nickname}}さん、このたびのことを心よりお見舞い申し上げます。',
      '今はどうか、ご自分の体と心を休めることを何よりも大切にしてください。何かを決めたり、誰かに説明したりしなくて大丈夫です。',
      'しばらくの間、このお便りは間隔をあけて、ごく短くお届けします。止めたい、休みたいときは、いつでも設定から変更できます。',
    ],
    partner: [
      '{{nickname}}さん、このたびのことを心よりお見舞い申し上げます。',
      'あなた自身も深い悲しみの中にいると思います。そばにいること、話を聞くことが、今いちばんの支えになることがあります。',
      'しばらくの間、このお便りは間隔をあけて、ごく短くお届けします。止めたい、休みたいときは、いつでも設定から変更できます。',
    ],
    en: [
      '{{nickname}}, we are deeply sorry for your loss.',
      'For now, please put resting your body and mind before anything else. You do not need to decide anything or explain anything to anyone.',
      'For a while these notes will come less often and be brief. You can pause or stop them at any time in your settings.',
    ],
  },
  {
    day: 3,
    ja: [
      '悲しみ、怒り、自分を責める気持ち、何も感じられないこと。どれも、こうしたときに起こりうる自然な反応です。',
      '体の回復には時間がかかります。出血が多い、熱が出る、強い痛みがあるときは、すぐに医療機関に連絡してください。',
    ],
    partner: [
      '悲しみの表れ方は、人によって違います。泣けないこと、普段どおりに振る舞おうとすることも自然な反応です。',
      'パートナーの出血が多い、熱がある、強い痛みがあるときは、すぐに医療機関に連絡してください。',
    ],
    en: [
      'Sadness, anger, blaming yourself, or feeling nothing at all: each is a natural response at a time like this.',
      'Your body needs time to recover. If bleeding is heavy, or you have a fever or strong pain, contact a medical facility straight away.',
    ],
  },
  {
    day: 7,
    ja: [
      '一週間がたちました。周りからの言葉に、思いがけず傷つくこともあるかもしれません。',
      '気持ちを話せる人がいれば、少しだけでも話してみてください。{{deskName}}の保健師も、いつでもお話を伺います。',
    ],
    partner: [
      '一週間がたちました。手続きや連絡を引き受けて、疲れがたまっていないでしょうか。',
      'あなたの気持ちも、話してよいものです。{{deskName}}では、パートナーの方からの相談も受け付けています。',
    ],
    en: [
      'A week has passed. Other people’s words may sometimes hurt, even when kindly meant.',
      'If there is someone you can talk to, even a little, please do. The public health nurses at {{deskName}} are there to listen at any time.',
    ],
  },
  {
    day: 14,
    ja: [
      '気持ちは日によって波があります。少し楽な日があっても、またつらくなる日があっても、それで大丈夫です。',
      '同じ経験をした人の集まりや、専門の相談窓口もあります。知りたいときは{{deskName}}にお尋ねください。',
    ],
    partner: [
      'お互いの悲しみ方が違って、すれ違うように感じることもあるかもしれません。それも自然なことです。',
      '同じ経験をした家族の集まりや、専門の相談窓口もあります。{{deskName}}で紹介を受けられます。',
    ],
    en: [
      'Feelings come in waves. An easier day followed by a harder one is all right.',
      'There are groups of people who have been through the same, and specialist helplines. Ask {{deskName}} if you would like to know more.',
    ],
  },
  {
    day: 30,
    ja: [
      '一か月がたちました。眠れない、食事がとれない日が続いていたら、かかりつけ医や{{deskName}}に話してください。',
      '体調や手続きのことで、わからないことがあれば一緒に確認します。産後ケアなどの支援を利用できる場合もあります。',
    ],
    partner: [
      '一か月がたちました。あなた自身が眠れない、食事がとれないときも、医師や{{deskName}}に相談してください。',
      '周りが日常に戻っていくなかで、気持ちが置いていかれるように感じることもあります。無理に合わせなくて大丈夫です。',
    ],
    en: [
      'A month has passed. If you still cannot sleep or eat, please tell your doctor or {{deskName}}.',
      'If anything about your health or paperwork is unclear, we can go through it with you. Support such as postpartum care may be available.',
    ],
  },
  {
    day: 60,
    ja: [
      'このお便りは、今回でいったん終わりになります。',
      'これから先も、つらくなったとき、話したくなったときは、いつでも{{deskName}}({{deskPhone}}、{{deskHours}})に連絡してください。あなたのことを気にかけている人がいます。',
    ],
    partner: [
      'このお便りは、今回でいったん終わりになります。',
      'これから先も、あなたやパートナーが話したくなったときは、いつでも{{deskName}}({{deskPhone}}、{{deskHours}})に連絡してください。',
    ],
    en: [
      'This is the last of these notes for now.',
      'Whenever things feel hard or you want to talk, please contact {{deskName}} ({{deskPhone}}, {{deskHours}}). There are people who care about you.',
    ],
  },
]
