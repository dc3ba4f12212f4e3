// The analysis worker (a module worker; see src/app/worker.rs). It runs the
// page's own wasm module:
//
// - {type: "load", js}: start importing wasm-bindgen's JS glue from `js`
//   (boot.js sends this as soon as the page starts, so the fetch overlaps
//   the page's own);
// - {type: "init", js, module}: instantiate the compiled
//   WebAssembly.Module the page sends (nothing is compiled twice) and
//   answer {type: "ready"}, or {type: "failed", message};
// - {type: "analyze", id, text, date}: answer {type: "result", id, bytes,
//   ms}, the analysis in the binary form of src/app/codec.rs with its
//   buffer transferred, or {type: "crashed", id, message} if the module
//   traps, and close: a trapped module may be left in a broken state.
let glue = null;
let ready = null;

self.addEventListener("message", async ({ data }) => {
  if (data?.type === "load") {
    glue ??= import(data.js);
  } else if (data?.type === "init") {
    glue ??= import(data.js);
    try {
      const g = await glue;
      await g.default({ module_or_path: data.module });
      // Load the name model now rather than on the first real request.
      g.analyze_in_worker("Warm up in Paris.", "");
      ready = g;
      self.postMessage({ type: "ready" });
    } catch (e) {
      self.postMessage({ type: "failed", message: String(e?.message ?? e) });
      self.close();
    }
  } else if (data?.type === "analyze" && ready) {
    const started = performance.now();
    try {
      const bytes = ready.analyze_in_worker(data.text, data.date ?? "");
      const ms = performance.now() - started;
      self.postMessage({ type: "result", id: data.id, bytes, ms }, [bytes.buffer]);
    } catch (e) {
      self.postMessage({ type: "crashed", id: data.id, message: String(e?.message ?? e) });
      self.close();
    }
  }
});
