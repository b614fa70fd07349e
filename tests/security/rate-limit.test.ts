import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../integration/test-db";
import { hit, peek, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { attemptByIp } from "@/lib/auth/throttles";
import { authenticate, createUser, SignInThrottledError } from "@/lib/users/service";

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  process.env.SIGN_IN_ACCOUNT_LIMIT = "10";
  process.env.SIGN_IN_IP_LIMIT = "15"; // the default is 50: a lower limit keeps the test short
  process.env.SIGN_UP_IP_LIMIT = "20";
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const PASSWORD = "the timpani arrive on tuesday";

describe("rate limiter (database-backed)", () => {
  it("counts parallel hits exactly and restarts an expired window", async () => {
    const limit = { max: 5, windowSeconds: 60 };
    const counts = await Promise.all(Array.from({ length: 20 }, () => hit(t.db, "test:parallel", limit, 1_000_000)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await peek(t.db, [{ key: "test:parallel", limit }], 1_000_000)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(await peek(t.db, [{ key: "test:parallel", limit }], 1_000_000 + 61_000)).toEqual({ limited: false });
    expect(await hit(t.db, "test:parallel", limit, 1_000_000 + 61_000)).toBe(1);
  });

  it("words the limit in minutes", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(tooManyAttemptsMessage(30)).toBe("Too many attempts. Try again in 1 minute.");
  });
});

describe("sign-in throttling", () => {
  it("locks an account after 10 failures, before any password check, and a success clears it", async () => {
    await createUser(t.db, { email: "target@example.org", password: PASSWORD });
    for (let i = 0; i < 9; i++) expect(await authenticate(t.db, "target@example.org", `wrong password ${i}`, `198.51.100.${i}`)).toBeNull();
    // A success before the limit clears the account's count…
    expect(await authenticate(t.db, "target@example.org", PASSWORD, "198.51.100.99")).not.toBeNull();
    for (let i = 0; i < 10; i++) expect(await authenticate(t.db, "target@example.org", `wrong again ${i}`, `198.51.101.${i}`)).toBeNull();
    // …and ten failures in a row lock it, even for the right password, from any address.
    await expect(authenticate(t.db, "target@example.org", PASSWORD, "198.51.102.1")).rejects.toBeInstanceOf(SignInThrottledError);
  }, 120_000); // twenty bcrypt compares

  it("locks an address after SIGN_IN_IP_LIMIT failures across accounts", async () => {
    for (let i = 0; i < 15; i++) expect(await authenticate(t.db, `nobody${i}@example.org`, PASSWORD, "203.0.113.50")).toBeNull();
    await expect(authenticate(t.db, "someone-else@example.org", PASSWORD, "203.0.113.50")).rejects.toBeInstanceOf(SignInThrottledError);
    // Another address is not affected.
    expect(await authenticate(t.db, "someone-else@example.org", PASSWORD, "203.0.113.51")).toBeNull();
  }, 120_000);
});

describe("per-address throttles", () => {
  it("lets 20 sign-ups a window from one address, then refuses", async () => {
    for (let i = 0; i < 20; i++) expect((await attemptByIp(t.db, "sign-up", "192.0.2.20")).limited).toBe(false);
    const refused = await attemptByIp(t.db, "sign-up", "192.0.2.20");
    expect(refused.limited).toBe(true);
    expect((await attemptByIp(t.db, "sign-up", "192.0.2.21")).limited).toBe(false);
  });
});
