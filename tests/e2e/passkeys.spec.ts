import { expect, test, type Page } from "@playwright/test";
import { e2eDb, formAlert } from "./helpers";
import { dropSession, waitForMail } from "./mail";
import { dbDate, directSignIn, directUser } from "./direct-session";

// Passkeys (lib/auth/passkeys/) with Chromium's virtual authenticator, driven through the DevTools
// protocol: a platform authenticator that keeps discoverable credentials and verifies the user.

test.describe.configure({ timeout: 120_000 });

async function addAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

async function addPasskey(page: Page, name: string): Promise<void> {
  await page.goto("/account/security");
  await page.getByLabel("Name of the new passkey").fill(name);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: `The passkey “${name}” has been added.` })).toBeVisible();
  await expect(passkeyRows(page).filter({ hasText: name })).toHaveCount(1);
}

function passkeyRows(page: Page) {
  return page.getByTestId("passkey-row");
}

async function count(sql: string, ...args: string[]): Promise<number> {
  const result = await e2eDb().execute({ sql, args });
  return Number(result.rows[0].n);
}

const audits = (action: string, userId: string, detail = "") =>
  count("SELECT count(*) AS n FROM AuditEvent WHERE action = ? AND subjectId = ? AND coalesce(details, '') LIKE ?", action, userId, `%${detail}%`);

/**
 * A re-authentication the way an attacker would run it: the server's options, then navigator.credentials.get
 * by hand (the authenticator answers with whatever discoverable credential it holds), posted as JSON.
 * Returns the status and the assertion, so a test can post it again.
 */
async function reauth(page: Page, replay?: unknown): Promise<{ status: number; assertion: unknown }> {
  return page.evaluate(async (replayed) => {
    const b64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const bytes = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const post = (path: string, body: unknown) => fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    let assertion = replayed;
    if (!assertion) {
      const options = await (await post("/api/passkeys/options", { purpose: "reauth" })).json();
      const credential = (await navigator.credentials.get({
        publicKey: { challenge: bytes(options.challenge), rpId: options.rpId, userVerification: "required", allowCredentials: [] },
      })) as PublicKeyCredential;
      const response = credential.response as AuthenticatorAssertionResponse;
      assertion = {
        id: credential.id,
        rawId: b64(credential.rawId),
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64(response.clientDataJSON),
          authenticatorData: b64(response.authenticatorData),
          signature: b64(response.signature),
          ...(response.userHandle ? { userHandle: b64(response.userHandle) } : {}),
        },
      };
    }
    const answer = await post("/api/passkeys/reauth", { response: assertion });
    return { status: answer.status, assertion };
  }, replay);
}

test("add a passkey, sign out, sign in with it, see it listed, remove it: then it no longer signs in", async ({ page }) => {
  const user = await directUser("passkey");
  await directSignIn(page.context(), user.id);
  await addAuthenticator(page);

  await addPasskey(page, "Laptop");
  await expect(passkeyRows(page)).toContainText("Not yet");
  const stored = await e2eDb().execute({ sql: "SELECT counter, backedUp, deviceType, transports FROM Passkey WHERE userId = ?", args: [user.id] });
  expect(stored.rows).toHaveLength(1);
  expect(stored.rows[0].deviceType).toBe("singleDevice");
  expect(Number(stored.rows[0].backedUp)).toBe(0);
  expect(await audits("passkey.added", user.id, "Laptop")).toBe(1);
  expect((await waitForMail(user.email, /A passkey was added/)).text).toContain("“Laptop”");

  await dropSession(page);
  await page.goto("/sign-in?callbackUrl=%2Faccount%2Fsecurity");
  // Either way is a passkey sign-in: the button, or the browser's autofill (conditional mediation), which
  // the virtual authenticator may answer by itself as soon as the page asks, before the click lands.
  await Promise.race([
    page.getByRole("button", { name: "Sign in with a passkey" }).click().catch(() => undefined),
    page.waitForURL(/\/account\/security$/),
  ]);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(passkeyRows(page)).not.toContainText("Not yet");
  expect(await audits("user.signed_in", user.id, "passkey")).toBe(1);
  expect(await count("SELECT count(*) AS n FROM Session WHERE userId = ? AND userAgent <> 'e2e'", user.id)).toBe(1);
  const used = await e2eDb().execute({ sql: "SELECT counter, lastUsedAt FROM Passkey WHERE userId = ?", args: [user.id] });
  expect(Number(used.rows[0].counter)).toBeGreaterThan(Number(stored.rows[0].counter));
  expect(used.rows[0].lastUsedAt).not.toBeNull();

  await passkeyRows(page).getByRole("button", { name: "Remove Laptop" }).click();
  await expect(page.locator(".flash")).toContainText("The passkey has been removed.");
  await expect(passkeyRows(page)).toHaveCount(0);
  expect(await audits("passkey.removed", user.id, "Laptop")).toBe(1);
  await waitForMail(user.email, /A passkey was removed/);

  // The authenticator still holds the credential; the server no longer knows it.
  await dropSession(page);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(formAlert(page)).toContainText("This passkey could not sign you in.");
  await expect(page).toHaveURL(/\/sign-in/);
  // The page's autofill request and the button's may both reach the server (the virtual authenticator
  // answers at once): the first to arrive takes the browser's challenge and is refused as an unknown
  // credential, the other finds no challenge. The alert shows for whichever ends first, so wait for the audit.
  await expect.poll(() => count("SELECT count(*) AS n FROM AuditEvent WHERE action = 'passkey.refused' AND details LIKE '%unknown_credential%'")).toBeGreaterThan(0);
  expect(await audits("passkey.refused", user.id, "unknown_credential")).toBe(0); // no owner to name any more
});

