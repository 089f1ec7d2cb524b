import { describe, expect, it } from 'vitest'
import { assessUrgency } from '../../shared/consultation'
import { urgencyWords } from '../../shared/consultation/urgency-words'
import { languageTags } from '../../shared/languages'

// Per language: what a resident might really write when she needs help now (flagged, with the
// kind that decides which lines she is shown), and everyday questions that must not be.
const cases: Record<
  string,
  { urgent: [text: string, kind: 'medical' | 'selfHarm' | 'childSafety' | 'violence'][]; everyday: string[] }
> = {
  en: {
    urgent: [
      ['I feel like I want to kill myself', 'selfHarm'],
      ['My baby is not moving since this morning', 'medical'],
      ["I'm scared I will hurt my baby", 'childSafety'],
      ['My husband hits me when he drinks', 'violence'],
      ['She had a SEIZURE last night', 'medical'],
    ],
    everyday: [
      'When should I start solid food?',
      'Beats me why the baby cries at night, but she is fine.',
      'Where can I get advice about breastfeeding?',
    ],
  },
  vi: {
    urgent: [
      ['Tôi không muốn sống nữa, tôi muốn chết', 'selfHarm'],
      ['Tôi đang bị chảy máu nhiều', 'medical'],
      ['Từ sáng đến giờ thai không máy', 'medical'],
      ['Tôi sợ mình sẽ làm hại con', 'childSafety'],
      ['Chồng đánh tôi mỗi tối', 'violence'],
    ],
    everyday: [
      'Em bé nhà tôi ngủ không ngon vào ban đêm.',
      'Tôi muốn hỏi về lịch tiêm chủng cho con.',
      'Chồng tôi muốn đưa con đi công viên vào cuối tuần.',
    ],
  },
  'zh-Hans': {
    urgent: [
      ['我真的不想活了', 'selfHarm'],
      ['从昨天开始感觉不到胎动', 'medical'],
      ['我怕我会伤害宝宝', 'childSafety'],
      ['老公打我', 'violence'],
    ],
    everyday: ['我不想活动，只想休息一下。', '想死你了！宝宝今天很乖。', '拍打宝宝的背可以帮助打嗝吗？'],
  },
  ko: {
    urgent: [
      ['너무 힘들어서 죽고 싶어요', 'selfHarm'],
      ['아기가 숨을 안 쉬어요', 'medical'],
      ['아기를 때릴 것 같아서 무서워요', 'childSafety'],
      ['남편이 때려요', 'violence'],
    ],
    everyday: [
      '이유식은 언제부터 시작하면 되나요?',
      '아기가 밤에 잘 안 자요.',
      '예방접종 일정을 알고 싶어요.',
    ],
  },
  tl: {
    urgent: [
      ['Gusto ko nang mamatay', 'selfHarm'],
      ['Dinudugo po ako ngayon', 'medical'],
      ['Natatakot ako na masaktan ko ang baby', 'childSafety'],
      ['Binubugbog ako ng asawa ko', 'violence'],
    ],
    everyday: [
      'Kailan po ang susunod na bakuna ng anak ko?',
      'Walang malay ang bata sa mga problema namin.',
      'Paano po magpasuso nang tama?',
    ],
  },
  'pt-BR': {
    urgent: [
      ['Não quero mais viver', 'selfHarm'],
      ['Estou com sangramento desde ontem', 'medical'],
      ['O bebe nao mexe desde hoje de manhã', 'medical'],
      ['Tenho medo de machucar o bebê', 'childSafety'],
      ['Meu marido me bate', 'violence'],
    ],
    everyday: [
      'Quando posso começar a papinha?',
      'O bebê dorme bem, mas acorda cedo.',
      'Onde fica o posto de saúde mais perto?',
    ],
  },
  ne: {
    urgent: [
      ['मलाई मर्न मन लाग्छ', 'selfHarm'],
      ['धेरै रगत बगिरहेको छ', 'medical'],
      ['पेटमा बच्चा चलेको छैन', 'medical'],
      ['म बच्चालाई हिर्काउँछु कि भन्ने डर लाग्छ', 'childSafety'],
      ['श्रीमानले कुट्नुहुन्छ', 'violence'],
    ],
    everyday: ['बच्चालाई खोप कहिले लगाउने?', 'बच्चा राति राम्रोसँग सुत्दैन।', 'स्तनपान कसरी गर्ने?'],
  },
  id: {
    urgent: [
      ['Saya ingin bunuh diri', 'selfHarm'],
      ['Ketuban pecah tadi pagi', 'medical'],
      ['Saya takut menyakiti bayi saya', 'childSafety'],
      ['Saya mengalami KDRT', 'violence'],
    ],
    everyday: [
      'Kapan jadwal imunisasi anak saya?',
      'Saya tidak sadar bahwa formulirnya sudah dikirim.',
      'Bayi saya susah tidur di malam hari.',
    ],
  },
  my: {
    urgent: [
      ['ကျွန်မ သေချင်တယ်', 'selfHarm'],
      ['သွေးဆင်းနေပါတယ်', 'medical'],
      ['ကလေးကိုရိုက်မိမှာ ကြောက်တယ်', 'childSafety'],
      ['ယောက်ျားကရိုက်တယ်', 'violence'],
    ],
    everyday: ['ကလေးကို နို့တိုက်နေပါတယ်', 'ကာကွယ်ဆေးအကြောင်း မေးချင်ပါတယ်', 'ကျေးဇူးတင်ပါတယ်'],
  },
  ja: {
    urgent: [
      ['もう死にたいです', 'selfHarm'],
      ['夫に殴られました', 'violence'],
    ],
    everyday: ['離乳食の進め方を知りたいです', '予防接種の予約はどこでできますか', '夜泣きで少し寝不足です'],
  },
}

