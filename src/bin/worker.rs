//! The analysis web worker: registers [`whosaid::web::worker::AnalyzeTask`].

fn main() {
    whosaid::web::worker::register();
}
