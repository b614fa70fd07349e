import type { Metadata } from "next";
import Link from "next/link";
import { getPublishedProgrammes } from "@/lib/festival/programme";

export const metadata: Metadata = { title: "Programme" };
// Rendered per request from the cached list (docs/decisions/schedule.md); middleware.ts gives it a nonce CSP.
export const dynamic = "force-dynamic";

export default async function ProgrammesPage() {
  const programmes = await getPublishedProgrammes();
  return (
    <section className="panel" aria-labelledby="programme-title">
      <h1 id="programme-title">Programme</h1>
      {programmes.length === 0 ? (
        <p>The festival&apos;s programme has not been published yet.</p>
      ) : (
        <ul>
          {programmes.map((p) => (
            <li key={p.id}>
              <Link href={`/programme/${p.id}`}>Festival {p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
