import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { recordAudit } from "@/lib/audit/service";
import { mailToSite as mail } from "@/lib/mail/site-mail";
import { recoveryCodeUsedMessage, secondFactorChangedMessage } from "@/lib/mail/messages";
import { clearSecondFactorFailures, reserveSecondFactorCheck } from "./throttles";
import { newTotpSecret, totpStep } from "./totp";
import { needsResealing, openTotpSecret, SealedSecretUnreadableError, sealTotpSecret } from "./totp-secret-box";
import { RECOVERY_CODE_COUNT, type TypedCode } from "./second-factor-rules";
import { newRecoveryCode, recoveryCodeHash } from "./recovery-codes";
import type { SelfActor } from "@/lib/auth/actor";

// The second factor's rules: enrolment of an authenticator app, recovery codes, and checking a code at
// sign-in. Every change is audited and mailed to the owner. See docs/decisions/second-factor.md.


/**
 * Whether the user has a second factor, so that a password alone does not sign them in. One place to
 * extend with further methods (a passkey counts too, once there are passkeys).
 */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const row = await db.twoFactor.findFirst({ where: { userId, confirmedAt: { not: null } }, select: { userId: true } });
  return row !== null;
}

export class SecondFactorThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many second-factor attempts");
  }
}

export interface TwoFactorState {
  /** Enrolment started and not confirmed: the secret to show (QR code and text). */
  pendingSecret: string | null;
  enabled: boolean;
  remainingRecoveryCodes: number;
}

export async function twoFactorState(db: Db, userId: string): Promise<TwoFactorState> {
  const [row, remaining] = await Promise.all([
    db.twoFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return {
    pendingSecret: row && !row.confirmedAt ? openTotpSecret(row.secret) : null,
    enabled: Boolean(row?.confirmedAt),
    remainingRecoveryCodes: remaining,
  };
}

/** Starts (or restarts) enrolment with a new secret; an enabled authenticator must be turned off first. */
export async function startEnrolment(db: Db, userId: string): Promise<"started" | "already_enabled"> {
  const secret = sealTotpSecret(newTotpSecret());
  const { count } = await db.twoFactor.updateMany({ where: { userId, confirmedAt: null }, data: { secret, createdAt: new Date() } });
  if (count > 0) return "started";
  if (await hasSecondFactor(db, userId)) return "already_enabled";
  await db.twoFactor.create({ data: { userId, secret } });
  return "started";
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })) });
  return codes;
}

/**
 * Confirms enrolment with a code from the app (proof that it holds the secret). Returns the ten recovery
 * codes, the only time they exist in clear; null for a wrong code or no enrolment under way.
 */
export async function confirmEnrolment(db: PrismaClient, user: SelfActor, code: string, ip: string | null): Promise<string[] | null> {
  const row = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row || row.confirmedAt) return null;
  const step = await totpStep(openTotpSecret(row.secret), code, null);
  if (step === null) return null;
  const codes = await db.$transaction(async (tx) => {
    // Conditional: a second confirmation racing this one (two tabs) changes nothing.
    const { count } = await tx.twoFactor.updateMany({ where: { userId: user.id, confirmedAt: null, secret: row.secret }, data: { confirmedAt: new Date(), lastUsedStep: step } });
    if (count === 0) return null;
    const fresh = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { action: "user.two_factor_enabled", actor: user, subject: { id: user.id, label: user.email }, ip });
    return fresh;
  });
  if (codes) await mail(user.email, (site) => secondFactorChangedMessage(site, "enabled"));
  return codes;
}

/** New recovery codes (the old ones stop working); null when no authenticator is enabled. */
export async function regenerateRecoveryCodes(db: PrismaClient, user: SelfActor, ip: string | null): Promise<string[] | null> {
  const codes = await db.$transaction(async (tx) => {
    if (!(await hasSecondFactor(tx, user.id))) return null;
    const fresh = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { action: "user.recovery_codes_regenerated", actor: user, subject: { id: user.id, label: user.email }, ip });
    return fresh;
  });
  if (codes) await mail(user.email, (site) => secondFactorChangedMessage(site, "regenerated"));
  return codes;
}

