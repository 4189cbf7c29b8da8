fn main() {
    std::process::exit(zhudian::cli::main());
}
