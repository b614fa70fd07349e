import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../integration/test-db";
import { bcryptWorkers } from "@/lib/auth/bcrypt-workers";
import { createUser } from "@/lib/users/service";
import { startSession } from "@/lib/auth/sessions";
import { findLiveToken, issueToken } from "@/lib/tokens/service";
import {
  changePassword,
  confirmEmailChange,
  CurrentPasswordThrottledError,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signOutEverywhere,
} from "@/lib/account/service";

// The recovery steps of issue 10 (findings 4, 6, 7 and the forgot-password flood), on a real database
// file. SMTP_URL is unset: sendMail logs each mail it would send, which is how mails are observed here.

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  process.env.SIGN_IN_ACCOUNT_LIMIT = "10";
  process.env.RESET_ACCOUNT_LIMIT = "3";
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const PASSWORD = "the brass band plays at noon";
const NEW_PASSWORD = "the violins answer at midnight";
let n = 0;
const newUser = async (label: string) => createUser(t.db, { email: `${label}-${++n}@example.org`, password: PASSWORD });

/** Subjects and recipients of the mails sent while `run` ran. */
async function mailsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  await run();
  const sent = log.mock.calls.map((c) => String(c[0])).filter((line) => line.startsWith("mfo mail:"));
  log.mockRestore();
  return sent;
}

/** An e-mail-change link and a reset link, both live, as an intruder with a session could leave behind. */
async function pendingLinks(user: { id: string; email: string }) {
  const change = await issueToken(t.db, { userId: user.id, purpose: "email_change", ttlSeconds: 86400, newEmail: `intruder-${user.id}@example.net` });
  const reset = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
  expect(await findLiveToken(t.db, change.raw, "email_change")).not.toBeNull();
  return { change, reset };
}

describe("recovery voids every outstanding link of the account", () => {
  it("changing the password", async () => {
    const user = await newUser("change");
    const { change, reset } = await pendingLinks(user);
    expect(await changePassword(t.db, user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: null })).toBe("ok");
    expect(await findLiveToken(t.db, change.raw, "email_change")).toBeNull();
    expect(await findLiveToken(t.db, reset.raw, "password_reset")).toBeNull();
    expect((await confirmEmailChange(t.db, change.raw, null)).outcome).toBe("invalid");
  });

  it("resetting the password", async () => {
    const user = await newUser("reset");
    const { change } = await pendingLinks(user);
    const used = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
    expect(await resetPassword(t.db, used.raw, NEW_PASSWORD, null)).toEqual(user);
    expect(await findLiveToken(t.db, change.raw, "email_change")).toBeNull();
    expect(await t.db.userToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("signing out everywhere", async () => {
    const user = await newUser("everywhere");
    const { change, reset } = await pendingLinks(user);
    await signOutEverywhere(t.db, user, null);
    expect(await findLiveToken(t.db, change.raw, "email_change")).toBeNull();
    expect(await findLiveToken(t.db, reset.raw, "password_reset")).toBeNull();
  });

  it("confirming an e-mail change ends every session, voids the other links and tells the old address", async () => {
    const user = await newUser("moving");
    const { reset } = await pendingLinks(user);
    await startSession(t.db, user.id, { ip: null, userAgent: "elsewhere" });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    const link = await issueToken(t.db, { userId: user.id, purpose: "email_change", ttlSeconds: 86400, newEmail: `moved-${n}@example.org` });
    let result;
    const mails = await mailsDuring(async () => (result = await confirmEmailChange(t.db, link.raw, null)));
    expect(result).toMatchObject({ outcome: "changed", email: `moved-${n}@example.org` });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await findLiveToken(t.db, reset.raw, "password_reset")).toBeNull();
    expect(mails.some((m) => m.includes('"Your e-mail address was changed ') && m.includes(` to ${user.email} `))).toBe(true);
  });
});

describe("a reset link on a deactivated account", () => {
  it("changes nothing, keeps nothing half-done, and is audited", async () => {
    const user = await newUser("inactive");
    await startSession(t.db, user.id, { ip: null, userAgent: "kept" });
    const before = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    const link = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
    expect(await resetPassword(t.db, link.raw, NEW_PASSWORD, "203.0.113.7")).toBeNull();
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    // Rolled back: the session row the refused reset would have deleted is still there.
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "user.password_reset", subjectId: user.id } })).toBe(0);
    const refused = await t.db.auditEvent.findMany({ where: { action: "user.password_reset_refused", subjectId: user.id } });
    expect(refused).toHaveLength(1);
    expect(refused[0].ip).toBe("203.0.113.7");
  });
});

