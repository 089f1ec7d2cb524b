import { describe, expect, it } from 'vitest'
import { periods } from '../../cli/report'

describe('yorisoi report', () => {
  it('cuts a period into pieces of at most 31 days, the edge’s limit a request', () => {
    expect(periods('2026-11-01', '2026-11-30')).toEqual([{ from: '2026-11-01', to: '2026-11-30' }])
    expect(periods('2026-01-01', '2026-03-05')).toEqual([
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-03-03' },
      { from: '2026-03-04', to: '2026-03-05' },
    ])
    expect(periods('2026-12-07', '2026-12-07')).toEqual([{ from: '2026-12-07', to: '2026-12-07' }])
  })
})
