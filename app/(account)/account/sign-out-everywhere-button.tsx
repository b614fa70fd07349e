import { signOutEverywhereAction } from "./actions";
import { SubmitButton } from "@/components/forms/submit-button";

export function SignOutEverywhereButton() {
  return (
    <form action={signOutEverywhereAction}>
      <SubmitButton className="button button-quiet" pendingLabel="Signing out everywhere…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
