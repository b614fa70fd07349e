"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { FormAlert } from "@/components/forms/form-alert";
import { loadWebAuthn, NO_PASSKEY_USED, passkeyOptions, PasskeyRequestError } from "@/lib/auth/passkeys/client";
import { signInWithPasskeyAction } from "./passkey-actions";

/**
 * "Sign in with a passkey", and the same through the browser's autofill on the e-mail field
 * (conditional mediation, where the browser offers it): the passkey is both factors, so it signs in alone.
 */
export function PasskeySignIn({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  // Set once the button is used: the autofill request then stands down (one sign-in at a time).
  const buttonUsed = useRef(false);

  function finish(response: AuthenticationResponseJSON) {
    startTransition(async () => {
      const result = await signInWithPasskeyAction(JSON.stringify(response), returnTo);
      if (result?.error) setError(result.error);
    });
  }

  // Autofill: a pending request that the browser answers when a passkey is picked from the e-mail
  // field's suggestions. The button below aborts it (one WebAuthn request at a time).
  useEffect(() => {
    let active = true;
    (async () => {
      const webauthn = await loadWebAuthn();
      if (!active || !(await webauthn.browserSupportsWebAuthnAutofill())) return;
      try {
        const optionsJSON = await passkeyOptions<PublicKeyCredentialRequestOptionsJSON>("sign-in");
        if (!active || buttonUsed.current) return;
        const response = await webauthn.startAuthentication({ optionsJSON, useBrowserAutofill: true });
        if (active && !buttonUsed.current) finish(response);
      } catch {
        // Aborted by the button, or the page is going away: nothing to say.
      }
    })();
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page view
  }, []);

  async function signInWithPasskey() {
    buttonUsed.current = true;
    setError(undefined);
    const webauthn = await loadWebAuthn();
    if (!webauthn.browserSupportsWebAuthn()) return setError("This browser cannot use passkeys. Sign in with your password or an e-mailed link.");
    let response: AuthenticationResponseJSON;
    try {
      const optionsJSON = await passkeyOptions<PublicKeyCredentialRequestOptionsJSON>("sign-in");
      response = await webauthn.startAuthentication({ optionsJSON });
    } catch (caught) {
      return setError(caught instanceof PasskeyRequestError ? caught.message : NO_PASSKEY_USED);
    }
    finish(response);
  }

  return (
    <div className="stack">
      <FormAlert message={error} />
      <button type="button" className="button button-quiet" onClick={signInWithPasskey} disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in with a passkey"}
      </button>
    </div>
  );
}
