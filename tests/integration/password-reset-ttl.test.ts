import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MailDev } from "maildev";
import { createTestDb } from "./test-db";
import { createUser, authenticate } from "@/lib/users/service";
import { requestPasswordReset, resetPassword } from "@/lib/account/service";
import { findLiveToken } from "@/lib/tokens/service";

// PASSWORD_RESET_TTL as the app reads it (lib/env.ts, from the environment): the forgot-password
// service issues a link that works that long and no longer. The link is read from a real mail, sent
// over SMTP to maildev; the clock is moved forward, the database row is left as the service wrote it.
const TTL_SECONDS = 120;
const PASSWORD = "the evening choir sings in tune";
const NEW_PASSWORD = "a brand new password for the festival";

let t: Awaited<ReturnType<typeof createTestDb>>;
let maildev: MailDev;
let storage: Awaited<ReturnType<MailDev["start"]>>["storage"];
beforeAll(async () => {
  maildev = new MailDev({ smtp: 0, ip: "127.0.0.1", disableWeb: true, silent: true });
  const servers = await maildev.start();
  storage = servers.storage;
  // Port 0: the system chose a free one.
  const { port } = (servers.smtp as unknown as { smtp: { server: { address(): { port: number } } } }).smtp.server.address();
  // Read once, when the service first asks for its settings: nothing in this file has asked yet.
  Object.assign(process.env, { PASSWORD_RESET_TTL: String(TTL_SECONDS), SMTP_URL: `smtp://127.0.0.1:${port}`, AUTH_URL: "http://festival.test" });
  t = await createTestDb();
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.cleanup();
  await maildev?.stop();
});

async function mailedToken(to: string): Promise<{ token: string; text: string }> {
  for (let i = 0; i < 100; i++) {
    const mail = (await storage.getAll()).find((m) => m.to.some((a) => a.address === to));
    if (mail?.text) return { token: /\/reset-password\?token=([\w-]+)/.exec(mail.text)![1], text: mail.text };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to}`);
}

describe("PASSWORD_RESET_TTL", () => {
  it("a forgot-password link works for that many seconds and not after", async () => {
    const user = await createUser(t.db, { email: "ttl@example.org", password: PASSWORD });
    const requested = Date.now();
    expect(await requestPasswordReset(t.db, user.email, "203.0.113.5")).toBe(true);
    const { token, text } = await mailedToken(user.email);
    expect(text).toContain("The link below works once, for 2 minutes.");
    const row = await t.db.userToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password_reset" } });
    // The expiry is the request's time plus the TTL (the row's createdAt is the database's, a moment later).
    expect(row.expiresAt.getTime() - requested).toBeGreaterThanOrEqual(TTL_SECONDS * 1000);
    expect(row.expiresAt.getTime() - requested).toBeLessThan((TTL_SECONDS + 10) * 1000);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(row.expiresAt.getTime() - 5000);
    expect(await findLiveToken(t.db, token, "password_reset")).not.toBeNull();
    vi.setSystemTime(row.expiresAt.getTime() + 5000);
    expect(await findLiveToken(t.db, token, "password_reset")).toBeNull();
    expect(await resetPassword(t.db, token, NEW_PASSWORD, "203.0.113.5")).toBeNull();
    vi.useRealTimers();
    expect(await authenticate(t.db, user.email, PASSWORD, null)).not.toBeNull(); // the password is unchanged
  });
});