test("re-authentication takes only your own passkey, once; another user's passkey is neither accepted nor removable", async ({ page }) => {
  const owner = await directUser("pk-owner");
  const intruder = await directUser("pk-intruder");
  await directSignIn(page.context(), owner.id);
  await addAuthenticator(page);
  await addPasskey(page, "Owner key");

  const first = await reauth(page);
  expect(first.status).toBe(200);
  expect(await audits("user.reauthenticated", owner.id)).toBe(1);
  // The same assertion again: its challenge was used.
  expect((await reauth(page, first.assertion)).status).toBe(403);

  // Now the browser is the intruder's, and the authenticator offers the owner's passkey.
  await page.context().clearCookies();
  await directSignIn(page.context(), intruder.id);
  expect((await reauth(page)).status).toBe(403);
  expect(await audits("passkey.refused", owner.id, "other_user")).toBe(1);
  expect(await audits("user.reauthenticated", intruder.id)).toBe(0);

  // The owner's page is still open: its "Remove" form, replayed with the intruder's session, is a 404.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/account/security"),
    passkeyRows(page).getByRole("button", { name: "Remove Owner key" }).click(),
  ]);
  expect(answer.status()).toBe(404);
  expect(await count("SELECT count(*) AS n FROM Passkey WHERE userId = ?", owner.id)).toBe(1);
});

test("a stale session must confirm it is you before adding or removing a passkey; a passkey of yours confirms it", async ({ page }) => {
  const user = await directUser("pk-fresh");
  await directSignIn(page.context(), user.id);
  await addAuthenticator(page);
  await addPasskey(page, "Desk key");
  // Twenty minutes later (FRESHNESS_MINUTES is 15): the session is still signed in, but not fresh.
  await e2eDb().execute({ sql: "UPDATE Session SET authenticatedAt = ? WHERE userId = ?", args: [dbDate(Date.now() - 20 * 60_000), user.id] });
  await page.goto("/account/security");
  await expect(page.getByLabel("Name of the new passkey")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Confirm it is you" })).toBeVisible();
  // The JSON routes refuse too (a page left open, or a script).
  const refused = await page.request.post("/api/passkeys/options", { data: { purpose: "register", name: "Sneaky" }, headers: { Origin: new URL(page.url()).origin } });
  expect(refused.status()).toBe(403);
  // Removing goes to the confirmation page first, and nothing is removed.
  await passkeyRows(page).getByRole("button", { name: "Remove Desk key" }).click();
  await expect(page).toHaveURL(/\/account\/confirm-identity\?next=%2Faccount%2Fsecurity$/);
  expect(await count("SELECT count(*) AS n FROM Passkey WHERE userId = ?", user.id)).toBe(1);
  // The passkey proves it is them; back on the page, adding works again.
  await page.getByRole("button", { name: "Use a passkey instead" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByLabel("Name of the new passkey")).toBeVisible();
  expect(await audits("user.reauthenticated", user.id, "passkey")).toBe(1);
});
