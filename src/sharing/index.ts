/**
 * Sharing // 信息报送与统一推送: one article shown in columns of other sites by reference, never
 * copied. Submission (信息报送): a unit submits a published article to another site's column and
 * that column's unit accepts or rejects it. Push (统一推送): the central office places an article
 * in a column category on many sites at once. Records live in the `placements` collection.
 * Other code imports only from this file.
 */
export { PLACEMENTS, PLACEMENT_KINDS, PLACEMENT_STATES, type PlacementKind, type PlacementState } from './rules'
export { submitArticle, type SubmitInput } from './submit'
export { pushArticle, recallPush, type PushInput, type PushResult, type PushTarget } from './push'
export { acceptedReferenceIds, columnListWhere, placementTargets, submissionCounts, type PlacementTarget, type SubmissionCount } from './read'
export { articleSharingEndpoints, placementEndpoints, withArticleSharing } from './endpoints'
// The rules, for the placements collection's hooks (collections/placements/hooks.ts).
export {
  ARTICLE_DELETED,
  assertDecision,
  assertForeignTarget,
  assertNotPlaced,
  assertOwnArticle,
  assertPublished,
  loadSourceArticle,
  loadTargetColumn,
  mayDecide,
  type SourceArticle,
} from './rules'
export { PUSH_CONTEXT, type PreparedPush } from './push'
export { sharingConfig } from './settings'
export { sharingPlugin } from './plugin'
