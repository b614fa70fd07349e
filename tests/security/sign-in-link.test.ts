import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../integration/test-db";
import { createUser } from "@/lib/users/service";
import { issueToken } from "@/lib/tokens/service";
import { signOutEverywhere } from "@/lib/account/service";
import { redeemSignInLink, requestSignInLink, SIGN_IN_LINK_TTL_SECONDS } from "@/lib/auth/sign-in-link";
import { completeSignIn } from "@/lib/users/service";

// E-mail sign-in links (lib/auth/sign-in-link.ts) on a real database file. SMTP_URL is unset: sendMail
// logs each mail it would send, which is how mails are observed here.

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  process.env.SIGN_IN_LINK_ACCOUNT_LIMIT = "3";
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

let n = 0;
const newUser = async (label: string) => createUser(t.db, { email: `${label}-${++n}@example.org`, password: "the brass band plays at noon" });

async function mailsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  await run();
  const sent = log.mock.calls.map((c) => String(c[0])).filter((line) => line.startsWith("mfo mail:"));
  log.mockRestore();
  return sent;
}

describe("asking for a sign-in link", () => {
  it("mails at most SIGN_IN_LINK_ACCOUNT_LIMIT links per account a window, whoever asks; earlier links keep working", async () => {
    const user = await newUser("flooded");
    const mails = await mailsDuring(async () => {
      for (let i = 0; i < 8; i++) await requestSignInLink(t.db, user.email, `198.51.100.${i}`);
    });
    expect(mails.filter((m) => m.includes('"Your sign-in link '))).toHaveLength(3);
    expect(await t.db.auditEvent.count({ where: { action: "user.sign_in_link_throttled", subjectId: user.id } })).toBe(5);
    expect(await t.db.userToken.count({ where: { userId: user.id, purpose: "sign_in_link", usedAt: null } })).toBe(3);
  });

  it("sends nothing for an unknown or a deactivated address", async () => {
    const inactive = await newUser("inactive");
    await t.db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const mails = await mailsDuring(async () => {
      expect(await requestSignInLink(t.db, "nobody-here@example.org", null)).toBe(false);
      expect(await requestSignInLink(t.db, inactive.email, null)).toBe(false);
    });
    expect(mails).toHaveLength(0);
    expect(await t.db.userToken.count({ where: { userId: inactive.id } })).toBe(0);
  });
});

/**
 * What the "email-link" provider does for an account without a second factor: the link once, then the
 * sign-in completed (finishFirstFactor, which imports Auth.js and so cannot load here; its second-factor
 * branch is tested end to end in sign-in-link.spec.ts).
 */
async function linkSignIn(raw: string) {
  const userId = await redeemSignInLink(t.db, raw);
  return userId ? completeSignIn(t.db, userId, null, "email_link") : null;
}

describe("using a sign-in link", () => {
  it("works once: of 20 parallel uses exactly one signs in", async () => {
    const user = await newUser("race");
    const token = await issueToken(t.db, { userId: user.id, purpose: "sign_in_link", ttlSeconds: SIGN_IN_LINK_TTL_SECONDS });
    const results = await Promise.all(Array.from({ length: 20 }, () => linkSignIn(token.raw)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)?.id).toBe(user.id);
    expect(await t.db.auditEvent.count({ where: { action: "user.signed_in", subjectId: user.id } })).toBe(1);
  });

  it("is refused once expired, for another purpose's token, for a deactivated account, and after 'sign out everywhere'", async () => {
    const user = await newUser("refused");
    const expired = await issueToken(t.db, { userId: user.id, purpose: "sign_in_link", ttlSeconds: 60 });
    await t.db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await linkSignIn(expired.raw)).toBeNull();

    const reset = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 600 });
    expect(await linkSignIn(reset.raw)).toBeNull();

    const voided = await issueToken(t.db, { userId: user.id, purpose: "sign_in_link", ttlSeconds: 600 });
    await signOutEverywhere(t.db, user, null);
    expect(await linkSignIn(voided.raw)).toBeNull();

    const inactive = await issueToken(t.db, { userId: user.id, purpose: "sign_in_link", ttlSeconds: 600 });
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await linkSignIn(inactive.raw)).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "user.signed_in", subjectId: user.id } })).toBe(0);
  });

  it("confirms the address it was mailed to", async () => {
    const user = await newUser("confirms");
    const token = await issueToken(t.db, { userId: user.id, purpose: "sign_in_link", ttlSeconds: 600 });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    expect(await linkSignIn(token.raw)).not.toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
  });
});
