// Who said what on the page: quotes are underlined in the text, and picking
// one in the quotes panel scrolls to it, emphasizes it and picks its speaker.

import { check, equal, open, shot, test } from "../harness.mjs";

const ARTICLE = [
  "GENEVA - Dmitry Peskov, the Kremlin spokesperson, spoke on Friday.",
  "",
  "\u201cWe are not in a hurry,\u201d Peskov told reporters.",
  "",
  ...Array.from({ length: 60 }, (_, i) => `Filler paragraph ${i + 1} about the weather in the mountains and the price of bread.`),
  "",
  "Maria Lopez met Tom Becker on Monday. \u201cThe conditions are not there yet,\u201d she said.",
].join("\n");

test("quotes are marked in the text and the panel jumps to them", async (browser) => {
  const { page, finish } = await open(browser, { viewport: { width: 1280, height: 700 } });
  await page.fill("#text", ARTICLE);
  await page.waitForSelector('#highlighted [data-quote-start="1"]');
  // Both quotes are underlined where they stand, titled with the speaker.
  const titles = await page.$$eval("#highlighted [data-quote-start]", (els) => els.map((e) => e.title));
  equal(titles, ["Quote \u2014 Dmitry Peskov", "Quote \u2014 Maria Lopez"], "quote titles");
  const quoted = await page.$$eval('#highlighted .in-quote[data-quote="1"]', (els) => els.map((e) => e.textContent).join(""));
  check(quoted.startsWith("\u201cThe conditions are not there yet,\u201d"), `quote 1 text: ${quoted}`);
  // The panel lists them with speakers; the second is far below the fold.
  const speakers = await page.$$eval(".quotes .speaker", (s) => s.map((x) => x.textContent));
  equal(speakers, ["\u2014 Dmitry Peskov", "\u2014 Maria Lopez"], "quote speakers (gender-aware: she = Maria Lopez)");
  await page.click('.quotes button.quote[data-quote="1"]');
  await page.waitForSelector('#highlighted .picked-quote[data-quote="1"]');
  equal(await page.getAttribute('.quotes button.quote[data-quote="1"]', "aria-pressed"), "true", "picked quote pressed");
  // Scrolled into view, and the speaker picked.
  await page.waitForFunction(() => {
    const el = document.querySelector('#highlighted [data-quote-start="1"]');
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  const picked = await page.$$eval("#highlighted mark.picked .mention-text", (ms) => ms.map((m) => m.textContent));
  check(picked.includes("Maria Lopez"), `speaker picked: ${picked}`);
  await shot(page, "quote-picked");
  // Keyboard: the quote buttons are reachable and Enter picks one.
  await page.focus('.quotes button.quote[data-quote="0"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector('#highlighted .picked-quote[data-quote="0"]');
  await finish();
});
