// The e2e harness: test registry, assertions, and `open()`, which loads the
// page in a fresh browser context and records console errors, CSP
// violations and every request made after boot. Suites in suites/*.mjs
// import from here; run.mjs serves dist/ and runs them.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(process.argv[2] ?? join(HERE, "..", "..", "dist"));
export const SHOTS = join(HERE, "screenshots");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const SAMPLE_COUNTS = { DATE: 11, TIME: 1, MONEY: 3, EMAIL: 1, URL: 1, PHONE: 1, HASHTAG: 1, MENTION: 1 };

// ---------------------------------------------------------------- harness

export const tests = [];
export const test = (name, fn) => tests.push({ name, fn });

export class Failure extends Error {}
export function check(cond, message) {
  if (!cond) throw new Failure(message);
}
export function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/**
 * Opens the page in a fresh context (empty storage) unless one is given;
 * `init` is a function run in the page before its own scripts.
 * Records console errors, CSP violations and every request made after the
 * app has booted; `finish()` fails the test on any of them.
 */
export async function open(browser, { hash = "", url, context, viewport, colorScheme, init } = {}) {
  const ctx =
    context ??
    (await browser.newContext({
      viewport: viewport ?? { width: 1280, height: 900 },
      colorScheme: colorScheme ?? "light",
    }));
  const page = await ctx.newPage();
  const problems = [];
  let booted = false;
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) {
      problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(page.__origin)) problems.push(`request to another origin: ${url}`);
    if (booted) problems.push(`request after load: ${r.method()} ${url}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // `init` runs in the page before its own scripts (to observe start-up).
  if (init) await page.addInitScript(init);
  // `url` opens another copy of the page (a sub-folder, a file:// URL).
  const target = url ?? BASE + hash;
  page.__origin = target.startsWith("file:") ? "file://" : new URL(target).origin + "/";
  await page.goto(target, { waitUntil: "load" });
  await page.waitForSelector("#text", { timeout: 20000 });
  await page.waitForLoadState("networkidle");
  // The service worker (static/sw.js) caches the page's files once, from
  // its own context; booting ends when it is active.
  await serviceWorkerReady(page);
  booted = true;
  const finish = async () => {
    const csp = await page.evaluate(() => window.__csp).catch(() => []);
    for (const v of csp) problems.push(`CSP violation: ${v}`);
    check(problems.length === 0, problems.join("\n"));
  };
  return { page, context: ctx, finish, problems, reboot: () => (booted = false), booted: () => (booted = true) };
}

/** Waits (up to 10 s) until the page's service worker is active, where there is one. */
export async function serviceWorkerReady(page) {
  await page.evaluate(() =>
    "serviceWorker" in navigator && location.protocol.startsWith("http")
      ? Promise.race([navigator.serviceWorker.ready, new Promise((ok) => setTimeout(ok, 10000))]).then(() => true)
      : true,
  );
}

/** Counts of marks by label. */
export async function markCounts(page) {
  return page.$$eval("#highlighted mark[data-label]", (marks) => {
    const counts = {};
    for (const m of marks) counts[m.dataset.label] = (counts[m.dataset.label] ?? 0) + 1;
    return counts;
  });
}

/** The text of each mark with `label`, chips excluded. */
export const marked = (page, label) =>
  page.$$eval(`#highlighted mark[data-label="${label}"] .mention-text`, (els) => els.map((e) => e.textContent));

/** What a reader sees in the highlighted view, chips excluded. */
export const readingText = (page) =>
  page.$eval("#highlighted", (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(".chip, mark .visually-hidden").forEach((n) => n.remove());
    return copy.textContent;
  });

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// ------------------------------------------------------------------ tests

// ------------------------------------------------------------- base URL

let BASE = "";
/** Sets the served page's URL (run.mjs does, before any test). */
export function setBase(url) {
  BASE = url;
}
/** The served page's URL. */
export const base = () => BASE;
