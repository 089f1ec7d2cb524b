import type { Payload, TypedUser } from 'payload'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NavLinks } from '../../cms/plugin/views/NavLinks'
import { RoleHome } from '../../cms/plugin/views/RoleHome'
import { type Cms, startCms } from './support/cms'
import { messageData } from './support/content'
import { createWorld, type Person, type World } from './support/people'

// Each role's navigation shows only its own screens (collections, such as announcements, are
// Payload's own links beside them), and its home says what waits for it.
let cms: Cms
let payload: Payload
let world: World

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())

const user = (who: Person) => world.users[who] as unknown as TypedUser
const render = (node: ReactElement | null) => (node ? renderToStaticMarkup(node) : '')
const links = (u: unknown) =>
  [...render(NavLinks({ user: u as TypedUser })).matchAll(/href="\/admin([^"]+)"/g)].map((m) => m[1])
const home = async (u: unknown) => render(await RoleHome({ payload, user: u as TypedUser }))

describe('navigation and home per role', () => {
  it('shows each role only the screens it can use', async () => {
    expect(links(user('supervisor'))).toEqual(['/review-queue', '/coverage', '/resident-preview', '/publish'])
    expect(links(user('staffA'))).toEqual(['/resident-preview', '/publish'])
    expect(links(user('viewer'))).toEqual(['/coverage', '/resident-preview', '/publish'])
    const nurse = { ...user('staffA'), roles: ['municipal-staff', 'nurse'] }
    expect(links(nurse)).toEqual([
      '/resident-preview',
      '/publish',
      '/families',
      '/inbox',
      '/counter-registration',
    ])
    expect(links({ ...user('staffA'), roles: ['privacy-officer'] })).toEqual(['/access-log'])
    // An admin never reaches a household, whatever roles were saved.
    expect(links({ ...user('admin'), roles: ['admin', 'nurse'] })).not.toContain('/families')
  })

  it('tells a supervisor what waits for review and an editor their drafts and requested changes', async () => {
    const as = (who: Person) => ({ overrideAccess: false, user: world.users[who] }) as const
    const draft = await payload.create({
      collection: 'messages',
      data: messageData('newborn/40'),
      ...as('editor'),
    })
    const waiting = await payload.create({
      collection: 'messages',
      data: messageData('newborn/41'),
      ...as('editor'),
    })
    await payload.update({
      collection: 'messages',
      id: waiting.id,
      data: { reviewState: 'in-review' },
      ...as('editor'),
    })
    expect(draft.reviewState).toBe('draft')

    const supervisor = await home(user('supervisor'))
    expect(supervisor).toContain('あなたの役割 / Your roles: 医療監修者 / Medical supervisor')
    expect(supervisor).toMatch(/監修待ちのメッセージが1件あります/)
    expect(supervisor).toContain('href="/admin/review-queue"')
    const editor = await home(user('editor'))
    expect(editor).toMatch(/下書きが1件あります。書き終えたら「監修を依頼する」/)
    expect(editor).not.toContain('監修待ちのメッセージが')
    const staff = await home(user('staffA'))
    expect(staff).toContain('公開 / Publish')
    expect(staff).not.toContain('監修待ち')
  })
})
