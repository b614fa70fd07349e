import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { createClient, type Config } from "@libsql/client";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Several processes may share the SQLite file (the server, the CLI, a test): wait for a lock instead of
// failing at once with SQLITE_BUSY. Remote libSQL (Turso) servers manage this themselves.
class LibSQLWithBusyTimeout extends PrismaLibSQL {
  createClient(config: Config) {
    const client = createClient(config);
    if (config.url.startsWith("file:")) void client.execute("PRAGMA busy_timeout = 5000").catch(() => {});
    return client;
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
