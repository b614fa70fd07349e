// Summarises a V8 CPU profile (.cpuprofile, from BENCH_CPU_PROF): self time by function and by package,
// so per-request work can be found without DevTools. Usage: tsx scripts/bench/profile-summary.ts FILE [N]
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, top = "25"] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

function add(map: Map<string, number>, key: string, ms: number) {
  map.set(key, (map.get(key) ?? 0) + ms);
}
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (!ms) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
  add(byFunction, `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`, ms);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.includes(".next/") ? "app bundle (.next)" : where.startsWith("node:") || !where ? "node / (program)" : where);
  add(byPackage, pkg, ms);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)} %  ${Math.round(ms).toString().padStart(6)} ms  ${key}`);
};
console.log(`${Math.round(total)} ms sampled`);
print("self time by package", byPackage);
print("self time by function", byFunction);
