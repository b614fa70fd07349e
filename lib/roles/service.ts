import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation, type Db } from "@/lib/db/types";
import { ADMIN_ROLE, BUILT_IN_ROLES, isReservedRoleName, isSelfServiceKey, PERMISSIONS } from "@/lib/auth/permissions";
import { notHeld, RuleError, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/service";
import { keepingARoleManager } from "@/lib/users/admin";

type Tx = Prisma.TransactionClient;

/**
 * Makes sure every known permission exists, and every built-in role (found by its key, never by its
 * name). Start-up grants permissions only to roles it creates: a missing built-in role is created with
 * its listed permissions; an existing one keeps what the organizers made of it, except `admin`, which
 * is defined as every permission and so gains the ones a new release adds. A role that merely carries
 * a built-in's name (a legacy database) is left alone and reported. Idempotent: runs on every start.
 * See docs/decisions/roles-and-permissions.md.
 */
export async function ensureBuiltInRoles(db: PrismaClient, warn: (message: string) => void = console.warn): Promise<void> {
  for (const [name, description] of Object.entries(PERMISSIONS)) {
    await db.permission.upsert({ where: { name }, create: { name, description }, update: { description } });
  }
  for (const role of BUILT_IN_ROLES) {
    const existing = await db.role.findUnique({ where: { key: role.key }, select: { id: true } });
    if (existing) {
      if (role.key === ADMIN_ROLE) await grantMissing(db, existing.id, role.permissions);
      continue;
    }
    if (await db.role.findUnique({ where: { name: role.name }, select: { id: true } })) {
      warn(`[roles] the built-in role "${role.key}" is missing and another role is named "${role.name}": it gets no permission from start-up; rename it and restart`);
      continue;
    }
    try {
      await db.role.create({
        data: {
          key: role.key,
          name: role.name,
          description: role.description,
          permissions: { create: role.permissions.map((name) => ({ permission: { connect: { name } } })) },
        },
      });
    } catch (error) {
      // Another process starting at the same moment created it first: that is the same role.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

async function grantMissing(db: PrismaClient, roleId: string, permissions: readonly string[]) {
  const held = await db.rolePermission.findMany({ where: { roleId }, select: { permission: { select: { name: true } } } });
  const missing = permissions.filter((p) => !held.some((h) => h.permission.name === p));
  for (const name of missing) {
    await db.rolePermission.create({ data: { role: { connect: { id: roleId } }, permission: { connect: { name } } } }).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
  }
}


// ---- The organizers' operations on roles (console and CLI). Each change and its audit event are one
// transaction; the rules: built-in roles (by key) can be neither deleted nor renamed and no role takes their names,
// festival roles grant nothing, nobody grants a
// permission they do not hold, and the last active user who can manage roles keeps that power.

/** Roles with how many users hold each and what each grants, by name. */
export async function listRoles(db: PrismaClient, where: Prisma.RoleWhereInput = {}) {
  const roles = await db.role.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      _count: { select: { users: true } },
      permissions: { select: { permission: { select: { name: true } } } },
    },
  });
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    /** Built-in roles can be neither renamed nor deleted. */
    builtIn: r.key !== null,
    /** Users choose it themselves on /account, so it grants no permission. */
    selfChosen: isSelfServiceKey(r.key),
    userCount: r._count.users,
    permissions: r.permissions.map((p) => p.permission.name).sort(),
  }));
}

/**
 * Just the roles' ids and names, by name: what a role filter or picker needs. listRoles also counts every
 * role's users and reads its permissions (a nested Prisma select, compiled on every call), which the
 * user list paid on each request for a drop-down of names.
 */
