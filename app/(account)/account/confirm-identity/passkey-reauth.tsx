"use client";
import { useState } from "react";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { FormAlert } from "@/components/forms/form-alert";
import { loadWebAuthn, NO_PASSKEY_USED, passkeyOptions, PasskeyRequestError, postPasskeyJson } from "@/lib/auth/passkeys/client";

/**
 * "Use a passkey instead": one of the user's own passkeys proves who they are again (the server checks
 * it is theirs and marks the session fresh), then the page they came from opens. `returnTo` is already a
 * safe path (the page ran it through safeRedirectPath).
 */
export function PasskeyReauth({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function confirm() {
    setError(undefined);
    setPending(true);
    try {
      const webauthn = await loadWebAuthn();
      if (!webauthn.browserSupportsWebAuthn()) return setError("This browser cannot use passkeys. Enter your password instead.");
      let response: AuthenticationResponseJSON;
      try {
        const optionsJSON = await passkeyOptions<PublicKeyCredentialRequestOptionsJSON>("reauth");
        response = await webauthn.startAuthentication({ optionsJSON });
      } catch (caught) {
        return setError(caught instanceof PasskeyRequestError ? caught.message : NO_PASSKEY_USED);
      }
      await postPasskeyJson("/api/passkeys/reauth", { response });
      window.location.assign(returnTo);
    } catch (caught) {
      setError(caught instanceof PasskeyRequestError ? caught.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack">
      <FormAlert message={error} />
      <button type="button" className="button button-quiet" onClick={confirm} disabled={pending} aria-disabled={pending}>
        {pending ? "Checking…" : "Use a passkey instead"}
      </button>
    </div>
  );
}
