import { MAX_REPORTED_ISSUES, type ImportKind } from "./limits";

// What a dry run or an import found and did, as stored on the upload and shown on the page. Pure.

/**
 * "error": the row (or that class of the row) is not imported; "warning": it is imported, and the
 * organizers should look (an age outside the limit may be allowed for adjudication only).
 */
export type IssueSeverity = "error" | "warning";

export interface ImportIssue {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  /** The column's header, or null when the issue is about the whole row. */
  column: string | null;
  severity: IssueSeverity;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportReport {
  kind: ImportKind;
  /** true: checked in a transaction that was rolled back; false: committed. */
  dryRun: boolean;
  rows: number;
  /** Classes (syllabus) or entries (entries). */
  counts: ImportCounts;
  /** Entries only: people and pieces that would be (or were) added. */
  profilesCreated?: number;
  piecesCreated?: number;
  issues: ImportIssue[];
  /** Issues beyond MAX_REPORTED_ISSUES, counted but not kept. */
  moreIssues: number;
  at: string;
}

/** Collects issues in row order, keeping at most MAX_REPORTED_ISSUES. */
export class IssueList {
  readonly issues: ImportIssue[] = [];
  more = 0;
  errors = 0;

  add(row: number, column: string | null, severity: IssueSeverity, message: string): void {
    if (severity === "error") this.errors++;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ row, column, severity, message });
    else this.more++;
  }

  sorted(): ImportIssue[] {
    return [...this.issues].sort((a, b) => a.row - b.row);
  }
}

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0 };
}

export function parseReport(json: string | null): ImportReport | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as ImportReport;
  } catch {
    return null;
  }
}
