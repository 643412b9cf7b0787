//! The draft: the active document's name and text in `localStorage`, so it survives a reload;
//! and the user's corrections, per text ([`super::corrections`]).
//!
//! Local only — nothing is ever sent anywhere. Browsers cap `localStorage` (about 5 MB per
//! site); a draft that does not fit is reported and the previously saved one is kept, so a
//! failed save never loses what was saved before.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::corrections::{self, Correction, Entry};

/// The largest draft kept (2 MiB): browsers allow about 5 MB per site, and writing a bigger
/// one would stall the page for no use.
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

/// The storage key (versioned, so a future format can ignore old drafts).
pub const DRAFT_KEY: &str = "whosaid.draft.v1";

/// What is stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The document's name.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The saved draft, if there is a readable one.
pub fn load() -> Option<Draft> {
    LocalStorage::get::<Draft>(DRAFT_KEY).ok()
}

/// Saves the draft; `Err` with a message for the user when the browser refuses (quota, privacy
/// mode). An empty text removes the draft.
pub fn save(name: &str, text: &str) -> Result<(), String> {
    if text.is_empty() {
        clear();
        return Ok(());
    }
    if text.len() > MAX_DRAFT_BYTES {
        return Err(format!(
            "This text is not kept for your next visit: it is larger than the {} MB kept in the \
             browser. The previously kept draft is unchanged.",
            MAX_DRAFT_BYTES / (1024 * 1024)
        ));
    }
    let draft = Draft { name: name.to_string(), text: text.to_string() };
    LocalStorage::set(DRAFT_KEY, &draft).map_err(|e| {
        format!(
            "This text is not kept for your next visit: the browser's storage refused it ({e}). \
             The previously kept draft is unchanged."
        )
    })
}

/// Removes the draft.
pub fn clear() {
    LocalStorage::delete(DRAFT_KEY);
}

/// The storage key of the corrections: every corrected text's list, in the line form of
/// [`corrections::write_entries`].
pub const CORRECTIONS_KEY: &str = "whosaid.corrections.v1";

fn entries() -> Vec<Entry> {
    corrections::read_entries(&LocalStorage::raw().get_item(CORRECTIONS_KEY).ok().flatten().unwrap_or_default())
}

/// The corrections kept for a text (its [`corrections::hash`]) and analysis (its
/// [`corrections::fingerprint`]); `Err(n)`: `n` were made on a different analysis of the text.
pub fn load_corrections(text: u32, analysis: u32) -> Result<Vec<Correction>, usize> {
    corrections::lookup(&entries(), text, analysis)
}

/// Keeps `list` as the corrections of a text (an empty list forgets them).
pub fn save_corrections(text: u32, analysis: u32, list: &[Correction]) -> Result<(), String> {
    let mut entries = entries();
    corrections::store(&mut entries, Entry { text, analysis, list: list.to_vec() });
    LocalStorage::raw().set_item(CORRECTIONS_KEY, &corrections::write_entries(&entries)).map_err(|_| {
        "Your corrections are not kept for your next visit: the browser's storage refused them.".to_string()
    })
}
