//! Secrets and one-way transforms: random references and tokens, keyed hashes of
//! ID numbers, hashes of bearer tokens, argon2 PIN hashes, and the kiosk page's CSP.

use argon2::{
    Argon2,
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use kiosk_core::api::REFERENCE_ALPHABET;

/// `N` bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the OS random source is available");
    buf
}

/// A 256-bit random token, hex-encoded.
pub fn random_token() -> String {
    hex(&random_bytes::<32>())
}

/// A reference like `A7K3M9PQ`: a letter for its kind and seven random characters
/// (31⁷ ≈ 2.8·10¹⁰ values, so guessing one with the phone is hopeless).
pub fn reference(kind: char) -> String {
    std::iter::once(kind)
        .chain(
            random_bytes::<{ kiosk_core::api::REFERENCE_LEN - 1 }>()
                .iter()
                .map(|b| {
                    char::from(REFERENCE_ALPHABET[usize::from(*b) % REFERENCE_ALPHABET.len()])
                }),
        )
        .collect()
}

/// A random six-digit PIN.
pub fn random_pin() -> String {
    let n = u32::from_le_bytes(random_bytes::<4>()) % 1_000_000;
    format!("{n:06}")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// HMAC-SHA256 under the server's key: lets the server recognise an ID number again
/// without storing it.
pub fn keyed_hash(key: &[u8], data: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// An argon2id hash of a PIN, in PHC string form.
pub fn hash_pin(pin: &str) -> String {
    let salt = SaltString::encode_b64(&random_bytes::<16>()).expect("16 bytes is a valid salt");
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .expect("argon2 with default parameters")
        .to_string()
}

/// Whether `pin` matches a PHC hash from [`hash_pin`].
pub fn verify_pin(phc: &str, pin: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Compares two secrets in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// The Content-Security-Policy for the kiosk page: scripts only from this origin
/// plus the exact inline bootstrap scripts Trunk wrote into `index.html` (by hash),
/// WebAssembly compilation allowed, and audio from `blob:` addresses (the server's
/// speech, fetched and played without its text ever being in a URL); nothing else.
pub fn kiosk_csp(index_html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(index_html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
         img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        hashes.join(" ")
    )
    .replace("  ", " ")
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attrs, after) = rest.split_once('>')?;
        if attrs.contains("src=") {
            return None;
        }
        after.split_once("</script>").map(|(body, _)| body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_use_only_unambiguous_characters() {
        for _ in 0..200 {
            let r = reference('A');
            assert_eq!(r.len(), 8);
            assert!(kiosk_core::api::is_reference('A', &r));
            assert!(r.starts_with('A'));
            assert!(
                r[1..].bytes().all(|b| REFERENCE_ALPHABET.contains(&b)),
                "{r}"
            );
        }
        assert_ne!(reference('A'), reference('A'));
    }

    #[test]
    fn pins_verify_only_against_their_own_hash() {
        let phc = hash_pin("123456");
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_pin(&phc, "123456"));
        assert!(!verify_pin(&phc, "123457"));
        assert!(!verify_pin("not a hash", "123456"));
    }

    #[test]
    fn keyed_hashes_depend_on_the_key() {
        let a = keyed_hash(b"key-1", "11010519491231002X");
        assert_eq!(a, keyed_hash(b"key-1", "11010519491231002X"));
        assert_ne!(a, keyed_hash(b"key-2", "11010519491231002X"));
        assert!(!a.contains("1949"));
    }

    #[test]
    fn the_csp_hashes_each_inline_script_and_allows_no_inline_code_otherwise() {
        let html = "<script type=\"module\">import init from '/a.js';</script>\
                    <script src=\"/b.js\"></script>";
        let csp = kiosk_csp(html);
        let digest = Sha256::digest(b"import init from '/a.js';");
        let expected = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("object-src 'none'"));
        assert!(csp.contains("base-uri 'none'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn secrets_compare_equal_only_when_equal() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
