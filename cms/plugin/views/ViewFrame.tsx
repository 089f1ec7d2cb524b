import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type React from 'react'
import { contentRoles, mayView } from './mayView'

/** The admin's own chrome around a yorisoi view, for the roles allowed to see it. */
export function ViewFrame({
  props,
  title,
  children,
  roles = contentRoles,
}: {
  props: AdminViewServerProps
  title: string
  children?: React.ReactNode
  /** Who may see the view; staff only where a view says so. */
  roles?: string[]
}) {
  const { initPageResult, params, searchParams } = props
  const { req } = initPageResult
  const allowed = mayView(props, roles)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>{title}</h1>
        {allowed ? children : <p>この画面を見る権限がありません / You may not see this view</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
