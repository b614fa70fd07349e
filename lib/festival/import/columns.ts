import { normaliseName } from "../names";
import type { Table, TableRow } from "./table";

// Finding a column by what its header says, for files whose columns are fixed by the import (the
// syllabus). Pure.

/** The index of the first header whose normalised text is one of `names`, or -1. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
  return headers.findIndex((h) => names.includes(normaliseName(h)));
}

/** A row's cell in column `index` ("" when the column is absent or the row shorter). */
export function cell(row: TableRow, index: number): string {
  return index >= 0 ? (row.cells[index] ?? "") : "";
}

/** The header text of column `index`, for an issue. */
export function headerOf(table: Table, index: number): string | null {
  return index >= 0 ? table.headers[index] : null;
}
