import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { checkEntry, type RuleClass, type RulePerformer, type RuleSeason } from "../entry-rules";
import { classCode, normaliseName, parseClassCode } from "../names";
import { formatCents } from "../money";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../organizer";
import { insertMany } from "./insert-many";
import { ENTRY_NOTES_MAX_LENGTH } from "@/lib/validation/festival-limits";
import { GROUP_FIELDS, type EntryFieldKey, type EntryMapping, type GroupFieldKey } from "./entry-columns";
import { emptyCounts, IssueList, type ImportCounts } from "./report";
import type { Table, TableRow } from "./table";
import { parseAmount, parseBirthDate, parseMinutes, parsePaid, parseTimestamp, splitDates, splitNames } from "./values";

// The entries import: one row per form submission, each naming performers and one or more classes
// (groups of class number, piece, composer, duration). Rows become submitted entries of the season,
// matching existing people (by normalised name, and birth date when both have one) and pieces (title +
// composer) instead of duplicating them. The festival's own rules (entry-rules.ts checkEntry, the one
// place they live) are asked about every entry: a class not in the syllabus skips it; the others (age,
// performers for the type, time, already entered, test piece) are warnings, because organizers may
// accept such an entry. Each entry carries a sourceKey made from its submission, performers and
// class, so importing the same file again finds every entry already there and changes nothing.
// Everything is read up front and written with a few multi-row INSERTs: a 1,500-row dry run is fast.

export interface EntriesResult {
  counts: ImportCounts;
  issues: IssueList;
  profilesCreated: number;
  piecesCreated: number;
}

export interface ImportSeason extends RuleSeason {
  name: string;
}

interface PlannedPiece {
  title: string;
  composer: string;
  durationSeconds: number;
}

interface PlannedEntry {
  code: string;
  group: number;
  pieces: PlannedPiece[];
  bad: boolean;
}

interface Person {
  name: string;
  nameKey: string;
  birthDate: Date | null;
}

interface KnownProfile {
  id: string;
  name: string;
  birthDate: Date | null;
}

type Ref = { id: string } | { create: Person & { email?: string; phone?: string } } | { ambiguous: number };

const sameDay = (a: Date | null, b: Date | null) => !a || !b || a.getTime() === b.getTime();
const keyOf = (parts: string[]) => createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 32);

