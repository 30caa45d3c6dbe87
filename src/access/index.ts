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
export { isPubliclyVisible, publicArticleWhere } from './published'
export { refuse } from './errors'
export { onVersions } from './versions'