describe("the current-password check of the signed-in forms", () => {
  it("30 parallel wrong guesses make at most 10 compares; while locked, none, on either form", async () => {
    const user = await newUser("stolen-cookie");
    await startSession(t.db, user.id, { ip: null, userAgent: "victim" });
    const compare = vi.spyOn(bcryptWorkers, "compare");
    const guesses = Array.from({ length: 30 }, (_, i) =>
      i % 2
        ? changePassword(t.db, user, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD, ip: null })
        : requestEmailChange(t.db, user, { currentPassword: `guess ${i}`, newEmail: `elsewhere-${i}@example.org`, ip: null }),
    );
    const outcomes = await Promise.allSettled(guesses);
    expect(compare.mock.calls.length).toBeLessThanOrEqual(10);
    const answered = outcomes.filter((o) => o.status === "fulfilled");
    expect(answered.length).toBe(compare.mock.calls.length);
    for (const o of answered) expect(o.value).toBe("wrong_password");
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect(o.reason).toBeInstanceOf(CurrentPasswordThrottledError);

    compare.mockClear();
    await expect(changePassword(t.db, user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: null })).rejects.toBeInstanceOf(CurrentPasswordThrottledError);
    await expect(requestEmailChange(t.db, user, { currentPassword: PASSWORD, newEmail: "x@example.org", ip: null })).rejects.toBeInstanceOf(CurrentPasswordThrottledError);
    expect(compare).not.toHaveBeenCalled();
    // Nothing changed.
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
  }, 120_000);

  it("answers a wrong current password alike whatever the new values are, and a success clears the count", async () => {
    const user = await newUser("oracle");
    const taken = await newUser("taken");
    const wrong = "not the password at all";
    expect(await requestEmailChange(t.db, user, { currentPassword: wrong, newEmail: user.email, ip: null })).toBe("wrong_password");
    expect(await requestEmailChange(t.db, user, { currentPassword: wrong, newEmail: taken.email, ip: null })).toBe("wrong_password");
    expect(await requestEmailChange(t.db, user, { currentPassword: wrong, newEmail: "free@example.org", ip: null })).toBe("wrong_password");
    const local = user.email.split("@")[0];
    expect(await changePassword(t.db, user, { currentPassword: wrong, newPassword: `${local} and more words`, ip: null })).toBe("wrong_password");
    expect(await changePassword(t.db, user, { currentPassword: wrong, newPassword: NEW_PASSWORD, ip: null })).toBe("wrong_password");
    // Five wrong so far; the right one clears them, so ten more wrong ones are allowed again.
    expect(await requestEmailChange(t.db, user, { currentPassword: PASSWORD, newEmail: user.email, ip: null })).toBe("same");
    expect(await t.db.rateLimit.count({ where: { key: `current-password:account:${user.id}` } })).toBe(0);
  }, 120_000);
});

describe("forgot password for someone else's address", () => {
  it("mails at most RESET_ACCOUNT_LIMIT links a window, and a new request leaves the live link working", async () => {
    const user = await newUser("flooded");
    const mails = await mailsDuring(async () => {
      for (let i = 0; i < 8; i++) await requestPasswordReset(t.db, user.email, `198.51.100.${i}`);
    });
    expect(mails.filter((m) => m.includes('"Reset your password '))).toHaveLength(3);
    expect(await t.db.auditEvent.count({ where: { action: "user.password_reset_throttled", subjectId: user.id } })).toBe(5);
    // The owner's first link still works after the stranger's later requests.
    const live = await t.db.userToken.findMany({ where: { userId: user.id, purpose: "password_reset", usedAt: null } });
    expect(live).toHaveLength(3);
  });
});
