//! The median spot price of the existing subnets, which seeds a new subnet's pool so that it
//! starts near the market (`economics.md` §6.1 step 5, §8 TV9).

use alloc::vec::Vec;
use substrate_fixed::types::U64F64;

/// The median of the positive prices given (callers exclude root and subnets not yet
/// added); the mean of the two middle ones for an even count; 1 when there are none.
pub fn median_price(prices: &[U64F64]) -> U64F64 {
    let mut sorted: Vec<U64F64> = prices.iter().copied().filter(|p| *p > U64F64::from_num(0)).collect();
    sorted.sort();
    let n = sorted.len();
    if n == 0 {
        return U64F64::from_num(1);
    }
    let mid = n / 2;
    let upper = sorted.get(mid).copied().unwrap_or(U64F64::from_num(1));
    if n % 2 == 1 {
        return upper;
    }
    let lower = sorted.get(mid.saturating_sub(1)).copied().unwrap_or(upper);
    lower.saturating_add(upper).checked_div(U64F64::from_num(2)).unwrap_or(upper)
}

/// The alpha a pool is seeded with: `floor(tao / price)`; with a zero price, `tao`.
pub fn seed_alpha(tao: u64, price: U64F64) -> u64 {
    U64F64::from_num(tao)
        .checked_div(price)
        .map(|a| a.saturating_to_num::<u64>())
        .unwrap_or(tao)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: u64) -> U64F64 {
        U64F64::from_num(x)
    }

    /// `economics.md` §8 TV9 medians.
    #[test]
    fn tv9_medians() {
        assert_eq!(median_price(&[p(7), p(2), p(5)]), p(5));
        assert_eq!(median_price(&[p(2), p(8), p(0)]), p(5));
        assert_eq!(median_price(&[]), p(1));
        assert_eq!(median_price(&[p(5), p(2)]), U64F64::from_num(3.5));
    }

    /// TV9: seeding at the even-count median 3.5 and at price 1.
    #[test]
    fn tv9_seed() {
        let t0 = 1_000_000_000_000;
        assert_eq!(seed_alpha(t0, U64F64::from_num(3.5)), 285_714_285_714);
        assert_eq!(seed_alpha(t0, p(1)), t0);
    }
}
