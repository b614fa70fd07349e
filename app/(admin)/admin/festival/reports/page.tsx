import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { FestivalNav } from "../festival-nav";

export const metadata: Metadata = { title: "Reports · Admin" };

const PATH = "/admin/festival/reports";

export default async function ReportsPage() {
  await requireAdmin("festival.read", PATH);
  return (
    <section className="panel wide" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <FestivalNav />
      <ul>
        <li>
          <Link href={`${PATH}/classes`}>Classes</Link>: entries, performance time and fees per class
        </li>
      </ul>
    </section>
  );
}
