use clap::Parser;

fn main() {
    let cli = nianbao::cli::Cli::parse();
    if let Err(error) = nianbao::run(cli) {
        if !matches!(error, nianbao::Error::InvalidInput { .. }) {
            eprintln!("error: {error}");
        }
        std::process::exit(error.exit_code());
    }
}
