// Hashes of the inline scripts in a built HTML page, for a hash-based Content-Security-Policy
// (lib/security/headers.ts hashCsp; scripts/csp-hashes.ts runs it over the prerendered pages).
// Build-time only (node:crypto): never imported by the app.
//
// The hash must be of the script's text exactly as the browser's HTML parser hands it to the script
// engine. A <script> element's content is raw text: character references (&amp;) are NOT decoded, so
// the text is hashed as written. What the parser does change is line endings (CR LF and lone CR become
// LF, before tokenising) and NUL (becomes U+FFFD in script data); the browser then hashes the UTF-8.
import { createHash } from "node:crypto";

export interface InlineScript {
  /** The script's text as the browser sees it (what is hashed). */
  text: string;
  /** The type attribute, lower-cased and trimmed ("" when absent). */
  type: string;
}

// Types whose inline content the browser runs (or parses as script: import maps, speculation rules), so
// CSP's script-src applies. Any other type is a data block (application/json, application/ld+json…): the
// browser neither runs it nor checks it against CSP, so it needs no hash.
const JAVASCRIPT_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

// A comment (skipped, so a commented-out script is not listed), or a script start tag with its attributes.
const TOKEN = /<!--[\s\S]*?-->|<script(?=[\t\n\f />])((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
// Script data ends at the first "</script" followed by white space, "/" or ">".
const SCRIPT_END = /<\/script[\t\n\f />]/gi;
const ATTRIBUTE = /([^\t\n\f />"'=]+)(?:[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f >]+)))?/g;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    if (!found.has(name)) found.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return found;
}

/** Every inline script of an HTML document whose type the browser runs; `<script src>` is skipped. */
export function inlineScripts(html: string): InlineScript[] {
  const input = html.replace(/\r\n?/g, "\n");
  const scripts: InlineScript[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) {
    if (m[1] === undefined) continue; // a comment
    const start = TOKEN.lastIndex;
    SCRIPT_END.lastIndex = start;
    const end = SCRIPT_END.exec(input);
    if (!end) throw new Error(`unterminated <script> at offset ${m.index}`);
    TOKEN.lastIndex = end.index;
    const attrs = attributes(m[1]);
    const type = (attrs.get("type") ?? "").trim().toLowerCase();
    if (attrs.has("src") || !JAVASCRIPT_TYPES.has(type)) continue;
    const text = input.slice(start, end.index);
    // "<!--" inside a script switches the parser to its escaped states, where "</script>" may not end
    // the script: the text above could then differ from the browser's. Refuse rather than guess.
    if (text.includes("<!--")) throw new Error(`inline script at offset ${m.index} contains "<!--": cannot hash it reliably`);
    scripts.push({ text: text.replace(/\0/g, "\uFFFD"), type });
  }
  return scripts;
}

/** The CSP hash source for a script's text: "sha256-" and the base64 of the SHA-256 of its UTF-8. */
export function scriptHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** The distinct hashes of a page's inline scripts, in order of first appearance. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map((s) => scriptHash(s.text)))];
}

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

/**
 * Puts `policy` in place of the baseline Content-Security-Policy that next.config.mjs sends on every
 * path ("/:path*") in a parsed .next/routes-manifest.json, which `next start` reads its headers from.
 * `baseline` is what next.config.mjs put there (STATIC_PAGE_CSP); a policy this step wrote before (same
 * directives but script-src, which lists hashes) is replaced too, so running it twice is harmless.
 * Throws when there is no such entry or it holds anything else: the build must not ship unnoticed.
 */
export function replaceBaselineCsp(routesManifest: { headers?: HeaderRule[] }, baseline: string, policy: string): void {
  const rest = (csp: string) => csp.split("; ").slice(1).join("; ");
  const ours = (csp: string) => csp === baseline || (/^script-src 'self'( 'sha(256|384|512)-[^']+')+; /.test(csp) && rest(csp) === rest(baseline));
  const found = (routesManifest.headers ?? [])
    .filter((rule) => rule.source === "/:path*")
    .flatMap((rule) => rule.headers.filter((h) => h.key.toLowerCase() === "content-security-policy"));
  if (found.length !== 1) {
    throw new Error(`expected one Content-Security-Policy header for "/:path*" in routes-manifest.json, found ${found.length}`);
  }
  if (!ours(found[0].value)) {
    throw new Error(`the Content-Security-Policy for "/:path*" is not the baseline from lib/security/headers.ts: ${found[0].value}`);
  }
  found[0].value = policy;
}
