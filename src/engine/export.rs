//! Renderings of an [`Analysis`]: the JSON record (CLI and app export), CSV (one row per claim),
//! and plain text for a claim. The format is documented in `docs/format.md`.

use serde::Serialize;

use super::model::{Analysis, Anonymity, Claim, Diagnostic, Speaker, Stats};
use super::span::Span;

/// Separator between the parts of a discontinuous span when shown as text.
pub const GAP: &str = " … ";

/// The text of a (possibly discontinuous) span list, parts joined by [`GAP`].
pub fn spans_text(text: &str, spans: &[Span]) -> String {
    let parts: Vec<&str> = spans.iter().map(|s| s.text(text).trim()).collect();
    parts.join(GAP)
}

#[derive(Serialize)]
struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    speakers: &'a [Speaker],
    claims: ClaimsOut<'a>,
    boilerplate: &'a [Span],
    diagnostics: &'a [Diagnostic],
    stats: &'a Stats,
}

/// The claims with their texts, serialised one by one (never all texts in memory at once).
struct ClaimsOut<'a> {
    text: &'a str,
    claims: &'a [Claim],
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text;
        serializer.collect_seq(self.claims.iter().map(|claim| ClaimOut {
            claim,
            content_text: SpansText(text, &claim.content),
            cue_text: SpansText(text, &claim.cue),
            source_text: SpansText(text, &claim.source),
        }))
    }
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    content_text: SpansText<'a>,
    cue_text: SpansText<'a>,
    source_text: SpansText<'a>,
}

/// [`spans_text`], computed when serialised.
struct SpansText<'a>(&'a str, &'a [Span]);

impl Serialize for SpansText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&spans_text(self.0, self.1))
    }
}