describe('words of urgency in the languages residents write', () => {
  it('has a list for every language a resident can choose (やさしい日本語 is Japanese)', () => {
    for (const tag of languageTags.filter((t) => t !== 'ja-x-easy'))
      expect(Object.keys(urgencyWords)).toContain(tag)
    expect(Object.keys(cases).sort()).toEqual(Object.keys(urgencyWords).sort())
  })

  for (const [tag, { urgent, everyday }] of Object.entries(cases)) {
    it(`${tag}: real phrases are flagged with their kind, everyday sentences are not`, () => {
      for (const [text, kind] of urgent) {
        const a = assessUrgency(text)
        expect(a.urgent, text).toBe(true)
        if (kind === 'selfHarm' || kind === 'childSafety') expect(a[kind], text).toBe(true)
      }
      for (const text of everyday)
        expect(assessUrgency(text), text).toMatchObject({ urgent: false, matched: [] })
    })
  }

  it('matches whole words in spaced languages, in any case or width, whatever language was chosen', () => {
    expect(assessUrgency('TÔI MUỐN CHẾT').matched).toEqual(['muốn chết'])
    expect(assessUrgency('Tôi   muốn\nchết').urgent).toBe(true)
    // NFD (as some keyboards send it) folds to the listed NFC.
    expect(assessUrgency('tự tử'.normalize('NFD')).urgent).toBe(true)
    expect(assessUrgency('ＤＶを受けています').matched).toContain('dv')
    expect(assessUrgency('I need advice').urgent).toBe(false)
    expect(assessUrgency('The rash disappeared').urgent).toBe(false)
    expect(assessUrgency('She seemed suicidal').selfHarm).toBe(true)
  })
})

