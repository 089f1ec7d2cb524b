import type { Payload } from 'payload'
import { languageTags } from '../../../shared/languages'
import { lexical, messageData } from './content'
import type { World } from './people'

let counter = 0
const next = () => ++counter
const slot = () => `pregnancy/${28 + (next() % 260)}`
const uniqueLanguage = () => languageTags[Math.floor(counter / 260)]

/** For each collection: data a user would send to create one, an edit, and a fresh target to act on. */
export type Targets = Record<
  string,
  {
    createData: () => Record<string, unknown>
    edit: Record<string, unknown>
    /** The field the edit changes, to check a refused edit changed nothing. */
    field: string
    fresh: () => Promise<{ id: number | string }>
  }
>

/** `accounts`: how many target accounts to make up front (as many as tests will ask for). */
export async function buildTargets(payload: Payload, world: World, accounts = 0): Promise<Targets> {
  const create = (collection: string, data: Record<string, unknown>) =>
    payload.create({ collection, data }) as Promise<{ id: number | string }>
  const account = () =>
    create('users', {
      email: `target${next()}@example.jp`,
      password: 'another-long-password',
      roles: ['viewer'],
      name: '元の名前',
    })
  // Each account's password is hashed with 600,000 PBKDF2 rounds on the thread pool: made side by
  // side here, they take a fraction of the time one after another would.
  const accountsAhead = await Promise.all(Array.from({ length: accounts }, account))

  const approvedMessage = async () => {
    const message = await create(
      'messages',
      messageData(slot(), { language: uniqueLanguage(), reviewState: 'in-review' }),
    )
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { reviewState: 'approved' },
      overrideAccess: false,
      user: world.users.supervisor,
    })
    return message
  }
  const approvedVersion = async () => {
    const message = await approvedMessage()
    const { docs } = await payload.find({
      collection: 'approved-message-versions',
      where: { message: { equals: message.id } },
    })
    return docs[0] as { id: number | string }
  }
  const aMessage = () => create('messages', messageData(slot(), { language: uniqueLanguage() }))

  const localSupport = (tenant: number | string) => ({
    title: '妊婦健康診査の受診票',
    body: '区役所の窓口で受け取れます。',
    url: 'https://www.example.lg.jp/kenshin',
    kind: 'checkup',
    window: { unit: 'pregnancy-month', from: 2, to: 10 },
    tenant,
  })
  const survey = (tenant?: number | string) => ({
    title: '妊娠中の体調アンケート',
    tenant,
    questions: [{ label: '体調はいかがですか', kind: 'scale', scaleMin: 1, scaleMax: 5 }],
    triggers: [{ window: { unit: 'pregnancy-month', from: 6, to: 6 } }],
  })

  const commentedMessage = await aMessage()

  return {
    users: {
      createData: () => ({
        email: `new${next()}@example.jp`,
        password: 'another-long-password',
        roles: ['viewer'],
      }),
      edit: { name: '書き換え' },
      field: 'name',
      fresh: async () => accountsAhead.pop() ?? account(),
    },
    tenants: {
      createData: () => ({ slug: `city-${next()}`, name: '新しい市' }),
      edit: { name: '書き換え市' },
      field: 'name',
      // Each target tenant is one of staffA's own, so the matrix asks about staff's own tenant.
      fresh: async () => {
        const tenant = await create('tenants', { slug: `target-${next()}`, name: '対象市' })
        const staff = await payload.findByID({ collection: 'users', id: world.users.staffA.id, depth: 0 })
        const own = ((staff.tenants as { tenant: { id: unknown } | number }[]) ?? []).map((row) =>
          typeof row.tenant === 'object' ? row.tenant.id : row.tenant,
        )
        const tenants = [...own, tenant.id].map((id) => ({ tenant: id }))
        world.users.staffA = (await payload.update({
          collection: 'users',
          id: staff.id,
          data: { tenants },
        })) as typeof world.users.staffA
        return tenant
      },
    },
    messages: {
      createData: () => messageData(slot(), { language: uniqueLanguage() }),
      edit: { subject: '書き換えた件名' },
      field: 'subject',
      fresh: aMessage,
    },
    'approved-message-versions': {
      createData: () => ({
        slot: slot(),
        audience: 'primary',
        language: 'ja',
        subject: '偽の承認版',
        body: lexical('偽'),
        version: 1,
      }),
      edit: { subject: '改ざん' },
      field: 'subject',
      fresh: approvedVersion,
    },
    'message-history': {
      createData: () => ({ message: commentedMessage.id, note: 'コメント' }),
      edit: { note: '書き換え' },
      field: 'note',
      fresh: async () => {
        const message = await aMessage()
        const { docs } = await payload.find({
          collection: 'message-history',
          where: { message: { equals: message.id } },
        })
        return docs[0] as { id: number | string }
      },
    },
    'local-support': {
      createData: () => localSupport(world.tenantA.id),
      edit: { title: '書き換え' },
      field: 'title',
      fresh: () => create('local-support', localSupport(world.tenantA.id)),
    },
    surveys: {
      createData: () => survey(),
      edit: { title: '書き換え' },
      field: 'title',
      fresh: () => create('surveys', survey()),
    },
  }
}
