import { BilingualError } from '../shared/calendar'
import { parseCommand } from './args'
import { ingestCaller } from './edge-api'

const callIngest = ingestCaller('YORISOI_SECRETS_TOKEN')

// yorisoi tenant-secret set|list|delete --tenant T [--name N] | rotate — talks to the edge's
// /ingest/tenants/{tenant}/secrets with YORISOI_EDGE_URL and YORISOI_SECRETS_TOKEN (the edge's SECRETS_TOKEN).
// The value of `set` is read from stdin, never argv, so it stays out of shell history. `rotate`
// re-encrypts every tenant's secrets under a new TENANT_SECRETS_KEY, page by page.

export const TENANT_SECRET_USAGE =
  'yorisoi tenant-secret set --tenant T --name N < value | list --tenant T | delete --tenant T --name N | rotate'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing newline (from `echo` or a file) is not part of the secret.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

interface SecretRef {
  tenant: string
  name: string
}

/** Pages through POST /ingest/tenants/secrets/rotate until the edge has no page left. */
async function rotate(): Promise<void> {
  let after: SecretRef | null = null
  let rotated = 0
  const unreadable: SecretRef[] = []
  let remaining = 0
  do {
    const page = (await callIngest('POST', 'tenants/secrets/rotate', after ? { after } : {})) as {
      rotated: number
      unreadable: SecretRef[]
      next: SecretRef | null
      remaining: number
    }
    rotated += page.rotated
    unreadable.push(...page.unreadable)
    remaining = page.remaining
    after = page.next
  } while (after)
  process.stdout.write(`${rotated} 件を新しい鍵で暗号化し直しました / re-encrypted ${rotated} secrets\n`)
  if (unreadable.length > 0) {
    const list = unreadable.map((s) => `${s.tenant} ${s.name}`).join(', ')
    throw new BilingualError({
      ja: `${unreadable.length} 件はどちらの鍵でも復号できません（${list}）。鍵を確かめるか、値を set し直してください`,
      en: `${unreadable.length} secrets decrypt under neither key (${list}); check the keys or set them again`,
    })
  }
  process.stdout.write(
    remaining === 0
      ? 'すべて新しい鍵の下にあります。TENANT_SECRETS_KEY_PREVIOUS は削除できます / every secret is under the new key: TENANT_SECRETS_KEY_PREVIOUS can be removed\n'
      : `${remaining} 件が残っています（作業中の書き込み）。もう一度 rotate してください / ${remaining} left (written meanwhile): run rotate again\n`,
  )
}

export async function tenantSecret(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommand(
    argv,
    { tenant: { type: 'string' }, name: { type: 'string' } },
    TENANT_SECRET_USAGE,
  )
  const action = positionals[0]
  if (action === 'rotate' && positionals.length === 1 && !values.tenant && !values.name) return rotate()
  const tenant = values.tenant
  if (positionals.length !== 1 || !tenant || !['set', 'list', 'delete'].includes(action ?? '')) {
    throw new BilingualError({ ja: `使い方: ${TENANT_SECRET_USAGE}`, en: `usage: ${TENANT_SECRET_USAGE}` })
  }
  const base = `tenants/${encodeURIComponent(tenant)}/secrets`
  if (action === 'list') {
    const { secrets } = (await callIngest('GET', base)) as { secrets: { name: string; updatedAt: string }[] }
    if (secrets.length === 0) process.stdout.write('シークレットはありません / no secrets\n')
    for (const s of secrets) process.stdout.write(`${s.name}\t${s.updatedAt}\n`)
    return
  }
  const name = values.name
  if (!name) throw new BilingualError({ ja: '--name を指定してください', en: '--name is required' })
  const path = `${base}/${encodeURIComponent(name)}`
  if (action === 'delete') {
    const { deleted } = await callIngest('DELETE', path)
    process.stdout.write(
      deleted
        ? `${name} を削除しました / deleted ${name}\n`
        : `${name} はありませんでした / ${name} was not set\n`,
    )
    return
  }
  const value = await readStdin()
  if (!value)
    throw new BilingualError({ ja: '値を標準入力から渡してください', en: 'pass the value on stdin' })
  const { updatedAt } = await callIngest('PUT', path, { value })
  process.stdout.write(`${name} を保存しました / stored ${name} (${updatedAt})\n`)
}
