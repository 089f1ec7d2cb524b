import type { Payload } from 'payload'
import { z } from 'zod'
import { BilingualError } from '../../shared/calendar'

export const minimumPasswordLength = 12

export type NewAdmin = {
  email: string
  name?: string
  password: string
  /** Another admin although one exists already; without it, only the first. */
  another?: boolean
}

/** What is wrong with the input itself, before any database is asked. */
export function newAdminProblem(input: NewAdmin): BilingualError | undefined {
  if (!z.email().safeParse(input.email).success) {
    return new BilingualError({
      ja: `メールアドレス「${input.email}」が正しくありません`,
      en: `"${input.email}" is not an email address`,
    })
  }
  if (!input.password) {
    return new BilingualError({
      ja: 'パスワードを標準入力から渡してください',
      en: 'pass the password on stdin',
    })
  }
  if ([...input.password].length < minimumPasswordLength) {
    return new BilingualError({
      ja: `パスワードは${minimumPasswordLength}文字以上にしてください`,
      en: `the password needs at least ${minimumPasswordLength} characters`,
    })
  }
  return undefined
}

/**
 * Makes an administrator through the Local API: the first one, or another with `another`. Refuses
 * a bad email, an empty or short password, an email already registered, and a second admin
 * unasked, each with a BilingualError before anything is written.
 */
export async function createAdmin(payload: Payload, input: NewAdmin): Promise<{ id: number | string }> {
  const problem = newAdminProblem(input)
  if (problem) throw problem
  const collection = payload.config.admin.user
  const email = input.email.toLowerCase()
  const admins = await payload.count({ collection, where: { roles: { in: ['admin'] } } })
  if (admins.totalDocs > 0 && !input.another) {
    throw new BilingualError({
      ja: `管理者はすでに${admins.totalDocs}人います。さらに作成するときは --another を付けてください`,
      en: `${admins.totalDocs} administrator(s) exist already: add --another to create one more`,
    })
  }
  const taken = await payload.count({ collection, where: { email: { equals: email } } })
  if (taken.totalDocs > 0) {
    throw new BilingualError({
      ja: `${email} はすでに登録されています`,
      en: `${email} is registered already`,
    })
  }
  const user = await payload.create({
    collection,
    data: { email, password: input.password, name: input.name, roles: ['admin'] },
    overrideAccess: true,
  })
  return { id: user.id }
}
