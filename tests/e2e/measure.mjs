// Measurements shared by perf.mjs (the budgets, printed by CI) and
// compare.mjs (two builds back to back): the article they use, medians,
// the first highlight of a page load and the keystroke loop.

import { chromium } from "playwright-core";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { CHROMIUM, HERE } from "./harness.mjs";

export const SAMPLE = await readFile(join(HERE, "..", "..", "static", "sample.txt"), "utf8");

/** The sample repeated to at least `words` words. */
export function article(words) {
  const per = SAMPLE.split(/\s+/).filter(Boolean).length;
  return Array.from({ length: Math.ceil(words / per) }, () => SAMPLE.trim()).join("\n\n");
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Headless Chromium as the probe and CI start it. EXTRA_ARGS (space
 * separated) adds flags for an experiment, e.g. EXTRA_ARGS="--js-flags=..."
 */
export const launch = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(" ") : []), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });

/**
 * Opens `text` by a #text= link in a new page of `ctx`; returns the page,
 * the time from navigation start to the first mark in the DOM (`ms`) and
 * to the highlighted text painted on screen (`painted`, Element Timing's
 * render time), and where that time went: when the wasm module had
 * arrived (`wasmAt`, from navigation start) and how long the first
 * analysis took (`analysisMs`, from the status line; undefined if it says
 * nothing); `startedAt` and `analyzedAt` are the app's own marks (its
 * wasm started, the first analysis done), undefined in builds without.
 */
export async function openFirstHighlight(ctx, url, text) {
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    // Both observers settle one promise, so the harness waits for it with a
    // single evaluate issued at navigation commit: Playwright's polling
    // script (waitForFunction) used to be compiled on the page's main
    // thread at the load event, 25-40 ms right between the first
    // highlighted frame's layout and its raster (traces), which no user's
    // browser does.
    let markAt;
    let paintAt;
    let settle;
    window.__firstHighlight = new Promise((resolve) => (settle = resolve));
    const done = () => {
      if (markAt !== undefined && paintAt !== undefined) settle({ ms: markAt, painted: paintAt });
    };
    new MutationObserver((_, obs) => {
      if (document.querySelector("#highlighted mark")) {
        markAt = performance.now();
        obs.disconnect();
        // A build without elementtiming reports no paint: give up on it
        // 5 s after the mark (`painted` is then NaN).
        setTimeout(() => {
          paintAt ??= NaN;
          done();
        }, 5000);
        done();
      }
    }).observe(document, { childList: true, subtree: true });
    // The highlighted blocks carry elementtiming="highlight": the browser
    // reports when their text is first painted (presented on screen).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === "highlight" && paintAt === undefined) {
          paintAt = e.renderTime || e.loadTime;
          done();
        }
      }
    }).observe({ type: "element", buffered: true });
  });
  await page.goto(url + "#text=" + encodeURIComponent(text), { waitUntil: "commit" });
  const first = await Promise.race([
    page.evaluate(() => window.__firstHighlight),
    new Promise((_, reject) => setTimeout(() => reject(new Error("no highlight within 20 s")), 20000)),
  ]);
  const found = await page.evaluate(() => ({
    // The app's own User Timing marks (src/app/timing.rs).
    started: performance.getEntriesByName("entitylens:start")[0]?.startTime,
    analyzed: performance.getEntriesByName("entitylens:analyzed")[0]?.startTime,
    wasmAt: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd,
    status: document.querySelector("#editor-status")?.textContent ?? "",
  }));
  found.ms = first.ms;
  found.painted = Number.isNaN(first.painted) ? undefined : first.painted;
  const analysis = found.status.match(/analyzed in ([\d.]+) ms/);
  return {
    page,
    ms: found.ms,
    painted: found.painted,
    wasmAt: found.wasmAt,
    startedAt: found.started,
    analyzedAt: found.analyzed,
    analysisMs: analysis ? Number(analysis[1]) : undefined,
  };
}

/**
 * Types " Talks resume on 7 May 2024 in Geneva." into the editor, one
 * character every 30 ms; returns each character's time from its input
 * event to the next task (the page having analyzed and re-rendered).
 */
export const typeSentence = (page) =>
  page.evaluate(async () => {
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
    return out;
  });
