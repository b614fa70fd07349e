import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { authenticate } from "@/lib/users/service";
import { consumeToken, findLiveToken, issueToken } from "@/lib/tokens/service";
import { hashToken } from "@/lib/tokens/token";
import { startSession } from "@/lib/auth/sessions";
import { PasswordRefusedError } from "@/lib/validation/password";
import { changePassword, confirmEmailChange, requestEmailChange, resetPassword, sendEmailConfirmation } from "@/lib/account/service";

// SMTP_URL is unset here: the services log that the mail was not sent and carry on.

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const PASSWORD = "the brass band plays at noon";
const NEW_PASSWORD = "the violins answer at midnight";

describe("tokens", () => {
  it("store only the hash, and are used once even by ten requests at the same moment", async () => {
    const user = await createUser(t.db, { email: "once@example.org", password: PASSWORD });
    const { raw } = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
    expect(await t.db.userToken.count({ where: { tokenHash: raw } })).toBe(0);
    expect(await t.db.userToken.count({ where: { tokenHash: hashToken(raw) } })).toBe(1);
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(t.db, raw, "password_reset")));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await findLiveToken(t.db, raw, "password_reset")).toBeNull();
  });

  it("work for their own purpose only, and a newer one supersedes the older", async () => {
    const user = await createUser(t.db, { email: "purpose@example.org", password: PASSWORD });
    const first = await issueToken(t.db, { userId: user.id, purpose: "email_confirm", ttlSeconds: 3600 });
    expect(await findLiveToken(t.db, first.raw, "password_reset")).toBeNull();
    const second = await issueToken(t.db, { userId: user.id, purpose: "email_confirm", ttlSeconds: 3600 });
    expect(await findLiveToken(t.db, first.raw, "email_confirm")).toBeNull();
    expect(await findLiveToken(t.db, second.raw, "email_confirm")).not.toBeNull();
  });
});

describe("password reset and change", () => {
  it("reset sets the password, ends every session and audits, in one go", async () => {
    const user = await createUser(t.db, { email: "reset@example.org", password: PASSWORD });
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    const { raw } = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
    expect(await resetPassword(t.db, raw, NEW_PASSWORD, "203.0.113.9")).toEqual(user);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await authenticate(t.db, user.email, NEW_PASSWORD, null)).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "user.password_reset", subjectId: user.id } })).toBe(1);
    expect(await resetPassword(t.db, raw, PASSWORD, null)).toBeNull();
  });

  it("change refuses a wrong current password and changes nothing; a change ends every session but the caller's", async () => {
    const user = await createUser(t.db, { email: "change@example.org", password: PASSWORD });
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    const mine = (await t.db.session.findFirstOrThrow({ where: { userId: user.id } })).id;
    expect(await changePassword(t.db, user, { currentPassword: "wrong", newPassword: NEW_PASSWORD, ip: null, keepSessionId: mine })).toBe("wrong_password");
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await changePassword(t.db, user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, ip: null, keepSessionId: mine })).toBe("ok");
    expect((await t.db.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([mine]);
  });

  it("reset and change refuse a new password the policy refuses for this account (its e-mail), changing nothing", async () => {
    const user = await createUser(t.db, { email: "cellist@example.org", password: PASSWORD });
    const withEmail = "the cellist tunes before the matinee";
    const { raw } = await issueToken(t.db, { userId: user.id, purpose: "password_reset", ttlSeconds: 3600 });
    await expect(resetPassword(t.db, raw, withEmail, null)).rejects.toThrow(PasswordRefusedError);
    await expect(changePassword(t.db, user, { currentPassword: PASSWORD, newPassword: withEmail, ip: null })).rejects.toThrow(
      "password refused: Your password must not contain your e-mail address",
    );
    // Services apply the whole policy, not only the e-mail rule the forms could not check.
    await expect(changePassword(t.db, user, { currentPassword: PASSWORD, newPassword: "short", ip: null })).rejects.toThrow(PasswordRefusedError);
    expect(await authenticate(t.db, user.email, PASSWORD, null)).not.toBeNull();
    expect(await findLiveToken(t.db, raw, "password_reset")).not.toBeNull(); // the link works for a better password
  });
});

describe("e-mail change and confirmation", () => {
  it("changes the address only through the link, and not to a taken one", async () => {
    const user = await createUser(t.db, { email: "old@example.org", password: PASSWORD });
    await createUser(t.db, { email: "taken@example.org", password: PASSWORD });
    expect(await requestEmailChange(t.db, user, { newEmail: "taken@example.org", currentPassword: PASSWORD, ip: null })).toBe("taken");
    expect(await requestEmailChange(t.db, user, { newEmail: "old@example.org", currentPassword: PASSWORD, ip: null })).toBe("same");
    expect(await requestEmailChange(t.db, user, { newEmail: "new@example.org", currentPassword: "nope", ip: null })).toBe("wrong_password");
    expect(await requestEmailChange(t.db, user, { newEmail: "new@example.org", currentPassword: PASSWORD, ip: null })).toBe("ok");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("old@example.org");
    // The link is in the mail; here, issue one directly and follow it after someone takes the address.
    const { raw } = await issueToken(t.db, { userId: user.id, purpose: "email_change", ttlSeconds: 3600, newEmail: "grab@example.org" });
    await createUser(t.db, { email: "grab@example.org", password: PASSWORD });
    expect(await confirmEmailChange(t.db, raw, null)).toEqual({ outcome: "taken" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("old@example.org");
    const ok = await issueToken(t.db, { userId: user.id, purpose: "email_change", ttlSeconds: 3600, newEmail: "fine@example.org" });
    expect(await confirmEmailChange(t.db, ok.raw, null)).toMatchObject({ outcome: "changed", email: "fine@example.org" });
  });

  it("resends a confirmation at most once a minute", async () => {
    const user = await createUser(t.db, { email: "confirm@example.org", password: PASSWORD });
    expect(await sendEmailConfirmation(t.db, user)).toBe(0);
    const wait = await sendEmailConfirmation(t.db, user);
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await t.db.userToken.count({ where: { userId: user.id, purpose: "email_confirm" } })).toBe(1);
  });
});
