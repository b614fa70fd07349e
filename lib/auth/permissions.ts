// Permissions and the built-in roles, as data. Pure and edge-safe: the middleware, the server guards,
// the seed and the pages' rendering decisions all read this one module.

export const PERMISSIONS = {
  "admin.access": "Open the admin area",
  "users.read": "See users and their details",
  "users.manage": "Change, deactivate and delete users",
  "roles.manage": "Create, change and delete roles and what they grant",
  "audit.read": "Read the audit log",
  "festival.read": "See the festival's seasons, classes, people and entries",
  "festival.manage": "Change seasons, the syllabus and entries, mark payments",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export const ADMIN_ROLE = "admin";
export const DEFAULT_ROLE = "participant";

/** Roles that start-up makes sure exist, with the permissions they grant. */
export const ORGANIZER_ROLE = "organizer";

/**
 * The festival's own roles, from the original app. They grant no admin permission, so users may pick
 * or drop them for themselves on /account (lib/roles/self-service.ts refuses any other role).
 */
export const SELF_SERVICE_ROLES = [DEFAULT_ROLE, "teacher", "guardian", "accompanist", "adjudicator", "group"] as const;

export function isSelfServiceRole(name: string): boolean {
  return (SELF_SERVICE_ROLES as readonly string[]).includes(name);
}

const FESTIVAL_ROLE_DESCRIPTIONS: Record<(typeof SELF_SERVICE_ROLES)[number], string> = {
  participant: "Festival participants (given on sign-up)",
  teacher: "Teachers who enter their students",
  guardian: "Parents and guardians of young participants",
  accompanist: "Accompanists playing for participants",
  adjudicator: "Adjudicators who judge the classes",
  group: "Ensembles, choirs and bands entering as a group",
};

/** Roles that start-up makes sure exist, with (at least) the permissions they grant. */
export const BUILT_IN_ROLES: ReadonlyArray<{ name: string; description: string; permissions: readonly Permission[] }> = [
  { name: ADMIN_ROLE, description: "Festival administrators: every permission", permissions: ALL_PERMISSIONS },
  {
    name: ORGANIZER_ROLE,
    description: "Festival staff who may look but not change",
    permissions: ["admin.access", "users.read", "audit.read", "festival.read"],
  },
  ...SELF_SERVICE_ROLES.map((name) => ({ name, description: FESTIVAL_ROLE_DESCRIPTIONS[name], permissions: [] })),
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
