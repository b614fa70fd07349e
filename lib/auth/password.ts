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
// compare like a wrong password does and timing does not reveal which addresses have accounts. A
// constant, made once at BCRYPT_COST (of a placeholder no account uses): hashing it lazily made the
// first unknown-address sign-in of a process cost a hash more than any other answer.
export const DUMMY_HASH = "$2b$12$fVnjZIqbKYc8stO7IPlSYuAsNYFWm.AXOAGF9CHGiX2xz.W5kOIaK";

export async function verifyAgainstNothing(password: string): Promise<false> {
  await bcryptWorkers.compare(prehash(password), DUMMY_HASH);
  return false;
}
