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
