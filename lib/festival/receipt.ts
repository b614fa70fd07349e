import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { siteUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import { entryReceiptMessage } from "@/lib/mail/entry-receipt";
import { classCode } from "./names";
import { formatInstant } from "./dates";
import { feeTotals, listEntrantEntries } from "./entries";

/** Mails the account every entry of theirs that counts this season, after a submission. Never throws. */
export async function sendEntryReceipt(db: PrismaClient, user: { id: string; email: string }, seasonId: string): Promise<void> {
  const site = siteUrl();
  if (!site) {
    console.error("mfo mail: AUTH_URL is not set in production, so no entry receipt can be sent.");
    return;
  }
  const [season, entries] = await Promise.all([
    db.season.findUnique({ where: { id: seasonId }, select: { name: true, entriesCloseAt: true } }),
    listEntrantEntries(db, user.id, seasonId),
  ]);
  if (!season) return;
  const submitted = entries.filter((e) => e.status === "submitted");
  await sendMail(
    user.email,
    entryReceiptMessage(site, {
      seasonName: season.name,
      closesAt: formatInstant(season.entriesCloseAt),
      dueCents: feeTotals(submitted).due,
      entries: submitted.map((e) => ({
        classCode: classCode(e.festivalClass),
        className: e.festivalClass.name,
        performers: e.performers.map((p) => p.profile.name),
        accompanist: e.accompanist?.name ?? null,
        pieces: e.pieces.map((p) => ({ title: p.piece.title, composer: p.piece.composer, durationSeconds: p.durationSeconds })),
        feeCents: e.feeCents ?? 0,
      })),
    }),
  );
}
