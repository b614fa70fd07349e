import { prisma } from "@/lib/db";
import { requestIp } from "@/lib/auth/request-ip";
import { reauthWithPasskey } from "@/lib/auth/passkeys/sign-in";
import { formError, json, passkeyRoute, readJson, signedIn } from "@/lib/auth/passkeys/route-helpers";
import { authenticationResponseSchema } from "@/lib/validation/passkey";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

// The signed-in user proves again with one of their own passkeys (for the freshness rule). 204 when
// the assertion is theirs and valid; another user's passkey, a replay or a foreign challenge: 403.
export async function POST(request: Request) {
  return passkeyRoute("passkey re-authentication", async () => {
    const read = await readJson(request);
    if ("refused" in read) return read.refused;
    const access = await signedIn();
    if ("refused" in access) return access.refused;
    const parsed = authenticationResponseSchema.safeParse(read.body.response);
    const ok = parsed.success && (await reauthWithPasskey(prisma, access.user, parsed.data as AuthenticationResponseJSON, await requestIp()));
    if (!ok) return formError("This passkey could not be verified for your account.", 403);
    return json({ ok: true }, 200);
  });
}
