/**
 * Letter replies // 来信选登 for the search: only letters the writer agreed to publish, a reviewer
 * approved and a unit answered; only the masked copies (publicSubject/publicContent/publicReply)
 * are read, so names, phone and ID numbers in the letter never reach the index. Handed to the
 * search indexer by src/search-sources.ts.
 */
import { chinaYear, joinSearchText, type SearchSource } from '../search'
import { localUrl, sitePaths } from '../sites'
import { isPubliclyVisibleLetter, publicLetterWhere, relationIdOf } from './letter-service'

export const letterSearchSource: SearchSource = {
  collection: 'letters',
  publicWhere: async () => publicLetterWhere(),
  siteWhere: (site) => ({ site: { equals: site.id } }),
  async toDocument(doc, lookups) {
    if (!isPubliclyVisibleLetter(doc)) return null
    const siteId = relationIdOf(doc.site)
    const site = siteId === null ? null : await lookups.site(siteId)
    if (!site || site.active === false) return null
    const organizationId = relationIdOf(doc.assignedOrganization) ?? site.organization
    const organization = organizationId === null ? null : await lookups.organization(organizationId)
    const subject = typeof doc.publicSubject === 'string' ? doc.publicSubject : ''
    if (!organization || !subject.trim()) return null
    const at = String(doc.repliedAt ?? doc.receivedAt ?? '')
    if (Number.isNaN(Date.parse(at))) return null
    const publishedAt = new Date(at).toISOString()
    return {
      id: `letters:${doc.id}`,
      type: 'letter',
      site: site.code,
      siteName: site.name,
      organization: organization.code,
      organizationName: organization.name,
      column: '来信选登',
      title: subject,
      body: joinSearchText([doc.publicContent, typeof doc.publicReply === 'string' && doc.publicReply ? `答复：${doc.publicReply}` : null]),
      url: localUrl(site.code, sitePaths.letter(String(doc.id))),
      publishedAt,
      year: chinaYear(publishedAt),
    }
  },
}
