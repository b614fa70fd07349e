import type { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { reportNamed } from "@/lib/festival/reports/registry";
import { reportSeason } from "@/lib/festival/reports/season";
import { reportCsv } from "@/lib/festival/reports/csv";
import { reportXlsx } from "@/lib/festival/reports/xlsx";

// A report as a CSV or XLSX file: /admin/festival/reports/download/classes?format=csv&season=…&<the
// page's filters>. The handler checks its own permission (festival.read) before anything else, then
// that the season exists; the rows come from the same definition as the page's.
const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function GET(request: NextRequest, { params }: { params: Promise<{ report: string }> }) {
  await requireAdmin("festival.read", { returnTo: "/admin/festival/reports" });
  const { report } = await params;
  const definition = reportNamed(report);
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const format = query.format;
  if (!definition) return new Response("No such report.\n", { status: 404 });
  if (format !== "csv" && format !== "xlsx") return new Response("format must be csv or xlsx.\n", { status: 400 });
  const season = await reportSeason(prisma, query.season);
  if (!season) return new Response("No such season.\n", { status: 404 });
  const table = await definition.load(prisma, season.id, query);
  // A BOM so that Excel reads the CSV as UTF-8 (accented names); other readers skip it.
  const body = format === "csv" ? "\uFEFF" + reportCsv(table) : new Uint8Array(await reportXlsx(table));
  const filename = `${report}-${season.name}`.replace(/[^\w.-]+/g, "-") + `.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
