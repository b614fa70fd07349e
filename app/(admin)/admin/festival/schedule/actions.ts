"use server";
import { prisma } from "@/lib/db";
import { z } from "zod";
import { festivalActor } from "@/lib/festival/admin-action";
import { schedulePage, SCHEDULE_PATH } from "@/lib/festival/schedule-action";
import type { Actor } from "@/lib/auth/actor";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields, type EchoLimits } from "@/lib/forms/form-action";
import { SHORT_FIELD_MAX_LENGTH } from "@/lib/validation/limits";
import { ID_MAX_LENGTH } from "@/lib/validation/festival-limits";
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
import { SITTING_NAME_MAX_LENGTH, sittingFormSchema, VENUE_NAME_MAX_LENGTH, venueFormSchema, type SittingFields } from "@/lib/validation/schedule";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks festival.manage first (scheduleChange: a refusal is a 403, nothing read
// or changed), then the services in lib/festival/schedule.ts check that every id belongs to the season.

type State = FormState<string>;

const SITTING_FIELD_LIMITS = {
  venueId: ID_MAX_LENGTH,
  date: SHORT_FIELD_MAX_LENGTH,
  startTime: SHORT_FIELD_MAX_LENGTH,
  endTime: SHORT_FIELD_MAX_LENGTH,
  adjudicatorId: ID_MAX_LENGTH,
  name: SITTING_NAME_MAX_LENGTH,
} as const satisfies Record<SittingFields, number>;

const idOf = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v.slice(0, ID_MAX_LENGTH) : "";
};
const direction = (formData: FormData): Direction => (formData.get("direction") === "down" ? "down" : "up");

/**
 * A schedule change of the form's season: festival.manage first, then `schema` and `change`, whose
 * answer is the flash; back to the season's schedule (or `to`).
 */
function scheduleChange<S extends z.ZodType>(
  formData: FormData,
  where: string,
  form: { schema: S; echo: EchoLimits<string> },
  change: (actor: Actor, seasonId: string, data: z.output<S>) => Promise<string>,
  to?: string,
): Promise<State> {
  const seasonId = idOf(formData, "seasonId");
  return formAction(formData, {
    guard: () => festivalActor(),
    ...form,
    where,
    run: async (actor, data) => redirectWithFlash(await change(actor, seasonId, data), to ?? schedulePage(seasonId)),
  });
}

const NO_FIELDS = { schema: plainFields([]), echo: {} };

export async function createVenueAction(_prev: State, formData: FormData): Promise<State> {
  return scheduleChange(formData, "create-venue", { schema: venueFormSchema, echo: { name: VENUE_NAME_MAX_LENGTH } }, async (actor, seasonId, data) => {
    await createVenue(prisma, actor, seasonId, data);
    return `Venue ${data.name} added.`;
  });
}

export async function deleteVenueAction(_prev: State, formData: FormData): Promise<State> {
  return scheduleChange(formData, "delete-venue", NO_FIELDS, async (actor, seasonId) => {
    await deleteVenue(prisma, actor, seasonId, idOf(formData, "venueId"));
    return "The venue has been deleted.";
  });
}

/** Creates a sitting, or edits one when the form carries its sittingId. */
export async function saveSittingAction(_prev: FormState<SittingFields>, formData: FormData): Promise<FormState<SittingFields>> {
  const sittingId = idOf(formData, "sittingId");
  return scheduleChange(formData, "save-sitting", { schema: sittingFormSchema, echo: SITTING_FIELD_LIMITS }, async (actor, seasonId, data) => {
    await (sittingId ? updateSitting(prisma, actor, seasonId, sittingId, data) : createSitting(prisma, actor, seasonId, data));
    return sittingId ? "The session has been saved." : "Session created.";
  });
}

export async function deleteSittingAction(_prev: State, formData: FormData): Promise<State> {
  return scheduleChange(formData, "delete-sitting", NO_FIELDS, async (actor, seasonId) => {
    await deleteSitting(prisma, actor, seasonId, idOf(formData, "sittingId"));
    return "The session has been deleted; its classes are unplaced.";
  });
}

const placeSchema = z.object({
  classId: z.string({ error: "Choose a class" }).min(1, "Choose a class").transform((v) => v.slice(0, ID_MAX_LENGTH)),
  sittingId: z.string().catch("").transform((v) => v.slice(0, ID_MAX_LENGTH)),
});

/** Puts a class into a sitting (at its end), or takes it off the schedule (sittingId ""). */
export async function placeClassAction(_prev: State, formData: FormData): Promise<State> {
  const echo = { classId: ID_MAX_LENGTH, sittingId: ID_MAX_LENGTH };
  return scheduleChange(formData, "place-class", { schema: placeSchema, echo }, async (actor, seasonId, { classId, sittingId }) => {
    await placeClass(prisma, actor, seasonId, classId, sittingId || null);
    return sittingId ? "The class has been placed." : "The class has been taken off the schedule.";
  });
}

export async function moveClassAction(_prev: State, formData: FormData): Promise<State> {
  return scheduleChange(formData, "move-class", NO_FIELDS, async (actor, seasonId) => {
    await moveClass(prisma, actor, seasonId, idOf(formData, "classId"), direction(formData));
    return "The order has been changed.";
  });
}

export async function moveEntryAction(_prev: State, formData: FormData): Promise<State> {
  const classPage = `${SCHEDULE_PATH}/classes/${encodeURIComponent(idOf(formData, "classId"))}`;
  return scheduleChange(
    formData,
    "move-entry",
    NO_FIELDS,
    async (actor, seasonId) => {
      await moveEntry(prisma, actor, seasonId, idOf(formData, "entryId"), direction(formData));
      return "The running order has been changed.";
    },
    classPage,
  );
}

export async function suggestScheduleAction(_prev: State, formData: FormData): Promise<State> {
  return scheduleChange(formData, "suggest-schedule", NO_FIELDS, async (actor, seasonId) => {
    const { placed, unplaced } = await suggestSchedule(prisma, actor, seasonId);
    return `Suggested: ${placed} ${placed === 1 ? "class" : "classes"} placed${unplaced ? `, ${unplaced} did not fit in any session` : ""}. Adjust as you like.`;
  });
}

export async function publishProgrammeAction(_prev: State, formData: FormData): Promise<State> {
  const publish = formData.get("publish") === "true";
  return scheduleChange(formData, "publish-programme", NO_FIELDS, async (actor, seasonId) => {
    await setProgrammePublished(prisma, actor, seasonId, publish);
    return publish ? "The programme is published." : "The programme has been withdrawn from the public pages.";
  });
}
