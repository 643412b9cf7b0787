//! The app state: a reducer over several open documents.
//!
//! The app shows one document at a time (the active one), but everything is keyed by
//! [`DocId`] so a view comparing two reports of the same story can open a second one.
//!
//! Analysis requests carry a sequence number that only grows; a document remembers the number of
//! its newest request and [`Action::AnalysisFinished`] is ignored unless it answers exactly that
//! request, so a stale (slower, older) result can never overwrite a newer one.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::Analysis;

use super::compare::Comparison;
use super::corrections::{correct, Correction};
use super::highlight::Annotated;
use super::input::{markdown, Converted};
use super::storage::Draft;
use super::summary::Filter;

/// Identifies an open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// A finished analysis of one version of a document's text, with the user's corrections.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    /// The request it answers.
    pub seq: u64,
    /// The exact text that was analysed (spans index into it).
    pub text: Rc<str>,
    /// The engine's output.
    pub raw: Rc<Analysis>,
    /// Where the corrections of this text are kept: the text's hash and the fingerprint of
    /// [`Analysed::raw`] ([`super::corrections`]).
    pub key: (u32, u32),
    /// The user's corrections, oldest first, in engine ids.
    pub corrections: Vec<Correction>,
    /// What is shown and exported: [`Analysed::raw`] with the corrections applied.
    pub analysis: Rc<Analysis>,
    /// The engine id of each speaker of [`Analysed::analysis`] (empty: the same ids).
    pub speaker_ids: Rc<[u32]>,
    /// The engine id of each claim of [`Analysed::analysis`] (empty: the same ids).
    pub claim_ids: Rc<[u32]>,
    /// [`Analysed::analysis`]'s text cut into marked segments for display.
    pub annotated: Rc<Annotated>,
    /// Milliseconds from request to response, as the user waited.
    pub total_ms: f64,
    /// Milliseconds the engine took inside the worker.
    pub engine_ms: f64,
}

impl Analysed {
    /// `raw`, the engine's analysis of `text`, with `corrections` applied; not annotated yet.
    pub fn new(seq: u64, text: Rc<str>, raw: Rc<Analysis>, key: (u32, u32), corrections: Vec<Correction>) -> Analysed {
        let (analysis, speaker_ids, claim_ids) = if corrections.is_empty() {
            (raw.clone(), Rc::from([]), Rc::from([]))
        } else {
            let c = correct(&raw, &corrections);
            (Rc::new(c.analysis), c.speakers.into(), c.claims.into())
        };
        let annotated = Rc::default();
        Analysed {
            seq,
            text,
            raw,
            key,
            corrections,
            analysis,
            speaker_ids,
            claim_ids,
            annotated,
            total_ms: 0.0,
            engine_ms: 0.0,
        }
    }

    /// The same analysis with another list of corrections, annotated.
    pub fn with_corrections(&self, corrections: Vec<Correction>) -> Analysed {
        let mut a = Analysed::new(self.seq, self.text.clone(), self.raw.clone(), self.key, corrections);
        a.annotated = Rc::new(Annotated::new(&a.text, &a.analysis));
        (a.total_ms, a.engine_ms) = (self.total_ms, self.engine_ms);
        a
    }

    /// A correction of what is shown (ids of [`Analysed::analysis`]) in engine ids.
    pub fn to_engine(&self, c: Correction) -> Correction {
        let id = |ids: &[u32], i: u32| ids.get(i as usize).copied().unwrap_or(i);
        let (s, k) = (&*self.speaker_ids, &*self.claim_ids);
        match c {
            Correction::Merge { from, into } => Correction::Merge { from: id(s, from), into: id(s, into) },
            Correction::Rename { speaker, name } => Correction::Rename { speaker: id(s, speaker), name },
            Correction::Reassign { claim, speaker } => {
                Correction::Reassign { claim: id(k, claim), speaker: id(s, speaker) }
            }
            Correction::NotAClaim { claim } => Correction::NotAClaim { claim: id(k, claim) },
        }
    }
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
    /// What narrows the highlights and the lists.
    pub filter: Filter,
    /// The text and name before the last load or clear, for "Undo".
    pub previous: Option<(String, Rc<str>)>,
    /// The Markdown file the text was read from (as saved), if it was. Kept across edits and
    /// "Clear": it applies whenever the analysed text is its conversion ([`Document::source_map`]).
    pub source: Option<Rc<str>>,
    /// Where its draft is kept ([`super::storage`]); empty: not kept.
    pub store: String,
    /// The document that was shown when this one was opened from a file or an example: "Undo"
    /// closes this one and goes back there.
    pub opener: Option<DocId>,
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
            filter: Filter::All,
            previous: None,
            source: None,
            store: String::new(),
            opener: None,
        }
    }

    /// The map from the analysed text back to the Markdown file it was read from, when the
    /// analysed text is the file's conversion (not after an edit).
    pub fn source_map(&self) -> Option<Converted> {
        let map = markdown(self.source.as_ref()?);
        (map.text == *self.analysed.as_ref()?.text).then_some(map)
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
    /// Two documents compared, shown instead of the editor while open.
    pub compare: Option<Compare>,
}

