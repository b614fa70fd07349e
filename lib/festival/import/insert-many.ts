import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../organizer";

// Many rows in one INSERT statement per 200 rows. Prisma's createMany sends one statement per row to
// SQLite through the driver adapter: 1,000 entries took 8.6 s on the busy 2-core machine against 0.4 s
// as multi-row statements (scripts/bench/import.ts). Portable SQL (quoted names, VALUES lists) built
// with Prisma.sql, so every value is a bound parameter and the placeholders suit the database. Rows
// are typed by the caller against Prisma's CreateManyInput; timestamps are passed explicitly, since
// @updatedAt and the defaults Prisma fills in are not applied to raw statements.

const CHUNK = 200;

export async function insertMany<T extends object>(tx: Tx, table: "Entry" | "EntryPerformer" | "EntryPiece" | "Piece" | "Profile" | "School", rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof T & string)[];
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`);
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}
