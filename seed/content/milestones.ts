// The two days with their own words: the day of birth (newborn/0) and the closing message on
// the third birthday (age3/0). `{{name}}` marks a placeholder.

export const birthDay = {
  ja: 'ご出産おめでとうございます。まずは体を休めることを最優先に。わからないことは、入院中に助産師や看護師に何でも聞いてください。',
  partner:
    'ご誕生おめでとうございます。出産を終えたパートナーは、見た目以上に体が疲れています。まずは休めるよう支えてください。',
  en: 'Congratulations on the birth. Put your own rest first, and ask the midwives and nurses anything while you are in hospital.',
}

export const closing = {
  ja: [
    '{{nickname}}さん、お子さんの3歳のお誕生日おめでとうございます。',
    '妊娠中から今日まで、このお便りを読んでくださってありがとうございました。{{tenantName}}からの定期のお便りは、これで終わりになります。',
    'これからも、子育てで困ったときは{{deskName}}({{deskPhone}}、{{deskHours}})に相談できます。',
  ],
  partner: [
    '{{nickname}}さん、お子さんの3歳のお誕生日おめでとうございます。',
    'この3年間、家族を支えてきたあなたにも、ありがとうを伝えさせてください。{{tenantName}}からの定期のお便りは、これで終わりになります。',
    'これからも、子育てのことは{{deskName}}({{deskPhone}}、{{deskHours}})に相談できます。',
  ],
  en: [
    'Happy third birthday to your child, {{nickname}}.',
    'Thank you for reading these notes since your pregnancy. This is the last regular note from {{tenantName}}.',
    'Whenever you need help with parenting, you can still contact {{deskName}} ({{deskPhone}}, {{deskHours}}).',
  ],
}
