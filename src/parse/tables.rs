//! Numbered tables written as tab-separated rows (as word-processor exports and OCR with
//! layout write them). Rows are table rows, never clauses; a table broken by a page break and
//! a repeated header continues as one table.

use crate::document::Table;
use crate::thai::digits::parse_number;

#[derive(Default)]
pub struct TableBuilder {
    pub tables: Vec<Table>,
    pub warnings: Vec<String>,
    current: Option<Current>,
}

struct Current {
    table: Table,
    header_rows: Vec<Vec<String>>,
    width: usize,
    last_number: Option<u32>,
    /// Whether the current block has had a data row (a later header row is a repeat).
    block_has_rows: bool,
    /// Whether a blank line ended the last block (a new block may continue this table).
    between_blocks: bool,
}

fn cells(raw: &str) -> Vec<String> {
    raw.trim_end()
        .split('\t')
        .map(|c| c.trim().to_string())
        .collect()
}

/// True for a line that reads as a table row: cells separated by tabs after its indentation.
pub fn is_table_line(raw: &str, in_table: bool) -> bool {
    let t = raw.trim();
    if t.is_empty() {
        return false;
    }
    let inner_tabs = t.contains('\t');
    inner_tabs || (in_table && raw.contains('\t'))
}

fn merged_header(rows: &[Vec<String>]) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut header: Vec<String> = (0..width)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    header
}

impl TableBuilder {
    pub fn in_table(&self) -> bool {
        self.current.as_ref().is_some_and(|c| !c.between_blocks)
    }

    /// A blank line: the block ends, but the table may go on after a page break.
    pub fn blank(&mut self) {
        if let Some(c) = self.current.as_mut() {
            c.between_blocks = true;
            c.block_has_rows = false;
        }
    }

    /// Text that is not a table row: the table is finished.
    pub fn interrupt(&mut self) {
        if let Some(c) = self.current.take() {
            self.finish(c);
        }
    }

    fn finish(&mut self, mut c: Current) {
        c.table.header = merged_header(&c.header_rows);
        if !c.table.rows.is_empty() {
            self.tables.push(c.table);
        }
    }

    pub fn push_line(&mut self, raw: &str, section: Option<&str>, caption: Option<&str>) {
        let row = cells(raw);
        // A row number has at most 4 digits; a longer number is data, not a row label.
        let number = row
            .first()
            .filter(|c| c.chars().count() <= 4)
            .and_then(|c| parse_number(c));
        let width = row.len();
        // A new block continues the table when its width matches.
        if let Some(c) = self.current.as_mut() {
            if c.between_blocks {
                if c.width == width || number.is_some() {
                    c.between_blocks = false;
                } else {
                    let done = self.current.take();
                    if let Some(done) = done {
                        self.finish(done);
                    }
                }
            }
        }
        let c = self.current.get_or_insert_with(|| Current {
            table: Table {
                section: section.map(str::to_string),
                caption: caption.map(str::to_string),
                header: Vec::new(),
                rows: Vec::new(),
            },
            header_rows: Vec::new(),
            width,
            last_number: None,
            block_has_rows: false,
            between_blocks: false,
        });
        match number {
            Some(n) => {
                if let Some(last) = c.last_number {
                    if n != last + 1 {
                        let missing = if n > last + 1 {
                            format!("rows {}–{} are missing", last + 1, n - 1)
                        } else {
                            "numbering goes back".to_string()
                        };
                        self.warnings.push(format!(
                            "table row numbering jumps from {last} to {n}: {missing}"
                        ));
                    }
                }
                c.last_number = Some(n);
                c.block_has_rows = true;
                c.table.rows.push(row);
            }
            None if c.table.rows.is_empty() => c.header_rows.push(row),
            None if !c.block_has_rows => {} // a header repeated after a page break
            None => {
                // A row wrapped onto a second line: its cells continue the row above.
                if let Some(prev) = c.table.rows.last_mut() {
                    for (i, cell) in row.into_iter().enumerate() {
                        if cell.is_empty() {
                            continue;
                        }
                        match prev.get_mut(i) {
                            Some(p) if !p.is_empty() => {
                                p.push(' ');
                                p.push_str(&cell);
                            }
                            Some(p) => *p = cell,
                            None => prev.push(cell),
                        }
                    }
                }
            }
        }
    }

    pub fn finish_all(mut self) -> (Vec<Table>, Vec<String>) {
        self.interrupt();
        (self.tables, self.warnings)
    }
}
