//! Drawing a PDF page that can only be read by looking at it: a text layer in a font without a
//! Unicode map (common in Thai PDFs), or text turned into outlines, on a page that draws no
//! image to OCR.
//!
//! Why poppler's `pdftoppm`, run as a separate process, and not a renderer crate: the crates
//! that render PDFs either bundle a C++ engine that downloads or builds at compile time
//! (pdfium-render needs a libpdfium binary Debian does not ship; mupdf builds MuPDF from
//! source) or bind poppler through GLib and cairo (poppler-rs), three more system libraries for
//! one rarely taken path. `pdftoppm` is poppler itself, packaged by Debian (poppler-utils), and
//! a separate process means a renderer crash on a hostile file fails that page, not the batch.
//! The file goes in on stdin and the page comes back as PNG on stdout: no temporary files.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::image::PageImage;
use crate::error::{Error, Result};

/// Rendering resolution: what Tesseract reads best (see the OCR section of the README).
pub const DPI: u32 = 300;

/// The renderer's program; `PRAKAT_PDFTOPPM` names another (a test points it at a missing one).
fn program() -> String {
    std::env::var("PRAKAT_PDFTOPPM").unwrap_or_else(|_| "pdftoppm".to_string())
}

fn render_err(e: impl std::fmt::Display) -> Error {
    Error::Pdf(format!("rendering the page: {e}"))
}

/// Renders page `number` (1-based) of the PDF in `bytes` to a gray image at `DPI`; `why` it
/// must be drawn goes into the page's notes.
pub fn page(bytes: &[u8], number: usize, why: &str) -> Result<PageImage> {
    let program = program();
    let n = number.to_string();
    let mut child = Command::new(&program)
        .args([
            "-r",
            &DPI.to_string(),
            "-gray",
            "-png",
            "-f",
            &n,
            "-l",
            &n,
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Pdf(format!(
                    "the page has no readable text and no image; reading it needs {program} \
                     (Debian: apt-get install poppler-utils), which is not installed"
                ))
            } else {
                render_err(format!("{program}: {e}"))
            }
        })?;
    let (mut stdin, mut stdout, mut stderr) =
        match (child.stdin.take(), child.stdout.take(), child.stderr.take()) {
            (Some(i), Some(o), Some(e)) => (i, o, e),
            _ => return Err(render_err("no pipes to the renderer")),
        };
    // The file is written while the page is read, or a large file and a large page would each
    // wait for the other's pipe to drain.
    let (png, err_text) = std::thread::scope(|s| {
        let writer = s.spawn(move || {
            // A renderer that stops reading early (a broken file) closes the pipe: its exit
            // status says what went wrong, so a failed write is not the error to report.
            let _ = stdin.write_all(bytes);
        });
        let errors = s.spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let mut png = Vec::new();
        let read = stdout.read_to_end(&mut png);
        let _ = writer.join();
        let err_text = errors.join().unwrap_or_default();
        (read.map(|_| png), err_text)
    });
    let status = child.wait().map_err(render_err)?;
    let png = png.map_err(render_err)?;
    if !status.success() || png.is_empty() {
        let first = err_text.lines().next().unwrap_or("no output");
        return Err(render_err(format!("{program} failed ({status}): {first}")));
    }
    let image = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
        .map_err(render_err)?
        .to_luma8();
    let mut page = PageImage::new(image)?;
    page.dpi = DPI;
    page.notes.push(format!(
        "the page was rendered at {DPI} dpi by {program}: {why}"
    ));
    Ok(page)
}
