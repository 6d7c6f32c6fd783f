//! A QR code drawn in the kiosk (the `qrcode` crate, SVG output) from a short
//! text that carries no personal data: a reference and the path to look it up.

use leptos::prelude::*;
use qrcode::{EcLevel, QrCode, render::svg};

/// The SVG markup of a QR code for `data`, or `None` if it is too long for one.
pub fn qr_svg(data: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(160, 160)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The XML declaration means nothing inside an HTML page.
    Some(match svg.find("<svg") {
        Some(i) => svg[i..].to_owned(),
        None => svg,
    })
}

/// Where a booking can be looked up, for the QR code: this kiosk's origin (the
/// hall's public address in a deployment) and the lookup path with the reference.
pub fn lookup_url(origin: &str, reference: &str) -> String {
    format!("{origin}/booking/lookup?ref={reference}")
}

#[component]
pub fn QrCode(
    /// What the code carries: never personal data.
    data: String,
    /// What a screen reader says instead of the picture.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let svg = qr_svg(&data).unwrap_or_default();
    view! {
        <div class="kiosk-qr" role="img" aria-label=move || label.get() inner_html=svg></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_an_svg_of_the_lookup_address_only() {
        let url = lookup_url("http://127.0.0.1:8080", "A1234567");
        assert_eq!(url, "http://127.0.0.1:8080/booking/lookup?ref=A1234567");
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("<path") || svg.contains("<rect"));
        // Decoding is left to the E2E test; here: different data, different code.
        assert_ne!(
            svg,
            qr_svg("http://127.0.0.1:8080/booking/lookup?ref=A1234568").unwrap()
        );
    }
}
