import { prisma } from "@/lib/db";
import { requestIp } from "@/lib/auth/request-ip";
import { addPasskey } from "@/lib/auth/passkeys/service";
import { formError, json, passkeyRoute, readJson, signedIn } from "@/lib/auth/passkeys/route-helpers";
import { isFresh, NOT_FRESH } from "@/lib/auth/freshness";
import { addPasskeySchema } from "@/lib/validation/passkey";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";

const REFUSALS = {
  expired: "That took too long, or started in another window. Try again.",
  invalid: "This passkey could not be verified. Try again.",
  duplicate: "This passkey is already registered.",
} as const;

// Adds a passkey to the signed-in user's account: the browser's answer to the registration options.
export async function POST(request: Request) {
  return passkeyRoute("passkey add", async () => {
    const read = await readJson(request);
    if ("refused" in read) return read.refused;
    const access = await signedIn();
    if ("refused" in access) return access.refused;
    if (!isFresh(access.user)) return formError(NOT_FRESH, 403);
    const parsed = addPasskeySchema.safeParse(read.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return issue.path[0] === "name" ? json({ errors: { name: issue.message } }, 400) : formError(REFUSALS.invalid);
    }
    const outcome = await addPasskey(prisma, access.user, {
      name: parsed.data.name,
      response: parsed.data.response as RegistrationResponseJSON,
      ip: await requestIp(),
    });
    if (!outcome.ok) return formError(REFUSALS[outcome.reason]);
    return json({ id: outcome.id }, 201);
  });
}
