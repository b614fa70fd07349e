/** What a form's server action hands back to useActionState: what to put back, and what went wrong. */
export interface FormState<K extends string> {
  values: Partial<Record<K, string>>;
  errors: Partial<Record<K | "form", string>>;
}

export function emptyFormState<K extends string>(): FormState<K> {
  return { values: {}, errors: {} };
}
