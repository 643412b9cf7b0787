//! The analysis web worker: registers [`whosaid::web::worker::register`].

fn main() {
    whosaid::web::worker::register();
}
