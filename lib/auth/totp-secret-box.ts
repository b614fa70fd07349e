import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecrets } from "./auth-secrets";

// Authenticator-app secrets are stored sealed (AES-256-GCM), not as the Base32 text the app holds: a copy
// of the database (a backup, a leaked file) would otherwise give every enrolled user's codes, which is the
// second factor's whole point. The key is derived from AUTH_SECRET (HKDF-SHA256), which lives in the
// environment, not in the database. Rotating AUTH_SECRET: keep the old one as AUTH_SECRET_1 (as for the
// session cookies) and the secrets stay readable; `npm start`'s prepare step re-seals them with the new one.
// Stored form: "v1.<iv>.<ciphertext and tag>" (base64url). A value without the prefix is a secret stored
// before sealing (Base32 has no "."): read as it is, and sealed by the prepare step.

const PREFIX = "v1.";
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync("sha256", secret, "mfo.totp-secret", "MFO authenticator secret at rest v1", 32))));
  return key;
}

export class SealedSecretUnreadableError extends Error {
  constructor() {
    super("An authenticator secret cannot be opened with AUTH_SECRET or AUTH_SECRET_1..3 (was AUTH_SECRET changed without keeping the old one?)");
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The stored form of a Base32 secret, sealed with the current AUTH_SECRET. */
export function sealTotpSecret(secret: string): string {
  const [current] = authSecrets();
  if (!current) throw new Error("AUTH_SECRET is not set");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(current), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${iv.toString("base64url")}.${sealed.toString("base64url")}`;
}

/** The Base32 secret in a stored value (sealed with any of the deployment's secrets, or stored before sealing). */
export function openTotpSecret(stored: string): string {
  return isSealed(stored) ? unseal(stored).secret : stored;
}

/**
 * Whether a stored value should be sealed again (the prepare step does): stored before sealing, or sealed
 * with an older AUTH_SECRET. An unreadable one cannot be, and is left as it is.
 */
export function needsResealing(stored: string): boolean {
  if (!isSealed(stored)) return true;
  try {
    return !unseal(stored).withCurrent;
  } catch {
    return false;
  }
}

function unseal(stored: string): { secret: string; withCurrent: boolean } {
  const [iv, sealed] = stored.slice(PREFIX.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !sealed || iv.length !== 12 || sealed.length < 17) throw new SealedSecretUnreadableError();
  const secrets = authSecrets();
  for (const [index, secret] of secrets.entries()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv);
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString("utf8");
      return { secret: plain, withCurrent: index === 0 };
    } catch {
      /* another secret, or none */
    }
  }
  throw new SealedSecretUnreadableError();
}
