import type { Metadata } from "next";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { IMPORT_UPLOAD_PATH, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, UPLOAD_ERRORS, type UploadErrorCode } from "@/lib/festival/import/limits";
import { FormAlert } from "@/components/forms/form-alert";
import { FestivalNav } from "../festival-nav";

export const metadata: Metadata = { title: "Import · Festival · Admin" };


export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.manage");
  const params = await searchParams;
  const seasons = await prisma.season.findMany({ orderBy: [{ isCurrent: "desc" }, { name: "desc" }], select: { id: true, name: true, isCurrent: true } });
  const code = param(params, "error");
  const error = code && code in UPLOAD_ERRORS ? UPLOAD_ERRORS[code as UploadErrorCode] : undefined;
  return (
    <section className="panel wide" aria-labelledby="import-title">
      <FestivalNav />
      <h1 id="import-title">Import a spreadsheet</h1>
      <p>
        Upload the syllabus (one class per row: number, suffix, name, discipline, level, type, fee, max time; optional min age, max age,
        adjudication time, move time, test pieces, description) or the entries a registration form collected (one row per submission). A
        CSV (UTF-8) or an Excel workbook (.xlsx, first sheet, values only), at most {MAX_IMPORT_BYTES / 1024 / 1024} MB and{" "}
        {MAX_IMPORT_ROWS.toLocaleString("en-CA")} rows. Nothing is written until you have seen the dry run and chosen to import.
      </p>
      {seasons.length === 0 ? (
        <p>Create a season first.</p>
      ) : (
        <form method="post" action={IMPORT_UPLOAD_PATH} encType="multipart/form-data" className="stack">
          <FormAlert message={error} />
          <div className="field">
            <label htmlFor="import-season">Season</label>
            <select id="import-season" name="seasonId" defaultValue={seasons[0].id}>
              {seasons.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.isCurrent ? " (current)" : ""}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>The file holds</legend>
            <label>
              <input type="radio" name="kind" value="syllabus" defaultChecked /> the syllabus (classes)
            </label>
            <label>
              <input type="radio" name="kind" value="entries" /> entries from a registration form
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="import-file">File</label>
            <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          </div>
          <button type="submit" className="button">
            Upload and check
          </button>
        </form>
      )}
    </section>
  );
}
