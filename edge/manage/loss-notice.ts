import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'

/**
 * The email that tells the household's nurse (or, with none assigned, the town's desk) to look at
 * the workspace. It says nothing of the loss nor of the family — a subject on a lock screen, a
 * shared mailbox — only where to look; the workspace's notices say the rest.
 */
export function lossNoticeMessage(
  tenant: TenantSettings,
  household: string,
  to: string,
  workspaceUrl: string | undefined,
): OutgoingMessage {
  const where = workspaceUrl
    ? `${workspaceUrl.replace(/\/$/, '')}/admin`
    : '寄り添いの職員用画面 / the yorisoi workspace'
  const text = [
    `寄り添い（${tenant.name.ja}）からのお知らせです。`,
    '担当のご家族について、職員用画面に確認していただきたいお知らせがあります。',
    '本日中に、職員用画面のお知らせをご確認ください。',
    where,
    '',
    'There is a notice for you in the yorisoi staff workspace about a family you look after.',
    'Please read it in the workspace today.',
  ].join('\n')
  return {
    // One notice per household's report: a retried request never sends it twice.
    idempotencyKey: `loss-notice/${household}`,
    tenant: tenant.slug,
    channel: 'email',
    to,
    subject: '寄り添い: ご確認ください / yorisoi: please check the workspace',
    text,
    ...(tenant.channels.email
      ? { from: `${tenant.channels.email.senderName} <${tenant.channels.email.fromAddress}>` }
      : {}),
  }
}

/**
 * Sends the notice of a loss just reported to the household's nurse or the desk. A failure is
 * logged by the household's opaque id and never troubles the resident: the workspace's notices
 * (GET /staff/notices) show the report either way.
 */
export async function tellStaffOfLoss(
  env: Env,
  db: D1Database,
  tenant: TenantSettings,
  household: string,
): Promise<void> {
  try {
    const nurse = await db
      .prepare(
        'SELECT nurse_email AS email FROM household_nurses WHERE household_id = ?1 AND tenant_slug = ?2',
      )
      .bind(household, tenant.slug)
      .first<{ email: string | null }>()
    const to = nurse?.email || tenant.desk.email
    const result = await sendTransactional(
      env,
      lossNoticeMessage(tenant, household, to, env.WORKSPACE_URL),
      db,
    )
    if (result.outcome !== 'sent')
      console.warn(`loss notice for household ${household} not sent (${result.outcome}: ${result.error})`)
  } catch (error) {
    console.error(
      `loss notice for household ${household} failed:`,
      error instanceof Error ? error.message : error,
    )
  }
}
