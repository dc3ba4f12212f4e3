// Offline and hosting: after one visit the page works with the network
// off (service worker, static/sw.js); dist/ works from a sub-folder
// (relative asset paths); the single-file build (tools/single-file.mjs)
// opens from disk with no server under a strict hash-based CSP.

import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "../server.mjs";
import { check, DIST, equal, HERE, markCounts, open, SAMPLE_COUNTS, shot, test } from "../harness.mjs";

async function analyses(page) {
  await page.fill("#text", "Write to desk@example.com before 16 December 2023.");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  equal(await page.$$eval("#highlighted mark[data-label]", (ms) => ms.map((m) => m.dataset.label)), ["EMAIL", "DATE"], "marks");
}

test("offline: after one visit the page loads and analyses with the network off", async (browser) => {
  const { page, context, finish, reboot, booted } = await open(browser);
  check(await page.evaluate(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)), "service worker");
  const manifest = await page.$eval('link[rel="manifest"]', (l) => l.href);
  check(manifest.endsWith("/manifest.webmanifest"), `manifest ${manifest}`);
  await context.setOffline(true);
  reboot();
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector("#text", { timeout: 20000 });
  booted();
  check(await page.evaluate(() => navigator.serviceWorker.controller !== null), "page served by the service worker");
  await analyses(page);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const counts = await markCounts(page);
  for (const [label, n] of Object.entries(SAMPLE_COUNTS)) equal(counts[label], n, `offline sample ${label}`);
  await context.setOffline(false);
  await finish();
});

test("hosting: dist/ works from a sub-folder", async (browser) => {
  const root = await mkdtemp(join(tmpdir(), "entitylens-sub-"));
  await cp(DIST, join(root, "tools", "entity-lens"), { recursive: true });
  const { server, url } = await serve(root);
  try {
    const { page, finish } = await open(browser, { url: url + "tools/entity-lens/" });
    await analyses(page);
    const sw = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    equal(sw, url + "tools/entity-lens/", "service worker scope");
    await finish();
  } finally {
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});

test("single file: one HTML file opens from disk, no server, strict CSP", async (browser) => {
  const dir = await mkdtemp(join(tmpdir(), "entitylens-one-"));
  const file = join(dir, "entitylens.html");
  execFileSync(process.execPath, [join(HERE, "..", "..", "tools", "single-file.mjs"), DIST, file]);
  try {
    const html = await readFile(file, "utf8");
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
    check(/script-src 'sha256-[^']+' 'wasm-unsafe-eval'/.test(csp), `CSP: ${csp}`);
    check(!/unsafe-inline|'self'/.test(csp) && /connect-src 'none'/.test(csp), `CSP: ${csp}`);
    check(!/<script[^>]+src=|<link[^>]+(stylesheet|preload|manifest)/.test(html), "no external script, style or preload");
    const { page, finish } = await open(browser, { url: pathToFileURL(file).href });
    await page.click("#sample");
    await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
    const counts = await markCounts(page);
    for (const [label, n] of Object.entries(SAMPLE_COUNTS)) equal(counts[label], n, `single-file sample ${label}`);
    await shot(page, "single-file");
    await finish();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
