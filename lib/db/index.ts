import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { createClient, type Client, type Config } from "@libsql/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteRoundTrip } from "@/lib/db/round-trips";
import { createDbClient } from "@/lib/db/client";
import { openReader, registerReader, type Reader } from "@/lib/db/readers";
import { processWide } from "@/lib/process-wide";

type Sender = { execute: Client["execute"]; batch: Client["batch"] };

/** Reports each statement (or batch) sent through `target` to lib/db/round-trips.ts. */
function countSends<T extends Sender>(target: T): T {
  const execute = target.execute.bind(target) as (...args: unknown[]) => unknown;
  const batch = target.batch.bind(target) as (...args: unknown[]) => unknown;
  Object.assign(target, {
    execute: (...args: unknown[]) => (noteRoundTrip(), execute(...args)),
    batch: (...args: unknown[]) => (noteRoundTrip(), batch(...args)),
  });
  return target;
}

function countRoundTripsOf(client: Client): Client {
  countSends(client);
  const transaction = client.transaction.bind(client);
  client.transaction = async (...args: Parameters<Client["transaction"]>) => {
    noteRoundTrip(); // BEGIN
    return countSends(await transaction(...args));
  };
  return client;
}

class LibSQLWithBusyTimeout extends PrismaLibSQL {
  createClient(config: Config) {
    return countRoundTripsOf(createDbClient(config));
  }
}

export function createPrismaClient(url: string, authToken?: string): PrismaClient {
  const client = new PrismaClient({
    adapter: new LibSQLWithBusyTimeout({ url, authToken }),
    // The adapter runs one statement at a time per process, and bcrypt shares the event loop: under a
    // burst of sign-ups, Prisma's default 2 s wait for a transaction slot was seen to expire (P1008).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // The hot read's own connection (lib/db/readers.ts).
  let reader: Reader | undefined;
  registerReader(client, () => (reader ??= openReader(url, () => createClient({ url, authToken }))));
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    reader?.close();
    reader = undefined;
    await disconnect();
  };
  return client;
}

// One client per process (lib/process-wide.ts), in production too. Next bundles this module into more than
// one chunk (the pages' and each group of route handlers'), and each copy evaluates it again: with a
// module-level client alone, one `next start` process held two clients, two connections and two of the
// adapter's one-statement-at-a-time locks. The libSQL driver is synchronous, so when one copy's
// transaction held SQLite's write lock and the other copy wrote, that write's busy wait blocked the event
// loop the transaction needed to finish: the whole process stalled for the busy timeout, then failed
// ("database is locked", P1008), and so did every other process waiting on that lock (the CI failure of
// stop 19). One shared client turns that into an ordinary wait in the adapter's queue. In development
// the module is also re-evaluated on every edit; the same global keeps one client there.
const made = processWide("db-clients-made", () => ({ count: 0 }));

export const prisma: PrismaClient = processWide("db-client", () => {
  made.count++;
  return createPrismaClient(process.env.DATABASE_URL ?? "file:./data/mfo.db", process.env.DATABASE_AUTH_TOKEN);
});

/** How many times this process made its shared client (1, however many chunks loaded this module). */
export function processClientsMade(): number {
  return made.count;
}
