//! An answer read and written where it lives: in a flow's draft, or in a
//! screen's own signal. A step then never keeps a copy of an answer that would
//! have to be kept equal to the draft.

use leptos::prelude::*;

/// A value, read reactively and written through (by default a text a keypad
/// or keyboard edits).
pub struct Field<T: Send + Sync + 'static = String> {
    read: Signal<T>,
    write: Callback<T>,
}

impl<T: Send + Sync + 'static> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Field<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Field<T> {
    /// The value at `get` in `draft`, written through `get_mut`.
    pub fn of<D: Send + Sync + 'static>(
        draft: RwSignal<D>,
        get: fn(&D) -> &T,
        get_mut: fn(&mut D) -> &mut T,
    ) -> Self {
        Field {
            read: Signal::derive(move || draft.with(|d| get(d).clone())),
            write: Callback::new(move |value| draft.update(|d| *get_mut(d) = value)),
        }
    }

    pub fn get(&self) -> T {
        self.read.get()
    }

    pub fn get_untracked(&self) -> T {
        self.read.get_untracked()
    }

    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.read.with(f)
    }

    pub fn set(&self, value: T) {
        self.write.run(value);
    }

    /// Changes the value (written only if it did change); returns what `f` does.
    pub fn update<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let before = self.get_untracked();
        let mut value = before.clone();
        let out = f(&mut value);
        if value != before {
            self.set(value);
        }
        out
    }

    /// The value as a signal, for a component that only reads it.
    pub fn signal(&self) -> Signal<T> {
        self.read
    }
}

impl<T: Clone + Send + Sync + 'static> From<RwSignal<T>> for Field<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Field {
            read: signal.into(),
            write: Callback::new(move |value| signal.set(value)),
        }
    }
}
