import { env } from "@/lib/env";
import { processClientsMade } from "@/lib/db";
import { localReadersOpened } from "@/lib/db/readers";

// Which server process answered: `npm start` runs several (scripts/start.mjs), and
// tests/e2e/cluster.spec.ts kills one and watches it being replaced. `?wait=ms` (up to 10 s) holds the
// answer back, to show that SIGTERM lets a request in flight finish. `databaseClients` is how many
// database clients the process made, `sessionReaders` how many prepared-statement readers beside it
// (tests/e2e/process-database.spec.ts holds both to one). Absent (404)
// unless MFO_TEST_ROUTES=true.
export async function GET(request: Request) {
  if (!env().MFO_TEST_ROUTES) return new Response("Not found", { status: 404 });
  const wait = Math.min(10_000, Math.max(0, Number(new URL(request.url).searchParams.get("wait")) || 0));
  if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
  return Response.json({ pid: process.pid, databaseClients: processClientsMade(), sessionReaders: localReadersOpened() }, { headers: { "Cache-Control": "no-store" } });
}
