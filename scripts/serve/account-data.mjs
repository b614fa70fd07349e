// GET /api/account, answered by the custom server before Next (scripts/start.mjs). The answer is the
// app's own code, bundled at build time (app/(account)/account/front-answer.ts, by
// scripts/serve/build-front.mjs): the same access check, the same JSON and the same cookies as the Next
// route, which still serves the path everywhere else (Vercel, `next start`, a bare `next build`, any query
// string, HEAD, FRONT_ACCOUNT_DATA=off). What this skips is Next's route-handler machinery, about 1 ms of a
// 2-core machine's CPU a request: the /account view is a cached shell and this one answer.
// docs/decisions/account-data-before-next.md.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const ACCOUNT_DATA_PATH = "/api/account";

/** The headers Next adds to every answer for `path` (next.config.mjs's headers(), as the build wrote them). */
export function configuredHeaders(dist, path) {
  const manifest = JSON.parse(readFileSync(join(dist, "routes-manifest.json"), "utf8"));
  return (manifest.headers ?? [])
    .filter((rule) => !rule.has?.length && !rule.missing?.length && new RegExp(rule.regex).test(path))
    .flatMap((rule) => rule.headers.map(({ key, value }) => [key, value]));
}

/** The request's headers as a Fetch Headers (what the answer reads its cookies and protocol from). */
function fetchHeaders(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // As Next fills it in for its routes (base-server.js): the proxy's value, else the connection's. Without
  // AUTH_URL it decides which session cookie is read (lib/auth/session-token.ts usesSecureCookies).
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", req.socket.encrypted ? "https" : "http");
  return headers;
}

/**
 * A wrapper for the server's request listener that answers GET /api/account itself, or null when the
 * build has no bundled answer (then Next answers it).
 * @param {{ dist: string, onError?: (error: unknown) => void }} options
 */
export async function accountDataRoute({ dist, onError = () => {} }) {
  const bundle = join(dist, "mfo/front-answer.mjs");
  if (!existsSync(bundle)) return null;
  const { frontAccountData } = await import(pathToFileURL(bundle).href);
  const configured = configuredHeaders(dist, ACCOUNT_DATA_PATH);
  return (next) => async (req, res) => {
    if (req.method !== "GET" || req.url !== ACCOUNT_DATA_PATH) return next(req, res);
    let answer;
    try {
      answer = await frontAccountData(fetchHeaders(req));
    } catch (error) {
      // Unexpected (the database being out of reach is an answer, a 503): Next's route runs the same
      // code again and answers with its own error handling and logging.
      onError(error);
      return next(req, res);
    }
    const headers = {};
    for (const [key, value] of [...configured, ["Content-Type", "application/json"], ...answer.headers]) {
      const name = key.toLowerCase();
      if (name === "set-cookie") headers[name] = [...(headers[name] ?? []), value];
      else headers[name] = value;
    }
    // Said, so that a test (and a curious operator) can tell this answer from the Next route's.
    headers["server-timing"] = [headers["server-timing"], 'front;desc="answered before Next"'].filter(Boolean).join(", ");
    headers["content-length"] = Buffer.byteLength(answer.body);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };
}
