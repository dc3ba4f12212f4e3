// The README's screenshots, taken from the real built page in headless
// Chromium: static/screenshot-light.png and static/screenshot-dark.png
// (the sample article, an entity picked).
//
//   trunk build --release && node tests/e2e/screenshots.mjs [DIST]

import { chromium } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, DIST, HERE } from "./harness.mjs";
import { serve } from "./server.mjs";

const { server, url } = await serve(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: scheme });
    await page.goto(url);
    await page.click("#sample");
    await page.waitForSelector('#highlighted mark[data-label="EMAIL"]');
    await page.click('.sidebar button.entity:has-text("Vladimir Putin")');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const out = join(HERE, "..", "..", "static", `screenshot-${scheme}.png`);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
