import "server-only";
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { processWide } from "@/lib/process-wide";

// bcrypt at cost 12 is ~250 ms of CPU. Even bcryptjs's async API runs that CPU on the main thread, so a
// burst of sign-ins made every other page wait (GET / p99 rose 40× in `npm run bench`). Hashing runs
// here, on worker threads, leaving the main thread one core to serve pages.
// Each thread also lowers its own scheduling priority (BCRYPT_NICE; on Linux the nice value is per
// thread, and /proc/thread-self names this one): with one process per core, every core has a main
// thread serving pages and may also have a hashing thread, so a burst of sign-ins made the home page's
// p99 7x its resting figure (npm run bench, 2 processes). At a lower priority the hashing only takes
// the CPU the pages leave: all of it while they are quiet, about a tenth while they keep a core busy.
// Elsewhere (no /proc, or not permitted) it runs at normal priority, as before.
export const BCRYPT_NICE = 10;

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  require("node:os").setPriority(tid, ${BCRYPT_NICE});
} catch {}
parentPort.on("message", ({ id, op, a, b }) => {
  try {
    const result = op === "hash" ? bcrypt.hashSync(a, b) : bcrypt.compareSync(a, b);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type Job = { id: number; op: "hash" | "compare"; a: string; b: string | number; resolve: (v: never) => void; reject: (e: Error) => void };

/**
 * Threads per server process. One process (`next start`, dev) keeps a core for its main thread and
 * hashes on the rest, up to 4. With `npm start` on N processes (WEB_CONCURRENCY, set by
 * scripts/start.mjs for its workers) the spare cores are split between them, so all processes' pools
 * together stay within the cores; each still needs one thread.
 */
export function bcryptPoolSize(cores: number, processes: number): number {
  return Math.max(1, Math.min(4, Math.floor((cores - 1) / Math.max(1, processes))));
}

// One pool per process (lib/process-wide.ts): this module is bundled into several of Next's chunks (the
// sign-in route, the server actions, ...), and a pool per chunk would each spawn up to `size` threads.
function makePool() {
  const processes = Number(process.env.WEB_CONCURRENCY) || 1;
  const size = bcryptPoolSize(availableParallelism(), processes);
  const idle: Worker[] = [];
  const queue: Job[] = [];
  const running = new Map<Worker, Job>();
  let started = 0;
  let nextId = 1;

  function spawnWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on("message", (msg: { id: number; result?: unknown; error?: string }) => {
      const job = running.get(worker);
      running.delete(worker);
      if (job && job.id === msg.id) {
        if (msg.error) job.reject(new Error(msg.error));
        else job.resolve(msg.result as never);
      }
      release(worker);
    });
    worker.on("error", (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
      started--;
      pump();
    });
    started++;
    return worker;
  }

  function release(worker: Worker) {
    idle.push(worker);
    pump();
    // An idle pool must not keep a CLI or script alive.
    if (running.size === 0 && queue.length === 0) for (const w of idle) w.unref();
  }

  function pump() {
    while (queue.length) {
      const worker = idle.pop() ?? (started < size ? spawnWorker() : undefined);
      if (!worker) return;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, op: job.op, a: job.a, b: job.b });
    }
  }

  function submit<T>(op: Job["op"], a: string, b: string | number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ id: nextId++, op, a, b, resolve: resolve as (v: never) => void, reject });
      pump();
    });
  }

  return { submit };
}

const pool = processWide("bcrypt-pool", makePool);

/** bcrypt on worker threads. An object, so tests can observe calls with vi.spyOn. */
export const bcryptWorkers = {
  hash: (data: string, cost: number) => pool.submit<string>("hash", data, cost),
  compare: (data: string, hash: string) => pool.submit<boolean>("compare", data, hash),
};
