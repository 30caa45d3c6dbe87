import type { ArticleText } from '../types'
import { idOf } from './read'

/** An article row as the scan sources give it (Local API doc, SQL page row or bulk-reader row). */
export interface ArticleRow {
  id: number | string
  title?: string | null
  organization?: unknown
  column?: number | string | null
  publishedAt?: string | Date | null
  createdAt?: string | Date | null
  /** Bulk reader: 1 when a workflow log exists. */
  workflowed?: number | boolean
  /** Local API / SQL pages: the workflow log (or a stand-in with its length). */
  workflow?: unknown[] | null
}

/**
 * The text checks' view of one article. One function for the main thread and the scan workers, so
 * a finding is the same whichever computed it.
 */
export function articleTextOf(
  doc: ArticleRow,
  body: { text: string; links: ArticleText['links'] },
  images: ArticleText['images'],
  url: string | undefined,
): ArticleText {
  return {
    id: doc.id,
    organizationId: idOf(doc.organization) ?? '',
    columnId: doc.column ?? undefined,
    url,
    title: doc.title ?? '',
    text: `${doc.title ?? ''}\n${body.text}`,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
    createdAt: doc.createdAt ? new Date(doc.createdAt).toISOString() : undefined,
    // Editors' articles always carry a workflow log; the bulk import path writes none, so an
    // article without one was imported and its old publish date is genuine, not backdated.
    legacyImport: doc.workflowed !== undefined ? !doc.workflowed : !Array.isArray(doc.workflow) || doc.workflow.length === 0,
    images,
    links: body.links,
  }
}
