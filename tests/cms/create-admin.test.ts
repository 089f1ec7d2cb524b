import { randomBytes } from 'node:crypto'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../cms/db/admin'
import { closePayload } from '../../cms/db/closePayload'
import { runYorisoi } from '../support/run-yorisoi'
import { rest } from './support/rest'

// The real `npx yorisoi create-admin` against a database of its own (the run's template: schema,
// no users), the password piped to its stdin; this process reads what it wrote.

const adminUrl = () => inject('postgresAdminUrl')
const database = `t_${randomBytes(6).toString('hex')}`
let databaseUrl: string
let config: SanitizedConfig
let payload: Payload

beforeAll(async () => {
  await ensureDatabase(adminUrl(), database, inject('templateDatabase'))
  databaseUrl = withDatabase(adminUrl(), database)
  config = await buildCmsConfig({ databaseUrl, push: false, logLevel: 'silent' })
  payload = await getPayload({ config })
})
afterAll(async () => {
  if (payload) await closePayload(payload)
  await dropDatabase(adminUrl(), database)
})

const createAdmin = (args: string[], stdin: string) =>
  runYorisoi(['create-admin', ...args], stdin, { DATABASE_URL: databaseUrl })

const users = async () =>
  (await payload.find({ collection: 'users', sort: 'createdAt', limit: 0 })).docs.map((u) => ({
    email: u.email,
    name: u.name,
    roles: u.roles,
  }))

describe('yorisoi create-admin', { timeout: 180_000 }, () => {
  it('makes the first admin from the password on stdin, who can then sign in', async () => {
    const made = await createAdmin(
      ['--email', 'First.Admin@City.example.jp', '--name', '情報政策課'],
      'first-admin-password\n',
    )
    expect(made).toEqual({
      code: 0,
      stdout:
        '管理者 first.admin@city.example.jp を作成しました / created administrator first.admin@city.example.jp\n',
      stderr: '',
    })
    expect(await users()).toEqual([
      { email: 'first.admin@city.example.jp', name: '情報政策課', roles: ['admin'] },
    ])
    const login = await rest(config, 'POST', '/api/users/login', {
      body: { email: 'first.admin@city.example.jp', password: 'first-admin-password' },
    })
    expect(login.status).toBe(200)
  })

  it('refuses a second admin unless --another, and an email registered already', async () => {
    const second = await createAdmin(['--email', 'second@city.example.jp'], 'second-admin-password\n')
    expect(second.code).toBe(2)
    expect(second.stdout).toBe('')
    expect(second.stderr).toBe(
      '管理者はすでに1人います。さらに作成するときは --another を付けてください / 1 administrator(s) exist already: add --another to create one more\n',
    )

    const again = await createAdmin(
      ['--email', 'first.admin@city.example.jp', '--another'],
      'another-admin-password\n',
    )
    expect(again.code).toBe(2)
    expect(again.stderr).toBe(
      'first.admin@city.example.jp はすでに登録されています / first.admin@city.example.jp is registered already\n',
    )
    expect((await users()).map((u) => u.email)).toEqual(['first.admin@city.example.jp'])
  })

  it('makes another admin with --another', async () => {
    const another = await createAdmin(
      ['--email', 'second@city.example.jp', '--another'],
      'second-admin-password',
    )
    expect(another.code).toBe(0)
    expect(another.stdout).toContain('created administrator second@city.example.jp')
    expect(await users()).toEqual([
      { email: 'first.admin@city.example.jp', name: '情報政策課', roles: ['admin'] },
      { email: 'second@city.example.jp', name: null, roles: ['admin'] },
    ])
  })

  it('refuses a short password without writing anything', async () => {
    const short = await createAdmin(['--email', 'third@city.example.jp', '--another'], 'too-short\n')
    expect(short.code).toBe(2)
    expect(short.stderr).toBe(
      'パスワードは12文字以上にしてください / the password needs at least 12 characters\n',
    )
    expect(await users()).toHaveLength(2)
  })
})
