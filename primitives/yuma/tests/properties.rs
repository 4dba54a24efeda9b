//! Properties of the epoch over random subnets (proptest).

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use proptest::prelude::*;
use tensorchain_yuma::{epoch::StoredRow, run_epoch, EpochInput, Hyperparameters};

const MAX_N: u16 = 24;

fn params(n: u16) -> impl Strategy<Value = Hyperparameters> {
    (
        any::<u16>(),
        any::<u16>(),
        0u64..=1_000_000,
        any::<bool>(),
        any::<bool>(),
        (any::<u16>(), any::<u16>()),
        any::<i16>(),
        0..=n.saturating_add(2),
        (0u64..50, 0u64..1_000, any::<u64>(), any::<bool>()),
    )
        .prop_map(
            |(kappa, penalty, bma, yuma3, liquid, (a, b), steep, max_val, (cutoff, threshold, tw, cr))| {
                Hyperparameters {
                    kappa,
                    bonds_penalty: penalty,
                    bonds_moving_average: bma,
                    yuma3,
                    liquid_alpha: liquid,
                    alpha_low: a.min(b),
                    alpha_high: a.max(b),
                    alpha_sigmoid_steepness: steep,
                    max_allowed_validators: max_val,
                    activity_cutoff: cutoff,
                    stake_threshold: threshold,
                    tao_weight: tw,
                    commit_reveal_enabled: cr,
                }
            },
        )
}

/// Sparse rows over `n` columns, ascending, with explicit zeros allowed.
fn rows(n: u16) -> impl Strategy<Value = Vec<StoredRow>> {
    let n_usize = usize::from(n);
    prop::collection::vec(
        prop::collection::btree_map(0..n.max(1), any::<u16>(), 0..=n_usize)
            .prop_map(|m| m.into_iter().collect::<StoredRow>()),
        n_usize,
    )
}

fn subnet() -> impl Strategy<Value = EpochInput> {
    (1..=MAX_N).prop_flat_map(|n| {
        let len = usize::from(n);
        (
            Just(n),
            params(n),
            prop::collection::vec(prop_oneof![Just(0u64), 1u64..1_000_000_000_000], len),
            prop::collection::vec(prop_oneof![Just(0u64), 1u64..1_000_000_000], len),
            prop::collection::vec(any::<bool>(), len),
            prop::collection::vec(0u64..60, len),
            prop::collection::vec(0u64..60, len),
            (rows(n), rows(n)),
            prop::option::of(0..n),
            prop::collection::vec(prop::option::of(0u64..60), len),
            (40u64..80, 1u16..20, 0u64..60, 0u64..2_000_000_000_000),
        )
            .prop_map(
                |(n, params, alpha, tao, permit, lu, reg, (weights, bonds), owner, commits, (block, tempo, lms, emission))| {
                    EpochInput {
                        n,
                        block,
                        tempo,
                        last_mechanism_step_block: lms,
                        alpha_stake: alpha,
                        tao_stake: tao,
                        validator_permit: permit,
                        last_update: lu,
                        block_at_registration: reg,
                        weights,
                        bonds,
                        owner_uid: owner,
                        commit_block: commits,
                        params,
                        emission,
                    }
                },
            )
    })
}

