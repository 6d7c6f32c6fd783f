//! Contrast of the colour tokens in `style/tokens.css`, in every theme, for the
//! foreground/background pairs the stylesheets actually put together (WCAG 2.x
//! relative luminance): text ≥ 4.5:1 in the standard theme and ≥ 7:1 in high
//! contrast (1.4.3, 1.4.6); focus rings, state borders and control edges ≥ 3:1
//! (1.4.11, 2.4.13). `cargo test --test theme_contrast -- --nocapture` prints the
//! table and each theme's minimum.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

/// What a pair is, which decides the ratio it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Text of any size: most of the kiosk's is "large" by WCAG's measure (≥ 18 pt),
    /// but it is held to the normal-size ratios all the same.
    Text,
    /// Focus rings, state borders, control edges.
    NonText,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::NonText => "non-text",
        }
    }

    fn required(self, theme: &str) -> f64 {
        match (self, theme) {
            (Kind::Text, "high-contrast") => 7.0,
            (Kind::Text, _) => 4.5,
            (Kind::NonText, _) => 3.0,
        }
    }
}

/// Tokens drawn together. `fg` lists the token names without `--kiosk-`; when it
/// has several, the indicator is made of all of them (the focus ring is an outline
/// inside a halo) and it is enough that one of them stands out.
struct Pair {
    fg: &'static [&'static str],
    bg: &'static str,
    kind: Kind,
    /// Where the stylesheets draw it, so a change there can be checked here.
    used: &'static str,
}

const fn text(fg: &'static [&'static str], bg: &'static str, used: &'static str) -> Pair {
    Pair {
        fg,
        bg,
        kind: Kind::Text,
        used,
    }
}

const fn non_text(fg: &'static [&'static str], bg: &'static str, used: &'static str) -> Pair {
    Pair {
        fg,
        bg,
        kind: Kind::NonText,
        used,
    }
}

/// Every pair the stylesheets draw together (grep `var(--kiosk-` in style/*.css).
#[rustfmt::skip]
const PAIRS: &[Pair] = &[
    // Text.
    text(&["text"], "surface", "page text, secondary buttons, fields, receipt (base.css, button.css, flow.css)"),
    text(&["text"], "surface-alt", "answers, tiles, keypad and name keys, footer, result outcome"),
    text(&["text-muted"], "surface", "question progress and hints, home intro, consent version, unavailable answers"),
    text(&["text-muted"], "surface-alt", "answer descriptions (flow.css), unavailable name keys (name_keyboard.css)"),
    text(&["link"], "surface", "skip link (base.css)"),
    text(&["link"], "surface-alt", "tile titles and icons (tile.css)"),
    text(&["error"], "surface", "field and step errors (eligibility.css .kiosk-field__error)"),
    text(&["on-primary"], "primary", "primary buttons (button.css)"),
    text(&["on-primary"], "pressed", "chosen options and name keyboard modes (choice_group.css, name_keyboard.css)"),
    text(&["on-brand"], "brand", "header: hall name and hotline (header.css)"),
    text(&["on-warning"], "warning", "warning buttons: finish and clear, cancel booking (button.css)"),
    // Focus rings: a `focus` outline inside a `focus-halo` band (base.css :focus-visible).
    non_text(&["focus", "focus-halo"], "surface", "focus ring around controls in the page"),
    non_text(&["focus", "focus-halo"], "brand", "focus ring around the header's buttons"),
    non_text(&["focus"], "focus-halo", "the outline inside its halo"),
    // Control edges and states.
    non_text(&["border"], "surface", "edges of buttons, answers, keys, fields, tiles"),
    non_text(&["border", "surface"], "brand", "secondary buttons in the header: edge or fill (header.css, button.css)"),
    non_text(&["on-warning", "warning"], "brand", "warning button in the header: edge or fill (button.css)"),
    non_text(&["primary"], "surface", "primary button fill (button.css)"),
    non_text(&["primary"], "surface-alt", "tile hover border (tile.css)"),
    non_text(&["pressed"], "surface-alt", "chosen answer's border and inset ring (answer_button.css)"),
    non_text(&["pressed"], "surface", "chosen option and mode fills (choice_group.css, name_keyboard.css)"),
    non_text(&["error"], "surface", "invalid field border, step error box, urgent result border"),
    non_text(&["warning"], "surface", "warning boxes' border (flow.css), warning button fill"),
];

/// The themes in `css`: the standard one from `:root`, then each top-level
/// `[data-theme="…"]` block laid over it. Values are hex colours only.
fn themes(css: &str) -> BTreeMap<String, BTreeMap<String, Rgb>> {
    let mut root = BTreeMap::new();
    let mut overrides = Vec::new();
    for (selector, body) in top_level_rules(&strip_comments(css)) {
        if selector == ":root" {
            root.extend(colour_tokens(&body));
        } else if let Some(name) = selector
            .strip_prefix("[data-theme=\"")
            .and_then(|rest| rest.strip_suffix("\"]"))
        {
            overrides.push((name.to_owned(), colour_tokens(&body)));
        }
    }
    let mut themes = BTreeMap::new();
    themes.insert("standard".to_owned(), root.clone());
    for (name, tokens) in overrides {
        let mut theme = root.clone();
        theme.extend(tokens);
        themes.insert(name, theme);
    }
    themes
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start + 2..]
            .find("*/")
            .expect("unclosed comment in tokens.css");
        rest = &rest[start + 2 + end + 2..];
    }
    out.push_str(rest);
    out
}

