import type { InputHTMLAttributes } from "react";

type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** Set when two forms on one page share a field name, so the ids stay unique. */
  idPrefix?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input whose error sits next to it and is announced (aria-describedby + role="alert"). */
export function TextField({ name, label, error, hint, idPrefix, ...input }: Props) {
  const id = `field-${idPrefix ? `${idPrefix}-` : ""}${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
