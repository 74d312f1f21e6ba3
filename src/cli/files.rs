//! Expanding command-line paths into input files.

use std::path::{Path, PathBuf};

/// Extensions taken from folders. A file named on the command line is always taken, whatever
/// its name: its bytes decide what it is.
const FOLDER_EXTENSIONS: &[&str] = &["txt", "text", "pdf", "png", "jpg", "jpeg", "tif", "tiff"];

/// A path that was asked for and could not be listed.
pub struct Missing {
    pub path: PathBuf,
    pub error: String,
}

/// Files named and files found in folders (recursively, sorted, hidden entries skipped).
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Missing>) {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && has_folder_extension(e.path()) => {
                        files.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => missing.push(Missing {
                        path: e.path().map_or_else(|| p.clone(), Path::to_path_buf),
                        error: e.to_string(),
                    }),
                }
            }
        } else if p.exists() {
            files.push(p.clone());
        } else {
            missing.push(Missing {
                path: p.clone(),
                error: "no such file or folder".into(),
            });
        }
    }
    (files, missing)
}

fn has_folder_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FOLDER_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
