// EntityLens service worker: after one visit the page works offline.
//
// Trunk names the JS, wasm and CSS files by content hash, so nothing here
// lists them: the worker reads the page (index.html) and caches every
// same-folder file it refers to. Pages are fetched network-first (a new
// build is picked up when online) and each fresh page re-caches its files
// and drops the ones no longer referenced; other files come from the cache
// first. Everything is relative to the worker's folder, so dist/ works
// from any sub-folder. Nothing here talks to another origin.

const CACHE = "entitylens";
const SCOPE = new URL("./", self.location).href;
const EXTRA = ["manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png", "worker.js"];
// Trunk's content-hashed names: name-0123456789abcdef(_bg).js/.wasm/.css.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** Same-folder files the page refers to (href, src and the loader's data-*). */
function assets(html) {
  const found = new Set(EXTRA);
  for (const m of html.matchAll(/(?:href|src|data-js-module|data-wasm-module)="([^"]+)"/g)) {
    const url = new URL(m[1], SCOPE);
    if (url.origin === self.location.origin && url.href.startsWith(SCOPE) && !url.search) found.add(url.href);
  }
  return [...found].map((u) => new URL(u, SCOPE).href);
}

/** Caches `page` (a response for the folder's index) and its files; drops the rest. */
async function store(page) {
  const cache = await caches.open(CACHE);
  const html = await page.clone().text();
  const keep = new Set([SCOPE, ...assets(html)]);
  await cache.put(SCOPE, page);
  await Promise.all(
    [...keep].filter((u) => u !== SCOPE).map(async (u) => {
      // A content-hashed file never changes: fetched once. Others
      // (boot.js, the manifest, icons) are refreshed with each fresh page.
      if (HASHED.test(u) && (await cache.match(u))) return;
      const res = await fetch(u, { cache: "no-cache" }).catch(() => null);
      if (res && res.ok) await cache.put(u, res);
    }),
  );
  for (const req of await cache.keys()) {
    if (!keep.has(req.url)) await cache.delete(req);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(SCOPE, { cache: "no-cache" })
      .then((page) => (page.ok ? store(page) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (req.mode === "navigate") {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const index = url.pathname.endsWith("/") || url.pathname.endsWith("/index.html");
          if (res.ok && index) event.waitUntil(store(res.clone()));
          return res;
        })
        .catch(async () => (await caches.match(req, { ignoreSearch: true })) ?? (await caches.match(SCOPE)) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { ignoreSearch: false }).then(
      (hit) =>
        hit ??
        fetch(req).then(async (res) => {
          if (res.ok) await (await caches.open(CACHE)).put(req, res.clone());
          return res;
        }),
    ),
  );
});
