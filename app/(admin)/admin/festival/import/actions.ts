"use server";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { type Actor } from "@/lib/auth/actor";
import { festivalActor } from "@/lib/festival/admin-action";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { ID_MAX_LENGTH } from "@/lib/validation/festival-limits";
import { mappingFromForm, parseMapping } from "@/lib/festival/import/entry-columns";
import { parseReport } from "@/lib/festival/import/report";
import { runAndRecord } from "@/lib/festival/import/run";
import { readTable, TableError } from "@/lib/festival/import/table";
import { findUpload, UPLOAD_NOT_FOUND } from "@/lib/festival/import/uploads";
import type { FormState } from "@/components/forms/form-state";

// The dry run and the import of an upload (festival.manage first, before the form is read). Both work
// on the organizer's own upload only; the import uses the mapping its dry run used, so what is written
// is what was checked. Success says what was done (the services expire the public syllabus).

type State = FormState<string>;
const PATH = "/admin/festival/import";

const userIdOf = (actor: Actor) => (typeof actor.audit === "object" ? actor.audit.id : "");

/** An import's problems (the upload's table, a rule) go above the button. */
const importRefusal = (error: unknown) => (error instanceof TableError ? { form: error.message } : undefined);

/** Checks the upload (with the columns chosen on the page, for entries) and shows the report. */
export async function checkImportAction(_prev: State, formData: FormData): Promise<State> {
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: plainFields(["uploadId"]),
    echo: {},
    where: "check-import",
    refusal: importRefusal,
    run: async (actor, { uploadId }) => {
      const upload = await findUpload(prisma, userIdOf(actor), uploadId.slice(0, ID_MAX_LENGTH));
      if (!upload) return { errors: { form: UPLOAD_NOT_FOUND } };
      let mapping = null;
      if (upload.kind === "entries") {
        const table = await readTable(upload.content, upload.fileName);
        const chosen = mappingFromForm(formData, table.headers);
        if (chosen.errors.length) return { errors: { form: chosen.errors.join(" ") } };
        mapping = chosen.mapping;
      }
      await runAndRecord(prisma, actor, upload, { dryRun: true, mapping });
      redirect(`${PATH}/${upload.id}`);
    },
  });
}

/** Imports what the dry run checked, all or nothing. */
export async function commitImportAction(_prev: State, formData: FormData): Promise<State> {
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: plainFields(["uploadId"]),
    echo: {},
    where: "commit-import",
    refusal: importRefusal,
    run: async (actor, { uploadId }) => {
      const upload = await findUpload(prisma, userIdOf(actor), uploadId.slice(0, ID_MAX_LENGTH));
      if (!upload) return { errors: { form: UPLOAD_NOT_FOUND } };
      if (!parseReport(upload.report)?.dryRun) return { errors: { form: "Run the check (dry run) first." } };
      const report = await runAndRecord(prisma, actor, upload, { dryRun: false, mapping: parseMapping(upload.mapping) });
      const what = upload.kind === "syllabus" ? "classes" : "entries";
      await redirectWithFlash(
        `Imported: ${report.counts.created} new ${what}, ${report.counts.updated} updated, ${report.counts.unchanged} already there, ${report.counts.skipped} skipped.`,
        `${PATH}/${upload.id}`,
      );
    },
  });
}
