"use server";
import { prisma } from "@/lib/db";
import { z } from "zod";
import { festivalActor } from "@/lib/festival/admin-action";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { SHORT_FIELD_MAX_LENGTH } from "@/lib/validation/limits";
import { CLASS_DESCRIPTION_MAX_LENGTH, CLASS_NAME_MAX_LENGTH, ID_MAX_LENGTH, LOOKUP_NAME_MAX_LENGTH, SEASON_NAME_MAX_LENGTH, TEST_PIECES_MAX_LENGTH } from "@/lib/validation/festival-limits";
import { createSeason, setCurrentSeason, updateSeason } from "@/lib/festival/seasons";
import { createLookup, deleteLookup, isLookupKind, LOOKUP_KINDS, updateLookup, type LookupData } from "@/lib/festival/lookups";
import { createClass, deleteClass, updateClass } from "@/lib/festival/classes";
import { classCode } from "@/lib/festival/names";
import { classFormSchema, lookupFormSchema, performanceTypeFormSchema, seasonFormSchema, type ClassFields, type LookupFields, type SeasonFields } from "@/lib/validation/festival";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks festival.manage first (a refusal is a 403, nothing read or changed);
// the services in lib/festival hold the rules and write the audit events.

// What a refused form gets back: each field cut to its limit (lib/forms/form-action.ts).
const SEASON_FIELD_LIMITS = {
  name: SEASON_NAME_MAX_LENGTH,
  entriesOpenAt: SHORT_FIELD_MAX_LENGTH,
  entriesCloseAt: SHORT_FIELD_MAX_LENGTH,
  startsOn: SHORT_FIELD_MAX_LENGTH,
  endsOn: SHORT_FIELD_MAX_LENGTH,
  ageCutoffOn: SHORT_FIELD_MAX_LENGTH,
  makeCurrent: SHORT_FIELD_MAX_LENGTH,
} as const satisfies Record<SeasonFields, number>;
const CLASS_FIELD_LIMITS = {
  number: SHORT_FIELD_MAX_LENGTH,
  suffix: SHORT_FIELD_MAX_LENGTH,
  name: CLASS_NAME_MAX_LENGTH,
  disciplineId: SHORT_FIELD_MAX_LENGTH,
  levelId: SHORT_FIELD_MAX_LENGTH,
  performanceTypeId: SHORT_FIELD_MAX_LENGTH,
  fee: SHORT_FIELD_MAX_LENGTH,
  minAge: SHORT_FIELD_MAX_LENGTH,
  maxAge: SHORT_FIELD_MAX_LENGTH,
  maxPerformanceTime: SHORT_FIELD_MAX_LENGTH,
  adjudicationTime: SHORT_FIELD_MAX_LENGTH,
  moveTime: SHORT_FIELD_MAX_LENGTH,
  testPieces: TEST_PIECES_MAX_LENGTH,
  description: CLASS_DESCRIPTION_MAX_LENGTH,
} as const satisfies Record<ClassFields, number>;
const LOOKUP_FIELD_LIMITS = {
  name: LOOKUP_NAME_MAX_LENGTH,
  sortOrder: SHORT_FIELD_MAX_LENGTH,
  minPerformers: SHORT_FIELD_MAX_LENGTH,
  maxPerformers: SHORT_FIELD_MAX_LENGTH,
} as const satisfies Record<LookupFields, number>;

const idOf = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v.slice(0, ID_MAX_LENGTH) : "";
};

export async function createSeasonAction(_prev: FormState<SeasonFields>, formData: FormData): Promise<FormState<SeasonFields>> {
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: seasonFormSchema,
    echo: SEASON_FIELD_LIMITS,
    where: "create-season",
    run: async (actor, data) => {
      const { id } = await createSeason(prisma, actor, data);
      await redirectWithFlash(`Season ${data.name} created.`, `/admin/festival/seasons/${id}`);
    },
  });
}