/** Removes the authenticator and the recovery codes. False when there was none. */
export async function disableSecondFactor(db: PrismaClient, user: SelfActor, ip: string | null): Promise<boolean> {
  const removed = await db.$transaction(async (tx) => {
    const { count } = await tx.twoFactor.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    if (count > 0) await recordAudit(tx, { action: "user.two_factor_disabled", actor: user, subject: { id: user.id, label: user.email }, ip });
    return count > 0;
  });
  if (removed) await mail(user.email, (site) => secondFactorChangedMessage(site, "disabled"));
  return removed;
}

export type SecondFactorResult = { method: "totp" } | { method: "recovery"; remaining: number };

/**
 * The second step of a sign-in: a code from the app or an unused recovery code. The attempt is reserved
 * before anything is compared (throws SecondFactorThrottledError when the account's allowance is
 * used up); a success clears the count. Both kinds of code are single use, decided by one conditional
 * write each, so two parallel requests with the same code cannot both pass.
 */
export async function verifySecondFactor(db: PrismaClient, user: SelfActor, typed: TypedCode, ip: string | null): Promise<SecondFactorResult | null> {
  const throttle = await reserveSecondFactorCheck(db, user.id);
  if (throttle.limited) throw new SecondFactorThrottledError(throttle.retryAfterSeconds);
  const result = typed.kind === "totp" ? await acceptTotp(db, user.id, typed.code) : await acceptRecoveryCode(db, user.id, typed.code);
  if (!result) {
    await recordAudit(db, { action: "user.second_factor_failed", actor: "anonymous", subject: { id: user.id, label: user.email }, ip, details: { kind: typed.kind } });
    return null;
  }
  await clearSecondFactorFailures(db, user.id);
  if (result.method === "recovery") {
    await recordAudit(db, { action: "user.recovery_code_used", actor: user, subject: { id: user.id, label: user.email }, ip, details: { remaining: result.remaining } });
    await mail(user.email, (site) => recoveryCodeUsedMessage(site, result.remaining));
  }
  return result;
}

async function acceptTotp(db: PrismaClient, userId: string, code: string): Promise<SecondFactorResult | null> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { secret: true, confirmedAt: true, lastUsedStep: true } });
  if (!row?.confirmedAt) return null;
  const secret = readableSecret(row.secret);
  if (secret === null) return null;
  const step = await totpStep(secret, code, row.lastUsedStep);
  if (step === null) return null;
  const { count } = await db.twoFactor.updateMany({
    where: { userId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1 ? { method: "totp" } : null;
}

async function acceptRecoveryCode(db: PrismaClient, userId: string, code: string): Promise<SecondFactorResult | null> {
  if (!(await hasSecondFactor(db, userId))) return null;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) return null;
  return { method: "recovery", remaining: await db.recoveryCode.count({ where: { userId, usedAt: null } }) };
}

/**
 * The app's secret, or null when it cannot be opened (AUTH_SECRET changed without the old one kept as
 * AUTH_SECRET_1): the code is refused, said in the log; the user's recovery codes still work.
 */
function readableSecret(stored: string): string | null {
  try {
    return openTotpSecret(stored);
  } catch (error) {
    if (!(error instanceof SealedSecretUnreadableError)) throw error;
    console.error(`mfo: ${error.message}`);
    return null;
  }
}

/**
 * Seals every authenticator secret stored before sealing, or sealed with an older AUTH_SECRET, with the
 * current one (lib/auth/totp-secret-box.ts). `npm start`'s prepare step runs it; returns how many changed.
 */
export async function resealTotpSecrets(db: PrismaClient): Promise<number> {
  let changed = 0;
  for (const row of await db.twoFactor.findMany({ select: { userId: true, secret: true } })) {
    if (!needsResealing(row.secret)) continue;
    // Conditional on the value read: an enrolment restarted meanwhile keeps its own new secret.
    const { count } = await db.twoFactor.updateMany({ where: { userId: row.userId, secret: row.secret }, data: { secret: sealTotpSecret(openTotpSecret(row.secret)) } });
    changed += count;
  }
  return changed;
}
