import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { ChangePasswordForm } from "./change-password-form";
import { ChangeEmailForm } from "./change-email-form";

export const metadata: Metadata = { title: "Password and e-mail" };

export default async function SecurityPage() {
  const user = await requireUser("/account/security");
  return (
    <>
      <section className="panel" aria-labelledby="password-title">
        <p>
          <Link href="/account" prefetch={false}>← Your account</Link>
        </p>
        <h1 id="password-title">Change your password</h1>
        <p className="lead">Your other sessions are signed out; this one stays.</p>
        <ChangePasswordForm passwordMinLength={env().PASSWORD_MIN_LENGTH} />
      </section>
      <section className="panel" aria-labelledby="email-title">
        <h2 id="email-title">Change your e-mail address</h2>
        <p>
          It is now <strong>{user.email}</strong>. We send a link to the new address; it changes when you follow it.
        </p>
        <ChangeEmailForm />
      </section>
    </>
  );
}