/// `selector { body }` rules outside any at-rule (an `@media` block is skipped
/// whole: it changes layout tokens, not colours).
fn top_level_rules(css: &str) -> Vec<(String, String)> {
    let mut rules = Vec::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let selector = rest[..open].trim().to_owned();
        let mut depth = 0;
        let mut close = None;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.expect("unbalanced braces in tokens.css");
        if !selector.starts_with('@') {
            rules.push((selector, rest[open + 1..close].to_owned()));
        }
        rest = &rest[close + 1..];
    }
    rules
}

/// `--kiosk-NAME: #hex;` declarations, by NAME.
fn colour_tokens(body: &str) -> BTreeMap<String, Rgb> {
    body.split(';')
        .filter_map(|declaration| {
            let (name, value) = declaration.split_once(':')?;
            let name = name.trim().strip_prefix("--kiosk-")?;
            Some((name.to_owned(), Rgb::from_hex(value.trim())?))
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgb([u8; 3]);

impl Rgb {
    /// `#rgb` or `#rrggbb`; anything else is not a colour token.
    fn from_hex(value: &str) -> Option<Rgb> {
        let hex = value.strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits[..] {
            [r, g, b] => Some(Rgb([r * 17, g * 17, b * 17])),
            [r1, r2, g1, g2, b1, b2] => Some(Rgb([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2])),
            _ => None,
        }
    }

    /// WCAG 2.x relative luminance (sRGB, the 0.04045 threshold of the sRGB spec).
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0.map(channel);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn tokens_css() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/style/tokens.css");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn contrast_is_computed_as_wcag_defines_it() {
    let (black, white) = (Rgb([0, 0, 0]), Rgb([255, 255, 255]));
    assert!((contrast(black, white) - 21.0).abs() < 1e-9);
    assert!((contrast(white, white) - 1.0).abs() < 1e-9);
    // Well-known values: #767676 is the lightest grey that passes 4.5:1 on white,
    // #777777 the first that fails.
    assert!(contrast(Rgb::from_hex("#767676").unwrap(), white) >= 4.5);
    assert!(contrast(Rgb::from_hex("#777").unwrap(), white) < 4.5);
    assert_eq!(Rgb::from_hex("#0b4f9c"), Some(Rgb([0x0b, 0x4f, 0x9c])));
    assert_eq!(Rgb::from_hex("var(--kiosk-text)"), None);
}

#[test]
fn the_parser_reads_root_and_theme_blocks_and_skips_media_blocks() {
    let css = "/* c: #000 */ :root { --kiosk-text: #111; --kiosk-scale: 1; }
        @media (orientation: landscape) { :root { --kiosk-text: #222; } }
        [data-theme=\"dark\"] { --kiosk-text: #eeeeee; }";
    let themes = themes(css);
    assert_eq!(themes.keys().collect::<Vec<_>>(), ["dark", "standard"]);
    assert_eq!(themes["standard"]["text"], Rgb([0x11; 3]));
    assert_eq!(themes["dark"]["text"], Rgb([0xee; 3]));
    assert!(!themes["standard"].contains_key("scale"));
}

#[test]
fn every_colour_token_is_in_some_pair() {
    for (theme, tokens) in themes(&tokens_css()) {
        for name in tokens.keys() {
            assert!(
                PAIRS
                    .iter()
                    .any(|pair| pair.bg == name || pair.fg.contains(&name.as_str())),
                "theme {theme}: --kiosk-{name} is a colour no pair checks; add where it is used"
            );
        }
    }
}

#[test]
fn every_theme_meets_the_contrast_it_promises() {
    let themes = themes(&tokens_css());
    assert!(
        themes.contains_key("standard") && themes.contains_key("high-contrast"),
        "expected the standard and high-contrast themes, found {:?}",
        themes.keys().collect::<Vec<_>>()
    );

    let mut failures = Vec::new();
    println!(
        "{:<34} {:<14} {:>7} {:>5}  used for",
        "pair", "theme", "ratio", "needs"
    );
    for (theme, tokens) in &themes {
        let colour = |name: &str| {
            *tokens
                .get(name)
                .unwrap_or_else(|| panic!("theme {theme}: --kiosk-{name} is not a hex colour"))
        };
        // The lowest ratio of each kind, with its pair.
        let mut minimum =
            [Kind::Text, Kind::NonText].map(|kind| (kind, f64::INFINITY, String::new()));
        for pair in PAIRS {
            let bg = colour(pair.bg);
            let ratio = pair
                .fg
                .iter()
                .map(|fg| contrast(colour(fg), bg))
                .fold(f64::NAN, f64::max);
            let name = format!("{} on {}", pair.fg.join("|"), pair.bg);
            let needs = pair.kind.required(theme);
            println!(
                "{name:<34} {theme:<14} {ratio:>7.2} {needs:>5}  {}",
                pair.used
            );
            if ratio < needs {
                failures.push(format!("{theme}: {name} is {ratio:.2}:1, needs {needs}:1"));
            }
            for (kind, lowest, lowest_name) in &mut minimum {
                if *kind == pair.kind && ratio < *lowest {
                    (*lowest, *lowest_name) = (ratio, name.clone());
                }
            }
        }
        for (kind, lowest, name) in minimum {
            println!(
                "minimum in {theme}, {}: {lowest:.2}:1 ({name})",
                kind.label()
            );
        }
        println!();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
