import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { ENTRY_FIELDS, fitMapping, GROUP_FIELDS, guessMapping, MAX_GROUPS, parseMapping, type EntryMapping } from "@/lib/festival/import/entry-columns";
import { parseReport, type ImportReport } from "@/lib/festival/import/report";
import { readTable, TableError, type Table } from "@/lib/festival/import/table";
import { findUpload } from "@/lib/festival/import/uploads";
import { ActionForm } from "@/components/forms/action-form";
import { TableScroll } from "@/components/table-scroll";
import { formatInstant } from "@/lib/festival/dates";
import { FestivalNav } from "../../festival-nav";
import { checkImportAction, commitImportAction } from "../actions";

export const metadata: Metadata = { title: "Import · Festival · Admin" };

const PATH = "/admin/festival/import";

function ColumnSelect({ name, label, headers, value }: { name: string; label: string; headers: readonly string[]; value: string | undefined }) {
  const id = `map-${name.replaceAll(".", "-")}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">Not in this file</option>
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
}

function MappingFields({ headers, mapping }: { headers: readonly string[]; mapping: EntryMapping }) {
  // The groups found, and one or two more to map by hand (the page works without JavaScript).
  const groups = Math.min(MAX_GROUPS, Math.max(1, mapping.groups.length + 1));
  return (
    <>
      <fieldset className="checkboxes">
        <legend>Each submission</legend>
        {ENTRY_FIELDS.map((f) => (
          <ColumnSelect key={f.key} name={`field.${f.key}`} label={f.label} headers={headers} value={mapping.fields[f.key]} />
        ))}
      </fieldset>
      {Array.from({ length: groups }, (_, i) => (
        <fieldset className="checkboxes" key={i}>
          <legend>Class {i + 1}</legend>
          {GROUP_FIELDS.map((f) => (
            <ColumnSelect key={f.key} name={`group.${i}.${f.key}`} label={`${f.label} (class ${i + 1})`} headers={headers} value={mapping.groups[i]?.[f.key]} />
          ))}
        </fieldset>
      ))}
    </>
  );
}

function Report({ report, uploadId, imported }: { report: ImportReport; uploadId: string; imported: boolean }) {
  const what = report.kind === "syllabus" ? "classes" : "entries";
  const errors = report.issues.filter((i) => i.severity === "error").length;
  return (
    <section id="report" aria-labelledby="report-title">
      <h2 id="report-title">{report.dryRun ? "Dry run: nothing written yet" : "Imported"}</h2>
      <p>
        {report.dryRun ? "Checked" : "Imported"} {formatInstant(new Date(report.at))}: {report.rows} rows.
      </p>
      <ul>
        <li>
          {report.counts.created} new {what}
          {report.dryRun ? " to create" : " created"}
        </li>
        <li>
          {report.counts.updated} {what} {report.dryRun ? "to update" : "updated"}
        </li>
        <li>
          {report.counts.unchanged} {what} already there, unchanged
        </li>
        <li>
          {report.counts.skipped} {what} skipped (errors below)
        </li>
        {report.profilesCreated !== undefined && (
          <li>
            {report.profilesCreated} new people and {report.piecesCreated} new pieces (the others match ones already registered)
          </li>
        )}
      </ul>
      {report.issues.length > 0 ? (
        <>
          <h3>
            {report.issues.length + report.moreIssues} issues ({errors} not imported)
          </h3>
          <TableScroll label="Issues">
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">What happens</th>
                  <th scope="col">Issue</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((issue, i) => (
                  <tr key={i} data-severity={issue.severity}>
                    <td>{issue.row}</td>
                    <td>{issue.column ?? "—"}</td>
                    <td>{issue.severity === "error" ? "Not imported" : "Imported; check it"}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {report.moreIssues > 0 && <p>… and {report.moreIssues} more issues, not listed.</p>}
        </>
      ) : (
        <p>No issues.</p>
      )}
      {report.dryRun && !imported && (
        <ActionForm action={commitImportAction} hidden={{ uploadId }} submitLabel="Import" pendingLabel="Importing…">
          <p>
            Import writes the {report.counts.created + report.counts.updated} {what} above in one go (all or nothing); the rows marked “Not
            imported” are left out.
          </p>
        </ActionForm>
      )}
    </section>
  );
}

export default async function ImportUploadPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireAdmin("festival.manage");
  const { id } = await params;
  const upload = await findUpload(prisma, me.id, id);
  if (!upload) notFound();
  const season = await prisma.season.findUnique({ where: { id: upload.seasonId }, select: { name: true } });
  let table: Table | null = null;
  let problem: string | null = null;
  try {
    table = await readTable(upload.content, upload.fileName);
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    problem = error.message;
  }
  const report = parseReport(upload.report);
  let mapping: EntryMapping | null = null;
  if (table && upload.kind === "entries") {
    const remembered = parseMapping((await prisma.importMapping.findUnique({ where: { seasonId: upload.seasonId } }))?.columns);
    mapping = parseMapping(upload.mapping) ?? (remembered ? fitMapping(remembered, table.headers) : null) ?? guessMapping(table.headers);
  }
  return (
    <section className="panel wide" aria-labelledby="upload-title">
      <FestivalNav />
      <h1 id="upload-title">
        Import {upload.kind === "syllabus" ? "the syllabus" : "entries"} into {season?.name ?? "a deleted season"}
      </h1>
      <p>
        {upload.fileName}
        {table ? `: ${table.rows.length} rows, ${table.headers.length} columns.` : "."} <Link href={PATH}>Upload another file</Link>
      </p>
      {problem && (
        <p className="form-alert" role="alert">
          This file cannot be imported. {problem}
        </p>
      )}
      {table && upload.kind === "syllabus" && (
        <ActionForm action={checkImportAction} hidden={{ uploadId: upload.id }} submitLabel="Check (dry run)" pendingLabel="Checking…" />
      )}
      {table && mapping && (
        <>
          <h2>Columns</h2>
          <p>Which column of the file holds what (guessed from the headers, or as chosen last time for this season).</p>
          <ActionForm action={checkImportAction} hidden={{ uploadId: upload.id }} submitLabel="Check (dry run)" pendingLabel="Checking…">
            <MappingFields headers={table.headers} mapping={mapping} />
          </ActionForm>
        </>
      )}
      {report && <Report report={report} uploadId={upload.id} imported={Boolean(upload.importedAt)} />}
    </section>
  );
}
