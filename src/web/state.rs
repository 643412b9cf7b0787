//! The app state: a reducer over several open documents.
//!
//! The app shows one document at a time (the active one), but everything is keyed by
//! [`DocId`] so a view comparing two reports of the same story can open a second one.
//!
//! Analysis requests carry a sequence number that only grows; a document remembers the number of
//! its newest request and [`Action::AnalysisFinished`] is ignored unless it answers exactly that
//! request, so a stale (slower, older) result can never overwrite a newer one.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::engine::Analysis;

use super::highlight::Annotated;

/// Identifies an open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocId(pub u32);

/// What the user has selected in the current analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A speaker: its mentions and claims are highlighted.
    Speaker(u32),
    /// A claim: its content, cue and source are highlighted, and its speaker selected.
    Claim(u32),
}

/// A finished analysis of one version of a document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// The request it answers.
    pub seq: u64,
    /// The exact text that was analysed (spans index into it).
    pub text: Rc<str>,
    /// The engine's output.
    pub analysis: Rc<Analysis>,
    /// The text cut into marked segments for display.
    pub annotated: Rc<Annotated>,
    /// Milliseconds from request to response, as the user waited.
    pub total_ms: f64,
    /// Milliseconds the engine took inside the worker.
    pub engine_ms: f64,
}

/// Where a document's analysis stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Run {
    /// Nothing asked yet (or the text was cleared).
    #[default]
    Idle,
    /// Waiting for the worker to answer request `seq`.
    Analysing {
        /// The request.
        seq: u64,
    },
    /// The newest request was answered.
    Done,
    /// The worker failed.
    Failed(String),
    /// The text was not sent to the worker (empty, too large).
    NotAnalysed(String),
}

/// One open document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Its id.
    pub id: DocId,
    /// A short name: a file name, an example's title, or "Draft".
    pub name: String,
    /// The current text (the editor's content as of the last change the app saw).
    pub text: Rc<str>,
    /// Bumped when the text changes from outside the editor (file, example, clear, undo), so
    /// the editor knows to take the new value.
    pub loaded_rev: u64,
    /// The newest request made for this document.
    pub latest_seq: Option<u64>,
    /// Where the newest request stands.
    pub run: Run,
    /// The newest finished analysis (possibly of an older text while a new one runs).
    pub analysed: Option<Analysed>,
    /// What is selected in [`Document::analysed`].
    pub selection: Selection,
    /// The text and name before the last load or clear, for "Undo".
    pub previous: Option<(String, Rc<str>)>,
}

impl Document {
    /// An empty document.
    pub fn new(id: DocId, name: &str, text: Rc<str>) -> Document {
        Document {
            id,
            name: name.to_string(),
            text,
            loaded_rev: 0,
            latest_seq: None,
            run: Run::Idle,
            analysed: None,
            selection: Selection::None,
            previous: None,
        }
    }

    /// The speaker selected directly or through a selected claim.
    pub fn selected_speaker(&self) -> Option<u32> {
        match self.selection {
            Selection::Speaker(id) => Some(id),
            Selection::Claim(id) => {
                self.analysed.as_ref().and_then(|a| a.analysis.claims.get(id as usize)).and_then(|c| c.speaker)
            }
            Selection::None => None,
        }
    }
}

/// How a [`Notice`] should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went as asked, with an undo offer.
    Info,
    /// The input was refused or could not be read.
    Error,
}

/// A message about the input, shown in `#message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Info or error.
    pub kind: NoticeKind,
    /// The text.
    pub text: String,
    /// Offer to undo the last load/clear.
    pub undo: bool,
    /// Offer to load an invalid-UTF-8 file with replacement characters.
    pub lossy: bool,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Error, text: text.into(), undo: false, lossy: false }
    }

    /// An informational message.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Info, text: text.into(), undo: false, lossy: false }
    }
}

/// The whole app state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Open documents, in opening order. Never empty.
    pub docs: Vec<Document>,
    /// The one shown.
    pub active: DocId,
    /// The next document id.
    pub next_doc: u32,
    /// The message about the last input action, if any.
    pub notice: Option<Notice>,
}

impl Default for State {
    fn default() -> State {
        State::with_draft("Draft", Rc::from(""))
    }
}