export async function updateSeasonAction(_prev: FormState<SeasonFields>, formData: FormData): Promise<FormState<SeasonFields>> {
  const id = idOf(formData, "seasonId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: seasonFormSchema,
    echo: SEASON_FIELD_LIMITS,
    where: "update-season",
    run: async (actor, data) => {
      await updateSeason(prisma, actor, id, data);
      await redirectWithFlash(`Season ${data.name} saved.`, `/admin/festival/seasons/${id}`);
    },
  });
}

export async function setCurrentSeasonAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const id = idOf(formData, "seasonId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: plainFields([]),
    echo: {},
    where: "set-current-season",
    run: async (actor) => {
      await setCurrentSeason(prisma, actor, id);
      await redirectWithFlash("The current season has changed.", "/admin/festival");
    },
  });
}

export async function createClassAction(_prev: FormState<ClassFields>, formData: FormData): Promise<FormState<ClassFields>> {
  const seasonId = idOf(formData, "seasonId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: classFormSchema,
    echo: CLASS_FIELD_LIMITS,
    where: "create-class",
    run: async (actor, data) => {
      const { id } = await createClass(prisma, actor, seasonId, data);
      await redirectWithFlash(`Class ${classCode(data)} created.`, `/admin/festival/classes/${id}`);
    },
  });
}

export async function updateClassAction(_prev: FormState<ClassFields>, formData: FormData): Promise<FormState<ClassFields>> {
  const id = idOf(formData, "classId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: classFormSchema,
    echo: CLASS_FIELD_LIMITS,
    where: "update-class",
    run: async (actor, data) => {
      await updateClass(prisma, actor, id, data);
      await redirectWithFlash(`Class ${classCode(data)} saved.`, `/admin/festival/classes/${id}`);
    },
  });
}

export async function deleteClassAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const id = idOf(formData, "classId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: plainFields([]),
    echo: {},
    where: "delete-class",
    run: async (actor) => {
      await deleteClass(prisma, actor, id);
      await redirectWithFlash("The class has been deleted.", "/admin/festival/classes");
    },
  });
}

/** A form naming a list that does not exist is refused as a whole, before its fields are checked. */
const unknownList = z.unknown().refine(() => false, "Unknown list");

/** Create (no lookupId) or edit one row of a lookup list; the form says which list (kind). */
export async function saveLookupAction(_prev: FormState<LookupFields>, formData: FormData): Promise<FormState<LookupFields>> {
  const kind = idOf(formData, "kind");
  const id = idOf(formData, "lookupId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: !isLookupKind(kind) ? unknownList : kind === "performance-type" ? performanceTypeFormSchema : lookupFormSchema,
    echo: LOOKUP_FIELD_LIMITS,
    where: "save-lookup",
    run: async (actor, data) => {
      if (!isLookupKind(kind)) return; // never: unknownList refuses every form
      const input = data as LookupData;
      await (id ? updateLookup(prisma, actor, kind, id, input) : createLookup(prisma, actor, kind, input));
      await redirectWithFlash(`${LOOKUP_KINDS[kind].label} ${input.name} ${id ? "saved" : "created"}.`, "/admin/festival/lookups");
    },
  });
}

export async function deleteLookupAction(_prev: FormState<string>, formData: FormData): Promise<FormState<string>> {
  const kind = idOf(formData, "kind");
  const id = idOf(formData, "lookupId");
  return formAction(formData, {
    guard: () => festivalActor(),
    schema: isLookupKind(kind) ? plainFields([]) : unknownList,
    echo: {},
    where: "delete-lookup",
    run: async (actor) => {
      if (!isLookupKind(kind)) return; // never: unknownList refuses every form
      await deleteLookup(prisma, actor, kind, id);
      await redirectWithFlash(`${LOOKUP_KINDS[kind].label} deleted.`, "/admin/festival/lookups");
    },
  });
}
