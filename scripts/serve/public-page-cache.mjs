// @ts-check
// The page cache in front of Next (`npm start` only; docs/decisions/public-page-cache.md). It keeps two
// kinds of pages, both the same for every visitor:
//
// - **Festival pages** (/syllabus, a class page, the published programme): rendered per request (nonce
//   CSP), they change only when organizers change the festival, and must be as fast as a static page
//   (issues 16 and 17). Next cannot prerender them: a regenerated page's inline scripts (its RSC payload)
//   cannot be allowed by the CSP's build-time hashes. So the HTML Next renders is kept per URL with the
//   data versions it was rendered at (the CacheVersion rows every change sets in its own transaction),
//   and served again while those versions stand, at most PAGE_MAX_AGE_MS, with a new nonce swapped in:
//   each answer still has its own nonce, as if rendered.
// - **Prerendered pages** (the home page, the /account shell...): HTML written by the build, which Next
//   marks as such (`x-nextjs-prerender`, never revalidated). It cannot change while this process runs, so
//   it is kept for the process's life, keyed by path and by whether a session cookie came with the request
//   (the one thing the middleware looks at for them: /account without one is sent to sign-in). Next's
//   router costs about 0.7 ms a request here, before it serves them from its own cache.
//
// Everything else, and every request from the client router, a prefetch or a server action, goes to Next.
import { randomBytes } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { cookieHeaderHasSession } from "../../lib/auth/session-cookie-name.mjs";

/** Festival pages: the same HTML for everyone, changing only with the festival's data. */
export const FESTIVAL_PAGES = [/^\/syllabus(?:\/[^/]+)?$/, /^\/programme(?:\/[^/]+){0,2}$/];

/** A festival page's copy is never served after this, even if no version moved (a change written around the services). */
export const PAGE_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_URL_LENGTH = 1024;
/** Keys seen answering with a page rendered per request, not copied again (cleared when full). */
const MAX_KNOWN_DYNAMIC = 1000;

/** Headers of the stored answer that describe one connection or one transfer, not the page. */
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding", "x-page-cache"]);
/** Requests a client router or a prefetch makes get an RSC payload, not the HTML: they go to Next. */
const CLIENT_ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=]+)'/;
const NONCE_MARK = "\0nonce\0";

/**
 * @typedef {{ kind: "festival" | "prerendered", key: string }} Wanted
 * @typedef {{ version: string, storedAt: number, headers: [string, string][], body: Buffer[], bytes: number }} FestivalEntry
 * @typedef {{ headers: [string, string][], body: Buffer, etag: string | undefined, encoded: Map<string, Buffer>, bytes: number }} PrerenderedEntry
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Listener
 * @typedef {import("node:http").IncomingMessage} Req
 * @typedef {import("node:http").ServerResponse} Res
 */

/** What a request could be answered with from the cache, or null when it must go to Next. */
export function wantedPage(/** @type {Req} */ req) {
  if (req.method !== "GET" || !req.url || req.url.length > MAX_URL_LENGTH) return null;
  if (CLIENT_ROUTER_HEADERS.some((name) => name in req.headers)) return null;
  const url = new URL(req.url, "http://x");
  if (url.searchParams.has("_rsc")) return null;
  if (FESTIVAL_PAGES.some((page) => page.test(url.pathname))) {
    url.searchParams.sort(); // ?a=1&b=2 and ?b=2&a=1 are one page
    return /** @type {Wanted} */ ({ kind: "festival", key: `${url.pathname}${url.search}` });
  }
  // A prerendered page is the same whatever the query (Next serves one file for it).
  const session = cookieHeaderHasSession(req.headers.cookie);
  return /** @type {Wanted} */ ({ kind: "prerendered", key: `${url.pathname} ${session ? "session" : "no-session"}` });
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

function compress(/** @type {Buffer} */ body, /** @type {"br" | "gzip"} */ encoding, /** @type {boolean} */ once) {
  // Per answer (a festival page's nonce differs each time): brotli at quality 1 takes about 0.25 ms for
  // the 92 kB syllabus. Once per process (a prerendered page): better ratios are worth a few ms.
  if (encoding === "br") return brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: once ? 9 : 1 } });
  return gzipSync(body, { level: once ? 9 : 1 });
}

/** The response's headers worth keeping, with `nonce` (if any) replaced by a mark. */
function keptHeaders(/** @type {Res} */ res, /** @type {string | undefined} */ nonce) {
  /** @type {[string, string][]} */
  const kept = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (NOT_STORED.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push([name, nonce ? String(one).split(nonce).join(NONCE_MARK) : String(one)]);
  }
  return kept;
}

/**
 * @param {{ readVersion: () => Promise<string>, now?: () => number, maxAgeMs?: number, maxBytes?: number, onError?: (error: unknown) => void }} options
 *   readVersion: the data versions the festival pages show, as one string (scripts/serve/cache-versions.mjs)
 */
