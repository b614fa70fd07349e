import Link from "next/link";
import { withParams } from "@/lib/admin/search-params";

// Pieces every report page shares: the season choice in its filter form, and the download links that
// carry the page's own query (season, filters, sort), so the file holds the rows on the screen.

export function SeasonField({ seasons, seasonId }: { seasons: { id: string; name: string }[]; seasonId: string }) {
  return (
    <div className="field">
      <label htmlFor="filter-season">Season</label>
      <select id="filter-season" name="season" defaultValue={seasonId}>
        {seasons.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
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
      </ul>
    </nav>
  );
}
