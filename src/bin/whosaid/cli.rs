//! Argument parsing and file I/O for the `whosaid` binary. All analysis is in the library.

use std::fs;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use whosaid::engine::eval::{self, Relation, Scores, SeedGold};
use whosaid::engine::export::{self, Origin};
use whosaid::engine::Mode;

#[derive(Parser)]
#[command(name = "whosaid", version, about = "Who said what in a news article: speakers, claims, attributions")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The rules alone, without the learned model (the rules-only numbers).
    #[arg(long, global = true)]
    rules_only: bool,
}

static MODE: std::sync::OnceLock<Mode> = std::sync::OnceLock::new();

/// Analyse with the mode the command line chose.
fn analyze(text: &str) -> whosaid::engine::Analysis {
    whosaid::engine::analyze_with(text, MODE.get().copied().unwrap_or_default())
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse files (or stdin): one JSON object per input, one per line.
    Analyze {
        /// Files to analyse; stdin when none is given.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Read JSON Lines `{"id": …, "text": …}` from stdin; write results in the same order, using every core.
        /// A bad line gets `{"id": …, "line": N, "error": …}` in its place (exit status 1); blank lines are skipped.
        #[arg(long)]
        jsonl: bool,
        /// Worker threads for --jsonl (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Instead of the analysis: per cue candidate, the rule that made a claim of it or the
        /// veto that dropped it.
        #[arg(long, conflicts_with = "jsonl")]
        explain: bool,
    },
    /// Score the engine on PolNeAR, on its speaker gold, or on the seed articles.
    Eval {
        /// PolNeAR directory (with train/ and dev/).
        #[arg(long)]
        polnear: Option<PathBuf>,
        /// Speaker gold directory (one `<stem>.json` per article, texts in `<polnear>/<split>/text/`):
        /// score speaker lists, clustering, anonymity and kinds instead of the PolNeAR spans.
        #[arg(long, requires = "polnear")]
        speakers: Option<PathBuf>,
        /// Split to score.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Seed directory (with gold.json and the article .txt files).
        #[arg(long)]
        seeds: Option<PathBuf>,
        /// Print per-document misses (seeds) or per-article errors (speakers) as well.
        #[arg(long)]
        verbose: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Score the articles of the split annotated more than once (PolNeAR train has 16, each
        /// by 5 or 6 annotators): the annotators against each other, and whosaid against each.
        #[arg(long, requires = "polnear", conflicts_with_all = ["speakers", "seeds"])]
        agreement: bool,
    },
    /// Compare two reports of one story: speakers and claims aligned, with their differences.
    Compare {
        /// The first report.
        a: PathBuf,
        /// The second report.
        b: PathBuf,
        /// Output format: one JSON object, or a readable summary (`text`).
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Mine cue statistics from PolNeAR train: writes `form<TAB>cue_count<TAB>total<TAB>precision`.
    MineCues {
        /// PolNeAR directory.
        #[arg(long)]
        polnear: PathBuf,
        /// Split to mine.
        #[arg(long, default_value = "train")]
        split: String,
        /// Also list frequent gold cue words that are not in the lexicon.
        #[arg(long)]
        missing: bool,
        /// Instead: mine which particles a cue form takes into its cue span ("railed against",
        /// "focused on"), written as `form<TAB>particle<TAB>included<TAB>total`.
        #[arg(long)]
        particles: bool,
    },
    /// Train the learned model on PolNeAR train (deterministic), tune its drop margin on dev,
    /// and write the model file the engine embeds.
    Train {
        /// PolNeAR directory (with train/ and dev/).
        #[arg(long)]
        polnear: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "model/whosaid.model")]
        out: PathBuf,
        /// Passes over the training examples.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// log2 of the number of hashed feature buckets.
        #[arg(long, default_value_t = 16)]
        bits: u32,
        /// Split to tune the drop margin on.
        #[arg(long, default_value = "dev")]
        tune: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    MODE.get_or_init(|| if cli.rules_only { Mode::Rules } else { Mode::Hybrid });
    let result = match cli.command {
        Command::Analyze { files, format, jsonl, threads, explain } => {
            if jsonl {
                analyze_jsonl(threads)
            } else {
                analyze_files(&files, if explain { None } else { Some(format) })
            }
        }
        Command::Eval { polnear: Some(polnear), speakers: Some(speakers), split, verbose, json, .. } => {
            eval_speakers(&speakers, &polnear, &split, verbose, json)
        }
        Command::Eval { polnear: Some(polnear), split, agreement: true, json, .. } => {
            eval_agreement(&polnear, &split, json)
        }
        Command::Eval { polnear, split, seeds, verbose, json, .. } => eval_cmd(polnear, &split, seeds, verbose, json),
        Command::Compare { a, b, format } => compare_cmd(&a, &b, format),
        Command::MineCues { polnear, split, particles: true, .. } => mine_particles(&polnear, &split),
        Command::MineCues { polnear, split, missing, .. } => mine_cues(&polnear, &split, missing),
        Command::Train { polnear, out, epochs, bits, tune } => train_cmd(&polnear, &out, epochs, bits, &tune),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file as text: invalid UTF-8 is an error naming the byte offset (no silent loss).
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).map_err(|e| format!("stdin: {e}"))?;
        b
    } else {
        fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// `format` `None`: the `--explain` listing.
fn analyze_files(files: &[PathBuf], format: Option<Format>) -> Result<ExitCode, String> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in files {
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("whosaid: {e}");
                failed = true;
                continue;
            }
        };
        let name = path.to_string_lossy();
        let Some(format) = format else {
            let (_, trace) = whosaid::engine::explain(&text);
            out.write_all(export::explain_view(&name, &text, &trace).as_bytes()).map_err(|e| e.to_string())?;
            continue;
        };
        let analysis = analyze(&text);
        let written = match format {
            Format::Json => export::write_json_record(&mut out, Origin::File(&name), &text, &analysis)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n")),
            Format::Csv => out.write_all(export::csv(&text, &analysis).as_bytes()),
            Format::Text => out.write_all(export::text_view(&name, &text, &analysis).as_bytes()),
        };
        written.map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `--jsonl`: one `{"id": …, "text": …}` object per stdin line, one output line per input line,
/// in input order. Blank lines are skipped (no output) but still counted in line numbers. A line
/// that cannot be analysed (not UTF-8, not JSON, no string `"text"`, an engine failure) is
/// answered in its place by `{"id": …, "line": N, "error": …}` and the stream goes on; the exit
/// status is then 1. Only a failure to read stdin or write stdout stops early (exit 2), after
/// writing every result computed so far.
fn analyze_jsonl(threads: Option<usize>) -> Result<ExitCode, String> {
    let n_threads =
        threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)).max(1);
    let mut input = io::stdin().lock();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut line_no = 0;
    let mut failed = false;
    let mut read_error = None;
    // Batches keep memory bounded; within a batch, lines are spread over the threads and
    // written back in input order.
    while read_error.is_none() {
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
        while batch.len() < 256 * n_threads {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {
                    line_no += 1;
                    batch.push((line_no, line));
                }
                Err(e) => {
                    read_error = Some(format!("stdin, after line {line_no}: {e}"));
                    break;
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let mut results: Vec<Option<Result<String, String>>> = vec![None; batch.len()];
        let chunk = batch.len().div_ceil(n_threads);
        std::thread::scope(|scope| {
            for (lines, outs) in batch.chunks(chunk).zip(results.chunks_mut(chunk)) {
                scope.spawn(move || {
                    for ((n, line), out) in lines.iter().zip(outs.iter_mut()) {
                        *out = jsonl_line(*n, line);
                    }
                });
            }
        });
        for r in results.into_iter().flatten() {
            failed |= r.is_err();
            let r = r.unwrap_or_else(|e| e);
            out.write_all(r.as_bytes()).and_then(|_| out.write_all(b"\n")).map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    match read_error {
        Some(e) => Err(e),
        None => Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }),
    }
}

/// The output line for input line `n` (1-based, `line` with its line end): `None` for a blank
/// line, `Ok` the analysis record, `Err` the error object.
fn jsonl_line(n: usize, line: &[u8]) -> Option<Result<String, String>> {
    #[derive(serde::Serialize)]
    struct LineError<'a> {
        id: &'a serde_json::Value,
        line: usize,
        error: String,
    }
    let fail = |id: &serde_json::Value, error: String| {
        Some(Err(serde_json::to_string(&LineError { id, line: n, error }).expect("strings and numbers")))
    };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = match std::str::from_utf8(line) {
        Ok(line) if line.trim().is_empty() => return None,
        Ok(line) => line,
        Err(e) => {
            // Recover the id if the line is JSON once the bad bytes are replaced and the id
            // itself does not contain one of them.
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<serde_json::Value>(&lossy)
                .ok()
                .and_then(|mut v| v.get_mut("id").map(serde_json::Value::take))
                .filter(|id| !id.to_string().contains('\u{FFFD}'))
                .unwrap_or_default();
            let at = e.valid_up_to();
            return fail(
                &id,
                format!(
                    "not UTF-8 (invalid byte 0x{:02X} at offset {} of the line); convert the input to UTF-8",
                    line[at], at
                ),
            );
        }
    };
    let mut value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            // serde_json says "at line 1 column C"; only the column means anything here.
            let msg = e.to_string();
            let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m);
            return fail(&serde_json::Value::Null, format!("not JSON: {msg} at column {}", e.column()));
        }
    };
    let Some(obj) = value.as_object_mut() else {
        return fail(&serde_json::Value::Null, format!("not a JSON object but {}", json_kind(&value)));
    };
    let id = obj.remove("id").unwrap_or_default();
    let text = match obj.remove("text") {
        Some(serde_json::Value::String(text)) => text,
        None => return fail(&id, "no \"text\" field".into()),
        Some(other) => return fail(&id, format!("\"text\" is {}, not a string", json_kind(&other))),
    };
    let record = std::panic::catch_unwind(|| export::try_json_record(Origin::Id(&id), &text, &analyze(&text)));
    match record {
        Ok(Ok(record)) => Some(Ok(record)),
        Ok(Err(e)) => fail(&id, format!("could not write the analysis: {e}")),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("unknown cause");
            fail(&id, format!("the engine failed on this text: {msg}"))
        }
    }
}

