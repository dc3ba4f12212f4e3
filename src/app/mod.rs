//! The browser app (wasm32 only). Being built on the `web` branch.

/// Mounts the app.
pub fn start() {}
