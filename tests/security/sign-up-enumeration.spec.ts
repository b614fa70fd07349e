import { expect, test, type Page } from "@playwright/test";
import { createClient } from "@libsql/client";
import { E2E } from "../e2e/env";
import { signUp, uniqueEmail } from "../e2e/helpers";
import { mailTo, waitForMail } from "../e2e/mail";

// Issue 10, finding 13: with REQUIRE_EMAIL_CONFIRMATION=true (the second e2e server), sign-up answers a
// registered address exactly as a new one and tells the owner by mail instead.
test.use({ baseURL: E2E.confirmBaseURL });
test.describe.configure({ timeout: 120_000 });

/** What a visitor sees after signing up: where they are, the main text, and whether they hold a session. */
async function answer(page: Page) {
  // A sign-up hashes a password: on a loaded machine the answer can take well over the default 10 s.
  await expect(page).not.toHaveURL(/\/sign-up$/, { timeout: 60_000 });
  const cookies = await page.context().cookies();
  return {
    path: new URL(page.url()).pathname,
    text: (await page.getByRole("main").innerText()).trim(),
    signedIn: cookies.some((c) => c.name.includes("session-token")),
  };
}

test("a taken address gets the answer a new one gets; its owner gets a mail; nothing else changes", async ({ browser }) => {
  const email = uniqueEmail("enum-owner");
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const newcomer = await first.newPage();
    await signUp(newcomer, email);
    const asNew = await answer(newcomer);
    expect(asNew).toEqual({ path: "/sign-up/check-inbox", text: expect.stringContaining("Check your inbox to continue"), signedIn: false });
    await waitForMail(email, /Confirm your e-mail address/);

    const prober = await second.newPage();
    await signUp(prober, email.toUpperCase(), "a different password for the same address");
    expect(await answer(prober)).toEqual(asNew);

    const notice = await waitForMail(email, /Someone tried to sign up/);
    expect(notice.text).toContain("sign in, or reset your password");
    // No second confirmation link, no second account.
    expect(await mailTo(email, /Confirm your e-mail address/)).toHaveLength(1);
    const rows = await createClient({ url: E2E.confirmDatabaseUrl }).execute({ sql: "SELECT count(*) AS n FROM User WHERE email = ?", args: [email] });
    expect(Number(rows.rows[0].n)).toBe(1);
  } finally {
    await first.close();
    await second.close();
  }
});
