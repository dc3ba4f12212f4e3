// Share and keep: "Copy link" puts the text, compressed, in #z=; damaged
// and oversized links are refused with a clear message; settings survive
// a reload; "Clear" can be undone.

import { deflateRawSync } from "node:zlib";
import { base, check, equal, open, shot, test } from "../harness.mjs";
import { clipboardContext, HOSTILE } from "./export.mjs";

const b64url = (buf) => buf.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

test("share: Copy link encodes the text in #z= and the link opens it", async (browser) => {
  const context = await clipboardContext(browser);
  const { page, finish } = await open(browser, { context });
  const text = `${HOSTILE}\n👋 東京 مرحبا — ${"Rafael Grossi met Vladimir Putin in Sochi. ".repeat(40)}`;
  await page.fill("#text", text);
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  await page.click("#copy-link");
  await page.waitForFunction(() => document.querySelector("#notice")?.textContent.includes("Link copied"));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  check(link.startsWith(base() + "#z="), `link: ${link.slice(0, 80)}`);
  check(/^[A-Za-z0-9_-]+$/.test(link.split("#z=")[1]), "base64url only");
  check(link.length < encodeURIComponent(text).length / 4, `compressed: ${link.length} vs ${encodeURIComponent(text).length}`);
  await finish();
  // A fresh browser (empty storage) opening the link sees the same text.
  const other = await open(browser, { hash: "#z=" + link.split("#z=")[1] });
  equal(await other.page.$eval("#text", (t) => t.value), text, "text from the link");
  equal(await other.page.evaluate(() => location.hash), "", "fragment dropped after opening");
  equal(await other.page.evaluate(() => window.__pwned ?? null), null, "nothing ran");
  await other.finish();
});

test("share: damaged and oversized #z= links are refused with a clear message", async (browser) => {
  for (const [hash, expected] of [
    ["#z=abc$def", /not base64url at position 3/],
    ["#z=" + b64url(deflateRawSync(Buffer.from("Ann met Bob.")).subarray(0, 5)), /damaged or cut short/],
    ["#z=" + b64url(deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 0x61))), /would expand to more than 4194304 bytes; refused/],
  ]) {
    const { page, finish } = await open(browser, { hash });
    await page.waitForSelector("#notice.error");
    const notice = await page.$eval("#notice", (n) => n.textContent);
    check(expected.test(notice), `${hash.slice(0, 30)}: ${notice}`);
    equal(await page.$eval("#text", (t) => t.value), "", "no partial text");
    await finish();
  }
  // #text= keeps working.
  const { page, finish } = await open(browser, { hash: "#text=" + encodeURIComponent("Write to a@example.org") });
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  await finish();
});

test("keep: the document date and hidden labels survive a reload", async (browser) => {
  const { page, finish, reboot, booted } = await open(browser);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  await page.fill("#document-date", "2024-03-06");
  await page.waitForFunction(() => document.querySelector("#document-date-source").dataset.source === "user");
  await page.click('.toggles button[data-label="MONEY"]');
  await page.waitForTimeout(600);
  reboot();
  await page.reload();
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  booted();
  equal(await page.$eval("#document-date", (i) => i.value), "2024-03-06", "document date after reload");
  equal(await page.$eval("#document-date-source", (s) => s.dataset.source), "user", "date source after reload");
  equal(await page.$$eval('#highlighted mark[data-label="MONEY"]', (m) => m.length), 0, "MONEY still hidden");
  await finish();
});

test("clear: the text goes, and Undo brings it back", async (browser) => {
  const { page, finish, reboot, booted } = await open(browser);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const sample = await page.$eval("#text", (t) => t.value);
  await page.click("#clear");
  equal(await page.$eval("#text", (t) => t.value), "", "cleared");
  await page.waitForSelector("#undo-clear");
  equal(await page.$eval("#undo-clear", (n) => n.getAttribute("role")), "status", "undo offer is announced");
  await shot(page, "undo-clear");
  await page.click("#undo");
  equal(await page.$eval("#text", (t) => t.value), sample, "text restored");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  check(!(await page.$("#undo-clear")), "offer gone after undo");
  // Restored text is what a reload shows.
  await page.waitForTimeout(600);
  reboot();
  await page.reload();
  await page.waitForSelector("#text");
  booted();
  equal(await page.$eval("#text", (t) => t.value), sample, "restored text kept");
  await finish();
});
