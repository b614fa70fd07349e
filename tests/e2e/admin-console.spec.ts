import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E } from "./env";
import { e2eDb, formAlert, signIn, signUpAndLand } from "./helpers";
import { landAsAdmin, landAsNewUser, newUser, signInDirectly } from "./setup";
import { linkTo, waitForMail } from "./mail";

async function userRow(email: string) {
  const rows = await e2eDb().execute({
    sql: "SELECT id, active, (SELECT count(*) FROM Session s WHERE s.userId = User.id) AS sessions FROM User WHERE email = ?",
    args: [email],
  });
  return rows.rows[0] ? { id: String(rows.rows[0].id), active: Number(rows.rows[0].active) === 1, sessions: Number(rows.rows[0].sessions) } : null;
}

async function rolesOf(email: string): Promise<string[]> {
  const rows = await e2eDb().execute({
    sql: "SELECT r.name FROM UserRole ur JOIN Role r ON r.id = ur.roleId JOIN User u ON u.id = ur.userId WHERE u.email = ? ORDER BY r.name",
    args: [email],
  });
  return rows.rows.map((r) => String(r.name));
}

async function auditCount(action: string, subjectLabel: string): Promise<number> {
  const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE action = ? AND subjectLabel = ?", args: [action, subjectLabel] });
  return Number(rows.rows[0].n);
}

/** A new user holding `role` besides the sign-up role, signed in, on /admin. */
async function signInWithRole(page: Page, prefix: string, role: string): Promise<string> {
  const email = await newUser({ prefix, roles: [role] });
  await signInDirectly(page, email);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);
  return email;
}

/** The dashboard's figures, counted straight from the database. */
async function dashboardCounts() {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const count = async (sql: string, ...args: number[]) => Number((await e2eDb().execute({ sql, args })).rows[0].n);
  return {
    users: await count("SELECT count(*) AS n FROM User"),
    active: await count("SELECT count(*) AS n FROM User WHERE active = 1"),
    newThisWeek: await count("SELECT count(*) AS n FROM User WHERE createdAt >= ?", now - 7 * day),
    signInsLastDay: await count("SELECT count(*) AS n FROM AuditEvent WHERE action = 'user.signed_in' AND createdAt >= ?", now - day),
  };
}

function flash(page: Page) {
  return page.locator(".flash");
}

