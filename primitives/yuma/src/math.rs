//! Fixed-point primitives with upstream's exact rounding (`yuma.md` §1).
//!
//! Every operation saturates or returns zero instead of panicking: epoch values live in
//! [0, 1] so saturation never triggers on real inputs, and on absurd inputs the epoch still
//! returns a defined result.

use alloc::vec::Vec;
use substrate_fixed::types::{I32F32, I64F64, U64F64};

pub type Fixed = I32F32;

pub const ZERO: Fixed = Fixed::from_bits(0);
pub const ONE: Fixed = Fixed::from_bits(1 << 32);

/// `(a·b) >> 32`, floor, saturating.
#[inline]
pub fn mul(a: Fixed, b: Fixed) -> Fixed {
    a.saturating_mul(b)
}

/// `(a << 32) / b` truncated toward zero; 0 when `b` is 0 or the quotient overflows.
#[inline]
pub fn div(a: Fixed, b: Fixed) -> Fixed {
    a.checked_div(b).unwrap_or(ZERO)
}

#[inline]
pub fn add(a: Fixed, b: Fixed) -> Fixed {
    a.saturating_add(b)
}

#[inline]
pub fn sub(a: Fixed, b: Fixed) -> Fixed {
    a.saturating_sub(b)
}

/// The integer `u` as a fixed-point number (not divided by 65535).
#[inline]
pub fn from_u16(u: u16) -> Fixed {
    Fixed::from_num(u)
}

/// `u / 65535`.
#[inline]
pub fn u16_proportion(u: u16) -> Fixed {
    div(from_u16(u), from_u16(u16::MAX))
}

/// `min(65535, floor(x·65535))`, and 0 for negative `x`.
#[inline]
pub fn fixed_proportion_to_u16(x: Fixed) -> u16 {
    mul(x, from_u16(u16::MAX)).saturating_to_num::<u16>()
}

/// The sum of raw values (exact, saturating).
pub fn sum(v: &[Fixed]) -> Fixed {
    v.iter().fold(ZERO, |acc, x| add(acc, *x))
}

/// Divides every entry by the sum; leaves `v` unchanged when the sum is 0.
pub fn normalize(v: &mut [Fixed]) {
    let s = sum(v);
    if s != ZERO {
        for x in v.iter_mut() {
            *x = div(*x, s);
        }
    }
}

/// `normalize` in I64F64, used for stake.
pub fn normalize_64(v: &mut [I64F64]) {
    let s = v.iter().fold(I64F64::from_num(0), |acc, x| acc.saturating_add(*x));
    if s != I64F64::from_num(0) {
        for x in v.iter_mut() {
            *x = x.checked_div(s).unwrap_or(I64F64::from_num(0));
        }
    }
}

/// I64F64 → I32F32 by dropping the 32 extra fractional bits (floor), saturating.
#[inline]
pub fn trunc_64_to_32(x: I64F64) -> Fixed {
    let bits = x.to_bits() >> 32;
    Fixed::from_bits(i64::try_from(bits).unwrap_or(if bits < 0 { i64::MIN } else { i64::MAX }))
}

/// `floor(x·r)` for a proportion `x` and an amount `r` (the I96F32 product truncated to u64).
#[inline]
pub fn amount(x: Fixed, r: u64) -> u64 {
    let raw = x.to_bits();
    if raw <= 0 {
        return 0;
    }
    let product = u128::from(raw.unsigned_abs()).saturating_mul(u128::from(r)) >> 32;
    u64::try_from(product).unwrap_or(u64::MAX)
}

/// Truncated Taylor series for `e^x` on [−20, 20], reproducing upstream's `exp_safe`
/// (so `exp(20)` is 481 239 357.67…, not the true value).
pub fn exp_safe(x: Fixed) -> Fixed {
    let limit = Fixed::from_num(20);
    let neg_limit = Fixed::from_num(-20);
    let x = if x > limit {
        limit
    } else if x < neg_limit {
        neg_limit
    } else {
        x
    };
    if x == ZERO {
        return ONE;
    }
    if x == ONE {
        // The I9F23 constant e = 22802600 / 2^23, widened exactly.
        return Fixed::from_bits(22_802_600_i64 << 9);
    }
    let y = if x < ZERO { x.saturating_neg() } else { x };
    let mut result = add(y, ONE);
    let mut term = y;
    for i in 2..32u16 {
        term = div(mul(term, y), from_u16(i));
        result = add(result, term);
    }
    if x < ZERO {
        div(ONE, result)
    } else {
        result
    }
}

