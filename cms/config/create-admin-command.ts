// `npx yorisoi create-admin --email E [--name N] [--another] < password-file`, run in a process of its
// own by cli/create-admin.ts: makes an administrator in the CMS's database (DATABASE_URL, or the
// embedded Postgres under .data/postgres) through the Local API. The password comes from stdin,
// never argv or the environment. Prints one line; exits 2 on a refusal, 1 on anything else.
import { parseArgs } from 'node:util'
import { getPayload, type Payload } from 'payload'
import { BilingualError } from '../../shared/calendar'
import { closePayload } from '../db/closePayload'
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../db/databaseUrl'
import { buildCmsConfig } from './build'
import { createAdmin, newAdminProblem } from './createAdmin'

export const CREATE_ADMIN_USAGE = 'yorisoi create-admin --email E [--name N] [--another] < password-file'

function readArguments(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, another: { type: 'boolean' } },
    })
    if (positionals.length === 0 && values.email) return { ...values, email: values.email }
  } catch {
    // said below, with the usage
  }
  throw new BilingualError({ ja: `使い方: ${CREATE_ADMIN_USAGE}`, en: `usage: ${CREATE_ADMIN_USAGE}` })
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new BilingualError({
      ja: `パスワードは標準入力にパイプかファイルで渡してください（画面に表示しないため）: ${CREATE_ADMIN_USAGE}`,
      en: `pipe the password or redirect a file into stdin, so it is never shown: ${CREATE_ADMIN_USAGE}`,
    })
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing newline (from `echo` or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

async function main(argv: string[]): Promise<void> {
  const args = readArguments(argv)
  const password = await readPassword()
  const { email, name, another } = args
  // Said before a database is started or connected to.
  const problem = newAdminProblem({ email, name, password, another })
  if (problem) throw problem
  let payload: Payload | undefined
  try {
    const databaseUrl = await resolveDatabaseUrl()
    // Never push a schema from here: this may be production's database. With NODE_ENV=production
    // Payload runs cms/migrations on connect, as the CMS does on start.
    const config = await buildCmsConfig({ databaseUrl, push: false, logLevel: 'error' })
    payload = await getPayload({ config })
    await createAdmin(payload, { email, name, password, another })
    process.stdout.write(
      `管理者 ${email.toLowerCase()} を作成しました / created administrator ${email.toLowerCase()}\n`,
    )
  } finally {
    if (payload) await closePayload(payload)
    await stopEmbeddedPostgres()
  }
}

try {
  await main(process.argv.slice(2))
  process.exitCode = 0
} catch (error) {
  const known = error instanceof BilingualError
  process.stderr.write(`${known ? error.message : `予期しないエラー / unexpected error: ${String(error)}`}\n`)
  process.exitCode = known ? 2 : 1
}
// Payload and pg keep handles open (timers, the embedded server's pipes); the answer is given.
process.exit()
