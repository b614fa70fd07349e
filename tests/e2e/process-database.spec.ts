import { expect, test } from "@playwright/test";
import http from "node:http";
import { E2E } from "./env";
import { newUser, signInDirectly } from "./setup";

// One database client per server process, however many of Next's chunks load lib/db/index.ts. Two clients in
// one process deadlock for the busy timeout whenever one's transaction holds SQLite's write lock while
// the other writes (the synchronous driver's busy wait blocks the event loop the transaction needs):
// that failed CI with "database is locked" in every process sharing the file (lib/db/index.ts says more).
// And the hot read's connection, registered beside that client from lib/db/index.ts's chunk, is found by
// the guards' chunk (lib/db/readers.ts).

/** One GET on a connection of its own, so that the cluster's primary spreads them over its workers. */
function get(path: string, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(E2E.baseURL + path, { agent: false, headers: cookie ? { cookie } : {} }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

test("every server process makes one database client, and its signed-in reads use the reader beside it", async ({ browser }) => {
  // A session, for the signed-in reads below.
  const context = await browser.newContext();
  await signInDirectly(context, await newUser({ prefix: "process-db", confirmed: true }));
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();
  // Each worker loads the pages' chunk (/syllabus reads the database) and route handlers' chunks
  // (/api/account, /confirm-email/verify, the worker route itself), in both orders.
  for (const [path, as] of [["/test-only/worker"], ["/syllabus"], ["/api/account"], ["/api/account", cookie], ["/confirm-email/verify?token=nothing"], ["/sign-in"]]) {
    for (let i = 0; i < 4; i++) expect((await get(path, as)).status, `${path}${as ? " signed in" : ""}`).toBeLessThan(as ? 300 : 500);
  }
  const seen = new Map<number, { databaseClients: number; sessionReaders: number }>();
  for (let i = 0; i < 8; i++) {
    const { status, body } = await get("/test-only/worker");
    expect(status).toBe(200);
    const { pid, ...counts } = JSON.parse(body) as { pid: number; databaseClients: number; sessionReaders: number };
    seen.set(pid, counts);
  }
  expect(seen.size, "the requests reached both workers").toBe(2);
  for (const [pid, counts] of seen) {
    expect(counts.databaseClients, `process ${pid}'s database clients`).toBe(1);
    // The guards (one chunk) found the reader lib/db/index.ts registered (another chunk): 0 when every
    // signed-in read went through Prisma, as it did for a whole stop (lib/process-wide.ts).
    expect(counts.sessionReaders, `process ${pid}'s session readers`).toBe(1);
  }
});
