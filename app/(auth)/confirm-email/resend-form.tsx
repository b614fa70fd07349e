"use client";
import { useActionState } from "react";
import { resendConfirmationAction, type ResendState } from "../password-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert, FormSuccess } from "@/components/forms/form-alert";

export function ResendConfirmationForm() {
  const [state, action] = useActionState(resendConfirmationAction, {} as ResendState);
  return (
    <form action={action} className="stack">
      <FormAlert message={state.error} />
      <FormSuccess message={state.message} />
      <SubmitButton pendingLabel="Sending…">Send the link again</SubmitButton>
    </form>
  );
}
