/** What a form's server action hands back to useActionState: what to put back, and what went wrong. */
export interface FormState<K extends string> {
  values: Partial<Record<K, string>>;
  errors: Partial<Record<K | "form", string>>;
  /** What went right, for an action that stays on its page (a flash shows only after navigating). */
  message?: string;
}

export function emptyFormState<K extends string>(): FormState<K> {
  return { values: {}, errors: {} };
}