/// Everything that can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The user edited the text (the editor already shows it).
    Edited {
        /// Which document.
        doc: DocId,
        /// The new text.
        text: Rc<str>,
    },
    /// Replace a document's text from outside the editor (file, example); keeps the old one for undo.
    Load {
        /// Which document.
        doc: DocId,
        /// The new name.
        name: String,
        /// The new text.
        text: Rc<str>,
    },
    /// Empty a document (keeps the old text for undo).
    Clear(DocId),
    /// Bring back the text before the last load or clear.
    Undo(DocId),
    /// A request was sent to the worker.
    AnalysisStarted {
        /// Which document.
        doc: DocId,
        /// Its sequence number.
        seq: u64,
    },
    /// The worker answered.
    AnalysisFinished {
        /// Which document.
        doc: DocId,
        /// The request answered.
        seq: u64,
        /// The text that was sent.
        text: Rc<str>,
        /// The outcome: the analysis and its marks for display, or an error.
        outcome: Result<(Rc<Analysis>, Rc<Annotated>), String>,
        /// Round-trip time.
        total_ms: f64,
        /// Engine time.
        engine_ms: f64,
    },
    /// The text was not sent to the worker (empty, too large); shown as the run's failure.
    AnalysisRefused {
        /// Which document.
        doc: DocId,
        /// Why.
        reason: String,
    },
    /// Nothing to analyse any more (text cleared).
    AnalysisReset(DocId),
    /// Select something in a document's analysis (or [`Selection::None`]).
    Select {
        /// Which document.
        doc: DocId,
        /// What.
        selection: Selection,
    },
    /// Show or replace the input message.
    Notify(Notice),
    /// Hide the input message.
    Dismiss,
    /// Open a new document and make it active.
    Open {
        /// Its name.
        name: String,
        /// Its text.
        text: Rc<str>,
    },
    /// Make a document active.
    Activate(DocId),
    /// Close a document (the last one is never closed, only cleared).
    Close(DocId),
}

impl State {
    /// A state with one document holding `text` (e.g. the restored draft).
    pub fn with_draft(name: &str, text: Rc<str>) -> State {
        State { docs: vec![Document::new(DocId(0), name, text)], active: DocId(0), next_doc: 1, notice: None }
    }

    /// The active document.
    pub fn active_doc(&self) -> &Document {
        self.doc(self.active).unwrap_or(&self.docs[0])
    }

    /// A document by id.
    pub fn doc(&self, id: DocId) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    fn doc_mut(&mut self, id: DocId) -> Option<&mut Document> {
        self.docs.iter_mut().find(|d| d.id == id)
    }