export function createPublicPageCache({ readVersion, now = Date.now, maxAgeMs = PAGE_MAX_AGE_MS, maxBytes = MAX_BYTES, onError = () => {} }) {
  /** @type {Map<string, FestivalEntry | PrerenderedEntry>} both kinds, in least recently used order */
  const entries = new Map();
  /** @type {Set<string>} */
  const knownDynamic = new Set();
  let bytes = 0;

  function remove(/** @type {string} */ key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(/** @type {string} */ key, /** @type {FestivalEntry | PrerenderedEntry} */ entry) {
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes && entries.size <= MAX_ENTRIES) break;
      remove(oldest);
    }
  }

  /** The entry under `key`, now the most recently used, or undefined. */
  function touch(/** @type {string} */ key) {
    const entry = entries.get(key);
    if (entry) {
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  }

  /** A festival page with a nonce of its own. */
  function sendFestival(/** @type {FestivalEntry} */ entry, /** @type {Req} */ req, /** @type {Res} */ res) {
    const nonce = newNonce();
    for (const [name, value] of entry.headers) res.setHeader(name, value.split(NONCE_MARK).join(nonce));
    let body = joinBuffers(entry.body, Buffer.from(nonce));
    const encoding = encodingFor(req.headers["accept-encoding"]);
    if (encoding) {
      body = compress(body, encoding, false);
      res.setHeader("Content-Encoding", encoding);
    }
    finish(res, body);
  }

  /** A prerendered page, compressed once per encoding; 304 for a copy the client already has. */
  function sendPrerendered(/** @type {PrerenderedEntry} */ entry, /** @type {Req} */ req, /** @type {Res} */ res) {
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.etag && req.headers["if-none-match"] === entry.etag) {
      res.statusCode = 304;
      res.removeHeader("Content-Type");
      res.setHeader("X-Page-Cache", "hit");
      res.end();
      return;
    }
    let body = entry.body;
    const encoding = encodingFor(req.headers["accept-encoding"]);
    if (encoding) {
      let encoded = entry.encoded.get(encoding);
      if (!encoded) entry.encoded.set(encoding, (encoded = compress(entry.body, encoding, true)));
      body = encoded;
      res.setHeader("Content-Encoding", encoding);
    }
    finish(res, body);
  }

  function finish(/** @type {Res} */ res, /** @type {Buffer} */ body) {
    res.setHeader("Content-Length", body.byteLength);
    res.setHeader("X-Page-Cache", "hit");
    res.statusCode = 200;
    res.end(body);
  }

  /**
   * Let Next answer, and hand a copy of a whole answer to `keep`. The request asks for no compression
   * (copies are compressed when served).
   */
  function renderAndKeep(/** @type {Listener} */ listener, /** @type {Req} */ req, /** @type {Res} */ res, /** @type {(body: Buffer) => void} */ keep) {
    delete req.headers["accept-encoding"];
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let whole = true;
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (!whole || chunk == null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8")) : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.byteLength;
      if (size > MAX_PAGE_BYTES) whole = false;
      else chunks.push(buffer);
    };
    // Headers handed to writeHead itself are not in getHeaders(): such an answer is passed on, not kept.
    res.writeHead = /** @type {typeof res.writeHead} */ (
      function (/** @type {any[]} */ ...args) {
        if (args.some((arg) => arg !== null && typeof arg === "object")) whole = false;
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
      if (whole && res.statusCode === 200 && res.getHeader("set-cookie") === undefined && String(res.getHeader("content-type") ?? "").startsWith("text/html")) {
        keep(Buffer.concat(chunks));
      }
    });
    return listener(req, res);
  }

  /** Whether Next served a page written by the build and never regenerated. */
  function isPrerendered(/** @type {Res} */ res) {
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    return res.getHeader("x-nextjs-prerender") !== undefined && /\bs-maxage=31536000\b/.test(cacheControl) && !/stale-while-revalidate/.test(cacheControl);
  }

  async function festival(/** @type {string} */ key, /** @type {Listener} */ listener, /** @type {Req} */ req, /** @type {Res} */ res) {
    let version;
    try {
      version = await readVersion();
    } catch (error) {
      onError(error);
      return listener(req, res);
    }
    const entry = /** @type {FestivalEntry | undefined} */ (touch(key));
    if (entry && entry.version === version && now() - entry.storedAt <= maxAgeMs) return sendFestival(entry, req, res);
    if (entry) remove(key);
    return renderAndKeep(listener, req, res, (body) => {
      const nonce = NONCE_IN_CSP.exec(String(res.getHeader("content-security-policy") ?? ""))?.[1];
      if (!nonce) return;
      store(key, { version, storedAt: now(), headers: keptHeaders(res, nonce), body: splitBuffer(body, Buffer.from(nonce)), bytes: body.byteLength });
    });
  }

  function prerendered(/** @type {string} */ key, /** @type {Listener} */ listener, /** @type {Req} */ req, /** @type {Res} */ res) {
    const entry = /** @type {PrerenderedEntry | undefined} */ (touch(key));
    if (entry) return sendPrerendered(entry, req, res);
    if (knownDynamic.has(key)) return listener(req, res);
    return renderAndKeep(listener, req, res, (body) => {
      if (!isPrerendered(res)) {
        if (knownDynamic.size >= MAX_KNOWN_DYNAMIC) knownDynamic.clear();
        knownDynamic.add(key);
        return;
      }
      const etag = res.getHeader("etag");
      store(key, { headers: keptHeaders(res, undefined), body, etag: etag === undefined ? undefined : String(etag), encoded: new Map(), bytes: body.byteLength });
    });
  }

  return {
    /** Wrap Next's request listener. */
    wrap(/** @type {Listener} */ listener) {
      return async (/** @type {Req} */ req, /** @type {Res} */ res) => {
        const wanted = wantedPage(req);
        if (!wanted) return listener(req, res);
        if (wanted.kind === "festival") return festival(wanted.key, listener, req, res);
        return prerendered(wanted.key, listener, req, res);
      };
    },
    /** For tests and the bench: how much is held. */
    stats: () => ({ entries: entries.size, bytes }),
  };
}
