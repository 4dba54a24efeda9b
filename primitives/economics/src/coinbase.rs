//! The per-block coinbase and the epoch's dividend split as pure functions
//! (`economics.md` §2.2–§2.6), in `U96F32` as upstream: how the block's TAO is shared across
//! subnets by moving price, what each subnet injects and buys, how its alpha emission splits
//! into owner, miner, validator and root buckets, and how validator dividends split between
//! alpha and root stakers.

use alloc::vec::Vec;
use substrate_fixed::types::{I96F32, U96F32};

fn zero() -> U96F32 {
    U96F32::from_num(0)
}

fn one() -> U96F32 {
    U96F32::from_num(1)
}

/// A non-negative `I96F32` as `U96F32` (negative values become 0).
pub fn unsigned(x: I96F32) -> U96F32 {
    if x <= I96F32::from_num(0) {
        zero()
    } else {
        U96F32::from_bits(u128::try_from(x.to_bits()).unwrap_or(0))
    }
}

/// One eligible subnet as the share computation sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShareInput {
    /// `SubnetMovingPrice` (1 for a stable subnet).
    pub moving_price: U96F32,
    /// `MinerBurned`: the fraction of the last epoch's incentive withheld.
    pub miner_burned: U96F32,
    /// `SubnetEmissionEnabled`.
    pub emission_enabled: bool,
}

/// Each eligible subnet's share of the block emission (§2.2 steps 1–4).
pub fn emission_shares(subnets: &[ShareInput]) -> Vec<U96F32> {
    let total = subnets.iter().fold(zero(), |acc, s| acc.saturating_add(s.moving_price));
    let shares: Vec<U96F32> = subnets
        .iter()
        .map(|s| s.moving_price.checked_div(total).unwrap_or(zero()))
        .collect();
    // Miners' withheld incentive lowers a subnet's share.
    let weighted: Vec<U96F32> = shares
        .iter()
        .zip(subnets)
        .map(|(s, i)| s.saturating_mul(one().saturating_sub(i.miner_burned.min(one()))))
        .collect();
    let weighted_total = weighted.iter().fold(zero(), |acc, w| acc.saturating_add(*w));
    let shares: Vec<U96F32> = if weighted_total > zero() {
        weighted.iter().map(|w| w.checked_div(weighted_total).unwrap_or(zero())).collect()
    } else {
        shares
    };
    if subnets.iter().all(|s| s.emission_enabled) {
        return shares;
    }
    let enabled_total = shares
        .iter()
        .zip(subnets)
        .filter(|(_, s)| s.emission_enabled)
        .fold(zero(), |acc, (x, _)| acc.saturating_add(*x));
    shares
        .iter()
        .zip(subnets)
        .map(|(x, s)| if s.emission_enabled { x.checked_div(enabled_total).unwrap_or(zero()) } else { zero() })
        .collect()
}

/// `rp = TW·τ_root / (TW·τ_root + alpha_issuance)` with `TW = tao_weight / u64::MAX`; 0 when
/// the denominator is 0.
pub fn root_proportion(tao_weight: u64, root_tao: u64, alpha_issuance: u64) -> U96F32 {
    let tw = tao_weight_fraction(tao_weight);
    let weighted_root = tw.saturating_mul(U96F32::from_num(root_tao));
    let denominator = weighted_root.saturating_add(U96F32::from_num(alpha_issuance));
    weighted_root.checked_div(denominator).unwrap_or(zero())
}

/// What a subnet receives this block (§2.3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SubnetTerms {
    /// TAO injected into the pool.
    pub tao_in: U96F32,
    /// Alpha injected into the pool.
    pub alpha_in: U96F32,
    /// TAO spent buying alpha for the protocol.
    pub excess_tao: U96F32,
    /// Alpha emitted to the subnet's participants.
    pub alpha_out: U96F32,
}

