//! One subnet's pool: price, swaps with fees and price limits (`economics.md` §3.2–§3.4),
//! price-preserving liquidity injection (§3.5).

use crate::pow::{pow_ratio_scaled, pow_ratio_scaled_wide, SCALE};
use primitive_types::U256;
use substrate_fixed::types::U64F64;

/// Default fee: 33/65535 of the input (≈ 0.05 %).
pub const DEFAULT_FEE_RATE: u16 = 33;
/// Largest fee rate root may set (≈ 15.26 %).
pub const MAX_FEE_RATE: u16 = 10_000;
/// A swap needs at least this much of the output reserve (runtime value).
pub const MINIMUM_RESERVE: u64 = 1_000_000;
/// A swap's input may be at most this many times the input reserve.
pub const MAX_INPUT_MULTIPLE: u64 = 1_000;
/// Weights never go below 1 % (parts of 10^18).
pub const MIN_WEIGHT: u64 = 10_000_000_000_000_000;
/// Half of 10^18: the weight of a fresh pool.
pub const HALF: u64 = 500_000_000_000_000_000;
/// Limit prices are in rao per alpha: price × 10^9.
pub const PRICE_SCALE: u64 = 1_000_000_000;

/// The reserves and the quote (TAO) weight of a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pool {
    /// TAO reserve `y` (rao).
    pub tao: u64,
    /// Alpha reserve `x` (rao).
    pub alpha: u64,
    /// Quote weight `w_q` in parts of 10^18; the base weight is `10^18 − w_q`.
    pub quote_weight: u64,
}

/// Which way a swap goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// TAO in, alpha out (staking).
    Buy,
    /// Alpha in, TAO out (unstaking).
    Sell,
}

/// Why a swap cannot run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapError {
    /// The price is already at or beyond the limit.
    PriceLimitExceeded,
    /// The output reserve is below the minimum.
    ReservesTooLow,
    /// The input is more than 1000 times the input reserve.
    SwapInputTooLarge,
    /// The output would exceed the reserve.
    InsufficientLiquidity,
    /// An intermediate value cannot be represented.
    Overflow,
}

/// The result of a swap: what was taken, the fee within it, and what comes out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SwapResult {
    /// Input actually used, fee included (less than asked for on a partial fill).
    pub amount_paid_in: u64,
    /// The fee, in the input token.
    pub fee: u64,
    /// Output amount.
    pub amount_out: u64,
}

/// `floor(amount · rate / 65535)`.
pub fn fee_for(amount: u64, rate: u16) -> u64 {
    mul_div(amount, u64::from(rate), u64::from(u16::MAX))
}

/// The fee on a net amount `net` such that `net + fee` pays it: `floor(net·r/(65535 − r))`.
pub fn fee_on_net(net: u64, rate: u16) -> u64 {
    mul_div(net, u64::from(rate), u64::from(u16::MAX).saturating_sub(u64::from(rate)))
}

/// A limit in rao per alpha as a price in TAO per alpha.
pub fn limit_price(limit: u64) -> U64F64 {
    U64F64::from_num(limit).checked_div(U64F64::from_num(PRICE_SCALE)).unwrap_or(U64F64::from_num(0))
}

/// `floor(a·b/c)` in 128 bits, saturating; 0 for `c = 0`.
pub fn mul_div(a: u64, b: u64, c: u64) -> u64 {
    if c == 0 {
        return 0;
    }
    let v = u128::from(a).saturating_mul(u128::from(b)).checked_div(u128::from(c)).unwrap_or(0);
    u64::try_from(v).unwrap_or(u64::MAX)
}

impl Pool {
    /// A fresh pool with equal weights (price `y/x`).
    pub fn new(tao: u64, alpha: u64) -> Self {
        Self { tao, alpha, quote_weight: HALF }
    }

