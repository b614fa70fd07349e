import { afterEach, describe, expect, it } from "vitest";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { createPublicPageCache, wantedPage } from "@/scripts/serve/public-page-cache.mjs";

// The public page cache in front of a stand-in for Next's handler, over real HTTP: what it keeps, what it
// serves again (always with a nonce of its own), and what it always passes on.

interface Page {
  status?: number;
  type?: string;
  cookie?: boolean;
  nonce?: boolean;
  chunks?: number;
  /** As Next marks a page the build wrote: its own headers, no nonce. */
  prerendered?: "built" | "regenerated";
}

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(options: { version?: () => string; now?: () => number; maxBytes?: number; page?: (req: IncomingMessage) => Page } = {}) {
  const seen: { url: string; acceptEncoding?: string }[] = [];
  const errors: unknown[] = [];
  // What Next does for a page rendered per request: a fresh nonce in the CSP, the Link header and the body,
  // the body streamed in chunks.
  const next = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url!, acceptEncoding: req.headers["accept-encoding"] });
    const page = options.page?.(req) ?? {};
    if (page.prerendered) {
      res.statusCode = page.status ?? 200;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Content-Security-Policy", "script-src 'self' 'sha256-abc'");
      res.setHeader("x-nextjs-prerender", "1");
      res.setHeader("Cache-Control", page.prerendered === "built" ? "s-maxage=31536000" : "s-maxage=60, stale-while-revalidate=31535940");
      res.setHeader("ETag", '"e1"');
      res.end(`<p>built page ${new URL(req.url!, "http://x").pathname}</p>`.repeat(20));
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    res.statusCode = page.status ?? 200;
    res.setHeader("Content-Type", page.type ?? "text/html; charset=utf-8");
    if (page.nonce !== false) res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`);
    res.setHeader("Link", `</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
    res.setHeader("X-Frame-Options", "DENY");
    if (page.cookie) res.setHeader("Set-Cookie", "a=b");
    const chunks = page.chunks ?? 3;
    for (let i = 0; i < chunks; i++) res.write(`<p>${req.url} part ${i}</p><script nonce="${nonce}">self.x=${i}</script>`);
    res.end(`<script>self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script>`);
  };
  const cache = createPublicPageCache({
    readVersion: async () => {
      const v = options.version?.() ?? "syllabus:1";
      if (v === "fail") throw new Error("database is locked");
      return v;
    },
    now: options.now,
    maxBytes: options.maxBytes,
    onError: (e) => errors.push(e),
  });
  server = http.createServer(cache.wrap(next));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, init: RequestInit = {}) => {
    // fetch asks for gzip and br by default; a plain answer unless the test asks otherwise
    const response = await fetch(base + path, { ...init, headers: { "Accept-Encoding": "identity", ...(init.headers as Record<string, string>) } });
    const body = Buffer.from(await response.arrayBuffer());
    return { response, body, cache: response.headers.get("x-page-cache"), nonce: /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] };
  };
  return { get, seen, errors, cache, base };
}

