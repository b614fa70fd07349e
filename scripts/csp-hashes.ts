// npm's postbuild step (`npm run build` = `next build`, then this): gives the prerendered pages a
// Content-Security-Policy without 'unsafe-inline' for scripts. Their HTML is fixed at build time, so it
// hashes every inline script of every prerendered page (.next/server/{app,pages}/**/*.html) and puts
// `script-src 'self' 'sha256-…' …` (lib/security/headers.ts hashCsp, the union over all pages) in place of
// the 'unsafe-inline' baseline that next.config.mjs sends on every path, in .next/routes-manifest.json,
// where `next start` reads its headers from. Pages rendered per request keep middleware.ts's nonce policy.
//
// It checks, and exits non-zero otherwise, that the build is one this scheme covers:
// - every page that is not prerendered is in middleware.ts's matcher (it gets a nonce; hashes cannot
//   cover HTML rendered per request), and no prerendered page is (a nonce policy would block its scripts);
// - no unknown path the matcher sees would get the prerendered 404 HTML (a per-request catch-all page
//   must cover every matched prefix, or the nonce policy blocks the 404's scripts);
// - no prerendered page is regenerated at run time (revalidate, fallback): new HTML, unknown hashes;
// - the manifest holds the baseline to replace.
// A bare `next build` skips this step and ships the 'unsafe-inline' baseline, which still works.
// Usage: tsx scripts/csp-hashes.ts [distDir]   (default .next; running it twice is harmless)
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { inlineScriptHashes, replaceBaselineCsp } from "../lib/security/csp-hashes";
import { STATIC_PAGE_CSP, hashCsp } from "../lib/security/headers";

const dist = resolve(process.argv[2] ?? ".next");

interface PrerenderManifest {
  routes: Record<string, { routeType?: string; initialRevalidateSeconds?: number | false }>;
  dynamicRoutes: Record<string, unknown>;
}
interface MiddlewareManifest {
  middleware: Record<string, { matchers?: { regexp: string; has?: unknown[]; missing?: unknown[] }[] }>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(dist, file), "utf8")) as T;

function writeJson(file: string, value: unknown) {
  const path = join(dist, file);
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${path}.tmp`, path);
}

/** Problems that would leave some page's scripts blocked, or allowed by nothing we computed. */
function checkCoverage(prerender: PrerenderManifest): string[] {
  const problems: string[] = [];
  const prerendered = new Set(Object.keys(prerender.routes));
  for (const [route, info] of Object.entries(prerender.routes)) {
    if (info.initialRevalidateSeconds !== false && info.initialRevalidateSeconds !== undefined) {
      problems.push(`${route} is revalidated at run time (revalidate ${info.initialRevalidateSeconds}): its new HTML would carry unhashed scripts`);
    }
  }
  for (const route of Object.keys(prerender.dynamicRoutes)) {
    problems.push(`${route} is prerendered per parameter at run time: its HTML would carry unhashed scripts`);
  }
  // Middleware matchers without header conditions: the paths that always get the nonce policy. A matcher
  // with a condition (/account's: no session cookie) only ever sends its visitor to sign-in.
  const middleware = readJson<MiddlewareManifest>("server/middleware-manifest.json");
  const matchers = Object.values(middleware.middleware)
    .flatMap((m) => m.matchers ?? [])
    .filter((m) => !m.has?.length && !m.missing?.length)
    .map((m) => new RegExp(m.regexp));
  const pages = Object.entries(readJson<Record<string, string>>("app-path-routes-manifest.json"))
    .filter(([entry]) => entry.endsWith("/page"))
    .map(([, route]) => route);
  for (const route of pages) {
    const nonce = matchers.some((m) => m.test(route));
    if (prerendered.has(route) && nonce) {
      problems.push(`${route} is prerendered but in middleware.ts's matcher: the nonce policy would block its scripts (take it out of the matcher, or render it per request)`);
    }
    if (!prerendered.has(route) && !nonce) {
      problems.push(`${route} is rendered per request but not in middleware.ts's matcher: it would get no nonce, and hashes cannot cover it (add it to the matcher)`);
    }
  }
  // An unknown path the matcher sees gets Next's prerendered 404 HTML unless a page rendered per request
  // (a catch-all calling notFound()) answers it: probe one unknown path under every route's first segment.
  const perRequest = pages.filter((route) => !prerendered.has(route)).map(routePattern);
  const prefixes = new Set(pages.map((route) => route.split("/")[1] ?? "").filter((seg) => seg && !seg.startsWith("[")));
  for (const prefix of ["", ...prefixes]) {
    for (const probe of [`/${prefix}/${NO_SUCH_PAGE}`, `/${prefix}/${NO_SUCH_PAGE}/deeper`].map((p) => p.replace(/^\/\//, "/"))) {
      if (matchers.some((m) => m.test(probe)) && !perRequest.some((r) => r.test(probe))) {
        problems.push(`${probe} is in middleware.ts's matcher but would get the prerendered 404 (its scripts blocked by the nonce policy): add a catch-all page that calls notFound() under /${prefix}`);
      }
    }
  }
  return problems;
}

const NO_SUCH_PAGE = "__csp-probe-no-such-page__";

/** An app route ("/admin/users/[id]", "/account/[...missing]") as a regular expression for a path. */
function routePattern(route: string): RegExp {
  const source = route
    .split("/")
    .map((seg) => {
      if (/^\[\[\.\.\..+\]\]$/.test(seg)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(seg)) return "/.+";
      if (/^\[.+\]$/.test(seg)) return "/[^/]+";
      return seg ? `/${seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}` : "";
    })
    .join("");
  return new RegExp(`^${source || "/"}$`);
}

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(dir, f));
}

function main() {
  const prerender = readJson<PrerenderManifest>("prerender-manifest.json");
  const problems = checkCoverage(prerender);
  // Every prerendered page must have its HTML here, or its scripts would go unhashed.
  for (const [route, info] of Object.entries(prerender.routes)) {
    if (info.routeType !== undefined && info.routeType !== "page") continue;
    const file = join(dist, "server/app", route === "/" ? "index.html" : `${route}.html`);
    if (!existsSync(file)) problems.push(`${route} is prerendered but ${relative(process.cwd(), file)} is missing`);
  }
  if (problems.length) throw new Error(`this build cannot get a hash-based CSP:\n- ${problems.join("\n- ")}`);

  const hashes = new Set<string>();
  // What the build wrote (not server/route-cache/, where `next start` keeps copies it renders later).
  const files = ["app", "pages"].flatMap((dir) => htmlFiles(join(dist, "server", dir)));
  for (const file of files) {
    for (const hash of inlineScriptHashes(readFileSync(file, "utf8"))) hashes.add(hash);
  }
  const policy = hashCsp(hashes);
  const routes = readJson<{ headers?: { source: string; headers: { key: string; value: string }[] }[] }>("routes-manifest.json");
  replaceBaselineCsp(routes, STATIC_PAGE_CSP, policy);
  writeJson("routes-manifest.json", routes);
  console.log(`csp-hashes: ${hashes.size} inline-script hashes from ${files.length} prerendered pages; Content-Security-Policy is ${policy.length} bytes`);
  if (policy.length > 8000) console.warn("csp-hashes: the policy is over 8 kB, which some proxies refuse in one header");
}

try {
  main();
} catch (error) {
  console.error(`csp-hashes: ${error instanceof Error ? error.message : String(error)}`);
  console.error("csp-hashes: routes-manifest.json is left as it was: do not ship this build before fixing the above");
  process.exit(1);
}
