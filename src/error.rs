//! The one error type of a run, and its exit codes.
//!
//! Exit codes: 0 success; 1 the input has errors (diagnostics were printed);
//! 2 usage or I/O failure (a file that cannot be read or written, a bad option).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::locale::{tr, user_lang};

#[derive(Debug)]
pub enum Error {
    /// The inputs have errors; their diagnostics have been printed.
    InvalidInput { errors: usize },
    /// The run cannot go on for a reason printed as a diagnostic (a font folder
    /// that cannot be used): exit 2, nothing more to print.
    Reported,
    /// A file could not be read or written.
    Io {
        path: PathBuf,
        /// What was done: `io-ACTION` of `locales/*/errors.ftl` says it
        /// ("read", "create-folder").
        action: &'static str,
        source: std::io::Error,
    },
    /// An option or argument that cannot be used.
    Usage(String),
    /// The work was refused (an archived document would be overwritten, an
    /// archive does not verify); the message says why.
    Refused(String),
}

impl Error {
    pub fn io(path: &Path, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::InvalidInput { .. } | Error::Refused(_) => 1,
            Error::Io { .. } | Error::Usage(_) | Error::Reported => 2,
        }
    }
}

impl fmt::Display for Error {
    /// In the user's language: an error knows no document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = user_lang();
        match self {
            Error::Reported => f.write_str(&tr!(lang, "run-failed")),
            Error::InvalidInput { errors: 1 } => f.write_str(&tr!(lang, "run-failed-one-error")),
            Error::InvalidInput { errors } => {
                f.write_str(&tr!(lang, "run-failed-errors", errors = errors))
            }
            Error::Io {
                path,
                action,
                source,
            } => f.write_str(&tr!(
                lang,
                "io-error",
                action = tr!(lang, &format!("io-{action}")),
                path = path.display(),
                source = reason(lang, source)
            )),
            Error::Usage(message) | Error::Refused(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// The error as a line of its own: "错误：" or "error: " before it, in
    /// the language its words are in (a command may speak the document's
    /// language, not the locale's; what is quoted in backticks, a file name
    /// say, does not count).
    pub fn line(&self) -> String {
        let message = self.to_string();
        let words: String = message.split('`').step_by(2).collect();
        let lang = if words.chars().any(crate::cjk::is_han) {
            crate::model::Lang::Zh
        } else {
            crate::model::Lang::En
        };
        format!("{}{message}", tr!(lang, "error-prefix"))
    }
}

/// Why a file could not be read or written, in `lang` for the reasons people
/// meet (the system's own words, in English, for the rest).
pub fn reason(lang: crate::model::Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match error.kind() {
        K::NotFound => "io-reason-not-found",
        K::PermissionDenied => "io-reason-permission",
        K::AlreadyExists => "io-reason-exists",
        K::IsADirectory => "io-reason-is-folder",
        K::NotADirectory => "io-reason-not-folder",
        K::StorageFull => "io-reason-full",
        K::ReadOnlyFilesystem => "io-reason-read-only",
        K::InvalidData => "io-reason-invalid-data",
        K::DirectoryNotEmpty => "io-reason-not-empty",
        K::FileTooLarge => "io-reason-too-large",
        _ => return error.to_string(),
    };
    tr!(lang, key)
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;

    /// Every action an `Error::io` of the code names has its words
    /// (`io-ACTION`) in both languages.
    #[test]
    fn every_io_action_has_its_words() {
        fn sources(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let mut texts = Vec::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut texts,
        );
        let mut actions = std::collections::BTreeSet::new();
        for text in &texts {
            for (at, _) in text.match_indices("Error::io(") {
                let call = &text[at..];
                let call = &call[..call.find(')').unwrap_or(call.len())];
                // (Not this test's own mention of the call.)
                if let Some(action) = call.split('"').nth(1).filter(|a| {
                    !a.is_empty() && a.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                }) {
                    actions.insert(action.to_string());
                }
            }
        }
        assert!(actions.contains("read") && actions.contains("open-lock"));
        for action in actions {
            for lang in [Lang::Zh, Lang::En] {
                let key = format!("io-{action}");
                assert!(crate::locale::has(lang, &key), "no {key} in {lang:?}");
            }
        }
    }
}
