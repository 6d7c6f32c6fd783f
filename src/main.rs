//! Entry point: replaces the loading notice with the running kiosk.

fn main() {
    legal_kiosk::remove_loading_notice();
    leptos::mount::mount_to_body(legal_kiosk::App);
}
