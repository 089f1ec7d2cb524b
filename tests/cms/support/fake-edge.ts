import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { jwtVerify, type KeyLike } from 'jose'
import { type AnnouncementRecipient, reaches } from '../../../shared/announcements/target'
import {
  type ActivationRecord,
  type AnnouncementPreview,
  type AnnouncementStatus,
  announcementPreviewRequest,
  type Manifest,
  staffApiAudience,
  staffApiIssuer,
} from '../../../shared/contract'

// The edge's ingest API in its shapes, in memory: enough for the CMS's publish, rollback, preview
// and history to run for real (the edge itself is tested in tests/edge and tests/integration).

export interface FakeEdge {
  url: string
  token: string
  /** The manifest served now, or null before the first publish. */
  activeId(): string | null
  activations: ActivationRecord[]
  /** The role changes the users hook reported, for each affected town's access log. */
  roleChanges: Json[]
  /** The staff API's announcement previews asked, as {tenant, role, body}. */
  announcementPreviews: Json[]
  /** The live manifest's part of a town, as it was uploaded (reassembled from its chunks), or null. */
  activePart(tenant: string): Json | null
  /** The staff API's announcement routes: what the CMS asked, and the runs it answers with by town. */
  staffCalls: { method: string; path: string; tenant: string | null; body: Json; role: string | null }[]
  announcementRuns: Map<string, AnnouncementStatus[]>
  close(): Promise<void>
}

/** The staff API's side, when a test asks for it: the key its assertions verify with, and each town's residents. */
export interface FakeStaffApi {
  publicKey: KeyLike
  residents: Record<string, AnnouncementRecipient[]>
}

/** The role a staff assertion names (its signature is the Worker's to check, not this fake's). */
function assertedRole(authorization: string | undefined): string | null {
  const payload = authorization?.replace(/^Bearer /, '').split('.')[1]
  if (!payload) return null
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { role?: string }).role ?? null
  } catch {
    return null
  }
}

/** A run the edge has not started: scheduled, nothing sent. */
export const scheduledRun = (id: string): AnnouncementStatus => ({
  id,
  state: 'scheduled',
  recipients: 0,
  sent: 0,
  failed: 0,
  flagged: 0,
  pending: 0,
  opened: 0,
  startedAt: null,
  finishedAt: null,
  cancelledAt: null,
})

type Json = Record<string, unknown>

async function bodyOf(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json) : {}
}