/// §2.3: the subnet's TAO share `tao_emission` enters at the spot `price`, capped at
/// `rp·alpha_emission` of alpha; TAO beyond the cap buys alpha instead.
pub fn subnet_terms(tao_emission: U96F32, alpha_emission: u64, price: U96F32, root_prop: U96F32) -> SubnetTerms {
    let alpha_emission = U96F32::from_num(alpha_emission);
    let mut tao_in = tao_emission;
    let mut alpha_in = tao_emission.checked_div(price).unwrap_or(zero());
    let cap = root_prop.saturating_mul(alpha_emission);
    if alpha_in > cap {
        alpha_in = cap;
        tao_in = cap.saturating_mul(price);
    }
    SubnetTerms {
        tao_in,
        alpha_in,
        excess_tao: tao_emission.saturating_sub(tao_in),
        alpha_out: alpha_emission,
    }
}

/// A subnet's alpha emission split into the pending buckets (§2.5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlphaOutSplit {
    pub owner_cut: U96F32,
    pub server: U96F32,
    pub validator: U96F32,
    pub root: U96F32,
}

/// §2.5: the owner's cut (`owner_cut_u16`/65535, 0 when disabled), then half to miners,
/// `rp` of the other half to root, the rest to validators.
pub fn split_alpha_out(alpha_out: U96F32, owner_cut_u16: Option<u16>, root_prop: U96F32) -> AlphaOutSplit {
    let cut = owner_cut_u16
        .map(|c| U96F32::from_num(c).checked_div(U96F32::from_num(u16::MAX)).unwrap_or(zero()))
        .unwrap_or(zero());
    let owner_cut = alpha_out.saturating_mul(cut);
    let rest = alpha_out.saturating_sub(owner_cut);
    let half = U96F32::from_num(0.5);
    let root = root_prop.saturating_mul(rest).saturating_mul(half);
    let server = half.saturating_mul(rest);
    let validator = rest.saturating_sub(server).saturating_sub(root);
    AlphaOutSplit { owner_cut, server, validator, root }
}

/// One validator hotkey's dividend weight and stakes, for §2.6 step 4.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DividendInput {
    /// The epoch's dividend amount (a relative weight).
    pub dividend: u64,
    /// Alpha staked to the hotkey on the subnet.
    pub alpha_stake: u64,
    /// TAO staked to the hotkey on root.
    pub root_stake: u64,
}

/// §2.6 step 4: each dividend splits by the hotkey's root fraction `TW·τ/(α + TW·τ)`; the
/// alpha parts share `validator_pool` and the root parts `root_pool`, each pro rata.
/// Returns (alpha dividend, root dividend) per hotkey, unfloored: the payout takes the
/// delegate take from the fixed-point amount, as upstream does (`staking-2.md` §1.9).
pub fn dividend_distribution(
    hotkeys: &[DividendInput],
    tao_weight: u64,
    validator_pool: u64,
    root_pool: u64,
) -> Vec<(U96F32, U96F32)> {
    let tw = tao_weight_fraction(tao_weight);
    let parts: Vec<(U96F32, U96F32)> = hotkeys
        .iter()
        .map(|h| {
            let d = U96F32::from_num(h.dividend);
            let weighted_root = tw.saturating_mul(U96F32::from_num(h.root_stake));
            let total = U96F32::from_num(h.alpha_stake).saturating_add(weighted_root);
            let root_frac = weighted_root.checked_div(total).unwrap_or(zero());
            let root = d.saturating_mul(root_frac);
            (d.saturating_sub(root), root)
        })
        .collect();
    let alpha_total = parts.iter().fold(zero(), |acc, p| acc.saturating_add(p.0));
    let root_total = parts.iter().fold(zero(), |acc, p| acc.saturating_add(p.1));
    let share = |part: U96F32, total: U96F32, pool: u64| -> U96F32 {
        part.checked_div(total).map(|f| f.saturating_mul(U96F32::from_num(pool))).unwrap_or(zero())
    };
    parts
        .iter()
        .map(|(a, r)| (share(*a, alpha_total, validator_pool), share(*r, root_total, root_pool)))
        .collect()
}

