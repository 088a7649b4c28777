import * as access from '../modules/access/index.js'

/** The signed-in user as the console sees them. */
export function staffUserView(principal: access.StaffPrincipal) {
  const role = access.roleInfo(principal.role)
  return {
    id: principal.userId,
    email: principal.email,
    displayName: principal.displayName,
    role: principal.role,
    roleLabel: role.label,
    badgeColour: role.badgeColour,
    permissions: access.permissionsOfSubject(principal),
    mustChangePassword: principal.mustChangePassword,
  }
}
