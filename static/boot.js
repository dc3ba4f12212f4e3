// Starts the app. Trunk's default loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script loads
// this file instead and passes the (hashed) module and wasm paths as data
// attributes of its own <script> element.
//
// The analysis worker (worker.js, see src/app/worker.rs) is started first,
// so that it fetches the JS glue while the page fetches the wasm; the app
// finds it as `globalThis.entityLensWorker` and sends it the compiled
// module. Where a worker cannot start (file:// pages), the app analyzes on
// the main thread.
performance.mark("entitylens:boot");
const tag = document.querySelector("script[data-wasm-module]");
if (tag) {
  try {
    const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ type: "load", js: new URL(tag.dataset.jsModule, location.href).href });
    globalThis.entityLensWorker = worker;
  } catch {
    // No worker here: the app falls back to the main thread.
  }
  const { default: init } = await import(tag.dataset.jsModule);
  await init({ module_or_path: tag.dataset.wasmModule });
}
// Offline use after one visit (static/sw.js), where the browser allows it
// (http(s) only: not from a file:// URL). Registered once the page is idle
// (after the first highlights are drawn): installing fetches every file of
// the page again, which competed with the first frame.
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  const register = () => navigator.serviceWorker.register(new URL("sw.js", import.meta.url), { scope: "./" }).catch(() => {});
  if ("requestIdleCallback" in globalThis) requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 1000);
}
