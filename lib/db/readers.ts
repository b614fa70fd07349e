import "server-only";
import type { Client } from "@libsql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// A plain libSQL connection beside a Prisma client, for the one read every signed-in request makes
// (lib/users/access.ts, loadSessionAccess): issue 15 measured Prisma's own work on a raw query (its query
// engine, the adapter's queue) at about a third of the /api/account request. Reads only: on a local file
// the database is in WAL mode, where a reader never waits for a writer, so this second connection cannot
// block the one Prisma writes through (docs/decisions/one-database-client.md is about two *writers*).
// Made on first use, closed with the Prisma client.
const readers = new WeakMap<PrismaClient, () => Client>();

export function registerReader(db: PrismaClient, open: () => Client): void {
  readers.set(db, open);
}

/** The reader beside `db`, or null for a client not made by createPrismaClient (a transaction's). */
export function readerOf(db: PrismaClient): Client | null {
  return readers.get(db)?.() ?? null;
}
