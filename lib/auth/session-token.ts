import type { JWT } from "@auth/core/jwt";
import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { authSecrets } from "./auth-secrets";

// Reads the Auth.js session cookie directly: one JWE decryption, no Auth.js request round (which would
// also run the callbacks and re-encrypt a refreshed cookie that a page render cannot even send).
// Edge-safe: used by middleware.ts and by the server guards. What it returns is only a session id;
// lib/auth/guards.ts looks the session up in the database.
// It decrypts exactly as Auth.js's decode() (@auth/core/jwt) does, but derives each key once per
// process instead of once per request: the HKDF and the key thumbprint were half the cost of a read.

const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

interface CookieReader {
  getAll(): { name: string; value: string }[];
}

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Auth.js's useSecureCookies rule: the site's URL is https (AUTH_URL when set, otherwise the
 * request's X-Forwarded-Proto, which Next.js fills in, defaulting to https as Auth.js's own
 * createActionURL does). Over HTTPS Auth.js writes and reads only the "__Secure-" cookie, so this
 * reads only that one: a plain cookie planted by a subdomain or a network attacker is no session.
 */
export function usesSecureCookies(headers: HeaderReader): boolean {
  const site = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = site ? new URL(site).protocol : `${(headers.get("x-forwarded-proto") ?? "https").split(",")[0].trim()}:`;
  return protocol === "https:";
}

/**
 * The cookie's text, as Auth.js's SessionStore reassembles it: the whole cookie, or its chunks
 * ".0", ".1"… (written when a token is over ~4 kB) joined in order.
 */
export function sessionCookieValue(cookies: CookieReader, secure: boolean): string | null {
  const name = secure ? SECURE_COOKIE : COOKIE;
  const chunks: { index: number; value: string }[] = [];
  for (const cookie of cookies.getAll()) {
    if (cookie.name === name) chunks.push({ index: -1, value: cookie.value });
    else if (cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1))) {
      chunks.push({ index: Number(cookie.name.slice(name.length + 1)), value: cookie.value });
    }
  }
  if (!chunks.length) return null;
  return chunks.sort((a, b) => a.index - b.index).map((c) => c.value).join("") || null;
}

/**
 * The claims of the session cookie this deployment uses, or null. A token without a session id
 * (issued before sessions were rows, or forged without one) is no session.
 */
export async function readSessionClaims(cookies: CookieReader, secure: boolean): Promise<JWT | null> {
  const name = secure ? SECURE_COOKIE : COOKIE;
  const token = sessionCookieValue(cookies, secure);
  if (!token) return null;
  const secret = authSecrets();
  if (!secret.length) return null;
  const known = recentlyDecoded(`${name}\0${token}`);
  if (known !== undefined) return known;
  try {
    const claims = await decode(token, secret, name);
    // decode() checks the signature and expiry.
    const session = typeof claims?.sid === "string" && claims.sid ? claims : null;
    if (session) remember(`${name}\0${token}`, session);
    return session;
  } catch {
    return null;
  }
}

// Tokens decrypted lately, by their exact text: a visitor sends the same cookie with every request,
// and decrypting it (five Web Crypto operations) was a tenth of an API request's time. The text is
// authenticated ciphertext, so the same text always holds the same claims; only the expiry changes
// its meaning, and it is checked on every hit. Revocation is not this module's business: the guards
// look the session row up on every request.
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
