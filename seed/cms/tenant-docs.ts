import type { SeedLocalEntry, SeedTenant } from '../tenants/schema'

// A seed municipality in the shape the CMS collections store (tenants, local-support).

export function tenantDocOf({ settings, birthsPerYear }: SeedTenant) {
  const channels = settings.channels
  return {
    slug: settings.slug,
    name: settings.name.ja,
    nameEn: settings.name.en,
    prefecture: settings.prefecture,
    postalAddress: settings.postalAddress,
    timeZone: settings.timeZone,
    sendTime: settings.sendTime,
    channels: (['email', 'sms', 'line'] as const).filter((channel) => channels[channel]),
    senderNames: {
      email: channels.email?.senderName ?? null,
      sms: channels.sms?.senderName ?? null,
      line: channels.line?.accountName ?? null,
    },
    senders: {
      fromAddress: channels.email?.fromAddress ?? null,
      lineBasicId: channels.line?.basicId ?? null,
    },
    desk: { ...settings.desk },
    privacyNotice: { ...settings.privacyNotice },
    languages: settings.languages.offered,
    languageFallback: settings.languages.fallback,
    program: 'standard',
    branding: { color: settings.branding.accentColor, logoUrl: settings.branding.logoUrl ?? null },
    // About as many pregnancies are notified as children are born: the dashboard's share reached.
    pregnancyNotificationsPerYear: birthsPerYear,
  }
}

const audiencesOf: Record<SeedLocalEntry['audience'], string[]> = {
  primary: ['primary'],
  partner: ['partner'],
  family: ['family'],
  all: ['primary', 'partner', 'family'],
}

export function localSupportDocOf(entry: SeedLocalEntry, tenantId: number | string) {
  return {
    tenant: tenantId,
    title: entry.title,
    body: entry.body,
    url: entry.url,
    phone: entry.phone,
    kind: entry.kind,
    window: entry.window.unit === 'every' ? { unit: 'every' } : { ...entry.window },
    audiences: audiencesOf[entry.audience],
    language: entry.language,
    priority: entry.priority,
    translations: entry.translations.map((t) => ({ language: t.language, title: t.title, body: t.body })),
    state: 'published',
  }
}
