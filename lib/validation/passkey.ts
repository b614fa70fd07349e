import { z } from "zod";
import { PASSKEY_NAME_MAX_LENGTH } from "./limits";

// Passkeys: the name a user gives one, and the outer shape of what the browser sends back from a
// WebAuthn ceremony (@simplewebauthn/server verifies the contents; this only bounds them).

export const passkeyNameSchema = z
  .string({ error: "Give this passkey a name" })
  .trim()
  .min(1, "Give this passkey a name, e.g. “Laptop” or “Phone”")
  .max(PASSKEY_NAME_MAX_LENGTH, `A passkey name has at most ${PASSKEY_NAME_MAX_LENGTH} characters`)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "A passkey name cannot contain control characters");

const b64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*$/);

const credentialBase = {
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const registrationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(20)).max(10).optional(),
    authenticatorData: b64url.optional(),
    publicKey: b64url.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

export const addPasskeySchema = z.object({ name: passkeyNameSchema, response: registrationResponseSchema });

/** A response posted as JSON text (a form field, an Auth.js credential): parsed, then checked. */
export function parseJsonField<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  if (typeof raw !== "string" || raw.length > 64_000) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
