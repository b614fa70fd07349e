import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ADMIN_ROLE, BUILT_IN_ROLES, PERMISSIONS } from "@/lib/auth/permissions";
import { notHeld, RuleError, type Operator } from "@/lib/auth/operator";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { recordAudit } from "@/lib/audit/service";
import { keepingARoleManager } from "@/lib/users/admin";

type Tx = Prisma.TransactionClient;

/**
 * Makes sure every known permission and built-in role exists and that the built-in roles grant at
 * least their listed permissions. Idempotent: runs on every start.
 */
export async function ensureBuiltInRoles(db: PrismaClient): Promise<void> {
  for (const [name, description] of Object.entries(PERMISSIONS)) {
    await db.permission.upsert({ where: { name }, create: { name, description }, update: { description } });
  }
  for (const role of BUILT_IN_ROLES) {
    await db.role.upsert({
      where: { name: role.name },
      create: { name: role.name, description: role.description },
      update: {},
    });
    const saved = await db.role.findUniqueOrThrow({ where: { name: role.name }, select: { id: true } });
    for (const permission of role.permissions) {
      const p = await db.permission.findUniqueOrThrow({ where: { name: permission }, select: { id: true } });
      await db.rolePermission.upsert({
        where: { roleId_permissionId: { roleId: saved.id, permissionId: p.id } },
        create: { roleId: saved.id, permissionId: p.id },
        update: {},
      });
    }
  }
}

// ---- The organizers' operations on roles (console and CLI). Each change and its audit event are one
// transaction; the rules: `admin` cannot be deleted, built-in roles keep their names, nobody grants a
// permission they do not hold, and the last active user who can manage roles keeps that power.

/** Roles with how many users hold each and what each grants, by name. */
export async function listRoles(db: PrismaClient, where: Prisma.RoleWhereInput = {}) {
  const roles = await db.role.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      id: true,
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

function isBuiltIn(name: string): boolean {
  return BUILT_IN_ROLES.some((r) => r.name === name);
}

function unknownPermissions(names: readonly string[]): string[] {
  return names.filter((n) => !(n in PERMISSIONS));
}

function refuseUngrantable(op: Operator, permissions: readonly string[]) {
  const unknown = unknownPermissions(permissions);
  if (unknown.length) throw new RuleError(`Unknown permission: ${unknown.join(", ")}`, "invalid");
  const missing = notHeld(op, permissions);
  if (missing.length) throw new RuleError(`You cannot grant ${missing.join(", ")}: you do not hold it`);
}

async function roleById(db: Tx | PrismaClient, where: { id: string } | { name: string }) {
  const role = await db.role.findUnique({ where, select: { id: true, name: true, permissions: { select: { permission: { select: { name: true } } } } } });
  if (!role) throw new RuleError("id" in where ? "No such role" : `No role named "${where.name}"`, "not_found");
  return { id: role.id, name: role.name, permissions: role.permissions.map((p) => p.permission.name) };
}

export async function findRoleId(db: PrismaClient, name: string): Promise<string> {
  return (await roleById(db, { name })).id;
}

export async function createRole(
  db: PrismaClient,
  op: Operator,
  input: { name: string; description?: string; permissions?: readonly string[] },
): Promise<{ id: string; name: string }> {
  const permissions = [...new Set(input.permissions ?? [])];
  refuseUngrantable(op, permissions);
  try {
    return await db.$transaction(async (tx) => {
      const role = await tx.role.create({
        data: {
          name: input.name,
          description: input.description ?? "",
          permissions: { create: permissions.map((name) => ({ permission: { connect: { name } } })) },
        },
        select: { id: true, name: true },
      });
      await recordAudit(tx, { action: "role.created", actor: op.actor, subject: { id: role.id, label: role.name }, ip: op.ip, details: { permissions } });
      return role;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new RuleError(`A role named "${input.name}" already exists`, "invalid");
    throw error;
  }
}

/** Renames and/or describes a role. Built-in roles keep their names (start-up seeds them by name). */
export async function updateRole(db: PrismaClient, op: Operator, id: string, input: { name: string; description: string }): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const role = await roleById(tx, { id });
      if (role.name !== input.name && isBuiltIn(role.name)) throw new RuleError(`The built-in role "${role.name}" cannot be renamed`);
      await tx.role.update({ where: { id }, data: { name: input.name, description: input.description } });
      await recordAudit(tx, {
        action: "role.updated",
        actor: op.actor,
        subject: { id, label: input.name },
        ip: op.ip,
        details: role.name !== input.name ? { renamedFrom: role.name } : undefined,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new RuleError(`A role named "${input.name}" already exists`, "invalid");
    throw error;
  }
}

/** Makes a role grant exactly `wanted`: one audit event per permission granted or revoked. */
export async function setRolePermissions(db: PrismaClient, op: Operator, id: string, wanted: readonly string[]): Promise<{ granted: string[]; revoked: string[] }> {
  const target = [...new Set(wanted)];
  return keepingARoleManager(db, async (tx) => {
    const role = await roleById(tx, { id });
    const granted = target.filter((p) => !role.permissions.includes(p));
    const revoked = role.permissions.filter((p) => !target.includes(p));
    refuseUngrantable(op, granted);
    for (const name of granted) {
      const permission = await tx.permission.findUniqueOrThrow({ where: { name }, select: { id: true } });
      await tx.rolePermission.upsert({
        where: { roleId_permissionId: { roleId: id, permissionId: permission.id } },
        create: { roleId: id, permissionId: permission.id },
        update: {},
      });
      await recordAudit(tx, { action: "role.permission_granted", actor: op.actor, subject: { id, label: role.name }, ip: op.ip, details: { permission: name } });
    }
    for (const name of revoked) {
      await tx.rolePermission.deleteMany({ where: { roleId: id, permission: { name } } });
      await recordAudit(tx, { action: "role.permission_revoked", actor: op.actor, subject: { id, label: role.name }, ip: op.ip, details: { permission: name } });
    }
    return { granted, revoked };
  });
}

export async function addRolePermission(db: PrismaClient, op: Operator, roleName: string, permission: string) {
  const role = await roleById(db, { name: roleName });
  return setRolePermissions(db, op, role.id, [...role.permissions, permission]);
}

export async function removeRolePermission(db: PrismaClient, op: Operator, roleName: string, permission: string) {
  const role = await roleById(db, { name: roleName });
  if (unknownPermissions([permission]).length) throw new RuleError(`Unknown permission: ${permission}`, "invalid");
  return setRolePermissions(db, op, role.id, role.permissions.filter((p) => p !== permission));
}

export async function deleteRole(db: PrismaClient, op: Operator, id: string): Promise<void> {
  await keepingARoleManager(db, async (tx) => {
    const role = await roleById(tx, { id });
    if (role.name === ADMIN_ROLE) throw new RuleError(`The "${ADMIN_ROLE}" role cannot be deleted`);
    const holders = await tx.userRole.findMany({ where: { roleId: id }, select: { userId: true } });
    await tx.role.delete({ where: { id } });
    // Its holders' tokens carry the role: end those sessions, as any role change does.
    for (const { userId } of holders) await bumpSessionVersion(tx, userId);
    await recordAudit(tx, { action: "role.deleted", actor: op.actor, subject: { id, label: role.name }, ip: op.ip, details: { holders: holders.length } });
  });
}
