import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import { bilingual } from '../../i18n'
import { keyInWords } from '../../views/keyInWords'
import { messageKey } from '../../workflow/content'

/**
 * One message per slot × audience × language; say so in words before the database refuses. The
 * title is the key as people read it.
 */
export const setMessageKey: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  const key = messageKey({ ...originalDoc, ...data })
  // The key is unique in the database, so a message keeping its own key cannot clash (most saves:
  // edits of the text, review steps).
  if (originalDoc?.key === key) {
    data.key = key
    data.title = keyInWords(key)
    return data
  }
  const clash = await req.payload.find({
    collection: collection.slug,
    where: { key: { equals: key }, ...(originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}) },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { id: true },
    req,
    overrideAccess: true,
  })
  if (clash.docs.length) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [
          {
            path: 'slot',
            message: bilingual(
              `${keyInWords(key)}（${key}）のメッセージはすでにあります（ID ${clash.docs[0]?.id}）`,
              `A message for ${key} already exists (id ${clash.docs[0]?.id})`,
            ),
          },
        ],
      },
      req.t,
    )
  }
  data.key = key
  data.title = keyInWords(key)
  return data
}
