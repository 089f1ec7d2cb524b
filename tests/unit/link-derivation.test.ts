import { describe, expect, it } from 'vitest'
import { deliveryKey } from '../../edge/channels/key'
import { deliveryLinks, programDeliveries } from '../../edge/delivery/links'
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

  it('are the same derived for a whole batch as for each resident on their own', async () => {
    const origin = 'https://yorisoi.example.jp'
    const residents = [
      { id: 'sub-1', row: 42, manageGeneration: 0 },
      { id: 'sub-2', row: 43, manageGeneration: 3 },
      { id: 'sub-3' },
    ]
    const batch = await programDeliveries(
      { origin, linkSecret: 'golden-secret', shard: 2 },
      'sakura-city',
      '2026-11-23',
      residents,
    )
    for (const [i, r] of residents.entries()) {
      const key = await deliveryKey(r.id, '2026-11-23', 'program')
      const own = await deliveryLinks(
        origin,
        'golden-secret',
        r.id,
        key,
        r.manageGeneration ?? 0,
        2,
        pagePrefix('2026-11-23', 'sakura-city', r.row ?? 0),
      )
      expect(batch[i]).toEqual({ key, id: own.pageTokenHash, links: own.links, segments: own.segments })
    }
    expect(batch[0]!.links.unsubscribeUrl).toBe(`${origin}/s/2T1ww_7MKDoPTRVUuwkveVg`)
  })
})
