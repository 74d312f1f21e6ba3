//! The data files in `dictionaries/`, compiled into the binary so that a copied executable
//! needs nothing beside it. Each file starts with a `#` line naming its source; blank lines
//! and `#` lines are skipped.

use std::sync::LazyLock;

use crate::document::IssuerKind;

pub struct Province {
    pub name: &'static str,
    pub english: &'static str,
    /// Other written forms (`กรุงเทพฯ`, `อยุธยา`).
    pub aliases: Vec<&'static str>,
}

pub struct Month {
    pub number: u32,
    pub name: &'static str,
    /// Abbreviations and variant spellings.
    pub forms: Vec<&'static str>,
}

pub struct Dictionaries {
    pub provinces: Vec<Province>,
    /// Issuer-name beginnings and their kinds, longest first.
    pub agency_kinds: Vec<(&'static str, IssuerKind)>,
    /// Longest first, so that `นางสาว` wins over `นาง`.
    pub honorifics: Vec<&'static str>,
    pub positions: Vec<&'static str>,
    pub headings: Vec<&'static str>,
    pub openers: Vec<&'static str>,
    pub months: Vec<Month>,
    /// Letters OCR mistakes for one another: a letter and what it may have been read as.
    pub ocr_confusions: Vec<(char, Vec<char>)>,
}

fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn list(file: &'static str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = data_lines(file).map(str::trim).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

fn load() -> Dictionaries {
    let provinces = data_lines(include_str!("../dictionaries/provinces.tsv"))
        .map(|l| {
            let mut f = l.split('\t');
            let name = f.next().unwrap_or_default().trim();
            let english = f.next().unwrap_or_default().trim();
            let aliases = f
                .next()
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            Province {
                name,
                english,
                aliases,
            }
        })
        .collect();
    let mut agency_kinds: Vec<(&'static str, IssuerKind)> =
        data_lines(include_str!("../dictionaries/agency_kinds.tsv"))
            .filter_map(|l| {
                let (prefix, kind) = l.split_once('\t')?;
                Some((prefix.trim(), IssuerKind::from_name(kind.trim())?))
            })
            .collect();
    agency_kinds.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
    let months = data_lines(include_str!("../dictionaries/months.tsv"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let number = f.next()?.trim().parse().ok()?;
            let name = f.next()?.trim();
            let forms = f
                .next()
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            Some(Month {
                number,
                name,
                forms,
            })
        })
        .collect();
    Dictionaries {
        provinces,
        agency_kinds,
        honorifics: list(include_str!("../dictionaries/honorifics.txt")),
        positions: list(include_str!("../dictionaries/positions.txt")),
        headings: list(include_str!("../dictionaries/headings.txt")),
        openers: list(include_str!("../dictionaries/openers.txt")),
        months,
        ocr_confusions: data_lines(include_str!("../dictionaries/ocr_confusions.tsv"))
            .filter_map(|l| {
                let (from, to) = l.split_once('\t')?;
                let from = from.trim().chars().next()?;
                let to = to
                    .split(',')
                    .filter_map(|x| x.trim().chars().next())
                    .collect();
                Some((from, to))
            })
            .collect(),
    }
}

static DICTIONARIES: LazyLock<Dictionaries> = LazyLock::new(load);

impl Dictionaries {
    /// The months' abbreviations written with periods (`ม.ค.`, `เม.ย.`): the forms of
    /// `months.tsv` that hold a period.
    pub fn month_abbreviations(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.months
            .iter()
            .flat_map(|m| m.forms.iter().copied())
            .filter(|f| f.contains('.'))
    }
}

/// The dictionaries, parsed once on first use.
pub fn get() -> &'static Dictionaries {
    &DICTIONARIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_hold_what_their_files_promise() {
        let d = get();
        assert_eq!(d.provinces.len(), 77, "76 provinces and Bangkok");
        assert_eq!(d.months.len(), 12);
        let confusions = data_lines(include_str!("../dictionaries/ocr_confusions.tsv")).count();
        assert_eq!(d.ocr_confusions.len(), confusions);
        assert!(d.ocr_confusions.iter().all(|(_, to)| !to.is_empty()));
        assert!(d.months.iter().all(|m| (1..=12).contains(&m.number)));
        // Every kind line parsed: a typo in a kind name would silently drop a line.
        let lines = data_lines(include_str!("../dictionaries/agency_kinds.tsv")).count();
        assert_eq!(d.agency_kinds.len(), lines);
        assert!(
            d.honorifics.iter().position(|h| *h == "นางสาว")
                < d.honorifics.iter().position(|h| *h == "นาง")
        );
    }
}
