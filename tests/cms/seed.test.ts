import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { coverageRows } from '../../cli/coverage'
import { defaultSlugs } from '../../cms/plugin/slugs'
import { coverage, coverageSummary } from '../../cms/plugin/views/coverage'
import { approvedAnnouncements } from '../../cms/publish/announcements'
import { defaultContentSlugs } from '../../cms/publish/content'
import { approvedTasks } from '../../cms/publish/tasks'
import { seededEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import { SeedRefusal, type SeedSummary, seed } from '../../seed/index'
import { messageKey } from '../../shared/compose'
import type { MessageVersion } from '../../shared/contract'
import { languageTags } from '../../shared/languages'
import { allSendSlots, audiences, standardProgram } from '../../shared/program'
import { type Cms, startCms } from './support/cms'

// The sample world on real Postgres, with three of the editions (1,626 messages) to stay quick:
// the coverage command checks the generator's whole output, seed-bulk.test.ts the bulk rows.
const password = 'seed-test-password'
const editions = seededEditions
let cms: Cms
let payload: Payload
let first: SeedSummary

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  first = await seed({ payload, password, editions })
}, 600_000)
afterAll(() => cms?.stop())

const all = (collection: string, select?: Record<string, true>) =>
  payload.find({
    collection: collection as 'users',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select,
  })

async function refusal(promise: Promise<unknown>): Promise<SeedRefusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SeedRefusal)
  return error as SeedRefusal
}

