import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { e2eDb, formAlert } from "../e2e/helpers";
import { landAsAdmin, newUser, signInDirectly } from "../e2e/setup";

// The admin console against `next start`: security review (issue 10) findings 1 and 5, and the
// replays of issue 13, item 6. The rules themselves are attacked in roles.test.ts.

async function sql(query: string, args: (string | number)[] = []) {
  return (await e2eDb().execute({ sql: query, args })).rows;
}

/** A role made straight in the database, granting `permissions`. */
async function makeRole(permissions: string[]): Promise<{ id: string; name: string }> {
  const id = `e2e-${randomUUID()}`;
  const name = `crew-${id.slice(4, 12)}`;
  await sql("INSERT INTO Role (id, name, description, createdAt, updatedAt) VALUES (?, ?, '', ?, ?)", [id, name, Date.now(), Date.now()]);
  for (const p of permissions) await sql("INSERT INTO RolePermission (roleId, permissionId) SELECT ?, id FROM Permission WHERE name = ?", [id, p]);
  return { id, name };
}

/** A new user holding `role`, signed in, on /admin. */
async function signInHolding(page: Page, prefix: string, role: string): Promise<string> {
  const email = await newUser({ prefix, roles: [role] });
  await signInDirectly(page, email);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  return email;
}

type Captured = { url: string; headers: Record<string, string>; body: Buffer | null };

/** The request `act` makes to `glob` (matching `wanted`), captured and not sent; without its cookies. */
async function capture(page: Page, glob: string, wanted: (method: string, headers: Record<string, string>) => boolean, act: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  await page.route(glob, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (captured || !wanted(request.method(), headers)) return route.continue();
    delete headers.cookie;
    captured = { url: request.url(), headers, body: request.postDataBuffer() };
    await route.abort();
  });
  await act();
  await expect.poll(() => captured, { timeout: 30_000 }).not.toBeNull();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

const isAction = (method: string, headers: Record<string, string>) => method === "POST" && Boolean(headers["next-action"]);

