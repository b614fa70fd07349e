import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { E2E } from "../e2e/env";
import { landAsNewUser } from "../e2e/setup";

// Posts malformed input straight to the forms' server actions, as a script would (no browser, no
// client-side checks), and asserts every answer is one a form should give (never a 5xx). Seeded, so a
// failure reproduces.

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = string | { name: string; mimeType: string; buffer: Buffer };

function fuzzValue(rand: () => number): Value | undefined {
  const pick = Math.floor(rand() * 10);
  const len = Math.floor(rand() * 40);
  const chars = (from: number, span: number) => Array.from({ length: len }, () => String.fromCodePoint(from + Math.floor(rand() * span))).join("");
  switch (pick) {
    case 0: return undefined; // missing field
    case 1: return "";
    case 2: return chars(0, 32); // control characters
    case 3: return chars(0x80, 0x2000); // assorted unicode
    case 4: return chars(0x1f300, 0x300); // emoji (astral plane)
    case 5: return "x".repeat(100_000); // 100 kB
    case 6: return { name: "f.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]) }; // a file, invalid UTF-8
    case 7: return `${chars(0x61, 26)}@example.org`; // a plausible e-mail
    case 8: return "../../etc/passwd\u0000' OR 1=1 --<script>alert(1)</script>";
    default: return String(rand() * 1e9);
  }
}

/** Each form's hidden fields on a page (the server action's id and bound state), in page order. */
async function formsOn(request: APIRequestContext, path: string, withField?: string): Promise<Record<string, string>[]> {
  const html = await (await request.get(path)).text();
  const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map(([form]) => form);
  return forms.filter((form) => !withField || form.includes(`name="${withField}"`)).map((form) =>
    Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1], (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")]),
    ),
  );
}

async function actionFields(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  const forms = (await formsOn(request, path)).filter((f) => Object.keys(f).some((k) => k.startsWith("$ACTION")));
  return forms.at(-1) ?? {};
}

/**
 * What an answer to a form post may be: the form again with a message next to a field or above it
 * (HTTP 200, the action's own hidden fields present again), a redirect to where the form leads, 413 for
 * a body over the limit, or 403 for a post from another origin.
 */
type Kind = "message" | "redirect" | "413" | "403";

async function kindOf(response: APIResponse, path: string, redirects: RegExp | null): Promise<{ kind: Kind; detail: string } | { unexpected: string }> {
  const status = response.status();
  if (status === 413 || status === 403) return { kind: String(status) as Kind, detail: "" };
  if (status >= 300 && status < 400) {
    const location = response.headers()["location"] ?? "";
    const to = new URL(location, E2E.baseURL);
    if (redirects && to.origin === E2E.baseURL && redirects.test(to.pathname)) return { kind: "redirect", detail: to.pathname };
    return { unexpected: `${status} to ${location}` };
  }
  if (status !== 200) return { unexpected: `status ${status}` };
  const html = await response.text();
  const messages = [...html.matchAll(/<p [^>]*role="alert"[^>]*>([^<]+)<\/p>/g)].map((m) => m[1].trim()).filter(Boolean);
  if (messages.length > 0 && html.includes('name="$ACTION')) return { kind: "message", detail: messages[0] };
  return { unexpected: `200 without a message on the form (${path})` };
}

/** Submissions in flight at once: enough to keep both of the server's processes busy. */
const IN_FLIGHT = 4;

/**
 * Submissions per form. Each field of each submission draws one of fuzzValue's ten kinds, so 200 give
 * each kind about 20 times per field (the 500 of before gave 50, for two and a half times the suite's
 * time on the longest spec: issue 13 holds CI to 15 minutes). Seeded: the first 200 of the old 500.
 */
const SUBMISSIONS = 200;

/**
 * Posts SUBMISSIONS seeded random submissions of `names` to the form's action, as a script would. Every
 * answer is one of the expected kinds (never a 5xx, never a bare page); every 50th is posted from
 * another origin and must be refused with 403.
 */
