//! Every quirk of `yuma.md` §3.15 (Q1–Q5), each on a small targeted case run through both the
//! engine and the reference, asserting they agree exactly and that the quirk's stated
//! behaviour is what comes out.

use super::fx;
use super::model;
use super::state::RefSubnet;
use tensorchain_yuma::{
    epoch::{activity_cutoff, empty_input},
    run_epoch,
    sim::Subnet,
    EpochInput, EpochOutput, Hyperparameters,
};

const R: u64 = 1_000_000_000;

/// The engine's simulator and the reference's state, driven together.
struct Pair {
    sim: Subnet,
    rf: RefSubnet,
}

impl Pair {
    fn new(params: Hyperparameters, tempo: u16) -> Self {
        Pair { sim: Subnet::new(params.clone(), tempo), rf: RefSubnet::new(params, tempo, true) }
    }

    fn neurons(&mut self, stakes: &[u64], block: u64) {
        for (uid, s) in stakes.iter().enumerate() {
            assert_eq!(self.sim.register(block).unwrap(), self.rf.register(block));
            self.sim.set_stake(uid as u16, *s, 0).unwrap();
            self.rf.alpha[uid] = *s;
        }
    }

    fn weights(&mut self, uid: u16, uids: &[u16], values: &[u16], block: u64) {
        self.sim.set_weights(uid, uids, values, block).unwrap();
        self.rf.set_weights(uid, uids, values, block, true);
    }

    fn replace(&mut self, uid: u16, block: u64) {
        self.sim.replace(uid, block).unwrap();
        self.rf.replace(uid, block);
    }

    /// One epoch on both; the inputs they build and all outputs must be equal.
    fn epoch(&mut self, block: u64) -> EpochOutput {
        let input = self.rf.input(block, R);
        assert_eq!(self.sim.input(block, R), input, "the simulator's state differs");
        let (expected, _) = model::epoch(&input);
        let actual = self.sim.epoch(block, R).unwrap();
        assert_eq!(actual, expected, "engine and reference differ on {input:#?}");
        self.rf.after_epoch(&expected, block);
        actual
    }
}

/// Runs a single epoch input through both and returns the (equal) output.
fn both(input: &EpochInput) -> EpochOutput {
    let (expected, _) = model::epoch(input);
    let actual = run_epoch(input).unwrap();
    assert_eq!(actual, expected, "engine and reference differ on {input:#?}");
    actual
}

/// A new subnet's defaults (`yuma.md` §5: Yuma3 on, MaxAllowedValidators 64, the runtime's
/// κ, β, BondsMovingAverage, AlphaValues, steepness, TaoWeight; cutoff 13 889 × 360 / 1000),
/// with commit-reveal off so weights arrive through set_weights.
fn new_subnet_defaults() -> Hyperparameters {
    Hyperparameters {
        kappa: 32_767,
        bonds_penalty: 65_535,
        bonds_moving_average: 900_000,
        yuma3: true,
        liquid_alpha: false,
        alpha_low: 45_875,
        alpha_high: 58_982,
        alpha_sigmoid_steepness: 1_000,
        max_allowed_validators: 64,
        activity_cutoff: activity_cutoff(13_889, 360),
        stake_threshold: 0,
        tao_weight: 971_718_665_099_567_868,
        commit_reveal_enabled: false,
    }
}

fn col(row: &[(u16, u16)], j: u16) -> Option<u16> {
    row.iter().find(|(c, _)| *c == j).map(|(_, v)| *v)
}

/// One validator (uid 0) and servers 1..n; epoch 1 hands out the permit, then each row of
/// `rows` is set and an epoch runs. Returns the outputs of the epochs after the first.
fn one_validator(params: Hyperparameters, n: usize, rows: &[(&[u16], &[u16])]) -> Vec<EpochOutput> {
    let mut stakes = vec![0u64; n];
    stakes[0] = 1_000_000_000;
    let mut pair = Pair::new(params, 360);
    pair.neurons(&stakes, 1);
    let mut block = 1_000;
    pair.epoch(block);
    rows.iter()
        .map(|(uids, values)| {
            block += 360;
            pair.weights(0, uids, values, block - 1);
            pair.epoch(block)
        })
        .collect()
}

