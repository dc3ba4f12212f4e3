//! `entity-lens`: the command-line shell over the EntityLens core. See
//! `entity-lens --help` (text in `entity_lens::cli::HELP`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use entity_lens::cli::{self, Command};
    use std::io::{self, Read, Write};
    use std::process::exit;

    let cmd = match cli::parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("entity-lens: {e}\nTry `entity-lens --help`.");
            exit(2);
        }
    };
    let args = match cmd {
        Command::Help => {
            print!("{}", cli::HELP);
            return;
        }
        Command::Version => {
            println!("entity-lens {}", env!("CARGO_PKG_VERSION"));
            return;
        }
        Command::Analyze(a) => a,
    };
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        eprintln!("entity-lens: {what}: {e}");
        exit(1)
    };
    let stdout = io::stdout();
    if args.jsonl {
        let result = match &args.file {
            Some(path) => match std::fs::File::open(path) {
                Ok(f) => cli::run_jsonl(io::BufReader::new(f), stdout.lock(), args.date),
                Err(e) => fail(path, &e),
            },
            None => cli::run_jsonl(io::stdin().lock(), stdout.lock(), args.date),
        };
        if let Err(e) = result {
            fail("I/O error", &e);
        }
        return;
    }
    let bytes = match &args.file {
        Some(path) => std::fs::read(path).unwrap_or_else(|e| fail(path, &e)),
        None => {
            let mut b = Vec::new();
            if let Err(e) = io::stdin().read_to_end(&mut b) {
                fail("standard input", &e);
            }
            b
        }
    };
    let text = cli::decode(&bytes)
        .unwrap_or_else(|e| fail(args.file.as_deref().unwrap_or("standard input"), &e));
    let out = cli::render(text, args.date, args.format, args.pretty);
    if let Err(e) = stdout.lock().write_all(out.as_bytes()) {
        fail("I/O error", &e);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
