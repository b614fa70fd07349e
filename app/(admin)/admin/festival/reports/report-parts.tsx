import Link from "next/link";
import { withParams } from "@/lib/admin/search-params";
import type { ReportTable as Table, SortDirection } from "@/lib/festival/reports/columns";
import { ReportTable } from "@/components/report-table";
import { FestivalNav } from "../festival-nav";

// Pieces every report page shares: the season choice in its filter form, and the download links that
// carry the page's own query (season, filters, sort), so the file holds the rows on the screen.

export function SeasonField({ seasons, seasonId }: { seasons: { id: string; name: string }[]; seasonId: string }) {
  return <SelectFilter name="season" label="Season" options={seasons} value={seasonId} />;
}

export function Downloads({ report, query }: { report: string; query: Record<string, string | undefined> }) {
  const path = `/admin/festival/reports/download/${report}`;
  return (
    <p className="downloads">
      Download:
      {/* Plain links: a file, not a page for the client router. */}
      <a href={withParams(path, query, { format: "csv" })} download>
        CSV
      </a>
      <a href={withParams(path, query, { format: "xlsx" })} download>
        XLSX
      </a>
    </p>
  );
}

export function NoSeason() {
  return <p>There is no current season yet: create one under Seasons.</p>;
}

export function ReportsNav() {
  return (
    <nav aria-label="Reports" className="sub-nav">
      <ul className="nav-list">
        <li>
          <Link href="/admin/festival/reports">Overview</Link>
        </li>
        <li>
          <Link href="/admin/festival/reports/classes">Classes</Link>
        </li>
        <li>
          <Link href="/admin/festival/reports/fees">Fees</Link>
        </li>
        <li>
          <Link href="/admin/festival/reports/people">People</Link>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The frame of every report page: title, navigation, the filter form (the season, the report's own
 * fields, and the current sort kept as hidden fields), the downloads and the table with sort links.
 */
export function ReportFrame({
  name,
  title,
  season,
  seasons,
  table,
  query,
  sort,
  dir,
  note,
  children,
}: {
  name: string;
  title: string;
  season: { id: string; name: string };
  seasons: { id: string; name: string }[];
  table: Table;
  query: Record<string, string | undefined>;
  sort?: string;
  dir: SortDirection;
  note?: React.ReactNode;
  children: React.ReactNode;
}) {
  const path = `/admin/festival/reports/${name}`;
  const full = { season: season.id, ...query };
  return (
    <section className="panel wide" aria-labelledby="report-title">
      <h1 id="report-title">
        {title}, {season.name}
      </h1>
      <FestivalNav />
      <ReportsNav />
      {note && <p className="muted">{note}</p>}
      <form method="get" action={path} className="filters" role="search" aria-label={`Filter the ${title.toLowerCase()}`}>
        <SeasonField seasons={seasons} seasonId={season.id} />
        {children}
        {sort && <input type="hidden" name="sort" value={sort} />}
        {sort && <input type="hidden" name="dir" value={dir} />}
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <Downloads report={name} query={full} />
      <ReportTable
        table={table}
        caption={`${table.title}, ${season.name}: ${table.rows.length} ${table.rows.length === 1 ? "row" : "rows"}`}
        sort={sort}
        dir={dir}
        sortHref={(key, next) => withParams(path, full, { sort: key, dir: next })}
      />
    </section>
  );
}

/** A report page before any season exists. */
export function NoSeasonFrame({ title }: { title: string }) {
  return (
    <section className="panel wide" aria-labelledby="report-title">
      <h1 id="report-title">{title}</h1>
      <FestivalNav />
      <NoSeason />
    </section>
  );
}

/** A select of the filter form, "any" first. */
export function SelectFilter({ name, label, any, options, value }: { name: string; label: string; any?: string; options: readonly { id: string; name: string }[]; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