    /// A pool whose weights make its price `price` (`w_q = y/(p·x + y)`, §3.5).
    pub fn with_price(tao: u64, alpha: u64, price: U64F64) -> Self {
        let px = U64F64::from_num(alpha).saturating_mul(price);
        let denominator = px.saturating_add(U64F64::from_num(tao));
        let w = U64F64::from_num(tao)
            .checked_div(denominator)
            .map(|w| w.saturating_mul(U64F64::from_num(SCALE)).saturating_to_num::<u64>())
            .unwrap_or(HALF);
        Self { tao, alpha, quote_weight: w }
    }

    pub fn base_weight(&self) -> u64 {
        (SCALE as u64).saturating_sub(self.quote_weight)
    }

    /// `P = (w_b/w_q)·(y/x)` in TAO per alpha; 0 when there is no alpha.
    // Products of at most three u64 values fit U256 (< 2^192); divisors are non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn price(&self) -> U64F64 {
        let num = U256::from(self.base_weight()) * U256::from(self.tao);
        let den = U256::from(self.quote_weight) * U256::from(self.alpha);
        if den.is_zero() {
            return U64F64::from_num(0);
        }
        let bits = (num << 64) / den;
        U64F64::from_bits(u128::try_from(bits).unwrap_or(u128::MAX))
    }

    /// The output of a swap of a net input `delta` (fee already removed), without limits.
    pub fn output_for(&self, side: Side, delta: u64) -> Option<u64> {
        let (reserve_in, reserve_out, e_n, e_d) = match side {
            Side::Buy => (self.tao, self.alpha, self.quote_weight, self.base_weight()),
            Side::Sell => (self.alpha, self.tao, self.base_weight(), self.quote_weight),
        };
        let after = u128::from(reserve_in).saturating_add(u128::from(delta));
        let remaining = pow_ratio_scaled(u128::from(reserve_in), after, u128::from(e_n), u128::from(e_d))?
            .min(SCALE);
        let out = u128::from(reserve_out).saturating_mul(SCALE.saturating_sub(remaining)) / SCALE;
        u64::try_from(out).ok()
    }

    /// The largest net input that keeps the price at or inside `limit` (rao per alpha):
    /// buy `floor(y·((L/P)^w_b − 1))`, sell `floor(x·((P/L)^w_q − 1))`.
    // Products of at most three u64 values fit U256 (< 2^192); divisors are non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn net_input_to_limit(&self, side: Side, limit: u64) -> Option<u64> {
        // L/P = L·w_q·x / (10^9·w_b·y).
        let l_wq_x = U256::from(limit) * U256::from(self.quote_weight) * U256::from(self.alpha);
        let scale_wb_y = U256::from(PRICE_SCALE) * U256::from(self.base_weight()) * U256::from(self.tao);
        let (num, den, e_n, reserve) = match side {
            Side::Buy => (l_wq_x, scale_wb_y, self.base_weight(), self.tao),
            Side::Sell => (scale_wb_y, l_wq_x, self.quote_weight, self.alpha),
        };
        let factor = pow_ratio_scaled_wide(num, den, u128::from(e_n), SCALE)?;
        let growth = factor.saturating_sub(SCALE);
        let delta = U256::from(reserve) * U256::from(growth) / U256::from(SCALE);
        Some(u64::try_from(delta).unwrap_or(u64::MAX))
    }

    /// Whether the price lies strictly on the allowed side of `limit` for `side`.
    fn below_limit(&self, side: Side, limit: u64) -> bool {
        let limit = limit_price(limit);
        match side {
            Side::Buy => self.price() < limit,
            Side::Sell => self.price() > limit,
        }
    }

    /// Swaps `amount` (fee included) with a price limit (rao per alpha), filling only up to
    /// the limit when the whole amount would cross it (§3.3). Reserves are not changed: see
    /// [`Pool::apply`].
    pub fn swap(&self, side: Side, amount: u64, limit: u64, fee_rate: u16) -> Result<SwapResult, SwapError> {
        if !self.below_limit(side, limit) {
            return Err(SwapError::PriceLimitExceeded);
        }
        let fee = fee_for(amount, fee_rate);
        let mut net = amount.saturating_sub(fee);
        let mut paid = amount;
        let mut fee = fee;
        let out = self.output_for(side, net).ok_or(SwapError::Overflow)?;
        let after = self.apply_unchecked(side, net, out);
        let crosses = match side {
            // A pool drained of alpha has an unbounded price: it crosses every limit.
            Side::Buy => {
                after.alpha == 0
                    || after.price() > limit_price(limit)
            },
            Side::Sell => after.price() < limit_price(limit),
        };
        let out = if crosses {
            net = self.net_input_to_limit(side, limit).ok_or(SwapError::Overflow)?.min(net);
            fee = fee_on_net(net, fee_rate);
            paid = net.saturating_add(fee);
            self.output_for(side, net).ok_or(SwapError::Overflow)?
        } else {
            out
        };
        let (reserve_in, reserve_out) = match side {
            Side::Buy => (self.tao, self.alpha),
            Side::Sell => (self.alpha, self.tao),
        };
        if reserve_out < MINIMUM_RESERVE {
            return Err(SwapError::ReservesTooLow);
        }
        if u128::from(net) > u128::from(reserve_in).saturating_mul(u128::from(MAX_INPUT_MULTIPLE)) {
            return Err(SwapError::SwapInputTooLarge);
        }
        if net > 0 && out == 0 {
            return Err(SwapError::ReservesTooLow);
        }
        if out > reserve_out {
            return Err(SwapError::InsufficientLiquidity);
        }
        Ok(SwapResult { amount_paid_in: paid, fee, amount_out: out })
    }

    fn apply_unchecked(&self, side: Side, net: u64, out: u64) -> Pool {
        match side {
            Side::Buy => Pool {
                tao: self.tao.saturating_add(net),
                alpha: self.alpha.saturating_sub(out),
                ..*self
            },
            Side::Sell => Pool {
                alpha: self.alpha.saturating_add(net),
                tao: self.tao.saturating_sub(out),
                ..*self
            },
        }
    }

    /// The pool after a swap: the net input (paid minus fee) joins the input reserve and the
    /// output leaves the other. The fee is not part of the pool (it goes to the author).
    pub fn apply(&self, side: Side, result: &SwapResult) -> Pool {
        self.apply_unchecked(side, result.amount_paid_in.saturating_sub(result.fee), result.amount_out)
    }

    /// Adds `(tao, alpha)` without moving the price by re-weighting (§3.5):
    /// `q1 = round(w_b·y·(x+Δx))`, `q2 = round(w_q·x·(y+Δy))`, `w_q' = q2/(q1+q2)`.
    /// `None` (and no change) if a weight would fall below 1 %.
    // Products of at most three u64 values fit U256 (< 2^192); divisors are non-zero.
    #[allow(clippy::arithmetic_side_effects)]
    pub fn inject(&self, tao: u64, alpha: u64) -> Option<Pool> {
        let y = u128::from(self.tao);
        let x = u128::from(self.alpha);
        let new_y = y.saturating_add(u128::from(tao));
        let new_x = x.saturating_add(u128::from(alpha));
        let weigh = |w: u64, v: U256| -> U256 {
            (v * U256::from(w) + U256::from(SCALE / 2)) / U256::from(SCALE)
        };
        let q1 = weigh(self.base_weight(), U256::from(y) * U256::from(new_x));
        let q2 = weigh(self.quote_weight, U256::from(x) * U256::from(new_y));
        let total = q1 + q2;
        let w = if total.is_zero() {
            HALF
        } else {
            u64::try_from(q2 * U256::from(SCALE) / total).ok()?
        };
        if w < MIN_WEIGHT || (SCALE as u64).saturating_sub(w) < MIN_WEIGHT {
            return None;
        }
        Some(Pool {
            tao: u64::try_from(new_y).unwrap_or(u64::MAX),
            alpha: u64::try_from(new_x).unwrap_or(u64::MAX),
            quote_weight: w,
        })
    }

    /// The most TAO (fee included) that can be staked before the price reaches `limit`
    /// (§3.4): a simulated buy of 1000·y at the limit. `PriceLimitExceeded` at or past it.
    pub fn max_amount_add(&self, limit: u64, fee_rate: u16) -> Result<u64, SwapError> {
        let huge = self.tao.saturating_mul(MAX_INPUT_MULTIPLE);
        self.swap(Side::Buy, huge, limit, fee_rate).map(|r| r.amount_paid_in)
    }

    /// The most alpha (fee included) that can be unstaked before the price falls to `limit`.
    pub fn max_amount_remove(&self, limit: u64, fee_rate: u16) -> Result<u64, SwapError> {
        let huge = self.alpha.saturating_mul(MAX_INPUT_MULTIPLE);
        self.swap(Side::Sell, huge, limit, fee_rate).map(|r| r.amount_paid_in)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tv2_pool() -> Pool {
        Pool::new(1_000_000_000, 4_000_000_000)
    }

    /// `economics.md` §8 TV2, w = 0.5, ε = 1.
    #[test]
    fn tv2_balanced_swaps() {
        let pool = tv2_pool();
        let no_limit_buy = u64::MAX;
        let cases = [
            (Side::Buy, 1_000u64, 0u64, 3_999u64),
            (Side::Buy, 123_456, 62, 493_515),
            (Side::Buy, 1_000_000_000, 503_547, 1_999_496_326),
            (Side::Buy, 10_000_000_000, 5_035_477, 3_636_197_098),
            (Side::Sell, 1_000, 0, 249),
            (Side::Sell, 123_456, 62, 30_847),
            (Side::Sell, 1_000_000_000, 503_547, 199_919_424),
        ];
        for (side, amount, fee, out) in cases {
            let limit = if side == Side::Buy { no_limit_buy } else { 0 };
            let r = pool.swap(side, amount, limit, DEFAULT_FEE_RATE).unwrap();
            assert_eq!(r.fee, fee, "{side:?} {amount}");
            assert!(r.amount_out.abs_diff(out) <= 1, "{side:?} {amount}: {} vs {out}", r.amount_out);
            assert_eq!(r.amount_paid_in, amount);
            let after = pool.apply(side, &r);
            match side {
                Side::Buy => assert!(after.price() > pool.price()),
                Side::Sell => assert!(after.price() < pool.price()),
            }
        }
    }

    /// TV2, unbalanced weights (ε = 2): w_q = 0.4, y = x = 10^12, price 1.5.
    #[test]
    fn tv2_unbalanced_swaps() {
        let pool = Pool { tao: 1_000_000_000_000, alpha: 1_000_000_000_000, quote_weight: 400_000_000_000_000_000 };
        let p: f64 = pool.price().to_num();
        assert!((p - 1.5).abs() < 1e-12);
        assert!(pool.output_for(Side::Buy, 1_000_000_000).unwrap().abs_diff(666_111_604) <= 2);
        assert!(pool.output_for(Side::Sell, 1_000_000_000).unwrap().abs_diff(1_498_127_185) <= 2);
    }

    /// TV3: initialisation with and without a price.
    #[test]
    fn tv3_initialisation() {
        let p: f64 = Pool::new(1_000_000_000, 4_000_000_000).price().to_num();
        assert!((p - 0.25).abs() < 1e-9);
        let pool = Pool::with_price(1_000_000_000, 4_000_000_000, U64F64::from_num(0.2));
        let w = pool.quote_weight as f64 / 1e18;
        assert!((w - 0.5556).abs() < 1e-4, "{w}");
        let p: f64 = pool.price().to_num();
        assert!((p - 0.2).abs() < 1e-9, "{p}");
    }

    /// TV3 `test_adjust_protocol_liquidity_happy`: injection keeps the price.
    #[test]
    fn tv3_injection_keeps_price() {
        let pool = Pool::new(1_000_000_000_000, 4_000_000_000_000);
        let after = pool.inject(1_000_000_000, 2_000_000_000).unwrap();
        assert_eq!(after.quote_weight, 500_124_906_320_259_805);
        let (p0, p1): (f64, f64) = (pool.price().to_num(), after.price().to_num());
        assert!(((p1 - p0) / p0).abs() < 1e-12, "{p0} {p1}");
        for (t, a) in [(1u64, 1_000_000_000_000u64), (5_000_000_000, 7), (123_456_789, 987_654_321)] {
            if let Some(after) = pool.inject(t, a) {
                let p1: f64 = after.price().to_num();
                assert!(((p1 - p0) / p0).abs() < 1e-12, "{t} {a}: {p0} {p1}");
            }
        }
    }

    #[test]
    fn injection_refuses_extreme_weights() {
        let pool = Pool::new(1_000_000, 1_000_000);
        assert!(pool.inject(0, 1_000_000_000_000).is_none());
        assert_eq!(pool.inject(0, 0), Some(pool));
    }

    /// TV4 `test_max_amount_add_dynamic` (exact values).
    #[test]
    fn tv4_max_amount_add() {
        let cases = [
            (1_000_000u64, 1_000_000u64, 4_000_000_000u64, 1_000_503u64),
            (1_000_000, 1_000_000, 9_000_000_000, 2_001_007),
            (150_000_000_000, 100_000_000_000, 6_000_000_000, 150_075_570_211),
            (150_000_000_000, 100_000_000_000, 1_500_000_001, 49),
        ];
        for (y, x, limit, expected) in cases {
            let pool = Pool::new(y, x);
            // The small pools are below the swap's minimum reserve; the bound is still defined.
            let got = pool.net_input_to_limit(Side::Buy, limit).unwrap();
            let got = got + fee_on_net(got, DEFAULT_FEE_RATE);
            assert_eq!(got, expected, "{y} {x} {limit}");
            if x >= MINIMUM_RESERVE && y >= MINIMUM_RESERVE {
                assert_eq!(pool.max_amount_add(limit, DEFAULT_FEE_RATE), Ok(expected));
            }
        }
        let pool = Pool::new(150_000_000_000, 100_000_000_000);
        assert_eq!(pool.max_amount_add(1_500_000_000, DEFAULT_FEE_RATE), Err(SwapError::PriceLimitExceeded));
        assert_eq!(pool.max_amount_add(0, DEFAULT_FEE_RATE), Err(SwapError::PriceLimitExceeded));
    }

    #[test]
    fn limits_fill_partially_and_never_cross() {
        let pool = Pool::new(150_000_000_000, 100_000_000_000);
        let r = pool.swap(Side::Buy, 1_000_000_000_000, 2_000_000_000, DEFAULT_FEE_RATE).unwrap();
        assert!(r.amount_paid_in < 1_000_000_000_000);
        let after = pool.apply(Side::Buy, &r);
        assert!(after.price() <= U64F64::from_num(2));
        let r = pool.swap(Side::Sell, 1_000_000_000_000, 1_000_000_000, DEFAULT_FEE_RATE).unwrap();
        let after = pool.apply(Side::Sell, &r);
        assert!(after.price() >= U64F64::from_num(1));
        assert_eq!(pool.swap(Side::Sell, 10, 2_000_000_000, DEFAULT_FEE_RATE), Err(SwapError::PriceLimitExceeded));
    }

    #[test]
    fn guards() {
        let small = Pool::new(10, 999_999);
        assert_eq!(small.swap(Side::Buy, 5, u64::MAX, 0), Err(SwapError::ReservesTooLow));
        let pool = Pool::new(1_000_000, 1_000_000);
        assert_eq!(pool.swap(Side::Buy, 1_000_000_001_000, u64::MAX, 0), Err(SwapError::SwapInputTooLarge));
    }
}

