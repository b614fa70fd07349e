import { z } from "zod";
import { parseCalendarDate, parseLocalDateTime } from "@/lib/festival/dates";
import { parseCents, parseDuration } from "@/lib/festival/units";
import {
  AGE_MAX,
  CLASS_DESCRIPTION_MAX_LENGTH,
  CLASS_NAME_MAX_LENGTH,
  DURATION_MAX_SECONDS,
  FEE_MAX_CENTS,
  LOOKUP_NAME_MAX_LENGTH,
  PERFORMERS_MAX,
  SEASON_NAME_MAX_LENGTH,
  SORT_ORDER_MAX,
  TEST_PIECES_MAX_LENGTH,
} from "./festival-limits";

// The organizers' festival forms: one schema per form, used by its server action (and the CLI and the
// demo through the services' typed inputs). Inputs are the strings a form posts; outputs are what the
// services store (cents, seconds, UTC instants and dates).

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `At most ${max} characters`);

const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).default("");

const instant = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((v, ctx) => parseLocalDateTime(v) ?? (ctx.addIssue({ code: "custom", message: `Enter ${label} as a date and time` }), z.NEVER));

const calendarDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((v, ctx) => parseCalendarDate(v) ?? (ctx.addIssue({ code: "custom", message: `Enter ${label} as a date (YYYY-MM-DD)` }), z.NEVER));

/** A whole number in [min, max] typed in a form; "" is null when optional. */
function wholeNumber(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${label}: a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}

function optionalWholeNumber(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .default("")
    .pipe(z.union([z.literal("").transform(() => null), wholeNumber(label, min, max)]));
}

function duration(label: string, optional: boolean) {
  return z
    .string()
    .trim()
    .default("")
    .transform((v, ctx) => {
      if (v === "") {
        if (optional) return null;
        return 0;
      }
      const seconds = parseDuration(v);
      if (seconds === null || seconds > DURATION_MAX_SECONDS) {
        ctx.addIssue({ code: "custom", message: `${label}: minutes, or minutes:seconds like 5:30, at most ${DURATION_MAX_SECONDS / 60} minutes` });
        return z.NEVER;
      }
      return seconds;
    });
}

export const seasonFormSchema = z
  .object({
    name: text("a name, like 2027", SEASON_NAME_MAX_LENGTH),
    entriesOpenAt: instant("when entries open"),
    entriesCloseAt: instant("when entries close"),
    startsOn: calendarDate("the first festival day"),
    endsOn: calendarDate("the last festival day"),
    ageCutoffOn: calendarDate("the age cut-off date"),
    makeCurrent: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
  })
  .superRefine((s, ctx) => {
    if (s.entriesCloseAt <= s.entriesOpenAt) ctx.addIssue({ code: "custom", path: ["entriesCloseAt"], message: "Entries must close after they open" });
    if (s.endsOn < s.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The last day cannot be before the first" });
  });

export type SeasonInput = z.output<typeof seasonFormSchema>;
export type SeasonFields = keyof z.input<typeof seasonFormSchema>;

const id = (label: string) => z.string({ error: `Choose ${label}` }).trim().min(1, `Choose ${label}`).max(40, `Choose ${label}`);

export const classFormSchema = z
  .object({
    number: z
      .string({ error: "Enter the class number" })
      .trim()
      .regex(/^\d{4}$/, "The number has 4 digits, like 2101"),
    suffix: z
      .string()
      .trim()
      .default("")
      .pipe(z.string().regex(/^[A-Za-z]{0,2}$/, "The suffix is up to 2 letters, like A"))
      .transform((v) => v.toUpperCase()),
    name: text("the class name", CLASS_NAME_MAX_LENGTH),
    disciplineId: id("a discipline"),
    levelId: id("a level"),
    performanceTypeId: id("a performance type"),
    fee: z
      .string({ error: "Enter the fee" })
      .trim()
      .min(1, "Enter the fee")
      .transform((v, ctx) => {
        const cents = parseCents(v);
        if (cents === null || cents > FEE_MAX_CENTS) {
          ctx.addIssue({ code: "custom", message: `Enter the fee in dollars, like 25 or 25.50 (at most ${FEE_MAX_CENTS / 100})` });
          return z.NEVER;
        }
        return cents;
      }),
    minAge: optionalWholeNumber("Minimum age", 0, AGE_MAX),
    maxAge: optionalWholeNumber("Maximum age", 0, AGE_MAX),
    maxPerformanceTime: duration("Maximum performance time", true),
    adjudicationTime: duration("Adjudication time", false),
    moveTime: duration("Move time", false),
    testPieces: optionalText(TEST_PIECES_MAX_LENGTH),
    description: optionalText(CLASS_DESCRIPTION_MAX_LENGTH),
  })
  .superRefine((c, ctx) => {
    if (c.minAge !== null && c.maxAge !== null && c.maxAge < c.minAge)
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "The maximum age cannot be below the minimum" });
  })
  .transform((c) => ({
    number: c.number,
    suffix: c.suffix,
    name: c.name,
    disciplineId: c.disciplineId,
    levelId: c.levelId,
    performanceTypeId: c.performanceTypeId,
    feeCents: c.fee,
    minAge: c.minAge,
    maxAge: c.maxAge,
    maxPerformanceSeconds: c.maxPerformanceTime,
    adjudicationSeconds: c.adjudicationTime ?? 0,
    moveSeconds: c.moveTime ?? 0,
    testPieces: c.testPieces,
    description: c.description,
  }));

export type ClassInput = z.output<typeof classFormSchema>;
export type ClassFields = keyof z.input<typeof classFormSchema>;

const sortOrder = optionalWholeNumber("Order", 0, SORT_ORDER_MAX).transform((v) => v ?? 0);

export const lookupFormSchema = z.object({
  name: text("a name", LOOKUP_NAME_MAX_LENGTH),
  sortOrder,
});

export const performanceTypeFormSchema = z
  .object({
    name: text("a name", LOOKUP_NAME_MAX_LENGTH),
    sortOrder,
    minPerformers: wholeNumber("Fewest performers", 1, PERFORMERS_MAX),
    maxPerformers: optionalWholeNumber("Most performers", 1, PERFORMERS_MAX),
  })
  .superRefine((t, ctx) => {
    if (t.maxPerformers !== null && t.maxPerformers < t.minPerformers)
      ctx.addIssue({ code: "custom", path: ["maxPerformers"], message: "Most performers cannot be below fewest" });
  });

export type LookupInput = z.output<typeof lookupFormSchema>;
export type PerformanceTypeInput = z.output<typeof performanceTypeFormSchema>;
export type LookupFields = keyof z.input<typeof performanceTypeFormSchema>;
