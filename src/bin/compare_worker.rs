//! The comparison web worker: registers [`whosaid::web::worker::register_compare`]. A binary of
//! its own, fetched only when a user compares two documents: the analysis worker every page
//! loads does not carry the comparison code.

fn main() {
    whosaid::web::worker::register_compare();
}
