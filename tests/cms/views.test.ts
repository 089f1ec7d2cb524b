import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { coverage } from '../../cms/plugin/views/coverage'
import { reviewQueue } from '../../cms/plugin/views/reviewQueue'
import { standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'

let cms: Cms
let payload: Payload
let world: World

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())

const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const
const create = (slot: string, data: Record<string, unknown> = {}) =>
  payload.create({ collection: 'messages', data: messageData(slot, data), ...as('editor') })
const setState = (who: Person, id: number | string, reviewState: string) =>
  payload.update({ collection: 'messages', id, data: { reviewState }, ...as(who) })
const approve = async (id: number | string) => {
  await setState('editor', id, 'in-review')
  await setState('supervisor', id, 'approved')
}

describe('review queue', () => {
  it('lists what waits for a supervisor, oldest submission first', async () => {
    const a = await create('newborn/1')
    const b = await create('newborn/2')
    const c = await create('newborn/3')
    await setState('editor', b.id, 'in-review')
    await setState('editor', a.id, 'in-review')
    await setState('editor', c.id, 'in-review')
    await setState('supervisor', a.id, 'approved')

    expect((await reviewQueue(payload, defaultSlugs)).map((item) => item.key)).toEqual([
      'newborn/2 primary ja',
      'newborn/3 primary ja',
    ])
  })
})

describe('coverage', () => {
  it('shows each slot × audience × language as approved, stale, in review or missing, with the fallback the edge would use', async () => {
    const source = await create('pregnancy/100')
    await approve(source.id)
    const partner = await create('pregnancy/100', { audience: 'partner', subject: 'パートナーの方へ' })
    await setState('editor', partner.id, 'in-review')
    const english = await create('pregnancy/100', {
      language: 'en',
      subject: 'A note for today',
      translationOf: source.id,
    })
    await approve(english.id)
    await payload.update({
      collection: 'messages',
      id: source.id,
      data: { subject: '改訂' },
      ...as('editor'),
    })
    await approve(source.id)

    const cells = await coverage(payload, defaultSlugs, standardProgram, ['ja', 'en'], ['ja'])
    const at = (slot: string, audience: string, language: string) =>
      cells.find((c) => c.slot === slot && c.audience === audience && c.language === language)

    expect(at('pregnancy/100', 'primary', 'ja')).toMatchObject({ status: 'approved', filledBy: null })
    expect(at('pregnancy/100', 'partner', 'ja')).toMatchObject({
      status: 'in-review',
      filledBy: { audience: 'primary', language: 'ja' },
    })
    expect(at('pregnancy/100', 'family', 'ja')).toMatchObject({
      status: 'missing',
      filledBy: { audience: 'primary', language: 'ja' },
    })
    expect(at('pregnancy/100', 'primary', 'en')).toMatchObject({ status: 'stale' })
    expect(at('pregnancy/100', 'partner', 'en')).toMatchObject({
      status: 'missing',
      filledBy: { audience: 'primary', language: 'en' },
    })
    expect(at('pregnancy/101', 'primary', 'ja')).toMatchObject({ status: 'missing', filledBy: null })
    expect(at('pregnancy/300', 'primary', 'ja')).toBeUndefined()
    expect(cells.filter((c) => c.status === 'missing').length).toBeGreaterThan(1000)
  })
})
