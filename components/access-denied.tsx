import Link from "next/link";

export function AccessDenied() {
  return (
    <section className="panel narrow" aria-labelledby="denied-title">
      <p className="status-code">403</p>
      <h1 id="denied-title">You do not have access to this page</h1>
      <p>Your account does not have the permission this page needs. If you think it should, ask a festival administrator.</p>
      <p>
        <Link href="/account">Go to your account</Link> or <Link href="/">back to the home page</Link>.
      </p>
    </section>
  );
}