// ---------------------------------------------------------------- Q1 explicit zeros

/// Q1: in Yuma3 with liquid alpha, an explicit 0 keeps the old bond decaying; an absent
/// column drops it.
#[test]
fn q1_explicit_zero_keeps_a_liquid_bond_absent_column_drops_it() {
    let params = Hyperparameters { liquid_alpha: true, ..new_subnet_defaults() };
    let zero = one_validator(params.clone(), 3, &[(&[1, 2], &[1, 1]), (&[1, 2], &[1, 0])]);
    let absent = one_validator(params, 3, &[(&[1, 2], &[1, 1]), (&[1], &[1])]);
    let before = col(&zero[0].bonds[0], 2).unwrap();
    let after = col(&zero[1].bonds[0], 2).unwrap();
    assert!(after > 0 && after < before, "decayed: {before} → {after}");
    assert_eq!(col(&absent[1].bonds[0], 2), None, "dropped: {:?}", absent[1].bonds[0]);
}

/// Q1: everywhere else an explicit 0 is the same as no entry.
#[test]
fn q1_explicit_zero_is_no_entry_outside_the_liquid_path() {
    let configs = [
        Hyperparameters { yuma3: true, liquid_alpha: false, ..new_subnet_defaults() },
        Hyperparameters { yuma3: false, liquid_alpha: true, ..new_subnet_defaults() },
        Hyperparameters { yuma3: false, liquid_alpha: false, ..new_subnet_defaults() },
        // 0 < β < 1: WB is rebuilt densely keeping only positive values (§3.8).
        Hyperparameters { liquid_alpha: true, bonds_penalty: 30_000, ..new_subnet_defaults() },
    ];
    for params in configs {
        let zero = one_validator(params.clone(), 3, &[(&[1, 2], &[1, 1]), (&[1, 2], &[1, 0])]);
        let absent = one_validator(params.clone(), 3, &[(&[1, 2], &[1, 1]), (&[1], &[1])]);
        assert_eq!(zero, absent, "{params:?}");
    }
    // β = 0 and β = 1 keep the explicit zero in WB, so the liquid path sees it.
    for beta in [0, 65_535] {
        let params = Hyperparameters { liquid_alpha: true, bonds_penalty: beta, ..new_subnet_defaults() };
        let zero = one_validator(params.clone(), 3, &[(&[1, 2], &[1, 1]), (&[1, 2], &[1, 0])]);
        let absent = one_validator(params, 3, &[(&[1, 2], &[1, 1]), (&[1], &[1])]);
        assert_ne!(zero[1].bonds, absent[1].bonds, "β = {beta}");
    }
}

/// Q1: set_weights stores zeros and clear_neuron turns weights *to* a replaced uid into 0.
#[test]
fn q1_zeros_come_from_set_weights_and_replacement() {
    let mut pair = Pair::new(Hyperparameters { liquid_alpha: true, ..new_subnet_defaults() }, 360);
    pair.neurons(&[1_000, 0, 0, 0], 1);
    pair.epoch(1_000);
    pair.weights(0, &[3, 1, 2], &[0, 5, 10], 1_100);
    assert_eq!(pair.rf.weights[0], vec![(3, 0), (1, 32_768), (2, 65_535)]);
    pair.epoch(1_360);
    pair.replace(2, 1_400);
    assert_eq!(pair.rf.weights[0], vec![(3, 0), (1, 32_768), (2, 0)]);
    let out = pair.epoch(1_720);
    // The weight to the replaced uid is now outdated and its bond is masked as recently
    // registered (§3.8); the explicit zero to uid 3 never grew a bond (0 + α·0 is not kept).
    assert_eq!(out.bonds[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), [1]);
}

// ---------------------------------------------------------------- Q2 unsorted rows

