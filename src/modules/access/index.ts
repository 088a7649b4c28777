export {
  type AccountUser,
  accountUsers,
  changeAuthorizedLevel,
  expireLapsedGrants,
  type Grant,
  grantAccountAccess,
  grantOn,
  grantsOfUser,
  revokeAuthorizedUser,
  usersOfAccount,
} from './external-grants.js'
export {
  acceptInvitation,
  createInvitation,
} from './external-invitations.js'
export {
  type PoaReview,
  pendingPoaDocuments,
  reviewPoaDocument,
} from './external-poa.js'
export {
  allowsOf,
  canOnAccount,
  externalCan,
  type GrantFacts,
  type GrantKind,
  type GrantStatus,
  grantInForce,
  grantKinds,
  grantKindsOfCaller,
  type PortalAction,
  portalActions,
  type ThirdPartyScope,
  thirdPartyScopes,
  type VerifiedCaller,
} from './external-policy.js'
export {
  type AnswerCheck,
  checkSensitiveAnswers,
  exportSensitiveDetails,
  readSensitiveDetails,
  type SensitiveDetails,
  type SensitiveQuestion,
  sensitiveQuestions,
  storeSensitiveDetails,
} from './external-sensitive.js'
export {
  endExternalSession,
  type PortalSessionPolicy,
  resolveExternalSession,
  signInExternal,
} from './external-sessions.js'
export {
  AccountUserNotFound,
  type CustomerPrincipal,
  createExternalUser,
  type ExternalUser,
  ExternalUserNotFound,
  findExternalUser,
  GrantExists,
  InvalidGrant,
  InvalidPortalCredentials,
  InvitationNotValid,
  NotReviewable,
  PoaAlreadyReviewed,
  PoaDocumentNotFound,
  PoaRejectionReasonRequired,
  PortalEmailTaken,
  WeakPortalPassword,
} from './external-users.js'
export {
  type CallerCheck,
  checkCallerOnFile,
  recordVerification,
  reviewFlagsOf,
} from './external-verification.js'
export {
  AccountLocked,
  changePassword,
  confirmTotp,
  createStaffUser,
  EmailTaken,
  endSession,
  InvalidCredentials,
  InvalidStaffDetails,
  InvalidTotpCode,
  resetPassword,
  resetTotp,
  resolveSession,
  type SignInResult,
  StaffUserNotFound,
  signIn,
  startTotpEnrolment,
  TotpAlreadyEnabled,
  TotpNotPending,
  TotpRequired,
  UnknownRole,
  WeakPassword,
} from './operations.js'
export { isCommonPassword, minPasswordLength, passwordProblems } from './password-policy.js'
export { isPermission, type Permission, permissionCatalogue, permissions } from './permission-catalogue.js'
export {
  type BadgeColour,
  isRole,
  permissionsOf,
  type Role,
  type RoleInfo,
  roleInfo,
  roles,
  type Subject,
} from './permissions.js'
// `can` is the door's policy check: the role's grant, narrowed by a token's scope (powers.ts).
export {
  can,
  isMoneyRole,
  moneyPermissions,
  moneyRoles,
  permissionsOfSubject,
  type ScopedSubject,
  sessionOnlyPermissions,
} from './powers.js'
export { findStaffUser, listStaffUsers, staffNamesOf } from './queries.js'
export {
  clearReviewFlag,
  InvalidReviewFlagCursor,
  listReviewFlags,
  type ReviewFlag,
  ReviewFlagAlreadyCleared,
  type ReviewFlagClearing,
  ReviewFlagNotFound,
  type ReviewFlagStatus,
  reviewFlagStatuses,
} from './review-flags.js'
export { totpCode } from './secrets.js'
export {
  acceptStaffInvitation,
  CannotApproveOwnRoleRequest,
  CannotChangeOwnRole,
  changeStaffRole,
  decideRoleRequest,
  inviteStaffUser,
  pendingRoleRequests,
  RoleRequestDecided,
  RoleRequestNotFound,
  RoleRequestPending,
  StaffInvitationNotValid,
  staffInvitationHours,
} from './staff-onboarding.js'
export {
  actorOfPrincipal,
  createApiToken,
  InvalidTokenRequest,
  listApiTokens,
  maxTokenLifetimeDays,
  PermissionNotHeld,
  personBehind,
  requireSession,
  resolveApiToken,
  revokeApiToken,
  SessionRequired,
  samePerson,
  TokenForAnotherUser,
  TokenNotFound,
} from './tokens.js'
export type { AccessPolicy, ApiToken, RoleRequest, StaffPrincipal, StaffUser } from './types.js'
