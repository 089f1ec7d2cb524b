import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import type { StaffApiTarget } from '../../../cms/workspace/target'
import { type LocalWorker, startLocalWorker } from '../../../dev/local-worker'
import { type Cms, startCms } from '../../cms/support/cms'
import { publishFixture } from '../../support/publish-fixture'
import { staffTestPrivateKey, staffTestPublicKey } from '../../support/staff-keys'

export type StaffPerson = 'admin' | 'nurseA' | 'nurse2A' | 'deskA' | 'privacyA' | 'nurseB' | 'staffA'

/** A CMS user as Payload hands it to access functions and views. */
export type StaffUser = Record<string, unknown> & { id: number | string; email: string; collection: string }

export interface Workspace {
  cms: Cms
  payload: Payload
  worker: LocalWorker
  /** The staff API as the admin reaches it: the local Worker and the test signing key. */
  target: StaffApiTarget
  /** The fixture's towns: sakura-city (shard 1) and minato-town (shard 2). */
  towns: { a: { id: number | string; slug: 'sakura-city' }; b: { id: number | string; slug: 'minato-town' } }
  users: Record<StaffPerson, StaffUser>
  ingestToken: string
  stop: () => Promise<void>
}

export const staffPassword = 'correct-horse-battery-staple'

/**
 * The CMS on real Postgres and the Worker in workerd with the fixture snapshot published, the
 * fixture's two towns in the CMS, and one user per staff role: nurses and desk of sakura-city
 * (A), a nurse of minato-town (B), sakura-city's privacy officer, an admin and a municipal-staff
 * member without a workspace role.
 */
export async function startWorkspace(vars: Record<string, string> = {}): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-workspace-'))
  const ingestToken = randomBytes(24).toString('base64url')
  const [cms, worker] = await Promise.all([
    startCms(),
    startLocalWorker({
      persistTo: dir,
      vars: {
        INGEST_TOKEN: ingestToken,
        STAFF_API_PUBLIC_KEY: JSON.stringify(staffTestPublicKey),
        IP_HASH_SALT: 'workspace-salt',
        LINK_SECRET: 'workspace-link-secret',
        ...vars,
      },
    }),
  ])
  await publishFixture(worker.url, ingestToken)
  const payload = cms.payload
  const town = (slug: string, name: string) =>
    payload.create({ collection: 'tenants', data: { slug, name, sendTime: '09:00', timeZone: 'Asia/Tokyo' } })
  const [a, b] = await Promise.all([town('sakura-city', 'さくら市'), town('minato-town', 'みなと町')])
  const user = async (key: StaffPerson, roles: string[], tenants: (number | string)[], shown?: string) =>
    (await payload.create({
      collection: 'users',
      data: {
        email: `${key.toLowerCase()}@example.jp`,
        password: staffPassword,
        name: key,
        roles,
        tenants: tenants.map((id) => ({ tenant: id })),
        ...(shown ? { shownToFamilies: { name: shown, contact: '0120-000-000（平日9時〜17時）' } } : {}),
      },
    })) as unknown as StaffUser
  const [admin, nurseA, nurse2A, deskA, privacyA, nurseB, staffA] = await Promise.all([
    user('admin', ['admin'], []),
    user('nurseA', ['municipal-staff', 'nurse'], [a.id], '保健師 さとう'),
    user('nurse2A', ['municipal-staff', 'nurse'], [a.id], '保健師 たなか'),
    user('deskA', ['municipal-staff', 'desk'], [a.id]),
    user('privacyA', ['privacy-officer'], [a.id]),
    user('nurseB', ['municipal-staff', 'nurse'], [b.id], '保健師 やまだ'),
    user('staffA', ['municipal-staff'], [a.id]),
  ])
  return {
    cms,
    payload,
    worker,
    target: { url: worker.url, privateKey: JSON.stringify(staffTestPrivateKey) },
    towns: { a: { id: a.id, slug: 'sakura-city' }, b: { id: b.id, slug: 'minato-town' } },
    users: { admin, nurseA, nurse2A, deskA, privacyA, nurseB, staffA },
    ingestToken,
    stop: async () => {
      await Promise.all([cms.stop(), worker.stop()])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