/// Q2 at the row level: the literal walk reads an entry iff its column exceeds every column
/// before it; a repeated column is read at its first occurrence.
#[test]
fn q2_literal_walk_is_the_running_maximum_rule() {
    let read = |cols: &[usize]| -> Vec<usize> {
        let row: Vec<(usize, fx::F)> = cols.iter().enumerate().map(|(k, &j)| (j, fx::int(k as i64 + 1))).collect();
        let dense = model::walk(&row, 8);
        // Which positions were read: the value identifies the position.
        let mut positions: Vec<usize> = dense
            .iter()
            .filter(|v| **v != fx::zero())
            .map(|v| (v.to_bits() >> 32) as usize - 1)
            .collect();
        positions.sort_unstable();
        positions.iter().map(|&k| cols[k]).collect()
    };
    assert_eq!(read(&[2, 1, 3]), [2, 3]);
    assert_eq!(read(&[1, 4, 3, 5]), [1, 4, 5]);
    assert_eq!(read(&[2, 2, 3]), [2, 3]);
    assert_eq!(read(&[3, 1, 3, 2, 5]), [3, 5]);
    // And against the rule itself, exhaustively over short rows.
    let mut cols = Vec::new();
    for len in 0..=5usize {
        let total = 5usize.pow(len as u32);
        for code in 0..total {
            cols.clear();
            let mut c = code;
            for _ in 0..len {
                cols.push(c % 5);
                c /= 5;
            }
            let mut max: Option<usize> = None;
            let mut rule = Vec::new();
            for &j in &cols {
                if max.is_none_or(|m| j > m) {
                    rule.push(j);
                    max = Some(j);
                }
            }
            rule.sort_unstable();
            assert_eq!(read(&cols), rule, "{cols:?}");
        }
    }
}

/// Q2, issue #14's smallest case: 4 neurons on a new subnet's defaults plus liquid alpha;
/// validator 0 (the only stake) sets uids [2, 1, 3] values [1, 1, 1], then [1, 1, 0]. At
/// the third epoch (the first hands out the permit) the bond to uid 3 is 4396: the walk
/// reads columns 2 and 3 of the unsorted rows. Reading only the sorted prefix gives 4575.
#[test]
fn q2_issue_14_smallest_case() {
    let params = Hyperparameters { liquid_alpha: true, ..new_subnet_defaults() };
    let out = one_validator(params, 4, &[(&[2, 1, 3], &[1, 1, 1]), (&[2, 1, 3], &[1, 1, 0])]);
    assert_eq!(out[0].bonds[0], vec![(2, 15_320), (1, 15_320), (3, 15_320)]);
    // Bond rows keep the WB row's order, so they are unsorted too.
    assert_eq!(out[1].bonds[0], vec![(2, 27_556), (1, 27_556), (3, 4_396)]);
}

/// Q2: only the liquid-alpha path depends on row order. (In the issue's own case the column
/// the walk skips, uid 1, happens to get the same α either way; here uid 1's weight drops
/// below its bond, so reading it or not changes its α.)
#[test]
fn q2_only_the_liquid_path_depends_on_order() {
    let rows_sorted: [(&[u16], &[u16]); 2] = [(&[1, 2, 3], &[1, 1, 1]), (&[1, 2, 3], &[0, 1, 1])];
    let rows_unsorted: [(&[u16], &[u16]); 2] = [(&[2, 1, 3], &[1, 1, 1]), (&[2, 1, 3], &[1, 0, 1])];
    let sort_bonds = |mut outs: Vec<EpochOutput>| {
        for o in outs.iter_mut() {
            for row in o.bonds.iter_mut() {
                row.sort_unstable();
            }
        }
        outs
    };
    let liquid = Hyperparameters { liquid_alpha: true, ..new_subnet_defaults() };
    assert_ne!(
        sort_bonds(one_validator(liquid.clone(), 4, &rows_sorted)),
        sort_bonds(one_validator(liquid, 4, &rows_unsorted))
    );
    for params in [
        new_subnet_defaults(),
        Hyperparameters { yuma3: false, ..new_subnet_defaults() },
        Hyperparameters { yuma3: false, liquid_alpha: true, ..new_subnet_defaults() },
    ] {
        assert_eq!(
            one_validator(params.clone(), 4, &rows_sorted),
            one_validator(params.clone(), 4, &rows_unsorted),
            "{params:?}"
        );
    }
}

// ---------------------------------------------------------------- Q3 the sparse path

