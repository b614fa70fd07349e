import type { JWT } from "@auth/core/jwt";
import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";

// Reads the Auth.js session cookie directly: one JWE decryption, no Auth.js request round (which would
// also run the callbacks and re-encrypt a refreshed cookie that a page render cannot even send).
// Edge-safe: used by middleware.ts and by the server guards. Whatever it returns is only who the
// token says; lib/auth/guards.ts checks that against the database.
// It decrypts exactly as Auth.js's decode() (@auth/core/jwt) does, but derives each key once per
// process instead of once per request: the HKDF and the key thumbprint were half the cost of a read.

const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

function secrets(): string[] {
  // AUTH_SECRET_1..3 are older secrets still accepted while rotating, as Auth.js itself does.
  return [process.env.AUTH_SECRET, process.env.AUTH_SECRET_1, process.env.AUTH_SECRET_2, process.env.AUTH_SECRET_3].filter(
    (s): s is string => Boolean(s),
  );
}

export async function readSessionClaims(cookies: CookieReader): Promise<JWT | null> {
  for (const name of [SECURE_COOKIE, COOKIE]) {
    const token = cookies.get(name)?.value;
    if (!token) continue;
    const secret = secrets();
    if (!secret.length) return null;
    const known = recentlyDecoded(`${name}\0${token}`);
    if (known !== undefined) return known;
    try {
      const claims = await decode(token, secret, name);
      // decode() checks the signature and expiry; a token without a subject is no session.
      const session = claims?.sub ? claims : null;
      if (session) remember(`${name}\0${token}`, session);
      return session;
    } catch {
      return null;
    }
  }
  return null;
}

// Tokens decrypted lately, by their exact text: a visitor sends the same cookie with every request,
// and decrypting it (five Web Crypto operations) was a tenth of an API request's time. The text is
// authenticated ciphertext, so the same text always holds the same claims; only the expiry changes
// its meaning, and it is checked on every hit. Revocation is not this module's business: the guards
// compare the claims with the database on every request.
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, JWT>();

function recentlyDecoded(key: string): JWT | undefined {
  const claims = remembered.get(key);
  if (!claims) return undefined;
  if (typeof claims.exp === "number" && claims.exp * 1000 <= Date.now()) {
    remembered.delete(key);
    return undefined;
  }
  return claims;
}

function remember(key: string, claims: JWT): void {
  // Oldest first out: a Map iterates in insertion order.
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  // Shared by every later request with this token: nobody may change it.
  remembered.set(key, Object.freeze(claims));
}

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

const derivedKeys = new Map<string, Promise<DerivedKey>>();

function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const id = `${enc}\0${salt}\0${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = deriveKey(enc, secret, salt);
    derivedKeys.set(id, key);
    key.catch(() => derivedKeys.delete(id));
  }
  return key;
}

async function deriveKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = enc === "A256CBC-HS512" ? 64 : enc === "A256GCM" ? 32 : 0;
  if (!length) throw new Error("Unsupported JWT content encryption");
  const key = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha512");
  return { key, kid };
}

async function decode(token: string, secrets: string[], salt: string): Promise<JWT> {
  const { payload } = await jwtDecrypt<JWT>(
    token,
    async ({ kid, enc }) => {
      for (const secret of secrets) {
        const derived = await derivedKey(enc, secret, salt);
        if (kid === undefined || kid === derived.kid) return derived.key;
      }
      throw new Error("no matching decryption secret");
    },
    // Auth.js's own settings: direct encryption, 15 s of clock tolerance.
    { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  return payload;
}
