//! Block emission as a function of issuance (`economics.md` §1.1): 1 TAO per block until
//! half the supply is issued, halving each time half of what remains is issued, 0 at the cap.
//! The same function gives a subnet's alpha emission from its alpha issuance.

use crate::{MAX_SUPPLY, TAO};
use substrate_fixed::types::I96F32;

/// The emission before any halving.
pub const DEFAULT_BLOCK_EMISSION: u64 = TAO;

/// The number of halvings `k = floor(log2(1 / (1 − I/S)))` at issuance `I`, computed as
/// upstream does in I96F32; `None` once the supply is exhausted.
pub fn halvings(issuance: u64) -> Option<u32> {
    if issuance >= MAX_SUPPLY {
        return None;
    }
    let supply = I96F32::from_num(MAX_SUPPLY);
    let issued = I96F32::from_num(issuance);
    let ratio = issued.checked_div(supply)?;
    let residual = I96F32::from_num(1).saturating_sub(ratio);
    let inverse = I96F32::from_num(1).checked_div(residual)?;
    // floor(log2(x)) for x ≥ 1 is the position of x's highest set bit above the binary point.
    let bits = inverse.to_bits();
    if bits <= 0 {
        return None;
    }
    let highest = 127u32.saturating_sub(bits.leading_zeros());
    Some(highest.saturating_sub(32))
}

/// Rao emitted per block at issuance `issuance`: `floor(10^9 / 2^k)`, 0 at or past the cap.
pub fn block_emission_for_issuance(issuance: u64) -> u64 {
    match halvings(issuance) {
        Some(k) if k < 64 => DEFAULT_BLOCK_EMISSION >> k,
        _ => 0,
    }
}

/// What can still be minted: `min(requested, MAX_SUPPLY − issuance)` (§1.2).
pub fn mintable(requested: u64, issuance: u64) -> u64 {
    requested.min(MAX_SUPPLY.saturating_sub(issuance))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `economics.md` §8 TV1.
    #[test]
    fn tv1_halving_by_issuance() {
        let cases: &[(u64, u64)] = &[
            (0, 1_000_000_000),
            (1_000_000_000_000_000, 1_000_000_000),
            (10_499_999_999_000_000, 1_000_000_000),
            (10_500_000_000_000_000, 500_000_000),
            (15_749_999_000_000_000, 500_000_000),
            (15_750_000_000_000_000, 250_000_000),
            (18_375_000_000_000_000, 125_000_000),
            (19_687_500_000_000_000, 62_500_000),
            (20_999_999_000_000_000, 59),
            (21_000_000_000_000_000, 0),
            (u64::MAX, 0),
        ];
        for &(issuance, emission) in cases {
            assert_eq!(block_emission_for_issuance(issuance), emission, "issuance {issuance}");
        }
        assert_eq!(halvings(20_999_999_000_000_000), Some(24));
    }

    #[test]
    fn minting_respects_the_cap() {
        let remaining = 1_234;
        assert_eq!(mintable(remaining + 1_000, MAX_SUPPLY - remaining), remaining);
        assert_eq!(mintable(5, 0), 5);
        assert_eq!(mintable(5, u64::MAX), 0);
    }

    #[test]
    fn emission_never_increases_with_issuance() {
        let mut last = u64::MAX;
        let mut issuance = 0u64;
        while issuance < MAX_SUPPLY {
            let e = block_emission_for_issuance(issuance);
            assert!(e <= last);
            last = e;
            issuance += 37_000_000_000_000;
        }
    }
}
