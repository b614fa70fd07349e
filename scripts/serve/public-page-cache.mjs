// @ts-check
// The public pages' HTML cache (`npm start` only; docs/decisions/public-page-cache.md).
//
// /syllabus, a class page and the published programme are the same for every visitor, change only when
// organizers change the festival, and must be fast (issues 16 and 17: "as fast as the static home page").
// Next.js could prerender them (ISR), but a regenerated page's inline scripts (its RSC payload) cannot be
// allowed by the CSP's build-time hashes, and a page rendered per request costs 10-20 ms of CPU here.
// So the server keeps the HTML Next renders, per URL, with the festival's data versions it was rendered
// at (the CacheVersion rows every change bumps in its own transaction), and serves it again while those
// versions stand, with a new CSP nonce swapped in: each answer still has its own nonce, as if rendered.
//
// What is cached is decided here, not by the pages: GET of the paths in PUBLIC_PAGES, a whole 200 HTML
// answer with a nonce CSP and no cookie set, of a request carrying no cookie-dependent or client-router
// header. A request made while the versions cannot be read goes to Next as usual.
import { randomBytes } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

/** Paths whose HTML is the same for everyone and changes only with the festival's data. */
export const PUBLIC_PAGES = [/^\/syllabus(?:\/[^/]+)?$/, /^\/programme(?:\/[^/]+){0,2}$/];

/** A copy is never served after this, even if no version moved (a change written around the services). */
export const PAGE_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_URL_LENGTH = 1024;

/** Headers of the stored answer that describe one connection or one transfer, not the page. */
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "x-page-cache"]);
/** Requests a client router or a prefetch makes get an RSC payload, not the HTML: they go to Next. */
const CLIENT_ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=]+)'/;

/**
 * @typedef {{ version: string, storedAt: number, headers: [string, string][], body: Buffer[], bytes: number }} Entry
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Listener
 */

/** The cache key of a request, or null when its answer is not one to keep. */
export function cacheKey(/** @type {import("node:http").IncomingMessage} */ req) {
  if (req.method !== "GET" || !req.url || req.url.length > MAX_URL_LENGTH) return null;
  if (CLIENT_ROUTER_HEADERS.some((name) => name in req.headers)) return null;
  const url = new URL(req.url, "http://x");
  if (!PUBLIC_PAGES.some((page) => page.test(url.pathname)) || url.searchParams.has("_rsc")) return null;
  url.searchParams.sort(); // ?a=1&b=2 and ?b=2&a=1 are one page
  return `${url.pathname}${url.search}`;
}

/** A CSP nonce like the middleware's (lib/security/headers.ts): 16 random bytes, base64. */
function newNonce() {
  return randomBytes(16).toString("base64");
}

/** `buffer` cut at each `separator` (kept as bytes: no text decoding and encoding per answer). */
function splitBuffer(/** @type {Buffer} */ buffer, /** @type {Buffer} */ separator) {
  const parts = [];
  let from = 0;
  for (let at = buffer.indexOf(separator); at !== -1; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

/** The inverse of splitBuffer, with `separator` between the parts. */
function joinBuffers(/** @type {Buffer[]} */ parts, /** @type {Buffer} */ separator) {
  const all = [];
  for (const [i, part] of parts.entries()) all.push(...(i === 0 ? [part] : [separator, part]));
  return Buffer.concat(all);
}

/** The encoding to answer in: br, then gzip, else none. */
function encodingFor(/** @type {string | undefined} */ accept = "") {
  const offered = accept
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ""))
    .map(([name]) => name.trim().toLowerCase());
  if (offered.includes("br")) return "br";
  if (offered.includes("gzip")) return "gzip";
  return null;
}

/**
 * @param {{ readVersion: () => Promise<string>, now?: () => number, maxAgeMs?: number, maxBytes?: number, onError?: (error: unknown) => void }} options
 *   readVersion: the data versions the pages show, as one string (scripts/serve/cache-versions.mjs)
 */
