//! Childkeys (`staking-2.md` §1.5, §1.8): the stake a hotkey has once its children and parents
//! are counted, and how an epoch dividend is split between a hotkey and its parents.
//!
//! Everything is U96F32 (32 fractional bits) with upstream's truncation points, so the results
//! match upstream's to the rao: a proportion `p` is `⌊p / u64::MAX⌋` at 2⁻³², every product is
//! truncated on its own, and each ratio is divided before it is multiplied.

use crate::coinbase::tao_weight_fraction;
use alloc::vec::Vec;
use substrate_fixed::types::U96F32;

fn zero() -> U96F32 {
    U96F32::from_num(0)
}

/// A stored child proportion (parts of `u64::MAX`) as a fraction: `u64::MAX` is exactly 1 and
/// `u64::MAX / 2` is `0.5 − 2⁻³²`.
pub fn proportion(p: u64) -> U96F32 {
    U96F32::from_num(p).checked_div(U96F32::from_num(u64::MAX)).unwrap_or(zero())
}

/// A take (parts of 65 535) as a fraction.
pub fn take_fraction(take: u16) -> U96F32 {
    U96F32::from_num(take).checked_div(U96F32::from_num(u16::MAX)).unwrap_or(zero())
}

/// §1.5: a hotkey's stake on one side (alpha on the subnet, or root TAO) once its children
/// have taken their proportions of its own stake and its parents have given it theirs. One
/// level only: `parents` holds each parent's *own* stake with the proportion it gives.
pub fn inherited_stake(own: u64, children: &[u64], parents: &[(u64, u64)]) -> u64 {
    let own_f = U96F32::from_num(own);
    let given = children.iter().fold(zero(), |acc, p| acc.saturating_add(own_f.saturating_mul(proportion(*p))));
    let received = parents
        .iter()
        .fold(zero(), |acc, (p, stake)| acc.saturating_add(U96F32::from_num(*stake).saturating_mul(proportion(*p))));
    own_f.saturating_sub(given).saturating_add(received).saturating_to_num::<u64>()
}

/// One parent of the hotkey whose dividend is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParentStake {
    /// The proportion the parent gives this child (parts of `u64::MAX`).
    pub proportion: u64,
    /// The parent's own alpha on the subnet.
    pub alpha: u64,
    /// The parent's own root TAO.
    pub tao: u64,
    /// Whether the parent has the child's coldkey (then neither burn nor take applies).
    pub same_coldkey: bool,
}

/// The hotkey whose dividend is split: its own stakes, the proportions its children take
/// and its childkey take (parts of 65 535).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SplittingHotkey<'a> {
    pub alpha: u64,
    pub tao: u64,
    pub children: &'a [u64],
    pub childkey_take: u16,
}

/// The split of one hotkey's dividend (§1.8 step A).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DividendSplit {
    /// Each parent's part, in the order the parents were given.
    pub parents: Vec<u64>,
    /// What the hotkey keeps: the rest and every childkey take.
    pub own: u64,
    /// The parts recycled by `CKBurn`, each floored.
    pub burned: u64,
}