describe('words of urgency as residents’ phones type them', () => {
  it('vi: flagged when typed without tones or marks, and everyday sentences that lose their marks too are not', () => {
    for (const [text, kind] of [
      ['toi muon chet', 'selfHarm'],
      ['TOI KHONG MUON SONG NUA', 'selfHarm'],
      ['Tôi muon chet', 'selfHarm'],
      ['be khong tho', 'medical'],
      ['toi bi chay mau nhieu', 'medical'],
      ['toi bi vo oi roi', 'medical'],
      ['chong danh toi moi toi', 'violence'],
      ['toi so minh se lam hai em be', 'childSafety'],
    ] as const) {
      const a = assessUrgency(text)
      expect(a.urgent, text).toBe(true)
      if (kind !== 'medical' && kind !== 'violence') expect(a[kind], text).toBe(true)
    }
    // Each of these would match a listed phrase once the marks are off (see vi.ts's `ambiguous`).
    const { unmarked, medical, selfHarm, childSafety, violence } = urgencyWords.vi!
    expect(unmarked?.ambiguous.length).toBeGreaterThan(0)
    for (const phrase of unmarked?.ambiguous ?? [])
      expect([...medical, ...selfHarm, ...childSafety, ...violence]).toContain(phrase)
    for (const text of [
      'Vo oi, chay mau ve nha an com', // vợ ơi, chạy mau: darling, come home quickly
      'Con giong bo hon me', // hơn mẹ: more like dad than mum
      'Cu tu tu thoi, khong sao dau', // từ từ: slowly
      'Hom nay toi co giat quan ao cho con', // có giặt: did the washing
      'Nha toi khong tho cung', // không thờ: do not worship
      'Ao cua con giat bi ra mau', // ra màu: the dye runs
      'Toi muon hoi ve lich tiem chung cho con',
    ])
      expect(assessUrgency(text), text).toMatchObject({ urgent: false, matched: [] })
  })

  it('the desk sees the listed word for an unmarked match', () => {
    expect(assessUrgency('toi muon chet').matched).toEqual(['muốn chết'])
    expect(assessUrgency('nao consigo respirar').matched).toEqual(['não consigo respirar'])
  })

  it('pt-BR: flagged without accents or with some of them, everyday unaccented sentences are not', () => {
    expect(assessUrgency('Tenho medo de sacudir o bebe').childSafety).toBe(true)
    expect(assessUrgency('O bebe nao se mexe desde ontem').urgent).toBe(true)
    expect(assessUrgency('o bebê nao mexe').urgent).toBe(true)
    expect(assessUrgency('Meu marido me bate, sofro violencia domestica').urgent).toBe(true)
    for (const text of [
      'Quando posso comecar a papinha?',
      'Nao consigo dormir direito a noite',
      'O bebe mama bem',
    ])
      expect(assessUrgency(text), text).toMatchObject({ urgent: false, matched: [] })
  })

  // Zawgyi (older Android phones): the same letters' code points in another order and meaning.
  const zawgyi = {
    wantToDie: 'ကြၽန္မ ေသခ်င္တယ္', // ကျွန်မ သေချင်တယ် in Unicode
    bleeding: 'ေသြးဆင္းေနပါတယ္', // သွေးဆင်းနေပါတယ်
    husbandHits: 'ေယာက္်ားကရိုက္တယ္', // ယောက်ျားကရိုက်တယ်
    breastfeeding: 'ကေလးကို ႏို႔တိုက္ေနပါတယ္', // ကလေးကို နို့တိုက်နေပါတယ်
    vaccines: 'ကာကြယ္ေဆးအေၾကာင္း ေမးခ်င္ပါတယ္', // ကာကွယ်ဆေးအကြောင်း မေးချင်ပါတယ်
  }

  it('my: Burmese typed in Zawgyi is flagged like Unicode, its everyday sentences are not', () => {
    expect(assessUrgency(zawgyi.wantToDie)).toMatchObject({
      urgent: true,
      selfHarm: true,
      matched: ['သေချင်'],
    })
    expect(assessUrgency(zawgyi.bleeding).urgent).toBe(true)
    expect(assessUrgency(zawgyi.husbandHits).urgent).toBe(true)
    for (const text of [zawgyi.breastfeeding, zawgyi.vaccines])
      expect(assessUrgency(text), text).toMatchObject({ urgent: false, matched: [] })
  })

  it('costs little per text (timings printed, not asserted)', () => {
    const long = (sentence: string) => sentence.repeat(Math.ceil(2000 / sentence.length)).slice(0, 2000)
    for (const [name, text] of [
      ['vi', long('Tôi muốn hỏi về lịch tiêm chủng cho con. ')],
      ['ja', long('離乳食の進め方を知りたいです。夜泣きで少し寝不足です。')],
      ['my Zawgyi', long(`${zawgyi.breastfeeding} ${zawgyi.vaccines} `)],
    ] as const) {
      assessUrgency(text)
      const runs = 50
      const start = performance.now()
      for (let i = 0; i < runs; i++) assessUrgency(text)
      console.log(
        `assessUrgency, 2,000 characters of ${name}: ${((performance.now() - start) / runs).toFixed(2)} ms`,
      )
    }
  })
})
