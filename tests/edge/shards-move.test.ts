import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { openLink } from '../../edge/shards/links'
import { residentShard, TenantMoving, tenantsByShard } from '../../edge/shards/map'
import { moveStep as moveStepDirect } from '../../edge/shards/move'
import { staying } from '../../edge/shards/move-plan'
import { tableHome } from '../../edge/shards/tables'
import { sha256Hex } from '../../shared/contract'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { ingest, ingestTokens, publish } from './support/ingest-client'
import { finishMove, moveStep, moveTown, startMove, townRows } from './support/shard-move'
import { bareToken, form, linkTo, registerByEmail, request } from './support/shard-pages'
import { NO_TENANT, tablesOf, tenantOfRows, townsIn } from './support/shard-rows'
import { shardNumberOf } from './support/shards'
import { writeTownHistory } from './support/town-history'

// `npx yorisoi shard move` at the edge: a town's residents, tokens and history carried whole to
// another shard through the ingest API, old links forwarded, nothing of the town left behind.

const shard2 = () => env.SHARD_2!
let sakuraLinks: { token: string }[] = []

beforeAll(async () => {
  // Published as the CMS does: sakura-city is placed on shard 1, minato-town on shard 2.
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
  expect([await shardNumberOf('sakura-city'), await shardNumberOf('minato-town')]).toEqual([1, 2])
})

