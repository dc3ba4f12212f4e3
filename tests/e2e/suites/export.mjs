// Exports from the page (src/app/components/export_menu.rs): each format
// downloaded (Blob + <a download>, no request) and copied to the clipboard,
// with its content checked, and hostile text escaped in the HTML export.

import { readFile } from "node:fs/promises";
import { check, equal, open, test } from "../harness.mjs";

export const HOSTILE =
  'Mail desk@example.com on 15 December 2023. <script>window.__pwned = true</script> ' +
  '<img src=x onerror="window.__pwned = true"> javascript:alert(1) and Vladimir Putin spoke.';

/** A context that accepts downloads and may read the clipboard. */
export const clipboardContext = (browser, extra = {}) =>
  browser.newContext({
    acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1280, height: 900 },
    ...extra,
  });

/** Clicks `selector` and returns the `n` downloads it starts: [{ name, text }]. */
async function downloads(page, selector, n = 1) {
  const got = [];
  const done = new Promise((ok) => {
    const on = async (d) => {
      got.push({ name: d.suggestedFilename(), text: await readFile(await d.path(), "utf8") });
      if (got.length === n) {
        page.off("download", on);
        ok();
      }
    };
    page.on("download", on);
  });
  await page.click(selector);
  await Promise.race([done, new Promise((_, no) => setTimeout(() => no(new Error(`${selector}: ${got.length} of ${n} downloads`)), 10000))]);
  return got.sort((a, b) => a.name.localeCompare(b.name));
}

test("export: every format downloads and copies, from the current analysis", async (browser) => {
  const context = await clipboardContext(browser);
  const { page, finish } = await open(browser, { context });
  await page.fill("#text", HOSTILE);
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const text = await page.$eval("#text", (t) => t.value);

  // The menu opens from the keyboard and Escape closes it, focus returning.
  await page.focus("#export-toggle");
  await page.keyboard.press("Enter");
  equal(await page.getAttribute("#export-toggle", "aria-expanded"), "true", "menu expanded");
  check(await page.isVisible("#export-menu"), "menu visible");
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement.classList.contains("export-download")), "Tab reaches the first Download");
  await page.keyboard.press("Escape");
  check(!(await page.isVisible("#export-menu")), "Escape closes the menu");
  equal(await page.evaluate(() => document.activeElement.id), "export-toggle", "focus back on the toggle");
  await page.click("#export-toggle");

  const files = {};
  for (const id of ["json", "displacy", "mentions-csv", "entities-csv", "brat", "conll", "html"]) {
    const got = await downloads(page, `.export-download[data-format="${id}"]`, id === "brat" ? 2 : 1);
    files[id] = got;
    // Copy puts the (first) file's content on the clipboard.
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.click(`.export-copy[data-format="${id}"]`);
    await page.waitForFunction(() => document.querySelector("#notice")?.textContent.includes("Copied"));
    const first = id === "brat" ? got.find((f) => f.name.endsWith(".ann")) : got[0];
    equal(await page.evaluate(() => navigator.clipboard.readText()), first.text, `${id}: clipboard equals the download`);
  }
  // JSON: the CLI schema, offsets in code points.
  const json = JSON.parse(files.json[0].text);
  equal(files.json[0].name, "entitylens.json", "json file name");
  const email = json.entities.find((e) => e.label === "EMAIL");
  equal([...text].slice(email.start, email.end).join(""), "desk@example.com", "json e-mail span");
  check(json.date === null || /^\d{4}-\d\d-\d\d$/.test(json.date), `json date ${json.date}`);
  check(Array.isArray(json.groups) && json.groups.length > 0, "json groups");
  const date = json.entities.find((e) => e.label === "DATE");
  equal(date.value, "2023-12-15", "json date value");
  // displaCy.
  const dc = JSON.parse(files.displacy[0].text);
  equal(dc.text, text, "displacy text");
  equal(dc.ents.length, json.entities.length, "displacy ents");
  check(dc.ents.every((e) => typeof e.start === "number" && e.label), "displacy ents shape");
  // CSVs.
  const mentions = files["mentions-csv"][0].text.split("\r\n");
  equal(mentions[0], "start,end,label,text,value,entity,entity_name", "mentions csv header");
  check(mentions.some((l) => l.includes(",EMAIL,desk@example.com")), `mentions csv: ${mentions}`);
  const entities = files["entities-csv"][0].text.split("\r\n");
  equal(entities[0], "ref,label,name,count,aliases,roles", "entities csv header");
  check(entities.some((l) => l.includes("PERSON,Vladimir Putin")), `entities csv: ${entities}`);
  // brat: the .ann and the .txt it annotates.
  equal(files.brat.map((f) => f.name), ["entitylens.ann", "entitylens.txt"], "brat files");
  equal(files.brat[1].text, text, "brat .txt");
  const t = files.brat[0].text.split("\n").find((l) => l.includes("\tEMAIL "));
  const [, s, e] = t.split("\t")[1].split(" ").map(Number);
  equal([...text].slice(s, e).join(""), "desk@example.com", "brat span");
  // CoNLL BIO.
  const conll = files.conll[0].text.split("\n");
  check(conll.includes("Vladimir\tB-PERSON") && conll.includes("Putin\tI-PERSON"), `conll: ${conll.slice(0, 40)}`);
  check(conll.includes("spoke\tO"), "conll O tag");
  // Annotated HTML: everything pasted is escaped, nothing can run.
  const page2html = files.html[0].text;
  check(!/<script/i.test(page2html), "no <script> in the HTML export");
  check(!/<img/i.test(page2html), "no <img> in the HTML export");
  check(!/href\s*=\s*["']?\s*javascript:/i.test(page2html), "no javascript: link");
  check(page2html.includes("&lt;script&gt;window.__pwned = true&lt;/script&gt;"), "script text escaped");
  check(page2html.includes("&lt;img src=x onerror="), "img text escaped");
  check(/<mark data-label="EMAIL"[^>]*>desk@example.com/.test(page2html), "e-mail marked");
  // Rendered, it shows the text and runs nothing.
  const viewer = await context.newPage();
  await viewer.setContent(page2html);
  equal(await viewer.evaluate(() => window.__pwned ?? null), null, "HTML export ran nothing");
  equal(
    await viewer.$$eval("*", (els) => els.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on"))),
    [],
    "event handler attributes in the HTML export",
  );
  equal(await viewer.$$eval("script, img, a[href], iframe, object", (els) => els.length), 0, "active elements in the HTML export");
  check((await viewer.textContent("body")).includes("<script>window.__pwned = true</script>"), "HTML export shows the markup as text");
  await viewer.close();
  equal(await page.evaluate(() => window.__pwned ?? null), null, "page ran nothing");
  await finish();
});
