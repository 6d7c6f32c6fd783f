//! The key map: which keys do what, so a tactile kiosk keypad (EZ-Access or
//! AudioNav style, a USB keyboard sending fixed codes) can drive the kiosk as well
//! as a keyboard. A hall changes it in its kiosk configuration; the default suits a
//! plain keyboard. Keys are matched on `KeyboardEvent.key` or `.code`.

use serde::Deserialize;

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyAction {
    /// Move focus to the previous stop (a group of keys counts as one stop).
    Up,
    /// Move focus to the next stop.
    Down,
    /// Move focus to the previous control, key by key within a group.
    Previous,
    /// Move focus to the next control, key by key within a group.
    Next,
    /// Activate the focused control.
    Select,
    /// The previous screen.
    Back,
    /// Ask for staff.
    Help,
    /// Say the last spoken text again.
    Repeat,
    /// Stop speaking.
    Stop,
    /// Open the accessibility panel.
    Accessibility,
}

impl KeyAction {
    pub const ALL: [KeyAction; 10] = [
        KeyAction::Up,
        KeyAction::Down,
        KeyAction::Previous,
        KeyAction::Next,
        KeyAction::Select,
        KeyAction::Back,
        KeyAction::Help,
        KeyAction::Repeat,
        KeyAction::Stop,
        KeyAction::Accessibility,
    ];
}

/// Keys bound to actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<(String, KeyAction)>,
}

impl Default for KeyMap {
    /// Up and down move from stop to stop (a number pad or a keyboard is one
    /// stop), left and right from control to control (key by key), Enter and
    /// Space select (the browser's own), Escape goes back, F1 help, F2
    /// accessibility, F3 repeat, F4 stop. A keypad's keys are set in the kiosk
    /// configuration.
    fn default() -> Self {
        let b = |key: &str, action| (key.to_owned(), action);
        Self {
            bindings: vec![
                b("ArrowUp", KeyAction::Up),
                b("ArrowDown", KeyAction::Down),
                b("ArrowLeft", KeyAction::Previous),
                b("ArrowRight", KeyAction::Next),
                b("Escape", KeyAction::Back),
                b("F1", KeyAction::Help),
                b("F2", KeyAction::Accessibility),
                b("F3", KeyAction::Repeat),
                b("F4", KeyAction::Stop),
            ],
        }
    }
}

/// A key map as written in the kiosk configuration: action → keys, e.g.
/// `{"up": ["ArrowUp", "Numpad8"], "select": ["NumpadEnter"], "help": ["F1"]}`.
/// Actions left out keep their default keys.
pub type KeyMapConfig = std::collections::BTreeMap<KeyAction, Vec<String>>;

impl KeyMap {
    /// The default map with `config`'s actions replaced by the keys it gives.
    pub fn with_config(config: &KeyMapConfig) -> Self {
        let mut map = Self::default();
        map.bindings.retain(|(_, a)| !config.contains_key(a));
        for (action, keys) in config {
            for key in keys {
                map.bindings.push((key.clone(), *action));
            }
        }
        map
    }

    /// The action of a key press, by its `key` or its `code`.
    pub fn action(&self, key: &str, code: &str) -> Option<KeyAction> {
        self.bindings
            .iter()
            .find(|(k, _)| k == key || k == code)
            .map(|(_, a)| *a)
    }

    /// The keys bound to `action`, for the help text.
    pub fn keys(&self, action: KeyAction) -> Vec<&str> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.as_str())
            .collect()
    }
}

impl PartialOrd for KeyAction {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for KeyAction {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let i = |a: &KeyAction| KeyAction::ALL.iter().position(|x| x == a);
        i(self).cmp(&i(other))
    }
}

/// Whether a key press in this element belongs to the element (typing, moving
/// the caret), so the key map leaves left and right arrows alone there.
pub fn is_text_entry(tag: &str, input_type: Option<&str>) -> bool {
    match tag {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            input_type,
            Some("button" | "submit" | "reset" | "checkbox" | "radio")
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_map_drives_the_kiosk_from_a_keyboard() {
        let map = KeyMap::default();
        assert_eq!(map.action("ArrowDown", "ArrowDown"), Some(KeyAction::Down));
        assert_eq!(
            map.action("ArrowLeft", "ArrowLeft"),
            Some(KeyAction::Previous)
        );
        assert_eq!(map.action("Escape", "Escape"), Some(KeyAction::Back));
        assert_eq!(map.action("F3", "F3"), Some(KeyAction::Repeat));
        assert_eq!(map.action("a", "KeyA"), None);
        assert_eq!(map.keys(KeyAction::Help), ["F1"]);
    }

    #[test]
    fn a_hall_rebinds_actions_for_its_keypad_and_keeps_the_rest() {
        let config: KeyMapConfig = serde_json::from_str(
            r#"{"select": ["NumpadEnter"], "up": ["Numpad8"], "help": ["NumpadMultiply"]}"#,
        )
        .unwrap();
        let map = KeyMap::with_config(&config);
        assert_eq!(map.action("Enter", "NumpadEnter"), Some(KeyAction::Select));
        assert_eq!(map.action("8", "Numpad8"), Some(KeyAction::Up));
        assert_eq!(map.action("ArrowUp", "ArrowUp"), None, "up was rebound");
        assert_eq!(map.action("ArrowDown", "ArrowDown"), Some(KeyAction::Down));
        assert_eq!(map.action("F1", "F1"), None, "help was rebound");
        assert_eq!(map.action("*", "NumpadMultiply"), Some(KeyAction::Help));
        assert!(serde_json::from_str::<KeyMapConfig>(r#"{"jump": ["x"]}"#).is_err());
    }

    #[test]
    fn typing_keeps_its_keys() {
        assert!(is_text_entry("INPUT", Some("text")));
        assert!(is_text_entry("INPUT", None));
        assert!(!is_text_entry("INPUT", Some("checkbox")));
        assert!(!is_text_entry("BUTTON", None));
    }
}
