import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "../e2e/env";
import { signUp, uniqueEmail } from "../e2e/helpers";
import { countAttempts, newUser, signInDirectly } from "../e2e/setup";

// Issue 13, finding 5: the main e2e server raises every per-address limit to 100000, so nothing there
// shows that the forms call them. The second server keeps SIGN_UP_IP_LIMIT=20 and EMAIL_IP_LIMIT=10
// (playwright.config.ts); each test here comes from its own address (X-Forwarded-For, read as the
// trusted proxy's entry), so it neither trips nor is tripped by the other tests.
// Each test first counts all but one of its address's allowance through the forms' own throttle
// (lib/auth/throttles.ts attemptByIp), then submits the form twice: the last allowed submission goes
// through (so the form's count and the prefilled one are the same key, and the limit is not lower),
// and the next one is refused (so the form counted its submission and consulted the limit).
test.use({ baseURL: E2E.confirmBaseURL });

const TOO_MANY = /Too many attempts\. Try again in \d+ minutes?\./;
// A sign-up hashes a password: on a loaded machine one answer can take well over the default 10 s.
const SLOW = { timeout: 60_000 };
const SIGN_UP_IP_LIMIT = 20;
const EMAIL_IP_LIMIT = 10;

/** Runs `steps` in a browser whose every request comes from a fresh client address. */
async function fromOwnAddress(browser: Browser, steps: (page: Page, ip: string) => Promise<void>) {
  const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ip } });
  try {
    await steps(await context.newPage(), ip);
  } finally {
    await context.close();
  }
}

test("the 21st sign-up from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page, ip) => {
    expect(await countAttempts("sign-up", ip, SIGN_UP_IP_LIMIT - 1, "confirm")).toBe(SIGN_UP_IP_LIMIT - 1);
    await signUp(page, uniqueEmail("throttled-sign-up-20"));
    await expect(page).toHaveURL(/\/sign-up\/check-inbox$/, SLOW);
    await signUp(page, uniqueEmail("throttled-sign-up-21"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_MANY, SLOW);
    await expect(page).toHaveURL(/\/sign-up$/);
  });
});

test("the 11th forgot-password from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page, ip) => {
    expect(await countAttempts("forgot-password", ip, EMAIL_IP_LIMIT - 1, "confirm")).toBe(EMAIL_IP_LIMIT - 1);
    for (const i of [10, 11]) {
      await page.goto("/forgot-password");
      await page.getByLabel("E-mail").fill(uniqueEmail(`throttled-forgot-${i}`));
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      if (i === 10) await expect(page).toHaveURL(/\/forgot-password\/sent$/, SLOW);
    }
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_MANY, SLOW);
    await expect(page).toHaveURL(/\/forgot-password$/);
  });
});

test("the 11th confirmation resend from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page, ip) => {
    // An unconfirmed account (as sign-up leaves it here), signed in: /account sends it to /confirm-email.
    const email = await newUser({ prefix: "throttled-resend", server: "confirm" });
    await signInDirectly(page, email, { server: "confirm", ip });
    await page.goto("/account");
    await expect(page).toHaveURL(/\/confirm-email$/, SLOW);
    expect(await countAttempts("resend-confirmation", ip, EMAIL_IP_LIMIT - 1, "confirm")).toBe(EMAIL_IP_LIMIT - 1);
    // The 10th: allowed, and a link is sent (no link was sent less than a minute ago).
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("status").filter({ hasText: `We sent a new link to ${email}.` })).toBeVisible(SLOW);
    await page.reload();
    // The 11th: refused before the per-user wait would answer.
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_MANY, SLOW);
  });
});
