// The two days with their own words: the day of birth (newborn/0) and the closing message on
// the third birthday (age3/0).

export const birthDay = {
  primary:
    'ご出産おめでとうございます。まずは体を休めることを最優先に。わからないことは、入院中に助産師や看護師に何でも聞いてください。',
  partner:
    'ご誕生おめでとうございます。出産を終えたパートナーは、見た目以上に体が疲れています。まずは休めるよう支えてください。',
  family:
    'ご誕生おめでとうございます。出産を終えた体は、見た目以上に疲れています。お祝いの訪問は短めにし、家事や上の子の世話など、休めるための手助けをお願いします。',
}

export const closing = {
  primary: [
    '{{nickname}}さん、お子さんの3歳のお誕生日おめでとうございます。',
    '妊娠中から今日まで、このお便りを読んでくださってありがとうございました。{{tenantName}}からの定期のお便りは、これで終わりになります。',
    'これからも、子育てで困ったときは{{deskName}}({{deskPhone}}、{{deskHours}})に相談できます。',
  ],
  partner: [
    '{{nickname}}さん、お子さんの3歳のお誕生日おめでとうございます。',
    'この3年間、家族を支えてきたあなたにも、ありがとうを伝えさせてください。{{tenantName}}からの定期のお便りは、これで終わりになります。',
    'これからも、子育てのことは{{deskName}}({{deskPhone}}、{{deskHours}})に相談できます。',
  ],
  family: [
    '{{nickname}}さん、ご家族のお子さんの3歳のお誕生日おめでとうございます。',
    'この3年間、子育てする家族をそばで支えてくださって、ありがとうございました。{{tenantName}}からの定期のお便りは、これで終わりになります。',
    '子育てのことで気になることがあれば、ご家族と一緒に{{deskName}}({{deskPhone}}、{{deskHours}})に相談できます。',
  ],
}