export async function startFakeEdge(token = 'fake-edge-token', staff?: FakeStaffApi): Promise<FakeEdge> {
  const verified = new Set<string>()
  const received = new Map<string, Set<number>>()
  const manifests = new Map<string, Manifest>()
  const activations: ActivationRecord[] = []
  const roleChanges: Json[] = []
  const announcementPreviews: Json[] = []
  let active: { manifest: Manifest; activatedAt: string; previousManifestId: string | null } | null = null
  const chunkTexts = new Map<string, string[]>()
  const staffCalls: FakeEdge['staffCalls'] = []
  const announcementRuns = new Map<string, AnnouncementStatus[]>()

  // GET /staff/announcements and POST /staff/announcements/{id}/cancel (nurse and desk, as the Worker).
  const staffAnswer = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const url = new URL(req.url ?? '/', 'http://edge')
    const tenant = url.searchParams.get('tenant')
    const role = assertedRole(req.headers.authorization)
    const body = req.method === 'POST' ? await bodyOf(req) : {}
    staffCalls.push({ method: req.method ?? 'GET', path: url.pathname, tenant, body, role })
    if (role !== 'nurse' && role !== 'desk')
      return { status: 403, body: 'この操作の権限がありません / forbidden' }
    const runs = announcementRuns.get(tenant ?? '') ?? []
    if (req.method === 'GET' && url.pathname === '/staff/announcements') return { status: 200, body: runs }
    const cancel = /^\/staff\/announcements\/([^/]+)\/cancel$/.exec(url.pathname)
    if (req.method === 'POST' && cancel) {
      const id = decodeURIComponent(cancel[1]!)
      const run = runs.find((r) => r.id === id) ?? scheduledRun(id)
      if (run.state === 'sent') return { status: 409, body: '送信済みです / already sent' }
      const cancelled = { ...run, state: 'cancelled' as const, cancelledAt: new Date().toISOString() }
      announcementRuns.set(tenant ?? '', [...runs.filter((r) => r.id !== id), cancelled])
      return { status: 200, body: cancelled }
    }
    return { status: 404, body: 'ありません / not found' }
  }

  const refuse = (status: number, code: string, message: string) => ({
    status,
    body: { error: { code, message } },
  })
  const activate = (manifest: Manifest, action: 'publish' | 'rollback', actor: unknown) => {
    const previousManifestId = active?.manifest.id ?? null
    const activatedAt = new Date().toISOString()
    active = { manifest, activatedAt, previousManifestId }
    activations.unshift({
      id: activations.length + 1,
      manifestId: manifest.id,
      previousManifestId,
      action,
      activatedAt,
      actor: (actor as ActivationRecord['actor']) ?? null,
      available: true,
    })
    return { status: 200, body: { manifestId: manifest.id, active: true, activatedAt, previousManifestId } }
  }

  // POST /staff/announcements/preview?tenant=: the signed assertion checked, counted by the shared rule.
  const previewAnnouncement = async (req: IncomingMessage, url: URL) => {
    if (!staff) return refuse(404, 'invalid-request', 'ありません / not found')
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    const claims = await jwtVerify(bearer, staff.publicKey, {
      issuer: staffApiIssuer,
      audience: staffApiAudience,
    }).then(
      (verified) => verified.payload as { role?: string; tenants?: string[] },
      () => null,
    )
    if (!claims) return refuse(401, 'unauthorized', '署名が正しくありません / bad assertion')
    const tenant = url.searchParams.get('tenant') ?? ''
    if (!['nurse', 'desk'].includes(claims.role ?? '') || !claims.tenants?.includes(tenant))
      return refuse(403, 'forbidden', '権限がありません / not allowed')
    const body = await bodyOf(req)
    const asked = announcementPreviewRequest.safeParse(body)
    if (!asked.success) return refuse(400, 'invalid-request', '不正な要求です / invalid request')
    announcementPreviews.push({ tenant, role: claims.role, body })
    const preview: AnnouncementPreview = { total: 0, byChannel: { email: 0, sms: 0, line: 0 }, byStage: [] }
    for (const resident of staff.residents[tenant] ?? []) {
      const reach = reaches(asked.data, resident)
      if (!reach.receives) continue
      preview.total++
      preview.byChannel[resident.channel]++
      const same = preview.byStage.find(
        (s) => JSON.stringify({ ...s, count: 0 }) === JSON.stringify({ ...reach.stage, count: 0 }),
      )
      if (same) same.count++
      else preview.byStage.push({ ...reach.stage, count: 1 } as AnnouncementPreview['byStage'][number])
    }
    return { status: 200, body: preview }
  }

  /** One slice of a part, kept; the part is verified once all its slices are here. */
  const takeChunk = (chunk: Json) => {
    const part = chunk.part as { hash: string }
    const got = received.get(part.hash) ?? new Set<number>()
    got.add(chunk.index as number)
    const texts = chunkTexts.get(part.hash) ?? []
    texts[chunk.index as number] = chunk.data as string
    chunkTexts.set(part.hash, texts)
    received.set(part.hash, got)
    if (got.size === chunk.count) verified.add(part.hash)
    return {
      hash: part.hash,
      index: chunk.index,
      received: got.size,
      count: chunk.count,
      verified: verified.has(part.hash),
    }
  }

  const answer = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const url = new URL(req.url ?? '/', 'http://edge')
    if (req.method === 'POST' && url.pathname === '/staff/announcements/preview')
      return previewAnnouncement(req, url)
    if (url.pathname.startsWith('/staff/')) return staffAnswer(req)
    if (req.headers.authorization !== `Bearer ${token}`)
      return refuse(401, 'unauthorized', '取り込みトークンが正しくありません / wrong token')
    const path = new URL(req.url ?? '/', 'http://edge').pathname
    if (req.method === 'GET' && path === '/ingest/manifests/active') return { status: 200, body: { active } }
    if (req.method === 'GET' && path === '/ingest/activations') return { status: 200, body: { activations } }
    const body = await bodyOf(req)
    if (path === '/ingest/parts/status') {
      const hashes = body.hashes as string[]
      const parts = hashes.map((hash) => ({ hash, exists: verified.has(hash), verified: verified.has(hash) }))
      return { status: 200, body: { parts } }
    }
    if (path === '/ingest/chunks') return { status: 200, body: takeChunk(body) }
    // Whole single-slice parts, several to a request, as the Worker takes them.
    if (path === '/ingest/parts')
      return { status: 200, body: { parts: (body.parts as Json[]).map(takeChunk) } }
    if (path === '/ingest/manifests') {
      const manifest = body.manifest as Manifest
      if ((body.basedOn ?? null) !== (active?.manifest.id ?? null))
        return refuse(409, 'active-manifest-changed', '公開中のマニフェストが変わりました / changed')
      if (manifest.parts.some((p) => !verified.has(p.hash)))
        return refuse(409, 'missing-parts', 'パートが足りません / missing parts')
      manifests.set(manifest.id, manifest)
      return activate(manifest, 'publish', body.actor)
    }
    if (path === '/ingest/staff-role-changes') {
      roleChanges.push(body)
      const towns = (side: unknown) => ((side as { tenants?: string[] }).tenants ?? []) as string[]
      return {
        status: 201,
        body: { logged: [...new Set([...towns(body.before), ...towns(body.after)])].sort() },
      }
    }
    if (path === '/ingest/rollback') {
      const manifest = manifests.get(body.manifestId as string)
      if (!manifest) return refuse(404, 'unknown-manifest', 'マニフェストがありません / unknown manifest')
      return activate(manifest, 'rollback', body.actor)
    }
    return refuse(404, 'invalid-request', 'ありません / not found')
  }

  const server: Server = createServer((req, res) => {
    answer(req).then(
      ({ status, body }) => {
        // The staff API refuses in plain words, as the Worker's routes do.
        if (typeof body === 'string') {
          res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
          res.end(body)
          return
        }
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'invalid-request', message: error.message } }))
      },
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    activeId: () => active?.manifest.id ?? null,
    activations,
    roleChanges,
    announcementPreviews,
    activePart: (tenant) => {
      const ref = active?.manifest.parts.find((p) => p.kind === 'tenant' && p.tenant === tenant)
      const texts = ref ? chunkTexts.get(ref.hash) : undefined
      return texts ? (JSON.parse(texts.join('')) as Json) : null
    },
    staffCalls,
    announcementRuns,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
