//! The app's main thread: renders [`whosaid::web::App`] into the page's `<body>`.

fn main() {
    yew::Renderer::<whosaid::web::App>::new().render();
}
