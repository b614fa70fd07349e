import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eDb } from "./helpers";
import { landAsAdmin } from "./setup";

// The e2e server runs with the default FESTIVAL_TIME_ZONE, America/Toronto (UTC-5 in winter).
test("times are shown in the festival's zone, recent ones relatively with the exact time kept", async ({ page }) => {
  const id = `times-${randomUUID().slice(0, 8)}`;
  const twoHoursAgo = Date.now() - 2 * 3600_000 - 60_000;
  await e2eDb().execute({
    sql: "INSERT INTO User (id, email, active, createdAt, updatedAt, currentSignInAt, lastSignInAt) VALUES (?, ?, 1, ?, ?, ?, ?)",
    // Joined at 03:30 UTC on 15 January: still the 14th in Toronto. Signed in two hours ago, and
    // before that at 17:05 UTC on 20 January, 12:05 in Toronto.
    args: [id, `${id}@example.org`, Date.UTC(2026, 0, 15, 3, 30), Date.UTC(2026, 0, 15, 3, 30), twoHoursAgo, Date.UTC(2026, 0, 20, 17, 5)],
  });
  await landAsAdmin(page, `/admin/users/${id}`);
  const row = (label: string) => page.locator(".details div").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");
  await expect(row("Member since")).toHaveText("14 January 2026");
  await expect(row("Sign-in before that")).toHaveText("20 Jan 2026, 12:05 EST");
  const recent = row("Latest sign-in").locator("time");
  await expect(recent).toContainText("2 hours ago");
  await expect(recent).toHaveAttribute("datetime", new Date(twoHoursAgo).toISOString());
  await expect(recent).toHaveAttribute("title", /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} E[SD]T$/);
  // Screen readers get the exact time too, not only "2 hours ago".
  const title = await recent.getAttribute("title");
  await expect(recent).toHaveText(`2 hours ago (${title})`);
});
