// Reads the peer benchmark's results (run.mjs --out FILE) and prints, per workload, gradlab's
// training steps/s against the best other peer's: the figure issue 17 asks for (target ≥ 2×).
//   node bench/peers/report.mjs results.json
import fs from "node:fs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/peers/report.mjs RESULTS.json");
  process.exit(2);
}
const { results, meta } = JSON.parse(fs.readFileSync(file, "utf8"));
const workloads = [...new Set(results.map((r) => r.workload))];
const fmt = (v) => (v >= 100 ? Math.round(v).toLocaleString("en") : v.toPrecision(3));
console.log(`\ngradlab ÷ best peer (training steps/s, medians of one run${meta?.cpus ? `; ${meta.cpus}` : ""}):`);
const lines = [["workload", "gradlab", "best peer", "steps/s", "ratio", "losses agree"]];
let failed = false;
for (const id of workloads) {
  const ours = results.find((r) => r.workload === id && r.peer === "gradlab");
  const peers = results.filter((r) => r.workload === id && r.peer !== "gradlab" && r.ok);
  const best = peers.reduce((a, r) => (!a || r.train.median > a.train.median ? r : a), null);
  if (!ours?.ok || !best) {
    failed = true;
    lines.push([id, ours?.ok ? fmt(ours.train.median) : `FAILED (${ours?.error ?? "no result"})`, best?.peer ?? "-", best ? fmt(best.train.median) : "-", "-", "-"]);
    continue;
  }
  // Same maths, same start: float64 peers agree with gradlab to ~1e-12 after the check steps.
  const float64 = peers.filter((r) => r.check && ["js-baseline", "convnetjs"].includes(r.peer));
  const agree = float64.every((r) => Math.abs(r.check.lossN - ours.check.lossN) <= 1e-9 * Math.abs(ours.check.lossN));
  lines.push([id, fmt(ours.train.median), best.peer, fmt(best.train.median), `${(ours.train.median / best.train.median).toFixed(2)}×`, float64.length ? (agree ? "yes" : "NO") : "-"]);
  if (!agree) failed = true;
}
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
for (const l of lines) console.log("  " + l.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd());
if (failed) process.exitCode = 1;
