// Permissions and the built-in roles, as data. Pure: the server guards, the seed and the pages'
// rendering decisions all read this one module.

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

// Built-in roles are identified by their key (Role.key), never by their display name: a role someone
// renamed to "organizer" is not the organizer role. Their names equal their keys, cannot be changed,
// and no other role may take them (lib/roles/service.ts).
export const ADMIN_ROLE = "admin";
export const DEFAULT_ROLE = "participant";
export const ORGANIZER_ROLE = "organizer";

/**
 * The festival's own roles, from the original app. Users pick or drop them for themselves on /account,
 * and sign-up gives the first one, so they grant no permission, ever: the services refuse ticking one
 * on them, choosing one that somehow grants any, and sign-up never gives one that does.
 */
export const SELF_SERVICE_ROLES = [DEFAULT_ROLE, "teacher", "guardian", "accompanist", "adjudicator", "group"] as const;

/** Whether a role's key (Role.key; null for roles the organizers made) marks a self-chosen role. */
export function isSelfServiceKey(key: string | null | undefined): boolean {
  return key != null && (SELF_SERVICE_ROLES as readonly string[]).includes(key);
}

const FESTIVAL_ROLE_DESCRIPTIONS: Record<(typeof SELF_SERVICE_ROLES)[number], string> = {
  participant: "Festival participants (given on sign-up)",
  teacher: "Teachers who enter their students",
  guardian: "Parents and guardians of young participants",
  accompanist: "Accompanists playing for participants",
  adjudicator: "Adjudicators who judge the classes",
  group: "Ensembles, choirs and bands entering as a group",
};

export interface BuiltInRole {
  /** Role.key, and the role's name (built-in roles keep their names). */
  key: string;
  name: string;
  description: string;
  /** What start-up gives the role when it creates it (see ensureBuiltInRoles). */
  permissions: readonly Permission[];
}

/** Roles that start-up creates when missing, with the permissions they start with. */
export const BUILT_IN_ROLES: ReadonlyArray<BuiltInRole> = [
  { key: ADMIN_ROLE, name: ADMIN_ROLE, description: "Festival administrators: every permission", permissions: ALL_PERMISSIONS },
  {
    key: ORGANIZER_ROLE,
    name: ORGANIZER_ROLE,
    description: "Festival staff who may look but not change",
    permissions: ["admin.access", "users.read", "audit.read", "festival.read"],
  },
  ...SELF_SERVICE_ROLES.map((name) => ({ key: name, name, description: FESTIVAL_ROLE_DESCRIPTIONS[name], permissions: [] })),
];

/** Names no organizer-made role may take: a built-in role's, even while that role is missing. */
export function isReservedRoleName(name: string): boolean {
  return BUILT_IN_ROLES.some((r) => r.name === name);
}

/**
 * Whether the signed-in user (lib/auth/sessions.ts's CurrentUser, read from the database on every
 * request) holds a permission. The guards decide with it; pages use it for what to render.
 */
export function can(user: { permissions: readonly string[] } | null | undefined, permission: Permission): boolean {
  return Boolean(user?.permissions.includes(permission));
}
