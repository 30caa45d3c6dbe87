import { readFile } from 'node:fs/promises'
import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { isCentralAdmin, refuse, relationId, sameId, userOrganizationId } from '../../src/access'
import { setMediaPublicFrom } from './access'
import { checkUpload, securityPolicy, uploadMessage, UploadRefused } from '../../src/security'

/** Read once at start-up: UPLOAD_*_MAX_MB from the environment over src/security/policy.json. */
const uploadPolicy = securityPolicy()

/** Uploads belong to the uploader's organization; only the central office shares files group-wide. */
export const stampMediaOwner: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  // Publishing a document made its files public (visibility.ts): only `publicFrom` changes, owner and site stay.
  if (context.mediaVisibility) return data
  // Derived, never taken from the client: a hand-set publicFrom is the owner's own publication
  // (the field access decides who may set it), a cleared one withdraws it.
  delete data.publishedByOwner
  if (data.publicFrom !== undefined && (!req.user || setMediaPublicFrom({ req }))) data.publishedByOwner = Boolean(data.publicFrom)
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
 * Every uploaded file passes src/security's upload rules before Payload sees it: type decided by
 * content with a matching extension, per-type size limit, image dimensions checked before
 * decoding, raster images re-encoded (orientation applied, EXIF/GPS and anything appended after
 * the picture dropped), SVG sanitised, the file name normalised. A refusal is a 400 in the
 * admin's language and nothing is stored.
 */
export const guardUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  // With Payload's useTempFiles the bytes are on disk, not in memory (uploads are at most 50 MB).
  const data = file.data?.length ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : file.data
  try {
    const checked = await checkUpload({ data, name: file.name, mimetype: file.mimetype }, uploadPolicy)
    req.file = { ...file, data: checked.data, tempFilePath: undefined, name: checked.name, mimetype: checked.mimetype, size: checked.data.length }
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error
    throw new APIError(uploadMessage(req.i18n?.language, error.key, error.vars), 400, { key: error.key, ...error.vars }, true)
  }
  return args
}
