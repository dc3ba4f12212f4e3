// Keyboard and screen readers: j/k walk the mentions, e the entities,
// Enter opens a mention's entity; marks announce their type; visible
// focus; print stylesheet; dark mode.

import { check, equal, open, shot, test } from "../harness.mjs";

const active = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName, mention: a.dataset.mention ?? null, entity: a.dataset.entity ?? null, pressed: a.getAttribute("aria-pressed") };
  });

test("keyboard: next/previous mention, next entity, open in the sidebar", async (browser) => {
  const { page, finish } = await open(browser);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const total = await page.$$eval("#highlighted mark[data-mention]", (m) => m.length);
  await page.keyboard.press("j");
  equal(await active(page), { tag: "MARK", mention: "0", entity: null, pressed: null }, "j: first mention");
  const status = await page.$eval("#nav-status", (s) => s.textContent);
  check(status.startsWith(`Mention 1 of ${total}: `) && /\(\w[\w ]*\)$/.test(status), `status: ${status}`);
  equal(await page.$eval("#nav-status", (s) => s.getAttribute("aria-live")), "polite", "status is live");
  // Visible focus on the mark.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== "none", `focus outline: ${outline}`);
  await page.keyboard.press("j");
  equal((await active(page)).mention, "1", "j: second mention");
  await page.keyboard.press("k");
  equal((await active(page)).mention, "0", "k: back");
  await page.keyboard.press("k");
  equal((await active(page)).mention, String(total - 1), "k wraps to the last");
  await page.keyboard.press("n");
  equal((await active(page)).mention, "0", "n wraps to the first");
  // Walk to the first PERSON mark, then open its entity with Enter.
  const person = await page.$eval('#highlighted mark[data-label="PERSON"]', (m) => Number(m.dataset.mention));
  for (let i = 0; i < person; i++) await page.keyboard.press("j");
  equal((await active(page)).mention, String(person), "at the first person");
  await shot(page, "keyboard-focus");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.matches(".sidebar button.entity[aria-pressed='true']"));
  const opened = await page.evaluate(() => document.activeElement.querySelector(".entity-name").textContent);
  const name = await page.$eval('#highlighted mark[data-label="PERSON"]', (m) => m.title);
  check(name.includes(opened), `opened ${opened}, mark says ${name}`);
  // e: the next entity in the sidebar is picked and focused.
  const before = (await active(page)).entity;
  await page.keyboard.press("e");
  const after = await active(page);
  check(after.entity !== null && after.entity !== before && after.pressed === "true", `e: ${JSON.stringify(after)}`);
  await page.keyboard.press("E");
  equal((await active(page)).entity, before, "E: back");
  // Buttons do the same.
  await page.click("#next-mention");
  check((await page.$eval("#nav-status", (s) => s.textContent)).startsWith("Mention "), "button moves");
  // Typing j in the text area types j.
  await page.click("#text");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" jk");
  check((await page.$eval("#text", (t) => t.value)).endsWith(" jk"), "j and k typed into the text");
  equal((await active(page)).tag, "TEXTAREA", "focus stays in the text");
  await finish();
});

test("screen readers: each mark says its text and type; chips are not read twice", async (browser) => {
  const { page, finish } = await open(browser);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="PERSON"]');
  const bad = await page.$$eval("#highlighted mark[data-mention]", (ms) =>
    ms.filter((m) => {
      const hidden = m.querySelector(".visually-hidden")?.textContent ?? "";
      return !/^ \(.+\)$/.test(hidden) || m.querySelector(".chip")?.getAttribute("aria-hidden") !== "true";
    }).length,
  );
  equal(bad, 0, "marks without a spoken type");
  const snapshot = await page.locator("#highlighted").ariaSnapshot();
  check(/Putin \(Person\)/.test(snapshot.replace(/\s+/g, " ")), `aria snapshot: ${snapshot.slice(0, 300)}`);
  check(/region "Text with entities highlighted"/.test(snapshot), "region label");
  const nav = await page.locator(".sidebar").ariaSnapshot();
  check(/navigation "Entities by label"/.test(nav) && /button "Vladimir Putin/.test(nav), `sidebar: ${nav.slice(0, 300)}`);
  await finish();
});

test("print: only the highlighted text and the entity list, chips in black", async (browser) => {
  const { page, finish } = await open(browser);
  await page.click("#sample");
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".editor", ".controls", ".tools", ".links", ".tagline"]) {
    equal(await page.$eval(hidden, (e) => getComputedStyle(e).display), "none", `${hidden} in print`);
  }
  check(await page.isVisible("#highlighted") && await page.isVisible(".sidebar .group"), "text and entities printed");
  const chip = await page.$eval("#highlighted mark .chip", (c) => ({ color: getComputedStyle(c).color, display: getComputedStyle(c).display, border: getComputedStyle(c).borderTopStyle }));
  equal(chip, { color: "rgb(0, 0, 0)", display: "inline", border: "solid" }, "chip in print");
  await shot(page, "print");
  await page.emulateMedia({ media: "screen" });
  await finish();
});

test("dark mode follows prefers-color-scheme", async (browser) => {
  for (const [scheme, dark] of [["dark", true], ["light", false]]) {
    const { page, finish } = await open(browser, { colorScheme: scheme });
    await page.click("#sample");
    await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    check(dark ? luminance < 0.2 : luminance > 0.8, `${scheme}: body ${bg}`);
    await finish();
  }
});
