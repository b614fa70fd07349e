import type { entryFormObject } from "@/lib/validation/entries";

/** What the entry form posted, put back after a refusal, with a message per field ("pieces.0.duration"). */
export type EntryFormValues = ReturnType<typeof entryFormObject>;

export interface EntryFormState {
  values: EntryFormValues;
  errors: Record<string, string>;
  /** Bumped by each answer, so the fields re-mount with the values sent back. */
  version: number;
}
