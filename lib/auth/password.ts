import "server-only";
import { createHmac } from "node:crypto";
import { bcryptWorkers } from "./bcrypt-workers";
import { normalizePassword } from "./password-rules";

export const BCRYPT_COST = 12;

// bcrypt reads only the first 72 bytes, so two long passwords sharing a prefix would both verify.
// Hashing the NFKC form with HMAC-SHA-256 first and bcrypting its base64 (44 bytes, no NUL) keeps every
// character significant; this is the pre-hash of OWASP's Password Storage Cheat Sheet
// (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pre-hashing-passwords).
// The key is a fixed domain separator, not a secret: rotating AUTH_SECRET must not lock everyone out.
const PREHASH_KEY = "mfo.password.v1";

function prehash(password: string): string {
  return createHmac("sha256", PREHASH_KEY).update(normalizePassword(password), "utf8").digest("base64");
}

/** Hashing runs on worker threads (lib/auth/bcrypt-workers.ts), so it never blocks other requests. */
export function hashPassword(password: string): Promise<string> {
  return bcryptWorkers.hash(prehash(password), BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcryptWorkers.compare(prehash(password), hash);
}

// Compared against when the e-mail is unknown (or has no password), so that path costs one bcrypt
// compare like a wrong password does and timing does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("an unguessable placeholder that no account uses");
  await bcryptWorkers.compare(prehash(password), await dummyHash);
  return false;
}
