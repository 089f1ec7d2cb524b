'use client'
import { SelectField } from '@payloadcms/ui'
import type { OptionObject, TextFieldClientProps } from 'payload'

type Props = TextFieldClientProps & { options: OptionObject[]; hasMany: boolean }

/**
 * A language stored as text, picked in Payload's own select: the registry's languages by name,
 * one or several (in order). The server validates the tag again (languages.ts).
 */
export function LanguageSelect({ options, hasMany, field, path, readOnly }: Props) {
  const { name, label, required, localized, admin } = field
  return (
    <SelectField
      field={{
        name,
        label,
        required,
        localized,
        hasMany,
        options,
        admin: {
          description: admin?.description,
          className: admin?.className,
          isClearable: !required,
          isSortable: hasMany,
          placeholder: undefined,
        },
      }}
      path={path}
      readOnly={readOnly}
    />
  )
}
