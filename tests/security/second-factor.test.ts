import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDb } from "../integration/test-db";
import { createUser } from "@/lib/users/service";
import {
  confirmEnrolment,
  disableSecondFactor,
  hasSecondFactor,
  regenerateRecoveryCodes,
  SecondFactorThrottledError,
  resealTotpSecrets,
  startEnrolment,
  twoFactorState,
  verifySecondFactor,
} from "@/lib/auth/second-factor";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret-box";
import { parseTypedCode, type TypedCode } from "@/lib/auth/second-factor-rules";

// The second factor's rules against a real database: single use under races, the throttle reserving
// before it checks, recovery codes stored hashed.

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  process.env.SIGN_IN_ACCOUNT_LIMIT = "10";
  // The authenticator secrets are sealed with a key derived from it (the servers always have one).
  process.env.AUTH_SECRET ??= "second-factor-test-secret-0123456789abcdef";
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const STEP = 30_000;
const totp = (code: string): TypedCode => parseTypedCode(code)!;
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor((Date.now() + steps * STEP) / 1000) });

async function enrolledUser(email: string) {
  const user = await createUser(t.db, { email, password: "a long enough password for tests" });
  await startEnrolment(t.db, user.id);
  // What the page shows the user to type into the app (the database holds it sealed).
  const secret = (await twoFactorState(t.db, user.id)).pendingSecret!;
  const codes = await confirmEnrolment(t.db, user, await codeAt(secret, -1), null);
  return { user, secret, codes: codes! };
}

describe("second factor", () => {
  it("enrols: ten recovery codes, stored hashed only; a second enrolment is refused while on", async () => {
    const { user, codes } = await enrolledUser("enrol@example.org");
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace("-", ""));
    expect(await hasSecondFactor(t.db, user.id)).toBe(true);
    expect(await startEnrolment(t.db, user.id)).toBe("already_enabled");
  });

  it("accepts a code once: the same code in two parallel requests passes once, then never", async () => {
    const { user, secret } = await enrolledUser("replay@example.org");
    const code = await codeAt(secret, 1);
    const results = await Promise.all([0, 1, 2].map(() => verifySecondFactor(t.db, user, totp(code), null)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await verifySecondFactor(t.db, user, totp(code), null)).toBeNull();
    // An older step than the last accepted one is a replay too.
    expect(await verifySecondFactor(t.db, user, totp(await codeAt(secret, 0)), null)).toBeNull();
  });

  it("a recovery code works once, also in parallel, and says how many remain", async () => {
    const { user, codes } = await enrolledUser("recovery@example.org");
    const results = await Promise.all([0, 1, 2].map(() => verifySecondFactor(t.db, user, parseTypedCode(codes[3])!, null)));
    expect(results.filter(Boolean)).toEqual([{ method: "recovery", remaining: 9 }]);
    expect(await verifySecondFactor(t.db, user, parseTypedCode(codes[3])!, null)).toBeNull();
    const fresh = (await regenerateRecoveryCodes(t.db, user, null))!;
    expect(await verifySecondFactor(t.db, user, parseTypedCode(codes[4])!, null)).toBeNull(); // replaced
    expect(await verifySecondFactor(t.db, user, parseTypedCode(fresh[0])!, null)).toEqual({ method: "recovery", remaining: 9 });
  });

  it("of 20 parallel guesses at most the account's limit are checked; then even the right code is throttled", async () => {
    const { user, secret } = await enrolledUser("guesses@example.org");
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i * 7919).slice(0, 6));
    const outcomes = await Promise.allSettled(guesses.map((g) => verifySecondFactor(t.db, user, totp(g), null)));
    const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof SecondFactorThrottledError).length;
    expect(throttled).toBe(10);
    expect(await t.db.auditEvent.count({ where: { action: "user.second_factor_failed", subjectId: user.id } })).toBe(10);
    await expect(verifySecondFactor(t.db, user, totp(await codeAt(secret, 1)), null)).rejects.toBeInstanceOf(SecondFactorThrottledError);
  });

  it("turning it off removes the secret and the codes, audited", async () => {
    const { user, codes } = await enrolledUser("disable@example.org");
    expect(await disableSecondFactor(t.db, user, null)).toBe(true);
    expect(await hasSecondFactor(t.db, user.id)).toBe(false);
    expect(await verifySecondFactor(t.db, user, parseTypedCode(codes[0])!, null)).toBeNull();
    const actions = (await t.db.auditEvent.findMany({ where: { subjectId: user.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.two_factor_enabled", "user.two_factor_disabled"]));
  });
});

describe("the authenticator secret at rest", () => {
  it("is stored sealed: the database holds neither the secret nor anything a code can be made from", async () => {
    const { user, secret } = await enrolledUser("sealed@example.org");
    const [row] = await t.db.$queryRawUnsafe<{ secret: string }[]>("SELECT secret FROM TwoFactor WHERE userId = ?", user.id);
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(secret);
    expect(openTotpSecret(row.secret)).toBe(secret);
    // Sealed twice, the same secret reads differently (a fresh IV each time).
    expect(sealTotpSecret(secret)).not.toBe(sealTotpSecret(secret));
    // A tampered value does not open.
    const tampered = row.secret.slice(0, -2) + (row.secret.endsWith("A") ? "BB" : "AA");
    expect(() => openTotpSecret(tampered)).toThrow(/cannot be opened/);
  });

  it("opens with an older AUTH_SECRET kept as AUTH_SECRET_1, and the prepare step seals it again with the new one", async () => {
    const { user, secret } = await enrolledUser("rotated@example.org");
    const stored = async () => (await t.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).secret;
    const before = await stored();
    const old = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "a new secret for the rotation test, long enough";
    process.env.AUTH_SECRET_1 = old;
    try {
      expect(openTotpSecret(before)).toBe(secret);
      expect(await resealTotpSecrets(t.db)).toBeGreaterThanOrEqual(1);
      const after = await stored();
      expect(after).not.toBe(before);
      delete process.env.AUTH_SECRET_1;
      expect(openTotpSecret(after)).toBe(secret);
      expect(() => openTotpSecret(before)).toThrow(/cannot be opened/);
      // A code from the app still signs in; nothing left to reseal.
      expect(await verifySecondFactor(t.db, user, totp(await codeAt(secret, 1)), null)).toEqual({ method: "totp" });
      expect(await resealTotpSecrets(t.db)).toBe(0);
    } finally {
      process.env.AUTH_SECRET = old;
      delete process.env.AUTH_SECRET_1;
    }
  });

  it("reads a secret stored before sealing, and the prepare step seals it", async () => {
    const user = await createUser(t.db, { email: "legacy@example.org", password: "a long enough password for tests" });
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await t.db.twoFactor.create({ data: { userId: user.id, secret, confirmedAt: new Date() } });
    expect(await verifySecondFactor(t.db, user, totp(await codeAt(secret)), null)).toEqual({ method: "totp" });
    expect(await resealTotpSecrets(t.db)).toBeGreaterThanOrEqual(1);
    const { secret: stored } = await t.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored).toMatch(/^v1\./);
    expect(openTotpSecret(stored)).toBe(secret);
    expect(await verifySecondFactor(t.db, user, totp(await codeAt(secret, 1)), null)).toEqual({ method: "totp" });
  });
});
