//! `floor(10^18 · (num/den)^(e_n/e_d))`: a rational power of a rational, computed in 128.128
//! fixed point on 256/512-bit integers (log2 by repeated squaring, exp2 by Taylor series),
//! deterministic on every platform and accurate far beyond the 10^-18 the result keeps.

// Bounds, which is why plain operators are safe here: every 128.128 value handled is below
// 2^255 (inputs are ratios of u128s or bounded powers), products go through `full_mul` into
// U512, divisors are checked non-zero, and shifts of uint types never panic.
#![allow(clippy::arithmetic_side_effects)]

use primitive_types::{U256, U512};

/// 10^18: the scale of the result and of pool weights (Perquintill parts).
pub const SCALE: u128 = 1_000_000_000_000_000_000;

const FRAC_BITS: usize = 128;

fn one() -> U256 {
    U256::one() << FRAC_BITS
}

/// ln 2 in 128.128.
fn ln2() -> U256 {
    U256::from_big_endian(&[
        0xB1, 0x72, 0x17, 0xF7, 0xD1, 0xCF, 0x79, 0xAB, 0xC9, 0xE3, 0xB3, 0x98, 0x03, 0xF2, 0xF6, 0xAF,
    ])
}

/// `(a·b) >> 128` for 128.128 values; saturates.
fn mul_q(a: U256, b: U256) -> U256 {
    let wide: U512 = a.full_mul(b) >> FRAC_BITS;
    U256::try_from(wide).unwrap_or(U256::MAX)
}

/// `(a << 128) / b` for 128.128 values; `None` on division by zero or overflow.
fn div_q(a: U256, b: U256) -> Option<U256> {
    if b.is_zero() {
        return None;
    }
    let wide = (U512::from(a) << FRAC_BITS) / U512::from(b);
    U256::try_from(wide).ok()
}

/// A signed 128.128 value: (negative, magnitude).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Signed(bool, U256);

/// log2 of a positive 128.128 value.
fn log2(x: U256) -> Option<Signed> {
    if x.is_zero() {
        return None;
    }
    let top = 255usize.saturating_sub(x.leading_zeros() as usize);
    // x = 2^(top − 128) · m with m in [1, 2).
    let (negative, int_part, mut m) = if top >= FRAC_BITS {
        (false, top.saturating_sub(FRAC_BITS), x >> top.saturating_sub(FRAC_BITS))
    } else {
        (true, FRAC_BITS.saturating_sub(top), x << FRAC_BITS.saturating_sub(top))
    };
    let mut frac = U256::zero();
    let two = one() << 1;
    for bit in (0..FRAC_BITS).rev() {
        m = mul_q(m, m);
        if m >= two {
            m >>= 1;
            frac |= U256::one() << bit;
        }
    }
    let int = U256::from(int_part) << FRAC_BITS;
    Some(if negative {
        // log2 = −int_part + frac = −(int_part − frac)
        Signed(true, int.saturating_sub(frac))
    } else {
        Signed(false, int.saturating_add(frac))
    })
}

/// 2^f for f in [0, 1), as e^(f·ln 2) by Taylor series.
fn exp2_frac(f: U256) -> U256 {
    let z = mul_q(f, ln2());
    let mut sum = one();
    let mut term = one();
    for k in 1u32..64 {
        term = mul_q(term, z) / U256::from(k);
        if term.is_zero() {
            break;
        }
        sum = sum.saturating_add(term);
    }
    sum
}

/// 2^y for a signed 128.128 exponent; `None` if the result overflows 128.128.
fn exp2(y: Signed) -> Option<U256> {
    let int = (y.1 >> FRAC_BITS).low_u64();
    let frac = y.1 & (one() - U256::one());
    if !y.0 {
        if int >= 127 {
            return None;
        }
        let v = exp2_frac(frac);
        let shifted = v.checked_mul(U256::one() << int as usize)?;
        Some(shifted)
    } else {
        // 2^−(int + frac) = 2^−int / 2^frac
        let v = exp2_frac(frac);
        let inv = div_q(one(), v)?;
        if int >= 256 {
            return Some(U256::zero());
        }
        Some(inv >> int as usize)
    }
}

