import { Hono } from 'hono'
import type { Env } from './env'
import { healthRoutes } from './routes/health'
import { ingestRoutes } from './routes/ingest'
import { outboxRoutes } from './routes/outbox'

export const app = new Hono<{ Bindings: Env }>()
  .route('/healthz', healthRoutes)
  .route('/outbox', outboxRoutes)
  .route('/ingest', ingestRoutes)
  .notFound((c) => c.text('見つかりません / Not found', 404))
  .onError((error, c) => {
    console.error('unhandled error', error)
    return c.text('サーバーで問題が起きました / Something went wrong on the server', 500)
  })

export type App = typeof app
