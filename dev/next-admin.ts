// Runs the Payload admin (Next) for the local system, on the database the caller already started:
// `next dev` for npm start, or a production build (`next build` + `next start`) for the tests.
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const nextBin = join(
  dirname(createRequire(import.meta.url).resolve('next/package.json')),
  'dist',
  'bin',
  'next',
)
const cmsDir = resolve(import.meta.dirname, '../cms')

export interface NextAdmin {
  url: string
  /** Resolves once /admin answered (the first compile takes tens of seconds). */
  ready: Promise<void>
  stop(): Promise<void>
}

export interface NextAdminOptions {
  port: number
  env: Record<string, string>
  onOutput?: (line: string) => void
  /** `dev` (default) compiles on demand; `start` serves what `buildNextAdmin` built. */
  mode?: 'dev' | 'start'
}

/** `next build` of the admin with the given environment; rejects with Next's output when it fails. */
export function buildNextAdmin(options: { env: Record<string, string> }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build', cmsDir], {
      env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${code}):\n${output}`)),
    )
  })
}

export function startNextAdmin(options: NextAdminOptions) {
  const mode = options.mode ?? 'dev'
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, mode, cmsDir, '--port', String(options.port)],
    {
      env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const forward = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) options.onOutput?.(line)
  }
  child.stdout?.on('data', forward)
  child.stderr?.on('data', forward)
  const url = `http://127.0.0.1:${options.port}`
  const ready = (async () => {
    const deadline = Date.now() + 300_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`next ${mode} exited (${child.exitCode})`)
      try {
        const res = await fetch(`${url}/admin/login`, { redirect: 'manual' })
        if (res.status < 500) return
      } catch {
        // still compiling or not listening yet
      }
      await new Promise((r) => setTimeout(r, 1000))
    }
    throw new Error('the admin did not answer within 5 minutes')
  })()
  const admin: NextAdmin = {
    url,
    ready,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
  return admin
}
