"use client";
import { useActionState, type ReactNode } from "react";
import { emptyFormState, type FormState } from "./form-state";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";

type Action = (prev: FormState<string>, formData: FormData) => Promise<FormState<string>>;

/**
 * A one-button form for a server action (grant a role, deactivate, delete): hidden fields say what to
 * act on, the action's refusal appears above the button, and success is a flash after a redirect.
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel,
  danger,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<string>());
  return (
    <form action={formAction} className="inline-form">
      <FormAlert message={state.errors.form} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton pendingLabel={pendingLabel} className={danger ? "button button-danger" : "button"}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
