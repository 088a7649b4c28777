export {
  AccountLocked,
  changePassword,
  createApiToken,
  createStaffUser,
  EmailTaken,
  enableTotp,
  endSession,
  InvalidCredentials,
  resetPassword,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  type SignInResult,
  StaffUserNotFound,
  signIn,
  TokenNotFound,
  TotpRequired,
  UnknownRole,
  WeakPassword,
} from './operations.js'
export {
  type BadgeColour,
  can,
  isPermission,
  isRole,
  type Permission,
  permissionCatalogue,
  permissions,
  permissionsOf,
  type Role,
  type RoleInfo,
  roleInfo,
  roles,
  type Subject,
} from './permissions.js'
export { findStaffUser, listApiTokens, listStaffUsers } from './queries.js'
export { totpCode } from './secrets.js'
export type { AccessPolicy, StaffPrincipal, StaffUser } from './types.js'
