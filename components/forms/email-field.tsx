import { TextField } from "./text-field";
import { EMAIL_MAX_LENGTH } from "@/lib/validation/limits";

/**
 * The e-mail input every form uses. It is remounted when the kept value changes, so what the user
 * typed comes back after a failed submit (React resets uncontrolled fields after an action).
 */
export function EmailField({
  name = "email",
  label = "E-mail",
  value,
  error,
  autoComplete = "email",
}: {
  name?: string;
  label?: string;
  value?: string;
  error?: string;
  /** "username webauthn": the browser may also offer passkeys here (autofill, /sign-in). */
  autoComplete?: "email" | "username" | "username webauthn";
}) {
  return (
    <TextField
      key={`${name}-${value ?? ""}`}
      name={name}
      label={label}
      type="email"
      autoComplete={autoComplete}
      required
      maxLength={EMAIL_MAX_LENGTH}
      defaultValue={value}
      error={error}
    />
  );
}
