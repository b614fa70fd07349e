/** A form-level error (e.g. "Invalid e-mail or password"), announced when it appears. */
export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="form-alert" role="alert">
      {message}
    </p>
  );
}

/** A form-level confirmation ("Your profile has been saved."), announced politely. */
export function FormSuccess({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="form-success" role="status">
      {message}
    </p>
  );
}