async function replay(page: Page, request: Captured) {
  const response = await page.request.fetch(request.url, { method: request.body ? "POST" : "GET", headers: request.headers, data: request.body ?? undefined, maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

test.describe("finding 5: every admin page checks admin.access itself, against the database", () => {
  test("a user whose role lost admin.access gets 403 and no rows, on a page load and on a client navigation (RSC: 1)", async ({ page }) => {
    test.setTimeout(180_000); // a sign-up and a sign-in (bcrypt) on a shared 2-core machine
    const role = await makeRole(["admin.access", "users.read"]);
    await signInHolding(page, "demoted", role.name);
    // A user the list shows first (newest), whose address must not leak.
    const marker = `leak-marker-${randomUUID().slice(0, 8)}@example.org`;
    // Stored as Prisma stores dates (ISO text): SQLite sorts every integer below every text, so a number
    // here would put the marker last, off the first page, once the suite has made fifty users.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await sql("INSERT INTO User (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)", [`marker-${randomUUID()}`, marker, tomorrow, tomorrow]);

    // The client navigation from the dashboard to Users: an RSC request that renders below the layout.
    const navigation = await capture(
      page,
      "**/admin/users**",
      (method, headers) => method === "GET" && headers["rsc"] === "1" && !headers["next-router-prefetch"],
      () => page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click(),
    );
    // Sound replays: while the role still grants admin.access, both show the marker.
    expect((await replay(page, navigation)).body).toContain(marker);
    expect(await (await page.request.get("/admin/users")).text()).toContain(marker);

    await sql("DELETE FROM RolePermission WHERE roleId = ? AND permissionId = (SELECT id FROM Permission WHERE name = 'admin.access')", [role.id]);
    // The session cookie is still valid (the middleware lets it through); the database refuses.
    const full = await page.request.get("/admin/users", { maxRedirects: 0 });
    expect(full.status()).toBe(403);
    expect(await full.text()).not.toContain(marker);
    // The client navigation renders the page alone (the (admin) layout is not re-rendered): the page's
    // own check refuses it, so the payload carries the 403 boundary and no row. Its HTTP status stays
    // 200: Next.js streams a navigation's payload before the page runs; the middleware, which
    // sees only that a session cookie is there, cannot answer 403 sooner.
    const rsc = await replay(page, navigation);
    expect(rsc.body).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(rsc.body).not.toContain(marker);
    expect(rsc.body).not.toContain("match-count");
  });
});

test.describe("finding 1: festival roles grant no permission", () => {
  test("the role form says so and refuses a permission ticked on teacher anyway", async ({ page }) => {
    test.setTimeout(120_000);
    await landAsAdmin(page);
    const [teacher] = await sql("SELECT id FROM Role WHERE key = 'teacher'");
    await page.goto(`/admin/roles/${teacher.id}`);
    const permissions = page.getByRole("group", { name: "Permissions this role grants" });
    await expect(permissions).toContainText("Users choose this role for themselves on their account page, so it grants no permission.");
    const box = page.getByLabel(/^admin\.access/);
    await expect(box).toBeDisabled();
    // A form altered by hand still gets a refusal, next to the permissions, and nothing changes.
    await box.evaluate((input: HTMLInputElement) => {
      input.disabled = false;
      input.checked = true;
    });
    await page.getByLabel("Description").fill("Teachers, now with admin access?");
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(permissions.getByRole("alert")).toHaveText('Users choose the role "teacher" for themselves, so it cannot grant any permission');
    expect(await sql("SELECT count(*) AS n FROM RolePermission WHERE roleId = ?", [String(teacher.id)])).toEqual([expect.objectContaining({ n: 0 })]);
    expect((await sql("SELECT description FROM Role WHERE id = ?", [String(teacher.id)]))[0].description).toBe("Teachers who enter their students");
  });
});

test.describe("issue 13, item 6: an organizer's replayed admin actions are refused", () => {
  test("a grant, a user deletion and a role deletion: 403 each, nothing changed; the admin's own replay works", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const victim = await newUser({ prefix: "replayed" });
    const [{ id: victimId }] = await sql("SELECT id FROM User WHERE email = ?", [victim]);
    const role = await makeRole(["users.read"]);
    await landAsAdmin(page);

    await page.goto(`/admin/users/${victimId}`);
    const grant = await capture(page, `**/admin/users/${victimId}`, isAction, async () => {
      await page.getByLabel("Role to add").selectOption("teacher");
      await page.getByRole("button", { name: "Add role" }).click();
    });
    await page.goto(`/admin/users/${victimId}/delete`);
    const deleteUser = await capture(page, `**/admin/users/${victimId}/delete`, isAction, () => page.getByRole("button", { name: "Delete this user permanently" }).click());
    await page.goto(`/admin/roles/${role.id}`);
    const deleteRole = await capture(page, `**/admin/roles/${role.id}`, isAction, () => page.getByRole("button", { name: `Delete role ${role.name}` }).click());

    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    await signInHolding(organizer, "organizer", "organizer");
    const state = async () => ({
      roles: (await sql("SELECT r.name FROM UserRole ur JOIN Role r ON r.id = ur.roleId WHERE ur.userId = ? ORDER BY r.name", [String(victimId)])).map((r) => r.name),
      user: (await sql("SELECT count(*) AS n FROM User WHERE id = ?", [String(victimId)]))[0].n,
      role: (await sql("SELECT count(*) AS n FROM Role WHERE id = ?", [role.id]))[0].n,
      events: (await sql("SELECT count(*) AS n FROM AuditEvent WHERE subjectId IN (?, ?) AND action <> 'user.signed_up' AND action <> 'user.signed_in'", [String(victimId), role.id]))[0].n,
    });
    const before = await state();
    expect(before).toEqual({ roles: ["participant"], user: 1, role: 1, events: 0 });
    for (const [name, request] of Object.entries({ grant, deleteUser, deleteRole })) {
      expect((await replay(organizer, request)).status, name).toBe(403);
      expect(await state(), name).toEqual(before);
    }
    await organizerContext.close();

    // The same requests from the admin's session do what they say: the replays themselves were sound.
    for (const request of [grant, deleteRole, deleteUser]) expect((await replay(page, request)).status).toBeLessThan(400);
    expect(await state()).toMatchObject({ user: 0, role: 0 });
  });
});

test("the admin form's error for an unknown permission stays next to the permissions", async ({ page }) => {
  await landAsAdmin(page);
  const role = await makeRole([]);
  await page.goto(`/admin/roles/${role.id}`);
  await page.getByLabel(/^audit\.read/).evaluate((input: HTMLInputElement) => {
    input.value = "stage.dive";
    input.checked = true;
  });
  await page.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("group", { name: "Permissions this role grants" }).getByRole("alert")).toHaveText("Unknown permission: stage.dive");
  await expect(formAlert(page)).toHaveCount(1);
});
