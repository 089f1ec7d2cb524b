// From "a supervisor approves one edited message" to "the edge serves the manifest that holds it":
// the CMS on embedded Postgres building and publishing the national part to the Worker in workerd
// (wrangler dev, local D1). Baseline: the uploader alone sending the same change, built beforehand.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload, type Payload } from 'payload'
import { buildCmsConfig } from '../../cms/config/build'
import { closePayload } from '../../cms/db/closePayload'
import { startEmbeddedPostgres } from '../../cms/db/embedded'
import { approvedVersions, defaultContentSlugs } from '../../cms/publish/content'
import { edgeApi } from '../../cms/publish/edge-client'
import { buildNationalPart } from '../../cms/publish/national-part'
import { type PublishSetup, publish } from '../../cms/publish/publish'
import { uploadSnapshot } from '../../cms/publish/upload'
import { startLocalWorker } from '../../dev/local-worker'
import { prepareSnapshot } from '../../shared/contract'
import { standardProgram } from '../../shared/program'
import type { Scenario } from '../scenario'

const lexical = (text: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] },
})

async function person(payload: Payload, name: string, roles: string[]) {
  return payload.create({
    collection: 'users',
    data: { email: `${name}@bench.example.jp`, password: randomBytes(12).toString('hex'), name, roles },
  })
}

async function approve(payload: Payload, id: number | string, editor: object, supervisor: object) {
  await payload.update({
    collection: 'messages',
    id,
    data: { reviewState: 'in-review' },
    overrideAccess: false,
    user: editor,
  })
  await payload.update({
    collection: 'messages',
    id,
    data: { reviewState: 'approved' },
    overrideAccess: false,
    user: supervisor,
  })
}

const scenario: Scenario = {
  name: 'approve-to-served',
  async run({ quick }) {
    const messages = quick ? 20 : 250
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-approve-'))
    // As root, embedded Postgres runs initdb as its own user, which must reach the data dir.
    chmodSync(dir, 0o755)
    const token = randomBytes(24).toString('base64url')
    const [server, worker] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false, settings: { fsync: 'off' } }),
      startLocalWorker({ persistTo: join(dir, 'edge'), vars: { INGEST_TOKEN: token } }),
    ])
    await server.ensureDatabase('bench')
    const payload = await getPayload({
      config: buildCmsConfig({ databaseUrl: server.urlFor('bench'), push: true, logLevel: 'silent' }),
    })
    try {
      const editor = await person(payload, 'editor', ['editor'])
      const supervisor = await person(payload, 'supervisor', ['medical-supervisor'])
      const ids: (number | string)[] = []
      for (let day = 28; day < 28 + messages; day++) {
        const message = await payload.create({
          collection: 'messages',
          overrideAccess: false,
          user: editor,
          data: {
            slot: `pregnancy/${day}`,
            audience: 'primary',
            language: 'ja',
            subject: '今日のお便り',
            body: lexical(`妊娠${day}日目のお便りです。`),
            shortText: '{{nickname}}さん、今日のお便りです。{{messageUrl}}',
            supervisingExperts: ['助産師 山田花子'],
          },
        })
        await approve(payload, message.id, editor, supervisor)
        ids.push(message.id)
      }
      const edge = { url: worker.url, token }
      const setup: PublishSetup = {
        payload,
        edge,
        slugs: { ...defaultContentSlugs, publications: 'publications' },
        programs: { standard: standardProgram },
      }
      const first = await publish(setup, { user: editor, scope: { kind: 'national' }, confirmGaps: true })
      if (!first.ok) throw new Error(first.reason)

      await payload.update({
        collection: 'messages',
        id: ids[0]!,
        overrideAccess: false,
        user: editor,
        data: { body: lexical('妊娠28日目のお便りです（改訂）。') },
      })
      const start = performance.now()
      await approve(payload, ids[0]!, editor, supervisor)
      const outcome = await publish(setup, { user: editor, scope: { kind: 'national' }, confirmGaps: true })
      if (!outcome.ok) throw new Error(outcome.reason)
      while ((await edgeApi.active(edge)).active?.manifest.id !== outcome.manifestId)
        await new Promise((r) => setTimeout(r, 5))
      const endToEnd = performance.now() - start

      // The same kind of change sent by the uploader alone, its part built before the clock starts.
      const national = buildNationalPart(await approvedVersions(payload, setup.slugs)).part!
      const live = (await edgeApi.active(edge)).active!.manifest
      const edited = {
        ...national,
        messages: national.messages.map((m, i) => (i === 0 ? { ...m, version: m.version + 100 } : m)),
      }
      const prepared = await prepareSnapshot({
        id: 'bench-baseline',
        createdAt: new Date().toISOString(),
        parts: [edited],
      })
      const manifest = {
        ...prepared.manifest,
        parts: live.parts.map((p) => (p.kind === 'national' ? prepared.parts[0]!.ref : p)),
      }
      const baselineStart = performance.now()
      await uploadSnapshot(edge, { manifest, parts: prepared.parts })
      const baseline = performance.now() - baselineStart

      return {
        value: endToEnd,
        unit: 'ms',
        baseline,
        ratio: endToEnd / baseline,
        notes:
          `${messages} approved messages in the CMS; approve (review state change) + build + checks + diff + upload + switch, ` +
          `until the edge's active manifest is the new one; baseline: the uploader alone sending an equivalent national part (lower is better).`,
      }
    } finally {
      await closePayload(payload)
      await Promise.all([server.stop(), worker.stop()])
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
