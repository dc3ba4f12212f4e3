// Two builds of the page measured back to back, loads alternating, so that
// a shared machine's drift falls on both alike (runs of perf.mjs minutes
// apart differ by 15% or more here):
//
//   node tests/e2e/compare.mjs DIST_A DIST_B [LOADS]     (default 8 each)
//
// For each load: first highlight (navigation start to the first mark, a
// 1,000-word article opened by a #text= link, as in perf.mjs), then the
// median keystroke (a typed character to the next task after its input
// event) over 38 characters typed into it. Prints the medians per build.
// Reports only; the exit status is 0 whatever the speed.

import { chromium } from "playwright-core";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { serve } from "./server.mjs";
import { CHROMIUM, HERE } from "./harness.mjs";

const [A, B] = process.argv.slice(2, 4);
if (!A || !B) {
  console.error("usage: node tests/e2e/compare.mjs DIST_A DIST_B [LOADS]");
  process.exit(2);
}
const LOADS = Number(process.argv[4] ?? 8);
const SAMPLE = await readFile(join(HERE, "..", "..", "static", "sample.txt"), "utf8");
const per = SAMPLE.split(/\s+/).filter(Boolean).length;
const TEXT = Array.from({ length: Math.ceil(1000 / per) }, () => SAMPLE.trim()).join("\n\n");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function load(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector("#highlighted mark")) {
        window.__firstMark = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url + "#text=" + encodeURIComponent(TEXT));
  await page.waitForFunction(() => window.__firstMark !== undefined, null, { timeout: 20000 });
  const first = await page.evaluate(() => window.__firstMark);
  await page.waitForTimeout(1500);
  const keystroke = await page.evaluate(async () => {
    const t = document.querySelector("#text");
    const channel = new MessageChannel();
    const nextTask = () =>
      new Promise((r) => {
        channel.port1.onmessage = r;
        channel.port2.postMessage(0);
      });
    const out = [];
    for (const ch of " Talks resume on 7 May 2024 in Geneva.") {
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      t.value += ch;
      t.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: ch }));
      await nextTask();
      out.push(performance.now() - t0);
    }
    out.sort((a, b) => a - b);
    return out[out.length >> 1];
  });
  await ctx.close();
  return { first, keystroke };
}

const servers = [await serve(A), await serve(B)];
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const runs = [[], []];
  for (let i = 0; i < LOADS; i++) {
    for (const k of [0, 1]) runs[k].push(await load(browser, servers[k].url));
  }
  [A, B].forEach((dist, k) => {
    const first = median(runs[k].map((r) => r.first));
    const keystroke = median(runs[k].map((r) => r.keystroke));
    console.log(`compare: ${dist}: first highlight ${first.toFixed(0)} ms, keystroke ${keystroke.toFixed(1)} ms (medians of ${LOADS} loads)`);
  });
} finally {
  await browser.close();
  servers.forEach((s) => s.server.close());
}
