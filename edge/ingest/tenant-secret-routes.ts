import { type Context, Hono } from 'hono'
import { parseContract, tenantSlug } from '../../shared/contract'
import {
  rotationBody,
  tenantSecretBody,
  tenantSecretName,
  tenantSecretValues,
} from '../channels/secret-names'
import {
  deleteTenantSecret,
  listTenantSecrets,
  rotateTenantSecrets,
  storeTenantSecret,
  TenantSecretKeyError,
  tenantSecretKeys,
} from '../channels/secrets'
import type { Env } from '../env'
import { findTenant } from '../snapshot/tenant'
import { ingestFailure } from './failure'

/** A Worker key that is not a 32-byte base64 key: 503 with what to fix. */
const keyFailure = (c: Context, error: TenantSecretKeyError) =>
  ingestFailure(c, 'tenant-secrets-unavailable', [{ path: 'TENANT_SECRETS_KEY', message: error.message }])

/**
 * The operator's way to set a tenant's provider credentials (`npx yorisoi tenant-secret`), mounted
 * under /ingest so the same bearer token guards it. Values go in and are never given back.
 */
export const tenantSecretRoutes = new Hono<{ Bindings: Env }>()
  // After TENANT_SECRETS_KEY changed (the old key in TENANT_SECRETS_KEY_PREVIOUS): one page of the
  // re-encryption under the new key; `npx yorisoi tenant-secret rotate` pages until `next` is null.
  .post('/secrets/rotate', async (c) => {
    const text = await c.req.text()
    const body = parseContract(
      rotationBody,
      text
        ? await Promise.resolve(text)
            .then(JSON.parse)
            .catch(() => null)
        : {},
    )
    if (!body.ok) return ingestFailure(c, 'invalid-request', body.issues)
    const keys = tenantSecretKeys(c.env)
    if (!keys) return ingestFailure(c, 'tenant-secrets-unavailable')
    try {
      const page = await rotateTenantSecrets(c.env.DB, keys, { after: body.value.after })
      console.info('ingest: tenant secrets rotated', page.rotated, 'remaining', page.remaining)
      return c.json(page)
    } catch (error) {
      if (error instanceof TenantSecretKeyError) return keyFailure(c, error)
      throw error
    }
  })
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
    const keys = tenantSecretKeys(c.env)
    if (!keys) return ingestFailure(c, 'tenant-secrets-unavailable')
    if (!(await findTenant(c.env.DB, tenant.value))) return ingestFailure(c, 'unknown-tenant')
    const now = new Date()
    try {
      await storeTenantSecret(c.env.DB, keys, {
        tenant: tenant.value,
        name: name.value,
        value: value.value,
        now,
      })
    } catch (error) {
      if (error instanceof TenantSecretKeyError) return keyFailure(c, error)
      throw error
    }
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
