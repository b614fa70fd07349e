import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { completeSignIn } from "@/lib/users/service";
import type { UserAccess } from "@/lib/users/access";
import { hasSecondFactor } from "./second-factor";
import { beginPendingSignIn } from "./pending-sign-in";
import { SecondFactorRequired } from "./sign-in-errors";

/**
 * Where a sign-in that proved only the first factor ends (the password, the e-mail sign-in link): for an
 * account with a second factor, no session but a pending state bound to this browser, finished on
 * /sign-in/verify (SecondFactorRequired, which the forms turn into that redirect); without one, the
 * sign-in is complete (tracking, audit) and the caller's jwt callback starts the session. Passkeys do
 * not come here: they verify the user on the device, so one counts as both factors.
 */
export async function finishFirstFactor(db: PrismaClient, userId: string, ip: string | null, method: "password" | "email_link"): Promise<UserAccess | null> {
  if (await hasSecondFactor(db, userId)) {
    await beginPendingSignIn(db, userId);
    throw new SecondFactorRequired();
  }
  return completeSignIn(db, userId, ip, method);
}
