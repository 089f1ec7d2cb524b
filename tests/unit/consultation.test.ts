import { describe, expect, it } from 'vitest'
import { emergencyNumbers } from '../../edge/web/emergency-section'
import { mentalHealthLines } from '../../edge/web/helplines'
import { assessUrgency, type ConsultationInput, checkConsultation } from '../../shared/consultation'
import { fixtureTenantParts } from '../../shared/contract/fixture'

const input = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  category: 'body',
  text: '相談です',
  contact: 'none',
  phone: '',
  hours: '',
  ...overrides,
})

describe('words that suggest urgency', () => {
  it('are found whatever the width, case, spacing or apostrophe', () => {
    expect(assessUrgency('朝から出血があります').urgent).toBe(true)
    expect(assessUrgency('息が　できない').urgent).toBe(true)
    expect(assessUrgency('My baby CAN’T BREATHE').urgent).toBe(true)
    expect(assessUrgency('ｹｲﾚﾝしています').urgent).toBe(true)
    expect(assessUrgency('離乳食の進め方を知りたいです').urgent).toBe(false)
  })

  it('tell despair and fear of harming the child apart from the body’s emergencies', () => {
    expect(assessUrgency('もう消えたい')).toMatchObject({ urgent: true, selfHarm: true, childSafety: false })
    expect(assessUrgency('I want to die')).toMatchObject({ urgent: true, selfHarm: true })
    expect(assessUrgency('子どもを叩いてしまいそうで怖い')).toMatchObject({ urgent: true, childSafety: true })
    expect(assessUrgency('破水したかもしれません')).toMatchObject({
      urgent: true,
      selfHarm: false,
      matched: ['破水'],
    })
  })
})

describe('the consultation form’s check', () => {
  it('asks for a phone number only when a call is wanted, and reads it the way people write it', () => {
    expect(checkConsultation(input({ contact: 'phone', phone: '' }), true)).toMatchObject({ ok: false })
    const call = checkConsultation(
      input({ contact: 'phone', phone: '＋８１ ９０ １２３４ ５６７８', hours: '午前' }),
      true,
    )
    expect(call).toEqual({
      ok: true,
      value: { category: 'body', text: '相談です', contact: 'phone', phone: '090-1234-5678', hours: '午前' },
    })
    expect(checkConsultation(input({ contact: 'phone', phone: '03-1234-5678' }), true).ok).toBe(true)
  })

  it('keeps line breaks and tabs, refuses other control characters, counts characters not code units', () => {
    expect(checkConsultation(input({ text: '一行目\r\n\t二行目' }), true)).toMatchObject({
      ok: true,
      value: { text: '一行目\n\t二行目' },
    })
    expect(checkConsultation(input({ text: 'ベル\u0007' }), true)).toMatchObject({ ok: false })
    // 2,000 emoji are 4,000 UTF-16 units and still within the limit.
    expect(checkConsultation(input({ text: '😢'.repeat(2000) }), true).ok).toBe(true)
    expect(checkConsultation(input({ text: '😢'.repeat(2001) }), true).ok).toBe(false)
  })

  it('offers an answer at the registered address only where the desk can use it', () => {
    expect(checkConsultation(input({ contact: 'registered' }), true).ok).toBe(true)
    expect(checkConsultation(input({ contact: 'registered' }), false)).toEqual({
      ok: false,
      errors: { contact: { ja: '連絡の方法を選んでください', en: 'Choose how we may contact you' } },
    })
  })

  it('words each problem with its limit in a slot, so every language can say it', () => {
    const refused = checkConsultation(
      input({ text: 'あ'.repeat(2001), contact: 'phone', hours: '夜'.repeat(61) }),
      true,
    )
    expect(refused).toMatchObject({
      ok: false,
      errors: {
        text: { ja: '{max}文字以内にしてください（いま書いた文章は残っています）', values: { max: 2000 } },
        phone: { ja: '電話番号を確かめてください（例: 090-1234-5678）' },
        hours: { ja: 'つながりやすい時間は{max}文字以内で書いてください', values: { max: 60 } },
      },
    })
  })
})

describe('the numbers for now', () => {
  const sakura = fixtureTenantParts[0]!.tenant

  it('say when #7119 answers where it is not around the clock', async () => {
    const chiba = String(await emergencyNumbers({ ...sakura, prefecture: '千葉県' }))
    expect(chiba).toContain('#7119')
    expect(chiba).toContain('平日・土曜 18時〜翌8時')
    const tokyo = String(await emergencyNumbers(sakura))
    expect(tokyo).toContain('#7119')
    expect(tokyo).not.toContain('翌8時')
    expect(String(await emergencyNumbers({ ...sakura, prefecture: '和歌山県' }))).not.toContain('#7119')
  })

  it('give callers in 岩手・宮城・福島 their own よりそいホットライン number', () => {
    expect(mentalHealthLines('宮城県')[0]!.phone).toBe('0120-279-226')
    expect(mentalHealthLines('東京都')[0]!.phone).toBe('0120-279-338')
  })
})
