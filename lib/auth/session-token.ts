import { decode, type JWT } from "@auth/core/jwt";

// Reads the Auth.js session cookie directly: one JWE decryption, no Auth.js request round (which would
// also run the callbacks and re-encrypt a refreshed cookie that a page render cannot even send).
// Edge-safe: used by middleware.ts and by the server guards. Whatever it returns is only who the
// token says; lib/auth/guards.ts checks that against the database.

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
    try {
      const claims = await decode({ token, secret, salt: name });
      // decode() checks the signature and expiry; a token without a subject is no session.
      return claims?.sub ? claims : null;
    } catch {
      return null;
    }
  }
  return null;
}
