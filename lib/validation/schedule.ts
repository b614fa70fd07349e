import { z } from "zod";
import { sittingInstant } from "@/lib/festival/schedule-time";
import { parseCalendarDate } from "@/lib/festival/dates";
import { ID_MAX_LENGTH } from "./festival-limits";

// The schedule's forms (lib/festival/schedule.ts services): a venue, a sitting. Inputs are the strings
// a form posts; a sitting's date and times are read in the festival's time zone.

export const VENUE_NAME_MAX_LENGTH = 80;
export const SITTING_NAME_MAX_LENGTH = 80;

export const venueFormSchema = z.object({
  name: z.string({ error: "Enter the venue's name" }).trim().min(1, "Enter the venue's name").max(VENUE_NAME_MAX_LENGTH, `At most ${VENUE_NAME_MAX_LENGTH} characters`),
});
export type VenueInput = z.output<typeof venueFormSchema>;

const time = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter ${label} as hh:mm, like 09:30`);

export const sittingFormSchema = z
  .object({
    venueId: z.string({ error: "Choose a venue" }).trim().min(1, "Choose a venue").max(ID_MAX_LENGTH, "Choose a venue"),
    date: z
      .string({ error: "Enter the date" })
      .trim()
      .refine((v) => parseCalendarDate(v) !== null, "Enter the date (YYYY-MM-DD)"),
    startTime: time("the start time"),
    endTime: time("the end time"),
    adjudicatorId: z.string().trim().max(ID_MAX_LENGTH).default(""),
    name: z.string().trim().max(SITTING_NAME_MAX_LENGTH, `At most ${SITTING_NAME_MAX_LENGTH} characters`).default(""),
  })
  .transform((s, ctx) => {
    const startsAt = sittingInstant(s.date, s.startTime);
    const endsAt = sittingInstant(s.date, s.endTime);
    if (!startsAt || !endsAt) {
      ctx.addIssue({ code: "custom", path: ["startTime"], message: "Enter a real date and time" });
      return z.NEVER;
    }
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The session must end after it starts" });
      return z.NEVER;
    }
    return { venueId: s.venueId, name: s.name, day: parseCalendarDate(s.date)!, startsAt, endsAt, adjudicatorId: s.adjudicatorId || null };
  });
export type SittingInput = z.output<typeof sittingFormSchema>;
export type SittingFields = keyof z.input<typeof sittingFormSchema>;
