//! The drafts: every open document's name and text in `localStorage`, each under a key of its
//! own, so they survive a reload; and the user's corrections, per text ([`super::corrections`]).
//!
//! Two browser tabs never overwrite each other's drafts: a document's key is made when it is
//! opened (time and a random number), a reload restores every kept draft (merging what other
//! tabs keep), and before a save the stored value is checked: if another tab changed it since
//! this tab last read or wrote it, this tab's text goes under a new key instead.
//!
//! A document read from a Markdown file also keeps the file (beside its draft, see
//! [`MARKDOWN_PREFIX`]), so its exports still give offsets in the file after a reload.
//!
//! Local only — nothing is ever sent anywhere. Browsers cap `localStorage` (about 5 MB per
//! site); a draft that does not fit is reported and the previously saved one is kept, so a
//! failed save never loses what was saved before.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::corrections::{self, Correction, Entry};

/// The largest draft kept (2 MiB): browsers allow about 5 MB per site, and writing a bigger
/// one would stall the page for no use.
pub const MAX_DRAFT_BYTES: usize = 2 * 1024 * 1024;

/// The key prefix of the drafts (versioned, so a future format can ignore old drafts); a
/// draft's key is the prefix and its document's storage id.
pub const DRAFT_PREFIX: &str = "whosaid.draft.v2.";

/// The key prefix of the Markdown file a draft's text was read from, under the draft's storage id.
/// Kept apart from the draft (a plain string, no parsing) and checked against the draft's text
/// on load ([`super::state::Source::of`]), so a stale or missing one only loses the offsets in
/// the file.
pub const MARKDOWN_PREFIX: &str = "whosaid.markdown.v1.";

/// The single draft of earlier versions, taken over on load.
pub const OLD_DRAFT_KEY: &str = "whosaid.draft.v1";

/// What is stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The document's name.
    pub name: String,
    /// Its text.
    pub text: String,
}

thread_local! {
    /// Per storage id: the hash of the JSON this tab last read or wrote there (a few entries:
    /// a list is enough, and less code than a map).
    static SEEN: RefCell<Vec<(String, u32)>> = RefCell::default();
}

fn raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Records (or forgets) what this tab last saw under a storage id.
fn seen(id: &str, hash: Option<u32>) {
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|(k, _)| k != id);
        s.extend(hash.map(|h| (id.to_string(), h)));
    });
}

/// A new storage id: unique across tabs, ordered by creation time.
pub fn new_id() -> String {
    format!("{:013}-{:08x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 4e9) as u32)
}

/// Every kept draft, oldest first, with the Markdown file kept beside it (if any: it may be stale,
/// [`super::state::Document::source_map`] checks it against the text) and its storage id (an
/// old single draft is taken over).
pub fn load_all() -> Vec<(Option<Rc<str>>, String, Draft)> {
    let store = LocalStorage::raw();
    if let Some(old) = raw(OLD_DRAFT_KEY) {
        let id = new_id();
        if store.set_item(&format!("{DRAFT_PREFIX}{id}"), &old).is_ok() {
            let _ = store.remove_item(OLD_DRAFT_KEY);
        }
    }
    let n = store.length().unwrap_or(0);
    // Oldest first (ids start with the time); an insertion keeps the code small.
    let mut ids: Vec<String> = Vec::new();
    for key in (0..n).filter_map(|i| store.key(i).ok().flatten()) {
        if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
            ids.insert(ids.partition_point(|x| x.as_str() < id), id.to_string());
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let json = raw(&format!("{DRAFT_PREFIX}{id}"))?;
            let draft: Draft = serde_json::from_str(&json).ok()?;
            seen(&id, Some(corrections::hash(&json)));
            Some((raw(&format!("{MARKDOWN_PREFIX}{id}")).map(Rc::from), id, draft))
        })
        .collect()
}

/// Saves a document's draft under its storage id `id`; `Ok` with the id it was saved under
/// (a new one when another tab changed the draft since this tab saw it), `Err` with a message
/// for the user when the browser refuses (quota, privacy mode). An empty text removes it.
/// `markdown`: the file the text was converted from, kept beside it when there is room.
pub fn save(id: &str, name: &str, text: &str, markdown: Option<&str>) -> Result<String, String> {
    if text.is_empty() {
        remove(id);
        return Ok(id.to_string());
    }
    if text.len() > MAX_DRAFT_BYTES {
        return Err(format!(
            "This text is not kept for your next visit: it is larger than the {} MB kept in the \
             browser. The previously kept draft is unchanged.",
            MAX_DRAFT_BYTES / (1024 * 1024)
        ));
    }
    let json =
        serde_json::to_string(&Draft { name: name.to_string(), text: text.to_string() }).map_err(|e| e.to_string())?;
    let last = SEEN.with(|s| s.borrow().iter().find(|(k, _)| k == id).map(|(_, h)| *h));
    let id = match raw(&format!("{DRAFT_PREFIX}{id}")) {
        // Another tab wrote here since: keep both.
        Some(stored) if last != Some(corrections::hash(&stored)) => new_id(),
        _ => id.to_string(),
    };
    LocalStorage::raw().set_item(&format!("{DRAFT_PREFIX}{id}"), &json).map_err(|_| {
        "This text is not kept for your next visit: the browser's storage refused it. \
         The previously kept draft is unchanged."
            .to_string()
    })?;
    seen(&id, Some(corrections::hash(&json)));
    let key = format!("{MARKDOWN_PREFIX}{id}");
    match markdown.filter(|m| m.len() + text.len() <= MAX_DRAFT_BYTES) {
        // No room: the text is kept, its offsets in the file are not.
        Some(m) if LocalStorage::raw().set_item(&key, m).is_ok() => {}
        _ => LocalStorage::delete(key),
    }
    Ok(id)
}

/// Removes a document's draft.
pub fn remove(id: &str) {
    LocalStorage::delete(format!("{DRAFT_PREFIX}{id}"));
    LocalStorage::delete(format!("{MARKDOWN_PREFIX}{id}"));
    seen(id, None);
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
