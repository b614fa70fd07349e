import Link from "next/link";

/** The festival section's own links, on each of its pages. */
export function FestivalNav() {
  return (
    <nav aria-label="Festival" className="sub-nav">
      <ul className="nav-list">
        <li>
          <Link href="/admin/festival">Seasons</Link>
        </li>
        <li>
          <Link href="/admin/festival/classes">Classes</Link>
        </li>
        <li><Link href="/admin/festival/schedule">Schedule</Link></li>
        <li>
          <Link href="/admin/festival/lookups">Disciplines, levels and types</Link>
        </li>
        <li><Link href="/admin/festival/import">Import</Link></li>
        <li><Link href="/admin/festival/reports">Reports</Link></li>
      </ul>
    </nav>
  );
}
