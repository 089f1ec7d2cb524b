import { describe, expect, it } from 'vitest'
import { payloadSecret } from '../../cms/config/secret'

describe('PAYLOAD_SECRET', () => {
  it('comes from the environment', () => {
    expect(payloadSecret({ PAYLOAD_SECRET: 's3cret', NODE_ENV: 'production' })).toBe('s3cret')
  })

  it('has no default in production, and says what to do', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(
      /PAYLOAD_SECRET が未設定です .* Set PAYLOAD_SECRET/,
    )
  })

  it('has a development default elsewhere', () => {
    expect(payloadSecret({ NODE_ENV: 'development' })).toMatch(/development/)
  })
})
