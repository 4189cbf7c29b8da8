//! The `zhudian` binary: a thin shell over the library's command layer
//! (`zhudian::cli`), which parses, runs and picks the exit code.

fn main() {
    std::process::exit(zhudian::cli::main());
}
