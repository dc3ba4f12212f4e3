// Two builds of the page measured back to back, loads alternating, so that
// a shared machine's drift falls on both alike (runs of perf.mjs minutes
// apart differ by 15% or more here):
//
//   node tests/e2e/compare.mjs DIST_A DIST_B [LOADS]     (default 8 each)
//
// For each load: first highlight (navigation start to the highlighted text
// painted, and to the first mark in the DOM, for a 1,000-word article
// opened by a #text= link, as in perf.mjs), then the
// median keystroke (a typed character to the next task after its input
// event) over 38 characters typed into it. Prints the medians per build.
// Reports only; the exit status is 0 whatever the speed.

import { serve } from "./server.mjs";
import { article, launch, median, openFirstHighlight, typeSentence } from "./measure.mjs";

const [A, B] = process.argv.slice(2, 4);
if (!A || !B) {
  console.error("usage: node tests/e2e/compare.mjs DIST_A DIST_B [LOADS]");
  process.exit(2);
}
const LOADS = Number(process.argv[4] ?? 8);
const TEXT = article(1000);

async function load(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, ms: first, painted } = await openFirstHighlight(ctx, url, TEXT);
  await page.waitForTimeout(1500);
  const keystroke = median(await typeSentence(page));
  await ctx.close();
  return { first, painted, keystroke };
}

const servers = [await serve(A), await serve(B)];
const browser = await launch();
try {
  const runs = [[], []];
  for (let i = 0; i < LOADS; i++) {
    for (const k of [0, 1]) runs[k].push(await load(browser, servers[k].url));
  }
  [A, B].forEach((dist, k) => {
    const first = median(runs[k].map((r) => r.first));
    const painted = median(runs[k].map((r) => r.painted ?? NaN));
    const keystroke = median(runs[k].map((r) => r.keystroke));
    console.log(
      `compare: ${dist}: first highlight painted ${painted.toFixed(0)} ms (in the DOM ${first.toFixed(0)} ms), ` +
        `keystroke ${keystroke.toFixed(1)} ms (medians of ${LOADS} loads)`,
    );
  });
} finally {
  await browser.close();
  servers.forEach((s) => s.server.close());
}
