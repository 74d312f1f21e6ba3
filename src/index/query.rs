//! The query language of `prakat search`:
//!
//! - words (all must match, in any field that holds text), `"phrases"`, `-excluded`;
//! - field filters: `province:ภูเก็ต`, `kind:pao`, `year:2566` or `year:2560..2566` (B.E. from
//!   2400, C.E. below), `date:2023-03-13`, `date:2023-01-01..2023-06-30`, `date:2023`,
//!   `issuer:…`, `section:…`, `clause:1.2`, `id:<document id>`; a value with spaces goes in
//!   quotes.
//!
//! Parsing is separate from execution so that a malformed query gets a clear error before
//! the index is touched.

use crate::dictionaries;
use crate::document::IssuerKind;

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;

pub const FIELDS: &[&str] = &[
    "province", "kind", "year", "date", "issuer", "section", "clause",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Province(String),
    Kind(IssuerKind),
    /// Inclusive range of B.E. years.
    YearBe(u64, u64),
    /// Inclusive range of yyyymmdd.
    Date(u64, u64),
    Issuer(String),
    Section(String),
    Clause(String),
    /// A Document id (its content hash).
    Id(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Words to find (a quoted phrase keeps its spaces).
    Text(String),
    Filter(Filter),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub negated: bool,
    pub part: Part,
}

fn err<T>(m: impl Into<String>) -> Result<T, String> {
    Err(m.into())
}

/// A year as B.E.: values from 2400 are B.E., smaller ones C.E.
fn year_be(s: &str) -> Result<u64, String> {
    let y: u64 = crate::thai::digits::parse_number(s)
        .map(u64::from)
        .ok_or_else(|| format!("'{s}' is not a year"))?;
    match y {
        2400..=2800 => Ok(y),
        1800..=2257 => Ok(y + 543),
        _ => err(format!(
            "year {y} is outside 1800–2257 C.E. / 2400–2800 B.E."
        )),
    }
}

/// `yyyy`, `yyyy-mm` or `yyyy-mm-dd` (C.E.) as the first and last yyyymmdd it covers.
fn date_bounds(s: &str) -> Result<(u64, u64), String> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| -> Result<u64, String> {
        crate::thai::digits::parse_number(p)
            .map(u64::from)
            .ok_or_else(|| format!("'{s}' is not a date (yyyy-mm-dd)"))
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y)?;
            Ok((y * 10_000 + 101, y * 10_000 + 1231))
        }
        [y, m] => {
            let (y, m) = (num(y)?, num(m)?);
            if !(1..=12).contains(&m) {
                return err(format!("'{s}': no month {m}"));
            }
            Ok((y * 10_000 + m * 100 + 1, y * 10_000 + m * 100 + 31))
        }
        [y, m, d] => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return err(format!("'{s}' is not a date"));
            }
            let v = y * 10_000 + m * 100 + d;
            Ok((v, v))
        }
        _ => err(format!("'{s}' is not a date (yyyy-mm-dd)")),
    }
}

fn range<T: Copy + PartialOrd>(
    value: &str,
    one: impl Fn(&str) -> Result<(T, T), String>,
) -> Result<(T, T), String> {
    let (lo, hi) = match value.split_once("..") {
        Some((a, b)) => (one(a)?.0, one(b)?.1),
        None => one(value)?,
    };
    if lo > hi {
        return err(format!("'{value}': the range ends before it starts"));
    }
    Ok((lo, hi))
}

fn province(value: &str) -> Result<String, String> {
    let v = value.strip_prefix("จังหวัด").unwrap_or(value);
    dictionaries::get()
        .provinces
        .iter()
        .find(|p| p.name == v || p.aliases.contains(&v) || p.english.eq_ignore_ascii_case(v))
        .map(|p| p.name.to_string())
        .ok_or_else(|| format!("unknown province '{value}'"))
}

fn kind(value: &str) -> Result<IssuerKind, String> {
    let v = value.trim_end_matches('.');
    IssuerKind::from_name(&v.to_ascii_lowercase())
        .or(match v {
            "จังหวัด" => Some(IssuerKind::Province),
            "อบจ" => Some(IssuerKind::Pao),
            "อบต" => Some(IssuerKind::Sao),
            "เทศบาล" => Some(IssuerKind::Municipality),
            "กระทรวง" => Some(IssuerKind::Ministry),
            "สำนักงาน" | "กรม" => Some(IssuerKind::Office),
            _ => None,
        })
        .ok_or_else(|| {
            format!("unknown kind '{value}' (province, pao, sao, municipality, office, ministry, other)")
        })
}