describe('seed', () => {
  it('creates a user for every role at the fixed addresses, staff in their own tenant', async () => {
    const users = (await all('users')).docs as unknown as {
      email: string
      roles: string[]
      tenants: { tenant: number }[]
    }[]
    const tenants = (await all('tenants')).docs as unknown as { id: number; slug: string }[]
    const roleOf = Object.fromEntries(users.map((u) => [u.email, u.roles]))
    expect(roleOf).toEqual({
      'admin@yorisoi.test': ['admin'],
      'editor@yorisoi.test': ['editor'],
      'supervisor1@yorisoi.test': ['medical-supervisor'],
      'supervisor2@yorisoi.test': ['medical-supervisor'],
      'staff.sorairo-town@yorisoi.test': ['municipal-staff'],
      'staff.mizuhoshi-city@yorisoi.test': ['municipal-staff'],
      'staff.komorebi-ward@yorisoi.test': ['municipal-staff'],
      ...Object.fromEntries(
        ['sorairo-town', 'mizuhoshi-city', 'komorebi-ward'].flatMap((town) => [
          [`nurse.${town}@yorisoi.test`, ['municipal-staff', 'nurse']],
          [`desk.${town}@yorisoi.test`, ['municipal-staff', 'desk']],
          [`privacy.${town}@yorisoi.test`, ['privacy-officer']],
        ]),
      ),
      'viewer@yorisoi.test': ['viewer'],
    })
    for (const tenant of tenants) {
      for (const who of ['staff', 'nurse', 'desk', 'privacy']) {
        const staff = users.find((u) => u.email === `${who}.${tenant.slug}@yorisoi.test`)!
        expect(staff.tenants.map((t) => t.tenant)).toEqual([tenant.id])
      }
    }
    const login = await payload.login({
      collection: 'users',
      data: { email: 'editor@yorisoi.test', password },
    })
    expect(login.token).toBeTruthy()
  })

  it('creates the three municipalities and their local support entries, published', async () => {
    const tenants = (await all('tenants')).docs.map((t) => (t as unknown as { slug: string }).slug)
    expect(tenants.sort()).toEqual(['komorebi-ward', 'mizuhoshi-city', 'sorairo-town'])
    const entries = (await all('local-support')).docs as unknown as { state: string }[]
    expect(entries).toHaveLength(28 + 24 + 22)
    expect(entries.every((e) => e.state === 'published')).toBe(true)
  })

  it('covers every send slot of the standard program for primary and partner in Japanese and primary in English', async () => {
    const cells = await coverage(payload, defaultSlugs, standardProgram, ['ja', 'en'], ['ja'])
    const covered = (audience: string, language: string) => {
      const mine = cells.filter((c) => c.audience === audience && c.language === language)
      return mine.filter((c) => c.status === 'approved').length / mine.length
    }
    expect(covered('primary', 'ja')).toBe(1)
    expect(covered('partner', 'ja')).toBe(1)
    expect(covered('primary', 'en')).toBe(1)
    expect(cells.filter((c) => c.audience === 'primary' && c.language === 'ja')).toHaveLength(542)
  })

  it('shows in the coverage view the numbers `yorisoi coverage` gives for the same content, in every language', async () => {
    const cells = await coverage(payload, defaultSlugs, standardProgram, languageTags, [])
    const slots = allSendSlots(standardProgram)
    const sample = generateSampleMessages(slots, editions)
    const index = new Map(
      sample.map((m) => [messageKey(m.slot, m.audience, m.language), m as unknown as MessageVersion]),
    )
    const key = (r: { language: string; audience: string }) => `${r.language} ${r.audience}`
    const byKey = <T extends { language: string; audience: string }>(rows: T[]) =>
      [...rows].sort((a, b) => key(a).localeCompare(key(b)))
    const viewed = byKey(coverageSummary(cells))
    expect(viewed).toEqual(byKey(coverageRows(index, slots, languageTags, audiences)))
    expect(viewed).toHaveLength(languageTags.length * audiences.length)
    // With Japanese and English only, Vietnamese readers get a fallback right for their audience.
    expect(viewed.find((r) => key(r) === 'vi primary')).toMatchObject({ own: 0, fallback: 542, none: 0 })
  })

  it('has every sample message written by the editor and approved by a supervisor, with history', async () => {
    const messages = (await all('messages')).docs as unknown as {
      id: number
      reviewState: string
      approvedVersionNumber: number
    }[]
    expect(messages).toHaveLength(1626)
    expect(messages.every((m) => m.reviewState === 'approved' && m.approvedVersionNumber === 1)).toBe(true)
    const approved = (await all('approved-message-versions')).docs as unknown as {
      approverName: string
      sample: boolean
    }[]
    expect(approved).toHaveLength(1626)
    // No doctor reviewed these: the mark travels with every approved version to the edge.
    expect(approved.every((a) => a.sample === true)).toBe(true)
    expect(new Set(approved.map((a) => a.approverName))).toEqual(new Set(['医療監修者1（架空）']))

    const people = Object.fromEntries(
      (await all('users')).docs.map((u) => [u.id, (u as unknown as { email: string }).email]),
    )
    const history = await payload.find({
      collection: 'message-history',
      where: { message: { equals: messages[0]!.id } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(history.docs.map((h) => [h.event, people[h.actor as number]])).toEqual([
      ['submitted', 'editor@yorisoi.test'],
      ['approved', 'supervisor1@yorisoi.test'],
    ])
    expect(first.messages).toMatchObject({ created: 1626, approved: 1626 })
  })

  it('creates the month-6 and month-8 questionnaires and the yearly reader survey', async () => {
    const surveys = (await all('surveys')).docs as unknown as { title: string; language: string }[]
    expect(surveys).toHaveLength(6)
    expect(
      surveys
        .filter((s) => s.language === 'ja')
        .map((s) => s.title)
        .sort(),
    ).toEqual([
      '【サンプル】妊娠6か月のアンケート',
      '【サンプル】妊娠8か月のアンケート',
      '【サンプル】年に一度の読者アンケート',
    ])
  })

  it('creates the four national sample tasks, approved, the questionnaire done by its survey', async () => {
    const tasks = (await all('tasks')).docs as unknown as {
      title: string
      tenant?: unknown
      state: string
      sample: boolean
      doneBy: string
      survey?: number | null
      texts: { language: string }[]
    }[]
    expect(tasks.map((t) => t.title).sort()).toEqual([
      '【サンプル】4か月児健診の予約',
      '【サンプル】出生届と児童手当',
      '【サンプル】妊娠8か月のアンケート',
      '【サンプル】妊婦のための支援給付（2回目）',
    ])
    expect(tasks.every((t) => t.state === 'approved' && t.sample && !t.tenant)).toBe(true)
    expect(tasks.every((t) => t.texts.map((x) => x.language).join() === 'ja,ja-x-easy,en')).toBe(true)
    const questionnaire = tasks.find((t) => t.title.includes('アンケート'))!
    expect(questionnaire).toMatchObject({ doneBy: 'survey', survey: expect.any(Number) })
    const { tasks: published, problems } = await approvedTasks(payload, defaultContentSlugs, null)
    expect(problems).toEqual([])
    expect(published).toHaveLength(4)
  })

  it('creates one sample announcement for みずほし市: written by its staff, approved by a colleague, due in two weeks', async () => {
    const docs = (await all('announcements')).docs as unknown as {
      id: number
      title: string
      tenant: number
      state: string
      urgent: boolean
      health: boolean
      sendAt: string
      author: number
      submittedBy: number
      approvedBy: number
      texts: { language: string; title: string }[]
    }[]
    expect(docs).toHaveLength(1)
    const [notice] = docs
    expect(notice).toMatchObject({
      title: '【サンプル】土曜日の子育て相談会のお知らせ',
      state: 'approved',
      urgent: false,
      health: false,
    })
    expect(notice!.texts.map((t) => t.language)).toEqual(['ja', 'en'])
    const email = async (id: number) =>
      (
        (await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })) as unknown as {
          email: string
        }
      ).email
    expect(await email(notice!.author)).toBe('staff.mizuhoshi-city@yorisoi.test')
    expect(await email(notice!.submittedBy)).toBe('staff.mizuhoshi-city@yorisoi.test')
    expect(await email(notice!.approvedBy)).toBe('desk.mizuhoshi-city@yorisoi.test')
    const days = (Date.parse(notice!.sendAt) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(13)
    expect(days).toBeLessThan(15)
    // What publishing the town carries to the edge, which sends it at its time.
    const published = await approvedAnnouncements(payload, notice!.tenant)
    expect(published.map((a) => [a.id, a.sendAt, a.urgent])).toEqual([
      [`ann-${notice!.id}`, new Date(notice!.sendAt).toISOString(), false],
    ])
  })

  it('changes nothing when run again', async () => {
    const stamp = async () =>
      Promise.all(
        [
          'users',
          'tenants',
          'local-support',
          'messages',
          'approved-message-versions',
          'message-history',
          'surveys',
          'tasks',
          'announcements',
        ].map(async (collection) => {
          // Only the field the stamp compares: every field of 6,500 documents, twice, took seconds.
          const docs = (await all(collection, { updatedAt: true })).docs as unknown as { updatedAt: string }[]
          return [
            collection,
            docs.length,
            docs
              .map((d) => d.updatedAt)
              .sort()
              .at(-1),
          ]
        }),
      )
    const before = await stamp()
    const again = await seed({ payload, password, editions })
    expect(await stamp()).toEqual(before)
    for (const kind of [
      'users',
      'tenants',
      'localSupport',
      'messages',
      'surveys',
      'tasks',
      'announcements',
    ] as const) {
      expect(again[kind]).toMatchObject({ created: 0, updated: 0 })
    }
  })

  it('refuses a database holding data it did not write, unless forced', async () => {
    const other = await payload.create({
      collection: 'users',
      data: { email: 'someone@city.example.jp', password: 'a-long-password', roles: ['viewer'] },
      overrideAccess: true,
    })
    try {
      const error = await refusal(seed({ payload, password, editions }))
      expect(error.code).toBe('non-seed-data')
      expect(error.message).toMatch(
        /^このデータベースにはサンプル以外のデータがあります.+users: 1.+ \/ This database/,
      )
      const forced = await seed({ payload, password, editions, force: true })
      expect(forced.messages).toMatchObject({ created: 0, updated: 0 })
      expect(
        (await payload.findByID({ collection: 'users', id: other.id, overrideAccess: true })).email,
      ).toBe('someone@city.example.jp')
    } finally {
      await payload.delete({ collection: 'users', id: other.id, overrideAccess: true })
    }
  })

  it('refuses the default password when NODE_ENV=production, before writing anything', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      const error = await refusal(seed({ payload, password: 'yorisoi-dev', editions }))
      expect(error.code).toBe('production-default-password')
      expect(error.message).toMatch(/^本番環境.+YORISOI_DEV_PASSWORD/)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