/// A subnet's pool for a move between subnets: root (and other "stable" subnets) trade 1:1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Market {
    Stable,
    Dynamic(Pool),
}

/// The most alpha that can be moved from `origin` to `destination` before the ratio of their
/// prices `P_o/P_d` falls to `limit` (×10^9) (§3.4; constant-product approximation between
/// two dynamic pools).
// Products of at most three u64 values fit U256 (< 2^192); divisors are non-zero.
#[allow(clippy::arithmetic_side_effects)]
pub fn max_amount_move(origin: Market, destination: Market, limit: u64, fee_rate: u16) -> u64 {
    match (origin, destination) {
        (Market::Stable, Market::Stable) => {
            if limit > PRICE_SCALE {
                0
            } else {
                u64::MAX
            }
        },
        (Market::Stable, Market::Dynamic(d)) => {
            if limit == 0 {
                return u64::MAX;
            }
            let dest_limit = u64::try_from(
                u128::from(PRICE_SCALE)
                    .saturating_mul(u128::from(PRICE_SCALE))
                    .checked_div(u128::from(limit))
                    .unwrap_or(u128::MAX),
            )
            .unwrap_or(u64::MAX);
            d.max_amount_add(dest_limit, fee_rate).unwrap_or(0)
        },
        (Market::Dynamic(o), Market::Stable) => o.max_amount_remove(limit, fee_rate).unwrap_or(0),
        (Market::Dynamic(o), Market::Dynamic(d)) => {
            if o.tao == 0 || o.alpha == 0 || d.tao == 0 || d.alpha == 0 {
                return 0;
            }
            if limit == 0 {
                return u64::MAX;
            }
            // L/10^9 > P_o/P_d  ⇔  L·P_d > 10^9·P_o
            let ratio_bits = U256::from(o.price().to_bits()) * U256::from(PRICE_SCALE);
            if U256::from(limit) * U256::from(d.price().to_bits()) > ratio_bits {
                return 0;
            }
            let t_sum = U256::from(o.tao) + U256::from(d.tao);
            let first = U256::from(d.alpha) * U256::from(o.tao) * U256::from(PRICE_SCALE)
                / (t_sum * U256::from(limit));
            let second = U256::from(o.alpha) * U256::from(d.tao) / t_sum;
            u64::try_from(first.saturating_sub(second)).unwrap_or(u64::MAX)
        },
    }
}

