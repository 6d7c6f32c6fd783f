fn main() {
    legal_kiosk_console::start();
}
