/** What a consultation is about, as the resident picks it; the desk sees the Japanese label. */
export const consultationCategories = [
  { id: 'body', ja: '体のこと', en: 'My body and health' },
  { id: 'baby', ja: '赤ちゃんのこと', en: 'My baby' },
  { id: 'feelings', ja: '気持ちのこと', en: 'How I feel' },
  { id: 'daily-life', ja: '育児・生活', en: 'Childcare and daily life' },
  { id: 'procedures', ja: '手続き・制度', en: 'Procedures and benefits' },
  { id: 'other', ja: 'その他のこと', en: 'Something else' },
] as const

export type ConsultationCategory = (typeof consultationCategories)[number]['id']

export const consultationCategoryIds = consultationCategories.map((c) => c.id) as [
  ConsultationCategory,
  ...ConsultationCategory[],
]

export function categoryLabel(id: string): { ja: string; en: string } {
  const found = consultationCategories.find((c) => c.id === id)
  return found ? { ja: found.ja, en: found.en } : { ja: id, en: id }
}
