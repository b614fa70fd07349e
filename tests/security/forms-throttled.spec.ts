import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "../e2e/env";
import { signIn, signUp, uniqueEmail } from "../e2e/helpers";

// Issue 13, finding 5: the main e2e server raises every per-address limit to 100000, so nothing there
// shows that the forms call them. The second server keeps SIGN_UP_IP_LIMIT=20 and EMAIL_IP_LIMIT=10
// (playwright.config.ts); each test here comes from its own address (X-Forwarded-For, read as the
// trusted proxy's entry), so it neither trips nor is tripped by the other tests.
test.use({ baseURL: E2E.confirmBaseURL });
// Twenty sign-ups hash twenty passwords: minutes on a loaded two-core machine.
test.describe.configure({ timeout: 600_000 });

const TOO_MANY = /Too many attempts\. Try again in \d+ minutes?\./;
// A sign-up hashes a password: on a loaded machine one answer can take well over the default 10 s.
const SLOW = { timeout: 60_000 };
/** Runs `steps` in a browser whose every request comes from a fresh client address. */
async function fromOwnAddress(browser: Browser, steps: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.18.${randomInt(256)}.${randomInt(1, 255)}` } });
  try {
    await steps(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the 21st sign-up from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page) => {
    for (let i = 0; i < 20; i++) {
      await signUp(page, uniqueEmail(`throttled-sign-up-${i}`));
      await expect(page).toHaveURL(/\/sign-up\/check-inbox$/, SLOW);
    }
    const last = uniqueEmail("throttled-sign-up-21");
    await signUp(page, last);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_MANY, SLOW);
    await expect(page).toHaveURL(/\/sign-up$/);
  });
});

test("the 11th forgot-password from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page) => {
    for (let i = 0; i < 11; i++) {
      await page.goto("/forgot-password");
      await page.getByLabel("E-mail").fill(uniqueEmail(`throttled-forgot-${i}`));
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      if (i < 10) await expect(page).toHaveURL(/\/forgot-password\/sent$/, SLOW);
    }
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_MANY, SLOW);
    await expect(page).toHaveURL(/\/forgot-password$/);
  });
});

test("the 11th confirmation resend from one address gets 'Too many attempts'", async ({ browser }) => {
  await fromOwnAddress(browser, async (page) => {
    const email = uniqueEmail("throttled-resend");
    await signUp(page, email);
    await expect(page).toHaveURL(/\/sign-up\/check-inbox$/, SLOW);
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount");
    await expect(page).toHaveURL(/\/confirm-email$/, SLOW);
    const alert = page.getByRole("main").getByRole("alert");
    for (let i = 0; i < 10; i++) {
      await page.getByRole("button", { name: "Send the link again" }).click();
      // Within the minute: the per-user wait answers, after the per-address count was taken.
      await expect(alert).toContainText("We sent a link less than a minute ago", SLOW);
      await page.reload();
    }
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(alert).toHaveText(TOO_MANY, SLOW);
  });
});
