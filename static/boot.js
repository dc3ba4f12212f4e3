// Starts the app. Trunk's default loader is an inline script, which the
// page's Content-Security-Policy forbids; Trunk.toml's pattern_script loads
// this file instead and passes the (hashed) module and wasm paths as data
// attributes of its own <script> element.
const tag = document.querySelector("script[data-wasm-module]");
if (tag) {
  const { default: init } = await import(tag.dataset.jsModule);
  await init({ module_or_path: tag.dataset.wasmModule });
}
// Offline use after one visit (static/sw.js), where the browser allows it
// (http(s) only: not from a file:// URL).
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register(new URL("sw.js", import.meta.url), { scope: "./" }).catch(() => {});
}
