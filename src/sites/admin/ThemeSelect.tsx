'use client'
import { SelectInput, useField } from '@payloadcms/ui'
import type { OptionObject } from 'payload'
import React from 'react'

/**
 * The site's theme as a choice of the installed themes. The field itself is text: a select would be
 * a database enum on PostgreSQL, and every theme added to themes/ would need a migration.
 */
export function ThemeSelect({ path, options, readOnly }: { path: string; options: OptionObject[]; readOnly?: boolean }) {
  const { value, setValue, showError } = useField<string>({ path })
  return (
    <div className="field-type select">
      <SelectInput
        path={path}
        name={path}
        label="主题 Theme"
        options={options}
        value={value ?? ''}
        readOnly={readOnly}
        showError={showError}
        isClearable={false}
        onChange={(option) => setValue(option && !Array.isArray(option) ? (option as OptionObject).value : null)}
      />
    </div>
  )
}
