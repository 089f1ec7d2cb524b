/** PAYLOAD_SECRET from the environment; a fixed development value only outside production. */
export function payloadSecret(env: Record<string, string | undefined> = process.env): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET が未設定です / Set PAYLOAD_SECRET: it signs every login token')
  }
  return 'yorisoi-development-only-secret'
}
