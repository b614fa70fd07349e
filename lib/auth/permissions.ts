// Permissions and the built-in roles, as data. Pure and edge-safe: the middleware, the server guards,
// the seed and the pages' rendering decisions all read this one module.

export const PERMISSIONS = {
  "admin.access": "Open the admin area",
  "users.read": "See users and their details",
  "users.manage": "Change, deactivate and delete users",
  "roles.manage": "Create, change and delete roles and what they grant",
  "audit.read": "Read the audit log",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ADMIN_ROLE = "admin";
export const DEFAULT_ROLE = "participant";

/** Roles that start-up makes sure exist, with the permissions they grant. */
export const BUILT_IN_ROLES: ReadonlyArray<{ name: string; description: string; permissions: readonly Permission[] }> = [
  { name: ADMIN_ROLE, description: "Festival administrators: every permission", permissions: ALL_PERMISSIONS },
  { name: DEFAULT_ROLE, description: "Festival participants (given on sign-up)", permissions: [] },
];

/** What the pages, middleware and guards need to know about whoever is asking. */
export interface Principal {
  roles: readonly string[];
  permissions: readonly string[];
}

/** For rendering decisions and the middleware's fast path; the server guards re-read from the database. */
export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  return Boolean(principal?.permissions.includes(permission));
}

export function hasRole(principal: Principal | null | undefined, role: string): boolean {
  return Boolean(principal?.roles.includes(role));
}
