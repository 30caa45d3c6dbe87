'use client'
import React from 'react'

/** A list cell holding an admin path (where to fix a rectification item) as a link. */
export function LinkCell({ cellData }: { cellData?: string | null }) {
  if (!cellData || !cellData.startsWith('/admin/')) return <span>{cellData ?? ''}</span>
  return (
    <a href={cellData} onClick={(e) => e.stopPropagation()}>
      打开 Open
    </a>
  )
}