/// "a number", "an array", … for error messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `(stem, text, gold relations)` of a PolNeAR split, first annotator file per article.
pub fn load_polnear(dir: &Path, split: &str) -> Result<Vec<(String, String, Vec<Relation>)>, String> {
    let all = load_polnear_all(dir, split)?;
    Ok(all.into_iter().map(|(stem, text, mut anns)| (stem, text, anns.swap_remove(0))).collect())
}

/// One PolNeAR article: its stem, its text and one relation list per annotator file.
type Annotated = (String, String, Vec<Vec<Relation>>);

/// Every article of a PolNeAR split with every annotation: one relation list per annotator file
/// (`<stem>_<annotator>.ann`), in sorted order; every article has at least one.
pub fn load_polnear_all(dir: &Path, split: &str) -> Result<Vec<Annotated>, String> {
    let base = dir.join(split);
    let mut anns: Vec<PathBuf> = fs::read_dir(base.join("attributions"))
        .map_err(|e| format!("{}: {e}", base.join("attributions").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out: Vec<Annotated> = Vec::new();
    for ann in anns {
        let file = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((stem, _annotator)) = file.rsplit_once('_') else {
            continue;
        };
        let ann_text = read_text(&ann)?;
        match out.last_mut() {
            Some((s, text, v)) if s == stem => v.push(eval::parse_brat(text, &ann_text)),
            _ => {
                let text = read_text(&base.join("text").join(format!("{stem}.txt")))?;
                let gold = eval::parse_brat(&text, &ann_text);
                out.push((stem.to_string(), text, vec![gold]));
            }
        }
    }
    Ok(out)
}

/// `eval --agreement`: the split's articles annotated more than once, the annotators scored
/// against each other and whosaid against each annotator.
fn eval_agreement(dir: &Path, split: &str, json: bool) -> Result<ExitCode, String> {
    let docs: Vec<_> = load_polnear_all(dir, split)?.into_iter().filter(|(_, _, anns)| anns.len() > 1).collect();
    if docs.is_empty() {
        return Err(format!("{}: no article of {split} has more than one annotation file", dir.display()));
    }
    let (mut annotators, mut tool) = (Scores::default(), Scores::default());
    for (_, text, anns) in &docs {
        eval::score_agreement(text, anns, &eval::relations_of(&analyze(text)), &mut annotators, &mut tool);
    }
    let annotations: usize = docs.iter().map(|(_, _, a)| a.len()).sum();
    if json {
        let v = serde_json::json!({
            "documents": docs.len(), "annotations": annotations, "annotators": annotators, "whosaid": tool,
        });
        println!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "PolNeAR {split}: {} articles annotated more than once ({annotations} annotations); F1 of the annotators \
         against each other, and of whosaid against each annotator",
        docs.len()
    );
    println!("  {:<22} {:>10} {:>10}", "", "annotators", "whosaid");
    type Row = (&'static str, fn(&Scores) -> &eval::Prf);
    let rows: [Row; 8] = [
        ("source exact", |s| &s.source_exact),
        ("source overlap", |s| &s.source_overlap),
        ("cue exact", |s| &s.cue_exact),
        ("cue overlap", |s| &s.cue_overlap),
        ("content exact", |s| &s.content_exact),
        ("content overlap", |s| &s.content_overlap),
        ("relation", |s| &s.relation),
        ("relation+source", |s| &s.relation_source),
    ];
    for (name, f) in rows {
        println!("  {name:<22} {:>10.3} {:>10.3}", f(&annotators).f1(), f(&tool).f1());
    }
    Ok(ExitCode::SUCCESS)
}

fn print_prf(name: &str, p: &eval::Prf) {
    println!(
        "  {name:<22} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, pred {}, gold {})",
        p.p(),
        p.r(),
        p.f1(),
        p.tp,
        p.pred,
        p.gold
    );
}

fn eval_cmd(
    polnear: Option<PathBuf>,
    split: &str,
    seeds: Option<PathBuf>,
    verbose: bool,
    json: bool,
) -> Result<ExitCode, String> {
    if polnear.is_none() && seeds.is_none() {
        return Err("give --polnear DIR and/or --seeds DIR".into());
    }
    if let Some(dir) = polnear {
        let docs = load_polnear(&dir, split)?;
        let start = std::time::Instant::now();
        let mut scores = Scores::default();
        let mut bytes = 0;
        for (_, text, gold) in &docs {
            let a = analyze(text);
            bytes += text.len();
            eval::score_document(text, gold, &eval::relations_of(&a), &mut scores);
        }
        let secs = start.elapsed().as_secs_f64();
        if json {
            println!("{}", serde_json::to_string(&scores).map_err(|e| e.to_string())?);
        } else {
            println!(
                "PolNeAR {split}: {} articles, {:.1} MB analysed and scored in {secs:.2} s",
                scores.documents,
                bytes as f64 / 1e6
            );
            print_prf("source exact", &scores.source_exact);
            print_prf("source overlap", &scores.source_overlap);
            print_prf("cue exact", &scores.cue_exact);
            print_prf("cue overlap", &scores.cue_overlap);
            print_prf("content exact", &scores.content_exact);
            print_prf("content overlap", &scores.content_overlap);
            print_prf("relation", &scores.relation);
            print_prf("relation+source", &scores.relation_source);
        }
    }
    if let Some(dir) = seeds {
        let gold: Vec<SeedGold> =
            serde_json::from_str(&read_text(&dir.join("gold.json"))?).map_err(|e| format!("gold.json: {e}"))?;
        let mut stems: Vec<String> = gold.iter().map(|g| g.doc.clone()).collect();
        stems.dedup();
        let mut docs = Vec::new();
        for stem in stems {
            let text = read_text(&dir.join(format!("{stem}.txt")))?;
            let a = analyze(&text);
            docs.push((stem, text, a));
        }
        let rep = eval::score_seeds(&docs, &gold);
        if json {
            println!("{}", serde_json::to_string(&rep).map_err(|e| e.to_string())?);
        } else {
            println!(
                "Seeds: {} of {} non-borderline attributions found with the right speaker; {} claims match nothing",
                rep.found, rep.gold, rep.unmatched
            );
            if verbose {
                println!("  missed: {}", rep.missed.join(", "));
                for s in &rep.spurious {
                    println!("  unmatched: {s}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `s` in double quotes, white space runs (line breaks, no-break spaces) as one space.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `eval --speakers DIR --polnear DIR`: every `<stem>.json` of the speaker gold against the
/// analysis of `<polnear>/<split>/text/<stem>.txt`.
fn eval_speakers(dir: &Path, polnear: &Path, split: &str, verbose: bool, json: bool) -> Result<ExitCode, String> {
    use eval::speakers::{score_speakers, SpeakerGold, SpeakerScores};
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .json speaker gold files", dir.display()));
    }
    let mut total = SpeakerScores::default();
    for file in &files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let text = read_text(&polnear.join(split).join("text").join(format!("{stem}.txt")))?;
        let gold = SpeakerGold::parse(&read_text(file)?)
            .and_then(|g| g.check(&text).map(|()| g))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let rep = score_speakers(&text, &gold, &analyze(&text));
        total.add(&rep.scores);
        if verbose && !json {
            let s = &rep.scores;
            println!(
                "{stem}: {} cards, {} matched of {} entities, {} of {} spans paired",
                s.speakers.pred, s.speakers.tp, s.speakers.gold, s.paired_spans, s.gold_spans
            );
            for d in &rep.duplicates {
                println!(
                    "  duplicate  S{} {} ({} spans) → {}, taken by S{} {}",
                    d.card.id,
                    quoted(&d.card.name),
                    d.votes,
                    quoted(&d.entity),
                    d.winner.id,
                    quoted(&d.winner.name)
                );
            }
            for j in &rep.junk {
                let sources: Vec<String> = j.sources.iter().map(|s| quoted(s)).collect();
                let how = if j.outvoted { " (outvoted)" } else { "" };
                println!("  junk       S{} {}{how}: {}", j.card.id, quoted(&j.card.name), sources.join(", "));
            }
            for e in &rep.anonymity_errors {
                let card = format!("S{} {}", e.card.id, quoted(&e.card.name));
                println!("  anonymity  {}: {} vs gold {} ({card})", quoted(&e.text), e.predicted, e.gold);
            }
            for e in &rep.kind_errors {
                let card = format!("S{} {}", e.card.id, quoted(&e.card.name));
                println!(
                    "  kind       {}: {} vs gold {} ({card})",
                    quoted(&e.text),
                    e.predicted.as_str(),
                    e.gold.as_str()
                );
            }
        }
    }
    if json {
        println!("{}", serde_json::to_string(&total).map_err(|e| e.to_string())?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Speakers ({} articles of {}): {} of {} gold source spans paired",
        total.documents,
        dir.display(),
        total.paired_spans,
        total.gold_spans
    );
    print_prf("speaker list", &total.speakers);
    println!(
        "  {:<22} P {:.3}  R {:.3}  F1 {:.3}   ({} paired spans)",
        "B³ clustering",
        total.b3.p(),
        total.b3.r(),
        total.b3.f1(),
        total.b3.items
    );
    print_prf("anonymous", &total.anonymous);
    println!(
        "  {:<22} {:.3}   ({} of {} paired spans)",
        "kind accuracy",
        total.kind.value(),
        total.kind.correct,
        total.kind.total
    );
    println!("  {:<22} {} junk, {} duplicate", "cards", total.junk_cards, total.duplicate_cards);
    Ok(ExitCode::SUCCESS)
}

/// For every lexicon cue form inside a gold cue span and followed by a particle (a closed list
/// of prepositions and adverb particles): how often the gold span takes the particle in too.
/// Pairs seen at least `MIN_SEEN` times and taken in at least `MIN_SHARE` of the time are kept.
fn mine_particles(dir: &Path, split: &str) -> Result<ExitCode, String> {
    use std::collections::BTreeMap;
    use whosaid::engine::lexicon::{Lexicon, PARTICLES};
    use whosaid::engine::segment::{tokenize, TokKind};
    const MIN_SEEN: usize = 2;
    const MIN_SHARE: f64 = 0.6;
    let docs = load_polnear(dir, split)?;
    let lex = Lexicon::get();
    let mut counts: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for (_, text, gold) in &docs {
        let cue_spans: Vec<whosaid::engine::Span> = gold.iter().flat_map(|r| r.cue.iter().copied()).collect();
        let toks = tokenize(text);
        for pair in toks.windows(2) {
            let (w, p) = (pair[0], pair[1]);
            if w.kind != TokKind::Word || p.kind != TokKind::Word {
                continue;
            }
            let (form, particle) = (w.span.text(text).to_lowercase(), p.span.text(text).to_lowercase());
            if lex.cue(&form).is_none() || !PARTICLES.contains(&particle.as_str()) {
                continue;
            }
            let Some(cue) = cue_spans.iter().find(|c| c.contains(w.span)) else { continue };
            let entry = counts.entry((form, particle)).or_default();
            entry.1 += 1;
            if cue.contains(p.span) {
                entry.0 += 1;
            }
        }
    }
    println!(
        "# form\tparticle\tincluded\ttotal — mined by `whosaid mine-cues --particles --polnear DIR` from PolNeAR {split} \
         ({} articles): gold cue spans that take the particle in at least {MIN_SHARE} of {MIN_SEEN}+ times",
        docs.len()
    );
    for ((form, particle), (inc, total)) in counts {
        if total >= MIN_SEEN && inc as f64 >= MIN_SHARE * total as f64 {
            println!("{form}\t{particle}\t{inc}\t{total}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn mine_cues(dir: &Path, split: &str, missing: bool) -> Result<ExitCode, String> {
    use std::collections::HashMap;
    use whosaid::engine::lexicon::Lexicon;
    let docs = load_polnear(dir, split)?;
    let lex = Lexicon::get();
    // For every lexicon form: occurrences as a word, and occurrences inside a gold cue span.
    let mut total: HashMap<String, usize> = HashMap::new();
    let mut as_cue: HashMap<String, usize> = HashMap::new();
    let mut gold_words: HashMap<String, usize> = HashMap::new();
    for (_, text, gold) in &docs {
        let cue_spans: Vec<whosaid::engine::Span> = gold.iter().flat_map(|r| r.cue.iter().copied()).collect();
        for tok in whosaid::engine::segment::tokenize(text) {
            if tok.kind != whosaid::engine::segment::TokKind::Word {
                continue;
            }
            let w = tok.span.text(text).to_lowercase();
            let in_cue = cue_spans.iter().any(|c| c.contains(tok.span));
            if in_cue {
                *gold_words.entry(w.clone()).or_default() += 1;
            }
            if lex.cue(&w).is_some() {
                *total.entry(w.clone()).or_default() += 1;
                if in_cue {
                    *as_cue.entry(w).or_default() += 1;
                }
            }
        }
    }
    let mut forms: Vec<(&str, _)> = lex.cue_forms().collect();
    forms.sort_by_key(|(f, _)| *f);
    println!("# form\tcue_count\ttotal\tprecision — mined by `whosaid mine-cues --polnear DIR` from PolNeAR {split} ({} articles)", docs.len());
    for (form, _) in forms {
        let t = total.get(form).copied().unwrap_or(0);
        let c = as_cue.get(form).copied().unwrap_or(0);
        // Add-one smoothing so unseen forms get a modest prior instead of 0 or 1.
        let p = (c as f64 + 0.5) / (t as f64 + 1.0);
        println!("{form}\t{c}\t{t}\t{p:.3}");
    }
    if missing {
        let mut miss: Vec<(&String, &usize)> = gold_words.iter().filter(|(w, _)| lex.cue(w).is_none()).collect();
        miss.sort_by(|a, b| b.1.cmp(a.1));
        eprintln!("# frequent words inside gold cues that are not lexicon forms:");
        for (w, n) in miss.into_iter().take(80) {
            eprintln!("#   {w}\t{n}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `whosaid compare A B`: `{"documents": [record A, record B], "speakers", "pairs", "only"}`.
fn compare_cmd(a: &Path, b: &Path, format: Format) -> Result<ExitCode, String> {
    let (ta, tb) = (read_text(a)?, read_text(b)?);
    let (xa, xb) = (analyze(&ta), analyze(&tb));
    let c = whosaid::engine::compare::compare(&ta, &xa, &tb, &xb);
    let out = match format {
        Format::Text => {
            export::compare_text([&*a.to_string_lossy(), &*b.to_string_lossy()], [&ta, &tb], [&xa, &xb], &c)
        }
        _ => {
            let records = [
                export::json_record(Origin::File(&a.to_string_lossy()), &ta, &xa),
                export::json_record(Origin::File(&b.to_string_lossy()), &tb, &xb),
            ];
            let j = |v: &dyn erased::Ser| v.json();
            format!(
                "{{\"documents\":[{},{}],\"speakers\":{},\"pairs\":{},\"only\":{}}}\n",
                records[0],
                records[1],
                j(&c.speakers),
                j(&c.pairs),
                j(&c.only)
            )
        }
    };
    io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// JSON of the comparison's parts (plain structs of strings and numbers: serialising cannot fail).
mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_else(|_| "null".to_string())
        }
    }
}

/// `whosaid train`: examples from PolNeAR train, both labellers trained, the drop margin tuned
/// on `tune` (relation F1), the model written to `out`.
fn train_cmd(polnear: &Path, out: &Path, epochs: usize, bits: u32, tune: &str) -> Result<ExitCode, String> {
    use whosaid::engine::attribution::learned::{train, Model};
    let start = std::time::Instant::now();
    let docs = load_polnear(polnear, "train")?;
    let mut ex = train::Examples::default();
    for (_, text, gold) in &docs {
        train::add_examples(text, gold, &mut ex);
    }
    eprintln!(
        "{} articles: {} cue sequences, {} role sequences ({:.1} s)",
        docs.len(),
        ex.cue.len(),
        ex.role.len(),
        start.elapsed().as_secs_f64()
    );
    let opts = train::Options { epochs, bits, ..Default::default() };
    let model = train::train(&ex, &opts, i32::MAX / 2, &mut |m| eprintln!("{m}"))
        .ok_or("the trained weights do not make a model")?;
    eprintln!(
        "trained in {:.1} s; train token accuracy: cue {:.4}, role {:.4}",
        start.elapsed().as_secs_f64(),
        train::accuracy(&ex.cue, &model.cue),
        train::accuracy(&ex.role, &model.role)
    );
    let held = load_polnear(polnear, tune)?;
    let mut hex = train::Examples::default();
    for (_, text, gold) in &held {
        train::add_examples(text, gold, &mut hex);
    }
    eprintln!(
        "{tune} token accuracy: cue {:.4}, role given the gold cues {:.4}",
        train::accuracy(&hex.cue, &model.cue),
        train::accuracy(&hex.role, &model.role)
    );
    let (gold, predicted, exact) = train::cue_runs_found(&hex.cue, &model.cue);
    eprintln!(
        "{tune} cue tagger alone: {exact} of {gold} gold cues found exactly (R {:.3}), {predicted} tagged (P {:.3})",
        exact as f64 / gold.max(1) as f64,
        exact as f64 / predicted.max(1) as f64
    );
    let mut best = (f64::MIN, i32::MAX / 2);
    for margin in [i32::MAX / 2, 100, 50, 25, 0, -25, -50, -75] {
        let m: &'static Model = Box::leak(Box::new(Model { drop_margin: margin, ..model.clone() }));
        let mut scores = Scores::default();
        for (_, text, gold) in &held {
            let a = whosaid::engine::analyze_with(text, Mode::With(m));
            eval::score_document(text, gold, &eval::relations_of(&a), &mut scores);
        }
        let f = scores.relation.f1();
        eprintln!(
            "drop margin {margin}: {tune} relation F1 {f:.4} (P {:.3} R {:.3}), +source {:.4}, cue exact {:.4}, source exact {:.4}, content exact {:.4} overlap {:.4}",
            scores.relation.p(),
            scores.relation.r(),
            scores.relation_source.f1(),
            scores.cue_exact.f1(),
            scores.source_exact.f1(),
            scores.content_exact.f1(),
            scores.content_overlap.f1()
        );
        if f > best.0 {
            best = (f, margin);
        }
    }
    let bytes = Model { drop_margin: best.1, ..model }.write();
    fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, drop margin {}) in {:.1} s",
        out.display(),
        bytes.len(),
        best.1,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
