import type { AdminViewServerProps } from 'payload'
import type { Pool } from 'pg'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FamilyView } from '../../cms/workspace/family/FamilyView'
import { GuideView } from '../../cms/workspace/family/GuideView'
import { askStaffApi } from '../../cms/workspace/staff-api'
import { addDays, localDate } from '../../shared/calendar'
import type { AccessLogPage } from '../../shared/contract'
import { executeInTown } from '../support/local-d1'
import { type StaffPerson, startWorkspace, type Workspace } from './support/workspace'

// The admin chrome needs Next's request context; the views' own markup is what is under test.
vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({ children }: { children: ReactNode }) => children,
}))

let ws: Workspace
const saved = { ...process.env }
const today = localDate(new Date(), 'Asia/Tokyo')
const at = new Date().toISOString()
const words = {
  nickname: 'ひまわり',
  partner: 'たいよう',
  address: 'himawari-family@example.jp',
  consultation: '夜になるとおなかが張って眠れません',
}

beforeAll(async () => {
  ws = await startWorkspace()
  // The views ask the Worker as the running CMS does: from the environment.
  process.env.YORISOI_EDGE_URL = ws.target.url
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  await executeInTown(
    ws.worker.persistTo,
    'sakura-city',
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at) VALUES
       ('s-hima', 'sakura-city', '${words.nickname}', 'primary', 'ja', 'email', '${words.address}', 'active', '${at}', '${at}'),
       ('s-tai', 'sakura-city', '${words.partner}', 'partner', 'ja', 'line', 'Utaiyou', 'active', '${at}', '${at}'),
       ('s-loss', 'sakura-city', 'あおい', 'primary', 'ja', 'sms', '+819011112222', 'active', '${at}', '${at}');
     INSERT INTO timelines (id, tenant_slug, due_date, loss_date, loss_reported_on, created_at, updated_at) VALUES
       ('t-hima', 'sakura-city', '${addDays(today, 84)}', NULL, NULL, '${at}', '${at}'),
       ('t-loss', 'sakura-city', '${addDays(today, 60)}', '${addDays(today, -1)}', '${addDays(today, -1)}', '${at}', '${at}');
     INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-hima', 's-hima'), ('t-hima', 's-tai'), ('t-loss', 's-loss');
     INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, slots, channel, idempotency_key, state, opened_at, open_count, created_at, updated_at)
       VALUES ('d-hima', 's-hima', 'sakura-city', '${today}', 'program', '["pregnancy/196"]', 'email', 'd-hima', 'sent', '${at}', 1, '${at}', '${at}');
     INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, language, source, status, created_at)
       VALUES ('c-hima', 's-hima', 'sakura-city', 'body', '${words.consultation}', 'registered', 0, 'ja', 'form', 'new', '${at}');
     INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, answered_on, interview_state, created_at)
       VALUES ('r-hima', 's-hima', 'sakura-city', 'survey-mood-8m', 1, '${today}', 'sent', '${at}');
     INSERT INTO survey_answers (response_id, question_id, position, value) VALUES ('r-hima', 'mood', 0, 'talk');`,
  )
}, 240_000)
afterAll(async () => {
  process.env = saved
  await ws?.stop()
})

const props = (who: StaffPerson, path: string[], query: Record<string, string>) =>
  ({
    initPageResult: { req: { payload: ws.payload, user: { ...ws.users[who], collection: 'users' } } },
    params: { segments: path },
    searchParams: query,
  }) as unknown as AdminViewServerProps

const page = async (who: StaffPerson, household: string, query = { tenant: 'sakura-city' }) =>
  renderToStaticMarkup(await FamilyView(props(who, ['family', household], query)))
const guide = async (who: StaffPerson, household: string, query = { tenant: 'sakura-city' }) =>
  renderToStaticMarkup(await GuideView(props(who, ['family', household, 'guide'], query)))

const accessLog = async () => {
  const log = await askStaffApi<AccessLogPage>(
    ws.payload,
    ws.users.privacyA,
    { role: 'privacy-officer', tenant: 'sakura-city', path: '/access-log' },
    ws.target,
  )
  if (!log.ok) throw new Error(log.reason)
  return log.data.entries
}

describe("a family's page in the CMS, read from the Worker", () => {
  it('shows a nurse the family: members, stage, messages with topics, consultation words and survey answers', async () => {
    const html = await page('nurseA', 't-hima')
    expect(html).toContain('家族と経過 / Members and timelines')
    expect(html).toContain(words.nickname)
    expect(html).toContain(words.partner)
    expect(html).toContain('妊娠28週0日（8か月）')
    expect(html).toContain('今日のお便り ［面談・体調］')
    expect(html).toContain(words.consultation)
    expect(html).toContain('8か月ごろの気持ちについて')
    expect(html).toContain('保健師と話したい')
    expect(html).toContain('href="/admin/family/t-hima/guide?tenant=sakura-city"')
    expect(html).not.toContain(words.address)
    // This read is in the family's access log, under the nurse's name.
    expect(html).toMatch(/<td[^>]*>nurseA<\/td><td[^>]*>保健師 \/ Nurse<\/td><td[^>]*>家族の記録を閲覧/)
    expect(html).not.toContain('data-section="loss"')
  })

  it('shows a reported loss before anything else', async () => {
    const html = await page('deskA', 't-loss')
    expect(html).toContain('喪失のご報告があります / This family reported a loss')
    expect(html.indexOf('data-section="loss"')).toBeLessThan(html.indexOf('data-section="household"'))
  })

  it('prints the interview guide of the coming 14 days on one A4 page, logged as an interview read', async () => {
    const html = await guide('nurseA', 't-hima')
    expect(html).toContain('@page { size: A4')
    expect(html).toContain('印刷する / Print')
    expect(html).toContain('data-week="this"')
    expect(html).toContain('data-week="next"')
    expect(html.match(/data-date="/g)).toHaveLength(14)
    expect(html).toMatch(
      new RegExp(
        `data-date="${today}"><td[^>]*>[^<]+</td><td[^>]*>妊娠28週0日（妊娠8か月）</td><td><div>本人 / Primary: 今日のお便り ［面談・体調］`,
      ),
    )
    expect(html).toContain('パートナー / Partner: 今日のお便り ［パートナー］')
    const entries = await accessLog()
    expect(entries.map((e) => [e.staffUser, e.action, e.household, e.reason])).toContainEqual([
      String(ws.users.nurseA.id),
      'read-household',
      't-hima',
      'interview',
    ])
  })

  it("refuses the other town's nurse, the admin and the privacy officer, and shows them nothing of the family", async () => {
    const last = Math.max(...(await accessLog()).map((e) => e.id))
    const refusals = [
      ['nurseB', /担当外の自治体です/],
      ['admin', /保健師と子育て窓口だけ/],
      ['privacyA', /保健師と子育て窓口だけ/],
    ] as const
    for (const [who, reason] of refusals)
      for (const html of [await page(who, 't-hima'), await guide(who, 't-hima')]) {
        expect(html).toMatch(reason)
        expect(html).not.toContain(words.nickname)
      }
    // みなと町's nurse naming her own town finds no such household there.
    const own = await page('nurseB', 't-hima', { tenant: 'minato-town' })
    expect(own).toContain('この世帯は見つかりません / No such household in this town')
    expect(own).not.toContain(words.nickname)
    // Nobody refused reached さくら市's records: only the privacy officer's own log read was added.
    const added = (await accessLog()).filter((e) => e.id > last)
    expect(added.map((e) => e.action)).toEqual(['read-access-log'])
  })

  it('writes nothing of the family to Postgres', async () => {
    const pool = (ws.payload.db as unknown as { pool: Pool }).pool
    const { rows: tables } = await pool.query<{ name: string }>(
      "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    expect(tables.length).toBeGreaterThan(10)
    for (const { name } of tables)
      for (const word of Object.values(words)) {
        const { rows } = await pool.query(`SELECT 1 FROM ${name} t WHERE t::text LIKE $1 LIMIT 1`, [
          `%${word}%`,
        ])
        expect(rows, `${word} in ${name}`).toEqual([])
      }
  })
})
