"use server";
import { prisma } from "@/lib/db";
import { festivalChange, festivalFinish, festivalOperator, postedValues } from "@/lib/festival/admin-action";
import { createSeason, setCurrentSeason, updateSeason } from "@/lib/festival/seasons";
import { createLookup, deleteLookup, isLookupKind, LOOKUP_KINDS, updateLookup } from "@/lib/festival/lookups";
import { createClass, deleteClass, updateClass } from "@/lib/festival/classes";
import { classCode } from "@/lib/festival/names";
import { classFormSchema, lookupFormSchema, performanceTypeFormSchema, seasonFormSchema, type ClassFields, type LookupFields, type SeasonFields } from "@/lib/validation/festival";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks festival.manage first (a refusal is a 403, nothing read or changed);
// the services in lib/festival hold the rules and write the audit events.

const SEASON_KEYS = ["name", "entriesOpenAt", "entriesCloseAt", "startsOn", "endsOn", "ageCutoffOn", "makeCurrent"] as const satisfies readonly SeasonFields[];
const CLASS_KEYS = [
  "number",
  "suffix",
  "name",
  "disciplineId",
  "levelId",
  "performanceTypeId",
  "fee",
  "minAge",
  "maxAge",
  "maxPerformanceTime",
  "adjudicationTime",
  "moveTime",
  "testPieces",
  "description",
] as const satisfies readonly ClassFields[];
const LOOKUP_KEYS = ["name", "sortOrder", "minPerformers", "maxPerformers"] as const satisfies readonly LookupFields[];

const idOf = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v.slice(0, 40) : "";
};

export async function createSeasonAction(_prev: FormState<SeasonFields>, formData: FormData): Promise<FormState<SeasonFields>> {
  let id = "";
  return festivalChange({
    from: "/admin/festival",
    formData,
    keys: SEASON_KEYS,
    schema: seasonFormSchema,
    change: async (op, data) => (id = (await createSeason(prisma, op, data)).id),
    success: (data) => ({ flash: `Season ${data.name} created.`, redirectTo: `/admin/festival/seasons/${id}` }),
  });
}

export async function updateSeasonAction(_prev: FormState<SeasonFields>, formData: FormData): Promise<FormState<SeasonFields>> {
  const id = idOf(formData, "seasonId");
  return festivalChange({
    from: `/admin/festival/seasons/${id}`,
    formData,
    keys: SEASON_KEYS,
    schema: seasonFormSchema,
    change: (op, data) => updateSeason(prisma, op, id, data),
    success: (data) => ({ flash: `Season ${data.name} saved.`, redirectTo: `/admin/festival/seasons/${id}` }),
  });
}

export async function setCurrentSeasonAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const op = await festivalOperator("/admin/festival");
  const id = idOf(formData, "seasonId");
  return festivalFinish(
    {},
    () => setCurrentSeason(prisma, op, id),
    () => ({ flash: "The current season has changed.", redirectTo: "/admin/festival" }),
  );
}

export async function createClassAction(_prev: FormState<ClassFields>, formData: FormData): Promise<FormState<ClassFields>> {
  const seasonId = idOf(formData, "seasonId");
  let id = "";
  return festivalChange({
    from: "/admin/festival/classes/new",
    formData,
    keys: CLASS_KEYS,
    schema: classFormSchema,
    change: async (op, data) => (id = (await createClass(prisma, op, seasonId, data)).id),
    success: (data) => ({ flash: `Class ${classCode(data)} created.`, redirectTo: `/admin/festival/classes/${id}` }),
  });
}

export async function updateClassAction(_prev: FormState<ClassFields>, formData: FormData): Promise<FormState<ClassFields>> {
  const id = idOf(formData, "classId");
  return festivalChange({
    from: `/admin/festival/classes/${id}`,
    formData,
    keys: CLASS_KEYS,
    schema: classFormSchema,
    change: (op, data) => updateClass(prisma, op, id, data),
    success: (data) => ({ flash: `Class ${classCode(data)} saved.`, redirectTo: `/admin/festival/classes/${id}` }),
  });
}

export async function deleteClassAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const op = await festivalOperator("/admin/festival/classes");
  const id = idOf(formData, "classId");
  return festivalFinish(
    {},
    () => deleteClass(prisma, op, id),
    () => ({ flash: "The class has been deleted.", redirectTo: "/admin/festival/classes" }),
  );
}

/** Create (no lookupId) or edit one row of a lookup list; the form says which list (kind). */
export async function saveLookupAction(_prev: FormState<LookupFields>, formData: FormData): Promise<FormState<LookupFields>> {
  await festivalOperator("/admin/festival/lookups"); // the guard before anything is read
  const kind = idOf(formData, "kind");
  const id = idOf(formData, "lookupId");
  if (!isLookupKind(kind)) return { values: postedValues(formData, LOOKUP_KEYS), errors: { form: "Unknown list" } };
  const schema = kind === "performance-type" ? performanceTypeFormSchema : lookupFormSchema;
  return festivalChange({
    from: "/admin/festival/lookups",
    formData,
    keys: LOOKUP_KEYS,
    schema,
    change: (op, data) => (id ? updateLookup(prisma, op, kind, id, data) : createLookup(prisma, op, kind, data)),
    success: (data) => ({ flash: `${LOOKUP_KINDS[kind].label} ${data.name} ${id ? "saved" : "created"}.`, redirectTo: "/admin/festival/lookups" }),
  });
}

export async function deleteLookupAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const op = await festivalOperator("/admin/festival/lookups");
  const kind = idOf(formData, "kind");
  const id = idOf(formData, "lookupId");
  if (!isLookupKind(kind)) return { values: {}, errors: { form: "Unknown list" } };
  return festivalFinish(
    {},
    () => deleteLookup(prisma, op, kind, id),
    () => ({ flash: `${LOOKUP_KINDS[kind].label} deleted.`, redirectTo: "/admin/festival/lookups" }),
  );
}
