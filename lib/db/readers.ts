import "server-only";
import Database from "libsql";
import type { Client } from "@libsql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { noteRoundTrip } from "@/lib/db/round-trips";
import { processWide } from "@/lib/process-wide";

// A plain connection beside a Prisma client, for the one read every signed-in request makes
// (lib/users/access.ts, loadSessionAccess). Issue 15 measured, per call of that query:
// - through Prisma ($queryRaw): Prisma's engine and queue were about a third of /api/account's own work;
// - through @libsql/client: 0.23 ms (it prepares the statement again on every call);
// - a statement prepared once per process on the driver underneath (`libsql`): 0.03 ms.
// So for a database file the reader keeps its prepared statements; a remote database (Turso) is read
// through @libsql/client, where the network dominates.
// Reads only: on a local file the database is in WAL mode, where a reader never waits for a writer, so
// this second connection cannot block the one Prisma writes through (docs/decisions/one-database-client.md
// is about two *writers*); and it has SQLite's default busy timeout of 0: it never waits, it fails, and
// the caller goes through Prisma instead. Made on first use, closed with the Prisma client.

export interface Reader {
  /** The rows of a read-only statement, as objects keyed by column name. */
  all<T>(sql: string, args: unknown[]): Promise<T[]>;
  close(): void;
}

type Statement = { all(...args: unknown[]): unknown[] };
type LocalDatabase = { prepare(sql: string): Statement; close(): void };

/** The path of a `file:` URL (file:relative/path, file:/absolute, file:///absolute), or null for another URL. */
export function fileUrlPath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "").split("?")[0];
  return path || null;
}

function localReader(path: string): Reader {
  opened.local++;
  const db = new (Database as unknown as new (path: string) => LocalDatabase)(path);
  const prepared = new Map<string, Statement>();
  return {
    async all<T>(sql: string, args: unknown[]) {
      noteRoundTrip();
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      return statement.all(...args) as T[];
    },
    close: () => db.close(),
  };
}

function clientReader(client: Client): Reader {
  return {
    async all<T>(sql: string, args: unknown[]) {
      noteRoundTrip();
      return (await client.execute({ sql, args: args as never })).rows as unknown as T[];
    },
    close: () => client.close(),
  };
}

/** A reader for the database at `url`: prepared statements on a local file, @libsql/client otherwise. */
export function openReader(url: string, makeClient: () => Client): Reader {
  const path = fileUrlPath(url);
  return path ? localReader(path) : clientReader(makeClient());
}

// Process-wide (lib/process-wide.ts): lib/db/index.ts registers the reader from its chunk, and the guards
// look it up from theirs. With a module-level map each chunk had its own, the guards' was always empty,
// and every signed-in request read through Prisma for a whole stop without anything failing.
const readers = processWide("db-readers", () => new WeakMap<PrismaClient, () => Reader>());
const opened = processWide("db-readers-opened", () => ({ local: 0 }));

/** How many prepared-statement readers this process opened: 1 once a signed-in request was served (the test-only worker route reports it). */
export function localReadersOpened(): number {
  return opened.local;
}

export function registerReader(db: PrismaClient, open: () => Reader): void {
  readers.set(db, open);
}

/** The reader beside `db`, or null for a client not made by createPrismaClient (a transaction's). */
export function readerOf(db: PrismaClient): Reader | null {
  return readers.get(db)?.() ?? null;
}
