import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Env } from './env'
import { addressRoutes } from './routes/address'
import { confirmRoutes } from './routes/confirm'
import { consultRoutes } from './routes/consult'
import { healthRoutes } from './routes/health'
import { householdRoutes } from './routes/household'
import { ingestRoutes } from './routes/ingest'
import { invitationRoutes } from './routes/invitation'
import { manageRoutes } from './routes/manage'
import { messageRoutes } from './routes/message'
import { outboxRoutes } from './routes/outbox'
import { qrRoutes } from './routes/qr'
import { registerRoutes } from './routes/register'
import { stopRoutes } from './routes/stop'
import { surveyRoutes } from './routes/survey'
import { verifyRoutes } from './routes/verify'
import { webhookRoutes } from './routes/webhooks'

export const app = new Hono<{ Bindings: Env }>()
  .route('/healthz', healthRoutes)
  .route('/outbox', outboxRoutes)
  .route('/t', registerRoutes)
  .route('/c', confirmRoutes)
  .route('/r', consultRoutes)
  .route('/r', addressRoutes)
  .route('/r', manageRoutes)
  .route('/r', householdRoutes)
  .route('/i', invitationRoutes)
  .route('/v', verifyRoutes)
  .route('/s', stopRoutes)
  .route('/m', messageRoutes)
  .route('/q', surveyRoutes)
  .route('/qr', qrRoutes)
  .route('/ingest', ingestRoutes)
  .route('/webhooks', webhookRoutes)
  .notFound((c) => c.text('見つかりません / Not found', 404))
  .onError((error, c) => {
    // Middleware refusals (CSRF, body limits) carry their own status.
    if (error instanceof HTTPException) return error.getResponse()
    console.error('unhandled error', error)
    return c.text('サーバーで問題が起きました / Something went wrong on the server', 500)
  })

export type App = typeof app
