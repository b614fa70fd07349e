"use client";
import { useActionState } from "react";
import { resendConfirmationAction, type ResendState } from "../password-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";

export function ResendConfirmationForm() {
  const [state, action] = useActionState(resendConfirmationAction, {} as ResendState);
  return (
    <form action={action} className="stack">
      <FormAlert message={state.error} />
      {state.message && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <SubmitButton pendingLabel="Sending…">Send the link again</SubmitButton>
    </form>
  );
}
