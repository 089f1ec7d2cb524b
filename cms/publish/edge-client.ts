import {
  type ActivateManifestResponse,
  type ActivationHistoryResponse,
  type ActiveManifestResponse,
  bilingual,
  contractVersion,
  type IngestActor,
  ingestError,
  type PartChunkRequest,
  type PartStatusListResponse,
  type PartStatusResponse,
  type WholePartsResponse,
} from '../../shared/contract'

/** Where the edge's ingest API is and the token it expects (from the environment, never the repo). */
export interface EdgeTarget {
  url: string
  token: string
  fetch?: typeof fetch
}

/** The edge named by YORISOI_EDGE_URL (default the local worker) and YORISOI_INGEST_TOKEN. */
export function edgeFromEnvironment(): EdgeTarget {
  return {
    url: process.env.YORISOI_EDGE_URL ?? 'http://127.0.0.1:8787',
    token: process.env.YORISOI_INGEST_TOKEN ?? '',
  }
}

/** A publish step the edge refused or could not be asked; `reason` is for a person, Japanese first. */
export class EdgeRefusal extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason)
    this.name = 'EdgeRefusal'
  }
}

async function call<T>(edge: EdgeTarget, path: string, body?: unknown): Promise<T> {
  const doFetch = edge.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch(`${edge.url.replace(/\/$/, '')}/ingest${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${edge.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch (error) {
    throw new EdgeRefusal(
      'edge-unreachable',
      `${bilingual(
        `配信サーバー（${edge.url}）に接続できません。公開中の内容は変わっていません。時間をおいて再度公開してください`,
        `Cannot reach the edge (${edge.url}); what is live did not change. Publish again later`,
      )} (${(error as Error).message})`,
    )
  }
  const data: unknown = await response.json().catch(() => null)
  if (response.ok) return data as T
  const parsed = ingestError.safeParse(data)
  if (parsed.success) {
    const details = parsed.data.error.details?.map((d) => d.message).join('; ')
    throw new EdgeRefusal(
      parsed.data.error.code,
      details ? `${parsed.data.error.message} (${details})` : parsed.data.error.message,
    )
  }
  throw new EdgeRefusal(
    `http-${response.status}`,
    bilingual(
      `配信サーバーが予期しない応答をしました（${response.status}）`,
      `The edge answered unexpectedly (${response.status})`,
    ),
  )
}

export const edgeApi = {
  active: (edge: EdgeTarget) => call<ActiveManifestResponse>(edge, '/manifests/active'),
  partStatus: (edge: EdgeTarget, hash: string) => call<PartStatusResponse>(edge, `/parts/${hash}`),
  partStatuses: (edge: EdgeTarget, hashes: string[]) =>
    call<PartStatusListResponse>(edge, '/parts/status', { hashes }),
  sendChunk: (edge: EdgeTarget, chunk: PartChunkRequest) =>
    call<{ verified: boolean }>(edge, '/chunks', chunk),
  /** Single-slice parts together (one group of groupWholeParts). */
  sendWholeParts: (edge: EdgeTarget, parts: PartChunkRequest[]) =>
    call<WholePartsResponse>(edge, '/parts', { contractVersion, parts }),
  activate: (
    edge: EdgeTarget,
    manifest: unknown,
    activate = true,
    basedOn?: string | null,
    actor?: IngestActor,
  ) =>
    call<ActivateManifestResponse>(edge, '/manifests', {
      contractVersion,
      manifest,
      activate,
      basedOn,
      actor,
    }),
  rollback: (edge: EdgeTarget, manifestId: string, actor?: IngestActor) =>
    call<ActivateManifestResponse>(edge, '/rollback', { contractVersion, manifestId, actor }),
  activations: (edge: EdgeTarget, limit = 50) =>
    call<ActivationHistoryResponse>(edge, `/activations?limit=${limit}`),
}
