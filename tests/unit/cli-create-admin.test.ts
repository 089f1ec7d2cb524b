import { describe, expect, it } from 'vitest'
import { runYorisoi } from '../support/run-yorisoi'

// The real `yorisoi create-admin`, its refusals that need no database: each is one bilingual line
// and exit code 2, said before any database is asked (DATABASE_URL here points at nothing: had
// the command tried it, it would have failed otherwise). The database cases are in
// tests/cms/create-admin.test.ts.

const nowhere = 'postgres://nobody@127.0.0.1:1/none'

const createAdmin = (args: string[], stdin: string) =>
  runYorisoi(['create-admin', ...args], stdin, { DATABASE_URL: nowhere })

const refused = (stderr: string) => expect(stderr).toMatch(/^[^\n]*[ぁ-んァ-ン一-龥][^\n]* \/ [^\n]*\n$/)

describe('yorisoi create-admin refuses, before touching a database', { timeout: 60_000 }, () => {
  it('an empty password', async () => {
    const { code, stdout, stderr } = await createAdmin(['--email', 'admin@city.example.jp'], '')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('パスワードを標準入力から渡してください / pass the password on stdin\n')
  })

  it('a short password (a trailing newline is not counted)', async () => {
    const { code, stderr } = await createAdmin(['--email', 'admin@city.example.jp'], '12345678901\n')
    expect(code).toBe(2)
    expect(stderr).toBe('パスワードは12文字以上にしてください / the password needs at least 12 characters\n')
  })

  it('a bad email', async () => {
    const { code, stderr } = await createAdmin(['--email', 'admin-at-city'], 'a-long-enough-password\n')
    expect(code).toBe(2)
    refused(stderr)
    expect(stderr).toContain('"admin-at-city" is not an email address')
  })

  it('a missing --email, a password on the command line, or any other argument, with the usage', async () => {
    for (const args of [
      [],
      ['--email', 'admin@city.example.jp', '--password', 'a-long-enough-password'],
      ['--email', 'admin@city.example.jp', 'extra'],
    ]) {
      const { code, stderr } = await createAdmin(args, 'a-long-enough-password\n')
      expect(code).toBe(2)
      refused(stderr)
      expect(stderr).toMatch(/^使い方: yorisoi create-admin --email E .+ \/ usage: yorisoi create-admin/)
    }
  })
})
