import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getProgramme } from "@/lib/festival/programme";
import { formatDay } from "@/lib/festival/schedule-time";

type Props = { params: Promise<{ season: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await getProgramme((await params).season);
  return { title: programme ? `Programme ${programme.season.name}` : "Programme not found" };
}

// A published season's festival days. Rendered per request (no generateStaticParams) from the cache.
export default async function SeasonProgrammePage({ params }: Props) {
  const programme = await getProgramme((await params).season);
  if (!programme) notFound();
  return (
    <section className="panel" aria-labelledby="programme-title">
      <h1 id="programme-title">Programme, festival {programme.season.name}</h1>
      {programme.days.length === 0 ? (
        <p>No sessions yet.</p>
      ) : (
        <ul>
          {programme.days.map((d) => (
            <li key={d.day}>
              <Link href={`/programme/${programme.season.id}/${d.day}`}>{formatDay(d.day)}</Link> ({d.sittings.length} {d.sittings.length === 1 ? "session" : "sessions"})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