/// Which entries are among the `k` largest non-zero values. Ties go to the higher index
/// (a stable ascending sort drops the first `n − k`).
pub fn is_topk_nonzero(v: &[Fixed], k: usize) -> Vec<bool> {
    let n = v.len();
    let mut keep: Vec<bool> = v.iter().map(|x| *x != ZERO).collect();
    if n < k {
        return keep;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| v.get(i).copied().unwrap_or(ZERO));
    for &i in order.iter().take(n.saturating_sub(k)) {
        if let Some(flag) = keep.get_mut(i) {
            *flag = false;
        }
    }
    keep
}

/// Accumulates `acc + x·w`, floored to an integer, as upstream aggregates mechanisms.
#[inline]
pub fn weighted_accumulate(acc: u64, x: u64, w: U64F64) -> u64 {
    U64F64::from_num(acc)
        .saturating_add(U64F64::from_num(x).saturating_mul(w))
        .saturating_to_num::<u64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> Fixed {
        Fixed::from_num(x)
    }

    #[test]
    fn kappa_and_penalty_conversions() {
        assert_eq!(u16_proportion(32767).to_bits(), 2_147_450_879);
        assert_eq!(u16_proportion(65535), ONE);
    }

    #[test]
    fn ema_coefficient_v3() {
        // 1 − I32F32(I64F64(900000) / I64F64(1000000)) == 0.1
        let ratio = I64F64::from_num(900_000).checked_div(I64F64::from_num(1_000_000)).unwrap();
        let alpha = sub(ONE, trunc_64_to_32(ratio));
        assert_eq!(alpha.to_bits(), 429_496_730);
        assert_eq!(alpha, f(0.1));
        let ratio = I64F64::from_num(975_000).checked_div(I64F64::from_num(1_000_000)).unwrap();
        assert_eq!(sub(ONE, trunc_64_to_32(ratio)).to_bits(), 107_374_183);
    }

    #[test]
    fn exp_safe_v3() {
        assert_eq!(exp_safe(ZERO), ONE);
        assert_eq!(exp_safe(f(21.0)), exp_safe(f(20.0)));
        assert_eq!(exp_safe(f(-21.0)), exp_safe(f(-20.0)));
        assert_eq!(exp_safe(Fixed::max_value()), exp_safe(f(20.0)));
        assert_eq!(exp_safe(Fixed::min_value()), exp_safe(f(-20.0)));
        assert_eq!(exp_safe(f(-20.0)).to_bits(), 8);
        let e20: f64 = exp_safe(f(20.0)).to_num();
        assert!((e20 - 481_239_357.674).abs() < 0.01, "{e20}");
        let e5: f64 = exp_safe(f(5.0)).to_num();
        assert!((e5 - 148.41315909).abs() < 1e-6, "{e5}");
        let e1: f64 = exp_safe(ONE).to_num();
        assert!((e1 - 2.718_281_745_9).abs() < 1e-9, "{e1}");
    }

    #[test]
    fn topk_breaks_ties_toward_higher_index() {
        let v = [f(0.5), f(0.5), f(0.0), f(0.5)];
        assert_eq!(is_topk_nonzero(&v, 2), [false, true, false, true]);
        assert_eq!(is_topk_nonzero(&v, 4), [true, true, false, true]);
        assert_eq!(is_topk_nonzero(&v, 5), [true, true, false, true]);
        assert_eq!(is_topk_nonzero(&v, 0), [false, false, false, false]);
    }

    #[test]
    fn amounts_floor() {
        assert_eq!(amount(Fixed::from_bits(429_496_729), 1_000_000_000), 99_999_999);
        assert_eq!(amount(ONE, u64::MAX), u64::MAX);
        assert_eq!(amount(-ONE, 5), 0);
    }

    #[test]
    fn proportion_to_u16_saturates() {
        assert_eq!(fixed_proportion_to_u16(ONE), 65535);
        assert_eq!(fixed_proportion_to_u16(f(2.0)), 65535);
        assert_eq!(fixed_proportion_to_u16(f(-1.0)), 0);
    }
}