describe('moving a town to another shard', () => {
  it('a resident registered through the pages keeps their links: during the move the town waits, after it the old links open in shard 2', async () => {
    const { address, manage } = await registerByEmail()
    const stop = await linkTo('sakura-city', address, '/s/')
    const [manageToken, stopToken] = [bareToken(manage), bareToken(stop)]
    expect(manage).toBe(`/r/1${manageToken}`)

    await startMove('sakura-city', 2)
    const waiting = await request(manage)
    expect(waiting.status).toBe(503)
    expect(waiting.headers.get('retry-after')).toBe('60')
    expect(await waiting.text()).toContain('1分ほどしてからもう一度お試しください')
    await finishMove('sakura-city')

    for (const path of [manage, `/r/${manageToken}`]) {
      const page = await request(path)
      expect(page.status, path).toBe(200)
      expect(await page.text()).toContain('はな')
    }
    expect((await request(`/s/${stopToken}`)).status).toBe(200)
    expect((await form(`/s/1${stopToken}`, {})).status).toBe(200)
    const row = await shard2()
      .prepare('SELECT state FROM subscribers WHERE address = ?1')
      .bind(address)
      .first<string>('state')
    expect(row).toBe('stopped')
    expect(
      await env.DB.prepare('SELECT COUNT(*) AS n FROM subscribers WHERE address = ?1')
        .bind(address)
        .first('n'),
    ).toBe(0)

    // And back: the links open in shard 1 again, none forwarded in a circle.
    await moveTown('sakura-city', 1)
    for (const path of [manage, `/r/${manageToken}`]) expect((await request(path)).status, path).toBe(200)
    const back = await env.DB.prepare('SELECT state FROM subscribers WHERE address = ?1')
      .bind(address)
      .first('state')
    expect(back).toBe('stopped')
  })

  it('carries its residents, tokens and history whole, forwards its old links, and leaves nothing else', async () => {
    const sakura = await writeTownHistory(env.DB, 'sakura-city', 3)
    sakuraLinks = sakura.links
    // A neighbour on shard 1 that stays.
    await writeTownHistory(env.DB, 'kaede-town', 1)
    const before = await townRows(env.DB, 'sakura-city')
    const kaede = await townRows(env.DB, 'kaede-town')

    // The history reaches every table that names a town; those that do not are the ones a move leaves.
    const named: string[] = []
    const unnamed: string[] = []
    for (const table of await tablesOf(env.DB)) {
      if (tableHome[table as keyof typeof tableHome] === 'main') continue
      ;((await tenantOfRows(env.DB, table)) === NO_TENANT ? unnamed : named).push(table)
    }
    expect(unnamed.sort()).toEqual(Object.keys(staying).sort())
    expect(named.filter((t) => !before[t])).toEqual([])

    const answers = await moveTown('sakura-city', 2)
    expect(answers.map((a) => a.phase)).toContain('moved')
    expect(answers.at(-1)).toEqual({ phase: 'done', shard: 2 })
    expect(await shardNumberOf('sakura-city')).toBe(2)
    expect((await residentShard(env, 'sakura-city')).shard).toBe(2)

    expect(await townRows(shard2(), 'sakura-city')).toEqual(before)
    expect(await townRows(env.DB, 'sakura-city')).toEqual({})
    for (const table of await tablesOf(env.DB))
      expect(await townsIn(env.DB, table), table).not.toContain('sakura-city')
    expect(await townRows(env.DB, 'kaede-town')).toEqual(kaede)

    // Every link sent before the move, with its prefix or bare, opens in shard 2.
    for (const { token } of sakura.links) {
      const forward = await env.DB.prepare('SELECT shard FROM link_forwards WHERE token_hash = ?1')
        .bind(await sha256Hex(token))
        .first<number>('shard')
      expect(forward, token).toBe(2)
      expect((await openLink(env, token))?.shard).toBe(2)
      expect((await openLink(env, `1${token}`))?.shard).toBe(2)
      expect((await openLink(env, `2${token}`))?.shard).toBe(2)
    }
  })

  it('holds the town still while it moves, resumes a move that stopped, and copies nothing twice', async () => {
    await writeTownHistory(shard2(), 'minato-town', 4)
    // A run under way: three residents enqueued so far, by rowid in shard 2.
    const third = await shard2()
      .prepare("SELECT rowid AS row FROM subscribers WHERE id = 'minato-town-r2'")
      .first<number>('row')
    await shard2()
      .prepare(
        "UPDATE tenant_runs SET state = 'enqueuing', cursor = '2026-11-23|' || ?1 WHERE tenant_slug = 'minato-town'",
      )
      .bind(String(third))
      .run()
    const before = await townRows(shard2(), 'minato-town')

    expect(await startMove('minato-town', 1)).toEqual({ tenant: 'minato-town', from: 2, to: 1, moving: true })
    await expect(residentShard(env, 'minato-town')).rejects.toBeInstanceOf(TenantMoving)
    const groups = await tenantsByShard(env, ['minato-town'])
    expect(groups).toMatchObject([{ shard: 2, tenants: [], moving: ['minato-town'] }])
    // Work that resolved the shard just before gets the drain to finish: nothing is copied meanwhile.
    const waiting = await moveStepDirect(
      { ...env, SHARD_MOVE_DRAIN_SECONDS: '60' } as never,
      'minato-town',
      null,
      new Date(),
    )
    expect(waiting).toMatchObject({ phase: 'draining' })

    // Five steps, then the operator's terminal closes; the same command again starts over.
    let cursor = null
    for (let i = 0; i < 5; i++) {
      const step = await moveStep('minato-town', cursor)
      if (step.phase === 'copy' || step.phase === 'forward') cursor = step.cursor
    }
    expect(await startMove('minato-town', 1)).toMatchObject({ moving: true })
    await finishMove('minato-town')

    const after = await townRows(env.DB, 'minato-town')
    const { tenant_runs: runAfter, ...restAfter } = after
    const { tenant_runs: runBefore, ...restBefore } = before
    expect(restAfter).toEqual(restBefore)
    expect(await townRows(shard2(), 'minato-town')).toEqual({})
    // The run goes on after the same resident: its cursor names their rowid in shard 1.
    const thirdHere = await env.DB.prepare(
      "SELECT rowid AS row FROM subscribers WHERE id = 'minato-town-r2'",
    ).first<number>('row')
    const run = JSON.parse(runAfter![0]!) as { cursor: string; state: string }
    expect(run).toMatchObject({ state: 'enqueuing', cursor: `2026-11-23|${thirdHere}` })
    expect(JSON.parse(runBefore![0]!)).toMatchObject({ cursor: `2026-11-23|${third}` })
    const { results: rest } = await env.DB.prepare(
      "SELECT id FROM subscribers WHERE tenant_slug = 'minato-town' AND rowid > ?1 ORDER BY rowid",
    )
      .bind(thirdHere)
      .all<{ id: string }>()
    expect(rest.map((r) => r.id)).toEqual(['minato-town-r3'])
  })

  it('refuses an unbound shard, a town on no shard, and a second move of a town already moving', async () => {
    const refused = async (body: unknown) => {
      const response = await ingest('/shards/moves', { body, token: ingestTokens.operations })
      return {
        status: response.status,
        code: ((await response.json()) as { error: { code: string } }).error.code,
      }
    }
    expect(await refused({ tenant: 'sakura-city', to: 3 })).toEqual({ status: 400, code: 'shard-not-bound' })
    expect(await refused({ tenant: 'nowhere-town', to: 2 })).toEqual({
      status: 404,
      code: 'tenant-not-placed',
    })
    expect(await refused({ tenant: 'sakura-city', to: 0 })).toMatchObject({
      status: 400,
      code: 'invalid-request',
    })
    const unauthorised = await ingest('/shards/moves', {
      body: { tenant: 'sakura-city', to: 1 },
      token: 'wrong',
    })
    expect(unauthorised.status).toBe(401)
    // A town already where it is asked to go: nothing moves, nothing is deleted.
    expect(await startMove('sakura-city', 2)).toMatchObject({ moving: false })
    const rows = await townRows(shard2(), 'sakura-city')
    expect(await finishMove('sakura-city')).toEqual([{ phase: 'done', shard: 2 }])
    expect(await townRows(shard2(), 'sakura-city')).toEqual(rows)
    await startMove('sakura-city', 1)
    expect(await refused({ tenant: 'sakura-city', to: 2 })).toEqual({
      status: 409,
      code: 'tenant-moving-elsewhere',
    })
    // A cursor past the copy does not send the town to a shard without its residents.
    const skipped = await ingest('/shards/moves/sakura-city/step', {
      body: { cursor: { step: 99, after: 0 } },
      token: ingestTokens.operations,
    })
    expect(skipped.status).toBe(409)
    expect(((await skipped.json()) as { error: { code: string } }).error.code).toBe('move-incomplete')
    expect(await shardNumberOf('sakura-city')).toBe(2)
    await finishMove('sakura-city')
    expect(await shardNumberOf('sakura-city')).toBe(1)
    // Back where it started: its links open here again, not forwarded in a circle.
    for (const { token } of sakuraLinks) {
      expect((await openLink(env, token))?.shard).toBe(1)
      expect((await openLink(env, `2${token}`))?.shard).toBe(1)
    }
  })
})
