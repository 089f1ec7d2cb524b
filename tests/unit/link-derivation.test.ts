import { describe, expect, it } from 'vitest'
import { deliveryKey } from '../../edge/channels/key'
import { messageToken, standingToken } from '../../edge/resident/link-tokens'
import { pagePrefix } from '../../shared/links'

// Every link already sent is derived again from its secret and key when a page is shown or a
// message sent again: the derivation may be made faster, never different.
describe('the tokens of links already sent', () => {
  it('are derived as they always were', async () => {
    expect(await deliveryKey('sub-1', '2026-11-23', 'program')).toBe('a75f17e1-6ad8-8733-9fbd-0f79abe369cd')
    expect(await messageToken('golden-secret', 'golden-key')).toBe('H14dtRPi1uTwxcy8sznBug')
    expect(await standingToken('golden-secret', 'sub-1', 'stop')).toBe('T1ww_7MKDoPTRVUuwkveVg')
    const prefix = pagePrefix('2026-11-23', 'sakura-city', 42)
    expect(await messageToken('golden-secret', 'golden-key', prefix)).toBe(`${prefix}H14dtRPi1uTwxcy8`)
  })
})
