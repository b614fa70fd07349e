import Link from "next/link";
import { prisma } from "@/lib/db";
import { confirmIdentityPath } from "@/lib/auth/freshness";
import { env } from "@/lib/env";
import { listPasskeys, siteRelyingParty } from "@/lib/auth/passkeys/service";
import { TimeText } from "@/components/time-text";
import { SubmitButton } from "@/components/forms/submit-button";
import { removePasskeyAction } from "./passkey-actions";
import { AddPasskeyForm } from "./add-passkey-form";

/** "Passkeys" on /account/security: the user's own, with when each was added and last used, and a form to add one. */
export async function PasskeysSection({ userId, fresh }: { userId: string; fresh: boolean }) {
  const available = siteRelyingParty() !== null;
  const passkeys = await listPasskeys(prisma, userId);
  const timeZone = env().FESTIVAL_TIME_ZONE;
  return (
    <section className="panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">Passkeys</h2>
      <p>
        A passkey signs you in with your device&apos;s screen lock (fingerprint, face or PIN) instead of a password. We tell you
        by e-mail whenever one is added or removed.
      </p>
      {passkeys.length === 0 ? (
        <p className="muted">You have no passkeys yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">Synced</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((passkey) => (
                <tr key={passkey.id} data-testid="passkey-row">
                  <td>{passkey.name}</td>
                  <td>
                    <TimeText date={passkey.createdAt} timeZone={timeZone} style="relative" />
                  </td>
                  <td>
                    <TimeText date={passkey.lastUsedAt} timeZone={timeZone} style="relative" never="Not yet" />
                  </td>
                  <td>{passkey.backedUp ? "Yes, backed up" : "No, this device only"}</td>
                  <td>
                    <form action={removePasskeyAction}>
                      <input type="hidden" name="passkeyId" value={passkey.id} />
                      <SubmitButton className="button button-quiet" pendingLabel="Removing…">
                        {`Remove ${passkey.name}`}
                      </SubmitButton>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!available ? (
        <p className="muted">Passkeys are not available on this site&apos;s address.</p>
      ) : fresh ? (
        <AddPasskeyForm />
      ) : (
        // Adding or removing one is a sensitive change: the session must have proved its user recently.
        <p>
          <Link href={confirmIdentityPath("/account/security")}>Confirm it is you</Link> to add or remove a passkey.
        </p>
      )}
    </section>
  );
}
