#!/usr/bin/env node
// Turns a trunk build (dist/) into ONE self-contained HTML file that opens
// from disk (file://) with no server: the stylesheet becomes a <style>,
// the wasm-bindgen module and the loader become one inline module script,
// and the wasm is inlined gzipped and base64-encoded (unpacked in the
// browser by DecompressionStream, no request). The Content-Security-Policy
// stays strict: scripts and styles are allowed by their SHA-256 hashes
// (no 'unsafe-inline'), every fetch, frame and plugin is forbidden.
//
//   trunk build --release && node tools/single-file.mjs [DIST] [OUT]
//   (defaults: dist, dist-single/entitylens.html)
//
// Offline caching (service worker) and the manifest need http(s) and are
// left out: the file is already offline.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? join("dist-single", "entitylens.html");

let html = readFileSync(join(dist, "index.html"), "utf8");
const read = (rel) => readFileSync(join(dist, rel));

/** Replaces exactly one match of `pattern`, or fails. */
function once(pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.replace("g", "") + "g")) ?? [];
  if (matches.length !== 1) throw new Error(`single-file: expected one ${what} in index.html, found ${matches.length}`);
  html = html.replace(pattern, replacement);
}
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// The loader's tag names the module and the wasm.
const loader = html.match(/<script[^>]*data-js-module="([^"]+)"[^>]*data-wasm-module="([^"]+)"[^>]*><\/script>/);
if (!loader) throw new Error("single-file: no loader <script data-js-module data-wasm-module> in index.html");
const [, jsPath, wasmPath] = loader;

// The module without its export line, then the start-up from inlined bytes.
let js = read(jsPath).toString("utf8");
if (!/__wbg_init as default/.test(js)) throw new Error("single-file: the wasm-bindgen module has no __wbg_init default export");
js = js.replace(/^export \{[^}]*\};?\s*$/m, "");
const wasm = gzipSync(read(wasmPath), { level: 9 }).toString("base64");
const script =
  js +
  `
// Inlined by tools/single-file.mjs: the wasm, gzipped and base64-encoded.
const packed = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
const bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
await __wbg_init({ module_or_path: bytes });
`;
if (/<\/script/i.test(script)) throw new Error("single-file: the script contains </script");

const cssHref = html.match(/<link rel="stylesheet" href="([^"]+)"[^>]*\/?>/);
if (!cssHref) throw new Error("single-file: no stylesheet link in index.html");
const css = read(cssHref[1]).toString("utf8");
if (/<\/style/i.test(css)) throw new Error("single-file: the stylesheet contains </style");

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

once(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${csp}$2`, "CSP meta");
once(/<link rel="stylesheet" href="[^"]+"[^>]*\/?>/, () => `<style>${css}</style>`, "stylesheet");
once(/<link rel="manifest"[^>]*\/?>/, "", "manifest link");
once(/<link rel="modulepreload"[^>]*>/, "", "module preload");
once(/<link rel="preload"[^>]*>/, "", "wasm preload");
once(/<script[^>]*data-js-module="[^"]+"[^>]*><\/script>/, () => `<script type="module">${script}</script>`, "loader script");

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: wrote ${out} (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB)`);