/// Relabels uid i as `perm[i]` everywhere, keeping rows ascending.
fn permute(input: &EpochInput, perm: &[usize]) -> EpochInput {
    let n = perm.len();
    fn move_vec<T: Clone>(v: &[T], perm: &[usize]) -> Vec<T> {
        let mut out = v.to_vec();
        for (i, x) in v.iter().enumerate() {
            out[perm[i]] = x.clone();
        }
        out
    }
    let relabel = |rows: &[StoredRow]| -> Vec<StoredRow> {
        let mut out = vec![Vec::new(); n];
        for (i, row) in rows.iter().enumerate() {
            let mut r: StoredRow = row.iter().map(|&(j, v)| (perm[usize::from(j)] as u16, v)).collect();
            r.sort();
            out[perm[i]] = r;
        }
        out
    };
    EpochInput {
        alpha_stake: move_vec(&input.alpha_stake, perm),
        tao_stake: move_vec(&input.tao_stake, perm),
        validator_permit: move_vec(&input.validator_permit, perm),
        last_update: move_vec(&input.last_update, perm),
        block_at_registration: move_vec(&input.block_at_registration, perm),
        commit_block: move_vec(&input.commit_block, perm),
        weights: relabel(&input.weights),
        bonds: relabel(&input.bonds),
        owner_uid: input.owner_uid.map(|o| perm[usize::from(o)] as u16),
        ..input.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn outputs_have_length_n_and_never_exceed_the_emission(input in subnet()) {
        let out = run_epoch(&input).unwrap();
        let n = usize::from(input.n);
        for len in [out.active.len(), out.stake.len(), out.stake_weight.len(), out.consensus.len(),
                    out.incentive.len(), out.dividends.len(), out.validator_trust.len(),
                    out.validator_permit.len(), out.bonds.len(), out.server_emission.len(),
                    out.validator_emission.len(), out.emission.len()] {
            prop_assert_eq!(len, n);
        }
        let r = u128::from(input.emission);
        let total: u128 = out.emission.iter().map(|x| u128::from(*x)).sum();
        let split: u128 = out.server_emission.iter().chain(out.validator_emission.iter())
            .map(|x| u128::from(*x)).sum();
        prop_assert!(total <= r, "emission {} > {}", total, r);
        prop_assert!(split <= r, "server + validator {} > {}", split, r);
        // Rounding loses at most one rao per uid in the final floor, plus the I32F32
        // normalisation error of at most 2^-32 of R per uid.
        let anyone_staked = out.stake_weight.iter().any(|s| *s > 0)
            || out.incentive.iter().any(|x| *x > 0)
            || out.dividends.iter().any(|x| *x > 0);
        if anyone_staked && out.emission.iter().any(|x| *x > 0) {
            let bound = (n as u128) + ((r * n as u128) >> 32) + 1;
            prop_assert!(r - total <= bound, "lost {} > {}", r - total, bound);
        }
        for row in &out.bonds {
            prop_assert!(row.iter().all(|(j, _)| *j < input.n));
        }
    }

    #[test]
    fn a_uid_without_stake_gets_no_new_permit(input in subnet()) {
        let out = run_epoch(&input).unwrap();
        for i in 0..usize::from(input.n) {
            let unstaked = input.alpha_stake[i] == 0 && input.tao_stake[i] == 0;
            if unstaked && input.owner_uid != Some(i as u16) {
                prop_assert!(!out.validator_permit[i], "uid {} got a permit", i);
            }
        }
    }

    #[test]
    fn permuting_uids_permutes_outputs(
        input in subnet(),
        seed in any::<u64>(),
    ) {
        // Ties in top-k selection go to the higher uid, so keep every staked uid eligible.
        let mut input = input;
        input.params.max_allowed_validators = input.n;
        let n = usize::from(input.n);
        let mut perm: Vec<usize> = (0..n).collect();
        let mut state = seed;
        for i in (1..n).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (state >> 33) as usize % (i + 1));
        }
        let a = run_epoch(&input).unwrap();
        let b = run_epoch(&permute(&input, &perm)).unwrap();
        for i in 0..n {
            let k = perm[i];
            prop_assert_eq!(a.active[i], b.active[k]);
            prop_assert_eq!(a.stake_weight[i], b.stake_weight[k]);
            prop_assert_eq!(a.consensus[i], b.consensus[k]);
            prop_assert_eq!(a.incentive[i], b.incentive[k]);
            prop_assert_eq!(a.dividends[i], b.dividends[k]);
            prop_assert_eq!(a.validator_trust[i], b.validator_trust[k]);
            prop_assert_eq!(a.validator_permit[i], b.validator_permit[k]);
            prop_assert_eq!(a.emission[i], b.emission[k]);
            prop_assert_eq!(a.server_emission[i], b.server_emission[k]);
            prop_assert_eq!(a.validator_emission[i], b.validator_emission[k]);
            let mut row: StoredRow = a.bonds[i].iter().map(|&(j, v)| (perm[usize::from(j)] as u16, v)).collect();
            row.sort();
            let mut other = b.bonds[k].clone();
            other.sort();
            prop_assert_eq!(row, other);
        }
    }

    #[test]
    fn malformed_inputs_give_errors_not_panics(
        input in subnet(),
        cut in 0usize..6,
        extra_rows in 0usize..3,
        owner in any::<u16>(),
    ) {
        let mut input = input;
        match cut {
            0 => { input.alpha_stake.pop(); }
            1 => { input.last_update.push(1); }
            2 => { input.commit_block.clear(); }
            3 => { input.weights.extend((0..=extra_rows).map(|_| vec![(u16::MAX, 1)])); }
            4 => { input.owner_uid = Some(owner.max(input.n)); }
            _ => { input.n = input.n.saturating_add(1); }
        }
        prop_assert!(run_epoch(&input).is_err());
    }
}
