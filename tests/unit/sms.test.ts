import { describe, expect, it } from 'vitest'
import { measureSms, smsCharacterCap } from '../../shared/sms'

describe('SMS segments as a Japanese carrier counts them', () => {
  it('fits 70 Japanese characters in one message and splits at 67 beyond', () => {
    expect(measureSms('あ'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 })
    expect(measureSms('あ'.repeat(71)).segments).toBe(2)
    expect(measureSms('あ'.repeat(134)).segments).toBe(2)
    expect(measureSms('あ'.repeat(135)).segments).toBe(3)
  })

  it('keeps plain ASCII in GSM-7 (160 in one message)', () => {
    expect(measureSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 })
    expect(measureSms('a'.repeat(161)).segments).toBe(2)
  })

  it('counts an emoji as two UCS-2 characters', () => {
    expect(measureSms('😀').characters).toBe(2)
    expect(measureSms(`${'あ'.repeat(69)}😀`).segments).toBe(2)
  })

  it('refuses texts past the aggregator cap', () => {
    expect(measureSms('あ'.repeat(smsCharacterCap)).fits).toBe(true)
    expect(measureSms('あ'.repeat(smsCharacterCap + 1)).fits).toBe(false)
  })
})
