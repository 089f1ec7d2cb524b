import type { Audience, PlaceholderName, TenantSettings } from '../contract'
import { childDayLabel, childMonthsLabel, type DayContext, type Lang, pregnancyWeekLabel } from '../program'

export interface Subscriber {
  /** The resident's id: it turns the day's local entries. A preview without a resident has none. */
  id?: string
  nickname: string
  audience: Audience
  language: string
}

/** Signed URLs made by the edge for one delivery; composition only places them. */
export interface DeliveryLinks {
  messageUrl: string
  consultUrl: string
  selfServiceUrl: string
  unsubscribeUrl: string
  surveyUrl?: string
}

/** Placeholder values for one message; a missing value means the placeholder cannot be filled that day. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>

/** Day and unit labels follow the message's language: Japanese, or English for every other language. */
export function labelLanguage(language: string): Lang {
  return language === 'ja' ? 'ja' : 'en'
}

export function tenantNameIn(tenant: TenantSettings, language: string): string {
  return labelLanguage(language) === 'ja' ? tenant.name.ja : tenant.name.en
}

export function placeholderValues(
  tenant: TenantSettings,
  subscriber: Subscriber,
  links: DeliveryLinks,
  context: DayContext,
  language: string,
): PlaceholderValues {
  const lang = labelLanguage(language)
  return {
    nickname: subscriber.nickname,
    tenantName: tenantNameIn(tenant, language),
    deskName: tenant.desk.name,
    deskPhone: tenant.desk.phone,
    deskHours: tenant.desk.hours,
    consultUrl: links.consultUrl,
    selfServiceUrl: links.selfServiceUrl,
    messageUrl: links.messageUrl,
    pregnancyWeekLabel:
      context.track === 'pregnancy' ? pregnancyWeekLabel(context.gestationalDay, lang) : undefined,
    childAgeLabel: context.track === 'child' ? childAgeLabel(context, lang) : undefined,
  }
}

// Through the daily newborn phase (day 100) parents count days; after that, months.
function childAgeLabel(context: Extract<DayContext, { track: 'child' }>, lang: Lang): string {
  return context.childDay <= 100
    ? childDayLabel(context.childDay, lang)
    : childMonthsLabel(context.childMonths, lang)
}