fn filter(name: &str, value: &str) -> Result<Filter, String> {
    if value.is_empty() {
        return err(format!("'{name}:' needs a value"));
    }
    Ok(match name {
        "province" => Filter::Province(province(value)?),
        "kind" => Filter::Kind(kind(value)?),
        "year" => {
            let (a, b) = range(value, |s| year_be(s).map(|y| (y, y)))?;
            Filter::YearBe(a, b)
        }
        "date" => {
            let (a, b) = range(value, date_bounds)?;
            Filter::Date(a, b)
        }
        "issuer" => Filter::Issuer(value.to_string()),
        "section" => Filter::Section(value.to_string()),
        "clause" => Filter::Clause(crate::thai::digits::to_arabic(value)),
        "id" => Filter::Id(value.to_ascii_lowercase()),
        _ => {
            return err(format!(
                "unknown field '{name}' (known: {})",
                FIELDS.join(", ")
            ))
        }
    })
}

/// Splits a query into its items, or says what is wrong with it.
pub fn parse(query: &str) -> Result<Vec<Item>, String> {
    let n = query.chars().count();
    if n > MAX_QUERY_CHARS {
        return err(format!(
            "the query is {n} characters long; at most {MAX_QUERY_CHARS}"
        ));
    }
    let chars: Vec<char> = query.chars().collect();
    let mut items = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let negated = chars[i] == '-';
        if negated {
            i += 1;
        }
        // A field name: ASCII letters before a colon.
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        let field =
            (j > i && chars.get(j) == Some(&':')).then(|| chars[i..j].iter().collect::<String>());
        if field.is_some() {
            i = j + 1;
        }
        let value: String = if chars.get(i) == Some(&'"') {
            let start = i + 1;
            let Some(len) = chars[start..].iter().position(|c| *c == '"') else {
                return err(format!("unbalanced quote at character {}", i + 1));
            };
            i = start + len + 1;
            chars[start..start + len].iter().collect()
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '"' {
                    return err(format!("unbalanced quote at character {}", i + 1));
                }
                i += 1;
            }
            chars[start..i].iter().collect()
        };
        let part = match field {
            Some(name) => Part::Filter(filter(&name, value.trim())?),
            None if value.trim().is_empty() => {
                if negated {
                    return err("'-' must stand before a word, a phrase or a filter");
                }
                continue;
            }
            None => Part::Text(value),
        };
        items.push(Item { negated, part });
    }
    if items.iter().all(|it| it.negated) {
        return err("the query has nothing to look for: give a word, a phrase or a filter");
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Item {
        Item {
            negated: false,
            part: Part::Text(s.into()),
        }
    }

    #[test]
    fn words_phrases_exclusions_and_filters() {
        let q = parse(
            r#"กล่องรับฟัง "มาตรา ๖๕" -จดหมาย province:ภูเก็ต kind:อบจ year:2566 date:2023-01..2023-06"#,
        )
        .expect("parses");
        assert_eq!(q[0], text("กล่องรับฟัง"));
        assert_eq!(q[1], text("มาตรา ๖๕"));
        assert_eq!(
            q[2],
            Item {
                negated: true,
                part: Part::Text("จดหมาย".into())
            }
        );
        assert_eq!(q[3].part, Part::Filter(Filter::Province("ภูเก็ต".into())));
        assert_eq!(q[4].part, Part::Filter(Filter::Kind(IssuerKind::Pao)));
        assert_eq!(q[5].part, Part::Filter(Filter::YearBe(2566, 2566)));
        assert_eq!(q[6].part, Part::Filter(Filter::Date(20230101, 20230631)));
        assert_eq!(
            parse("year:2023").expect("parses")[0].part,
            Part::Filter(Filter::YearBe(2566, 2566))
        );
        assert_eq!(
            parse("year:๒๕๖๐..๒๕๖๖").expect("parses")[0].part,
            Part::Filter(Filter::YearBe(2560, 2566))
        );
        assert_eq!(
            parse("province:Phuket").expect("parses")[0].part,
            Part::Filter(Filter::Province("ภูเก็ต".into()))
        );
        // A colon after something that is not a field name is text.
        assert_eq!(parse("10:00").expect("parses")[0], text("10:00"));
    }

    #[test]
    fn malformed_queries_get_clear_errors() {
        let e = |q: &str| parse(q).expect_err(q);
        assert!(e(r#"กล่อง "รับฟัง"#).contains("unbalanced quote"));
        assert!(e("colour:red").contains("unknown field 'colour'"));
        assert!(e("province:Atlantis").contains("unknown province"));
        assert!(e("kind:castle").contains("unknown kind"));
        assert!(e("year:12").contains("outside"));
        assert!(e("date:2023-13-01").contains("not a date"));
        assert!(e("year:2566..2560").contains("ends before"));
        assert!(e(&"ก".repeat(10_000)).contains("10000 characters"));
        assert!(e("-จดหมาย").contains("nothing to look for"));
        assert!(e("").contains("nothing to look for"));
    }
}