/// Where a record came from: a file path, or an id from a JSON Lines input.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// A file path as given on the command line (or `-` for stdin).
    File(&'a str),
    /// The `id` of a `{"id": …, "text": …}` input line.
    Id(&'a serde_json::Value),
    /// Nothing to say.
    None,
}

/// The JSON record of one analysis (one line of the CLI's JSON Lines output; the app's export).
pub fn json_record(origin: Origin<'_>, text: &str, analysis: &Analysis) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    try_json_record(origin, text, analysis).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// [`json_record`], with a serialisation error returned rather than written as `{"error": …}`.
pub fn try_json_record(origin: Origin<'_>, text: &str, analysis: &Analysis) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json_record(&mut out, origin, text, analysis)?;
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// [`json_record`] written straight to `w` (no copy of the whole record in memory).
pub fn write_json_record<W: std::io::Write>(
    w: W,
    origin: Origin<'_>,
    text: &str,
    analysis: &Analysis,
) -> serde_json::Result<()> {
    let (file, id) = match origin {
        Origin::File(f) => (Some(f), None),
        Origin::Id(v) => (None, Some(v)),
        Origin::None => (None, None),
    };
    let record = Record {
        file,
        id,
        speakers: &analysis.speakers,
        claims: ClaimsOut { text, claims: &analysis.claims },
        boilerplate: &analysis.boilerplate,
        diagnostics: &analysis.diagnostics,
        stats: &analysis.stats,
    };
    serde_json::to_writer(w, &record)
}

/// The columns of [`csv`].
pub const CSV_HEADER: &[&str] = &[
    "claim_id",
    "kind",
    "speaker_id",
    "speaker",
    "speaker_kind",
    "anonymous",
    "anonymity",
    "anonymity_evidence",
    "source",
    "cue",
    "stance",
    "via",
    "content",
    "content_start",
    "content_end",
    "confidence",
];

fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// CSV (RFC 4180), one row per claim, with a header row.
pub fn csv(text: &str, analysis: &Analysis) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for claim in &analysis.claims {
        let speaker = claim.speaker.and_then(|id| analysis.speakers.get(id as usize));
        let via = claim
            .via
            .as_ref()
            .map(|v| match v.speaker.and_then(|id| analysis.speakers.get(id as usize)) {
                Some(s) => s.name.clone(),
                None => spans_text(text, &v.source),
            })
            .unwrap_or_default();
        let fields = [
            claim.id.to_string(),
            claim.kind.as_str().to_string(),
            claim.speaker.map(|s| s.to_string()).unwrap_or_default(),
            speaker.map(|s| s.name.clone()).unwrap_or_default(),
            speaker.map(|s| s.kind.as_str().to_string()).unwrap_or_default(),
            speaker.map(|s| s.anonymous.to_string()).unwrap_or_default(),
            speaker.map(|s| s.anonymity.as_str().to_string()).unwrap_or_default(),
            speaker.map(|s| s.evidence.clone()).unwrap_or_default(),
            spans_text(text, &claim.source),
            spans_text(text, &claim.cue),
            claim.stance.as_str().to_string(),
            via,
            spans_text(text, &claim.content),
            claim.content.first().map(|s| s.start.to_string()).unwrap_or_default(),
            claim.content.last().map(|s| s.end.to_string()).unwrap_or_default(),
            format!("{:.2}", claim.confidence),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    }
    out
}

/// A claim as plain text for the clipboard: `Speaker (stance cue): “content”`.
pub fn claim_text(text: &str, analysis: &Analysis, claim: &Claim) -> String {
    let who = claim
        .speaker
        .and_then(|id| analysis.speakers.get(id as usize))
        .map(|s| s.name.clone())
        .unwrap_or_else(|| "(no source)".to_string());
    format!(
        "{who} ({} {}): “{}”",
        claim.stance.as_str(),
        spans_text(text, &claim.cue),
        spans_text(text, &claim.content)
    )
}

/// A readable annotated view: speakers, then claims, then diagnostics (the CLI's `--format text`,
/// and the golden snapshots).
pub fn text_view(name: &str, text: &str, a: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {name}: {} speakers, {} claims", a.speakers.len(), a.claims.len());
    for sp in &a.speakers {
        let n = a.claims.iter().filter(|c| c.speaker == Some(sp.id)).count();
        let _ = writeln!(
            s,
            "  S{} {}{} [{}{}] {} claim(s), {} mention(s){}",
            sp.id,
            sp.name,
            if sp.confidence < 0.7 { "?" } else { "" },
            sp.kind.as_str(),
            match (sp.anonymity, sp.evidence.as_str()) {
                (Anonymity::Named, _) => String::new(),
                (a, "") => format!(", {}", a.as_str()),
                (a, why) => format!(", {}: {why}", a.as_str()),
            },
            n,
            sp.mentions.len(),
            if sp.titles.is_empty() { String::new() } else { format!(" — {}", sp.titles.join("; ")) }
        );
    }
    for c in &a.claims {
        let who = c.speaker.and_then(|i| a.speakers.get(i as usize)).map(|s| s.name.as_str()).unwrap_or("—");
        let via = c
            .via
            .as_ref()
            .map(|v| {
                format!(
                    " via {}",
                    v.speaker.and_then(|i| a.speakers.get(i as usize)).map(|s| s.name.as_str()).unwrap_or("?")
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  C{} {} | {} {}{via} | {:?} ({}) | {}",
            c.id,
            c.kind.as_str(),
            who,
            c.stance.as_str(),
            spans_text(text, &c.cue),
            spans_text(text, &c.source),
            spans_text(text, &c.content)
        );
    }
    for d in &a.diagnostics {
        let _ = writeln!(s, "  ! {}: {}", d.code, d.message);
    }
    s
}

/// The `--explain` listing: per cue candidate, where it is, its lexicon entry, and the rule that
/// made a claim of it (with the claim's source and content) or the veto that dropped it.
pub fn explain_view(name: &str, text: &str, trace: &[super::attribution::Trace]) -> String {
    use super::attribution::Outcome;
    use std::fmt::Write;
    let mut out = format!("== {name}\n");
    let clip = |s: &str| -> String {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.chars().count() > 80 {
            s.chars().take(77).collect::<String>() + "…"
        } else {
            s
        }
    };
    for t in trace {
        let entry = match t.class {
            Some(class) => format!("{} {:?} p={:.2}", t.lemma, class, t.prior).to_lowercase(),
            None => "sentence rule".to_string(),
        };
        let _ = write!(out, "{:>7}  {:<24} {:<28} ", t.at.start, clip(t.at.text(text)), entry);
        let _ = match t.outcome {
            Outcome::Claim(rule) => writeln!(
                out,
                "claim by [{rule}]  source: {}  content: {}",
                t.source.map_or_else(|| "(none)".to_string(), |s| clip(s.text(text))),
                clip(&spans_text(text, &t.content))
            ),
            Outcome::Veto(why) => writeln!(out, "dropped: {why}"),
        };
    }
    out
}

/// `whosaid compare --format text`: the aligned speakers, then each pair with its differences,
/// then the claims only one report carries.
pub fn compare_text(
    names: [&str; 2],
    texts: [&str; 2],
    analyses: [&Analysis; 2],
    c: &super::compare::Comparison,
) -> String {
    use std::fmt::Write;
    let clip = |s: String| -> String {
        if s.chars().count() > 90 {
            s.chars().take(87).collect::<String>() + "…"
        } else {
            s
        }
    };
    let claim = |d: usize, id: u32| -> String {
        let a = analyses[d];
        let Some(cl) = a.claims.get(id as usize) else { return String::new() };
        let who = cl.speaker.and_then(|s| a.speakers.get(s as usize)).map_or("—", |s| s.name.as_str());
        clip(format!("[{who}] {}", spans_text(texts[d], &cl.content)))
    };
    let mut out = format!("== A: {}\n== B: {}\n", names[0], names[1]);
    let _ = writeln!(out, "speakers in both: {}", c.speakers.len());
    for l in &c.speakers {
        let name =
            |(d, s): (usize, u32)| analyses[d].speakers.get(s as usize).map_or(String::new(), |x| x.name.clone());
        let _ = writeln!(out, "  {}  =  {}", name(l.in_docs[0]), name(l.in_docs[1]));
    }
    for p in &c.pairs {
        let rel = match p.relation {
            super::compare::Relation::Same => "SAME",
            super::compare::Relation::Related => "related",
        };
        let _ =
            writeln!(out, "{rel} {:.2}\n  A#{} {}\n  B#{} {}", p.score, p.a.1, claim(0, p.a.1), p.b.1, claim(1, p.b.1));
        for d in &p.differences {
            let _ = writeln!(out, "    {}: {} | {}", d.kind, clip(d.a.clone()), clip(d.b.clone()));
        }
    }
    for &(d, id) in &c.only {
        let _ = writeln!(out, "only in {}: #{id} {}", if d == 0 { "A" } else { "B" }, claim(d, id));
    }
    out
}
