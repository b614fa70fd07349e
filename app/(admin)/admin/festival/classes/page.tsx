import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { listSeasons } from "@/lib/festival/seasons";
import { lookupOptions } from "@/lib/festival/lookups";
import { listClasses } from "@/lib/festival/classes";
import { classCode } from "@/lib/festival/names";
import { formatCents, formatDuration } from "@/lib/festival/units";
import { pageParam, param, withParams, type SearchParams } from "@/lib/admin/search-params";
import { Pagination } from "@/components/pagination";
import { SelectField } from "@/components/festival/fields";
import { FestivalNav } from "../festival-nav";

export const metadata: Metadata = { title: "Classes · Admin" };

/** A query value only if it is one of the offered options (anything else is ignored, not an error). */
function oneOf(value: string | undefined, options: { value: string }[]): string | undefined {
  return options.some((o) => o.value === value) ? value : undefined;
}

export default async function ClassesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireAdmin("festival.read");
  const params = await searchParams;
  const [seasons, lookups] = await Promise.all([listSeasons(prisma), lookupOptions(prisma)]);
  const seasonOptions = seasons.map((s) => ({ value: s.id, label: s.isCurrent ? `${s.name} (current)` : s.name }));
  const seasonId = oneOf(param(params, "season"), seasonOptions) ?? seasons.find((s) => s.isCurrent)?.id ?? seasons[0]?.id;
  const season = seasons.find((s) => s.id === seasonId);
  const filter = {
    discipline: oneOf(param(params, "discipline"), lookups.disciplines),
    level: oneOf(param(params, "level"), lookups.levels),
    type: oneOf(param(params, "type"), lookups.performanceTypes),
    q: param(params, "q")?.trim() || undefined,
  };
  const page = pageParam(params);
  const result = season
    ? await listClasses(prisma, { seasonId: season.id, disciplineId: filter.discipline, levelId: filter.level, performanceTypeId: filter.type, q: filter.q, page })
    : { total: 0, classes: [], pageCount: 1 };
  const query = { season: seasonId, ...filter };
  return (
    <section className="panel wide" aria-labelledby="classes-title">
      <h1 id="classes-title">Classes{season ? `, season ${season.name}` : ""}</h1>
      <FestivalNav />
      {!season ? (
        <p>
          No season yet: <Link href="/admin/festival">create one</Link> first.
        </p>
      ) : (
        <>
          {can(me, "festival.manage") && (
            <p>
              <Link className="button" href={`/admin/festival/classes/new?season=${season.id}`}>
                New class in {season.name}
              </Link>
            </p>
          )}
          <form method="get" action="/admin/festival/classes" className="filters" role="search" aria-label="Find classes">
            <SelectField name="season" label="Season" options={seasonOptions} defaultValue={seasonId} />
            <SelectField name="discipline" label="Discipline" empty="Any discipline" options={lookups.disciplines} defaultValue={filter.discipline ?? ""} />
            <SelectField name="level" label="Level" empty="Any level" options={lookups.levels} defaultValue={filter.level ?? ""} />
            <SelectField name="type" label="Type" empty="Any type" options={lookups.performanceTypes} defaultValue={filter.type ?? ""} />
            <div className="field">
              <label htmlFor="filter-q">Number or name</label>
              <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
            </div>
            <button type="submit" className="button">
              Search
            </button>
          </form>
          <p className="stat" aria-live="polite">
            <span className="stat-value" data-testid="match-count">
              {result.total}
            </span>{" "}
            {result.total === 1 ? "class" : "classes"}
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
                  <th scope="col">Entries</th>
                </tr>
              </thead>
              <tbody>
                {result.classes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/admin/festival/classes/${c.id}`}>{classCode(c)}</Link>
                    </th>
                    <td>{c.name}</td>
                    <td>{c.discipline.name}</td>
                    <td>{c.level.name}</td>
                    <td>{c.performanceType.name}</td>
                    <td>{formatCents(c.feeCents)}</td>
                    <td>{c.maxPerformanceSeconds === null ? "—" : formatDuration(c.maxPerformanceSeconds)}</td>
                    <td>{c._count.entries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={result.pageCount} label="Pages of classes" href={(p) => withParams("/admin/festival/classes", query, { page: String(p) })} />
        </>
      )}
    </section>
  );
}
