// "Chrome on Windows": enough to recognise your own devices in "where you're signed in". A dozen
// rules in order, not ua-parser-js: the list needs the browser family and the operating system,
// never versions or device models, and the rules below cover the browsers people use. The order
// matters because user agents borrow each other's names (Edge and Opera say "Chrome", Chrome says "Safari").

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\b(curl|Wget|node|undici|python-requests|Go-http-client)\b/i, "a script"],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(iPhone|iPod)\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

function first(rules: ReadonlyArray<[RegExp, string]>, ua: string): string | null {
  return rules.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
}

export function describeDevice(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown device";
}