test.describe("admin console", () => {
  test("the dashboard shows the counts and recent security events", async ({ page }) => {
    const email = await newUser({ prefix: "dash" });
    await landAsAdmin(page);
    // Other tests write in parallel: compare with the database when it did not change around a page load.
    let attempt = 0;
    for (;;) {
      const before = await dashboardCounts();
      await page.goto("/admin");
      const shown = {
        users: Number(await page.getByTestId("user-count").textContent()),
        active: Number(await page.getByTestId("active-count").textContent()),
        newThisWeek: Number(await page.getByTestId("new-count").textContent()),
        signInsLastDay: Number(await page.getByTestId("sign-in-count").textContent()),
      };
      const after = await dashboardCounts();
      if (JSON.stringify(before) === JSON.stringify(after)) {
        expect(shown).toEqual(before);
        break;
      }
      expect(++attempt, "the database kept changing during every page load").toBeLessThan(20);
    }
    await expect(page.getByRole("table", { name: "Recent security events" })).toContainText(email);
  });

  test("users: search by e-mail prefix, filter by role and status, sort, total and pages of 50", async ({ page }) => {
    const tag = `srch${Date.now()}`;
    // Users 0, 3, 6… signed in, at times unrelated to their creation order (for the last-sign-in sort).
    const signedInAt = (i: number) => (i % 3 === 0 ? Date.UTC(2023, 0, 1) + ((i * 7) % 53) * 60_000 : null);
    await e2eDb().batch(
      Array.from({ length: 53 }, (_, i) => ({
        sql: "INSERT INTO User (id, email, name, active, createdAt, updatedAt, currentSignInAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
        args: [`${tag}-${i}`, `${tag}-${String(i).padStart(2, "0")}@example.org`, `Player ${i}`, i % 2, Date.UTC(2022, 0, 1) + i * 1000, Date.UTC(2022, 0, 1), signedInAt(i)],
      })),
    );
    await landAsAdmin(page);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await page.getByLabel("E-mail or name starts with").fill(tag);
    await page.getByLabel("Sort by").selectOption("email");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("match-count")).toHaveText("53");
    await expect(page.locator("tbody tr")).toHaveCount(50);
    await expect(page.locator("tbody tr").first()).toContainText(`${tag}-00@example.org`);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page.locator("tbody tr")).toHaveCount(3);
    await expect(page.locator("tbody tr").last()).toContainText(`${tag}-52@example.org`);
    // Inactive ones only (even numbers), newest first.
    await page.goto(`/admin/users?q=${tag}&status=inactive`);
    await expect(page.getByTestId("match-count")).toHaveText("27");
    await expect(page.locator("tbody tr").first()).toContainText(`${tag}-52@example.org`);
    await expect(page.locator("tbody")).not.toContainText(`${tag}-51@example.org`);
    // By last sign-in, the most recent first, through the page's own sort control.
    await page.goto(`/admin/users?q=${tag}`);
    await page.getByLabel("Sort by").selectOption("last-sign-in");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/sort=last-sign-in/);
    const bySignIn = Array.from({ length: 53 }, (_, i) => i)
      .filter((i) => signedInAt(i) !== null)
      .sort((a, b) => signedInAt(b)! - signedInAt(a)!)
      .map((i) => `${tag}-${String(i).padStart(2, "0")}@example.org`);
    await expect(page.locator("tbody tr td:first-child")).toHaveText([...bySignIn, ...Array(50 - bySignIn.length).fill(new RegExp(`^${tag}-`))]);
    // By role: the bulk users hold none, the seeded admin holds admin.
    await page.goto("/admin/users?role=admin");
    await expect(page.locator("tbody")).toContainText(E2E.admin.email);
    await expect(page.locator("tbody")).not.toContainText(tag);
  });

  test("user page: add and remove a role, deactivate and reactivate, delete after confirming; each one audit event", async ({ page, browser }) => {
    const victimContext = await browser.newContext();
    const victimPage = await victimContext.newPage();
    const victim = await landAsNewUser(victimPage, "subject");
    const { id } = (await userRow(victim))!;
    await landAsAdmin(page);
    await page.goto(`/admin/users/${id}`);
    await expect(page.getByRole("heading", { name: victim })).toBeVisible();

    await page.getByLabel("Role to add").selectOption("teacher");
    await page.getByRole("button", { name: "Add role" }).click();
    await expect(flash(page)).toContainText("Role teacher granted.");
    expect(await rolesOf(victim)).toEqual(["participant", "teacher"]);
    expect(await auditCount("role.granted", victim)).toBe(1);

    await page.getByRole("button", { name: "Remove teacher" }).click();
    await expect(flash(page)).toContainText("Role teacher removed.");
    expect(await rolesOf(victim)).toEqual(["participant"]);
    expect(await auditCount("role.revoked", victim)).toBe(1);

    await page.getByRole("button", { name: "Deactivate" }).click();
    await expect(flash(page)).toContainText("The user is deactivated");
    await expect(page.getByTestId("user-status")).toHaveText("Inactive");
    expect((await userRow(victim))!.active).toBe(false);
    expect(await auditCount("user.deactivated", victim)).toBe(1);
    // The deactivated user's open session ends at their next request.
    await victimPage.goto("/account");
    await expect(victimPage).toHaveURL(/\/sign-in/);
    await victimContext.close();

    await page.getByRole("button", { name: "Activate" }).click();
    await expect(page.getByTestId("user-status")).toHaveText("Active");
    expect(await auditCount("user.activated", victim)).toBe(1);

    await page.getByRole("link", { name: "Delete user…" }).click();
    await expect(page.getByRole("heading", { name: `Delete ${victim}?` })).toBeVisible();
    expect(await userRow(victim)).not.toBeNull(); // nothing happens before the confirmation
    await page.getByRole("button", { name: "Delete this user permanently" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(flash(page)).toContainText("The user has been deleted.");
    expect(await userRow(victim)).toBeNull();
    expect(await auditCount("user.deleted", victim)).toBe(1);
  });

  test("user page: an organizer sends a password-reset link that works, audited with the organizer as actor", async ({ page, browser }) => {
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    const target = await newUser({ prefix: "forgetful" });
    const { id } = (await userRow(target))!;
    await landAsAdmin(page);
    await page.goto(`/admin/users/${id}`);
    await page.getByRole("button", { name: "Send password-reset link" }).click();
    await expect(flash(page)).toContainText("A password-reset link has been sent.");
    const mail = await waitForMail(target, /Reset your password/);
    const rows = await e2eDb().execute({
      sql: "SELECT actorLabel FROM AuditEvent WHERE action = 'user.password_reset_requested' AND subjectLabel = ?",
      args: [target],
    });
    expect(rows.rows.map((r) => String(r.actorLabel))).toEqual([E2E.admin.email]);
    // The link is the same single-use link the user would get from /forgot-password.
    await userPage.goto(linkTo(mail, "/reset-password"));
    await expect(userPage.getByLabel("New password", { exact: true })).toBeVisible();
    await userContext.close();
  });

  test("roles: create with permissions, rename and describe, untick, delete; admin has no delete button", async ({ page }) => {
    const name = `crew-${Date.now()}`;
    await landAsAdmin(page);
    await page.goto("/admin/roles");
    await page.getByLabel("Name").fill("Not Valid!");
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.locator("#field-name-error")).toContainText("lower-case");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description").fill("Stage crew");
    await page.getByLabel("users.read").check();
    await page.getByLabel("audit.read").check();
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByRole("heading", { name: `Role ${name}` })).toBeVisible();
    await expect(page.getByLabel("users.read")).toBeChecked();
    await expect(page.getByLabel("roles.manage")).not.toBeChecked();

    await page.getByLabel("Name").fill(`${name}-2`);
    await page.getByLabel("Description").fill("Stage and sound crew");
    await page.getByLabel("audit.read").uncheck();
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByRole("heading", { name: `Role ${name}-2` })).toBeVisible();
    await expect(page.getByLabel("audit.read")).not.toBeChecked();
    const perms = await e2eDb().execute({
      sql: "SELECT p.name FROM RolePermission rp JOIN Role r ON r.id = rp.roleId JOIN Permission p ON p.id = rp.permissionId WHERE r.name = ?",
      args: [`${name}-2`],
    });
    expect(perms.rows.map((r) => String(r.name))).toEqual(["users.read"]);

    await page.getByRole("button", { name: `Delete role ${name}-2` }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.locator("tbody")).not.toContainText(name);

    await page.getByRole("link", { name: "admin", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Role admin" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Delete role/ })).toHaveCount(0);
  });

  test("audit log: events with actor, subject and IP, filtered by action and by user", async ({ page }) => {
    const email = await signUpAndLand(page, "audited");
    await page.context().clearCookies();
    await signIn(page, email, "not the right password at all");
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password");
    await landAsAdmin(page);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("E-mail of the user").fill(email);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(3); // signed up, signed in, sign-in failed
    await expect(page.locator('tbody tr[data-action="user.sign_in_failed"]')).toContainText("wrong_password");
    // Each row shows its event's actor, subject and IP (columns 3 to 5), as stored.
    const stored = await e2eDb().execute({ sql: "SELECT action, actorLabel, subjectLabel, ip FROM AuditEvent WHERE subjectLabel = ?", args: [email] });
    expect(stored.rows).toHaveLength(3);
    for (const event of stored.rows) {
      const cells = page.locator(`tbody tr[data-action="${String(event.action)}"] td`);
      await expect(cells.nth(2), `${event.action} actor`).toHaveText(String(event.actorLabel));
      await expect(cells.nth(3), `${event.action} subject`).toHaveText(email);
      // The browser's address as the server saw it: loopback here, never empty.
      expect(String(event.ip), `${event.action} ip`).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
      await expect(cells.nth(4), `${event.action} IP`).toHaveText(String(event.ip));
    }
    // The user acted themselves when signing up and in.
    await expect(page.locator('tbody tr[data-action="user.signed_up"] td').nth(2)).toHaveText(email);
    await expect(page.locator('tbody tr[data-action="user.signed_in"] td').nth(2)).toHaveText(email);
    await page.getByLabel("Action").selectOption("user.signed_up");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(email);
    await expect(page.getByTestId("event-count")).toHaveText("1");
  });
});

