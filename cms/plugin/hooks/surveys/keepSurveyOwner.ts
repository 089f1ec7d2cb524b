import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { mayOwnSurvey } from '../../access/surveys'
import { bilingual } from '../../i18n'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** Moving a survey to another tenant (or to national) needs the right to own it there too. */
export const keepSurveyOwner: CollectionBeforeValidateHook = ({
  data,
  operation,
  req,
  collection,
  originalDoc,
}) => {
  if (operation !== 'update' || !req.user || !data || !('tenant' in data)) return data
  // Saving a survey where it already is (a reviewer approving it) is not a move.
  if (String(idOf(data.tenant) ?? '') === String(idOf(originalDoc?.tenant) ?? '')) return data
  if (mayOwnSurvey(req.user, data.tenant)) return data
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [
        {
          path: 'tenant',
          message: bilingual(
            'この自治体のアンケートは作成・移動できません',
            'You may not move a survey to this tenant',
          ),
        },
      ],
    },
    req.t,
  )
}
