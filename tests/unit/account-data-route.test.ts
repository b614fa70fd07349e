import { afterEach, beforeAll, expect, it } from "vitest";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountDataRoute } from "@/scripts/serve/account-data.mjs";

// The custom server's GET /api/account (scripts/serve/account-data.mjs) over real HTTP, with a stand-in
// for the bundled answer and for Next: what it answers itself, with which headers, and what it leaves
// to Next. That its answer equals the Next route's is tests/e2e/account-data.spec.ts's, on the real build.

let dist = "";
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "mfo-front-"));
  mkdirSync(join(dist, "mfo"));
  writeFileSync(
    join(dist, "routes-manifest.json"),
    JSON.stringify({
      headers: [
        { source: "/:path*", regex: "^(?:/(.*))?$", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Content-Security-Policy", value: "default-src 'self'" }] },
        { source: "/admin/:path*", regex: "^/admin(?:/(.*))?$", headers: [{ key: "X-Admin", value: "1" }] },
      ],
    }),
  );
  // The bundle's contract: frontAccountData(Headers) -> { status, headers: [name, value][], body }.
  writeFileSync(
    join(dist, "mfo", "front-answer.mjs"),
    `export async function frontAccountData(headers) {
      const cookie = headers.get("cookie") ?? "";
      if (cookie.includes("boom")) throw new Error("unexpected");
      if (!cookie) return { status: 401, headers: [["Cache-Control", "private, no-store"]], body: JSON.stringify({ refusal: "signed-out" }) };
      return { status: 200, headers: [["Cache-Control", "private, no-store"], ["Server-Timing", 'db;desc="1 round trip"'], ["set-cookie", "a=1; Path=/"], ["set-cookie", "b=2; Path=/"]], body: JSON.stringify({ email: "ü@example.org", proto: headers.get("x-forwarded-proto") }) };
    }`,
  );
});

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve() {
  const toNext: string[] = [];
  const errors: unknown[] = [];
  const next = (req: IncomingMessage, res: ServerResponse) => {
    toNext.push(`${req.method} ${req.url}`);
    res.end("from next");
  };
  const wrap = await accountDataRoute({ dist, onError: (e: unknown) => errors.push(e) });
  server = http.createServer(wrap!(next));
  await new Promise<void>((resolve) => server!.listen(0, resolve));
  const base = `http://localhost:${(server!.address() as AddressInfo).port}`;
  return { base, toNext, errors };
}

it("answers GET /api/account itself, with the build's headers for that path, its own and every cookie", async () => {
  const { base, toNext } = await serve();
  const response = await fetch(`${base}/api/account`, { headers: { cookie: "authjs.session-token=x" } });
  expect(response.status).toBe(200);
  // The protocol as Next gives its routes: the connection's (plain HTTP here), unless a proxy said.
  expect(await response.json()).toEqual({ email: "ü@example.org", proto: "http" });
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
  expect(response.headers.get("x-admin")).toBeNull();
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("server-timing")).toBe('db;desc="1 round trip", front;desc="answered before Next"');
  expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(JSON.stringify({ email: "ü@example.org", proto: "http" })));
  const proxied = await fetch(`${base}/api/account`, { headers: { cookie: "authjs.session-token=x", "x-forwarded-proto": "https" } });
  expect(((await proxied.json()) as { proto: string }).proto).toBe("https");
  const refused = await fetch(`${base}/api/account`);
  expect(refused.status).toBe(401);
  expect(toNext).toEqual([]);
});

it("leaves everything else to Next: other paths, a query string, other methods, and an answer that failed", async () => {
  const { base, toNext, errors } = await serve();
  for (const [method, path] of [["GET", "/api/accounts"], ["GET", "/api/account?via=next"], ["GET", "/api/account/"], ["HEAD", "/api/account"], ["POST", "/api/account"]]) {
    expect(await (await fetch(`${base}${path}`, { method })).text()).toBe(method === "HEAD" ? "" : "from next");
  }
  expect(await (await fetch(`${base}/api/account`, { headers: { cookie: "boom=1" } })).text()).toBe("from next");
  expect(errors).toHaveLength(1);
  expect(toNext).toEqual(["GET /api/accounts", "GET /api/account?via=next", "GET /api/account/", "HEAD /api/account", "POST /api/account", "GET /api/account"]);
});

it("is absent without the build's bundle (a bare next build): Next answers", async () => {
  const bare = mkdtempSync(join(tmpdir(), "mfo-front-bare-"));
  expect(await accountDataRoute({ dist: bare })).toBeNull();
});
