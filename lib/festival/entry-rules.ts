// The festival's rules for one entry, pure: the services load the facts (the class, the performers, the
// other entries of the class) and ask here. Each refusal names the form field it belongs to, so the
// form shows it next to that field.
import { classCode, normaliseName } from "./names";
import { formatDuration } from "./durations";
import { formatInstant } from "./dates";
import { entriesAreOpen } from "./current-season";

export type EntryField = "classCode" | "performers" | "accompanistId" | "teacherId" | "pieces" | "form";

export interface RuleFailure {
  field: EntryField;
  message: string;
}

export interface RuleSeason {
  id: string;
  entriesOpenAt: Date;
  entriesCloseAt: Date;
  ageCutoffOn: Date;
}

export interface RuleClass {
  seasonId: string;
  number: string;
  suffix: string;
  minAge: number | null;
  maxAge: number | null;
  maxPerformanceSeconds: number | null;
  testPieces: string;
  performanceType: { name: string; minPerformers: number; maxPerformers: number | null };
}

export interface RulePerformer {
  id: string;
  name: string;
  kind: string;
  birthDate: Date | null;
}

export interface RulePiece {
  title: string;
  composer: string;
  durationSeconds: number;
}

export interface EntryFacts {
  season: RuleSeason;
  /** The class the form named, looked up in the current season; null when there is none. */
  festivalClass: RuleClass | null;
  /** What the form typed for the class, for the message when it is not found. */
  classCodeText: string;
  performers: RulePerformer[];
  pieces: RulePiece[];
  /** Performers already in another entry of this class that is not withdrawn (this entry excluded). */
  alreadyEnteredIds: ReadonlySet<string>;
  /** Organizers (festival.manage) may change entries outside the entry window. */
  canManage: boolean;
  now: Date;
}

/** Whole years from `birth` to `on` (both calendar dates at UTC midnight). */
export function ageOn(birth: Date, on: Date): number {
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

function performerCount(min: number, max: number | null): string {
  if (max === null) return `at least ${min} performer${min === 1 ? "" : "s"}`;
  if (min === max) return `${min} performer${min === 1 ? "" : "s"}`;
  return `${min} to ${max} performers`;
}

function ageLimit(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min} to ${max}`;
  if (min !== null) return `${min} or older`;
  return `${max} or younger`;
}

/** Whether one of the pieces is (one of) the class's test piece(s), as the syllabus names them. */
export function hasTestPiece(testPieces: string, pieces: readonly RulePiece[]): boolean {
  const required = normaliseName(testPieces);
  if (!required) return true;
  return pieces.some((piece) => {
    const title = normaliseName(piece.title);
    return title.length > 0 && required.includes(title);
  });
}

/** Every rule the entry breaks, first the ones that make the others moot. Empty: the entry may be saved. */
export function checkEntry(facts: EntryFacts): RuleFailure[] {
  const failures: RuleFailure[] = [];
  if (!facts.canManage && !entriesAreOpen(facts.season, facts.now)) {
    const when =
      facts.now < facts.season.entriesOpenAt
        ? `Entries open on ${formatInstant(facts.season.entriesOpenAt)}.`
        : `Entries closed on ${formatInstant(facts.season.entriesCloseAt)}; ask the organizers for any change.`;
    return [{ field: "form", message: when }];
  }
  const cls = facts.festivalClass;
  if (!cls || cls.seasonId !== facts.season.id) {
    const typed = facts.classCodeText.trim();
    return [{ field: "classCode", message: typed ? `There is no class ${typed} in this season's syllabus.` : "Choose a class." }];
  }
  const code = classCode(cls);
  const type = cls.performanceType;

  const ids = facts.performers.map((p) => p.id);
  const count = new Set(ids).size;
  if (count !== ids.length) failures.push({ field: "performers", message: "Each performer can be named only once." });
  if (count < type.minPerformers || (type.maxPerformers !== null && count > type.maxPerformers)) {
    failures.push({
      field: "performers",
      message: `Class ${code} is a ${type.name}: it takes ${performerCount(type.minPerformers, type.maxPerformers)}, not ${count}.`,
    });
  }

  if (cls.minAge !== null || cls.maxAge !== null) {
    for (const performer of facts.performers) {
      if (performer.kind !== "person") continue;
      if (!performer.birthDate) {
        failures.push({ field: "performers", message: `Add ${performer.name}'s birth date: class ${code} has an age limit.` });
        continue;
      }
      const age = ageOn(performer.birthDate, facts.season.ageCutoffOn);
      if ((cls.minAge !== null && age < cls.minAge) || (cls.maxAge !== null && age > cls.maxAge)) {
        failures.push({
          field: "performers",
          message: `${performer.name} is ${age} on the cut-off date; class ${code} is for ages ${ageLimit(cls.minAge, cls.maxAge)}.`,
        });
      }
    }
  }

  for (const performer of facts.performers) {
    if (facts.alreadyEnteredIds.has(performer.id)) {
      failures.push({ field: "performers", message: `${performer.name} is already entered in class ${code}.` });
    }
  }

  if (facts.pieces.length === 0) {
    failures.push({ field: "pieces", message: "Add at least one piece." });
  } else {
    const total = facts.pieces.reduce((sum, p) => sum + p.durationSeconds, 0);
    if (cls.maxPerformanceSeconds !== null && total > cls.maxPerformanceSeconds) {
      failures.push({
        field: "pieces",
        message: `The pieces last ${formatDuration(total)} in all; class ${code} allows at most ${formatDuration(cls.maxPerformanceSeconds)}.`,
      });
    }
    if (!hasTestPiece(cls.testPieces, facts.pieces)) {
      failures.push({ field: "pieces", message: `Class ${code} requires its test piece: ${cls.testPieces.trim()}.` });
    }
  }
  return failures;
}
