import { type MigrateUpArgs, sql } from '@payloadcms/db-postgres'
import { keyInWords } from '../plugin/views/keyInWords'

/**
 * Gives every stored message and message version the title its key reads as (what the
 * setMessageKey hook writes on each save since the message_titles migration). Returns how many
 * distinct keys it worded.
 */
export async function fillMessageTitles(db: MigrateUpArgs['db']): Promise<number> {
  const found = await db.execute(sql`
    SELECT key FROM messages WHERE key IS NOT NULL
    UNION SELECT version_key FROM _messages_v WHERE version_key IS NOT NULL`)
  const keys = (found.rows as { key: string }[]).map((row) => row.key)
  for (let at = 0; at < keys.length; at += 500) {
    const values = sql.join(
      keys.slice(at, at + 500).map((key) => sql`(${key}, ${keyInWords(key)})`),
      sql`, `,
    )
    await db.execute(sql`
      UPDATE messages SET title = v.title FROM (VALUES ${values}) AS v(key, title)
      WHERE messages.key = v.key`)
    await db.execute(sql`
      UPDATE _messages_v SET version_title = v.title FROM (VALUES ${values}) AS v(key, title)
      WHERE _messages_v.version_key = v.key`)
  }
  return keys.length
}