async function fuzzForm(request: APIRequestContext, path: string, action: Record<string, string>, names: readonly string[], redirects: RegExp | null = null) {
  expect(Object.keys(action).some((k) => k.startsWith("$ACTION")), `${path} has a server-action form`).toBe(true);
  const rand = mulberry32(path.length * 7919 + names.length);
  // The seeded submissions, made first, then sent IN_FLIGHT at a time: each answer is
  // checked on its own, so their order does not matter, and the server's processes work in parallel.
  const submissions = Array.from({ length: SUBMISSIONS }, () => {
    const multipart: Record<string, Value> = { ...action };
    for (const name of names) {
      const value = fuzzValue(rand);
      if (value === undefined) delete multipart[name];
      else multipart[name] = value;
    }
    return multipart;
  });
  const kinds = new Map<string, number>();
  const check = async (i: number) => {
    const multipart = submissions[i];
    const crossOrigin = i % 50 === 49;
    const response = await request.post(path, { multipart, headers: { Origin: crossOrigin ? "https://evil.example" : E2E.baseURL }, maxRedirects: 0 });
    const input = `input #${i}: ${JSON.stringify(Object.fromEntries(names.map((n) => [n, String(multipart[n] ?? "<missing>").slice(0, 80)])))}`;
    expect(response.status(), input).toBeLessThan(500);
    const answer = await kindOf(response, path, redirects);
    expect("unexpected" in answer ? answer.unexpected : "", input).toBe("");
    if ("unexpected" in answer) return;
    if (crossOrigin) expect(answer.kind, input).toBe("403");
    else expect(answer.kind, input).not.toBe("403");
    const key = answer.kind === "413" || answer.kind === "403" ? answer.kind : `${answer.kind}: ${answer.detail}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  };
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < submissions.length) await check(next++);
  }));
  console.log(`${path} [${names.join(", ")}]: ${JSON.stringify(Object.fromEntries(kinds))}`);
  // The random inputs reach the validation: a form's own messages are among the answers, not only refusals.
  expect([...kinds.keys()].some((k) => k.startsWith("message: ")), `${path}: some answers are validation messages`).toBe(true);
  return kinds;
}

// Each form's fields, and where it may redirect (a sign-up with a valid pair goes to its callbackUrl,
// which the sanitiser keeps on this site; forgot-password always to its "sent" page).
const FORMS: Record<string, { names: readonly string[]; redirects: RegExp | null }> = {
  "/sign-in": { names: ["email", "password", "callbackUrl"], redirects: null },
  "/sign-up": { names: ["email", "password", "confirmPassword", "callbackUrl"], redirects: /^\// },
  "/forgot-password": { names: ["email"], redirects: /^\/forgot-password\/sent$/ },
};

for (const [path, { names, redirects }] of Object.entries(FORMS)) {
  test(`${SUBMISSIONS} malformed submissions to ${path} get a message, a redirect, 413 or 403, never a 5xx`, async ({ request }) => {
    test.setTimeout(300_000);
    await fuzzForm(request, path, await actionFields(request, path), names, redirects);
  });
}

// The signed-in forms rendered on the server: change password and change e-mail, with a real session.
// (The /account page's two forms are drawn in the browser; account-bad-input.spec.ts and
// admin-console.spec.ts send them oversized, missing and forged values.)
test(`${SUBMISSIONS} malformed submissions to each form on /account/security get a message, 413 or 403; the session still works`, async ({ page }) => {
  test.setTimeout(600_000);
  const email = await landAsNewUser(page, "fuzz");
  // The page also has the sessions' sign-out forms; the two with a current password are fuzzed here.
  const actionForm = async (field: string) =>
    (await formsOn(page.request, "/account/security", field)).find((f) => Object.keys(f).some((k) => k.startsWith("$ACTION")));
  const passwordForm = await actionForm("newPassword");
  const emailForm = await actionForm("newEmail");
  expect(passwordForm, "the change-password form").toBeTruthy();
  expect(emailForm, "the change-e-mail form").toBeTruthy();
  await fuzzForm(page.request, "/account/security", passwordForm!, ["currentPassword", "newPassword", "confirmPassword"]);
  await fuzzForm(page.request, "/account/security", emailForm!, ["newEmail", "currentPassword"]);
  // Nothing the fuzz sent changed the account or ended the session: the same cookie still reads the
  // account's data, and the page renders its forms.
  const data = await page.request.get("/api/account");
  expect(data.status()).toBe(200);
  expect(await data.text()).toContain(email);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByLabel("Current password").first()).toBeVisible();
});

test("a request body over the limit is refused without a 5xx", async ({ request }) => {
  const action = await actionFields(request, "/sign-in");
  const response = await request.post("/sign-in", {
    multipart: { ...action, email: "a@example.org", password: "y".repeat(400_000) },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
});

/** Posts a multipart form in chunks with no Content-Length (Transfer-Encoding: chunked), as curl -T- would. */
async function postChunked(path: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const bytes = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${E2E.baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": encoded.headers.get("content-type")!, "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer (413) and close before it has read everything: that is the point.
    req.on("error", (error) => (error.message.includes("EPIPE") || error.message.includes("ECONNRESET") ? undefined : reject(error)));
    for (let i = 0; i < bytes.length; i += 16_384) req.write(bytes.subarray(i, i + 16_384));
    req.end();
  });
}

test("a chunked request body over the limit (no Content-Length) gets 413 too, and a small chunked post still works", async ({ request }) => {
  const action = await actionFields(request, "/sign-in");
  const big = await postChunked("/sign-in", { ...action, email: "a@example.org", password: "y".repeat(400_000) });
  expect(big.status).toBe(413);
  const small = await postChunked("/sign-in", { ...action, email: "chunked@example.org", password: "not a password of anyone" });
  expect(small.status).toBe(200);
  expect(small.body).toContain("Invalid e-mail or password");
});
