import type { CollectionConfig } from 'payload'
import { createMedia, deleteMedia, readMedia, setMediaPublicFrom, updateMedia } from './access'
import { guardUpload, stampMediaOwner } from './hooks'
import { acceptedMimeTypes, mediaResponseHeaders, securityPolicy } from '../../src/security'
import { zhEn } from '../shared'

/**
 * Media // 素材: images and files. The upload rules (types by content, sizes, dimensions, SVG
 * sanitising, names) live in src/security and run in guardUpload before Payload stores anything;
 * sharp then writes responsive WebP derivatives without EXIF/GPS.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  graphQL: { singularName: 'Media', pluralName: 'MediaItems' },
  labels: { singular: zhEn('素材', 'Media'), plural: zhEn('素材库', 'Media') },
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'alt', 'organization', 'site'], group: zhEn('内容', 'Content') },
  access: { read: readMedia, create: createMedia, update: updateMedia, delete: deleteMedia },
  hooks: { beforeOperation: [guardUpload], beforeChange: [stampMediaOwner] },
  upload: {
    staticDir: process.env.MEDIA_DIR || 'data/media',
    mimeTypes: acceptedMimeTypes(),
    // SVG and other document-like types are served as sandboxed downloads; everything gets nosniff.
    modifyResponseHeaders: mediaResponseHeaders(securityPolicy()),
    imageSizes: [
      { name: 'thumbnail', width: 320, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'feature', width: 1280, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
    adminThumbnail: 'thumbnail',
    withMetadata: false,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: zhEn('替代文本', 'Alt text'),
      admin: { description: zhEn('图片必须填写，供读屏软件朗读', 'Required for images: read aloud by screen readers') },
    },
    { name: 'caption', type: 'text', label: zhEn('说明', 'Caption') },
    {
      name: 'site',
      type: 'relationship',
      relationTo: 'sites',
      index: true,
      label: zhEn('所属网站', 'Site'),
      admin: { description: zhEn('留空则本单位各网站共用', "Empty: for all the unit's sites") },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: zhEn('所属单位', 'Organization'),
      admin: { readOnly: true },
    },
    {
      name: 'publicFrom',
      type: 'date',
      index: true,
      label: zhEn('公开时间', 'Public from'),
      access: { create: setMediaPublicFrom, update: setMediaPublicFrom },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: zhEn(
          '空白：仅本单位可见。发布使用该文件的文章或设为网站标志时自动填写；清空则重新设为不公开',
          'Empty: only your unit sees the file. Filled in when an article using it is published or it becomes a site logo; clear it to make the file private again',
        ),
      },
    },
    {
      // Set when a site admin or reviewer fills in publicFrom by hand (stampMediaOwner): such a file
      // stays public when its last published reference goes; one made public by a reference does not.
      name: 'publishedByOwner',
      type: 'checkbox',
      defaultValue: false,
      label: zhEn('由本单位直接公开', 'Made public by its unit'),
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
