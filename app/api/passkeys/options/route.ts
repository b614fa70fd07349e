import { prisma } from "@/lib/db";
import { assertionOptions, registrationOptions } from "@/lib/auth/passkeys/service";
import { formError, json, passkeyRoute, readJson, signedIn } from "@/lib/auth/passkeys/route-helpers";
import { isFresh, NOT_FRESH } from "@/lib/auth/freshness";
import { passkeyNameSchema } from "@/lib/validation/passkey";

// The options of a WebAuthn ceremony, with a fresh challenge kept on the server and bound to this
// browser (lib/auth/passkeys/challenges.ts). Signing in needs no session; adding a passkey and
// re-authenticating are for the signed-in user only.
export async function POST(request: Request) {
  return passkeyRoute("passkey options", async () => {
    const read = await readJson(request);
    if ("refused" in read) return read.refused;
    const { purpose } = read.body;
    if (purpose === "sign-in") return json(await assertionOptions(prisma, "sign-in", null));
    if (purpose !== "register" && purpose !== "reauth") return formError("Unknown purpose.");
    const access = await signedIn();
    if ("refused" in access) return access.refused;
    if (purpose === "reauth") return json(await assertionOptions(prisma, "reauth", access.user));
    // Adding a way to sign in is a sensitive change (FRESHNESS_MINUTES): the page offers to confirm first.
    if (!isFresh(access.user)) return formError(NOT_FRESH, 403);
    // The name is checked before the ceremony, so a bad one costs the user no fingerprint.
    const name = passkeyNameSchema.safeParse(read.body.name);
    if (!name.success) return json({ errors: { name: name.error.issues[0].message } }, 400);
    return json(await registrationOptions(prisma, access.user));
  });
}
