// How a page load unfolds: the first frame highlights the opening of the
// text; the rest of the text, the sidebar and the analysis worker follow
// (src/app/components/highlighted_view.rs OPENING_BYTES, app.rs,
// src/app/timing.rs). The order is checked here; speed is perf.mjs's.

import { article } from "../measure.mjs";
import { check, equal, open, test } from "../harness.mjs";

test("startup: a linked article's opening is highlighted first, then the rest, the sidebar and the worker", async (browser) => {
  const text = article(1000);
  const { page, finish } = await open(browser, {
    hash: "#text=" + encodeURIComponent(text),
    init: () => {
      window.__paints = [];
      new PerformanceObserver((list) => window.__paints.push(...list.getEntries().map((e) => e.identifier))).observe({
        type: "element",
        buffered: true,
      });
      new MutationObserver((_, obs) => {
        const view = document.querySelector("#highlighted");
        if (!view?.querySelector("mark")) return;
        obs.disconnect();
        const blocks = [...view.querySelectorAll(".block")];
        window.__first = {
          blocks: blocks.length,
          highlighted: blocks.filter((b) => b.querySelector("mark")).length,
          firstHighlighted: !!blocks[0]?.querySelector("mark"),
          sidebarBusy: document.querySelector(".sidebar")?.getAttribute("aria-busy"),
          dateInput: !!document.querySelector("#document-date"),
          viewTop: view.getBoundingClientRect().top,
          marks: performance.getEntriesByType("mark").map((m) => m.name),
        };
      }).observe(document, { childList: true, subtree: true });
    },
  });
  await page.waitForFunction(() => window.__first && !document.querySelector(".sidebar[aria-busy]"));
  const first = await page.evaluate(() => window.__first);
  check(first.firstHighlighted, "the first block is highlighted in the first render");
  check(first.blocks >= 4 && first.highlighted < first.blocks, `first render: ${first.highlighted} of ${first.blocks} blocks highlighted`);
  equal(first.sidebarBusy, "true", "the sidebar is built after the first frame");
  check(!first.dateInput, "the date input (an SVG calendar button in Chromium) comes after the first frame");
  // ...in a placeholder of its size: nothing below it moves.
  equal(await page.$eval("#highlighted", (v) => v.getBoundingClientRect().top), first.viewTop, "the view's top after the first frame");
  check(await page.$("#document-date"), "the date input is there after the first frame");
  check(!first.marks.includes("entitylens:settling"), `marks at the first highlight: ${first.marks}`);
  // Soon every block is highlighted: as many marks as the status counts.
  await page.waitForFunction(() => [...document.querySelectorAll("#highlighted .block")].every((b) => b.querySelector("mark")));
  const status = await page.$eval("#editor-status", (p) => p.textContent);
  const mentions = Number(status.match(/^(\d+) mentions/)?.[1]);
  equal(await page.$$eval("#highlighted mark[data-mention]", (m) => m.length), mentions, "marks once all blocks are highlighted");
  // The steps are marked on the page's timeline, in order, and the browser
  // reports when the highlighted text was painted (Element Timing).
  const steps = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name.replace("entitylens:", "")));
  equal(steps.filter((s) => ["boot", "start", "text", "analyzed", "rendered", "settling"].includes(s)), ["boot", "start", "text", "analyzed", "rendered", "settling"], "timeline marks");
  check((await page.evaluate(() => window.__paints)).includes("highlight"), "Element Timing reports the highlighted text");
  // The worker warms the module up once started, and says when it is done.
  await page.waitForFunction(() => performance.getEntriesByName("entitylens:warm").length > 0, null, { timeout: 20000 });
  // The worker was started after the first frame and analyzes long texts.
  await page.fill("#text", text.repeat(12));
  await page.waitForFunction(
    (before) => Number(document.querySelector("#editor-status").textContent.match(/^(\d+) mentions/)?.[1]) > before,
    mentions,
    { timeout: 20000 },
  );
  await finish();
});

test("startup: the static page warms up every font the first screen uses", async (browser) => {
  const { page, finish } = await open(browser, {
    hash: "#text=" + encodeURIComponent(article(1000)),
    init: () => {
      // Each font (family, size, weight, style) with text on screen when
      // the first highlights are drawn, and those of the warm-up samples.
      const font = (el) => {
        const s = getComputedStyle(el);
        return [s.fontFamily, s.fontSize, s.fontWeight, s.fontStyle].join(" / ");
      };
      new MutationObserver((_, obs) => {
        if (!document.querySelector("#highlighted mark")) return;
        obs.disconnect();
        const used = new Set();
        for (const el of document.querySelectorAll("#app *")) {
          const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
          if ((text || el.matches("textarea, input")) && el.getClientRects().length) used.add(font(el));
        }
        window.__fonts = {
          used: [...used],
          warm: [...document.querySelectorAll(".font-warmup > *")].map(font),
        };
      }).observe(document, { childList: true, subtree: true });
    },
  });
  await page.waitForFunction(() => window.__fonts);
  const { used, warm } = await page.evaluate(() => window.__fonts);
  check(used.length >= 4, `fonts on the first screen: ${used.join(" | ")}`);
  const missing = used.filter((f) => !warm.includes(f));
  equal(missing, [], "fonts of the first screen missing from the warm-up in index.html");
  // The samples take no room and say nothing to a screen reader.
  const box = await page.$eval(".font-warmup", (w) => ({ hidden: w.getAttribute("aria-hidden"), visibility: getComputedStyle(w).visibility, position: getComputedStyle(w).position }));
  equal(box, { hidden: "true", visibility: "hidden", position: "absolute" }, "the warm-up samples");
  await finish();
});
