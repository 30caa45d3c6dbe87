/**
 * Who may do what. Roles, the column-ownership rule and the public-visibility filter live here
 * and nowhere else; collections and capabilities import them from this file.
 */
export {
  ROLES,
  asUser,
  centralAdminOnly,
  centralOrOwn,
  hasRole,
  isCentralAdmin,
  loggedIn,
  nobody,
  ownOrganizationWhere,
  relationId,
  sameId,
  userOrganizationId,
  type Role,
  type SessionUser,
} from './roles'
export { assertMayWriteInColumn, loadColumn, mayWriteInColumn, type ColumnOwnership } from './ownership'
export { isPubliclyVisible, publicArticleSql, publicArticleWhere, releasedArticleWhere, sqlTimestamp } from './published'
export { refuse } from './errors'
export { ROLE_GRANTS, UNIT_ROLES, mayGrantRole } from './grants'
export { onVersions } from './versions'
export { refuseMalformedRestIds, withRequestGuards } from './request-guards'
