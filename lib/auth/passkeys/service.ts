import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/types";
import { siteUrl } from "@/lib/env";
import { recordAudit } from "@/lib/audit/service";
import { mailToSite } from "@/lib/mail/site-mail";
import { FESTIVAL_NAME, passkeyChangedMessage } from "@/lib/mail/messages";
import { keepChallenge, takeChallenge, type ChallengePurpose } from "./challenges";
import { relyingParty, type RelyingParty } from "./relying-party";
import { userHandleOf } from "./user-handle";
import type { SelfActor } from "@/lib/auth/actor";

// Passkeys: discoverable WebAuthn credentials that require user verification (a PIN or a fingerprint on
// the device), so one counts as both factors and signs in alone. Add, list and remove are the account
// owner's; the ceremonies' challenges are single-use, short-lived and bound to the browser (challenges.ts).

type PasskeyOwner = SelfActor & { name?: string | null };

/** The site's relying party, or null when passkeys cannot work on its address (see relying-party.ts). */
export function siteRelyingParty(): RelyingParty | null {
  return relyingParty(siteUrl(), FESTIVAL_NAME);
}

function requireRelyingParty(): RelyingParty {
  const rp = siteRelyingParty();
  if (!rp) throw new PasskeysUnavailableError();
  return rp;
}

export class PasskeysUnavailableError extends Error {
  constructor() {
    super("Passkeys need AUTH_URL to be an https address (or localhost)");
  }
}

export interface PasskeyListing {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
  deviceType: string;
}

export function listPasskeys(db: PrismaClient, userId: string): Promise<PasskeyListing[]> {
  return db.passkey.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true, deviceType: true },
  });
}

/** Options for adding a passkey: a resident (discoverable) credential with user verification. */
export async function registrationOptions(db: PrismaClient, user: PasskeyOwner): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = requireRelyingParty();
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    userID: userHandleOf(user.id),
    attestationType: "none",
    // The same authenticator twice would be one passkey listed twice.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await keepChallenge(db, "register", options.challenge, user.id);
  return options;
}

export type AddPasskeyOutcome = { ok: true; id: string } | { ok: false; reason: "expired" | "invalid" | "duplicate" };

/** Verifies the new credential against this browser's registration challenge and stores it. */
export async function addPasskey(db: PrismaClient, user: PasskeyOwner, input: { name: string; response: RegistrationResponseJSON; ip: string | null }): Promise<AddPasskeyOutcome> {
  const rp = requireRelyingParty();
  const challenge = await takeChallenge(db, "register", user.id);
  if (!challenge) return { ok: false, reason: "expired" };
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!verified.verified) return { ok: false, reason: "invalid" };
  const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo;
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const row = await tx.passkey.create({
        data: {
          userId: user.id,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: credential.transports?.join(",") || null,
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
          name: input.name,
        },
        select: { id: true },
      });
      await recordAudit(tx, { action: "passkey.added", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip, details: { passkey: row.id, name: input.name } });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
  await mailToSite(user.email, (site) => passkeyChangedMessage(site, "added", input.name));
  return { ok: true, id };
}

/** Removes one of the user's passkeys; false when the id is not one of theirs (nothing changes then). */
export async function removePasskey(db: PrismaClient, user: PasskeyOwner, passkeyId: string, ip: string | null): Promise<boolean> {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.passkey.findFirst({ where: { id: passkeyId, userId: user.id }, select: { id: true, name: true } });
    if (!row) return null;
    await tx.passkey.delete({ where: { id: row.id } });
    await recordAudit(tx, { action: "passkey.removed", actor: user, subject: { id: user.id, label: user.email }, ip, details: { passkey: row.id, name: row.name } });
    return row;
  });
  if (!removed) return false;
  await mailToSite(user.email, (site) => passkeyChangedMessage(site, "removed", removed.name));
  return true;
}

/**
 * Options for an assertion. Signing in: no credential list (the authenticator offers its discoverable
 * ones, also through the e-mail field's autofill). Re-authenticating: only the signed-in user's passkeys.
 */
export async function assertionOptions(db: PrismaClient, purpose: Exclude<ChallengePurpose, "register">, user: PasskeyOwner | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = requireRelyingParty();
  const mine = user ? await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } }) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
    allowCredentials: mine.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
  });
  await keepChallenge(db, purpose, options.challenge, user?.id ?? null);
  return options;
}

/**
 * Checks an assertion against this browser's challenge of `purpose` and the stored credential, and
 * returns the credential's owner, or null. With `expectedUserId` (re-authentication), another user's
 * credential is refused. The counter must grow (a cloned authenticator shows as a counter that does
 * not), and the counter and backup state are stored.
 */
export async function verifyAssertion(
  db: PrismaClient,
  purpose: Exclude<ChallengePurpose, "register">,
  response: AuthenticationResponseJSON,
  expectedUserId: string | null,
  ip: string | null,
): Promise<string | null> {
  const rp = requireRelyingParty();
  const challenge = await takeChallenge(db, purpose, expectedUserId);
  const passkey = challenge ? await db.passkey.findUnique({ where: { credentialId: response.id } }) : null;
  const refuse = async (reason: string) => {
    await recordAudit(db, { action: "passkey.refused", actor: "anonymous", subject: passkey ? { id: passkey.userId } : null, ip, details: { purpose, reason } });
    return null;
  };
  if (!challenge) return refuse("no_challenge");
  if (!passkey) return refuse("unknown_credential");
  if (expectedUserId && passkey.userId !== expectedUserId) return refuse("other_user");
  // The user handle is not signed, but a mismatch means a confused or tampered client: refuse it too.
  if (response.response.userHandle && response.response.userHandle !== Buffer.from(userHandleOf(passkey.userId)).toString("base64url")) {
    return refuse("user_handle");
  }
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: transportsOf(passkey.transports) },
    });
  } catch {
    return refuse("invalid");
  }
  if (!verified.verified) return refuse("invalid");
  const info = verified.authenticationInfo;
  // Conditional on the counter read above, so two racing uses of one counter value cannot both pass.
  const { count } = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(info.newCounter), backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType, lastUsedAt: new Date() },
  });
  if (count !== 1) return refuse("counter_race");
  return passkey.userId;
}

function transportsOf(stored: string | null): AuthenticatorTransportFuture[] | undefined {
  return stored ? (stored.split(",") as AuthenticatorTransportFuture[]) : undefined;
}

type AuthenticatorTransportFuture = "ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb";
