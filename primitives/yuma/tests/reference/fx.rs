//! The reference's own fixed-point arithmetic, written from `yuma.md` §1 on raw integers.
//!
//! Values are `substrate_fixed` types so they compare directly with the engine's, but every
//! operation is done here on the raw bits (wide integer arithmetic), never through the
//! engine's helpers nor through `substrate_fixed`'s operators, so a rounding difference in
//! either shows up as a mismatch.

use substrate_fixed::types::I32F32;

pub type F = I32F32;

fn raw(x: F) -> i128 {
    i128::from(x.to_bits())
}

/// Saturates a wide raw value into I32F32 (saturation never happens on epoch values).
fn from_raw(v: i128) -> F {
    let clamped = v.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    F::from_bits(clamped as i64)
}

pub fn zero() -> F {
    F::from_bits(0)
}

pub fn one() -> F {
    F::from_bits(1 << 32)
}

/// `I32F32(u)`: the integer itself, exact.
pub fn int(u: i64) -> F {
    from_raw(i128::from(u) << 32)
}

/// 0.5 exactly.
pub fn half() -> F {
    F::from_bits(1 << 31)
}

/// mul(a, b) = (a_raw × b_raw) >> 32, an arithmetic shift: rounds toward −∞.
pub fn mul(a: F, b: F) -> F {
    from_raw((raw(a) * raw(b)) >> 32)
}

/// mul that reports overflow instead of saturating.
pub fn checked_mul(a: F, b: F) -> Option<F> {
    let v = (raw(a) * raw(b)) >> 32;
    if v > i128::from(i64::MAX) || v < i128::from(i64::MIN) {
        None
    } else {
        Some(F::from_bits(v as i64))
    }
}

/// div(a, b) = (a_raw << 32) / b_raw truncated toward 0; safe_div gives 0 for b = 0.
pub fn div(a: F, b: F) -> F {
    if raw(b) == 0 {
        return zero();
    }
    // Rust's integer `/` truncates toward zero, as the spec says.
    from_raw((raw(a) << 32) / raw(b))
}

pub fn add(a: F, b: F) -> F {
    from_raw(raw(a) + raw(b))
}

pub fn sub(a: F, b: F) -> F {
    from_raw(raw(a) - raw(b))
}

/// u16_proportion(u) = div(I32F32(u), I32F32(65535)).
pub fn u16_proportion(u: u16) -> F {
    div(int(i64::from(u)), int(65535))
}

/// fixed_proportion_to_u16(x) = clamp_u16(floor(mul(x, I32F32(65535)))).
pub fn to_u16(x: F) -> u16 {
    let m = mul(x, int(65535));
    let floor = raw(m) >> 32; // floor, including for negatives
    floor.clamp(0, 65535) as u16
}

/// amount = floor(x_raw × R / 2^32), 0 for negative x, saturating to u64.
pub fn amount(x: F, r: u64) -> u64 {
    let xr = raw(x);
    if xr <= 0 {
        return 0;
    }
    let p = (xr as u128 * u128::from(r)) >> 32;
    if p > u128::from(u64::MAX) {
        u64::MAX
    } else {
        p as u64
    }
}

/// normalize(v): s = Σv (raw sum); if s ≠ 0, v_i ← div(v_i, s).
pub fn normalize(v: &mut [F]) {
    let mut s = zero();
    for x in v.iter() {
        s = add(s, *x);
    }
    if s != zero() {
        for x in v.iter_mut() {
            *x = div(*x, s);
        }
    }
}

pub fn sum(v: &[F]) -> F {
    let mut s = zero();
    for x in v {
        s = add(s, *x);
    }
    s
}

/// round() half away from zero, as an integer.
pub fn round_half_away(x: F) -> i128 {
    let r = raw(x);
    let h = 1i128 << 31;
    if r >= 0 {
        (r + h) >> 32
    } else {
        -((-r + h) >> 32)
    }
}