/// Two documents side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    /// The documents.
    pub docs: [DocId; 2],
    /// Their analyses as compared (the comparison's ids index into these).
    pub sides: [Analysed; 2],
    /// The request.
    pub seq: u64,
    /// The worker's answer: `None` while it works.
    pub result: Option<Result<Rc<Comparison>, String>>,
    /// The aligned pair shown in the articles.
    pub pair: Option<usize>,
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
        /// The Markdown file it was read from, if it was.
        source: Option<Rc<str>>,
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
        /// The outcome: the analysis (with the corrections kept for the text), or an error.
        outcome: Result<Analysed, String>,
    },
    /// The user corrected the analysis (or undid corrections): the same analysis, other corrections.
    Corrected(DocId, Analysed),
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
    /// Narrow what a document shows (or [`Filter::All`]).
    Filter {
        /// Which document.
        doc: DocId,
        /// The filter.
        filter: Filter,
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
        /// The Markdown file it was read from, if it was.
        source: Option<Rc<str>>,
        /// Where its draft is kept.
        store: String,
        /// The document shown before, if "Undo" should go back there.
        opener: Option<DocId>,
    },
    /// Make a document active.
    Activate(DocId),
    /// Close a document (the last one is never closed, only cleared).
    Close(DocId),
    /// A document's draft is now kept under another storage id.
    Stored {
        /// Which document.
        doc: DocId,
        /// The storage id.
        store: String,
    },
    /// A comparison of two documents was asked for.
    CompareStarted {
        /// The request.
        seq: u64,
        /// The documents.
        docs: [DocId; 2],
        /// Their analyses.
        sides: Box<[Analysed; 2]>,
    },
    /// The worker compared them.
    CompareFinished {
        /// The request answered.
        seq: u64,
        /// The comparison, or why there is none.
        outcome: Result<Rc<Comparison>, String>,
    },
    /// Show an aligned pair in both articles (or none).
    ComparePick(Option<usize>),
    /// Back from the comparison to the documents.
    CompareClose,
}

impl State {
    /// A state with one document holding `text` (e.g. the restored draft).
    pub fn with_draft(name: &str, text: Rc<str>) -> State {
        State {
            docs: vec![Document::new(DocId(0), name, text)],
            active: DocId(0),
            next_doc: 1,
            notice: None,
            compare: None,
        }
    }

