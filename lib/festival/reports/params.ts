import { param, type SearchParams } from "@/lib/admin/search-params";
import type { SortDirection } from "./columns";
import type { ClassReportFilters } from "./classes";
import type { FeeReportFilters } from "./fees";
import { PEOPLE_ROLES, type PeopleReportFilters, type PeopleRole } from "./people-roles";

// A report's query string, read the same way by its page and its download, so the file has the rows the
// page showed. Unknown values are ignored, lengths bounded (param). Pure.

export function sortParams(params: SearchParams): { sort?: string; dir: SortDirection } {
  return { sort: param(params, "sort"), dir: param(params, "dir") === "desc" ? "desc" : "asc" };
}

export function classFilters(params: SearchParams): ClassReportFilters {
  return {
    disciplineId: param(params, "discipline") || undefined,
    levelId: param(params, "level") || undefined,
    typeId: param(params, "type") || undefined,
    q: param(params, "q")?.trim().slice(0, 100) || undefined,
    hideEmpty: param(params, "empty") === "hide",
    ...sortParams(params),
  };
}

export function feeFilters(params: SearchParams): FeeReportFilters {
  return { owing: param(params, "owing") === "1", ...sortParams(params) };
}

export function peopleFilters(params: SearchParams): PeopleReportFilters {
  const role = param(params, "role");
  return {
    role: PEOPLE_ROLES.includes(role as PeopleRole) ? (role as PeopleRole) : "teacher",
    name: param(params, "name")?.trim().slice(0, 100) || undefined,
    ...sortParams(params),
  };
}

/** The filters as a query (for links: sort headers, downloads), without empty values. */
export function queryOf(params: SearchParams, keys: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, param(params, k)]));
}
