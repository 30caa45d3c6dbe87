import type { CollectionConfig } from 'payload'
import { readImportRecords, writeImportRecords } from './access'
import { zhEn } from '../shared'

/**
 * Import record // 迁移记录: one old URL (page or file) of a site's previous website and what it
 * became. Keyed by site + source URL so a re-run updates instead of doubling, and a killed run
 * resumes: a page whose content hash is unchanged is skipped (src/import).
 */
export const ImportRecords: CollectionConfig = {
  slug: 'import-records',
  labels: { singular: zhEn('迁移记录', 'Import record'), plural: zhEn('迁移记录', 'Import records') },
  admin: { useAsTitle: 'sourceUrl', defaultColumns: ['sourceUrl', 'kind', 'status', 'article', 'updatedAt'], group: zhEn('站群', 'Site group') },
  access: { read: readImportRecords, create: writeImportRecords, update: writeImportRecords, delete: writeImportRecords },
  indexes: [{ fields: ['site', 'sourceUrl'], unique: true }],
  // Its `media` field records which file an old URL became; the article shows the file, this does not.
  custom: { showsMedia: false },
  fields: [
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true, label: zhEn('网站', 'Site') },
    { name: 'sourceUrl', type: 'text', required: true, index: true, label: zhEn('原地址', 'Source URL') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'page',
      label: zhEn('类型', 'Kind'),
      options: [
        { value: 'page', label: zhEn('页面', 'Page') },
        { value: 'asset', label: zhEn('附件或图片', 'File or image') },
      ],
    },
    { name: 'contentHash', type: 'text', label: zhEn('内容指纹', 'Content hash'), admin: { readOnly: true } },
    // Reserved before the article is written: a run killed in between finds the article by it.
    { name: 'indexNumber', type: 'text', label: zhEn('索引号', 'Index number') },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: zhEn('文章', 'Article') },
    { name: 'media', type: 'relationship', relationTo: 'media', label: zhEn('文件', 'File') },
    {
      name: 'status',
      type: 'select',
      required: true,
      label: zhEn('状态', 'Status'),
      options: [
        { value: 'pending', label: zhEn('进行中', 'Pending') },
        { value: 'imported', label: zhEn('已导入', 'Imported') },
        { value: 'updated', label: zhEn('已更新', 'Updated') },
        { value: 'failed', label: zhEn('失败', 'Failed') },
      ],
    },
    { name: 'reason', type: 'text', label: zhEn('原因', 'Reason') },
  ],
}
