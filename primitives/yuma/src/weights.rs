//! Weight normalisation applied by `set_weights` before storing (`yuma.md` §4.1, steps 14–15).

use crate::math::{div, from_u16, mul, normalize, u16_proportion, Fixed, ZERO};
use alloc::vec::Vec;

/// Scales weights so that the largest becomes 65 535, rounding half away from zero
/// (step 14). All zeros stay zeros.
pub fn max_upscale_to_u16(values: &[u16]) -> Vec<u16> {
    let fixed: Vec<Fixed> = values.iter().map(|v| from_u16(*v)).collect();
    max_upscale_fixed_to_u16(&fixed)
}

/// [`max_upscale_to_u16`] for fixed-point inputs.
pub fn max_upscale_fixed_to_u16(values: &[Fixed]) -> Vec<u16> {
    let max = values.iter().copied().fold(ZERO, |m, v| if v > m { v } else { m });
    if max == ZERO {
        return values.iter().map(|_| 0).collect();
    }
    let u16_max = from_u16(u16::MAX);
    let half_range = from_u16(32_768);
    values
        .iter()
        .map(|v| {
            let scaled =
                if max > half_range { mul(*v, div(u16_max, max)) } else { div(mul(*v, u16_max), max) };
            scaled.saturating_round().saturating_to_num::<u16>()
        })
        .collect()
}

/// Whether no normalised weight exceeds `limit / 65535` (step 15).
pub fn check_max_limited(values: &[u16], limit: u16) -> bool {
    let mut fixed: Vec<Fixed> = values.iter().map(|v| from_u16(*v)).collect();
    normalize(&mut fixed);
    let max = fixed.iter().copied().fold(ZERO, |m, v| if v > m { v } else { m });
    max <= u16_proportion(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `yuma.md` §6 V2.
    #[test]
    fn v2_upscaling() {
        assert_eq!(max_upscale_to_u16(&[1]), [65535]);
        assert_eq!(max_upscale_to_u16(&[0, 1]), [0, 65535]);
        assert_eq!(max_upscale_to_u16(&[65534]), [65535]);
        assert_eq!(max_upscale_to_u16(&[0, 1, 65534]), [0, 1, 65535]);
        let same = [0, 1, 2, 3, 4, 65533, 65535];
        assert_eq!(max_upscale_to_u16(&same), same);
        assert_eq!(max_upscale_to_u16(&[0, 0]), [0, 0]);
        let fixed: Vec<Fixed> =
            [0.0, 0.5, 1.0, 1.5, 2.0, 32768.0, 32769.0].iter().map(|x| Fixed::from_num(*x)).collect();
        assert_eq!(max_upscale_fixed_to_u16(&fixed), [0, 1, 2, 3, 4, 65533, 65535]);
    }

    /// `yuma.md` §6 V2, the max-limit check.
    #[test]
    fn v2_max_limited() {
        const MAX: u16 = u16::MAX;
        assert!(!check_max_limited(&[0, MAX, MAX], MAX / 2));
        assert!(check_max_limited(&[0, MAX, MAX], MAX / 2 + 1));
        assert!(!check_max_limited(&[0, MAX, MAX, MAX], MAX / 3 - 1));
        assert!(check_max_limited(&[0, MAX, MAX, MAX], MAX / 3));
    }
}