export function createPublicPageCache({ readVersion, now = Date.now, maxAgeMs = PAGE_MAX_AGE_MS, maxBytes = MAX_BYTES, onError = () => {} }) {
  /** @type {Map<string, Entry>} in least recently used order */
  const entries = new Map();
  let bytes = 0;

  function remove(/** @type {string} */ key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(/** @type {string} */ key, /** @type {Entry} */ entry) {
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes && entries.size <= MAX_ENTRIES) break;
      remove(oldest);
    }
  }

  /** @returns {Entry | null} */
  function fresh(/** @type {string} */ key, /** @type {string} */ version) {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.version !== version || now() - entry.storedAt > maxAgeMs) {
      remove(key);
      return null;
    }
    entries.delete(key); // most recently used goes last
    entries.set(key, entry);
    return entry;
  }

  /** Serve a stored page with a nonce of its own. */
  function send(/** @type {Entry} */ entry, /** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) {
    const nonce = newNonce();
    for (const [name, value] of entry.headers) res.setHeader(name, value.split("\0nonce\0").join(nonce));
    let body = joinBuffers(entry.body, Buffer.from(nonce));
    const encoding = encodingFor(req.headers["accept-encoding"]);
    // Compressed per answer (the nonce differs each time): brotli at quality 1 takes about 0.25 ms for the 90 kB syllabus.
    if (encoding === "br") body = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
    if (encoding === "gzip") body = gzipSync(body, { level: 1 });
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.byteLength);
    res.setHeader("X-Page-Cache", "hit");
    res.statusCode = 200;
    res.end(body);
  }

  /**
   * Let Next answer, and keep a copy of a whole, cacheable answer. The request asks for no compression
   * (the copy gets a new nonce, so it is compressed per answer by `send`).
   */
  function renderAndKeep(/** @type {string} */ key, /** @type {string} */ version, /** @type {Listener} */ listener, /** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) {
    delete req.headers["accept-encoding"];
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let keep = true;
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (!keep || chunk == null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8")) : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.byteLength;
      if (size > MAX_PAGE_BYTES) keep = false;
      else chunks.push(buffer);
    };
    // Headers handed to writeHead itself are not in getHeaders(): such an answer is passed on, not kept.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {any[]} */ ...args) {
        if (args.some((arg) => arg !== null && typeof arg === "object")) keep = false;
        return writeHead.apply(res, /** @type {any} */ (args));
      }
    );
    res.write = /** @type {typeof res.write} */ (
      function (/** @type {any[]} */ ...args) {
        collect(args[0], args[1]);
        return write.apply(res, /** @type {any} */ (args));
      }
    );
    res.end = /** @type {typeof res.end} */ (
      function (/** @type {any[]} */ ...args) {
        collect(args[0], args[1]);
        return end.apply(res, /** @type {any} */ (args));
      }
    );
    res.setHeader("X-Page-Cache", "miss");
    res.once("finish", () => {
      if (!keep) return;
      const entry = entryOf(res, Buffer.concat(chunks), version);
      if (entry) store(key, entry);
    });
    return listener(req, res);
  }

  /** The answer as a stored entry, with its nonce marked, or null if it is not one to keep. */
  function entryOf(/** @type {import("node:http").ServerResponse} */ res, /** @type {Buffer} */ body, /** @type {string} */ version) {
    const headers = res.getHeaders();
    const csp = String(headers["content-security-policy"] ?? "");
    const nonce = NONCE_IN_CSP.exec(csp)?.[1];
    if (res.statusCode !== 200 || !nonce || headers["set-cookie"] !== undefined) return null;
    if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
    /** @type {[string, string][]} */
    const kept = [];
    for (const [name, value] of Object.entries(headers)) {
      if (NOT_STORED.has(name) || value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) kept.push([name, String(one).split(nonce).join("\0nonce\0")]);
    }
    return { version, storedAt: now(), headers: kept, body: splitBuffer(body, Buffer.from(nonce)), bytes: body.byteLength };
  }

  return {
    /** Wrap Next's request listener. */
    wrap(/** @type {Listener} */ listener) {
      return async (/** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) => {
        const key = cacheKey(req);
        if (!key) return listener(req, res);
        let version;
        try {
          version = await readVersion();
        } catch (error) {
          onError(error);
          return listener(req, res);
        }
        const entry = fresh(key, version);
        if (entry) return send(entry, req, res);
        return renderAndKeep(key, version, listener, req, res);
      };
    },
    /** For tests and the bench: how much is held. */
    stats: () => ({ entries: entries.size, bytes }),
  };
}
