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
//
// Once ready, the worker warms the module up: it analyzes the built-in
// sample WARM_UP_RUNS times, one run per task, so a request waits for one
// run (a few ms) at most. Chromium first runs each wasm function as
// quickly compiled baseline code and optimizes it only after it has done
// enough work, and only for its *next* call: a function running when its
// optimized code arrives finishes in baseline code. A first paste of 1 MB,
// analyzed cold, ran mostly in baseline code: 1.14-1.17 s in the worker
// against 0.69-0.74 s after this warm-up (tests/e2e/perf.mjs, alternating
// loads; 200 runs, or fewer runs of a longer text, were within noise of
// 60). When done it tells the page ({type: "warm"}).
const WARM_UP_RUNS = 60;
let glue = null;
let ready = null;

function warmUp(g, runs) {
  if (runs <= 0) {
    // The page marks it on its timeline (entitylens:warm).
    self.postMessage({ type: "warm" });
    return;
  }
  setTimeout(() => {
    try {
      g.warm_up();
    } catch {
      // A trap here is reported by the next real request, if it recurs.
      return;
    }
    warmUp(g, runs - 1);
  }, 0);
}

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
      warmUp(g, WARM_UP_RUNS);
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
