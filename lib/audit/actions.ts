// Every kind of audit event, named `subject.verb`, with the label the audit log shows.
export const AUDIT_ACTIONS = {
  "user.signed_up": "Signed up",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "user.signed_out": "Signed out",
  "user.signed_out_everywhere": "Signed out everywhere",
  "user.password_changed": "Password changed",
  "user.password_reset": "Password reset",
  "user.password_reset_requested": "Password reset requested",
  "user.email_change_requested": "E-mail change requested",
  "user.email_changed": "E-mail changed",
  "user.email_confirmed": "E-mail confirmed",
  "user.profile_updated": "Profile updated",
  "user.created": "User created",
  "user.activated": "User activated",
  "user.deactivated": "User deactivated",
  "user.deleted": "User deleted",
  "role.granted": "Role granted",
  "role.revoked": "Role revoked",
  "role.created": "Role created",
  "role.updated": "Role updated",
  "role.deleted": "Role deleted",
  "role.permission_granted": "Permission granted to role",
  "role.permission_revoked": "Permission revoked from role",
  "entry.payment_marked": "Entry payment marked",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
