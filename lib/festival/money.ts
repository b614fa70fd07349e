// Money is integer cents everywhere; this is the one place that turns it into text.
const dollars = new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD", currencyDisplay: "narrowSymbol" });

/** 2550 -> "$25.50". */
export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}