test("the console's pages have no axe violations", async ({ page }) => {
  test.setTimeout(240_000); // seven pages, two with 50-row tables, on a shared 2-core machine
  await landAsAdmin(page);
  const admin = (await userRow(E2E.admin.email))!;
  const role = await e2eDb().execute("SELECT id FROM Role WHERE name = 'organizer'");
  for (const path of ["/admin", "/admin/users", `/admin/users/${admin.id}`, `/admin/users/${admin.id}/delete`, "/admin/roles", `/admin/roles/${role.rows[0].id}`, "/admin/audit"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test.describe("an organizer may look but not change", () => {
  test("sees users and roles without edit controls, and a replayed edit action is refused with 403", async ({ page, browser }) => {
    const victim = await newUser({ prefix: "target" });
    const { id } = (await userRow(victim))!;

    // The admin's "Deactivate" request, captured and not sent.
    await landAsAdmin(page);
    await page.goto(`/admin/users/${id}`);
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await page.route(`**/admin/users/${id}`, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      const headers = await request.allHeaders();
      delete headers.cookie;
      captured = { url: request.url(), headers, body: request.postDataBuffer()! };
      await route.abort();
    });
    await page.getByRole("button", { name: "Deactivate" }).click();
    await expect.poll(() => captured).not.toBeNull();
    expect(captured!.headers["next-action"]).toBeTruthy();
    expect((await userRow(victim))!.active).toBe(true);

    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    await signInWithRole(organizer, "organizer", "organizer");
    await organizer.goto("/admin/users");
    await expect(organizer.getByRole("heading", { name: "Users" })).toBeVisible();
    await organizer.goto(`/admin/users/${id}`);
    await expect(organizer.getByRole("heading", { name: victim })).toBeVisible();
    await expect(organizer.getByRole("button")).toHaveText(["Sign out"]); // no edit controls at all
    await organizer.goto("/admin/roles");
    await expect(organizer.getByRole("button", { name: "Create role" })).toHaveCount(0);
    expect((await organizer.goto(`/admin/users/${id}/delete`))?.status()).toBe(403);

    const replay = (p: Page) => p.request.post(captured!.url, { headers: captured!.headers, data: captured!.body, maxRedirects: 0 });
    const refused = await replay(organizer);
    expect(refused.status()).toBe(403);
    expect((await userRow(victim))!.active).toBe(true);
    expect(await auditCount("user.deactivated", victim)).toBe(0);

    // The same request from the admin's session does deactivate: the replay itself was sound.
    await page.unrouteAll();
    const allowed = await replay(page);
    expect(allowed.status()).toBeLessThan(400);
    expect((await userRow(victim))!.active).toBe(false);
    await organizerContext.close();
  });
});

test.describe("festival roles on /account", () => {
  test("a user picks and drops festival roles, without being signed out; admin and organizer are refused", async ({ page }) => {
    const email = await landAsNewUser(page, "picker");
    const before = (await userRow(email))!.sessions;
    await page.getByLabel(/^teacher/).check();
    await page.getByLabel(/^accompanist/).check();
    await page.getByRole("button", { name: "Save festival roles" }).click();
    await expect(flash(page)).toContainText("Your festival roles have been saved.");
    await expect(page.getByRole("list", { name: "Your roles" }).getByRole("listitem")).toHaveText(["accompanist", "participant", "teacher"]);
    await page.getByLabel(/^accompanist/).uncheck();
    await page.getByRole("button", { name: "Save festival roles" }).click();
    await expect(page.getByRole("list", { name: "Your roles" }).getByRole("listitem")).toHaveText(["participant", "teacher"]);
    expect(await rolesOf(email)).toEqual(["participant", "teacher"]);
    expect((await userRow(email))!.sessions).toBe(before);

    // Whatever the form sends: a checkbox rewritten to "admin" is refused and grants nothing.
    await page.getByRole("group", { name: "I take part as" }).evaluate((fieldset) => {
      for (const role of ["admin", "organizer"]) {
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name: "role", value: role });
        fieldset.append(input);
      }
    });
    await page.getByRole("button", { name: "Save festival roles" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText('You cannot choose the role "admin" yourself');
    expect(await rolesOf(email)).toEqual(["participant", "teacher"]);
  });
});
