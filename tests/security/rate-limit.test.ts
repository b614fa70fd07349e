import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../integration/test-db";
import { peek, reserve, tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { bcryptWorkers } from "@/lib/auth/bcrypt-workers";
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
  it("of parallel reservations grants exactly the limit, and restarts an expired window", async () => {
    const limit = { max: 5, windowSeconds: 60 };
    const granted = await Promise.all(Array.from({ length: 20 }, () => reserve(t.db, "test:parallel", limit, 1_000_000)));
    expect(granted.filter(Boolean)).toHaveLength(5);
    expect(await peek(t.db, [{ key: "test:parallel", limit }], 1_000_000)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(await peek(t.db, [{ key: "test:parallel", limit }], 1_000_000 + 61_000)).toEqual({ limited: false });
    expect(await reserve(t.db, "test:parallel", limit, 1_000_000 + 61_000)).toBe(true);
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

  it("30 parallel wrong guesses make at most 10 password compares; while locked, none", async () => {
    const email = "raced@example.org";
    await createUser(t.db, { email, password: PASSWORD });
    const compare = vi.spyOn(bcryptWorkers, "compare");
    try {
      // Thirty wrong guesses at once, each from its own address: the account's limit alone must hold,
      // however the requests interleave.
      const guesses = Array.from({ length: 30 }, (_, i) => `wrong guess number ${i}`);
      const outcomes = await Promise.allSettled(guesses.map((guess, i) => authenticate(t.db, email, guess, `198.51.110.${i}`)));
      expect(compare.mock.calls.length).toBeLessThanOrEqual(10);
      const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof SignInThrottledError);
      expect(throttled.length).toBe(30 - compare.mock.calls.length);
      expect(outcomes.filter((o) => o.status === "rejected" && !(o.reason instanceof SignInThrottledError))).toEqual([]);

      compare.mockClear();
      await expect(authenticate(t.db, email, PASSWORD, "198.51.111.1")).rejects.toBeInstanceOf(SignInThrottledError);
      await expect(authenticate(t.db, email, "yet another guess", "198.51.111.2")).rejects.toBeInstanceOf(SignInThrottledError);
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  }, 120_000);

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
