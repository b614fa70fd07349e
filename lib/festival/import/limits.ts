// The import's limits, shared by the upload route, the middleware's body limit and the page's text.
// No server code here: the middleware (edge) and the page both read it.

/** The largest spreadsheet accepted (issue 17: 5 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most data rows a file may have (the header row not counted). */
export const MAX_IMPORT_ROWS = 5000;
/** The multipart body around the file (season, kind, boundaries): a little over the file itself. */
export const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
/** The one path that accepts a body over MAX_ACTION_BODY_BYTES (middleware.ts). */
export const IMPORT_UPLOAD_PATH = "/admin/festival/import/upload";
/** An upload is kept this long for its dry run and import, then deleted. */
export const IMPORT_UPLOAD_TTL_MS = 60 * 60 * 1000;
/** The most issues a report keeps (a file of 5,000 bad rows would otherwise make a huge page). */
export const MAX_REPORTED_ISSUES = 1000;

export const IMPORT_KINDS = ["syllabus", "entries"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Why an upload was refused: the upload route redirects back with `?error=<code>`, the page says this. */
export const UPLOAD_ERRORS = {
  missing: "Choose a file to upload.",
  empty: "The file is empty.",
  "too-large": `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it, or leave out columns the import does not read.`,
  season: "Choose a season.",
  kind: "Choose what the file holds: the syllabus or entries.",
  type: "Upload a .csv or .xlsx file.",
  xls: "This is an old Excel (.xls) workbook: save it as .xlsx or CSV and upload that.",
  zip: "This file is named .csv but is a zip archive (an Excel workbook?): save it as CSV, or name it .xlsx.",
  "not-xlsx": "This file is named .xlsx but is not an Excel workbook (it may be damaged): export it again.",
  binary: "This file is not text: upload a .csv or .xlsx file.",
  unreadable: "The upload could not be read: try again.",
} as const;

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;
