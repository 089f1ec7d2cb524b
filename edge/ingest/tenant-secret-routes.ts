import { type Context, Hono } from 'hono'
import { z } from 'zod'
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
import { requireToken } from './bearer'
import { ingestFailure } from './failure'
import { ingestValid, jsonBody } from './request'

const tenantParam = z.object({ tenant: tenantSlug })
const secretsToken = requireToken('SECRETS_TOKEN')
const secretParam = z.object({ tenant: tenantSlug, name: tenantSecretName })

/** A Worker key that is not a 32-byte base64 key: 503 with what to fix. */
const keyFailure = (c: Context, error: TenantSecretKeyError) =>
  ingestFailure(c, 'tenant-secrets-unavailable', [{ path: 'TENANT_SECRETS_KEY', message: error.message }])

/**
 * The operator's way to set a tenant's provider credentials (`npx yorisoi tenant-secret`), mounted
 * under /ingest, opened by SECRETS_TOKEN alone. Values go in and are never given back.
 */
export const tenantSecretRoutes = new Hono<{ Bindings: Env }>()
  // After TENANT_SECRETS_KEY changed (the old key in TENANT_SECRETS_KEY_PREVIOUS): one page of the
  // re-encryption under the new key; `npx yorisoi tenant-secret rotate` pages until `next` is null.
  // No body at all starts from the beginning.
  .post('/secrets/rotate', secretsToken, jsonBody(rotationBody, {}), async (c) => {
    const keys = tenantSecretKeys(c.env)
    if (!keys) return ingestFailure(c, 'tenant-secrets-unavailable')
    try {
      const page = await rotateTenantSecrets(c.env.DB, keys, { after: c.req.valid('json').after })
      console.info('ingest: tenant secrets rotated', page.rotated, 'remaining', page.remaining)
      return c.json(page)
    } catch (error) {
      if (error instanceof TenantSecretKeyError) return keyFailure(c, error)
      throw error
    }
  })
  .get('/:tenant/secrets', secretsToken, ingestValid('param', tenantParam), async (c) => {
    const { tenant } = c.req.valid('param')
    return c.json({ tenant, secrets: await listTenantSecrets(c.env.DB, tenant) })
  })
  .put(
    '/:tenant/secrets/:name',
    secretsToken,
    ingestValid('param', secretParam),
    jsonBody(tenantSecretBody),
    async (c) => {
      const { tenant, name } = c.req.valid('param')
      // Checked before anything is written: a value that does not fit its name is refused whole.
      // The schema depends on the name, so this check stays in the handler.
      const value = parseContract(tenantSecretValues[name], c.req.valid('json').value)
      if (!value.ok) {
        return ingestFailure(
          c,
          'invalid-request',
          value.issues.map((issue) => ({ ...issue, path: issue.path ? `value.${issue.path}` : 'value' })),
        )
      }
      const keys = tenantSecretKeys(c.env)
      if (!keys) return ingestFailure(c, 'tenant-secrets-unavailable')
      if (!(await findTenant(c.env.DB, tenant))) return ingestFailure(c, 'unknown-tenant')
      const now = new Date()
      try {
        await storeTenantSecret(c.env.DB, keys, { tenant, name, value: value.value, now })
      } catch (error) {
        if (error instanceof TenantSecretKeyError) return keyFailure(c, error)
        throw error
      }
      console.info('ingest: tenant secret set', tenant, name)
      return c.json({ tenant, name, updatedAt: now.toISOString() })
    },
  )
  .delete('/:tenant/secrets/:name', secretsToken, ingestValid('param', secretParam), async (c) => {
    const { tenant, name } = c.req.valid('param')
    const deleted = await deleteTenantSecret(c.env.DB, tenant, name)
    console.info('ingest: tenant secret deleted', tenant, name, deleted)
    return c.json({ tenant, name, deleted })
  })
