import { Hono } from 'hono'
import { parseContract, tenantSlug } from '../../shared/contract'
import { tenantSecretBody, tenantSecretName, tenantSecretValues } from '../channels/secret-names'
import { deleteTenantSecret, listTenantSecrets, storeTenantSecret } from '../channels/secrets'
import type { Env } from '../env'
import { ingestFailure } from '../ingest/failure'
import { findTenant } from '../resident/tenant'

/**
 * The operator's way to set a tenant's provider credentials (`npx yorisoi tenant-secret`), mounted
 * under /ingest so the same bearer token guards it. Values go in and are never given back.
 */
export const tenantSecretRoutes = new Hono<{ Bindings: Env }>()
  .get('/:tenant/secrets', async (c) => {
    const tenant = parseContract(tenantSlug, c.req.param('tenant'))
    if (!tenant.ok) return ingestFailure(c, 'invalid-request', tenant.issues)
    return c.json({ tenant: tenant.value, secrets: await listTenantSecrets(c.env.DB, tenant.value) })
  })
  .put('/:tenant/secrets/:name', async (c) => {
    const tenant = parseContract(tenantSlug, c.req.param('tenant'))
    if (!tenant.ok) return ingestFailure(c, 'invalid-request', tenant.issues)
    const name = parseContract(tenantSecretName, c.req.param('name'))
    if (!name.ok) return ingestFailure(c, 'invalid-request', name.issues)
    const body = parseContract(tenantSecretBody, await c.req.json().catch(() => null))
    if (!body.ok) return ingestFailure(c, 'invalid-request', body.issues)
    // Checked before anything is written: a value that does not fit its name is refused whole.
    const value = parseContract(tenantSecretValues[name.value], body.value.value)
    if (!value.ok) {
      return ingestFailure(
        c,
        'invalid-request',
        value.issues.map((issue) => ({ ...issue, path: issue.path ? `value.${issue.path}` : 'value' })),
      )
    }
    const key = c.env.TENANT_SECRETS_KEY
    if (!key) return ingestFailure(c, 'tenant-secrets-unavailable')
    if (!(await findTenant(c.env.DB, tenant.value))) return ingestFailure(c, 'unknown-tenant')
    const now = new Date()
    await storeTenantSecret(c.env.DB, key, {
      tenant: tenant.value,
      name: name.value,
      value: value.value,
      now,
    })
    console.info('ingest: tenant secret set', tenant.value, name.value)
    return c.json({ tenant: tenant.value, name: name.value, updatedAt: now.toISOString() })
  })
  .delete('/:tenant/secrets/:name', async (c) => {
    const tenant = parseContract(tenantSlug, c.req.param('tenant'))
    if (!tenant.ok) return ingestFailure(c, 'invalid-request', tenant.issues)
    const name = parseContract(tenantSecretName, c.req.param('name'))
    if (!name.ok) return ingestFailure(c, 'invalid-request', name.issues)
    const deleted = await deleteTenantSecret(c.env.DB, tenant.value, name.value)
    console.info('ingest: tenant secret deleted', tenant.value, name.value, deleted)
    return c.json({ tenant: tenant.value, name: name.value, deleted })
  })
