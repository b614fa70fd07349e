import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSyllabus } from "@/lib/festival/syllabus";
import { classCode, parseClassCode } from "@/lib/festival/names";
import { formatCents } from "@/lib/festival/units";
import { formatCalendarDate } from "@/lib/festival/dates";
import { ageLimitText, timeLimitText } from "@/lib/festival/class-limits-text";

type Props = { params: Promise<{ code: string }> };

async function findClass(raw: string) {
  const parsed = parseClassCode(decodeURIComponent(raw));
  if (!parsed) return { syllabus: null, found: undefined };
  const syllabus = await getSyllabus();
  return { syllabus, found: syllabus.classes.find((c) => c.code === classCode(parsed)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { found } = await findClass((await params).code);
  return { title: found ? `Class ${found.code} ${found.name}` : "Class not found" };
}

// Rendered per request (a dynamic segment without generateStaticParams; middleware.ts gives it a nonce
// CSP), from the cached syllabus: "2101a" and "2101A" are the same class.
export default async function SyllabusClassPage({ params }: Props) {
  const { syllabus, found } = await findClass((await params).code);
  if (!syllabus?.season || !found) notFound();
  const rows: [string, string][] = [
    ["Discipline", found.discipline],
    ["Level", found.level],
    ["Performance type", found.performanceType],
    ["Fee", formatCents(found.feeCents)],
    ["Time limit", timeLimitText(found.maxPerformanceSeconds)],
    ["Age limit", `${ageLimitText(found.minAge, found.maxAge)} on ${formatCalendarDate(new Date(syllabus.season.ageCutoffOn))}`],
    ["Test pieces", found.testPieces || "Own choice"],
  ];
  return (
    <section className="panel" aria-labelledby="class-title">
      <p>
        <Link href="/syllabus">The whole syllabus</Link>
      </p>
      <h1 id="class-title">
        Class {found.code} {found.name}
      </h1>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="preserve-lines">{value}</dd>
          </div>
        ))}
      </dl>
      {found.description && <p className="preserve-lines">{found.description}</p>}
      <p>
        <Link href="/entries/new" className="button">
          Enter this class
        </Link>
      </p>
    </section>
  );
}
