import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../e2e/env";
import { signUpAndLand } from "../e2e/helpers";

// Posts malformed input straight to the forms' server actions, as a script would (no browser, no
// client-side checks), and asserts the server never answers 5xx. Seeded, so a failure reproduces.

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
async function formsOn(request: APIRequestContext, path: string): Promise<Record<string, string>[]> {
  const html = await (await request.get(path)).text();
  return [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map(([form]) =>
    Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1], (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")]),
    ),
  );
}

async function actionFields(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  const forms = (await formsOn(request, path)).filter((f) => Object.keys(f).some((k) => k.startsWith("$ACTION")));
  return forms.at(-1) ?? {};
}

/** Posts 500 seeded random submissions of `names` to the form's action, as a script would; no 5xx. */
async function fuzzForm(request: APIRequestContext, path: string, action: Record<string, string>, names: readonly string[]) {
  expect(Object.keys(action).some((k) => k.startsWith("$ACTION")), `${path} has a server-action form`).toBe(true);
  const rand = mulberry32(path.length * 7919 + names.length);
  const statuses = new Map<number, number>();
  for (let i = 0; i < 500; i++) {
    const multipart: Record<string, Value> = { ...action };
    for (const name of names) {
      const value = fuzzValue(rand);
      if (value === undefined) delete multipart[name];
      else multipart[name] = value;
    }
    const response = await request.post(path, { multipart, headers: { Origin: E2E.baseURL }, maxRedirects: 0 });
    statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
    expect(response.status(), `input #${i}: ${JSON.stringify(Object.fromEntries(names.map((n) => [n, String(multipart[n] ?? "<missing>").slice(0, 80)])))}`).toBeLessThan(500);
  }
  console.log(`${path} [${names.join(", ")}]: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
}

const FORMS = {
  "/sign-in": ["email", "password", "callbackUrl"],
  "/sign-up": ["email", "password", "confirmPassword", "callbackUrl"],
  "/forgot-password": ["email"],
} as const;

for (const [path, names] of Object.entries(FORMS)) {
  test(`500 malformed submissions to ${path} never get a 5xx`, async ({ request }) => {
    test.setTimeout(300_000);
    await fuzzForm(request, path, await actionFields(request, path), names);
  });
}

// The signed-in forms rendered on the server: change password and change e-mail, with a real session.
// (The /account page's two forms are drawn in the browser; account-bad-input.spec.ts and
// admin-console.spec.ts send them oversized, missing and forged values.)
test("500 malformed submissions to each form on /account/security never get a 5xx", async ({ page }) => {
  test.setTimeout(600_000);
  await signUpAndLand(page, "fuzz");
  const forms = (await formsOn(page.request, "/account/security")).filter((f) => Object.keys(f).some((k) => k.startsWith("$ACTION")));
  expect(forms).toHaveLength(2);
  await fuzzForm(page.request, "/account/security", forms[0], ["currentPassword", "newPassword", "confirmPassword"]);
  await fuzzForm(page.request, "/account/security", forms[1], ["newEmail", "currentPassword"]);
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
