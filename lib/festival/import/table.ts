import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { MAX_IMPORT_ROWS, UPLOAD_ERRORS, type UploadErrorCode } from "./limits";

// An uploaded spreadsheet as a plain table of strings: the header row, then each data row with the row
// number a spreadsheet program shows (the header is row 1), so every issue can name its row and column.
// CSV is read by papaparse, XLSX by exceljs (well-kept parsers: quoting, multi-line cells, shared
// strings and dates are theirs to get right, not ours). Anything we cannot read faithfully is refused
// with a message saying what to do, never a crash: a formula (its cached result may be stale or absent),
// an error cell, text that is not UTF-8, a file that is neither CSV nor XLSX.

export interface TableRow {
  /** The row number a spreadsheet program shows (header = 1). */
  line: number;
  cells: string[];
}

export interface Table {
  format: "csv" | "xlsx";
  /** Trimmed, made unique ("Class", "Class (2)") so a mapping can name each one. */
  headers: string[];
  rows: TableRow[];
}

/** The file cannot be read as a table; the message says why and is safe to show. */
export class TableError extends Error {
  constructor(
    message: string,
    /** Set when the file is refused before it is stored (the upload route's `?error=`). */
    readonly code?: UploadErrorCode,
  ) {
    super(message);
  }
}

const refuse = (code: UploadErrorCode) => new TableError(UPLOAD_ERRORS[code], code);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type FileFormat = "csv" | "xlsx";

/** Which reader a file needs, from its first bytes and name; a TableError for anything else. */
export function sniffFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const name = fileName.toLowerCase();
  if (bytes.length === 0) throw refuse("empty");
  if (startsWith(bytes, ZIP)) {
    if (/\.(csv|txt)$/.test(name)) throw refuse("zip");
    return "xlsx";
  }
  if (startsWith(bytes, OLE)) throw refuse("xls");
  if (/\.xls[xm]?$/.test(name)) throw refuse("not-xlsx");
  if (!/\.(csv|txt)$/.test(name)) throw refuse("type");
  // UTF-16 text is full of zero bytes: let the CSV reader say what it is and how to save it instead.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw refuse("binary");
  return "csv";
}

function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function toTable(format: FileFormat, lines: { line: number; cells: string[] }[]): Table {
  const [header, ...data] = lines;
  if (!header) throw new TableError("The file has no rows.");
  const rows = data.filter((r) => r.cells.some((c) => c !== ""));
  if (rows.length === 0) throw new TableError("The file has a header row but no data rows.");
  if (rows.length > MAX_IMPORT_ROWS) throw new TableError(`The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once. Split it.`);
  return { format, headers: uniqueHeaders(header.cells), rows };
}

function decodeUtf8(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new TableError('This CSV is UTF-16 ("Unicode text"): save it as "CSV UTF-8" and upload that.');
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TableError('This CSV is not UTF-8 text (accented letters would come out wrong): save it as "CSV UTF-8" and upload that.');
  }
}

export function readCsv(bytes: Uint8Array): Table {
  const text = decodeUtf8(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) throw new TableError(`Row ${(broken.row ?? 0) + 1}: a quoted cell is not closed (${broken.message}). Export the file again.`);
  const lines = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }));
  // Only the empty lines a CSV ends with; empty rows inside keep their numbers (and are skipped).
  while (lines.length && lines[lines.length - 1].cells.every((c) => c === "")) lines.pop();
  return toTable("csv", lines);
}

const two = (n: number) => String(n).padStart(2, "0");

/** A date cell: Excel stores the wall-clock time, which exceljs hands over as that time in UTC. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${two(h)}:${two(m)}:${two(s)}` : day;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (cell.type === ExcelJS.ValueType.Formula || (typeof v === "object" && ("formula" in v || "sharedFormula" in v))) {
    throw new TableError(`Cell ${cell.address} holds a formula: imports take values only. In the spreadsheet, copy the cells and paste them as values, then upload again.`);
  }
  if (v instanceof Date) return dateText(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v).toUpperCase() === "TRUE" || String(v).toUpperCase() === "FALSE" ? String(v).toUpperCase() : String(v);
  if (typeof v === "string") return v.trim();
  if ("error" in v) throw new TableError(`Cell ${cell.address} holds an error (${String(v.error)}): fix it in the spreadsheet and upload again.`);
  if ("richText" in v) return v.richText.map((r) => r.text).join("").trim();
  if ("text" in v) return String(v.text).trim();
  return String(cell.text ?? "").trim();
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new TableError("This file is not a readable Excel workbook (.xlsx): it may be damaged. Open it and save it again, or export a CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableError("The workbook has no worksheet.");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw new TableError(`The first sheet has ${sheet.actualRowCount - 1} rows; at most ${MAX_IMPORT_ROWS} can be imported at once. Split it.`);
  }
  const width = sheet.actualColumnCount ? sheet.columnCount : 0;
  const lines: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let col = 1; col <= width; col++) cells.push(cellText(row.getCell(col)));
    lines.push({ line, cells });
  });
  return toTable("xlsx", lines);
}

/** The file as a table, or a TableError saying what is wrong with it. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  return sniffFormat(bytes, fileName) === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}
