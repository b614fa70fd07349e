"use client";
import { useFormStatus } from "react-dom";

/** A submit button that says what is happening while its form is being sent, and cannot be sent twice. */
export function SubmitButton({ children, pendingLabel, className }: { children: string; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? "button"} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
