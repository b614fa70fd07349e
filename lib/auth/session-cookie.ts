import { SESSION_COOKIE_NAME } from "./session-cookie-name.mjs";

interface CookieJar {
  getAll(): { name: string }[];
}

export function sessionCookieNames(jar: CookieJar): string[] {
  return jar.getAll().map((c) => c.name).filter((name) => SESSION_COOKIE_NAME.test(name));
}

export function hasSessionCookie(jar: CookieJar): boolean {
  return sessionCookieNames(jar).length > 0;
}