/// Q3: the chain's (sparse) path, which the engine follows, differs from upstream's dense
/// test path in four ways. Each is checked here on the sparse side.
#[test]
fn q3_sparse_path_drops_liquid_bonds_in_columns_absent_from_wb() {
    // (1) The dense path would keep a decayed bond in every column; the sparse path keeps
    // only the WB row's columns.
    let params = Hyperparameters { liquid_alpha: true, ..new_subnet_defaults() };
    let out = one_validator(params, 4, &[(&[1, 2, 3], &[1, 1, 1]), (&[1], &[1])]);
    assert_eq!(out[1].bonds[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), [1]);
}

#[test]
fn q3_sparse_path_empties_bond_rows_without_a_new_permit() {
    // (2) The dense path leaves a non-permit row unchanged; the sparse path rewrites it to [].
    let mut input = empty_input(3, new_subnet_defaults());
    input.block = 2_000;
    input.alpha_stake = vec![0, 100, 0]; // uid 0 has bonds and a permit, but no stake now
    input.validator_permit = vec![true, true, false];
    input.last_update = vec![1_990, 1_990, 1_990];
    input.block_at_registration = vec![1, 1, 1];
    input.weights = vec![vec![(2, 65_535)], vec![(2, 65_535)], vec![]];
    input.bonds = vec![vec![(2, 40_000)], vec![(2, 30_000)], vec![]];
    input.emission = R;
    let out = both(&input);
    assert_eq!(out.validator_permit, [false, true, false]);
    assert_eq!(out.bonds[0], vec![]);
    assert!(!out.bonds[1].is_empty());
}

#[test]
fn q3_sparse_path_applies_owner_exemptions_and_commit_reveal_mask() {
    // (3) Owner: exempt from the stake threshold, permits forced (old and new).
    let params = Hyperparameters { stake_threshold: 1_000, ..new_subnet_defaults() };
    let mut input = empty_input(3, params);
    input.block = 2_000;
    input.alpha_stake = vec![10, 5_000, 0];
    input.validator_permit = vec![false, true, false];
    input.last_update = vec![1_990, 1_990, 1_990];
    input.block_at_registration = vec![1, 1, 1];
    input.weights = vec![vec![(2, 65_535)], vec![(2, 65_535)], vec![]];
    input.emission = R;
    let without_owner = both(&input);
    assert_eq!(without_owner.stake_weight[0], 0);
    assert!(!without_owner.validator_permit[0]);
    input.owner_uid = Some(0);
    let with_owner = both(&input);
    assert!(with_owner.stake_weight[0] > 0);
    assert!(with_owner.validator_permit[0]);
    assert!(with_owner.dividends[0] > 0, "the owner's old permit is forced, so its weights count");

    // (3) Commit-reveal mask: a commit older than the target's registration drops the weight.
    let mut input = empty_input(3, Hyperparameters { commit_reveal_enabled: true, ..new_subnet_defaults() });
    input.block = 2_000;
    input.alpha_stake = vec![100, 0, 0];
    input.validator_permit = vec![true, false, false];
    input.last_update = vec![1_990, 1_990, 1_990];
    input.block_at_registration = vec![1, 1, 1_500];
    input.weights = vec![vec![(1, 65_535), (2, 65_535)], vec![], vec![]];
    input.commit_block = vec![Some(1_400), None, None];
    input.emission = R;
    let masked = both(&input);
    assert_eq!(masked.incentive, [0, 65_535, 0]);
    input.commit_block = vec![Some(1_500), None, None];
    let kept = both(&input);
    assert_eq!(kept.incentive, [0, 32_767, 32_767]);
}

#[test]
fn q3_sparse_path_keeps_the_owner_self_weight() {
    // (4) The dense path masks the owner's self-weight; the sparse path keeps it.
    let mut input = empty_input(2, Hyperparameters::upstream_mock());
    input.block = 2_000;
    input.alpha_stake = vec![100, 0];
    input.validator_permit = vec![true, false];
    input.last_update = vec![1_990, 1_990];
    input.block_at_registration = vec![1, 1];
    input.weights = vec![vec![(0, 65_535)], vec![]];
    input.emission = R;
    assert_eq!(both(&input).incentive, [0, 0]);
    input.owner_uid = Some(0);
    let out = both(&input);
    assert_eq!(out.incentive, [65_535, 0]);
    assert_eq!(out.emission, [R, 0]);
}

// ---------------------------------------------------------------- Q4 fallback stake