/// exp_safe (§1): clamp to [−20, 20]; 0 ⇒ 1; 1 ⇒ the I9F23 constant e; otherwise the
/// Taylor series over |x| with terms i = 2..=31, inverted for negative x.
pub fn exp_safe(x: F) -> F {
    let x = if x > int(20) {
        int(20)
    } else if x < int(-20) {
        int(-20)
    } else {
        x
    };
    if x == zero() {
        return one();
    }
    if x == one() {
        // 22802600 / 2^23 widened to 32 fractional bits.
        return F::from_bits(22_802_600_i64 * 512);
    }
    let y = if x < zero() { sub(zero(), x) } else { x };
    let mut result = add(y, one());
    let mut term = y;
    let mut i = 2;
    while i <= 31 {
        term = div(mul(term, y), int(i));
        result = add(result, term);
        i += 1;
    }
    if x < zero() {
        div(one(), result)
    } else {
        result
    }
}

// ---- I64F64, non-negative values only, as raw u128 (raw = value × 2^64) ----

/// I64F64(u) for an integer u (exact).
pub fn int64(u: u64) -> u128 {
    u128::from(u) << 64
}

/// I64F64 division floor(a × 2^64 / s) for 0 ≤ a, 0 < s, by long division (no 256-bit type).
pub fn div64(a: u128, s: u128) -> u128 {
    assert!(s > 0);
    assert!(s < 1u128 << 126, "stake sum out of the range the reference handles");
    let int = a / s;
    let mut rem = a % s;
    let mut frac: u128 = 0;
    for _ in 0..64 {
        rem <<= 1;
        frac <<= 1;
        if rem >= s {
            rem -= s;
            frac |= 1;
        }
    }
    (int << 64) | frac
}

/// I64F64 → I32F32: drop the 32 extra fractional bits (floor).
pub fn trunc64(x: u128) -> F {
    from_raw((x >> 32) as i128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_semantics() {
        // Kappa 32767 and β 65535 conversions (§1).
        assert_eq!(u16_proportion(32767).to_bits(), 2_147_450_879);
        assert_eq!(u16_proportion(65535), one());
        // mul floors toward −∞, div truncates toward 0.
        let tiny = F::from_bits(1);
        assert_eq!(mul(F::from_bits(-1), F::from_bits(1 << 31)).to_bits(), -1);
        assert_eq!(div(F::from_bits(-1), int(3)).to_bits(), 0);
        assert_eq!(div(tiny, zero()), zero());
        assert_eq!(to_u16(one()), 65535);
        assert_eq!(to_u16(int(-1)), 0);
        assert_eq!(amount(F::from_bits(429_496_729), 1_000_000_000), 99_999_999);
        assert_eq!(div64(1, 3) >> 32, (1u128 << 32) / 3);
        assert_eq!(div64(5, 5), 1u128 << 64);
    }

    /// §1 and V3: the truncated series, not the true exponential.
    #[test]
    fn exp_vectors() {
        assert_eq!(exp_safe(zero()), one());
        assert_eq!(exp_safe(int(-20)).to_bits(), 8);
        assert_eq!(exp_safe(int(21)), exp_safe(int(20)));
        assert_eq!(exp_safe(F::max_value()), exp_safe(int(20)));
        assert_eq!(exp_safe(F::min_value()), exp_safe(int(-20)));
        let e20 = exp_safe(int(20)).to_bits() as f64 / 4_294_967_296.0;
        assert!((e20 - 481_239_357.674).abs() < 0.01, "{e20}");
        let e5 = exp_safe(int(5)).to_bits() as f64 / 4_294_967_296.0;
        assert!((e5 - 148.413_159_09).abs() < 1e-6, "{e5}");
        let e1 = exp_safe(one()).to_bits() as f64 / 4_294_967_296.0;
        assert!((e1 - 2.718_281_745_9).abs() < 1e-9, "{e1}");
    }
}