#[cfg(test)]
mod move_tests {
    use super::*;

    /// `economics.md` §8 TV4 `test_max_amount_move_dynamic_dynamic`.
    #[test]
    fn tv4_max_amount_move() {
        let m = |t, a| Market::Dynamic(Pool::new(t, a));
        assert_eq!(max_amount_move(m(1_000, 1_000), m(1_000, 1_000), 500_000_000, 33), 500);
        assert_eq!(max_amount_move(m(1_000, 1_000), m(1_000, 1_000), 100_000_000, 33), 4_500);
        let (o, d) = (m(150_000_000_000, 100_000_000_000), m(100_000_000_000, 100_000_000_000));
        assert_eq!(max_amount_move(o, d, 1_000_000_000, 33), 20_000_000_000);
        assert_eq!(max_amount_move(o, d, 500_000_000, 33), 80_000_000_000);
        assert_eq!(max_amount_move(o, d, 100_000_000, 33), 560_000_000_000);
        assert_eq!(max_amount_move(m(1, 1), m(1, 1), 0, 33), u64::MAX);
        // A limit above the current ratio (1.5) allows nothing.
        assert_eq!(max_amount_move(o, d, 1_600_000_000, 33), 0);
    }

    #[test]
    fn stable_markets() {
        assert_eq!(max_amount_move(Market::Stable, Market::Stable, PRICE_SCALE, 33), u64::MAX);
        assert_eq!(max_amount_move(Market::Stable, Market::Stable, PRICE_SCALE + 1, 33), 0);
        let d = Market::Dynamic(Pool::new(150_000_000_000, 100_000_000_000));
        assert_eq!(max_amount_move(Market::Stable, d, 0, 33), u64::MAX);
        assert!(max_amount_move(Market::Stable, d, 500_000_000, 33) > 0);
    }
}
