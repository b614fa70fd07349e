import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { COUNTED_STATUS } from "./classes";
import { reportTable, sortRows, type Column, type ReportTable, type SortDirection } from "./columns";

// The fees report (festival.read): per payer, the fees due, paid and outstanding of their submitted
// entries, and the totals. A payer is the account responsible for an entry, or, for an imported entry
// whose submitter has no account, the submitter's e-mail. The database groups and sums.

export interface FeeReportFilters {
  /** Only payers who still owe something. */
  owing?: boolean;
  sort?: string;
  dir?: SortDirection;
}

export interface FeeReportRow {
  payer: string;
  email: string;
  entries: number;
  dueCents: number;
  paidCents: number;
}

export const FEE_COLUMNS: readonly Column<FeeReportRow>[] = [
  { key: "payer", header: "Payer", kind: "text", value: (r) => r.payer, sortable: true },
  { key: "email", header: "E-mail", kind: "text", value: (r) => r.email, sortable: true },
  { key: "entries", header: "Entries", kind: "count", value: (r) => r.entries, sortable: true },
  { key: "due", header: "Fees due", kind: "cents", value: (r) => r.dueCents, sortable: true },
  { key: "paid", header: "Paid", kind: "cents", value: (r) => r.paidCents, sortable: true },
  { key: "outstanding", header: "Outstanding", kind: "cents", value: (r) => r.dueCents - r.paidCents, sortable: true },
];

export async function feeReportRows(db: PrismaClient, seasonId: string, f: FeeReportFilters): Promise<FeeReportRow[]> {
  const groups = await db.entry.groupBy({
    by: ["accountId", "submitterEmail", "submitterName"],
    where: { seasonId, status: COUNTED_STATUS },
    _count: { _all: true },
    _sum: { feeCents: true, paidCents: true },
  });
  const accountIds = [...new Set(groups.flatMap((g) => (g.accountId ? [g.accountId] : [])))];
  const users = new Map((await db.user.findMany({ where: { id: { in: accountIds } }, select: { id: true, email: true, name: true } })).map((u) => [u.id, u]));
  // An account's entries may carry different submitter fields (imported, then entered online): one row per payer.
  const payers = new Map<string, FeeReportRow>();
  for (const g of groups) {
    const user = g.accountId ? users.get(g.accountId) : undefined;
    const email = user?.email ?? g.submitterEmail ?? "";
    const key = g.accountId ? `account:${g.accountId}` : `submitter:${email.toLowerCase() || g.submitterName || ""}`;
    const row = payers.get(key) ?? { payer: user ? user.name || user.email : g.submitterName || email || "Unknown", email, entries: 0, dueCents: 0, paidCents: 0 };
    row.entries += g._count._all;
    row.dueCents += g._sum.feeCents ?? 0;
    row.paidCents += g._sum.paidCents ?? 0;
    payers.set(key, row);
  }
  let rows = sortRows([...payers.values()], FEE_COLUMNS, "payer", "asc");
  if (f.owing) rows = rows.filter((r) => r.dueCents > r.paidCents);
  return sortRows(rows, FEE_COLUMNS, f.sort, f.dir ?? "asc");
}

export async function feeReport(db: PrismaClient, seasonId: string, f: FeeReportFilters): Promise<ReportTable> {
  const rows = await feeReportRows(db, seasonId, f);
  const sum = (k: "entries" | "dueCents" | "paidCents") => rows.reduce((n, r) => n + r[k], 0);
  return reportTable("Fees", FEE_COLUMNS, rows, { entries: sum("entries"), due: sum("dueCents"), paid: sum("paidCents"), outstanding: sum("dueCents") - sum("paidCents") });
}
