import { Hono } from 'hono'
import { contractVersion } from '../../shared/contract'
import type { Env } from '../env'
import { readActiveManifest } from '../snapshot/active'

/** Answers 200 when the Worker can read D1; says which snapshot it serves. */
export const healthRoutes = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  try {
    const active = await readActiveManifest(c.env.DB)
    return c.json({ status: 'ok', contractVersion, activeManifestId: active?.manifestId ?? null })
  } catch (error) {
    console.error('healthz: D1 unreadable', error)
    return c.json({ status: 'error', message: 'D1 を読めません / D1 is not readable' }, 503)
  }
})