    /// Applies an action (the reducer, without the `Rc` plumbing).
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edited { doc, text } => {
                if let Some(d) = self.doc_mut(doc) {
                    d.text = text;
                }
            }
            Action::Load { doc, name, text } => {
                if let Some(d) = self.doc_mut(doc) {
                    let old_name = std::mem::replace(&mut d.name, name);
                    let old_text = std::mem::replace(&mut d.text, text);
                    if !old_text.trim().is_empty() {
                        d.previous = Some((old_name, old_text));
                    }
                    d.loaded_rev += 1;
                    d.selection = Selection::None;
                }
            }
            Action::Clear(doc) => {
                if let Some(d) = self.doc_mut(doc) {
                    let old_name = std::mem::replace(&mut d.name, "Draft".to_string());
                    let old_text = std::mem::replace(&mut d.text, Rc::from(""));
                    if !old_text.trim().is_empty() {
                        d.previous = Some((old_name, old_text));
                    }
                    d.loaded_rev += 1;
                    d.selection = Selection::None;
                    d.analysed = None;
                    d.run = Run::Idle;
                    // Any answer still on its way is for a text that is gone.
                    d.latest_seq = None;
                }
            }
            Action::Undo(doc) => {
                if let Some(d) = self.doc_mut(doc) {
                    if let Some((name, text)) = d.previous.take() {
                        d.name = name;
                        d.text = text;
                        d.loaded_rev += 1;
                        d.selection = Selection::None;
                    }
                }
                self.notice = None;
            }
            Action::AnalysisStarted { doc, seq } => {
                if let Some(d) = self.doc_mut(doc) {
                    if d.latest_seq.is_none_or(|latest| seq > latest) {
                        d.latest_seq = Some(seq);
                        d.run = Run::Analysing { seq };
                    }
                }
            }
            Action::AnalysisFinished { doc, seq, text, outcome, total_ms, engine_ms } => {
                let Some(d) = self.doc_mut(doc) else { return };
                if d.latest_seq != Some(seq) {
                    return; // stale: a newer request exists (or the text was cleared)
                }
                match outcome {
                    Ok((analysis, annotated)) => {
                        // Keep the selection when it still points at something.
                        d.selection = match d.selection {
                            Selection::Speaker(id) if (id as usize) < analysis.speakers.len() => d.selection,
                            Selection::Claim(id) if (id as usize) < analysis.claims.len() => d.selection,
                            _ => Selection::None,
                        };
                        d.analysed = Some(Analysed { seq, text, analysis, annotated, total_ms, engine_ms });
                        d.run = Run::Done;
                    }
                    Err(e) => d.run = Run::Failed(e),
                }
            }
            Action::AnalysisRefused { doc, reason } => {
                if let Some(d) = self.doc_mut(doc) {
                    // Whatever is still running answers an older text.
                    d.latest_seq = None;
                    d.run = Run::NotAnalysed(reason);
                }
            }
            Action::AnalysisReset(doc) => {
                if let Some(d) = self.doc_mut(doc) {
                    d.latest_seq = None;
                    d.run = Run::Idle;
                    d.analysed = None;
                    d.selection = Selection::None;
                }
            }
            Action::Select { doc, selection } => {
                if let Some(d) = self.doc_mut(doc) {
                    d.selection = selection;
                }
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::Dismiss => self.notice = None,
            Action::Open { name, text } => {
                let id = DocId(self.next_doc);
                self.next_doc += 1;
                self.docs.push(Document::new(id, &name, text));
                self.active = id;
            }
            Action::Activate(id) => {
                if self.doc(id).is_some() {
                    self.active = id;
                }
            }
            Action::Close(id) => {
                if self.docs.len() > 1 {
                    self.docs.retain(|d| d.id != id);
                    if self.active == id {
                        self.active = self.docs[0].id;
                    }
                }
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(seq: u64, text: &str) -> Action {
        Action::AnalysisFinished {
            doc: DocId(0),
            seq,
            text: Rc::from(text),
            outcome: Ok((Rc::new(Analysis::default()), Rc::new(Annotated::default()))),
            total_ms: 1.0,
            engine_ms: 1.0,
        }
    }

    #[test]
    fn stale_results_never_overwrite_newer_ones() {
        let mut s = State::default();
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 2 });
        s.apply(finished(2, "new"));
        assert_eq!(&*s.active_doc().analysed.as_ref().unwrap().text, "new");
        s.apply(finished(1, "old"));
        assert_eq!(&*s.active_doc().analysed.as_ref().unwrap().text, "new");
        assert_eq!(s.active_doc().run, Run::Done);
    }

    #[test]
    fn an_older_start_does_not_rewind() {
        let mut s = State::default();
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 5 });
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 3 });
        assert_eq!(s.active_doc().latest_seq, Some(5));
    }

    #[test]
    fn clear_drops_answers_in_flight_and_can_be_undone() {
        let mut s = State::with_draft("Draft", Rc::from("some text"));
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        s.apply(Action::Clear(DocId(0)));
        s.apply(finished(1, "some text"));
        assert!(s.active_doc().analysed.is_none());
        s.apply(Action::Undo(DocId(0)));
        assert_eq!(&*s.active_doc().text, "some text");
    }

    #[test]
    fn several_documents() {
        let mut s = State::default();
        s.apply(Action::Open { name: "Second".into(), text: Rc::from("b") });
        assert_eq!(s.active, DocId(1));
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        s.apply(Action::AnalysisStarted { doc: DocId(1), seq: 2 });
        s.apply(finished(1, "a"));
        assert!(s.doc(DocId(0)).unwrap().analysed.is_some());
        assert!(s.doc(DocId(1)).unwrap().analysed.is_none());
        s.apply(Action::Close(DocId(1)));
        assert_eq!(s.active, DocId(0));
        s.apply(Action::Close(DocId(0)));
        assert_eq!(s.docs.len(), 1);
    }
}
