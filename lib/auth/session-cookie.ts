// Auth.js names its session cookie "authjs.session-token", with a "__Secure-" prefix over HTTPS and
// ".0", ".1"… suffixes when it is chunked.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

interface CookieJar {
  getAll(): { name: string }[];
}

export function sessionCookieNames(jar: CookieJar): string[] {
  return jar.getAll().map((c) => c.name).filter((name) => SESSION_COOKIE.test(name));
}

export function hasSessionCookie(jar: CookieJar): boolean {
  return sessionCookieNames(jar).length > 0;
}
