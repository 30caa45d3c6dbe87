import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { isCentralAdmin, refuse, relationId, sameId, userOrganizationId } from '../../src/access'

/** Uploads belong to the uploader's organization; only the central office shares files group-wide. */
export const stampMediaOwner: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const mimeType = String(data.mimeType ?? originalDoc?.mimeType ?? '')
  // Accessibility (GB/T 37668): every published image needs a text alternative.
  if (mimeType.startsWith('image/') && !String(data.alt ?? originalDoc?.alt ?? '').trim()) refuse(req, 'altRequired')
  if (!req.user) return data
  if (operation === 'create' || data.organization === undefined) data.organization = originalDoc?.organization ?? userOrganizationId(req.user)
  if (!isCentralAdmin(req.user)) {
    if (!sameId(data.organization, userOrganizationId(req.user))) refuse(req, 'mediaOtherOrganization', {}, 403)
    const site = relationId(data.site)
    if (site === null) data.site = null
    else {
      const doc = await req.payload.findByID({ collection: 'sites', id: site, depth: 0, req, overrideAccess: true }).catch(() => null)
      if (!doc || !sameId(doc.organization, data.organization)) refuse(req, 'mediaOtherSite', {}, 403)
    }
  }
  return data
}

/**
 * sharp drops metadata from the derivatives, but Payload stores the original as uploaded: re-encode
 * it so EXIF, GPS and camera data never reach a public URL (orientation is applied first).
 */
export const stripImageMetadata: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data || !/^image\/(jpeg|png|webp)$/.test(file.mimetype)) return args
  const sharp = req.payload.config.sharp
  if (!sharp) return args
  const image = sharp(file.data, { failOn: 'error', limitInputPixels: 40_000_000 }).rotate()
  const data = await image.toBuffer()
  req.file = { ...file, data, size: data.length }
  return args
}
