//! The search index: a tantivy index in a local folder, fed from Documents, with Thai
//! tokenizers, a small query language, facets and whole-word snippets.

pub mod exclusion;
pub mod node;
pub mod query;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod tokenizer;
pub mod writer;

use std::path::Path;

use tantivy::directory::MmapDirectory;

pub use schema::Fields;

/// The default index folder, relative to the working directory.
pub const DEFAULT_DIR: &str = "prakat-index";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index folder {path}: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("no index at {0}: run `prakat ingest` first")]
    Missing(String),
    #[error("the index at {path} cannot be opened: {message}")]
    Open { path: String, message: String },
    #[error("another prakat process is writing to the index at {0}")]
    Locked(String),
    #[error("bad query: {0}")]
    Query(String),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

pub struct PrakatIndex {
    pub index: tantivy::Index,
    pub fields: Fields,
    pub dir: std::path::PathBuf,
}

impl PrakatIndex {
    /// Opens the index in `dir`, creating the folder and the index when there is none.
    pub fn open_or_create(dir: &Path) -> Result<Self, IndexError> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Folder {
            path: dir.display().to_string(),
            source,
        })?;
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Open {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        let index =
            tantivy::Index::open_or_create(directory, schema).map_err(|e| IndexError::Open {
                path: dir.display().to_string(),
                message: format!(
                    "{e} (an index made by another version? move it away and ingest again)"
                ),
            })?;
        tokenizer::register(&index);
        Ok(PrakatIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        if !dir.join("meta.json").exists() {
            return Err(IndexError::Missing(dir.display().to_string()));
        }
        Self::open_or_create(dir)
    }
}
