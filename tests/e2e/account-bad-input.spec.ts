import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./env";
import { landAsNewUser, newUser } from "./setup";
import { linkTo, waitForMail } from "./mail";

// Malformed input to the account self-service forms and links never gets a 5xx.

/** Records every response of the page, to assert none was a server error. */
function watchStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on("response", (r) => statuses.push(r.status()));
  return statuses;
}

const LONG = "x".repeat(10_000);

// Several bcrypt hashes and two browsers per test, on two shared cores.
test.describe.configure({ timeout: 120_000 });

test.describe("bad input to account forms and links", () => {
  test("garbage tokens in links get the 'does not work' page", async ({ page }) => {
    const statuses = watchStatuses(page);
    const garbage = ["x", "A".repeat(43), "%FF%FE%FD", "%00", "..%2F..%2Fetc", LONG.slice(0, 4000)];
    for (const prefix of ["/reset-password?token=", "/confirm-email-change?token=", "/confirm-email/verify?token="]) {
      for (const token of garbage) {
        const response = await page.goto(`${prefix}${token}`);
        expect(response?.status(), `${prefix}${token.slice(0, 12)}`).toBeLessThan(500);
      }
    }
    await page.goto(`/reset-password?token=${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.goto("/link-invalid?kind=%FF&kind=x");
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });

  test("a token of one kind opens nothing of another kind, and stays usable for its own", async ({ page }) => {
    const email = await newUser({ prefix: "kinds" });
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    const link = linkTo(await waitForMail(email, /Reset your password/), "/reset-password");
    const token = new URL(link).searchParams.get("token")!;
    await page.goto(`/confirm-email-change?token=${token}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.goto(`/confirm-email/verify?token=${token}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    // The reset form without its token field gets the clear page too.
    await page.locator('input[name="token"]').evaluate((el) => el.remove());
    await page.getByLabel("New password", { exact: true }).fill(E2E.password);
    await page.getByLabel("Confirm new password").fill(E2E.password);
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  });

  test("10 kB strings, missing fields and invalid UTF-8 get messages next to the fields", async ({ page }) => {
    const statuses = watchStatuses(page);
    // Forgot password: 10 kB e-mail.
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("E-mail").fill(`${LONG}@example.org`);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.locator("#field-email-error")).toHaveText("An e-mail address has at most 254 characters");

    // Invalid UTF-8 bytes in place of the e-mail, rewritten in the request on its way out.
    await page.route("**/forgot-password", async (route) => {
      const body = route.request().postDataBuffer();
      if (route.request().method() !== "POST" || !body) return route.continue();
      const marker = Buffer.from("BADUTF8MARKER");
      const at = body.indexOf(marker);
      if (at < 0) return route.continue();
      const patched = Buffer.concat([body.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), body.subarray(at + marker.length)]);
      await route.continue({ postData: patched });
    });
    await page.getByLabel("E-mail").fill("BADUTF8MARKER");
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.locator("#field-email-error")).toHaveText("Enter a valid e-mail address, like name@example.org");
    await page.unrouteAll();

    // Signed in: the security forms with missing and oversized fields.
    await landAsNewUser(page, "badinput");
    await page.goto("/account/security");
    await page.locator("#field-currentPassword").evaluate((el) => el.remove());
    await page.getByLabel("New password", { exact: true }).fill(E2E.password);
    await page.getByLabel("Confirm new password").fill(E2E.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("main").getByText("Enter your password")).toBeVisible();

    await page.goto("/account/security");
    await page.getByLabel("New e-mail address").evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("New e-mail address").fill(LONG);
    await page.locator("#field-email-currentPassword").evaluate((el) => el.removeAttribute("maxlength"));
    await page.locator("#field-email-currentPassword").fill(LONG);
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.locator("#field-newEmail-error")).toHaveText("An e-mail address has at most 254 characters");
    await expect(page.getByLabel("New e-mail address")).toHaveValue(/^x{300,}/);

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
