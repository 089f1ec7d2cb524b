import type { RelationshipField, Validate } from 'payload'
import { bilingual, label } from '../i18n'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** A translation renders its source for the same slot and audience in another language. */
const sameMessageOtherLanguage =
  (messages: string): Validate =>
  async (value, { data, req, id }) => {
    const sourceId = idOf(value)
    if (!sourceId) return true
    if (id !== undefined && String(sourceId) === String(id)) {
      return bilingual('自分自身の翻訳にはできません', 'A message cannot be its own translation')
    }
    const source = (await req.payload.findByID({
      collection: messages,
      id: sourceId as number | string,
      depth: 0,
      req,
      overrideAccess: true,
      disableErrors: true,
    })) as { slot?: string; audience?: string; language?: string; translationOf?: unknown } | null
    if (!source) return bilingual('翻訳元が見つかりません', 'The source message does not exist')
    if (source.translationOf) {
      return bilingual(
        '翻訳元には原文（翻訳でないメッセージ）を選んでください',
        'Choose an original, not another translation, as the source',
      )
    }
    const doc = (data ?? {}) as { slot?: string; audience?: string; language?: string }
    if (doc.language === source.language) {
      return bilingual(
        '翻訳は翻訳元と別の言語にしてください',
        'A translation must be in another language than its source',
      )
    }
    if (doc.slot !== source.slot || doc.audience !== source.audience) {
      return bilingual(
        `翻訳元（${source.slot} ${source.audience}）と同じスロット・対象にしてください`,
        `Use the source's slot and audience (${source.slot} ${source.audience})`,
      )
    }
    return true
  }

export const translationOfField = (messages: string): RelationshipField => ({
  name: 'translationOf',
  type: 'relationship',
  relationTo: messages,
  label: label('翻訳元', 'Translation of'),
  validate: sameMessageOtherLanguage(messages),
})
