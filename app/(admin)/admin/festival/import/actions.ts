"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { RuleError, type Operator } from "@/lib/auth/operator";
import { festivalFinish, festivalOperator } from "@/lib/festival/admin-action";
import { mappingFromForm, parseMapping } from "@/lib/festival/import/entry-columns";
import { parseReport } from "@/lib/festival/import/report";
import { runAndRecord } from "@/lib/festival/import/run";
import { readTable, TableError } from "@/lib/festival/import/table";
import { findUpload, UPLOAD_NOT_FOUND } from "@/lib/festival/import/uploads";
import type { FormState } from "@/components/forms/form-state";

// The dry run and the import of an upload (festival.manage first, before the form is read). Both work
// on the organizer's own upload only; the import uses the mapping its dry run used, so what is written
// is what was checked. Success expires the public syllabus (festivalFinish) and says what was done.

type State = FormState<string>;
const PATH = "/admin/festival/import";

const userIdOf = (op: Operator) => (typeof op.actor === "object" ? op.actor.id : "");
const uploadIdOf = (formData: FormData) => String(formData.get("uploadId") ?? "").slice(0, 40);

/** Checks the upload (with the columns chosen on the page, for entries) and shows the report. */
export async function checkImportAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(PATH);
  const upload = await findUpload(prisma, userIdOf(op), uploadIdOf(formData));
  if (!upload) return { values: {}, errors: { form: UPLOAD_NOT_FOUND } };
  let mapping = null;
  try {
    if (upload.kind === "entries") {
      const table = await readTable(upload.content, upload.fileName);
      const chosen = mappingFromForm(formData, table.headers);
      if (chosen.errors.length) return { values: {}, errors: { form: chosen.errors.join(" ") } };
      mapping = chosen.mapping;
    }
    await runAndRecord(prisma, op, upload, { dryRun: true, mapping });
  } catch (error) {
    if (error instanceof RuleError || error instanceof TableError) return { values: {}, errors: { form: error.message } };
    throw error;
  }
  redirect(`${PATH}/${upload.id}`);
}

/** Imports what the dry run checked, all or nothing. */
export async function commitImportAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(PATH);
  const upload = await findUpload(prisma, userIdOf(op), uploadIdOf(formData));
  if (!upload) return { values: {}, errors: { form: UPLOAD_NOT_FOUND } };
  if (!parseReport(upload.report)?.dryRun) return { values: {}, errors: { form: "Run the check (dry run) first." } };
  let done = "";
  return festivalFinish(
    {},
    async () => {
      const report = await runAndRecord(prisma, op, upload, { dryRun: false, mapping: parseMapping(upload.mapping) });
      const what = upload.kind === "syllabus" ? "classes" : "entries";
      done = `Imported: ${report.counts.created} new ${what}, ${report.counts.updated} updated, ${report.counts.unchanged} already there, ${report.counts.skipped} skipped.`;
    },
    () => ({ flash: done, redirectTo: `${PATH}/${upload.id}` }),
  );
}
