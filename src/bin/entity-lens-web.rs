//! The browser app's entry point (built by trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    entity_lens::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("entity-lens-web is the browser app: build it with trunk for wasm32.");
    std::process::exit(2);
}