describe("public page cache", () => {
  it("serves a page again with a new nonce everywhere the old one was, and nothing else changed", async () => {
    const { get, seen } = await serve();
    const first = await get("/syllabus?level=Junior&discipline=Piano");
    const second = await get("/syllabus?discipline=Piano&level=Junior"); // same page, parameters in another order
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(seen).toHaveLength(1);
    expect(second.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.nonce).not.toBe(first.nonce);
    const text = second.body.toString();
    expect(text).not.toContain(first.nonce);
    expect(text.split(second.nonce!)).toHaveLength(first.body.toString().split(first.nonce!).length);
    expect(text.split(second.nonce!).join("N")).toBe(first.body.toString().split(first.nonce!).join("N"));
    expect(second.response.headers.get("link")).toContain(`nonce="${second.nonce}"`);
    expect(second.response.headers.get("x-frame-options")).toBe("DENY");
    expect(Number(second.response.headers.get("content-length"))).toBe(second.body.byteLength);
    const third = await get("/syllabus?discipline=Piano&level=Junior");
    expect(third.nonce).not.toBe(second.nonce);
  });

  it("renders again when the data's version moves, or the copy is older than its maximum age", async () => {
    let version = "syllabus:1";
    let clock = 1_000_000;
    const { get, seen } = await serve({ version: () => version, now: () => clock });
    await get("/syllabus/1010A");
    expect((await get("/syllabus/1010A")).cache).toBe("hit");
    version = "syllabus:2";
    expect((await get("/syllabus/1010A")).cache).toBe("miss");
    expect((await get("/syllabus/1010A")).cache).toBe("hit");
    clock += 30_001;
    expect((await get("/syllabus/1010A")).cache).toBe("miss");
    expect(seen).toHaveLength(3);
  });

  it("passes on, and keeps nothing of, what is not a public page's whole HTML", async () => {
    const pages: Record<string, Page> = {
      "/syllabus/404": { status: 404 },
      "/syllabus/cookie": { cookie: true },
      "/syllabus/no-nonce": { nonce: false },
      "/syllabus/json": { type: "application/json" },
    };
    const { get, seen, cache } = await serve({ page: (req) => pages[new URL(req.url!, "http://x").pathname] ?? {} });
    const twice = async (path: string, init?: RequestInit) => [(await get(path, init)).cache, (await get(path, init)).cache];
    for (const path of Object.keys(pages)) expect(await twice(path), path).toEqual(["miss", "miss"]);
    // Pages rendered per request elsewhere: passed on (copied once, then known as such), never kept.
    for (const path of ["/", "/account", "/admin/festival", "/syllabus/a/b", "/programme/2027/2027-03-01/x", "/syllabusx"]) {
      expect(await twice(path), path).toEqual(["miss", null]);
    }
    expect(await twice("/syllabus", { headers: { RSC: "1" } })).toEqual([null, null]);
    expect(await twice("/syllabus?_rsc=abc")).toEqual([null, null]);
    expect(await twice("/syllabus", { headers: { "Next-Router-Prefetch": "1" } })).toEqual([null, null]);
    expect([(await get("/syllabus", { method: "POST", body: "x" })).cache]).toEqual([null]);
    expect(await twice(`/syllabus?q=${"x".repeat(1100)}`)).toEqual([null, null]);
    expect(seen.length).toBe(4 * 2 + 6 * 2 + 3 * 2 + 1 + 2);
    expect(cache.stats().entries).toBe(0);
  });

  it("goes to Next, uncached, while the versions cannot be read", async () => {
    let version = "fail";
    const { get, seen, errors } = await serve({ version: () => version });
    expect((await get("/programme")).cache).toBeNull();
    expect((await get("/programme")).cache).toBeNull();
    expect(seen).toHaveLength(2);
    expect(errors).toHaveLength(2);
    version = "programme:1";
    expect((await get("/programme")).cache).toBe("miss");
    expect((await get("/programme")).cache).toBe("hit");
  });

  it("asks Next for the plain page and compresses each answer as the client accepts", async () => {
    const { get, seen } = await serve();
    const plain = await get("/programme/2027", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(seen[0].acceptEncoding).toBeUndefined();
    const br = await get("/programme/2027", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.cache).toBe("hit");
    // fetch decodes the body itself: check the header, then the text.
    expect(br.response.headers.get("content-encoding")).toBe("br");
    expect(br.body.toString().split(br.nonce!).join("N")).toBe(plain.body.toString().split(plain.nonce!).join("N"));
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get({ host: "127.0.0.1", port: (server!.address() as AddressInfo).port, path: "/programme/2027", headers: { "Accept-Encoding": "gzip;q=1, br;q=0" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(parts) }));
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toContain("/programme/2027 part 2");
    expect(() => brotliDecompressSync(raw.body)).toThrow();
  });

  it("holds at most its byte budget, dropping the least recently used page", async () => {
    const { get, cache } = await serve({ maxBytes: 1000, page: () => ({ chunks: 4 }) }); // about 400 bytes a page
    await get("/syllabus/1");
    await get("/syllabus/2");
    await get("/syllabus/1"); // now the most recently used
    await get("/syllabus/3");
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    expect((await get("/syllabus/1")).cache).toBe("hit");
    expect((await get("/syllabus/2")).cache).toBe("miss");
  });
});

describe("wantedPage", () => {
  const wanted = (url: string, method = "GET", headers: Record<string, string> = {}) => wantedPage({ url, method, headers } as unknown as IncomingMessage);
  it("names a festival page by path and sorted query, a prerendered one by path and session cookie", () => {
    expect(wanted("/syllabus?type=Solo&discipline=Piano")).toEqual({ kind: "festival", key: "/syllabus?discipline=Piano&type=Solo" });
    expect(wanted("/programme/2027/2027-03-01")).toEqual({ kind: "festival", key: "/programme/2027/2027-03-01" });
    expect(wanted("/?utm=1")).toEqual({ kind: "prerendered", key: "/ no-session" });
    expect(wanted("/account", "GET", { cookie: "a=b; authjs.session-token=x" })).toEqual({ kind: "prerendered", key: "/account session" });
    expect(wanted("/account", "GET", { cookie: "__Secure-authjs.session-token.0=x" })).toEqual({ kind: "prerendered", key: "/account session" });
    expect(wanted("/account", "GET", { cookie: "x-authjs.session-token=1; authjs.session-token-not=2" })).toEqual({ kind: "prerendered", key: "/account no-session" });
    expect(wanted("/syllabus", "HEAD")).toBeNull();
    expect(wanted("/", "GET", { "next-action": "x" })).toBeNull();
  });
});

describe("prerendered pages", () => {
  it("are kept for the process's life, apart for requests with and without a session cookie, whatever the query", async () => {
    const { get, seen } = await serve({ page: () => ({ prerendered: "built" }) });
    expect((await get("/account?from=a")).cache).toBe("miss");
    const hit = await get("/account?from=b");
    expect(hit.cache).toBe("hit");
    expect(hit.body.toString()).toContain("built page /account");
    expect(hit.response.headers.get("content-security-policy")).toBe("script-src 'self' 'sha256-abc'");
    expect((await get("/account", { headers: { cookie: "authjs.session-token=abc" } })).cache).toBe("miss");
    expect((await get("/account", { headers: { cookie: "authjs.session-token=other" } })).cache).toBe("hit");
    expect(seen).toHaveLength(2);
    const notModified = await get("/account", { headers: { "If-None-Match": '"e1"' } });
    expect(notModified.response.status).toBe(304);
    expect(notModified.body.byteLength).toBe(0);
  });

  it("a page Next regenerates, a redirect or a page rendered per request is not kept", async () => {
    const pages: Record<string, Page> = { "/isr": { prerendered: "regenerated" }, "/moved": { prerendered: "built", status: 307 } };
    const { get, seen } = await serve({ page: (req) => pages[new URL(req.url!, "http://x").pathname] ?? {} });
    for (const path of ["/isr", "/moved", "/dynamic"]) {
      await get(path);
      await get(path);
    }
    expect(seen.map((s) => s.url)).toEqual(["/isr", "/isr", "/moved", "/moved", "/dynamic", "/dynamic"]);
  });
});
