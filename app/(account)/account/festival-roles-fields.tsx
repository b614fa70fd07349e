"use client";
import { useActionState, useEffect } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { saveFestivalRolesAction } from "./festival-roles-actions";
import type { FestivalRoleChoice } from "./view";

/** "Your part in the festival": the roles a user may pick or drop themselves. */
export function FestivalRolesFields({ roles, onSaved }: { roles: FestivalRoleChoice[]; onSaved: () => void }) {
  const [state, action] = useActionState(saveFestivalRolesAction, emptyFormState<"roles">() as FormState<"roles">);
  // Each save returns a new state object: reload the account so the page shows the roles now held.
  useEffect(() => {
    if (state.message) onSaved();
  }, [state, onSaved]);
  return (
    <form action={action} className="stack festival-roles" aria-labelledby="festival-roles-title">
      <h2 id="festival-roles-title">Your part in the festival</h2>
      <FormAlert message={state.errors.form} />
      <fieldset className="checkboxes">
        <legend>I take part as</legend>
        {roles.map((r) => (
          <div key={r.name} className="checkbox">
            <input type="checkbox" id={`festival-role-${r.name}`} name="role" value={r.name} defaultChecked={r.held} key={String(r.held)} />
            <label htmlFor={`festival-role-${r.name}`}>
              {r.name} <span className="muted">{r.description}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save festival roles</SubmitButton>
    </form>
  );
}
