import type { Payload } from 'payload'

/** Fills in every setting a tenant part needs before it can be published (a sample town hall). */
export function makePublishable(payload: Payload, id: number | string, slug: string) {
  return payload.update({
    collection: 'tenants',
    id,
    overrideAccess: true,
    data: {
      nameEn: `${slug} city`,
      prefecture: '東京都',
      postalAddress: '〒105-8511 東京都港区芝公園1-5-25',
      channels: ['email'],
      senderNames: { email: '子育て応援便' },
      senders: { fromAddress: `yorisoi@${slug}.example.jp` },
      desk: {
        name: '子ども家庭支援センター',
        email: `desk@${slug}.example.jp`,
        phone: '03-1234-5678',
        hours: '平日 8:30〜17:15',
      },
      privacyNotice: { url: `https://${slug}.example.jp/privacy`, version: '2026-04' },
      languages: ['ja'],
      languageFallback: ['ja'],
      branding: { color: '#2f7f9f' },
    },
  })
}
