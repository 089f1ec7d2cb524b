import type { AdminViewServerProps } from 'payload'
import type { AccessLogPage, Disclosure } from '../../../shared/contract'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { actingRole } from '../acting-role'
import { searchParam } from '../search-param'
import { askStaffApi } from '../staff-api'
import { TownPicker } from '../TownPicker'
import { townsOf } from '../towns'
import { AccessLogTable } from './AccessLogTable'
import { DisclosureSection } from './DisclosureSection'

/**
 * /admin/access-log: the town privacy officer's screen — the town's access log, page by page, its
 * CSV, and the disclosure request (開示請求) for one resident. Everything is asked of the edge at
 * request time; nothing of it is stored here.
 */
export async function AccessLogView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const { payload, user } = req
  const title = 'アクセス記録と開示請求 / Access log and disclosure'
  if (!actingRole(user, ['privacy-officer']))
    return (
      <ViewFrame props={props} title={title} roles={['privacy-officer']}>
        {null}
      </ViewFrame>
    )
  const { admin, api } = payload.config.routes
  const base = `${payload.config.serverURL}${api}/workspace`
  const towns = await townsOf(payload, user)
  const tenant = searchParam(props.searchParams, 'tenant') ?? towns[0]?.slug ?? ''
  const before = searchParam(props.searchParams, 'before')
  const asked = {
    subscriber: searchParam(props.searchParams, 'subscriber'),
    household: searchParam(props.searchParams, 'household'),
  }
  const ask = { role: 'privacy-officer' as const, tenant }
  const log = await askStaffApi<AccessLogPage>(payload, user, {
    ...ask,
    path: '/access-log',
    query: { before },
  })
  const lookup =
    asked.subscriber || asked.household
      ? await askStaffApi<Disclosure>(payload, user, { ...ask, path: '/disclosure', query: asked })
      : null
  const here = `${admin}/access-log`
  const query = new URLSearchParams({
    tenant,
    ...(asked.subscriber ? { subscriber: asked.subscriber } : {}),
    ...(asked.household ? { household: asked.household } : {}),
  })
  return (
    <ViewFrame props={props} title={title} roles={['privacy-officer']}>
      <TownPicker towns={towns} current={tenant} action={here} />
      <p>
        <a href={`${base}/access-log/export?tenant=${encodeURIComponent(tenant)}`} download>
          CSV を書き出す / Export CSV
        </a>
      </p>
      {log.ok ? (
        <>
          <AccessLogTable entries={log.data.entries} />
          <nav style={{ display: 'flex', gap: '1rem', marginTop: '0.5rem' }}>
            {before ? <a href={`${here}?tenant=${encodeURIComponent(tenant)}`}>最新へ / Newest</a> : null}
            {log.data.next !== null ? (
              <a href={`${here}?tenant=${encodeURIComponent(tenant)}&before=${log.data.next}`}>
                さらに前へ / Older
              </a>
            ) : null}
          </nav>
        </>
      ) : (
        <p role="alert">{log.reason}</p>
      )}
      <DisclosureSection
        action={here}
        tenant={tenant}
        asked={asked}
        found={lookup?.ok ? lookup.data : null}
        problem={lookup && !lookup.ok ? lookup.reason : null}
        download={lookup?.ok ? `${base}/disclosure?${query.toString()}` : null}
      />
    </ViewFrame>
  )
}
