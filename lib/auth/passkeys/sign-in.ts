import "server-only";
import { markReauthenticated } from "@/lib/auth/freshness";
import type { CurrentUser } from "@/lib/auth/sessions";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { completeSignIn } from "@/lib/users/service";
import type { UserAccess } from "@/lib/users/access";
import { verifyAssertion } from "./service";

/** Sign-in with a passkey (both factors): the credential's owner, signed in, or null. */
export async function signInWithPasskey(db: PrismaClient, response: AuthenticationResponseJSON, ip: string | null): Promise<UserAccess | null> {
  const userId = await verifyAssertion(db, "sign-in", response, null, ip);
  return userId ? completeSignIn(db, userId, ip, "passkey") : null;
}

/**
 * A signed-in user proves again, with one of their own passkeys, that they are at the keyboard (before
 * a sensitive change). True when the assertion is theirs and valid; another user's passkey is refused.
 */
export async function reauthWithPasskey(db: PrismaClient, user: CurrentUser, response: AuthenticationResponseJSON, ip: string | null): Promise<boolean> {
  if (!(await verifyAssertion(db, "reauth", response, user.id, ip))) return false;
  // The freshness rule's proof (lib/auth/freshness.ts), as the password on /account/confirm-identity.
  await markReauthenticated(db, user, ip, "passkey");
  return true;
}
