import type { AdminViewServerProps } from 'payload'
import { defaultLanguages, languageLabels } from '../../plugin/languages'
import { ViewFrame } from '../../plugin/views/ViewFrame'
import { actingRole } from '../acting-role'
import { searchParam } from '../search-param'
import { TownPicker } from '../TownPicker'
import { townsOf } from '../towns'
import { CounterForm } from './CounterForm'

/**
 * /admin/counter-registration: at the pregnancy-notification interview, a nurse or the desk start
 * a resident's registration; the resident confirms on their own phone (double opt-in).
 */
export async function CounterRegistrationView(props: AdminViewServerProps) {
  const { payload, user } = props.initPageResult.req
  const title = '窓口での登録 / Register at the counter'
  const roles = ['nurse', 'desk']
  if (!actingRole(user, ['nurse', 'desk']))
    return (
      <ViewFrame props={props} title={title} roles={roles}>
        {null}
      </ViewFrame>
    )
  const towns = await townsOf(payload, user)
  const tenant = searchParam(props.searchParams, 'tenant') ?? towns[0]?.slug ?? ''
  const endpoint = `${payload.config.serverURL}${payload.config.routes.api}/workspace/registrations?tenant=${encodeURIComponent(tenant)}`
  const languages = defaultLanguages.map((value) => ({
    value,
    label: `${languageLabels[value]?.ja ?? value} / ${languageLabels[value]?.en ?? value}`,
  }))
  return (
    <ViewFrame props={props} title={title} roles={roles}>
      <TownPicker
        towns={towns}
        current={tenant}
        action={`${payload.config.routes.admin}/counter-registration`}
      />
      <p>{towns.find((t) => t.slug === tenant)?.name ?? tenant}</p>
      <CounterForm endpoint={endpoint} languages={languages} />
    </ViewFrame>
  )
}
