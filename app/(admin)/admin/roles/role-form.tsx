"use client";
import { useActionState } from "react";
import { emptyFormState, type FormState } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormAlert } from "@/components/forms/form-alert";
import { ROLE_DESCRIPTION_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from "@/lib/validation/limits";
import type { RoleFields } from "./actions";

type Action = (prev: FormState<RoleFields>, formData: FormData) => Promise<FormState<RoleFields>>;

/** Name, description and the permissions a role grants: creating a role and editing one. */
export function RoleForm({
  action,
  permissions,
  role,
  submitLabel,
}: {
  action: Action;
  permissions: { name: string; description: string }[];
  role?: { id: string; name: string; description: string; permissions: string[]; builtIn: boolean; selfChosen: boolean };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, emptyFormState<RoleFields>() as FormState<RoleFields>);
  const name = state.values.name ?? role?.name ?? "";
  const description = state.values.description ?? role?.description ?? "";
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert message={state.errors.form} />
      {role && <input type="hidden" name="roleId" value={role.id} />}
      <TextField
        name="name"
        label="Name"
        required
        maxLength={ROLE_NAME_MAX_LENGTH}
        defaultValue={name}
        key={`name-${name}`}
        error={state.errors.name}
        readOnly={role?.builtIn}
        hint={role?.builtIn ? "A built-in role keeps its name" : "Lower-case letters, digits, - and _"}
      />
      <TextField name="description" label="Description" maxLength={ROLE_DESCRIPTION_MAX_LENGTH} defaultValue={description} key={`description-${description}`} error={state.errors.description} />
      <fieldset className="checkboxes" aria-describedby={[role?.selfChosen && "perm-self-chosen", state.errors.permission && "perm-error"].filter(Boolean).join(" ") || undefined}>
        <legend>Permissions this role grants</legend>
        {role?.selfChosen && (
          <p id="perm-self-chosen" className="field-hint">
            Users choose this role for themselves on their account page, so it grants no permission.
          </p>
        )}
        {state.errors.permission && (
          <p id="perm-error" className="field-error" role="alert">
            {state.errors.permission}
          </p>
        )}
        {permissions.map((p) => (
          <div key={p.name} className="checkbox">
            <input type="checkbox" id={`perm-${p.name}`} name="permission" value={p.name} defaultChecked={role?.permissions.includes(p.name)} disabled={role?.selfChosen} />
            <label htmlFor={`perm-${p.name}`}>
              <code>{p.name}</code> <span className="muted">{p.description}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
