import Papa from "papaparse";
import { exportCell, type ReportTable } from "./columns";

// CSV downloads, written by papaparse (quoting, embedded commas, quotes and newlines are its job). A
// cell that a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return:
// "=HYPERLINK(...)" typed as a performer's name) is prefixed with an apostrophe, OWASP's advice against
// CSV injection, so Excel, LibreOffice and Google Sheets show it as text instead of running it. Plain
// numbers ("-12.50", an overpayment) are left alone: they are data we wrote, and no formula. Pure.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number): string | number {
  return typeof value === "number" ? value : neutraliseFormula(value);
}

/** The report as CSV text with a header row (and its totals row), lines ending CRLF as RFC 4180 has them. */
export function reportCsv(table: ReportTable): string {
  const body = [...table.rows, ...(table.totals ? [table.totals] : [])].map((row) => row.map((cell, i) => csvCell(exportCell(table.columns[i].kind, cell))));
  return Papa.unparse({ fields: table.columns.map((c) => neutraliseFormula(c.header)), data: body }, { newline: "\r\n", escapeFormulae: false });
}
