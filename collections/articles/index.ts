import type { CollectionConfig } from 'payload'
import { createArticles, deleteArticles, readArticles, updateArticles } from './access'
import { onVersions } from '../../src/access'
import { searchAfterChange, searchAfterDelete } from '../../src/search'
import { createPreviewToken, sitesConfig } from '../../src/sites'
import { deriveAndGuardArticle, rememberDraftSave } from './hooks'
import { zhEn } from '../shared'

const readOnly = { readOnly: true, position: 'sidebar' as const }

/** Article // 文章: news, notices and policy documents, with disclosure catalogue metadata. */
export const Articles: CollectionConfig = {
  slug: 'articles',
  graphQL: { singularName: 'Article', pluralName: 'Articles' },
  labels: { singular: zhEn('文章', 'Article'), plural: zhEn('文章', 'Articles') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'column', 'state', 'publishedAt', 'organization'],
    group: zhEn('内容', 'Content'),
    listSearchableFields: ['title', 'disclosure.indexNumber', 'disclosure.documentNumber'],
    // Opens the draft in its site's theme through a signed link that expires (src/sites/preview).
    preview: (doc, { req }) => `/_preview/${createPreviewToken(req.payload.secret, doc.id as number, sitesConfig().previewTokenTtlSeconds)}`,
  },
  // Column lists (newest first per column) are the public sites' hottest query. createdAt is the
  // tie-breaker Payload appends to every sort: with it the list query reads the index alone.
  indexes: [{ fields: ['column', '_status', 'state', 'publishedAt', 'createdAt'] }, { fields: ['site', 'publishedAt'] }],
  defaultSort: '-publishedAt',
  versions: { drafts: { schedulePublish: true, validate: false }, maxPerDoc: 50 },
  access: { read: readArticles, create: createArticles, update: updateArticles, delete: deleteArticles, readVersions: onVersions(updateArticles) },
  hooks: { beforeOperation: [rememberDraftSave], beforeChange: [deriveAndGuardArticle], afterChange: [searchAfterChange], afterDelete: [searchAfterDelete] },
  // Cover, attachments and body images: guarded and published by collections/media/visibility.ts (withMediaReferences).
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300, label: zhEn('标题', 'Title') },
    { name: 'subtitle', type: 'text', maxLength: 300, label: zhEn('副标题', 'Subtitle') },
    { name: 'column', type: 'relationship', relationTo: 'columns', required: true, index: true, label: zhEn('所属栏目', 'Column') },
    {
      name: 'site',
      type: 'relationship',
      relationTo: 'sites',
      index: true,
      label: zhEn('所属网站', 'Site'),
      admin: { ...readOnly, description: zhEn('由栏目决定', 'Follows from the column') },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('所属单位', 'Organization'),
      admin: { ...readOnly, description: zhEn('由栏目决定', 'Follows from the column') },
    },
    {
      name: 'state',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      label: zhEn('审核状态', 'Workflow state'),
      options: [
        { value: 'draft', label: zhEn('草稿', 'Draft') },
        { value: 'in-review', label: zhEn('待审核', 'In review') },
        { value: 'published', label: zhEn('已发布', 'Published') },
        { value: 'withdrawn', label: zhEn('已撤回', 'Withdrawn') },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'workflowNote', type: 'text', virtual: true, label: zhEn('审核意见', 'Review note'), admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: zhEn('发布日期', 'Publish date'),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'source', type: 'text', label: zhEn('来源', 'Source') },
    { name: 'author', type: 'text', label: zhEn('作者', 'Author') },
    { name: 'summary', type: 'textarea', maxLength: 1000, label: zhEn('摘要', 'Summary') },
    { name: 'body', type: 'richText', label: zhEn('正文', 'Body') },
    { name: 'cover', type: 'upload', relationTo: 'media', label: zhEn('封面图', 'Cover image') },
    { name: 'attachments', type: 'upload', relationTo: 'media', hasMany: true, label: zhEn('附件', 'Attachments') },
    {
      name: 'disclosure',
      type: 'group',
      label: zhEn('信息公开目录', 'Disclosure catalogue'),
      fields: [
        {
          name: 'indexNumber',
          type: 'text',
          unique: true,
          index: true,
          label: zhEn('索引号', 'Index number'),
          admin: { readOnly: true, description: zhEn('自动生成，不可更改', 'Generated once, never changed') },
        },
        { name: 'publisher', type: 'text', label: zhEn('发布机构', 'Publisher') },
        { name: 'documentNumber', type: 'text', index: true, label: zhEn('文号', 'Document number') },
        { name: 'topic', type: 'text', index: true, label: zhEn('主题分类', 'Topic') },
        { name: 'writtenAt', type: 'date', label: zhEn('成文日期', 'Date written') },
        {
          name: 'validity',
          type: 'select',
          defaultValue: 'valid',
          label: zhEn('有效性', 'Validity'),
          options: [
            { value: 'valid', label: zhEn('有效', 'Valid') },
            { value: 'amended', label: zhEn('已修改', 'Amended') },
            { value: 'repealed', label: zhEn('已废止', 'Repealed') },
            { value: 'expired', label: zhEn('已失效', 'Expired') },
          ],
        },
      ],
    },
    {
      name: 'workflow',
      type: 'array',
      label: zhEn('流转记录', 'Workflow log'),
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'action', type: 'text' },
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text' },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'at', type: 'date' },
        { name: 'note', type: 'text' },
      ],
    },
  ],
}
