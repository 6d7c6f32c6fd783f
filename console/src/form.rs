//! What every console form shares: a refusal split into per-field codes and
//! one message for the whole form.

use kiosk_core::console::FieldErrors as Errors;
use leptos::prelude::*;

use crate::ctx;

use crate::{
    api::ClientError,
    i18n::{self, Text},
};

/// A refusal split into field errors and one general message.
pub fn refusal(e: &ClientError) -> (Errors, Option<Text>) {
    match e {
        ClientError::Unreachable => (Errors::new(), Some(i18n::UNREACHABLE)),
        ClientError::Decode => (Errors::new(), Some(i18n::FAILED)),
        ClientError::Refused { code, errors, .. } => {
            if errors.is_empty() {
                (Errors::new(), Some(i18n::code(code)))
            } else {
                (errors.clone(), None)
            }
        }
    }
}

/// Messages that a form shows: per field, and one for the whole form.
#[derive(Clone, Copy)]
pub struct FormErrors {
    pub fields: RwSignal<Errors>,
    pub general: RwSignal<Option<Text>>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self {
            fields: RwSignal::new(Errors::new()),
            general: RwSignal::new(None),
        }
    }
    pub fn of(self, field: &'static str) -> Signal<Vec<String>> {
        Signal::derive(move || {
            self.fields
                .with(|f| f.get(field).cloned().unwrap_or_default())
        })
    }
    pub fn invalid(self, field: &'static str) -> impl Fn() -> &'static str + Copy {
        move || {
            if self.fields.with(|f| f.contains_key(field)) {
                "true"
            } else {
                "false"
            }
        }
    }
    pub fn clear(self) {
        self.fields.set(Errors::new());
        self.general.set(None);
    }
    pub fn set(self, e: &ClientError) {
        let (f, g) = refusal(e);
        self.fields.set(f);
        self.general.set(g);
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

/// The form's one message, in a live region that is always there, so it is
/// announced when it appears.
#[component]
pub fn FormAlert(errors: FormErrors) -> impl IntoView {
    let ctx = ctx();
    view! {
        <div role="alert" class="console-alert-slot">
            {move || errors.general.get().map(|t| view! { <p class="console-error">{ctx.t(t)}</p> })}
        </div>
    }
}