/// Q4: when A sums to 0 the emission falls back to S, inactive stake included; when A is not
/// 0 but nothing is earned, to A.
#[test]
fn q4_fallback_uses_stake_including_inactive() {
    let mut input = empty_input(3, Hyperparameters { activity_cutoff: 10, ..Hyperparameters::upstream_mock() });
    input.block = 2_000;
    input.alpha_stake = vec![3_000, 1_000, 0];
    input.validator_permit = vec![true, true, false];
    input.last_update = vec![100, 100, 100]; // everyone inactive
    input.block_at_registration = vec![1, 1, 1];
    input.weights = vec![vec![(2, 65_535)], vec![(2, 65_535)], vec![]];
    input.emission = R;
    let out = both(&input);
    assert_eq!(out.active, [false, false, false]);
    // S = [0.75, 0.25, 0] exactly.
    assert_eq!(out.emission, [750_000_000, 250_000_000, 0]);
    assert_eq!(out.validator_emission, out.emission);
    assert_eq!(out.server_emission, [0, 0, 0]);

    // uid 1 active, no weights anywhere: ve = ce = A, so only the active stake is paid.
    input.last_update = vec![100, 1_995, 100];
    input.weights = vec![vec![], vec![], vec![]];
    let out = both(&input);
    assert_eq!(out.emission, [0, R, 0]);
}

// ---------------------------------------------------------------- Q5 kappa range

/// Q5: m = Σs − κ may be negative; the median runs anyway. κ = 1 picks the lowest weight
/// among voters, κ = 0 the highest.
#[test]
fn q5_kappa_above_the_stake_sum() {
    let mut input = empty_input(4, Hyperparameters::upstream_mock());
    input.block = 2_000;
    input.alpha_stake = vec![1, 2, 0, 0];
    input.validator_permit = vec![true, true, false, false];
    input.last_update = vec![1_990, 1_990, 1_990, 1_990];
    input.block_at_registration = vec![1, 1, 1, 1];
    // Row-normalised: uid 0 gives (0.25, 0.75), uid 1 gives (0.75, 0.25) to servers 2 and 3.
    input.weights = vec![vec![(2, 21_845), (3, 65_535)], vec![(2, 65_535), (3, 21_845)], vec![], vec![]];
    input.emission = R;
    let (_, trace) = model::epoch(&Hyperparameters { kappa: 65_535, ..input.params.clone() }.apply(&input));
    assert!(trace.negative_minority, "Σs − κ < 0 here");
    let low = both(&Hyperparameters { kappa: 65_535, ..input.params.clone() }.apply(&input));
    let high = both(&Hyperparameters { kappa: 0, ..input.params.clone() }.apply(&input));
    assert_eq!(&low.consensus[2..], [16_383, 16_383]);
    assert_eq!(&high.consensus[2..], [49_151, 49_151]);
}

trait Apply {
    fn apply(self, input: &EpochInput) -> EpochInput;
}

impl Apply for Hyperparameters {
    fn apply(self, input: &EpochInput) -> EpochInput {
        EpochInput { params: self, ..input.clone() }
    }
}

// ---------------------------------------------------------------- §3.2 tao weight precision

/// `tao_weight = TaoWeight / (2^64 − 1)` cannot be formed in I64F64 (the divisor does not
/// fit); it is the U96F32 proportion (32 fractional bits, staking-2.md: the runtime value has
/// bits 226 245 882), widened exactly. The raw stake output shows the precision.
#[test]
fn tao_weight_is_a_32_bit_proportion() {
    let params = Hyperparameters { tao_weight: 971_718_665_099_567_868, ..Hyperparameters::upstream_mock() };
    let mut input = empty_input(2, params);
    input.block = 2_000;
    input.alpha_stake = vec![5, 0];
    input.tao_stake = vec![1_000_000_000_000_000_000, 0];
    input.emission = R;
    let out = both(&input);
    // floor(10^18 × 226 245 882 / 2^32) + 5. The exact proportion would give
    // 52 676 974 387 283 289 + 5.
    assert_eq!((1_000_000_000_000_000_000u128 * 226_245_882) >> 32, 52_676_974_330_097_436);
    assert_eq!(out.stake[0], 52_676_974_330_097_441);
}
