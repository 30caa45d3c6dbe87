import type { CheckDefinition } from './define'
import { adoptionCount } from './adoption-count'
import { blankColumns } from './blank-columns'
import { brokenLinks } from './broken-links'
import { columnFreshness } from './column-freshness'
import { errorReports } from './error-reports'
import { homepageFreshness } from './homepage-freshness'
import { imageAlt } from './image-alt'
import { letterReplyFreshness, letterReplyPerformance } from './letter-replies'
import { lettersOverdue } from './letters-overdue'
import { onlineServices } from './online-services'
import { publicRating } from './public-rating'
import { publishDateAnomalies } from './publish-date-anomalies'
import { serviceGuides } from './service-guides'
import { interactionChannel, serviceStatisticsFreshness } from './simple-presence'
import { siteAvailability } from './site-availability'
import { siteIdentity } from './site-identity'
import { termList } from './term-list'
import { undatedItems } from './undated-items'

const all: CheckDefinition<any>[] = [
  homepageFreshness,
  columnFreshness,
  blankColumns,
  undatedItems,
  termList,
  publishDateAnomalies,
  imageAlt,
  brokenLinks,
  siteAvailability,
  serviceGuides,
  onlineServices,
  lettersOverdue,
  letterReplyPerformance,
  letterReplyFreshness,
  errorReports,
  siteIdentity,
  interactionChannel,
  serviceStatisticsFreshness,
  publicRating,
  adoptionCount,
]

/** The automated checks an indicator's measure may name, by id. */
export const CHECKS: ReadonlyMap<string, CheckDefinition<any>> = new Map(all.map((check) => [check.id, check]))

export { COLUMN_CATEGORIES } from './categories'
export { isNotApplicable, type CheckContext, type CheckDefinition, type CheckOutput, type ScanContext } from './define'
export { ELEMENT_NAMES } from './service-guides'
