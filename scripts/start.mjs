// @ts-check
// `npm start`: prepares the database once (scripts/prepare.ts: migrations, roles, first admin), then
// serves the production build with one server process per core: Next's own request handler (the same
// router `next start` runs, through the custom-server API) behind the public page cache
// (scripts/serve/public-page-cache.mjs, docs/decisions/public-page-cache.md). Plain JavaScript, run by
// node itself, so the serving processes load nothing but Next.js (no TypeScript loader).
//
// WEB_CONCURRENCY sets the number of server processes (default: the cores available). With 1 this
// process becomes the one server. With more it is a node:cluster primary:
// the workers share the port (the primary accepts connections and hands them out in turn), a worker
// that dies is replaced (at once after a long life, then with a growing delay, so a crash at start-up
// does not loop), and SIGTERM or SIGINT lets every worker finish its requests before all stop.
// Why and what it means for per-process state: docs/decisions/cluster.md.
import cluster from "node:cluster";
import { spawnSync } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { createPublicPageCache } from "./serve/public-page-cache.mjs";
import { cacheVersionReader } from "./serve/cache-versions.mjs";
import { accountDataRoute } from "./serve/account-data.mjs";

const require = createRequire(import.meta.url);
const root = process.cwd(); // npm runs scripts from the project root
// As `next start` does: production unless the environment says otherwise.
process.env.NODE_ENV ||= "production";

const port = Number(process.env.PORT || 3000);

/** A worker that lived this long before dying is replaced at once; a shorter life counts as a failure. */
const HEALTHY_UPTIME_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** How long SIGTERM waits for the workers to finish their requests before it kills them. */
const DRAIN_TIMEOUT_MS = 25_000;

function log(message) {
  console.log(`mfo: ${message}`);
}

/** WEB_CONCURRENCY, validated: a whole number from 1 to 64; unset means every core. */
function processCount(value = process.env.WEB_CONCURRENCY) {
  if (value === undefined || value === "") return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new Error(`WEB_CONCURRENCY: must be a whole number from 1 to 64 (got "${value}")`);
  }
  return Number(value);
}

/** Delay before replacing a worker after `failures` short-lived workers in a row (0: at once). */
function restartDelay(failures) {
  return failures === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** (failures - 1));
}

/**
 * One server process: Next's request handler (the custom-server API, `next()`: the same router that
 * `next start` runs) behind the public page cache (scripts/serve/public-page-cache.mjs). SIGTERM and
 * SIGINT close the listener, let the requests in flight finish, then stop.
 */
async function serve() {
  process.title = "mfo-server";
  // What `next start` sets: the origin Next fetches a server action's redirect target from (itself).
  process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${port}`;
  const next = require("next");
  const app = next({ dir: root, dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cached = pageCacheDisabled() ? handle : publicPageCache().wrap(handle);
  const accountData = process.env.FRONT_ACCOUNT_DATA === "off" ? null : await frontAccountDataRoute();
  const listener = accountData ? accountData(cached) : cached;
  const server = http.createServer(async (req, res) => {
    try {
      await listener(req, res);
    } catch (error) {
      // As `next start`: an error that escapes Next's own handling is a 500, not a crashed process.
      console.error(`mfo: failed to handle ${req.method} ${req.url}:`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(undefined));
  });
  if (!cluster.isWorker) log(`serving http://localhost:${port} with 1 process (pid ${process.pid})`);
}

/** PUBLIC_PAGE_CACHE=off serves every public page from Next (for comparison in the bench). */
function pageCacheDisabled() {
  return process.env.PUBLIC_PAGE_CACHE === "off" || !process.env.DATABASE_URL;
}

/** GET /api/account answered before Next (scripts/serve/account-data.mjs); null without the build's bundle. */
async function frontAccountDataRoute() {
  let warned = false;
  return accountDataRoute({
    dist: resolve(root, ".next"),
    onError(error) {
      if (warned) return;
      warned = true; // once per process; Next's route logs each one as it answers
      console.error("mfo: GET /api/account failed before Next, left to Next's route:", error instanceof Error ? error.message : error);
    },
  });
}

function publicPageCache() {
  const versions = cacheVersionReader({ url: String(process.env.DATABASE_URL), authToken: process.env.DATABASE_AUTH_TOKEN });
  let warned = false;
  return createPublicPageCache({
    readVersion: versions.read,
    onError(error) {
      if (warned) return;
      warned = true; // once per process: it recurs with every request while the database is unreadable
      console.error("mfo: public page cache off while the data versions cannot be read:", error instanceof Error ? error.message : error);
    },
  });
}

function prepare() {
  const tsx = resolve(root, "node_modules/.bin/tsx");
  const result = spawnSync(tsx, ["--conditions=react-server", "scripts/prepare.ts", "--production"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function supervise(count) {
  process.title = "mfo-primary";
  // The workers run `next start`'s server and nothing else: no loader flags inherited from this process.
  cluster.setupPrimary({ execArgv: [] });
  let stopping = false;
  let everListened = false;
  /** @type {Map<number, { slot: number, startedAt: number, listening: boolean }>} */
  const workers = new Map();
  const failures = new Array(count).fill(0);

  function fork(slot) {
    if (stopping) return;
    // The workers' bcrypt pools are sized by this count (lib/auth/bcrypt-workers.ts).
    const worker = cluster.fork({ WEB_CONCURRENCY: String(count), MFO_WORKER_SLOT: String(slot) });
    workers.set(worker.id, { slot, startedAt: Date.now(), listening: false });
    worker.on("listening", () => {
      const info = workers.get(worker.id);
      if (info) info.listening = true;
      if (!everListened) log(`serving http://localhost:${port} with ${count} processes (primary pid ${process.pid})`);
      everListened = true;
      log(`worker ${slot} (pid ${worker.process.pid}) listening`);
    });
  }

  cluster.on("exit", (worker, code, signal) => {
    const info = workers.get(worker.id);
    workers.delete(worker.id);
    if (!info || stopping) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!everListened) {
      // Nothing ever served: a broken build or setting, which a restart will not mend.
      log(`worker ${info.slot} (pid ${worker.process.pid}) exited with ${how} before serving; stopping`);
      shutdown("start-up failure", 1);
      return;
    }
    const lived = Date.now() - info.startedAt;
    if (lived >= HEALTHY_UPTIME_MS) failures[info.slot] = 0;
    const delay = restartDelay(failures[info.slot]);
    failures[info.slot]++;
    log(`worker ${info.slot} (pid ${worker.process.pid}) exited with ${how} after ${Math.round(lived / 1000)} s; replacing it in ${delay} ms`);
    setTimeout(() => fork(info.slot), delay).unref();
  });

  function shutdown(reason, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log(`${reason}: letting ${workers.size} worker(s) finish their requests`);
    // Each worker runs Next's own handler: stop accepting, finish what is in flight, exit.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const force = setTimeout(() => {
      log(`workers still busy after ${DRAIN_TIMEOUT_MS / 1000} s; killing them`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
    }, DRAIN_TIMEOUT_MS);
    force.unref();
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      clearTimeout(force);
      log("stopped");
      process.exit(exitCode);
    };
    cluster.on("exit", done);
    done();
  }

  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  for (let slot = 0; slot < count; slot++) fork(slot);
}

async function main() {
  if (cluster.isWorker) return serve();
  const count = processCount();
  if (!process.argv.includes("--no-prepare")) prepare();
  if (count === 1) return serve();
  supervise(count);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
