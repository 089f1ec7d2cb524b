import type { TextField } from 'payload'
import { label } from '../i18n'
import { requiredText } from './validators'

/** A required title, as local entries and surveys have it. */
export const titleField: TextField = {
  name: 'title',
  type: 'text',
  required: true,
  label: label('タイトル', 'Title'),
  validate: requiredText,
}
