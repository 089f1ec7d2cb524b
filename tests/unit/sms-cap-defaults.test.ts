import { describe, expect, it } from 'vitest'
import { smsCapDefaults as enforced } from '../../edge/verification/sms-cap'
import { smsCapDefaults as described } from '../../shared/contract'

// The CMS tells a town's staff the defaults (and lets them set caps up to them); the edge applies
// its own copy. They must be one number each.
describe('SMS cap defaults', () => {
  it('are the same in the CMS fields and at the edge', () => {
    expect(enforced).toEqual(described)
  })
})
