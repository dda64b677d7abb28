#!/usr/bin/env node
// Which change moved a figure? Runs the fill-latency measure (item 2) alternately on two
// builds in one session: dist/<browser> and another build directory, e.g. an older commit's
// (a diagnosis aid, not part of npm run bench):
//   git archive <commit> | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/
//   (cd /tmp/old && node scripts/build.mjs)
//   node scripts/bench/compare-builds.mjs /tmp/old/dist [chromium|firefox]
import { measureFill } from "./measures/fill.mjs";
import { openBenchBrowser } from "./session.mjs";
import { startBenchWeb } from "./site.mjs";
import { createVaultWithOneEntry } from "./vault.mjs";

const [otherDist, which = "chromium"] = process.argv.slice(2);
if (!otherDist || (which !== "chromium" && which !== "firefox")) {
  console.error("usage: node scripts/bench/compare-builds.mjs <other dist dir> [chromium|firefox]");
  process.exit(2);
}
const name = /** @type {"chromium" | "firefox"} */ (which);
const web = await startBenchWeb();
const sub = name === "chromium" ? "chrome" : "firefox";
const other = await openBenchBrowser({
  name,
  proxyPort: web.proxyPort,
  extensionPath: `${otherDist.replace(/\/$/, "")}/${sub}`,
});
const current = await openBenchBrowser({ name, proxyPort: web.proxyPort });
try {
  await createVaultWithOneEntry(other);
  await createVaultWithOneEntry(current);
  for (let i = 0; i < 2; i++) {
    const order = i % 2 ? [current, other] : [other, current];
    for (const b of order) {
      const r = await measureFill(b, { samples: 5 });
      const label = (b === current ? "dist" : otherDist).padEnd(Math.max(4, otherDist.length));
      console.log(
        `${label}  demo ${r.light.median.toFixed(1)} ms (first field ${r.lightFirst.median.toFixed(1)})` +
          `  heavy ${r.heavy.median.toFixed(1)} ms (first field ${r.heavyFirst.median.toFixed(1)})`,
      );
    }
  }
} finally {
  await other.close();
  await current.close();
  await web.close();
}
