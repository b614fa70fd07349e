import "server-only";
import type { UserAccess } from "@/lib/users/access";

/**
 * Where a sign-in that proved only the first factor ends (today: the e-mail sign-in link). For an
 * account with a second factor this is the seam where the pending second-factor step begins instead
 * of a session; without one the user is signed in. Passkeys do not come here: they verify the user
 * on the device, so one counts as both factors.
 */
export async function finishFirstFactor(user: UserAccess): Promise<UserAccess> {
  return user;
}
