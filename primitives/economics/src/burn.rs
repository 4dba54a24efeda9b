//! The registration burn price (`economics.md` §5.2): every block it decays by a factor with
//! a half-life of `H` blocks; every registration multiplies it; both clamp to [min, max].

/// One in Q32.
const Q32_ONE: u64 = 1 << 32;

/// `(a·b) >> 32`, truncating: the Q32 multiply upstream uses.
#[inline]
pub fn q32_mul(a: u64, b: u64) -> u64 {
    let product = (u128::from(a).saturating_mul(u128::from(b))) >> 32;
    u64::try_from(product).unwrap_or(u64::MAX)
}

/// `f^h` in Q32, multiplying `h` times with truncation.
pub fn q32_pow(f: u64, h: u32) -> u64 {
    (0..h).fold(Q32_ONE, |acc, _| q32_mul(acc, f))
}

/// The per-block decay factor for half-life `h`: the largest Q32 `f` with `f^h ≤ 0.5`
/// (binary search with the truncating multiply). `h = 0` means no decay (factor 1).
pub fn half_life_factor(h: u32) -> u64 {
    if h == 0 {
        return Q32_ONE;
    }
    let half = Q32_ONE >> 1;
    let (mut lo, mut hi) = (0u64, Q32_ONE);
    // Invariant: q32_pow(lo) ≤ half < q32_pow(hi).
    while hi.saturating_sub(lo) > 1 {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        if q32_pow(mid, h) <= half {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// `x` clamped to [min, max]; `min` when the bounds are inverted.
#[inline]
pub fn clamp(x: u64, min: u64, max: u64) -> u64 {
    if max < min {
        return min;
    }
    x.clamp(min, max)
}

/// One block of decay: `clamp(floor(burn·f / 2^32), min, max)`; the factor is applied only
/// when `decay` is true (block > 1 and a half-life is set), the clamp always.
pub fn decay(burn: u64, factor: u64, decay: bool, min: u64, max: u64) -> u64 {
    let next = if decay { q32_mul(burn, factor) } else { burn };
    clamp(next, min, max)
}

/// After a registration: `clamp(floor(burn·mult), min, max)`, with the multiplier given as
/// a fraction `num/den ≥ 1`.
pub fn bump(burn: u64, mult_num: u64, mult_den: u64, min: u64, max: u64) -> u64 {
    let den = mult_den.max(1);
    let next = u128::from(burn).saturating_mul(u128::from(mult_num)).checked_div(u128::from(den)).unwrap_or(0);
    clamp(u64::try_from(next).unwrap_or(u64::MAX), min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `economics.md` §8 TV8: factors.
    #[test]
    fn tv8_half_life_factors() {
        assert_eq!(half_life_factor(2), 3_037_000_500);
        assert_eq!(half_life_factor(360), 4_286_705_684);
    }

    /// TV8 `test_burn_halves_every_half_life`: 1024 → 724 → 511 → 361 → 255.
    #[test]
    fn tv8_halves_every_half_life() {
        let f = half_life_factor(2);
        let mut burn = 1_024;
        let mut seen = vec![];
        for _ in 0..4 {
            burn = decay(burn, f, true, 0, u64::MAX);
            seen.push(burn);
        }
        assert_eq!(seen, [724, 511, 361, 255]);
    }

    /// TV8 `test_burn_decay` and `..._runs_on_next_block_step`.
    #[test]
    fn tv8_decay_after_bump() {
        let f = half_life_factor(1_000);
        let burn = bump(1_000, 2, 1, 0, u64::MAX);
        assert_eq!(burn, 2_000);
        assert_eq!(decay(burn, f, true, 0, u64::MAX), 1_998);
        assert_eq!(decay(1_000, f, true, 0, u64::MAX), 999);
    }

    /// TV8 `test_burn_min_and_max_clamps_prevent_zero_stuck_and_cap_bump`.
    #[test]
    fn tv8_clamps() {
        let f = half_life_factor(1);
        let burn = decay(1, f, true, 100_000, 150_000);
        assert_eq!(burn, 100_000);
        let burn = bump(burn, 2, 1, 100_000, 150_000);
        assert_eq!(burn, 150_000);
        assert_eq!(decay(burn, f, true, 100_000, 150_000), 100_000);
        assert_eq!(bump(1_000, 3, 1, 0, u64::MAX), 3_000);
    }

    /// TV8 derived: H = 360 on 1 TAO, and the 1.26 bump.
    #[test]
    fn tv8_production_half_life() {
        let f = half_life_factor(360);
        let mut burn = 1_000_000_000;
        burn = decay(burn, f, true, 0, u64::MAX);
        assert_eq!(burn, 998_076_443);
        for _ in 1..360 {
            burn = decay(burn, f, true, 0, u64::MAX);
        }
        assert_eq!(burn, 499_999_865);
        assert_eq!(bump(1_000_000_000, 126, 100, 0, u64::MAX), 1_260_000_000);
    }

    #[test]
    fn no_decay_without_half_life_or_on_the_first_block() {
        assert_eq!(half_life_factor(0), 1 << 32);
        assert_eq!(decay(500, half_life_factor(10), false, 0, 1_000), 500);
        assert_eq!(decay(5_000, half_life_factor(10), false, 0, 1_000), 1_000);
    }
}