export function listRoleNames(db: PrismaClient): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM Role ORDER BY name`;
}

export async function getRole(db: PrismaClient, id: string) {
  return (await listRoles(db, { id }))[0] ?? null;
}

function unknownPermissions(names: readonly string[]): string[] {
  return names.filter((n) => !(n in PERMISSIONS));
}

function refuseUngrantable(actor: Actor, permissions: readonly string[]) {
  const unknown = unknownPermissions(permissions);
  if (unknown.length) throw new RuleError(`Unknown permission: ${unknown.join(", ")}`, "invalid", "permission");
  const missing = notHeld(actor, permissions);
  if (missing.length) throw new RuleError(`You cannot grant ${missing.join(", ")}: you do not hold it`, "rule", "permission");
}

function refuseReservedName(name: string) {
  if (isReservedRoleName(name)) throw new RuleError(`"${name}" is the name of a built-in role`, "invalid", "name");
}

type StoredRole = { id: string; key: string | null; name: string; description: string; permissions: string[] };

async function roleById(db: Db, where: { id: string } | { name: string }): Promise<StoredRole> {
  const role = await db.role.findUnique({
    where,
    select: { id: true, key: true, name: true, description: true, permissions: { select: { permission: { select: { name: true } } } } },
  });
  if (!role) throw new RuleError("id" in where ? "No such role" : `No role named "${where.name}"`, "not_found");
  return { ...role, permissions: role.permissions.map((p) => p.permission.name) };
}

export async function findRoleId(db: PrismaClient, name: string): Promise<string> {
  return (await roleById(db, { name })).id;
}

/** A role name taken by another role: the unique index decides, also under concurrent saves. */
async function uniqueName<T>(name: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError(`A role named "${name}" already exists`, "invalid", "name");
    throw error;
  }
}

export async function createRole(
  db: PrismaClient,
  actor: Actor,
  input: { name: string; description?: string; permissions?: readonly string[] },
): Promise<{ id: string; name: string }> {
  const permissions = [...new Set(input.permissions ?? [])];
  refuseUngrantable(actor, permissions);
  refuseReservedName(input.name);
  return uniqueName(input.name, () =>
    db.$transaction(async (tx) => {
      const role = await tx.role.create({
        data: {
          name: input.name,
          description: input.description ?? "",
          permissions: { create: permissions.map((name) => ({ permission: { connect: { name } } })) },
        },
        select: { id: true, name: true },
      });
      await recordAudit(tx, { action: "role.created", actor: actor.audit, subject: { id: role.id, label: role.name }, ip: actor.ip, details: { permissions } });
      return role;
    }),
  );
}

/** Inside a transaction: renames and/or describes. Built-in roles keep their names; no role takes one. */
async function applyNameAndDescription(tx: Tx, actor: Actor, role: StoredRole, input: { name: string; description: string }) {
  const renamed = role.name !== input.name;
  if (renamed && role.key) throw new RuleError(`The built-in role "${role.name}" cannot be renamed`, "rule", "name");
  if (renamed) refuseReservedName(input.name);
  if (!renamed && role.description === input.description) return;
  await tx.role.update({ where: { id: role.id }, data: { name: input.name, description: input.description } });
  await recordAudit(tx, {
    action: "role.updated",
    actor: actor.audit,
    subject: { id: role.id, label: input.name },
    ip: actor.ip,
    details: renamed ? { renamedFrom: role.name } : undefined,
  });
}

/**
 * Inside a transaction: makes a role grant exactly `wanted`, one audit event per permission granted or
 * revoked. A self-chosen role (festival roles, by key) grants nothing: users pick it themselves.
 */
async function applyPermissions(tx: Tx, actor: Actor, role: StoredRole, wanted: readonly string[]) {
  const target = [...new Set(wanted)];
  const granted = target.filter((p) => !role.permissions.includes(p));
  const revoked = role.permissions.filter((p) => !target.includes(p));
  refuseUngrantable(actor, granted);
  if (isSelfServiceKey(role.key) && target.length) {
    throw new RuleError(`Users choose the role "${role.name}" for themselves, so it cannot grant any permission`, "rule", "permission");
  }
  for (const name of granted) {
    await tx.rolePermission.create({ data: { role: { connect: { id: role.id } }, permission: { connect: { name } } } });
    await recordAudit(tx, { action: "role.permission_granted", actor: actor.audit, subject: { id: role.id, label: role.name }, ip: actor.ip, details: { permission: name } });
  }
  for (const name of revoked) {
    await tx.rolePermission.deleteMany({ where: { roleId: role.id, permission: { name } } });
    await recordAudit(tx, { action: "role.permission_revoked", actor: actor.audit, subject: { id: role.id, label: role.name }, ip: actor.ip, details: { permission: name } });
  }
  return { granted, revoked };
}

/**
 * The console's role form: name, description and permissions in one transaction, so a refusal of any
 * part (a permission one lacks, a festival role, the last role manager) changes nothing at all.
 */
export async function saveRole(
  db: PrismaClient,
  actor: Actor,
  id: string,
  input: { name: string; description: string; permissions: readonly string[] },
): Promise<{ granted: string[]; revoked: string[] }> {
  return uniqueName(input.name, () =>
    keepingARoleManager(db, async (tx) => {
      const role = await roleById(tx, { id });
      await applyNameAndDescription(tx, actor, role, input);
      return applyPermissions(tx, actor, { ...role, name: input.name }, input.permissions);
    }),
  );
}

/** Renames and/or describes a role (its permissions unchanged). */
export async function updateRole(db: PrismaClient, actor: Actor, id: string, input: { name: string; description: string }): Promise<void> {
  await uniqueName(input.name, () => db.$transaction(async (tx) => applyNameAndDescription(tx, actor, await roleById(tx, { id }), input)));
}

/** Makes a role grant exactly `wanted`. Never leaves nobody able to manage roles. */
export async function setRolePermissions(db: PrismaClient, actor: Actor, id: string, wanted: readonly string[]): Promise<{ granted: string[]; revoked: string[] }> {
  return keepingARoleManager(db, async (tx) => applyPermissions(tx, actor, await roleById(tx, { id }), wanted));
}

export async function addRolePermission(db: PrismaClient, actor: Actor, roleName: string, permission: string) {
  const role = await roleById(db, { name: roleName });
  return setRolePermissions(db, actor, role.id, [...role.permissions, permission]);
}

export async function removeRolePermission(db: PrismaClient, actor: Actor, roleName: string, permission: string) {
  const role = await roleById(db, { name: roleName });
  if (unknownPermissions([permission]).length) throw new RuleError(`Unknown permission: ${permission}`, "invalid");
  return setRolePermissions(db, actor, role.id, role.permissions.filter((p) => p !== permission));
}

/**
 * Built-in roles cannot be deleted: sign-up gives `participant`, users choose the festival roles, and
 * `admin` and `organizer` are what start-up would otherwise recreate.
 */
export async function deleteRole(db: PrismaClient, actor: Actor, id: string): Promise<void> {
  await keepingARoleManager(db, async (tx) => {
    const role = await roleById(tx, { id });
    if (role.key) throw new RuleError(`The built-in role "${role.name}" cannot be deleted`);
    const holders = await tx.userRole.findMany({ where: { roleId: id }, select: { userId: true } });
    // Its holders lose what it granted at their next request (sessions carry no roles).
    await tx.role.delete({ where: { id } });
    await recordAudit(tx, { action: "role.deleted", actor: actor.audit, subject: { id, label: role.name }, ip: actor.ip, details: { holders: holders.length } });
  });
}