    /// A state with one document per kept draft (its Markdown file if any, storage id, draft),
    /// the first one shown; one empty document when there is none.
    pub fn with_drafts(drafts: Vec<(Option<Rc<str>>, String, Draft)>) -> State {
        let mut s = State::default();
        for (i, (source, store, Draft { name, text })) in drafts.into_iter().enumerate() {
            if i > 0 {
                let (name, text, store) = (String::new(), Rc::from(""), String::new());
                s.apply(Action::Open { name, text, source: None, store, opener: None });
            }
            let d = s.docs.last_mut().expect("never empty");
            (d.name, d.text, d.source, d.store) = (name, text.into(), source, store);
        }
        s.active = s.docs[0].id;
        s
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
            Action::Load { doc, name, text, source } => {
                if let Some(d) = self.doc_mut(doc) {
                    let old_name = std::mem::replace(&mut d.name, name);
                    let old_text = std::mem::replace(&mut d.text, text);
                    d.source = source;
                    if !old_text.trim().is_empty() {
                        d.previous = Some((old_name, old_text));
                    }
                    d.loaded_rev += 1;
                    d.selection = Selection::None;
                    d.filter = Filter::All;
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
                    d.filter = Filter::All;
                    d.analysed = None;
                    d.run = Run::Idle;
                    // Any answer still on its way is for a text that is gone.
                    d.latest_seq = None;
                }
            }
            Action::Undo(doc) => {
                if let Some(d) = self.doc_mut(doc) {
                    if let Some((name, text)) = d.previous.take() {
                        (d.name, d.text) = (name, text);
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
            Action::AnalysisFinished { doc, seq, outcome } => {
                let Some(d) = self.doc_mut(doc) else { return };
                if d.latest_seq != Some(seq) {
                    return; // stale: a newer request exists (or the text was cleared)
                }
                match outcome {
                    Ok(analysed) => {
                        // Keep the selection when it still points at something.
                        let analysis = &analysed.analysis;
                        d.selection = match d.selection {
                            Selection::Speaker(id) if (id as usize) < analysis.speakers.len() => d.selection,
                            Selection::Claim(id) if (id as usize) < analysis.claims.len() => d.selection,
                            _ => Selection::None,
                        };
                        if matches!(d.filter, Filter::Speaker(id) if id as usize >= analysis.speakers.len()) {
                            d.filter = Filter::All;
                        }
                        d.analysed = Some(analysed);
                        d.run = Run::Done;
                    }
                    Err(e) => d.run = Run::Failed(e),
                }
            }
            Action::Corrected(doc, analysed) => {
                if let Some(d) = self.doc_mut(doc) {
                    if d.analysed.as_ref().is_some_and(|a| a.seq == analysed.seq) {
                        // Ids may have moved.
                        d.selection = Selection::None;
                        d.filter = Filter::All;
                        d.analysed = Some(analysed);
                    }
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
                    d.filter = Filter::All;
                }
            }
            Action::Filter { doc, filter } => {
                if let Some(d) = self.doc_mut(doc) {
                    d.filter = filter;
                }
            }
            Action::Select { doc, selection } => {
                if let Some(d) = self.doc_mut(doc) {
                    d.selection = selection;
                }
            }
            Action::Notify(notice) => self.notice = Some(notice),
            Action::Dismiss => self.notice = None,
            Action::Open { name, text, source, store, opener } => {
                let id = DocId(self.next_doc);
                self.next_doc += 1;
                let mut d = Document::new(id, &name, text);
                (d.source, d.store, d.opener) = (source, store, opener);
                self.docs.push(d);
                self.active = id;
            }
            Action::Stored { doc, store } => {
                if let Some(d) = self.doc_mut(doc) {
                    d.store = store;
                }
            }
            Action::CompareStarted { seq, docs, sides } => {
                self.compare = Some(Compare { docs, sides: *sides, seq, result: None, pair: None });
            }
            Action::CompareFinished { seq, outcome } => {
                if let Some(c) = self.compare.as_mut().filter(|c| c.seq == seq) {
                    c.result = Some(outcome);
                }
            }
            Action::ComparePick(pair) => {
                if let Some(c) = self.compare.as_mut() {
                    c.pair = pair;
                }
            }
            Action::CompareClose => self.compare = None,
            Action::Activate(id) => {
                if self.doc(id).is_some() {
                    self.active = id;
                }
            }
            Action::Close(id) => {
                if self.docs.len() > 1 {
                    let opener = self.doc(id).and_then(|d| d.opener).filter(|o| self.doc(*o).is_some());
                    self.docs.retain(|d| d.id != id);
                    if self.active == id {
                        self.active = opener.unwrap_or(self.docs[0].id);
                    }
                    if self.compare.as_ref().is_some_and(|c| c.docs.contains(&id)) {
                        self.compare = None;
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
        let analysed = Analysed::new(seq, Rc::from(text), Rc::new(Analysis::default()), (0, 0), vec![]);
        Action::AnalysisFinished { doc: DocId(0), seq, outcome: Ok(analysed) }
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
    fn corrections_replace_the_shown_analysis_of_the_same_request_only() {
        use crate::engine::{Claim, ClaimKind, Stance};
        let claim = |id| Claim {
            id,
            kind: ClaimKind::Hedge,
            content: vec![],
            cue: vec![],
            source: vec![],
            speaker: None,
            stance: Stance::Neutral,
            via: None,
            confidence: 1.0,
        };
        let raw = Rc::new(Analysis { claims: vec![claim(0), claim(1), claim(2)], ..Analysis::default() });
        let mut s = State::default();
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        let first = Analysed::new(1, Rc::from("t"), raw, (0, 0), vec![]);
        s.apply(Action::AnalysisFinished { doc: DocId(0), seq: 1, outcome: Ok(first.clone()) });
        s.apply(Action::Select { doc: DocId(0), selection: Selection::Claim(2) });
        // Shown claim 1 is engine claim 1; after dropping it, shown claim 1 is engine claim 2.
        let drop1 = first.to_engine(Correction::NotAClaim { claim: 1 });
        let corrected = first.with_corrections(vec![drop1.clone()]);
        assert_eq!(corrected.to_engine(Correction::NotAClaim { claim: 1 }), Correction::NotAClaim { claim: 2 });
        s.apply(Action::Corrected(DocId(0), corrected));
        let shown = s.active_doc().analysed.as_ref().unwrap();
        assert_eq!((shown.analysis.claims.len(), shown.raw.claims.len()), (2, 3));
        assert_eq!(shown.corrections, [drop1]);
        assert_eq!(s.active_doc().selection, Selection::None);
        // An answer to another request is not overwritten by corrections of an older one.
        let mut other = first.with_corrections(vec![]);
        other.seq = 0;
        s.apply(Action::Corrected(DocId(0), other));
        assert_eq!(s.active_doc().analysed.as_ref().unwrap().analysis.claims.len(), 2);
    }

    #[test]
    fn kept_drafts_open_as_documents_and_undo_goes_back_to_the_opener() {
        let draft = |name: &str, text: &str| Draft { name: name.into(), text: text.into() };
        let drafts = vec![(None, "1".to_string(), draft("A", "a")), (Some(Rc::from("b")), "2".into(), draft("B", "b"))];
        let mut s = State::with_drafts(drafts);
        assert_eq!((s.docs.len(), s.active, s.next_doc), (2, DocId(0), 2));
        assert_eq!((s.docs[1].name.as_str(), &*s.docs[1].text, s.docs[1].store.as_str()), ("B", "b", "2"));
        assert_eq!(s.docs[1].source.as_deref(), Some("b"));
        s.apply(Action::Activate(DocId(1)));
        let (name, text) = ("C".into(), Rc::from("c"));
        s.apply(Action::Open { name, text, source: None, store: "3".into(), opener: Some(DocId(1)) });
        assert_eq!(s.active, DocId(2));
        s.apply(Action::Stored { doc: DocId(2), store: "4".into() });
        assert_eq!(s.docs[2].store, "4");
        s.apply(Action::Close(DocId(2)));
        assert_eq!(s.active, DocId(1), "back to the document it was opened from");
        assert_eq!(State::with_drafts(vec![]).docs.len(), 1);
    }

    #[test]
    fn a_markdown_source_applies_while_the_analysed_text_is_its_conversion() {
        let md = "---\nt: 1\n---\n# A *b*\n";
        let source: Rc<str> = Rc::from(md);
        let mut s = State::default();
        s.apply(Action::Load {
            doc: DocId(0),
            name: "a.md".into(),
            text: Rc::from("A b"),
            source: Some(source.clone()),
        });
        assert_eq!(s.active_doc().source_map(), None, "not analysed yet");
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        s.apply(finished(1, "A b"));
        let map = s.active_doc().source_map().unwrap();
        assert_eq!(&md[map.start(2)..map.end(3)], "b");
        // An edit keeps the source, but it no longer applies; it does again when the text is back.
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 2 });
        s.apply(finished(2, "A b!"));
        assert_eq!(s.active_doc().source_map(), None, "an edited text has no map");
        s.apply(Action::Clear(DocId(0)));
        s.apply(Action::Undo(DocId(0)));
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 3 });
        s.apply(finished(3, "A b"));
        assert!(s.active_doc().source_map().is_some(), "back after a clear and its undo");
        s.apply(Action::Load { doc: DocId(0), name: "b.txt".into(), text: Rc::from("A b"), source: None });
        assert_eq!(s.active_doc().source_map(), None, "a plain text has no map, even the same text");
    }

    #[test]
    fn several_documents() {
        let mut s = State::default();
        let (name, text) = ("Second".into(), Rc::from("b"));
        s.apply(Action::Open { name, text, source: None, store: "x".into(), opener: Some(DocId(0)) });
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

    #[test]
    fn a_filter_lasts_until_the_text_is_replaced() {
        use crate::engine::Anonymity;
        let mut s = State::with_draft("Draft", Rc::from("a"));
        let filter = Filter::Anonymity(Anonymity::Anonymous);
        s.apply(Action::Filter { doc: DocId(0), filter: filter.clone() });
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 1 });
        s.apply(finished(1, "a"));
        assert_eq!(s.active_doc().filter, filter, "kept across a new analysis of an edit");
        // A speaker filter is dropped when that speaker no longer exists.
        s.apply(Action::Filter { doc: DocId(0), filter: Filter::Speaker(3) });
        s.apply(Action::AnalysisStarted { doc: DocId(0), seq: 2 });
        s.apply(finished(2, "a"));
        assert_eq!(s.active_doc().filter, Filter::All);
        s.apply(Action::Filter { doc: DocId(0), filter: filter.clone() });
        s.apply(Action::Load { doc: DocId(0), name: "b".into(), text: Rc::from("b"), source: None });
        assert_eq!(s.active_doc().filter, Filter::All, "another text starts unfiltered");
    }
}
