import type { Metadata } from "next";
import { SignInLinkForm } from "./sign-in-link-form";

export const metadata: Metadata = { title: "Sign in with an e-mailed link" };

export default function SignInLinkPage() {
  return (
    <section className="panel narrow" aria-labelledby="sign-in-link-title">
      <h1 id="sign-in-link-title">Sign in with an e-mailed link</h1>
      <p className="lead">Enter the e-mail address of your account and we will send you a link that signs you in, no password needed.</p>
      <SignInLinkForm />
    </section>
  );
}
