// Long documents: analysis in the worker, a 1 MB paste that never freezes
// the page, progressive highlighting, picking far down, the sidebar's cap,
// and the main-thread fallbacks (no Worker; a worker that crashes).

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HERE, SHOTS, check, equal, open, test } from "../harness.mjs";

const SAMPLE = await readFile(join(HERE, "..", "..", "static", "sample.txt"), "utf8");

/** The sample repeated to about `bytes`, paragraphs apart. */
const repeated = (bytes) => (SAMPLE.trim() + "\n\n").repeat(Math.ceil(bytes / (SAMPLE.length + 2)));

/** Pastes `text` as one input event (what a real paste fires). */
const paste = (page, text) =>
  page.evaluate((text) => {
    const t = document.querySelector("#text");
    t.value = text;
    t.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);

const status = (page) => page.$eval("#editor-status", (p) => p.textContent);
const analyzed = (page, timeout = 90000) =>
  page.waitForFunction(() => /mentions/.test(document.querySelector("#editor-status").textContent), null, { timeout });

test("a 1 MB paste is analyzed in the worker while typing and frames go on", async (browser) => {
  const { page, finish } = await open(browser);
  check(page.workers().length === 1, `one analysis worker, got ${page.workers().length}`);
  const long = repeated(1_000_000);
  // Frames counted from the paste until the analysis is shown.
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => {
      window.__frames++;
      if (!/mentions/.test(document.querySelector("#editor-status").textContent) || window.__frames < 3) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await paste(page, long);
  await page.waitForFunction(() => /Analyzing…/.test(document.querySelector("#editor-status").textContent));
  // The editor takes a key at once, analysis still running.
  await page.focus("#text");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("Z");
  const typed = await page.$eval("#text", (t) => t.value.endsWith("Z"));
  check(typed, "the typed character is in the text area");
  check(/Analyzing…/.test(await status(page)), `still analyzing after the key: ${await status(page)}`);
  await analyzed(page);
  const frames = await page.evaluate(() => window.__frames);
  check(frames >= 5, `animation frames while analyzing: ${frames}`);
  // The answer is for the text with the key (the one for the paste alone
  // was dropped or never asked for).
  const end = await page.$eval("#highlighted > .block:last-child", (el) => el.textContent.trimEnd().slice(-20));
  check(end.endsWith("Z"), `the view shows the latest text, ending ${JSON.stringify(end)}`);
  check((await page.$$("#highlighted mark")).length > 0, "marks on the first screen");
  const blocks = await page.$$eval("#highlighted > .block", (b) => b.length);
  check(blocks > 100, `the text is rendered in blocks (${blocks})`);
  // Progressive highlighting reaches the last block.
  await page.waitForFunction(() => {
    const blocks = document.querySelectorAll("#highlighted > .block");
    return blocks[blocks.length - 1].querySelector("mark");
  }, null, { timeout: 60000, polling: 250 });
  const buttons = await page.$$eval(".sidebar button", (b) => b.length);
  check(buttons < 1000, `the sidebar stays small: ${buttons} buttons`);
  // The window only: a full-page shot of 1 MB would be enormous.
  await page.screenshot({ path: join(SHOTS, "long-1mb.png") });
  await finish();
});

test("picking an entity named only at the end of 1 MB scrolls to it", async (browser) => {
  const { page, finish } = await open(browser);
  const long = repeated(1_000_000) + "Finally, Jacinda Ardern spoke to reporters in Wellington.\n";
  await paste(page, long);
  await analyzed(page);
  const entity = page.locator("button.entity", { hasText: "Jacinda Ardern" });
  await entity.click();
  const mark = page.locator("#highlighted mark.focused");
  await mark.waitFor({ timeout: 10000 });
  equal(await mark.locator(".mention-text").textContent(), "Jacinda Ardern", "focused mention");
  await page.waitForFunction(() => {
    const r = document.querySelector("#highlighted mark.focused").getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 10000 });
  await finish();
});

test("a label with many entities lists 50 until 'Show all'", async (browser) => {
  const { page, finish } = await open(browser);
  const months = ["January", "February", "March", "April", "May", "June"];
  const text = Array.from({ length: 60 }, (_, i) => `Meeting ${i + 1} is on ${(i % 28) + 1} ${months[i % 6]} 20${10 + (i % 10)}.`).join("\n");
  await paste(page, text);
  await page.waitForSelector('.group[data-label="DATE"] .show-all');
  const listed = () => page.$$eval('.group[data-label="DATE"] button.entity', (b) => b.length);
  equal(await listed(), 50, "DATE entities listed before 'Show all'");
  const label = await page.textContent('.group[data-label="DATE"] .show-all');
  check(/Show all 60/.test(label), `button says ${label}`);
  await page.click('.group[data-label="DATE"] .show-all');
  equal(await listed(), 60, "DATE entities listed after 'Show all'");
  await finish();
});

test("without Worker the page analyzes on the main thread", async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    delete window.Worker;
  });
  const { page, finish } = await open(browser, { context });
  check(page.workers().length === 0, "no worker");
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const text = repeated(40_000);
  await paste(page, text);
  check(/pause/.test(await status(page)), `status while waiting: ${await status(page)}`);
  await analyzed(page);
  const emails = await page.$$eval('#highlighted mark[data-label="EMAIL"]', (m) => m.length);
  check(emails > 0, "highlights after the pause");
  await finish();
});

test("a worker that crashes leaves the text, says so, and the next edit is analyzed", async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A worker that dies on texts containing CRASH-ME, as one that trapped
  // would: it stops and its error event fires.
  await context.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      postMessage(message, transfer) {
        if (message?.type === "analyze" && message.text.includes("CRASH-ME")) {
          this.terminate();
          setTimeout(() => this.dispatchEvent(new ErrorEvent("error", { message: "simulated crash" })), 20);
          return;
        }
        super.postMessage(message, transfer);
      }
    };
  });
  const { page, finish, reboot, booted } = await open(browser, { context });
  const text = repeated(30_000) + "CRASH-ME\n";
  reboot(); // A fresh worker is fetched after the crash.
  await paste(page, text);
  await page.waitForSelector("#notice", { timeout: 20000 });
  const notice = await page.textContent("#notice");
  check(/Could not analyze this text/.test(notice) && /simulated crash/.test(notice), `notice: ${notice}`);
  equal(await page.$eval("#text", (t) => t.value.length), text.length, "text kept in the editor");
  check((await page.$eval("#highlighted", (el) => el.textContent)).includes("CRASH-ME"), "text shown, unmarked");
  equal((await page.$$("#highlighted mark")).length, 0, "no marks for the failed text");
  await paste(page, text.replace("CRASH-ME", "Fine now."));
  await analyzed(page, 60000);
  check((await page.$$("#highlighted mark")).length > 0, "the next edit is analyzed");
  booted();
  await finish();
});

test("a worker that never says it is ready is given up: the page analyzes on the main thread", async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A worker that swallows its "init" message: it loads, but never answers.
  await context.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      postMessage(message, transfer) {
        if (message?.type === "init") return;
        super.postMessage(message, transfer);
      }
    };
  });
  const { page, finish } = await open(browser, { context });
  const text = repeated(30_000);
  const started = Date.now();
  await paste(page, text);
  await analyzed(page, 30000);
  const waited = Date.now() - started;
  check(waited >= 5000, `analyzed after ${waited} ms: not before the worker was given up`);
  check((await page.$$('#highlighted mark[data-label="EMAIL"]')).length > 0, "highlights from the main thread");
  check(!/Analyzing/.test(await status(page)), `status: ${await status(page)}`);
  await finish();
});
