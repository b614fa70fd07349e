import "server-only";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { classCode, normaliseName } from "../names";
import { COUNTED_STATUS } from "./classes";
import { reportTable, sortRows, type Column, type ReportTable } from "./columns";
import { ROLE_LABELS, type PeopleReportFilters, type PeopleRole } from "./people-roles";

// The people report (festival.read): for each teacher, accompanist, school or performer, the submitted
// entries and classes they are in, one row per person and entry. Filtered to one person's name prefix it
// is the list the festival mails a teacher. Contacts are shown (e-mail of teachers and accompanists):
// festival.read is the organizers' permission, and the list is for mailing them.

export interface PeopleReportRow {
  person: string;
  email: string;
  classCode: string;
  className: string;
  discipline: string;
  performers: string;
}

export function peopleColumns(role: PeopleRole): readonly Column<PeopleReportRow>[] {
  return [
    { key: "person", header: ROLE_LABELS[role], kind: "text", value: (r) => r.person, sortable: true },
    ...(role === "school" ? [] : [{ key: "email", header: "E-mail", kind: "text", value: (r: PeopleReportRow) => r.email } as const]),
    { key: "class", header: "Class", kind: "text", value: (r) => r.classCode, sortable: true },
    { key: "className", header: "Class name", kind: "text", value: (r) => r.className },
    { key: "discipline", header: "Discipline", kind: "text", value: (r) => r.discipline, sortable: true },
    { key: "performers", header: "Performers", kind: "text", value: (r) => r.performers },
  ];
}

function roleWhere(role: PeopleRole, name: string | undefined): Prisma.EntryWhereInput {
  const key = name ? normaliseName(name) : "";
  const profile = key ? { nameKey: { startsWith: key } } : {};
  if (role === "teacher") return { teacher: { is: profile } };
  if (role === "accompanist") return { accompanist: { is: profile } };
  if (role === "performer") return key ? { performers: { some: { profile } } } : {};
  return { performers: { some: { profile: { school: key ? { is: { nameKey: { startsWith: key } } } : { isNot: null } } } } };
}

export async function peopleReportRows(db: PrismaClient, seasonId: string, f: PeopleReportFilters): Promise<PeopleReportRow[]> {
  const person = { select: { name: true, nameKey: true, email: true } } as const;
  const entries = await db.entry.findMany({
    where: { AND: [{ seasonId, status: COUNTED_STATUS }, roleWhere(f.role, f.name)] },
    select: {
      festivalClass: { select: { number: true, suffix: true, name: true, discipline: { select: { name: true } } } },
      performers: { orderBy: { position: "asc" }, select: { profile: { select: { name: true, nameKey: true, email: true, school: { select: { name: true, nameKey: true } } } } } },
      teacher: person,
      accompanist: person,
    },
  });
  const key = f.name ? normaliseName(f.name) : "";
  const rows: PeopleReportRow[] = [];
  for (const e of entries) {
    const base = {
      classCode: classCode(e.festivalClass),
      className: e.festivalClass.name,
      discipline: e.festivalClass.discipline.name,
      performers: e.performers.map((p) => p.profile.name).join(", "),
    };
    // Who this entry is listed under: its teacher, its accompanist, each performer, each school.
    const people: { name: string; nameKey: string; email: string | null }[] =
      f.role === "teacher"
        ? [e.teacher].filter((p) => p !== null)
        : f.role === "accompanist"
          ? [e.accompanist].filter((p) => p !== null)
          : f.role === "performer"
            ? e.performers.map((p) => p.profile)
            : [...new Map(e.performers.flatMap((p) => (p.profile.school ? [[p.profile.school.nameKey, { ...p.profile.school, email: null }] as const] : []))).values()];
    for (const p of people) if (p.nameKey.startsWith(key)) rows.push({ ...base, person: p.name, email: p.email ?? "" });
  }
  const columns = peopleColumns(f.role);
  // Person, then class: a person's entries together, as they are mailed.
  const ordered = sortRows(sortRows(rows, columns, "class", "asc"), columns, "person", "asc");
  return sortRows(ordered, columns, f.sort, f.dir ?? "asc");
}

export async function peopleReport(db: PrismaClient, seasonId: string, f: PeopleReportFilters): Promise<ReportTable> {
  const rows = await peopleReportRows(db, seasonId, f);
  return reportTable(`People (${ROLE_LABELS[f.role]})`, peopleColumns(f.role), rows);
}
