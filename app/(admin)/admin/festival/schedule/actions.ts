"use server";
import { prisma } from "@/lib/db";
import { festivalOperator, postedValues } from "@/lib/festival/admin-action";
import { scheduleFinish, schedulePage, SCHEDULE_PATH } from "@/lib/festival/schedule-action";
import {
  createSitting,
  createVenue,
  deleteSitting,
  deleteVenue,
  moveClass,
  moveEntry,
  placeClass,
  setProgrammePublished,
  suggestSchedule,
  updateSitting,
  type Direction,
} from "@/lib/festival/schedule";
import { sittingFormSchema, venueFormSchema, type SittingFields } from "@/lib/validation/schedule";
import { firstFieldErrors } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks festival.manage first (festivalOperator: a refusal is a 403, nothing read
// or changed), then the services in lib/festival/schedule.ts check that every id belongs to the season.

type State = FormState<string>;

const SITTING_KEYS = ["venueId", "date", "startTime", "endTime", "adjudicatorId", "name"] as const satisfies readonly SittingFields[];

const idOf = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v.slice(0, 40) : "";
};
const direction = (formData: FormData): Direction => (formData.get("direction") === "down" ? "down" : "up");

export async function createVenueAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  const values = postedValues(formData, ["name"]);
  const parsed = venueFormSchema.safeParse(values);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  return scheduleFinish(values, () => createVenue(prisma, op, seasonId, parsed.data), `Venue ${parsed.data.name} added.`, schedulePage(seasonId));
}

export async function deleteVenueAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  return scheduleFinish({}, () => deleteVenue(prisma, op, seasonId, idOf(formData, "venueId")), "The venue has been deleted.", schedulePage(seasonId));
}

/** Creates a sitting, or edits one when the form carries its sittingId. */
export async function saveSittingAction(_prev: FormState<SittingFields>, formData: FormData): Promise<FormState<SittingFields>> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  const sittingId = idOf(formData, "sittingId");
  const values = postedValues(formData, SITTING_KEYS);
  const parsed = sittingFormSchema.safeParse(values);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  return scheduleFinish(
    values,
    () => (sittingId ? updateSitting(prisma, op, seasonId, sittingId, parsed.data) : createSitting(prisma, op, seasonId, parsed.data)),
    sittingId ? "The session has been saved." : "Session created.",
    schedulePage(seasonId),
  );
}

export async function deleteSittingAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  return scheduleFinish({}, () => deleteSitting(prisma, op, seasonId, idOf(formData, "sittingId")), "The session has been deleted; its classes are unplaced.", schedulePage(seasonId));
}

/** Puts a class into a sitting (at its end), or takes it off the schedule (sittingId ""). */
export async function placeClassAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  const classId = idOf(formData, "classId");
  const sittingId = idOf(formData, "sittingId");
  if (!classId) return { values: { sittingId }, errors: { classId: "Choose a class" } };
  return scheduleFinish(
    { classId, sittingId },
    () => placeClass(prisma, op, seasonId, classId, sittingId || null),
    sittingId ? "The class has been placed." : "The class has been taken off the schedule.",
    schedulePage(seasonId),
  );
}

export async function moveClassAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  return scheduleFinish({}, () => moveClass(prisma, op, seasonId, idOf(formData, "classId"), direction(formData)), "The order has been changed.", schedulePage(seasonId));
}

export async function moveEntryAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  const classId = idOf(formData, "classId");
  return scheduleFinish(
    {},
    () => moveEntry(prisma, op, seasonId, idOf(formData, "entryId"), direction(formData)),
    "The running order has been changed.",
    `${SCHEDULE_PATH}/classes/${encodeURIComponent(classId)}`,
  );
}

export async function suggestScheduleAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  let flash = "";
  return scheduleFinish(
    {},
    async () => {
      const { placed, unplaced } = await suggestSchedule(prisma, op, seasonId);
      flash = `Suggested: ${placed} ${placed === 1 ? "class" : "classes"} placed${unplaced ? `, ${unplaced} did not fit in any session` : ""}. Adjust as you like.`;
    },
    () => flash,
    schedulePage(seasonId),
  );
}

export async function publishProgrammeAction(_prev: State, formData: FormData): Promise<State> {
  const op = await festivalOperator(SCHEDULE_PATH);
  const seasonId = idOf(formData, "seasonId");
  const publish = formData.get("publish") === "true";
  return scheduleFinish(
    {},
    () => setProgrammePublished(prisma, op, seasonId, publish),
    publish ? "The programme is published." : "The programme has been withdrawn from the public pages.",
    schedulePage(seasonId),
  );
}
