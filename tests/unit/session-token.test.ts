import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "@auth/core/jwt";
import { readSessionClaims, usesSecureCookies } from "@/lib/auth/session-token";

const SECRET = "unit-test-secret-0123456789abcdef0123456789abcdef";
const NAME = "authjs.session-token";
const SECURE = `__Secure-${NAME}`;

function jar(value: string, name = NAME) {
  return { getAll: () => [{ name, value }] };
}

function cookies(entries: Record<string, string>) {
  return { getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })) };
}

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", SECRET);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.stubEnv("AUTH_SECRET", SECRET);
});

// The same decryption as Auth.js (tokens it encodes are read), with keys derived once and recently
// read tokens remembered: neither may accept what Auth.js itself would refuse.
describe("readSessionClaims", () => {
  it("reads a token Auth.js encoded, the second time from memory, with the same claims", async () => {
    const token = await encode({ token: { sid: "s1" }, secret: SECRET, salt: NAME });
    const first = await readSessionClaims(jar(token), false);
    expect(first).toMatchObject({ sid: "s1" });
    expect(await readSessionClaims(jar(token), false)).toEqual(first);
  });

  it("refuses a token encrypted with another secret, for another cookie name, or altered", async () => {
    const other = await encode({ token: { sid: "s2" }, secret: "another-secret-0123456789abcdef0123456789", salt: NAME });
    expect(await readSessionClaims(jar(other), false)).toBeNull();
    const token = await encode({ token: { sid: "s3" }, secret: SECRET, salt: NAME });
    expect(await readSessionClaims(jar(token), false)).not.toBeNull();
    // Remembered under its own cookie name only: under the other name it is decrypted, and fails.
    expect(await readSessionClaims(jar(token, SECURE), true)).toBeNull();
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await readSessionClaims(jar(parts.join(".")), false)).toBeNull();
  });

  it("stops accepting a remembered token once it has expired", async () => {
    const token = await encode({ token: { sid: "s4" }, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await readSessionClaims(jar(token), false)).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + 60_000 + 20_000, toFake: ["Date"] });
    expect(await readSessionClaims(jar(token), false)).toBeNull();
  });

  it("refuses a token without a session id (issued before sessions were rows, or forged)", async () => {
    const token = await encode({ token: { sub: "u1", roles: ["admin"], perms: ["admin.access"] }, secret: SECRET, salt: NAME });
    expect(await readSessionClaims(jar(token), false)).toBeNull();
  });

  // Issue 10, finding 9: Auth.js splits a token over ~4 kB into ".0", ".1"… cookies and reads them joined.
  it("reassembles a chunked cookie in order, as Auth.js does", async () => {
    const token = await encode({ token: { sid: "s5", padding: "x".repeat(5000) }, secret: SECRET, salt: NAME });
    const third = Math.ceil(token.length / 3);
    const chunks = { [`${NAME}.2`]: token.slice(2 * third), [`${NAME}.0`]: token.slice(0, third), [`${NAME}.1`]: token.slice(third, 2 * third) };
    expect(await readSessionClaims(cookies(chunks), false)).toMatchObject({ sid: "s5" });
    expect(await readSessionClaims(cookies({ [`${NAME}.0`]: chunks[`${NAME}.0`] }), false)).toBeNull();
  });

  // Over HTTPS Auth.js reads only the __Secure- cookie; a plain one (set by a subdomain or over
  // plain HTTP by a network attacker) must be no session there.
  it("reads only the cookie name of the deployment's scheme", async () => {
    const plain = await encode({ token: { sid: "s6" }, secret: SECRET, salt: NAME });
    const secure = await encode({ token: { sid: "s7" }, secret: SECRET, salt: SECURE });
    expect(await readSessionClaims(jar(plain), true)).toBeNull();
    expect(await readSessionClaims(jar(secure, SECURE), true)).toMatchObject({ sid: "s7" });
    expect(await readSessionClaims(jar(secure, SECURE), false)).toBeNull();
  });
});

describe("usesSecureCookies (Auth.js's useSecureCookies rule)", () => {
  const headers = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
  it("follows AUTH_URL when it is set", () => {
    vi.stubEnv("AUTH_URL", "https://festival.example.org");
    expect(usesSecureCookies(headers("http"))).toBe(true);
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    expect(usesSecureCookies(headers("https"))).toBe(false);
  });
  it("otherwise follows X-Forwarded-Proto, https when absent", () => {
    vi.stubEnv("AUTH_URL", undefined);
    vi.stubEnv("NEXTAUTH_URL", undefined);
    expect(usesSecureCookies(headers("http"))).toBe(false);
    expect(usesSecureCookies(headers("https"))).toBe(true);
    expect(usesSecureCookies(headers())).toBe(true);
  });
});