/// §1.8 step A (`get_parent_child_dividends_distribution`): splits the dividend `d` of
/// `hotkey` among its `parents` by their contributions, taking `ck_burn` (parts of
/// `u64::MAX`) and the hotkey's childkey take from parents of other coldkeys.
pub fn split_dividend(
    d: u64,
    hotkey: &SplittingHotkey<'_>,
    parents: &[ParentStake],
    ck_burn: u64,
    tao_weight: u64,
) -> DividendSplit {
    let (own_alpha, own_tao, children, childkey_take) = (hotkey.alpha, hotkey.tao, hotkey.children, hotkey.childkey_take);
    if parents.is_empty() {
        return DividendSplit { parents: Vec::new(), own: d, burned: 0 };
    }
    let tw = tao_weight_fraction(tao_weight);
    let given = children.iter().fold(zero(), |acc, p| acc.saturating_add(proportion(*p)));
    let remaining_prop = U96F32::from_num(1).saturating_sub(given);
    let self_contribution = U96F32::from_num(own_alpha)
        .saturating_mul(remaining_prop)
        .saturating_add(U96F32::from_num(own_tao).saturating_mul(remaining_prop).saturating_mul(tw))
        .saturating_to_num::<u64>();
    let contributions: Vec<U96F32> = parents
        .iter()
        .map(|p| {
            let share = proportion(p.proportion);
            U96F32::from_num(p.alpha)
                .saturating_mul(share)
                .saturating_add(U96F32::from_num(p.tao).saturating_mul(share).saturating_mul(tw))
        })
        .collect();
    let total = contributions.iter().fold(U96F32::from_num(self_contribution), |acc, c| acc.saturating_add(*c));
    let d_f = U96F32::from_num(d);
    let burn_frac = proportion(ck_burn);
    let take_frac = take_fraction(childkey_take);
    let mut remaining = d_f;
    let mut takes = zero();
    let mut burned: u64 = 0;
    let mut out = Vec::with_capacity(parents.len());
    for (parent, contribution) in parents.iter().zip(contributions.iter()) {
        let mut share = contribution.checked_div(total).map(|f| d_f.saturating_mul(f)).unwrap_or(zero());
        remaining = remaining.saturating_sub(share);
        if !parent.same_coldkey {
            let burn = burn_frac.saturating_mul(share);
            burned = burned.saturating_add(burn.saturating_to_num::<u64>());
            let take = take_frac.saturating_mul(share);
            takes = takes.saturating_add(take);
            share = share.saturating_sub(burn).saturating_sub(take);
        }
        out.push(share.saturating_to_num::<u64>());
    }
    DividendSplit { parents: out, own: remaining.saturating_add(takes).saturating_to_num::<u64>(), burned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coinbase::{dividend_distribution, DividendInput};

    const MAX: u64 = u64::MAX;
    /// The runtime's genesis `TaoWeight`.
    const TW: u64 = 971_718_665_099_567_868;

    #[test]
    fn proportions_truncate_to_32_fractional_bits() {
        assert_eq!(proportion(MAX), U96F32::from_num(1));
        assert_eq!(proportion(MAX / 2), U96F32::from_bits((1u128 << 31) - 1));
        assert_eq!(proportion(MAX / 4), U96F32::from_bits(1_073_741_823));
    }

    /// Vector C1: a parent with three children at a quarter each.
    #[test]
    fn c1_three_quarter_children() {
        let own = 100_000_000_000_000u64;
        let parent = inherited_stake(own, &[MAX / 4; 3], &[]);
        let child = inherited_stake(0, &[], &[(MAX / 4, own)]);
        assert_eq!(parent, 25_000_000_069_849);
        assert_eq!(child, 24_999_999_976_716);
        assert_eq!(parent + 3 * child, 99_999_999_999_997);
    }

    #[test]
    fn a_parent_gives_only_its_own_stake() {
        // A → B → C, each half: C gets half of B's own stake and nothing of A's.
        let b_own = 1_000u64;
        let c = inherited_stake(0, &[], &[(MAX, b_own)]);
        assert_eq!(c, 1_000);
        assert_eq!(inherited_stake(7, &[MAX], &[]), 0);
    }

    #[test]
    fn a_hotkey_without_parents_keeps_its_dividend() {
        let h = SplittingHotkey { alpha: 10, tao: 10, children: &[MAX / 2], childkey_take: 6_553 };
        let s = split_dividend(123_456, &h, &[], MAX, TW);
        assert_eq!(s, DividendSplit { parents: Vec::new(), own: 123_456, burned: 0 });
    }

    /// §1.9, the worked example, to the rao: steps A and B and the payout amounts.
    #[test]
    fn worked_example() {
        let parent = ParentStake { proportion: MAX, alpha: 3_000_000_000_000, tao: 10_000_000_000_000, same_coldkey: false };
        assert_eq!(inherited_stake(1_000_000_000_000, &[], &[(MAX, 3_000_000_000_000)]), 4_000_000_000_000);
        assert_eq!(inherited_stake(0, &[], &[(MAX, 10_000_000_000_000)]), 10_000_000_000_000);
        let child = SplittingHotkey { alpha: 1_000_000_000_000, tao: 0, children: &[], childkey_take: 6_553 };
        let s = split_dividend(1_000_000_000, &child, &[parent], 0, TW);
        assert_eq!(s.parents, vec![701_188_674]);
        assert_eq!(s.own, 298_811_325);
        assert_eq!(s.burned, 0);

        let shares = dividend_distribution(
            &[
                DividendInput { dividend: s.parents[0], alpha_stake: 3_000_000_000_000, root_stake: 10_000_000_000_000 },
                DividendInput { dividend: s.own, alpha_stake: 1_000_000_000_000, root_stake: 0 },
            ],
            TW,
            100_000_000_000,
            50_000_000_000,
        );
        let floor = |x: U96F32| x.to_num::<u64>();
        assert_eq!((floor(shares[0].0), floor(shares[0].1)), (66_623_261_198, 50_000_000_000));
        assert_eq!((floor(shares[1].0), floor(shares[1].1)), (33_376_738_778, 0));
        // Step C: the delegate take (11 796) comes out of the fixed-point amount; the take
        // and the rest are floored separately.
        let take = take_fraction(11_796);
        let pay = |x: U96F32| (floor(take.saturating_mul(x)), floor(x.saturating_sub(take.saturating_mul(x))));
        assert_eq!(pay(shares[1].0), (6_007_660_189, 27_369_078_588));
        assert_eq!(pay(shares[0].0), (11_991_882_031, 54_631_379_167));
        assert_eq!(pay(shares[0].1), (8_999_771_112, 41_000_228_887));
    }

    #[test]
    fn same_coldkey_parents_pay_neither_burn_nor_take() {
        let mut parent = ParentStake { proportion: MAX, alpha: 1_000, tao: 0, same_coldkey: true };
        let taking = SplittingHotkey { alpha: 1_000, tao: 0, children: &[], childkey_take: 6_553 };
        let same = split_dividend(1_000_000, &taking, &[parent], MAX / 2, 0);
        assert_eq!(same, DividendSplit { parents: vec![500_000], own: 500_000, burned: 0 });
        parent.same_coldkey = false;
        let free = SplittingHotkey { alpha: 1_000, tao: 0, children: &[], childkey_take: 0 };
        let other = split_dividend(1_000_000, &free, &[parent], MAX / 2, 0);
        // Half of the parent's 500 000 is recycled (the proportion is 0.5 − 2⁻³²).
        assert_eq!(other.burned, 249_999);
        assert_eq!(other.parents, vec![250_000]);
        assert_eq!(other.own, 500_000);
    }

    /// C4: B (own 2/9 of the stake, half given to C) with parent A (own 2/3, half given to
    /// B), childkey take 65 535/9, TW 0: B keeps `d·(½s_B + ½s_A·t)/(½s_B + ½s_A)`, A gets
    /// the rest; A, without parents, keeps its whole dividend.
    #[test]
    fn c4_parent_child_split_ratios() {
        let d = 1_000_000u64;
        let take = u16::MAX / 9;
        let t = f64::from(take) / 65_535.0;
        let b = SplittingHotkey { alpha: 2_000_000_000_000, tao: 0, children: &[MAX / 2], childkey_take: take };
        let a = ParentStake { proportion: MAX / 2, alpha: 6_000_000_000_000, tao: 0, same_coldkey: false };
        let s = split_dividend(d, &b, &[a], 0, 0);
        let (s_a, s_b) = (6.0 / 9.0, 2.0 / 9.0);
        let x = d as f64 * (0.5 * s_b + 0.5 * s_a * t) / (0.5 * s_b + 0.5 * s_a);
        assert!((s.own as f64 - x).abs() <= d as f64 / 1000.0, "{} vs {x}", s.own);
        assert!((s.parents[0] as f64 - (d as f64 - x)).abs() <= d as f64 / 1000.0);
        let a_alone = SplittingHotkey { alpha: 6_000_000_000_000, tao: 0, children: &[MAX / 2], childkey_take: take };
        assert_eq!(split_dividend(d, &a_alone, &[], 0, 0).own, d);
    }

    #[test]
    fn nothing_to_weigh_by_gives_parents_nothing() {
        let parent = ParentStake { proportion: MAX, alpha: 0, tao: 0, same_coldkey: false };
        let s = split_dividend(1_000, &SplittingHotkey::default(), &[parent], 0, TW);
        assert_eq!(s, DividendSplit { parents: vec![0], own: 1_000, burned: 0 });
    }
}
