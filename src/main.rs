//! Entry point: crash recovery first, then the kiosk's configuration
//! (`kiosk.json`), then the running kiosk replaces the loading notice.

fn main() {
    legal_kiosk::ops::crash::install();
    wasm_bindgen_futures::spawn_local(async {
        legal_kiosk::ops::config::load().await;
        legal_kiosk::remove_loading_notice();
        leptos::mount::mount_to_body(legal_kiosk::App);
        legal_kiosk::mark_interactive();
    });
}
