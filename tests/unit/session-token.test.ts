import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "@auth/core/jwt";
import { readSessionClaims } from "@/lib/auth/session-token";

const SECRET = "unit-test-secret-0123456789abcdef0123456789abcdef";
const NAME = "authjs.session-token";

function jar(value: string, name = NAME) {
  return { get: (n: string) => (n === name ? { value } : undefined) };
}

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", SECRET);
});
afterEach(() => {
  vi.useRealTimers();
});

// The same decryption as Auth.js (tokens it encodes are read), with keys derived once and recently
// read tokens remembered: neither may accept what Auth.js itself would refuse.
describe("readSessionClaims", () => {
  it("reads a token Auth.js encoded, the second time from memory, with the same claims", async () => {
    const token = await encode({ token: { sub: "u1", sv: 3 }, secret: SECRET, salt: NAME });
    const first = await readSessionClaims(jar(token));
    expect(first).toMatchObject({ sub: "u1", sv: 3 });
    expect(await readSessionClaims(jar(token))).toEqual(first);
  });

  it("refuses a token encrypted with another secret, for another cookie name, or altered", async () => {
    const other = await encode({ token: { sub: "u2" }, secret: "another-secret-0123456789abcdef0123456789", salt: NAME });
    expect(await readSessionClaims(jar(other))).toBeNull();
    const token = await encode({ token: { sub: "u3" }, secret: SECRET, salt: NAME });
    expect(await readSessionClaims(jar(token))).not.toBeNull();
    // Remembered under its own cookie name only: under the other name it is decrypted, and fails.
    expect(await readSessionClaims(jar(token, `__Secure-${NAME}`))).toBeNull();
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await readSessionClaims(jar(parts.join(".")))).toBeNull();
  });

  it("stops accepting a remembered token once it has expired", async () => {
    const token = await encode({ token: { sub: "u4" }, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await readSessionClaims(jar(token))).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + 60_000 + 20_000, toFake: ["Date"] });
    expect(await readSessionClaims(jar(token))).toBeNull();
  });

  it("refuses a token without a subject", async () => {
    const token = await encode({ token: { name: "nobody" }, secret: SECRET, salt: NAME });
    expect(await readSessionClaims(jar(token))).toBeNull();
  });
});