/// `TaoWeight` (parts of `u64::MAX`) as a fraction.
pub fn tao_weight_fraction(tao_weight: u64) -> U96F32 {
    U96F32::from_num(tao_weight).checked_div(U96F32::from_num(u64::MAX)).unwrap_or(zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> U96F32 {
        U96F32::from_num(x)
    }

    fn close(a: U96F32, b: f64, eps: f64) -> bool {
        (a.to_num::<f64>() - b).abs() <= eps
    }

    /// TV5 `test_coinbase_tao_issuance_different_prices`: EMA prices 0.1 and 0.2 split the
    /// emission one third to two thirds.
    #[test]
    fn tv5_shares_follow_moving_prices() {
        let s = emission_shares(&[
            ShareInput { moving_price: f(0.1), miner_burned: f(0.0), emission_enabled: true },
            ShareInput { moving_price: f(0.2), miner_burned: f(0.0), emission_enabled: true },
        ]);
        let e = U96F32::from_num(100_000_000u64);
        assert!(close(e.saturating_mul(s[0]), 100_000_000.0 / 3.0, 10.0));
        assert!(close(e.saturating_mul(s[1]), 200_000_000.0 / 3.0, 10.0));
    }

    #[test]
    fn disabled_subnets_pass_their_share_on_and_burned_miners_lower_it() {
        let s = emission_shares(&[
            ShareInput { moving_price: f(1.0), miner_burned: f(0.0), emission_enabled: false },
            ShareInput { moving_price: f(1.0), miner_burned: f(0.0), emission_enabled: true },
            ShareInput { moving_price: f(2.0), miner_burned: f(0.0), emission_enabled: true },
        ]);
        assert_eq!(s[0], zero());
        assert!(close(s[1], 1.0 / 3.0, 1e-9) && close(s[2], 2.0 / 3.0, 1e-9));
        let s = emission_shares(&[
            ShareInput { moving_price: f(1.0), miner_burned: f(0.5), emission_enabled: true },
            ShareInput { moving_price: f(1.0), miner_burned: f(0.0), emission_enabled: true },
        ]);
        assert!(close(s[0], 1.0 / 3.0, 1e-9) && close(s[1], 2.0 / 3.0, 1e-9));
        // Nothing enabled: nothing emitted.
        let s = emission_shares(&[ShareInput { moving_price: f(1.0), miner_burned: f(0.0), emission_enabled: false }]);
        assert_eq!(s[0], zero());
    }

    /// TV5 `test_coinbase_alpha_issuance_different`: reserves at prices 1 and 2, EMA 1 and 2,
    /// emission 10^6 with the root proportion ≈ 1: tao_in 333 333 and 666 666, alpha_in
    /// 333 333 for both.
    #[test]
    fn tv5_alpha_in_follows_the_spot_price() {
        let s = emission_shares(&[
            ShareInput { moving_price: f(1.0), miner_burned: f(0.0), emission_enabled: true },
            ShareInput { moving_price: f(2.0), miner_burned: f(0.0), emission_enabled: true },
        ]);
        let e = U96F32::from_num(1_000_000u64);
        let rp = f(1.0);
        let t1 = subnet_terms(e.saturating_mul(s[0]), 1_000_000_000, f(1.0), rp);
        let t2 = subnet_terms(e.saturating_mul(s[1]), 1_000_000_000, f(2.0), rp);
        assert_eq!(t1.tao_in.saturating_to_num::<u64>(), 333_333);
        assert_eq!(t2.tao_in.saturating_to_num::<u64>(), 666_666);
        assert_eq!(t1.alpha_in.saturating_to_num::<u64>(), 333_333);
        assert_eq!(t2.alpha_in.saturating_to_num::<u64>(), 333_333);
        assert_eq!(t1.excess_tao, zero());
    }

    /// TV6 `test_get_subnet_terms_alpha_emissions_cap` and the derived worked example.
    #[test]
    fn tv6_the_root_proportion_caps_alpha_in() {
        let rp = root_proportion(971_718_665_099_567_868, 3_000_000_000_000_000, 2_000_000_000_000_000);
        assert!(close(rp, 0.0732292207, 1e-9), "{rp}");
        let t = subnet_terms(U96F32::from_num(250_000_000u64), 1_000_000_000, f(0.02), rp);
        assert!(close(t.alpha_in, 73_229_220.70, 0.01));
        assert!(close(t.tao_in, 1_464_584.42, 0.01));
        assert!(close(t.excess_tao, 248_535_415.58, 0.01));
        let split = split_alpha_out(t.alpha_out, Some(11_796), rp);
        assert!(close(split.owner_cut, 179_995_422.25, 0.01));
        assert!(close(split.server, 410_002_288.87, 0.01));
        assert!(close(split.validator, 379_978_140.78, 0.01));
        assert!(close(split.root, 30_024_148.10, 0.01));
        // At price 1 with rp = 1: 10^8 is not capped, 10^10 is.
        let small = subnet_terms(U96F32::from_num(100_000_000u64), 1_000_000_000, f(1.0), f(1.0));
        assert_eq!(small.alpha_in, U96F32::from_num(100_000_000u64));
        let big = subnet_terms(U96F32::from_num(10_000_000_000u64), 1_000_000_000, f(1.0), f(1.0));
        assert_eq!(big.alpha_in, U96F32::from_num(1_000_000_000u64));
    }

    /// TV6 `test_owner_cut_base` and `..._with_no_root_sell` shapes.
    #[test]
    fn tv6_owner_cut_and_buckets() {
        let a = U96F32::from_num(1_000_000_000u64);
        assert_eq!(split_alpha_out(a, Some(0), zero()).owner_cut, zero());
        assert_eq!(split_alpha_out(a, Some(u16::MAX), zero()).owner_cut, a);
        assert_eq!(split_alpha_out(a, None, zero()).owner_cut, zero());
        let cut = u16::MAX / 10;
        let rp = f(0.25);
        let s = split_alpha_out(a, Some(cut), rp);
        let owner = a.to_num::<f64>() * f64::from(cut) / 65535.0;
        assert!(close(s.owner_cut, owner, 1.0));
        assert!(close(s.server, (1e9 - owner) / 2.0, 1.0));
        assert!(close(s.validator, (1e9 - owner) / 2.0 - 0.25 * (1e9 - owner) / 2.0, 1.0));
    }

    /// TV10 `test_calculate_dividend_distribution_totals`: the pools are paid out in full
    /// (within 1 000 rao).
    #[test]
    fn tv10_dividend_totals() {
        let tw = (0.18 * u64::MAX as f64) as u64;
        let out = dividend_distribution(
            &[
                DividendInput { dividend: 77_783_738, alpha_stake: 4_859_302, root_stake: 2_342_352 },
                DividendInput { dividend: 19_283_940, alpha_stake: 23_423, root_stake: 859_273 },
            ],
            tw,
            183_123_567_452,
            837_120_949_872,
        );
        let alpha: u64 = out.iter().map(|x| x.0.to_num::<u64>()).sum();
        let root: u64 = out.iter().map(|x| x.1.to_num::<u64>()).sum();
        assert!(alpha.abs_diff(183_123_567_452) <= 1_000);
        assert!(root.abs_diff(837_120_949_872) <= 1_000);
    }

    /// TV10 `test_calculate_dividend_and_incentive_distribution_all_to_validators`.
    #[test]
    fn tv10_a_lone_validator_takes_the_pool() {
        let out = dividend_distribution(
            &[DividendInput { dividend: 1, alpha_stake: 1_000, root_stake: 0 }],
            0,
            123_456_789,
            0,
        );
        assert_eq!(out, vec![(U96F32::from_num(123_456_789), U96F32::from_num(0))]);
    }
}
