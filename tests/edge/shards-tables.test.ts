import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { copySteps, staying } from '../../edge/shards/move-plan'
import { tableHome } from '../../edge/shards/tables'
import { tablesOf } from './support/shard-rows'

// Where each table lives is decided once, in edge/shards/tables.ts: a table the migrations create
// that nobody has classified as main or shard fails here, and so does one a shard move would
// neither carry nor say why it leaves.

it('classifies every table the migrations create, in the main database and in shard 2 alike', async () => {
  const classified = Object.keys(tableHome).sort()
  expect(await tablesOf(env.DB)).toEqual(classified)
  expect(await tablesOf(env.SHARD_2!)).toEqual(classified)
})

it('carries every shard table in a move, or says why it stays, and no main table', () => {
  const shardTables = Object.keys(tableHome).filter((t) => tableHome[t as keyof typeof tableHome] === 'shard')
  const carried = new Set(copySteps.map((s) => s.table))
  const left = Object.keys(staying)
  expect([...carried, ...left].sort()).toEqual(shardTables.sort())
  expect(left.filter((t) => carried.has(t as never))).toEqual([])
})
