import { z } from "zod";
import { parseDuration } from "@/lib/festival/durations";
import { parseClassCode } from "@/lib/festival/names";
import {
  ADDRESS_MAX_LENGTH,
  CLASS_CODE_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  ENTRY_NOTES_MAX_LENGTH,
  ID_MAX_LENGTH,
  MAX_PERFORMERS,
  MAX_PIECES,
  PERSON_NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  PIECE_TEXT_MAX_LENGTH,
} from "./festival-limits";
import { SHORT_FIELD_MAX_LENGTH } from "./limits";

// The entrant's forms (people and entries): one schema each, used by the form's field names and by the
// server action that parses what was posted. Errors are keyed by field name ("pieces.1.duration").

const trimmed = (max: number, label: string) => z.string().trim().max(max, `${label} is at most ${max} characters.`);
const optionalText = (max: number, label: string) =>
  trimmed(max, label)
    .optional()
    .transform((v) => (v ? v : null));
const id = z.string().trim().max(ID_MAX_LENGTH);
const optionalId = id.optional().transform((v) => (v ? v : null));

/** A calendar date from <input type="date"> ("2017-06-01"), as UTC midnight. */
const calendarDate = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== value || date.getUTCFullYear() < 1900 || date > new Date()) {
      ctx.addIssue({ code: "custom", message: "Enter a birth date in the past, as YYYY-MM-DD." });
      return z.NEVER;
    }
    return date;
  });

export const RELATIONSHIPS = {
  self: "Yourself",
  guardian: "Your child",
  teacher: "Your student",
  contact: "A group you are the contact for",
} as const;
export type Relationship = keyof typeof RELATIONSHIPS;

export const profileSchema = z
  .object({
    kind: z.enum(["person", "group"], { message: "Choose a person or a group." }),
    relationship: z.enum(Object.keys(RELATIONSHIPS) as [Relationship, ...Relationship[]], { message: "Choose who this is to you." }),
    name: trimmed(PERSON_NAME_MAX_LENGTH, "The name").min(1, "Enter the name."),
    birthDate: calendarDate,
    email: z
      .string()
      .trim()
      .max(EMAIL_MAX_LENGTH)
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null))
      .refine((v) => v === null || z.email().safeParse(v).success, "Enter an e-mail address like name@example.org."),
    phone: optionalText(PHONE_MAX_LENGTH, "The phone number"),
    address: optionalText(ADDRESS_MAX_LENGTH, "The address"),
    school: optionalText(PERSON_NAME_MAX_LENGTH, "The school"),
    contactName: optionalText(PERSON_NAME_MAX_LENGTH, "The contact person"),
    membersCount: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const n = Number(value);
        if (!Number.isInteger(n) || n < 2 || n > 500) {
          ctx.addIssue({ code: "custom", message: "Enter the number of members, 2 to 500." });
          return z.NEVER;
        }
        return n;
      }),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "group" && p.relationship === "self") ctx.addIssue({ code: "custom", path: ["relationship"], message: "A group cannot be yourself." });
  });
export type ProfileInput = z.output<typeof profileSchema>;
/** The profile form's fields and their limits (what a refused form gets back, lib/forms/form-action.ts). */
export const PROFILE_FIELD_LIMITS = {
  kind: SHORT_FIELD_MAX_LENGTH,
  relationship: SHORT_FIELD_MAX_LENGTH,
  name: PERSON_NAME_MAX_LENGTH,
  birthDate: SHORT_FIELD_MAX_LENGTH,
  email: EMAIL_MAX_LENGTH,
  phone: PHONE_MAX_LENGTH,
  address: ADDRESS_MAX_LENGTH,
  school: PERSON_NAME_MAX_LENGTH,
  contactName: PERSON_NAME_MAX_LENGTH,
  membersCount: SHORT_FIELD_MAX_LENGTH,
} as const;
export type ProfileField = keyof typeof PROFILE_FIELD_LIMITS;

const pieceRow = z.object({
  title: trimmed(PIECE_TEXT_MAX_LENGTH, "The title"),
  composer: trimmed(PIECE_TEXT_MAX_LENGTH, "The composer"),
  duration: z.string().trim().max(8),
});

export const entrySchema = z.object({
  intent: z.enum(["draft", "submit"]).default("submit"),
  classCode: z
    .string()
    .trim()
    .max(CLASS_CODE_MAX_LENGTH)
    .transform((value, ctx) => {
      // "2101A" or "2101A Piano Solo, Junior" (the suggestion list's text): the code is the first word.
      const code = parseClassCode(value.split(/\s/)[0] ?? "");
      if (!code) {
        ctx.addIssue({ code: "custom", message: value ? "Enter a class number, like 2101 or 2101A." : "Choose a class." });
        return z.NEVER;
      }
      return code;
    }),
  performers: z.array(id).max(MAX_PERFORMERS, `At most ${MAX_PERFORMERS} performers.`).min(1, "Choose at least one performer."),
  accompanistId: optionalId,
  teacherId: optionalId,
  pieces: z
    .array(pieceRow)
    .max(MAX_PIECES)
    .transform((rows, ctx) => {
      // Rows left empty are spare rows of the form, not pieces.
      const pieces: { title: string; composer: string; durationSeconds: number }[] = [];
      rows.forEach((row, index) => {
        if (!row.title && !row.composer && !row.duration) return;
        if (!row.title) ctx.addIssue({ code: "custom", path: [index, "title"], message: "Enter the title." });
        const seconds = parseDuration(row.duration);
        if (seconds === null || seconds === 0) {
          ctx.addIssue({ code: "custom", path: [index, "duration"], message: "Enter the duration as m:ss, like 3:05." });
        }
        pieces.push({ title: row.title, composer: row.composer, durationSeconds: seconds ?? 0 });
      });
      return pieces;
    }),
  notes: trimmed(ENTRY_NOTES_MAX_LENGTH, "The notes").default(""),
});
export type EntryInput = z.output<typeof entrySchema>;

/** What the entry form posts, as the object entrySchema reads (piece rows are pieces.N.title etc.). */
export function entryFormObject(formData: FormData) {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const pieces: { title: string; composer: string; duration: string }[] = [];
  for (let i = 0; i < MAX_PIECES; i++) {
    const title = text(`pieces.${i}.title`);
    const composer = text(`pieces.${i}.composer`);
    const duration = text(`pieces.${i}.duration`);
    if (title === undefined && composer === undefined && duration === undefined) continue;
    pieces.push({ title: title ?? "", composer: composer ?? "", duration: duration ?? "" });
  }
  return {
    intent: text("intent") === "draft" ? "draft" : "submit",
    classCode: text("classCode") ?? "",
    performers: formData.getAll("performers").filter((v): v is string => typeof v === "string" && v !== ""),
    accompanistId: text("accompanistId"),
    teacherId: text("teacherId"),
    pieces,
    notes: text("notes") ?? "",
  };
}

/** "25.50" or "$25" -> 2550 cents; null when it is not an amount of money. */
export function parseMoney(text: string): number | null {
  const match = /^\s*\$?\s*(\d{1,6})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}
