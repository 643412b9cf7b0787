//! The analysis status line (`#status`, a polite live region).

use yew::prelude::*;

use crate::web::state::Run;

/// Props of [`Status`].
#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// Where the analysis stands.
    pub run: Run,
    /// Round-trip milliseconds of the shown analysis.
    pub total_ms: Option<f64>,
}

/// The status text for a run.
pub fn status_text(run: &Run, total_ms: Option<f64>) -> String {
    match run {
        Run::Idle => "Ready: paste an article, open a file or try an example.".to_string(),
        Run::Analysing { .. } => "Analysing…".to_string(),
        Run::Done => format!("Done in {} ms", total_ms.unwrap_or(0.0).round().max(0.0) as u64),
        Run::Failed(e) => format!("Error: {e}"),
        Run::NotAnalysed(why) => format!("Not analysed: {why}"),
    }
}

/// The status line.
#[component(Status)]
pub fn status(props: &StatusProps) -> Html {
    let class = match props.run {
        Run::Idle => "status",
        Run::Analysing { .. } => "status is-busy",
        Run::Done => "status is-done",
        Run::Failed(_) | Run::NotAnalysed(_) => "status is-error",
    };
    html! {
        <p id="status" {class} role="status" aria-live="polite" aria-atomic="true">
            { status_text(&props.run, props.total_ms) }
        </p>
    }
}
