// Types for the modules the Workers vitest integration provides inside workerd. The root
// tsconfig does not load @cloudflare/workers-types globally (the CMS shares it), so the few
// names the edge tests use are declared here from explicit imports.
declare module 'cloudflare:workers' {
  import type { D1Migration } from '@cloudflare/vitest-plugin'
  import type { Env } from 'edge/env'

  export const env: Env & { TEST_MIGRATIONS: D1Migration[] }
  export const exports: {
    default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> }
  }
}

declare module 'cloudflare:test' {
  import type { D1Migration } from '@cloudflare/vitest-plugin'
  import type {
    D1Database,
    ExecutionContext,
    MessageBatch,
    ScheduledController,
  } from '@cloudflare/workers-types'

  export function applyD1Migrations(db: D1Database, migrations: D1Migration[], table?: string): Promise<void>
  export function createExecutionContext(): ExecutionContext
  export function createScheduledController(options?: {
    scheduledTime?: Date | number
    cron?: string
  }): ScheduledController
  export function createMessageBatch<Body = unknown>(
    queueName: string,
    messages: { id: string; timestamp: Date | number; attempts: number; body: Body }[],
  ): MessageBatch<Body>
  export interface QueueResult {
    outcome: string
    ackAll: boolean
    retryBatch: { retry: boolean; delaySeconds?: number }
    explicitAcks: string[]
    retryMessages: { msgId: string; delaySeconds?: number }[]
  }
  export function getQueueResult(batch: MessageBatch, ctx: ExecutionContext): Promise<QueueResult>
}
