import { z } from "zod";
import { normaliseName } from "../names";

// The columns of a registration-form export that the entries import reads, how they are guessed from
// the headers, and the mapping the page's selects post (one schema for the form and the action). A
// mapping names headers (not positions), so it still fits next year's export of the same form. Pure.

export const ENTRY_FIELDS = [
  { key: "timestamp", label: "Timestamp", hints: ["timestamp", "submitted", "date submitted"] },
  { key: "submitterName", label: "Submitter's name", hints: ["submitter name", "your name", "parent name", "contact name", "submitted by", "name of person submitting"] },
  { key: "submitterEmail", label: "Submitter's e-mail", hints: ["email address", "email", "e mail", "submitter email", "contact email"] },
  { key: "submitterPhone", label: "Submitter's phone", hints: ["phone", "phone number", "submitter phone", "contact phone", "telephone"] },
  { key: "performers", label: "Performer name(s)", hints: ["performer", "performers", "performer name", "performer names", "performer name s", "performer s name", "participant", "student name", "competitor"] },
  { key: "birthDate", label: "Date of birth", hints: ["date of birth", "birth date", "birthdate", "dob", "birthday"] },
  { key: "teacher", label: "Teacher", hints: ["teacher", "teacher name", "teacher s name"] },
  { key: "school", label: "School", hints: ["school", "school name"] },
  { key: "accompanistName", label: "Accompanist's name", hints: ["accompanist", "accompanist name", "accompanist s name"] },
  { key: "accompanistPhone", label: "Accompanist's phone", hints: ["accompanist phone", "accompanist s phone"] },
  { key: "accompanistEmail", label: "Accompanist's e-mail", hints: ["accompanist email", "accompanist s email", "accompanist e mail"] },
  { key: "fee", label: "Fee", hints: ["fee", "fees", "total fee", "entry fee", "amount due", "total"] },
  { key: "paid", label: "Paid", hints: ["paid", "fee paid", "payment received", "paid?"] },
] as const;

export type EntryFieldKey = (typeof ENTRY_FIELDS)[number]["key"];

export const GROUP_FIELDS = [
  { key: "classNumber", label: "Class number", hints: ["class number", "class", "class no", "class code"] },
  { key: "title", label: "Piece title", hints: ["piece title", "title", "piece", "selection"] },
  { key: "composer", label: "Composer", hints: ["composer"] },
  { key: "duration", label: "Duration (minutes)", hints: ["duration", "duration minutes", "time", "length", "minutes", "performance time"] },
] as const;

export type GroupFieldKey = (typeof GROUP_FIELDS)[number]["key"];

/** At most this many class groups per row (a form rarely repeats a section more than a few times). */
export const MAX_GROUPS = 10;

export type EntryMapping = {
  fields: Partial<Record<EntryFieldKey, string>>;
  groups: Partial<Record<GroupFieldKey, string>>[];
};

const REQUIRED: EntryFieldKey[] = ["performers"];

/** A header without its group number: "Class number 2", "Piece title (2)", "2nd class" -> its base and number. */
function splitGroupNumber(header: string): { base: string; n: number } {
  const key = normaliseName(header);
  const trailing = /^(.*?)\s*(\d{1,2})$/.exec(key);
  if (trailing && trailing[1]) return { base: trailing[1], n: Number(trailing[2]) };
  const leading = /^(\d{1,2})(?:st|nd|rd|th)?\s+(.*)$/.exec(key);
  if (leading) return { base: leading[2], n: Number(leading[1]) };
  return { base: key, n: 1 };
}

function matches(base: string, hints: readonly string[]): boolean {
  return hints.includes(base);
}

/**
 * The mapping guessed from the headers: each field takes the first header matching one of its hints
 * exactly (after normaliseName), groups are numbered by the headers' trailing numbers ("Class 2").
 */
export function guessMapping(headers: readonly string[]): EntryMapping {
  const fields: EntryMapping["fields"] = {};
  const groups = new Map<number, EntryMapping["groups"][number]>();
  const used = new Set<string>();
  for (const header of headers) {
    const { base, n } = splitGroupNumber(header);
    const group = GROUP_FIELDS.find((g) => matches(base, g.hints));
    if (group && n <= MAX_GROUPS) {
      const slot = groups.get(n) ?? {};
      if (!slot[group.key]) {
        slot[group.key] = header;
        groups.set(n, slot);
        used.add(header);
        continue;
      }
    }
  }
  for (const field of ENTRY_FIELDS) {
    const header = headers.find((h) => !used.has(h) && matches(normaliseName(h), field.hints));
    if (header) {
      fields[field.key] = header;
      used.add(header);
    }
  }
  return { fields, groups: [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g) };
}

/** A remembered mapping, kept only where its headers are in this file. */
export function fitMapping(mapping: EntryMapping, headers: readonly string[]): EntryMapping {
  const known = new Set(headers);
  const keep = <T extends Record<string, string | undefined>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, h]) => h && known.has(h))) as T;
  return { fields: keep(mapping.fields), groups: mapping.groups.map(keep).filter((g) => Object.keys(g).length > 0) };
}

const header = z.string().max(300).optional();

/** The page's selects: `field.<key>` and `group.<i>.<key>`; "" means "not in this file". */
export function mappingFromForm(formData: FormData, headers: readonly string[]): { mapping: EntryMapping; errors: string[] } {
  const known = new Set(headers);
  const pick = (name: string): string | undefined => {
    const value = header.safeParse(formData.get(name) ?? undefined);
    return value.success && value.data && known.has(value.data) ? value.data : undefined;
  };
  const fields: EntryMapping["fields"] = {};
  for (const f of ENTRY_FIELDS) {
    const h = pick(`field.${f.key}`);
    if (h) fields[f.key] = h;
  }
  const groups: EntryMapping["groups"] = [];
  for (let i = 0; i < MAX_GROUPS; i++) {
    const g: EntryMapping["groups"][number] = {};
    for (const f of GROUP_FIELDS) {
      const h = pick(`group.${i}.${f.key}`);
      if (h) g[f.key] = h;
    }
    if (Object.keys(g).length) groups.push(g);
  }
  return { mapping: { fields, groups }, errors: mappingErrors({ fields, groups }) };
}

/** What a mapping lacks to be imported at all. */
export function mappingErrors(mapping: EntryMapping): string[] {
  const errors: string[] = [];
  for (const key of REQUIRED) {
    if (!mapping.fields[key]) errors.push(`Choose the column of ${ENTRY_FIELDS.find((f) => f.key === key)!.label.toLowerCase()}.`);
  }
  if (!mapping.groups.some((g) => g.classNumber)) errors.push("Choose the column of the class number (at least one group).");
  mapping.groups.forEach((g, i) => {
    if (g.classNumber && (!g.title || !g.duration)) errors.push(`Class group ${i + 1}: choose its piece title and duration columns too.`);
  });
  return errors;
}

const mappingSchema = z.object({
  fields: z.record(z.string(), z.string()),
  groups: z.array(z.record(z.string(), z.string())).max(MAX_GROUPS),
});

/** A stored mapping (JSON), or null when it is missing or not a mapping. */
export function parseMapping(json: string | null | undefined): EntryMapping | null {
  if (!json) return null;
  try {
    const parsed = mappingSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as EntryMapping) : null;
  } catch {
    return null;
  }
}
