import { describe, expect, it } from "vitest";
import { entryReceiptMessage } from "@/lib/mail/entry-receipt";

describe("entry receipt", () => {
  const receipt = {
    seasonName: "2027",
    closesAt: "February 1, 2027 at 12:00 a.m.",
    dueCents: 4550,
    entries: [
      {
        classCode: "2101A",
        className: "Piano Solo <Junior>",
        performers: ["Ada Lovelace"],
        accompanist: "Clara Schumann",
        pieces: [{ title: "Minuet in G", composer: "Petzold", durationSeconds: 95 }],
        feeCents: 2000,
      },
      { classCode: "3200", className: "Piano Duet", performers: ["Ada Lovelace", "Ben Lovelace"], accompanist: null, pieces: [{ title: "Waltz", composer: "", durationSeconds: 600 }], feeCents: 2550 },
    ],
  };

  it("lists the entries, performers, pieces, fees due and how to change them", () => {
    const mail = entryReceiptMessage("https://festival.example/", receipt);
    expect(mail.subject).toBe("Your entries for the 2027 festival · Music Festival Organizer");
    expect(mail.text).toContain("We have your 2 entries for the 2027 festival:");
    expect(mail.text).toContain("Class 2101A Piano Solo <Junior>: Ada Lovelace (accompanist: Clara Schumann). Fee $20.00.");
    expect(mail.text).toContain("  - Minuet in G, Petzold (1:35)");
    expect(mail.text).toContain("Class 3200 Piano Duet: Ada Lovelace, Ben Lovelace. Fee $25.50.");
    expect(mail.text).toContain("  - Waltz (10:00)");
    expect(mail.text).toContain("Fees due: $45.50.");
    expect(mail.text).toContain("until February 1, 2027 at 12:00 a.m.");
    expect(mail.text).toContain("https://festival.example/entries");
  });

  it("escapes names in the HTML part", () => {
    const mail = entryReceiptMessage("https://festival.example", receipt);
    expect(mail.html).toContain("Piano Solo &lt;Junior&gt;");
    expect(mail.html).not.toContain("<Junior>");
  });

  it("puts each piece on its own line in the HTML part too", () => {
    const mail = entryReceiptMessage("https://festival.example", receipt);
    expect(mail.html).toContain("Fee $20.00.<br>\n  - Minuet in G, Petzold (1:35)</p>");
  });

  it("says entry for one", () => {
    const mail = entryReceiptMessage("https://festival.example", { ...receipt, entries: receipt.entries.slice(0, 1) });
    expect(mail.text).toContain("We have your entry for the 2027 festival:");
  });
});
