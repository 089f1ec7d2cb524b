import type { ShardPlacements } from '../edge/shards/placements'

/** Each town's shard, as the running Worker's map says (GET /ingest/shards). */
export async function townShards(edgeUrl: string, operationsToken: string): Promise<Map<string, number>> {
  const response = await fetch(`${edgeUrl}/ingest/shards`, {
    headers: { authorization: `Bearer ${operationsToken}` },
  })
  if (!response.ok) throw new Error(`GET /ingest/shards answered ${response.status}`)
  const { shards } = (await response.json()) as { shards: ShardPlacements[] }
  return new Map(
    shards.flatMap(({ shard, tenants }) => tenants.map((tenant): [string, number] => [tenant, shard])),
  )
}