/** Checks every row and writes the entries through `tx` (the caller commits or rolls back). */
export async function importEntries(
  tx: Tx,
  options: { season: ImportSeason; table: Table; mapping: EntryMapping; fileName: string; userId: string | null; now?: Date },
): Promise<EntriesResult> {
  const { season, table, mapping, fileName, userId } = options;
  const now = options.now ?? new Date();
  const issues = new IssueList();
  const counts = emptyCounts();
  const col = (key: EntryFieldKey) => (mapping.fields[key] ? table.headers.indexOf(mapping.fields[key]) : -1);
  const groupCols = mapping.groups.map((g) =>
    Object.fromEntries(GROUP_FIELDS.map((f) => [f.key, g[f.key] ? table.headers.indexOf(g[f.key]!) : -1])) as Record<GroupFieldKey, number>,
  );
  const text = (row: TableRow, index: number) => (index >= 0 ? (row.cells[index] ?? "") : "");
  const header = (index: number) => (index >= 0 ? table.headers[index] : null);
  const c = Object.fromEntries(
    (["timestamp", "submitterName", "submitterEmail", "submitterPhone", "performers", "birthDate", "teacher", "school", "accompanistName", "accompanistPhone", "accompanistEmail", "fee", "paid"] as const).map((k) => [k, col(k)]),
  ) as Record<EntryFieldKey, number>;

  // Everything the rows need, read once.
  const names = new Set<string>();
  for (const row of table.rows) {
    for (const n of [...splitNames(text(row, c.performers)), text(row, c.teacher), text(row, c.accompanistName)]) {
      const key = normaliseName(n);
      if (key) names.add(key);
    }
  }
  const [classes, profiles, sourceKeys, entered] = await Promise.all([
    tx.festivalClass.findMany({ where: { seasonId: season.id }, include: { performanceType: true } }),
    tx.profile.findMany({ where: { nameKey: { in: [...names] } }, select: { id: true, name: true, nameKey: true, birthDate: true } }),
    tx.entry.findMany({ where: { seasonId: season.id, sourceKey: { not: null } }, select: { sourceKey: true } }),
    tx.entryPerformer.findMany({ where: { entry: { seasonId: season.id, status: { not: "withdrawn" } } }, select: { profileId: true, entry: { select: { classId: true } } } }),
  ]);
  const birthDates = new Map(profiles.map((p) => [p.id, p.birthDate]));
  const classByCode = new Map(classes.map((k) => [classCode(k), k]));
  const byName = new Map<string, KnownProfile[]>();
  for (const p of profiles) byName.set(p.nameKey, [...(byName.get(p.nameKey) ?? []), p]);
  const imported = new Set(sourceKeys.map((s) => s.sourceKey!));
  const inClass = new Map<string, Set<string>>();
  for (const e of entered) inClass.set(e.entry.classId, (inClass.get(e.entry.classId) ?? new Set()).add(e.profileId));

  const seenKeys = new Map<string, number>();
  const newProfiles: { id: string; kind: string; name: string; nameKey: string; birthDate: Date | null; email: string | null; phone: string | null; schoolName: string; teacherId: string | null }[] = [];
  const newEntries: { id: string; row: TableRow; classId: string; feeCents: number; paidCents: number; sourceKey: string; performers: string[]; pieces: PlannedPiece[]; accompanistId: string | null; teacherId: string | null; notes: string; submitter: { name: string; email: string }; submittedAt: Date }[] = [];

  /** An existing profile, one to create, or several that match: then the row cannot be imported. */
  function resolve(person: Person): Ref {
    const candidates = (byName.get(person.nameKey) ?? []).filter((p) => sameDay(p.birthDate, person.birthDate));
    if (candidates.length > 1) {
      // A birth date on both sides tells people apart; exactly one with the same date is the one.
      const exact = person.birthDate ? candidates.filter((p) => p.birthDate && p.birthDate.getTime() === person.birthDate!.getTime()) : [];
      return exact.length === 1 ? { id: exact[0].id } : { ambiguous: candidates.length };
    }
    return candidates.length === 1 ? { id: candidates[0].id } : { create: person };
  }

  for (const row of table.rows) {
    const rowIssues: [string | null, "error" | "warning", string][] = [];
    const warn = (column: string | null, message: string) => rowIssues.push([column, "warning", message]);
    const fail = (column: string | null, message: string) => rowIssues.push([column, "error", message]);

    // The people of the row.
    const performerNames = splitNames(text(row, c.performers));
    const dates = splitDates(text(row, c.birthDate));
    if (dates.length && dates.length !== performerNames.length) warn(header(c.birthDate), `${performerNames.length} performer(s) but ${dates.length} birth date(s): dates are matched in order.`);
    const performers: Person[] = performerNames.map((name, i) => {
      const raw = dates[i] ?? "";
      const birthDate = raw ? parseBirthDate(raw) : null;
      if (raw && !birthDate) warn(header(c.birthDate), `"${raw}" is not a date (use YYYY-MM-DD or M/D/YYYY): ${name}'s birth date is left out.`);
      return { name, nameKey: normaliseName(name), birthDate };
    });
    if (!performers.length) fail(header(c.performers), "No performer named: the row is skipped.");
    const teacherName = text(row, c.teacher);
    const accompanistName = text(row, c.accompanistName);
    const performerRefs = performers.map(resolve);
    const teacherRef = normaliseName(teacherName) ? resolve({ name: teacherName, nameKey: normaliseName(teacherName), birthDate: null }) : null;
    const accompanistRef = normaliseName(accompanistName)
      ? resolve({ name: accompanistName, nameKey: normaliseName(accompanistName), birthDate: null })
      : null;
    performerRefs.forEach((ref, i) => {
      if ("ambiguous" in ref) fail(header(c.performers), `${performers[i].name} matches ${ref.ambiguous} people already registered; add a birth date that tells them apart, or fix it by hand.`);
    });
    if (teacherRef && "ambiguous" in teacherRef) fail(header(c.teacher), `Teacher ${teacherName} matches ${teacherRef.ambiguous} people already registered.`);
    if (accompanistRef && "ambiguous" in accompanistRef) fail(header(c.accompanistName), `Accompanist ${accompanistName} matches ${accompanistRef.ambiguous} people already registered.`);

    const timestampText = text(row, c.timestamp);
    const submittedAt = timestampText ? parseTimestamp(timestampText) : null;
    if (timestampText && !submittedAt) warn(header(c.timestamp), `"${timestampText}" is not a date and time: the import time is used.`);

    // The classes of the row, each with its pieces (a group without a class number adds a piece to the one before).
    const planned: PlannedEntry[] = [];
    groupCols.forEach((g, i) => {
      const number = text(row, g.classNumber);
      const title = text(row, g.title);
      const composer = text(row, g.composer);
      const durationText = text(row, g.duration);
      if (!number && !title && !durationText) return;
      let entry: PlannedEntry | undefined;
      if (number) {
        const code = parseClassCode(number);
        if (!code) {
          fail(header(g.classNumber), `"${number}" is not a class number (4 digits and an optional letter, like 2101A).`);
          return;
        }
        entry = planned.find((p) => p.code === classCode(code));
        if (!entry) planned.push((entry = { code: classCode(code), group: i, pieces: [], bad: false }));
      } else {
        entry = planned[planned.length - 1];
        if (!entry) {
          fail(header(g.title), "A piece without a class number: it is skipped.");
          return;
        }
      }
      const seconds = parseMinutes(durationText);
      if (!title) {
        fail(header(g.title), `Class ${entry.code}: enter the piece's title.`);
        entry.bad = true;
      }
      if (seconds === null || seconds === 0) {
        fail(header(g.duration), durationText ? `Class ${entry.code}: "${durationText}" is not a duration in minutes (like 4, 4.5 or 4:30).` : `Class ${entry.code}: enter the piece's duration in minutes.`);
        entry.bad = true;
      }
      entry.pieces.push({ title, composer, durationSeconds: seconds ?? 0 });
    });
    if (!planned.length && performers.length) fail(header(groupCols[0]?.classNumber ?? -1), "No class named: the row is skipped.");

    const repeated = performers.find((x, i) => performers.findIndex((y) => y.nameKey === x.nameKey) !== i);
    if (repeated) fail(header(c.performers), `${repeated.name} is named twice: the row is skipped.`);
    // A row whose people cannot be told apart (or has none) cannot be imported at all.
    const rowBlocked =
      !performers.length || Boolean(repeated) || [...performerRefs, teacherRef, accompanistRef].some((ref) => ref !== null && "ambiguous" in ref);
    const feeText = text(row, c.fee);
    const fee = feeText ? parseAmount(feeText) : null;
    if (feeText && fee === null) warn(header(c.fee), `"${feeText}" is not an amount.`);
    const paidText = text(row, c.paid);
    let paid = parsePaid(paidText);
    if (paid === null) {
      warn(header(c.paid), `"${paidText}" is neither yes/no nor an amount: nothing is marked paid.`);
      paid = { cents: 0 };
    }

    // The syllabus's fees for the classes named, against what the form charged.
    const found = planned.map((p) => classByCode.get(p.code)).filter((k) => k !== undefined);
    const syllabusFee = found.reduce((sum, k) => sum + k.feeCents, 0);
    if (fee !== null && found.length === planned.length && fee !== syllabusFee) {
      warn(header(c.fee), `The fee is ${formatCents(fee)}; the syllabus's fees for ${planned.map((p) => p.code).join(", ")} add up to ${formatCents(syllabusFee)}.`);
    }

    // Ids for the people this row would add: only kept if one of its entries is imported.
    const rowProfiles: typeof newProfiles = [];
    const idFor = (ref: Ref | null, extra: { email?: string; phone?: string; school?: string; teacherId?: string | null } = {}): string | null => {
      if (!ref || "ambiguous" in ref) return null;
      if ("id" in ref) return ref.id;
      const id = randomUUID();
      rowProfiles.push({ id, kind: "person", name: ref.create.name, nameKey: ref.create.nameKey, birthDate: ref.create.birthDate, email: extra.email || null, phone: extra.phone || null, schoolName: extra.school ?? "", teacherId: extra.teacherId ?? null });
      return id;
    };
    const teacherId = rowBlocked ? null : idFor(teacherRef);
    const accompanistId = rowBlocked ? null : idFor(accompanistRef, { email: text(row, c.accompanistEmail), phone: text(row, c.accompanistPhone) });
    const performerIds = rowBlocked ? [] : performerRefs.map((ref) => idFor(ref, { school: text(row, c.school), teacherId })!);

    const submitter = { name: text(row, c.submitterName), email: text(row, c.submitterEmail).toLowerCase() };
    const rowEntries: typeof newEntries = [];
    let paidLeft = "cents" in paid ? paid.cents : Infinity;
    for (const p of planned) {
      const g = groupCols[p.group];
      const festivalClass = classByCode.get(p.code);
      // The submission (its time and sender), the performers and the class: the same in a CSV and an
      // XLSX export of one form, and unchanged by a corrected piece title or fee.
      const sourceKey = keyOf([submittedAt?.toISOString() ?? timestampText, submitter.email, ...performers.map((x) => x.nameKey), p.code]);
      if (rowBlocked || p.bad) {
        counts.skipped++;
        continue;
      }
      const earlier = seenKeys.get(sourceKey);
      if (earlier !== undefined) {
        fail(header(g.classNumber), `Class ${p.code}: the same entry as on row ${earlier} (a duplicate row): skipped.`);
        counts.skipped++;
        continue;
      }
      seenKeys.set(sourceKey, row.line);
      if (imported.has(sourceKey)) {
        counts.unchanged++;
        continue;
      }
      const ruleClass: RuleClass | null = festivalClass ?? null;
      const rulePerformers: RulePerformer[] = performers.map((x, i) => ({ id: performerIds[i], name: x.name, kind: "person", birthDate: x.birthDate ?? birthDates.get(performerIds[i]) ?? null }));
      const failures = checkEntry({
        season,
        festivalClass: ruleClass,
        classCodeText: p.code,
        performers: rulePerformers,
        pieces: p.pieces,
        alreadyEnteredIds: festivalClass ? (inClass.get(festivalClass.id) ?? new Set()) : new Set(),
        canManage: true,
        now,
      });
      if (!festivalClass || failures.some((f) => f.field === "classCode" || f.field === "form")) {
        for (const f of failures) fail(header(g.classNumber), f.message);
        counts.skipped++;
        continue;
      }
      const column = (field: string) => (field === "pieces" ? header(g.duration) : field === "performers" ? header(c.performers) : null);
      for (const f of failures) warn(column(f.field), f.message);
      const feeCents = festivalClass.feeCents;
      const paidCents = "all" in paid ? feeCents : Math.min(feeCents, paidLeft);
      paidLeft -= paidCents;
      const phone = text(row, c.submitterPhone);
      const notes = [`Imported from ${fileName}, row ${row.line}.`, phone ? `Submitter's phone: ${phone}.` : "", failures.length ? `Check: ${failures.map((f) => f.message).join(" ")}` : ""]
        .filter(Boolean)
        .join(" ")
        .slice(0, ENTRY_NOTES_MAX_LENGTH);
      rowEntries.push({ id: randomUUID(), row, classId: festivalClass.id, feeCents, paidCents, sourceKey, performers: performerIds, pieces: p.pieces, accompanistId, teacherId, notes, submitter, submittedAt: submittedAt ?? now });
    }
    for (const [column, severity, message] of rowIssues) issues.add(row.line, column, severity, message);
    if (!rowEntries.length) continue;
    counts.created += rowEntries.length;
    newEntries.push(...rowEntries);
    for (const e of rowEntries) inClass.set(e.classId, new Set([...(inClass.get(e.classId) ?? []), ...e.performers]));
    for (const p of rowProfiles) {
      newProfiles.push(p);
      byName.set(p.nameKey, [...(byName.get(p.nameKey) ?? []), { id: p.id, name: p.name, birthDate: p.birthDate }]);
    }
  }

  // Schools and pieces: the ones not there yet.
  const schoolNames = new Map<string, string>();
  for (const p of newProfiles) if (normaliseName(p.schoolName)) schoolNames.set(normaliseName(p.schoolName), p.schoolName);
  const schools = await tx.school.findMany({ where: { nameKey: { in: [...schoolNames.keys()] } }, select: { id: true, nameKey: true } });
  const schoolIds = new Map(schools.map((s) => [s.nameKey, s.id]));
  const newSchools = [...schoolNames].filter(([k]) => !schoolIds.has(k)).map(([nameKey, name]) => ({ id: randomUUID(), name, nameKey }));
  for (const s of newSchools) schoolIds.set(s.nameKey, s.id);

  const pieceKeys = new Map<string, PlannedPiece>();
  for (const e of newEntries) for (const p of e.pieces) pieceKeys.set(JSON.stringify([normaliseName(p.title), normaliseName(p.composer)]), p);
  const titleKeys = [...new Set([...pieceKeys.keys()].map((k) => JSON.parse(k)[0] as string))];
  const pieces = titleKeys.length ? await tx.piece.findMany({ where: { titleKey: { in: titleKeys } }, select: { id: true, titleKey: true, composerKey: true } }) : [];
  const pieceIds = new Map(pieces.map((p) => [JSON.stringify([p.titleKey, p.composerKey]), p.id]));
  const newPieces = [...pieceKeys].filter(([k]) => !pieceIds.has(k)).map(([k, p]) => {
    const [titleKey, composerKey] = JSON.parse(k) as [string, string];
    return { id: randomUUID(), title: p.title, composer: p.composer, titleKey, composerKey };
  });
  for (const p of newPieces) pieceIds.set(JSON.stringify([p.titleKey, p.composerKey]), p.id);

  const stamp = { createdAt: now, updatedAt: now };
  await insertMany(tx, "School", newSchools satisfies Prisma.SchoolCreateManyInput[]);
  await insertMany(tx, "Piece", newPieces.map((p) => ({ ...p, createdAt: now })) satisfies Prisma.PieceCreateManyInput[]);
  await insertMany(
    tx,
    "Profile",
    newProfiles.map(({ schoolName, ...p }) => ({ ...p, schoolId: schoolIds.get(normaliseName(schoolName)) ?? null, createdById: userId, ...stamp })) satisfies Prisma.ProfileCreateManyInput[],
  );
  await insertMany(
    tx,
    "Entry",
    newEntries.map((e) => ({
      id: e.id,
      seasonId: season.id,
      classId: e.classId,
      status: "submitted",
      feeCents: e.feeCents,
      paidCents: e.paidCents,
      accompanistId: e.accompanistId,
      teacherId: e.teacherId,
      submitterName: e.submitter.name || null,
      submitterEmail: e.submitter.email || null,
      notes: e.notes,
      sourceKey: e.sourceKey,
      submittedAt: e.submittedAt,
      createdById: userId,
      updatedById: userId,
      ...stamp,
    })) satisfies Prisma.EntryCreateManyInput[],
  );
  await insertMany(
    tx,
    "EntryPerformer",
    newEntries.flatMap((e) => e.performers.map((profileId, position) => ({ entryId: e.id, profileId, position }))) satisfies Prisma.EntryPerformerCreateManyInput[],
  );
  await insertMany(
    tx,
    "EntryPiece",
    newEntries.flatMap((e) =>
      e.pieces.map((p, position) => ({ id: randomUUID(), entryId: e.id, pieceId: pieceIds.get(JSON.stringify([normaliseName(p.title), normaliseName(p.composer)]))!, position, durationSeconds: p.durationSeconds })),
    ) satisfies Prisma.EntryPieceCreateManyInput[],
  );
  return { counts, issues, profilesCreated: newProfiles.length, piecesCreated: newPieces.length };
}
