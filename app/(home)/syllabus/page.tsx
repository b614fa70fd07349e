import type { Metadata } from "next";
import Link from "next/link";
import { getSyllabus } from "@/lib/festival/syllabus";
import { filterSyllabus, syllabusFilterFrom } from "@/lib/festival/syllabus-filter";
import { formatCents } from "@/lib/festival/units";
import { formatCalendarDate } from "@/lib/festival/dates";
import { timeLimitText } from "@/lib/festival/class-limits-text";
import { pageParam, withParams, type SearchParams } from "@/lib/admin/search-params";
import { Pagination } from "@/components/pagination";
import { SelectField } from "@/components/festival/fields";

export const metadata: Metadata = { title: "Syllabus" };

const PAGE_SIZE = 100;

// Rendered per request (it reads the query; middleware.ts gives it a nonce CSP), from the cached
// syllabus (lib/festival/syllabus.ts): no database query on most requests. A plain GET form, so the
// filters work without JavaScript.
export default async function SyllabusPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const syllabus = await getSyllabus();
  const asked = syllabusFilterFrom(params);
  // Unknown names are ignored rather than matching nothing.
  const filter = {
    discipline: syllabus.disciplines.includes(asked.discipline ?? "") ? asked.discipline : undefined,
    level: syllabus.levels.includes(asked.level ?? "") ? asked.level : undefined,
    type: syllabus.performanceTypes.includes(asked.type ?? "") ? asked.type : undefined,
    q: asked.q,
  };
  const matches = filterSyllabus(syllabus.classes, filter);
  const pageCount = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const shown = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const options = (names: string[]) => names.map((n) => ({ value: n, label: n }));
  const { season } = syllabus;
  return (
    <section className="panel wide" aria-labelledby="syllabus-title">
      <h1 id="syllabus-title">Syllabus{season ? ` ${season.name}` : ""}</h1>
      {!season ? (
        <p>The syllabus for the next festival has not been published yet.</p>
      ) : (
        <>
          <p className="lead">
            The festival runs from {formatCalendarDate(new Date(season.startsOn))} to {formatCalendarDate(new Date(season.endsOn))}. Ages are taken on{" "}
            {formatCalendarDate(new Date(season.ageCutoffOn))}.
          </p>
          <form method="get" action="/syllabus" className="filters" role="search" aria-label="Find classes">
            <SelectField name="discipline" label="Discipline" empty="Any discipline" options={options(syllabus.disciplines)} defaultValue={filter.discipline ?? ""} />
            <SelectField name="level" label="Level" empty="Any level" options={options(syllabus.levels)} defaultValue={filter.level ?? ""} />
            <SelectField name="type" label="Type" empty="Any type" options={options(syllabus.performanceTypes)} defaultValue={filter.type ?? ""} />
            <div className="field">
              <label htmlFor="syllabus-q">Class number or name</label>
              <input id="syllabus-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
            </div>
            <button type="submit" className="button">
              Find classes
            </button>
          </form>
          <p className="stat" aria-live="polite">
            <span className="stat-value" data-testid="match-count">
              {matches.length}
            </span>{" "}
            {matches.length === 1 ? "class" : "classes"}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Classes by number</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Name</th>
                  <th scope="col">Discipline</th>
                  <th scope="col">Level</th>
                  <th scope="col">Type</th>
                  <th scope="col">Fee</th>
                  <th scope="col">Time limit</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/syllabus/${c.code}`} prefetch={false}>
                        {c.code}
                      </Link>
                    </th>
                    <td>{c.name}</td>
                    <td>{c.discipline}</td>
                    <td>{c.level}</td>
                    <td>{c.performanceType}</td>
                    <td>{formatCents(c.feeCents)}</td>
                    <td>{timeLimitText(c.maxPerformanceSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} label="Pages of classes" href={(p) => withParams("/syllabus", { ...filter }, { page: String(p) })} />
        </>
      )}
    </section>
  );
}
