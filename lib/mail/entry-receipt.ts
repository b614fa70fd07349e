// The receipt an entrant gets after submitting: every entry of theirs that counts, with performers,
// pieces and fees, what is due, and where to change them. Pure.
import { compose, siteLink, type MailMessage } from "./messages";
import { formatCents } from "@/lib/festival/money";
import { formatDuration } from "@/lib/festival/durations";

export interface ReceiptEntry {
  classCode: string;
  className: string;
  performers: string[];
  accompanist: string | null;
  pieces: { title: string; composer: string; durationSeconds: number }[];
  feeCents: number;
}

export interface Receipt {
  seasonName: string;
  entries: ReceiptEntry[];
  dueCents: number;
  /** The close of entries, already formatted in the festival's time zone. */
  closesAt: string;
}

function entryLines(entry: ReceiptEntry): string {
  const lines = [
    `Class ${entry.classCode} ${entry.className}: ${entry.performers.join(", ")}${entry.accompanist ? ` (accompanist: ${entry.accompanist})` : ""}. Fee ${formatCents(entry.feeCents)}.`,
    ...entry.pieces.map((p) => `  - ${p.title}${p.composer ? `, ${p.composer}` : ""} (${formatDuration(p.durationSeconds)})`),
  ];
  return lines.join("\n");
}

export function entryReceiptMessage(site: string, receipt: Receipt): MailMessage {
  const count = receipt.entries.length;
  return compose({
    subject: `Your entries for the ${receipt.seasonName} festival`,
    paragraphs: [
      `We have your ${count === 1 ? "entry" : `${count} entries`} for the ${receipt.seasonName} festival:`,
      ...receipt.entries.map(entryLines),
      `Fees due: ${formatCents(receipt.dueCents)}.`,
      `You can change or withdraw your entries until ${receipt.closesAt}; after that, ask the organizers.`,
    ],
    action: { label: "See and change your entries", url: siteLink(site, "/entries") },
    footer: "If you did not make these entries, reply to this message.",
  });
}
