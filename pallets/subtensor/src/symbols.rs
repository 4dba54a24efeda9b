//! Subnet token symbols (`economics.md` §6.2): a fixed list of 439 single-character symbols.
//! Index 0 ("Τ", Greek capital tau) stands for root and is never given to a subnet; a new
//! subnet gets the symbol at its netuid if no other subnet uses it, else the first free one.
//!
//! The list is written as ranges of Unicode letters, in this order: Greek small letters
//! (without the final sigma), Hebrew, Arabic, Armenian, Georgian, Cyrillic capitals,
//! Devanagari consonants, Thai consonants, Cherokee and Runic letters, cut at 439.

use alloc::vec::Vec;

/// How many symbols there are, root's included.
pub const SYMBOL_COUNT: u16 = 439;

/// Root's symbol, index 0.
const ROOT_SYMBOL: char = '\u{03A4}';

/// The code point ranges (inclusive) holding symbols 1.. in order.
const RANGES: [(u32, u32); 11] = [
    (0x03B1, 0x03C1), // α..ρ
    (0x03C3, 0x03C9), // σ..ω
    (0x05D0, 0x05EA), // Hebrew
    (0x0621, 0x063A), // Arabic
    (0x0641, 0x064A),
    (0x0531, 0x0556), // Armenian capitals
    (0x10D0, 0x10FA), // Georgian
    (0x0410, 0x042F), // Cyrillic capitals
    (0x0915, 0x0939), // Devanagari consonants
    (0x0E01, 0x0E2E), // Thai consonants
    (0x13A0, 0x13F4), // Cherokee
];
/// Runic letters complete the list up to `SYMBOL_COUNT`.
const LAST_RANGE_START: u32 = 0x16A0;

fn range_len((start, end): (u32, u32)) -> u32 {
    end.saturating_sub(start).saturating_add(1)
}

fn char_at(index: u16) -> Option<char> {
    if index >= SYMBOL_COUNT {
        return None;
    }
    if index == 0 {
        return Some(ROOT_SYMBOL);
    }
    let mut rest = u32::from(index).saturating_sub(1);
    for range in RANGES {
        let len = range_len(range);
        if rest < len {
            return char::from_u32(range.0.saturating_add(rest));
        }
        rest = rest.saturating_sub(len);
    }
    char::from_u32(LAST_RANGE_START.saturating_add(rest))
}

/// The UTF-8 bytes of symbol `index`, if it exists.
pub fn symbol(index: u16) -> Option<Vec<u8>> {
    let c = char_at(index)?;
    let mut buf = [0u8; 4];
    Some(c.encode_utf8(&mut buf).as_bytes().to_vec())
}

/// The index of a symbol given as UTF-8 bytes, if it is in the list.
pub fn index_of(bytes: &[u8]) -> Option<u16> {
    let text = core::str::from_utf8(bytes).ok()?;
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    (0..SYMBOL_COUNT).find(|i| char_at(*i) == Some(c))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn there_are_439_distinct_valid_symbols() {
        let all: Vec<Vec<u8>> = (0..SYMBOL_COUNT).map(|i| symbol(i).expect("every index has a symbol")).collect();
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 439);
        assert_eq!(symbol(SYMBOL_COUNT), None);
        for (i, s) in all.iter().enumerate() {
            assert_eq!(index_of(s), Some(i as u16));
        }
    }

    #[test]
    fn the_list_starts_with_root_then_greek() {
        assert_eq!(symbol(0).unwrap(), "Τ".as_bytes());
        assert_eq!(symbol(1).unwrap(), "α".as_bytes());
        assert_eq!(symbol(24).unwrap(), "ω".as_bytes());
        assert_eq!(symbol(25).unwrap(), "א".as_bytes());
        assert_eq!(symbol(438).unwrap(), "\u{16E5}".as_bytes());
    }

    #[test]
    fn only_single_listed_characters_are_symbols() {
        assert_eq!(index_of("αβ".as_bytes()), None);
        assert_eq!(index_of(b"A"), None);
        assert_eq!(index_of(b""), None);
        assert_eq!(index_of(&[0xff]), None);
    }
}
