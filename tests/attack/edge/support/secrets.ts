import { ingest, ingestTokens } from '../../../edge/support/ingest-client'

/** Stores a town's provider secret the operator's way (`npx yorisoi tenant-secret`: the ingest API, SECRETS_TOKEN). */
export async function setSecret(tenant: string, name: string, value: string): Promise<void> {
  const response = await ingest(`/tenants/${tenant}/secrets/${name}`, {
    method: 'PUT',
    body: { value },
    token: ingestTokens.secrets,
  })
  if (response.status !== 200)
    throw new Error(`storing ${name} answered ${response.status}: ${await response.text()}`)
}

export async function dropSecret(tenant: string, name: string): Promise<void> {
  const response = await ingest(`/tenants/${tenant}/secrets/${name}`, {
    method: 'DELETE',
    token: ingestTokens.secrets,
  })
  if (!response.ok) throw new Error(`deleting ${name} answered ${response.status}`)
}
