import "server-only";
import ExcelJS from "exceljs";
import { exportCell, type ReportTable } from "./columns";

// XLSX downloads, written by exceljs. Every cell is written as a value (a string or a number), never as
// a formula, so a name like "=HYPERLINK(...)" stays text in the workbook. Amounts are numbers with a
// two-decimal format, so the spreadsheet can sum them.

const MONEY_FORMAT = "#,##0.00";

export async function reportXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Music Festival Organizer";
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/*?:[\]]/g, " "));
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  const write = (cells: ReportTable["rows"][number]) => sheet.addRow(cells.map((cell, i) => exportCell(table.columns[i].kind, cell)));
  table.rows.forEach(write);
  if (table.totals) write(table.totals).font = { bold: true };
  table.columns.forEach((c, i) => {
    if (c.kind === "cents") sheet.getColumn(i + 1).numFmt = MONEY_FORMAT;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
