//! Two texts side by side in a terminal: display width that counts Thai combining marks and
//! ANSI colour codes as zero, wrapping at spaces where possible, colours carried across lines.

use prakat::thai::clean::is_combining_mark;

/// The width a terminal gives a string (Thai combining marks and colour codes take none).
pub fn display_width(s: &str) -> usize {
    let mut w = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            in_escape = c != 'm';
        } else if c == '\x1b' {
            in_escape = true;
        } else if !is_combining_mark(c) && !c.is_control() {
            w += 1;
        }
    }
    w
}

/// Wraps a (possibly coloured) string into lines of at most `width` columns. A colour open
/// at a line's end is closed there and opened again on the next line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    let mut active: Option<String> = None;
    let mut last_space: Option<(usize, usize)> = None; // (byte in line, width before it)
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            let mut seq = String::from(c);
            for d in chars.by_ref() {
                seq.push(d);
                if d == 'm' {
                    break;
                }
            }
            active = if seq == "\x1b[0m" {
                None
            } else {
                Some(seq.clone())
            };
            line.push_str(&seq);
            continue;
        }
        let cw = usize::from(!is_combining_mark(c) && !c.is_control());
        if w + cw > width {
            let carry = match last_space {
                Some((at, _)) if at > 0 => line.split_off(at + 1),
                _ => String::new(),
            };
            if active.is_some() {
                line.push_str("\x1b[0m");
            }
            lines.push(line.trim_end().to_string());
            line = active.clone().unwrap_or_default();
            line.push_str(carry.trim_start());
            w = display_width(&line);
            last_space = None;
        }
        if c == ' ' {
            last_space = Some((line.len(), w));
        }
        line.push(c);
        w += cw;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The rows of two texts side by side, each column `width` wide, separated by " │ ".
pub fn side_by_side(left: &str, right: &str, width: usize) -> Vec<String> {
    let (l, r) = (wrap(left, width), wrap(right, width));
    (0..l.len().max(r.len()))
        .map(|i| {
            let a = l.get(i).map_or("", String::as_str);
            let b = r.get(i).map_or("", String::as_str);
            let pad = width.saturating_sub(display_width(a));
            format!("{a}{} │ {b}", " ".repeat(pad))
        })
        .collect()
}

/// The terminal's width from `COLUMNS`, else 160.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(160)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_marks_and_colours_take_no_width() {
        assert_eq!(display_width("ผู้ว่า"), 3);
        assert_eq!(display_width("\x1b[31mก\x1b[0m"), 1);
    }

    #[test]
    fn wrapping_keeps_every_letter_and_respects_the_width() {
        let text = "ให้มีการเผยแพร่ข้อมูลการดำเนินงาน ตามอำนาจหน้าที่ของหน่วยงาน ผ่านทางเว็บไซต์ของหน่วยงาน";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| display_width(l) <= 20), "{lines:?}");
        let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
        assert_eq!(
            joined,
            text.chars().filter(|c| *c != ' ').collect::<String>()
        );
        let coloured = wrap("\x1b[31mกกกกกกกกกกกกกกกกกกกก\x1b[0m", 8);
        assert!(
            coloured
                .iter()
                .all(|l| !l.contains('ก') || l.starts_with("\x1b[31m")),
            "{coloured:?}"
        );
        let rows = side_by_side("ก ข", "ค", 10);
        assert_eq!(rows, ["ก ข        │ ค"]);
    }
}