/// `floor(10^18 · (num/den)^(e_n/e_d))`, or `None` for a zero denominator or an overflowing
/// result. A zero base gives 0; a zero exponent gives 10^18.
pub fn pow_ratio_scaled(num: u128, den: u128, e_n: u128, e_d: u128) -> Option<u128> {
    pow_ratio_scaled_wide(U256::from(num), U256::from(den), e_n, e_d)
}

/// [`pow_ratio_scaled`] for a base given as a ratio of 256-bit integers.
pub fn pow_ratio_scaled_wide(num: U256, den: U256, e_n: u128, e_d: u128) -> Option<u128> {
    if den.is_zero() || e_d == 0 {
        return None;
    }
    if e_n == 0 || num == den {
        return Some(SCALE);
    }
    if num.is_zero() {
        return Some(0);
    }
    let base = div_q(num, den)?;
    let Signed(negative, magnitude) = log2(base)?;
    let scaled = magnitude.checked_mul(U256::from(e_n))? / U256::from(e_d);
    let power = exp2(Signed(negative, scaled))?;
    let wide: U512 = power.full_mul(U256::from(SCALE));
    // log2/exp2 are accurate to about 2^-120 relative, so an exact result (a perfect power)
    // can land a hair below its integer. Nudging up by 2^-96 relative restores it; a true
    // value that close below an integer is vanishingly rare.
    let result = (wide + (wide >> 96)) >> FRAC_BITS;
    u128::try_from(U256::try_from(result).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_powers_are_exact_to_the_last_digit() {
        assert_eq!(pow_ratio_scaled(1, 2, 1, 1), Some(SCALE / 2));
        assert_eq!(pow_ratio_scaled(1, 4, 1, 2), Some(SCALE / 2));
        assert_eq!(pow_ratio_scaled(3, 4, 2, 1), Some(562_500_000_000_000_000));
        assert_eq!(pow_ratio_scaled(2, 1, 3, 1), Some(8 * SCALE));
        assert_eq!(pow_ratio_scaled(5, 5, 7, 3), Some(SCALE));
        assert_eq!(pow_ratio_scaled(0, 5, 7, 3), Some(0));
        assert_eq!(pow_ratio_scaled(5, 0, 7, 3), None);
    }

    #[test]
    fn the_ln2_constant_agrees_with_log2() {
        // exp2 uses ln 2; log2 does not. 2^(log2(3)) must give 3 back.
        let three = U256::from(3u8) << FRAC_BITS;
        let back = exp2(log2(three).unwrap()).unwrap();
        let diff = if back > three { back - three } else { three - back };
        assert!(diff < U256::one() << 20, "{diff}");
    }

    #[test]
    fn fractional_powers() {
        // 0.5^(1/2) = 0.70710678118654752440…
        assert_eq!(pow_ratio_scaled(1, 2, 1, 2), Some(707_106_781_186_547_524));
        // 2^(1/3) = 1.25992104989487316476…
        assert_eq!(pow_ratio_scaled(2, 1, 1, 3), Some(1_259_921_049_894_873_164));
        // (2/3)^(3/2) = 0.54433105395181735515…
        assert_eq!(pow_ratio_scaled(2, 3, 3, 2), Some(544_331_053_951_817_355));
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let _ = pow_ratio_scaled(1, u128::MAX, u128::MAX, 1);
        let _ = pow_ratio_scaled(u128::MAX, 1, u128::MAX, 1);
        let _ = pow_ratio_scaled(u128::MAX, 1, 1, u128::MAX);
        assert_eq!(pow_ratio_scaled(1, u128::MAX, 1_000, 1), Some(0));
    }
}
