import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

// What the services share about the database, beside the client itself (lib/db/index.ts): no client is made
// here, so importing this never opens a connection.

/** The client or a transaction's: a service that takes a Db can run alone or inside a caller's transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A unique index refused the write: the database, not a prior lookup, decides who wins a race. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
