import { Hono } from 'hono'
import { contextStorage } from 'hono/context-storage'
import { HTTPException } from 'hono/http-exception'
import { announcementPageRoutes } from './announcements/page-routes'
import { consultRoutes } from './consultation/routes'
import { messageRoutes } from './delivery/message-routes'
import type { Env } from './env'
import { healthRoutes } from './ingest/health-routes'
import { ingestRoutes } from './ingest/routes'
import { deletionRoutes } from './manage/deletion-routes'
import { householdRoutes } from './manage/household-routes'
import { invitationRoutes } from './manage/invitation-routes'
import { restartRoutes } from './manage/restart-routes'
import { manageRoutes } from './manage/routes'
import { stopRoutes } from './manage/stop-routes'
import { outboxRoutes } from './outbox/routes'
import { confirmRoutes } from './registration/confirm-routes'
import { qrRoutes } from './registration/qr-routes'
import { registerRoutes } from './registration/routes'
import { townsRoutes } from './registration/towns-routes'
import { TenantMoving } from './shards/map'
import { staffRoutes } from './staff/routes'
import { surveyRoutes } from './surveys/routes'
import { taskRoutes } from './tasks/routes'
import { addressRoutes } from './verification/address-routes'
import { verifyRoutes } from './verification/routes'
import { undoRoutes } from './verification/undo-routes'
import { readerLanguage } from './web/reader'
import { webhookRoutes } from './webhooks/routes'

export const app = new Hono<{ Bindings: Env }>()
  // Every page's wording reads the request's reader language through the context storage.
  .use(contextStorage())
  .use(readerLanguage)
  .route('/', townsRoutes)
  .route('/healthz', healthRoutes)
  .route('/outbox', outboxRoutes)
  .route('/t', registerRoutes)
  .route('/c', confirmRoutes)
  .route('/r', consultRoutes)
  .route('/r', addressRoutes)
  .route('/r', manageRoutes)
  .route('/r', householdRoutes)
  .route('/r', restartRoutes)
  .route('/i', invitationRoutes)
  .route('/v', verifyRoutes)
  .route('/u', undoRoutes)
  .route('/s', stopRoutes)
  .route('/d', deletionRoutes)
  .route('/m', messageRoutes)
  .route('/n', announcementPageRoutes)
  .route('/q', surveyRoutes)
  .route('/k', taskRoutes)
  .route('/qr', qrRoutes)
  .route('/ingest', ingestRoutes)
  .route('/webhooks', webhookRoutes)
  .route('/staff', staffRoutes)
  .notFound((c) => c.text('見つかりません / Not found', 404))
  .onError((error, c) => {
    // Middleware refusals (CSRF, body limits) carry their own status.
    if (error instanceof HTTPException) return error.getResponse()
    if (error instanceof TenantMoving)
      return c.text(
        "ただいま登録情報を移しています。1分ほどしてからもう一度お試しください。/ Your town's records are being moved; please try again in a minute.",
        503,
        { 'retry-after': '60' },
      )
    console.error('unhandled error', error)
    return c.text('サーバーで問題が起きました / Something went wrong on the server', 500)
  })

export type App = typeof app
