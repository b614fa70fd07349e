import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation, type Db } from "@/lib/db/types";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { ADMIN_ROLE, DEFAULT_ROLE } from "@/lib/auth/permissions";
import { loadUserAccess, type UserAccess } from "./access";
import { recordAudit } from "@/lib/audit/service";
import { mailToSite } from "@/lib/mail/site-mail";
import { signUpAttemptMessage } from "@/lib/mail/messages";
import { clearSignInFailures, reserveSignIn } from "@/lib/auth/throttles";

/** Too many recent failures for this account or address: refused before any password is checked. */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-in attempts");
  }
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this e-mail already exists");
  }
}

/**
 * Creates a user with a hashed password and the given roles. The e-mail must already be normalised
 * (lib/validation/user.ts). The unique index, not a prior lookup, decides who wins a race, so ten
 * simultaneous sign-ups with one address make one row and nine EmailTakenErrors.
 */
export async function createUser(
  db: Db,
  input: { email: string; password: string; name?: string | null; roles?: readonly string[]; emailVerified?: Date | null },
): Promise<{ id: string; email: string }> {
  return insertUser(db, { ...input, passwordHash: await hashPassword(input.password) });
}

/** The insert of createUser, for a caller that hashed the password already (outside its transaction). */
async function insertUser(
  db: Db,
  input: { email: string; passwordHash: string; name?: string | null; roles?: readonly string[]; emailVerified?: Date | null },
): Promise<{ id: string; email: string }> {
  const roles = input.roles ?? [DEFAULT_ROLE];
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name ?? null,
        passwordHash: input.passwordHash,
        emailVerified: input.emailVerified ?? null,
        roles: { create: roles.map((name) => ({ role: { connect: { name } } })) },
      },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

/**
 * The role sign-up gives: `participant` (found by its key), only while it grants no permission, so
 * signing up never grants any. Sign-up never fails for it: without one, the account starts with no role.
 */
async function signUpRoles(db: Db): Promise<string[]> {
  const role = await db.role.findUnique({ where: { key: DEFAULT_ROLE }, select: { name: true, _count: { select: { permissions: true } } } });
  if (role && role._count.permissions === 0) return [role.name];
  console.warn(`[roles] sign-up gives no role: the "${DEFAULT_ROLE}" role ${role ? "grants permissions" : "is missing"}`);
  return [];
}

/**
 * Self-service sign-up: a participant account and its audit event, in one transaction (no account
 * without its event). The password is hashed before the transaction, so the write lock is held for the
 * inserts only, not for bcrypt's quarter second. (It was two statements while interactive transactions
 * timed out under parallel writers: two Prisma clients in one process deadlocked, and deferred
 * transactions failed their upgrade; see docs/decisions/one-database-client.md.)
 */
export async function registerUser(db: PrismaClient, input: { email: string; password: string; ip: string | null }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await insertUser(tx, { email: input.email, passwordHash, roles: await signUpRoles(tx) });
    await recordAudit(tx, { action: "user.signed_up", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip });
    return user;
  });
}

/**
 * Someone tried to sign up with an address that has an account (REQUIRE_EMAIL_CONFIRMATION on, where
 * sign-up answers alike): its owner hears about it by mail, and the attempt is audited.
 */
export async function tellOwnerOfSignUpAttempt(db: PrismaClient, email: string, ip: string | null): Promise<void> {
  const owner = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!owner) return;
  await recordAudit(db, { action: "user.sign_up_existing", actor: "anonymous", subject: { id: owner.id, label: owner.email }, ip });
  await mailToSite(owner.email, signUpAttemptMessage);
}

/**
 * Checks a password. Unknown e-mail, no password, wrong password and inactive account all answer null
 * after exactly one bcrypt compare, so neither the answer nor its timing tells them apart. Throws
 * SignInThrottledError, before any compare, while the account or the address is over its limit.
 * The attempt is reserved (counted) before the compare, so parallel guesses cannot outrun the count.
 */
export async function authenticate(
  db: PrismaClient,
  email: string,
  password: string,
  ip: string | null,
): Promise<UserAccess | null> {
  const userId = await checkCredentials(db, email, password, ip);
  return userId ? completeSignIn(db, userId, ip, "password") : null;
}

/**
 * The password step alone (authenticate's rules): the user's id, or null. A sign-in with a second
 * factor calls completeSignIn only after the code (auth.ts).
 */
export async function checkCredentials(db: PrismaClient, email: string, password: string, ip: string | null): Promise<string | null> {
  const throttle = await reserveSignIn(db, email, ip);
  if (throttle.limited) throw new SignInThrottledError(throttle.retryAfterSeconds);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  if (!user || !ok || !user.active) {
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "inactive";
    await recordAudit(db, { action: "user.sign_in_failed", actor: "anonymous", subject: { id: user?.id, label: email }, ip, details: { reason } });
    return null;
  }
  await clearSignInFailures(db, email, ip);
  return user.id;
}

/**
 * A user proved who they are (password with any second factor, passkey, sign-in link): the "trackable"
 * columns, the audit event naming the method, and who they are now. Every method's last step. Null when
 * the account is gone or inactive.
 */
export async function completeSignIn(db: PrismaClient, userId: string, ip: string | null, method: "password" | "passkey" | "email_link"): Promise<UserAccess | null> {
  const access = await loadUserAccess(db, userId);
  if (!access?.active) return null;
  await recordSignIn(db, userId, ip);
  await recordAudit(db, { action: "user.signed_in", actor: access, subject: { id: access.id, label: access.email }, ip, ...(method === "password" ? {} : { details: { method } }) });
  return access;
}

/** Flask-Security-Too's "trackable": the previous current sign-in becomes the last one. */
async function recordSignIn(db: PrismaClient, userId: string, ip: string | null): Promise<void> {
  const previous = await db.user.findUnique({
    where: { id: userId },
    select: { currentSignInAt: true, currentSignInIp: true },
  });
  await db.user.update({
    where: { id: userId },
    data: {
      lastSignInAt: previous?.currentSignInAt ?? null,
      lastSignInIp: previous?.currentSignInIp ?? null,
      currentSignInAt: new Date(),
      currentSignInIp: ip,
      signInCount: { increment: 1 },
    },
  });
}

/** Start-up's ADMIN_EMAIL/ADMIN_PASSWORD: create that user, or reset their password, and make them admin. */
export async function ensureAdmin(db: PrismaClient, email: string, password: string): Promise<"created" | "updated"> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!existing) {
    // The operator chose this address: it needs no confirmation mail.
    await createUser(db, { email, password, roles: [ADMIN_ROLE, DEFAULT_ROLE], emailVerified: new Date() });
    return "created";
  }
  const admin = await db.role.findUniqueOrThrow({ where: { key: ADMIN_ROLE }, select: { id: true } });
  await db.user.update({
    where: { id: existing.id },
    data: {
      passwordHash: await hashPassword(password),
      active: true,
      emailVerified: new Date(),
      roles: { connectOrCreate: { where: { userId_roleId: { userId: existing.id, roleId: admin.id } }, create: { roleId: admin.id } } },
    },
  });
  return "updated";
}
