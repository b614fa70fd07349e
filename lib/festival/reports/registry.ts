import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SearchParams } from "@/lib/admin/search-params";
import type { ReportTable } from "./columns";
import { classReport } from "./classes";
import { feeReport } from "./fees";
import { peopleReport } from "./people";
import { classFilters, feeFilters, peopleFilters } from "./params";

// Every report by its name in the URL, with the query keys that shape it: the page and the download
// both load a report through here, from the same query string, so they show the same rows.
export interface ReportDefinition {
  title: string;
  /** The query keys the report reads (filters and sort), kept on sort links and downloads. */
  keys: readonly string[];
  load(db: PrismaClient, seasonId: string, params: SearchParams): Promise<ReportTable>;
}

export const REPORTS = {
  classes: {
    title: "Classes",
    keys: ["discipline", "level", "type", "q", "empty", "sort", "dir"],
    load: (db, seasonId, params) => classReport(db, seasonId, classFilters(params)),
  },
  fees: {
    title: "Fees",
    keys: ["owing", "sort", "dir"],
    load: (db, seasonId, params) => feeReport(db, seasonId, feeFilters(params)),
  },
  people: {
    title: "People",
    keys: ["role", "name", "sort", "dir"],
    load: (db, seasonId, params) => peopleReport(db, seasonId, peopleFilters(params)),
  },
} satisfies Record<string, ReportDefinition>;

export type ReportName = keyof typeof REPORTS;

export function reportNamed(name: string): ReportDefinition | null {
  return Object.hasOwn(REPORTS, name) ? REPORTS[name as ReportName] : null;
}
