import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config } from "@libsql/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteRoundTrip } from "@/lib/db-round-trips";
import { createDbClient } from "@/lib/db-client";

type Sender = { execute: Client["execute"]; batch: Client["batch"] };

/** Reports each statement (or batch) sent through `target` to lib/db-round-trips.ts. */
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
  return new PrismaClient({
    adapter: new LibSQLWithBusyTimeout({ url, authToken }),
    // The adapter runs one statement at a time per process, and bcrypt shares the event loop: under a
    // burst of sign-ups, Prisma's default 2 s wait for a transaction slot was seen to expire (P1008).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

// One client per process; in development the module is re-evaluated on every edit, so keep it global.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient =
  globalForPrisma.prisma ??
  createPrismaClient(process.env.DATABASE_URL ?? "file:./data/mfo.db", process.env.DATABASE_AUTH_TOKEN);

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
