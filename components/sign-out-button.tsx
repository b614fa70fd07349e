import { signOutAction } from "@/app/(auth)/actions";
import { SubmitButton } from "./forms/submit-button";

/** Signing out changes state, so it is a POST (a form), never a GET link that a prefetch could follow. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <SubmitButton className="button button-quiet" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
