// Files: .md opens as readable text, .html as its visible text with
// nothing run or fetched, anything else gets a clear message.

import { check, equal, open, test } from "../harness.mjs";

async function openFile(page, name, mimeType, content) {
  await page.setInputFiles("#file", { name, mimeType, buffer: Buffer.from(content, "utf8") });
}

test("files: Markdown opens without its syntax", async (browser) => {
  const { page, finish } = await open(browser);
  await openFile(
    page,
    "notes.md",
    "text/markdown",
    "# Talks in *Sochi*\n\n**Vladimir Putin** met [Rafael Grossi](https://www.iaea.org/) on 15 December 2023.\n\n- Write to `press@entitylens.example`\n",
  );
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  equal(
    await page.$eval("#text", (t) => t.value),
    "Talks in Sochi\n\nVladimir Putin met Rafael Grossi on 15 December 2023.\n\nWrite to press@entitylens.example\n",
    "markdown text",
  );
  await finish();
});

test("files: HTML opens as its visible text; scripts never run, nothing is fetched", async (browser) => {
  const { page, finish } = await open(browser);
  const html = `<!doctype html><html><head><title>IAEA talks</title><style>p{color:red}</style>
    <script>window.__pwned = true</script><link rel="stylesheet" href="https://evil.example/x.css"></head>
    <body onload="window.__pwned = true"><h1>Talks in Sochi</h1>
    <p>Vladimir Putin met <b>Rafael Grossi</b> on 15&nbsp;December 2023.</p>
    <img src="https://evil.example/pixel.png" onerror="window.__pwned = true">
    <template><p>template text</p></template><noscript>noscript text</noscript>
    <ul><li>Write to press@entitylens.example</li><li>Call +41 22 555 0199</li></ul>
    <script>document.write("written")</script><iframe src="https://evil.example/"></iframe></body></html>`;
  await openFile(page, "page.html", "text/html", html);
  await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
  const text = await page.$eval("#text", (t) => t.value);
  equal(
    text,
    "IAEA talks\n\nTalks in Sochi\nVladimir Putin met Rafael Grossi on 15\u00a0December 2023.\nWrite to press@entitylens.example\nCall +41 22 555 0199\n",
    "visible text",
  );
  for (const hidden of ["template text", "noscript text", "written", "color:red", "__pwned"]) {
    check(!text.includes(hidden), `"${hidden}" is not visible text`);
  }
  equal(await page.evaluate(() => window.__pwned ?? null), null, "nothing ran");
  await finish(); // fails on any request (the stylesheet, image or frame)
});

test("files: other kinds get a clear message and the text is kept", async (browser) => {
  const { page, finish } = await open(browser);
  await page.fill("#text", "Keep me: keep@example.com");
  await openFile(page, "report.pdf", "application/pdf", "%PDF-1.4");
  await page.waitForSelector("#notice.error");
  const notice = await page.$eval("#notice", (n) => n.textContent);
  check(/report\.pdf/.test(notice) && /not a text file/.test(notice) && /\.txt, \.md or \.html/.test(notice), `notice: ${notice}`);
  equal(await page.$eval("#text", (t) => t.value), "Keep me: keep@example.com", "text kept");
  await finish();
});
