import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/service";
import { assertManager } from "../organizer";
import { importEntries } from "./entries";
import { mappingErrors, type EntryMapping } from "./entry-columns";
import type { ImportReport } from "./report";
import { importSyllabus } from "./syllabus";
import { readTable, TableError } from "./table";
import type { StoredUpload } from "./uploads";

// A dry run and an import are the same code in one transaction: the dry run throws at the end so that
// everything it wrote is rolled back, and its report says exactly what the import would do (the same
// matching, the same counts). The import commits all of it or, on any failure, none of it.

class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run: rolled back");
  }
}

// Generous: a 5,000-row file on a busy 2-core machine; the default (5 s) is for form saves.
const TRANSACTION = { timeout: 120_000, maxWait: 15_000 };

export async function runImport(
  db: PrismaClient,
  actor: Actor,
  upload: StoredUpload,
  options: { dryRun: boolean; mapping?: EntryMapping | null; now?: Date },
): Promise<ImportReport> {
  assertManager(actor);
  const season = await db.season.findUnique({ where: { id: upload.seasonId } });
  if (!season) throw new RuleError("The season of this upload no longer exists.", "not_found");
  let table;
  try {
    table = await readTable(upload.content, upload.fileName);
  } catch (error) {
    if (error instanceof TableError) throw new RuleError(error.message, "invalid");
    throw error;
  }
  const mapping = options.mapping ?? null;
  if (upload.kind === "entries") {
    if (!mapping) throw new RuleError("Choose the columns first.", "invalid");
    const missing = mappingErrors(mapping);
    if (missing.length) throw new RuleError(missing.join(" "), "invalid");
  }
  const userId = typeof actor.audit === "object" ? actor.audit.id : null;
  try {
    return await db.$transaction(async (tx) => {
      const result =
        upload.kind === "syllabus"
          ? { ...(await importSyllabus(tx, season.id, table)), profilesCreated: undefined, piecesCreated: undefined }
          : await importEntries(tx, { season, table, mapping: mapping!, fileName: upload.fileName, userId, now: options.now });
      const report: ImportReport = {
        kind: upload.kind,
        dryRun: options.dryRun,
        rows: table.rows.length,
        counts: result.counts,
        ...(upload.kind === "entries" ? { profilesCreated: result.profilesCreated, piecesCreated: result.piecesCreated } : {}),
        issues: result.issues.sorted(),
        moreIssues: result.issues.more,
        at: (options.now ?? new Date()).toISOString(),
      };
      if (options.dryRun) throw new DryRunDone(report);
      await recordAudit(tx, {
        action: upload.kind === "syllabus" ? "festival.syllabus_imported" : "festival.entries_imported",
        actor: actor.audit,
        subject: { id: season.id, label: `Season ${season.name}` },
        ip: actor.ip,
        details: { file: upload.fileName, rows: report.rows, ...report.counts, profilesCreated: report.profilesCreated, piecesCreated: report.piecesCreated },
      });
      return report;
    }, TRANSACTION);
  } catch (error) {
    if (error instanceof DryRunDone) return error.report;
    throw error;
  }
}

/** Runs and keeps the report (and the mapping it used) on the upload, for the page to show. */
export async function runAndRecord(
  db: PrismaClient,
  actor: Actor,
  upload: StoredUpload,
  options: { dryRun: boolean; mapping?: EntryMapping | null },
): Promise<ImportReport> {
  const report = await runImport(db, actor, upload, options);
  await db.importUpload.update({
    where: { id: upload.id },
    data: {
      report: JSON.stringify(report),
      mapping: options.mapping ? JSON.stringify(options.mapping) : null,
      ...(options.dryRun ? {} : { importedAt: new Date() }),
    },
  });
  if (options.dryRun && upload.kind === "entries" && options.mapping) {
    const columns = JSON.stringify(options.mapping);
    await db.importMapping.upsert({ where: { seasonId: upload.seasonId }, create: { seasonId: upload.seasonId, columns }, update: { columns } });
  }
  return report;
}
