import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { E2E } from "./env";
import type { FestivalFixture } from "../support/festival-fixtures";
import type { ReportFixture } from "../support/report-fixtures";

const run = promisify(execFile);

async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/festival-cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E.databaseUrl },
  });
  return JSON.parse(stdout || "null");
}

/** A new current season with classes on the e2e server's database (tests/support/festival-fixtures.ts). */
export const createE2eFestival = () => cli("fixture") as Promise<FestivalFixture>;
export const closeE2eEntries = (seasonId: string) => cli("close-entries", seasonId);
export const openE2eEntries = (seasonId: string) => cli("open-entries", seasonId);
/** Renames a class through the service, in another process than the server's (as the CLI or an import). */
export const renameE2eClass = (classId: string, name: string) => cli("rename-class", classId, name);
/** A season (not current) with classes and entries for the reports (tests/support/report-fixtures.ts). */
export const createE2eReportSeason = () => cli("reports-fixture") as Promise<ReportFixture>;
