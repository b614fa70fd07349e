import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RuleError } from "@/lib/auth/actor";
import { IMPORT_UPLOAD_TTL_MS, type ImportKind } from "./limits";

// An uploaded file, kept in the database between its dry run and its import (docs/decisions/
// festival-import.md): bound to the organizer who sent it (anyone else's id is "not found"), deleted an
// hour later. In the database rather than on disk so every server process (and a serverless host) sees it.

export const UPLOAD_NOT_FOUND = "That upload is not among yours, or it has expired: upload the file again.";

export async function storeUpload(
  db: PrismaClient,
  input: { userId: string; seasonId: string; kind: ImportKind; fileName: string; content: Uint8Array },
  now = new Date(),
): Promise<string> {
  // Expired uploads go when a new one comes: nothing else needs to sweep them.
  await db.importUpload.deleteMany({ where: { expiresAt: { lt: now } } });
  const row = await db.importUpload.create({
    data: { ...input, content: Buffer.from(input.content), expiresAt: new Date(now.getTime() + IMPORT_UPLOAD_TTL_MS) },
    select: { id: true },
  });
  return row.id;
}

/** The user's own upload, not expired; null otherwise (someone else's id looks like a missing one). */
export async function findUpload(db: PrismaClient, userId: string, id: string, now = new Date()) {
  const row = await db.importUpload.findUnique({ where: { id } });
  if (!row || row.userId !== userId || row.expiresAt < now) return null;
  return { ...row, kind: row.kind as ImportKind, content: new Uint8Array(row.content) };
}

export async function requireUpload(db: PrismaClient, userId: string, id: string) {
  const upload = await findUpload(db, userId, id);
  if (!upload) throw new RuleError(UPLOAD_NOT_FOUND, "not_found");
  return upload;
}

export type StoredUpload = NonNullable<Awaited<ReturnType<typeof findUpload>>>;
