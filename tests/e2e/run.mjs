// End-to-end test of the built page in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; no browser download).
//
//   node tests/e2e/run.mjs [DIST]        (default: dist)
//
// Serves DIST on 127.0.0.1, then checks what a person would: highlights and
// sidebar counts, #text= links, reload keeping the text, pasted markup not
// running, non-ASCII text, dropped files, toggles, picking, the document
// date, colour contrast, phone width, keyboard use — and that the page
// boots under its CSP and sends no request after load. Screenshots go to
// tests/e2e/screenshots/. The last line is `e2e: N passed, M failed`.


import { chromium } from "playwright-core";
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { CHROMIUM, DIST, Failure, HERE, SHOTS, setBase, tests } from "./harness.mjs";

// Every suite registers its tests on import, in file-name order
// (E2E_SUITES=export,share runs only those suites).
const only = process.env.E2E_SUITES?.split(",");
for (const f of (await readdir(join(HERE, "suites")))
  .filter((f) => f.endsWith(".mjs") && (!only || only.includes(f.slice(0, -4))))
  .sort()) {
  await import(pathToFileURL(join(HERE, "suites", f)).href);
}

async function main() {
  await mkdir(SHOTS, { recursive: true });
  const { server, url } = await serve(DIST);
  setBase(url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const { name, fn } of tests) {
      const started = Date.now();
      try {
        await fn(browser);
        passed++;
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(e instanceof Failure ? e.message : e.stack).replace(/\n/g, "\n     ")}`);
      } finally {
        for (const ctx of browser.contexts()) await ctx.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

await main();
