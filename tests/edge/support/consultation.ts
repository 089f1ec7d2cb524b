import { env } from 'cloudflare:workers'
import { ensureStandingTokens, standingToken } from '../../../edge/resident/link-tokens'
import { insertExpecting } from './delivery'

/** An active resident (of sakura-city unless named) on a channel, with their manage link stored: returns its path. */
export async function residentWithManageLink(
  id: string,
  channel: 'email' | 'sms' | 'line' = 'email',
  tenant = 'sakura-city',
): Promise<{ id: string; manage: string; address: string }> {
  await insertExpecting(id, { channel, tenant })
  const secret = env.LINK_SECRET!
  await (await ensureStandingTokens(env.DB, secret, [id], ['manage', 'stop'], new Date())).run()
  const address = channel === 'email' ? `${id}@example.jp` : channel === 'sms' ? '+819012345678' : `U${id}`
  return { id, manage: `/r/${await standingToken(secret, id, 'manage')}`, address }
}

export const validConsultation = (overrides: Record<string, string> = {}): Record<string, string> => ({
  category: 'body',
  text: 'おなかの張りが気になります。様子を見ていてよいでしょうか。',
  contact: 'none',
  phone: '',
  hours: '',
  ...overrides,
})

export const deskAddress = 'kosodate@sakura.example.jp'

/** Every consultation has exactly one forward row and every forward row its consultation. */
export async function halfWrittenConsultations(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    `SELECT c.id FROM consultations c LEFT JOIN consultation_forwards f ON f.consultation_id = c.id WHERE f.consultation_id IS NULL
     UNION ALL
     SELECT f.consultation_id FROM consultation_forwards f LEFT JOIN consultations c ON c.id = f.consultation_id WHERE c.id IS NULL`,
  ).all()
  return results
}
