// Web addresses are text; only on request do http(s) ones become links,
// with rel="noopener noreferrer". javascript: never becomes a link.

import { check, equal, open, test } from "../harness.mjs";

test("links: addresses are text until asked, and javascript: never links", async (browser) => {
  const { page, finish, reboot, booted } = await open(browser);
  await page.fill(
    "#text",
    "See https://example.org/report?id=7 or www.example.com, not javascript:alert(document.domain) " +
      "nor data:text/html,<script>alert(1)</script> nor JaVaScRiPt:alert(1).",
  );
  await page.waitForSelector('#highlighted mark[data-label="URL"]');
  equal(await page.$$eval("a", (as) => as.length), 0, "no link before asking");
  const listed = await page.$$eval(".link-list li", (ls) => ls.map((l) => l.textContent));
  check(listed.includes("https://example.org/report?id=7"), `listed: ${listed}`);
  await page.check("#links-clickable");
  await page.waitForSelector(".link-list a");
  const links = await page.$$eval("a", (as) => as.map((a) => ({ href: a.getAttribute("href"), rel: a.rel, target: a.target })));
  check(links.length > 0, "links after asking");
  for (const l of links) {
    check(/^https?:\/\//.test(l.href), `href ${l.href}`);
    equal(l.rel, "noopener noreferrer", `rel of ${l.href}`);
  }
  check(links.some((l) => l.href === "https://example.org/report?id=7"), `links: ${JSON.stringify(links)}`);
  equal(await page.$$eval("a[href]", (as) => as.filter((a) => !/^https?:$/.test(new URL(a.href).protocol)).length), 0, "non-web links");
  equal(await page.$$eval("#highlighted a", (as) => as.length), 0, "the text itself has no links");
  // The setting survives a reload.
  await page.waitForTimeout(600);
  reboot();
  await page.reload();
  await page.waitForSelector(".link-list a");
  booted();
  check(await page.isChecked("#links-clickable"), "setting kept");
  await page.uncheck("#links-clickable");
  equal(await page.$$eval("a", (as) => as.length), 0, "no link after turning it off");
  await finish();
});
