//! The moving (EMA) price of a subnet (`economics.md` §3.6): it weights emission across
//! subnets and orders pruning, so it moves slowly and ignores spot prices above 1.

use substrate_fixed::types::I96F32;

/// `EMA ← α·min(spot, 1) + (1−α)·EMA` with `α = moving_alpha · b/(b+h)`, where `b` is the
/// number of blocks since the subnet's first emission and `h` the halving blocks.
pub fn update_moving_price(
    ema: I96F32,
    spot: I96F32,
    moving_alpha: I96F32,
    blocks_since_start: u64,
    halving_blocks: u64,
) -> I96F32 {
    let b = I96F32::from_num(blocks_since_start);
    let h = I96F32::from_num(halving_blocks);
    let ramp = b.checked_div(b.saturating_add(h)).unwrap_or(I96F32::from_num(0));
    let alpha = moving_alpha.saturating_mul(ramp);
    let one = I96F32::from_num(1);
    let capped = if spot > one { one } else { spot };
    alpha.saturating_mul(capped).saturating_add(one.saturating_sub(alpha).saturating_mul(ema))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> I96F32 {
        I96F32::from_num(x)
    }

    /// `economics.md` §8 TV7 `test_coinbase_moving_prices`.
    #[test]
    fn tv7_fourteen_updates() {
        let mut ema = f(0.0);
        for _ in 0..14 {
            ema = update_moving_price(ema, f(1.0), f(0.1), 201_600, 201_600);
        }
        let v: f64 = ema.to_num();
        assert!((v - 0.512325).abs() < 0.001, "{v}");
        let one_step = update_moving_price(f(0.0), f(1.0), f(1.0), u64::MAX / 4, 201_600);
        assert!(one_step > f(0.95));
    }

    /// TV7 `test_update_moving_price_initial` and `_after_time`.
    #[test]
    fn tv7_ramp() {
        let v: f64 = update_moving_price(f(0.0), f(1.0), f(0.5), 11, 201_600).to_num();
        assert!(v < 0.001);
        let v: f64 = update_moving_price(f(0.0), f(1.0), f(0.5), 144_000_000, 201_600).to_num();
        assert!((v - 0.5).abs() < 0.001, "{v}");
    }

    #[test]
    fn spot_above_one_counts_as_one() {
        assert_eq!(
            update_moving_price(f(0.5), f(40.0), f(0.5), 1, 0),
            update_moving_price(f(0.5), f(1.0), f(0.5), 1, 0)
        );
    }
}
