import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getProgramme } from "@/lib/festival/programme";
import { formatDay } from "@/lib/festival/schedule-time";
import styles from "../../programme.module.css";
import "../../programme-print.css";

type Props = { params: Promise<{ season: string; day: string }> };

async function find(params: Props["params"]) {
  const { season, day } = await params;
  const programme = await getProgramme(season);
  return { programme, found: programme?.days.find((d) => d.day === day) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { programme, found } = await find(params);
  return { title: programme && found ? `Programme ${formatDay(found.day)}` : "Programme not found" };
}

// One festival day of a published programme: sessions in time order, classes in order, performers'
// names in running order (names only). Rendered per request from the cached programme; the print
// stylesheet (programme.module.css) makes it the printable programme.
export default async function ProgrammeDayPage({ params }: Props) {
  const { programme, found } = await find(params);
  if (!programme || !found) notFound();
  const index = programme.days.indexOf(found);
  const previous = programme.days[index - 1];
  const next = programme.days[index + 1];
  return (
    <section className="panel programme-page" aria-labelledby="programme-title">
      <p className="programme-screen-only">
        <Link href={`/programme/${programme.season.id}`}>Every day of the festival</Link>
        {previous && (
          <>
            {" · "}
            <Link href={`/programme/${programme.season.id}/${previous.day}`}>{formatDay(previous.day)}</Link>
          </>
        )}
        {next && (
          <>
            {" · "}
            <Link href={`/programme/${programme.season.id}/${next.day}`}>{formatDay(next.day)}</Link>
          </>
        )}
      </p>
      <h1 id="programme-title">
        Festival {programme.season.name}: {formatDay(found.day)}
      </h1>
      <p className={`${styles.printHint} programme-screen-only`}>This page prints as the day&apos;s programme.</p>
      {found.sittings.map((s, i) => (
        <section key={i} className={styles.sitting} aria-labelledby={`sitting-${i}`}>
          <h2 id={`sitting-${i}`}>
            {s.start}–{s.end}, {s.venue}
            {s.name ? `: ${s.name}` : ""}
          </h2>
          {s.classes.length === 0 ? (
            <p>Classes to be announced.</p>
          ) : (
            <ol className={styles.classes}>
              {s.classes.map((c) => (
                <li key={c.code}>
                  <h3>
                    Class {c.code} {c.name}
                  </h3>
                  <ol className={styles.performers} aria-label={`Performers in class ${c.code}`}>
                    {c.performers.map((names, j) => (
                      <li key={j}>{names.join(", ")}</li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}
