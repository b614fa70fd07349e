import { expect, test } from "@playwright/test";
import http from "node:http";
import { E2E } from "./env";

// One database client per server process, however many of Next's chunks load lib/db/index.ts. Two clients in
// one process deadlock for the busy timeout whenever one's transaction holds SQLite's write lock while
// the other writes (the synchronous driver's busy wait blocks the event loop the transaction needs):
// that failed CI with "database is locked" in every process sharing the file (lib/db/index.ts says more).

/** One GET on a connection of its own, so that the cluster's primary spreads them over its workers. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(E2E.baseURL + path, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

test("every server process makes one database client, whether pages or route handlers reached it first", async () => {
  // Each worker loads the pages' chunk (/syllabus reads the database) and route handlers' chunks
  // (/api/account, /confirm-email/verify, the worker route itself), in both orders.
  for (const path of ["/test-only/worker", "/syllabus", "/api/account", "/confirm-email/verify?token=nothing", "/sign-in"]) {
    for (let i = 0; i < 4; i++) expect((await get(path)).status).toBeLessThan(500);
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < 8; i++) {
    const { status, body } = await get("/test-only/worker");
    expect(status).toBe(200);
    const { pid, databaseClients } = JSON.parse(body) as { pid: number; databaseClients: number };
    seen.set(pid, databaseClients);
  }
  expect(seen.size, "the requests reached both workers").toBe(2);
  for (const [pid, clients] of seen) expect(clients, `process ${pid}`).toBe(1);
});
