//! Sub-mechanisms (`yuma.md` §2.3): a subnet's emission is split across mechanisms, each
//! runs its own epoch over its own weights and bonds, and the per-uid results are aggregated
//! at subnet level.

use crate::{
    epoch::{run_epoch, EpochError, EpochInput, EpochOutput, StoredRow},
    math::weighted_accumulate,
};
use alloc::{vec, vec::Vec};
use substrate_fixed::types::U64F64;

/// Splits `total` across `count` mechanisms: evenly when `split` is `None`, otherwise by the
/// u16 shares (summing to 65 535), padded with zeros; the rounding remainder goes to
/// mechanism 0.
pub fn split_emission(total: u64, count: u8, split: Option<&[u16]>) -> Vec<u64> {
    let count = usize::from(count.max(1));
    let mut shares: Vec<u64> = match split {
        None => vec![total.checked_div(count as u64).unwrap_or(0); count],
        Some(split) => (0..count)
            .map(|m| {
                let s = u128::from(split.get(m).copied().unwrap_or(0));
                let e = u128::from(total).saturating_mul(s).checked_div(u128::from(u16::MAX)).unwrap_or(0);
                u64::try_from(e).unwrap_or(u64::MAX)
            })
            .collect(),
    };
    let given = shares.iter().fold(0u64, |acc, e| acc.saturating_add(*e));
    if let Some(first) = shares.first_mut() {
        *first = first.saturating_add(total.saturating_sub(given));
    }
    shares
}

/// What differs between mechanisms of one subnet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MechanismData {
    pub weights: Vec<StoredRow>,
    pub bonds: Vec<StoredRow>,
    pub last_update: Vec<u64>,
    pub commit_block: Vec<Option<u64>>,
}

/// Subnet-level results, aggregated over mechanisms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aggregated {
    pub active: Vec<bool>,
    pub emission: Vec<u64>,
    pub consensus: Vec<u16>,
    pub dividends: Vec<u16>,
    pub validator_trust: Vec<u16>,
    pub validator_permit: Vec<bool>,
    pub stake_weight: Vec<u16>,
    pub stake: Vec<u64>,
    pub server_emission: Vec<u64>,
    pub validator_emission: Vec<u64>,
}

/// Runs every mechanism's epoch on `base` (whose own weights, bonds, last-update and commit
/// inputs are replaced by each mechanism's) and aggregates. Returns the per-mechanism outputs
/// (their `incentive` and `bonds` are stored per mechanism) and the subnet-level aggregate.
pub fn run_mechanisms(
    base: &EpochInput,
    mechanisms: &[MechanismData],
    split: Option<&[u16]>,
) -> Result<(Vec<EpochOutput>, Aggregated), EpochError> {
    let count = u8::try_from(mechanisms.len().max(1)).unwrap_or(u8::MAX);
    let emissions = split_emission(base.emission, count, split);
    let mut outputs = Vec::with_capacity(mechanisms.len());
    for (data, emission) in mechanisms.iter().zip(emissions.iter()) {
        let input = EpochInput {
            weights: data.weights.clone(),
            bonds: data.bonds.clone(),
            last_update: data.last_update.clone(),
            commit_block: data.commit_block.clone(),
            emission: *emission,
            ..base.clone()
        };
        outputs.push(run_epoch(&input)?);
    }
    let aggregated = aggregate(&outputs, &emissions, base.emission, usize::from(base.n));
    Ok((outputs, aggregated))
}

/// Aggregates per-mechanism outputs with weights `e_m / total` (all weight on mechanism 0
/// when `total` is 0): amounts and raw stake are summed, u16 outputs and `Emission` are
/// accumulated with a floor at each step, flags are OR-ed.
pub fn aggregate(outputs: &[EpochOutput], emissions: &[u64], total: u64, n: usize) -> Aggregated {
    let mut agg = Aggregated {
        active: vec![false; n],
        emission: vec![0; n],
        consensus: vec![0; n],
        dividends: vec![0; n],
        validator_trust: vec![0; n],
        validator_permit: vec![false; n],
        stake_weight: vec![0; n],
        stake: vec![0; n],
        server_emission: vec![0; n],
        validator_emission: vec![0; n],
    };
    for (m, out) in outputs.iter().enumerate() {
        let w = if total == 0 {
            if m == 0 {
                U64F64::from_num(1)
            } else {
                U64F64::from_num(0)
            }
        } else {
            U64F64::from_num(emissions.get(m).copied().unwrap_or(0))
                .checked_div(U64F64::from_num(total))
                .unwrap_or(U64F64::from_num(0))
        };
        let acc_u16 = |acc: &mut Vec<u16>, x: &Vec<u16>| {
            for (a, v) in acc.iter_mut().zip(x.iter()) {
                let next = weighted_accumulate(u64::from(*a), u64::from(*v), w);
                *a = u16::try_from(next).unwrap_or(u16::MAX);
            }
        };
        acc_u16(&mut agg.consensus, &out.consensus);
        acc_u16(&mut agg.dividends, &out.dividends);
        acc_u16(&mut agg.validator_trust, &out.validator_trust);
        acc_u16(&mut agg.stake_weight, &out.stake_weight);
        for (a, v) in agg.emission.iter_mut().zip(out.emission.iter()) {
            *a = weighted_accumulate(*a, *v, w);
        }
        let sum = |acc: &mut Vec<u64>, x: &Vec<u64>| {
            for (a, v) in acc.iter_mut().zip(x.iter()) {
                *a = a.saturating_add(*v);
            }
        };
        sum(&mut agg.stake, &out.stake);
        sum(&mut agg.server_emission, &out.server_emission);
        sum(&mut agg.validator_emission, &out.validator_emission);
        for (a, v) in agg.active.iter_mut().zip(out.active.iter()) {
            *a |= *v;
        }
        for (a, v) in agg.validator_permit.iter_mut().zip(out.validator_permit.iter()) {
            *a |= *v;
        }
    }
    agg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::epoch::{empty_input, Hyperparameters};

    #[test]
    fn even_split_gives_remainder_to_the_first() {
        assert_eq!(split_emission(10, 3, None), [4, 3, 3]);
        assert_eq!(split_emission(10, 0, None), [10]);
        assert_eq!(split_emission(0, 2, None), [0, 0]);
    }

    #[test]
    fn explicit_split_pads_and_floors() {
        // floor(1000·32768/65535) = 500 and floor(1000·32767/65535) = 499; the 1 left goes to 0.
        assert_eq!(split_emission(1_000, 2, Some(&[32_768, 32_767])), [501, 499]);
        assert_eq!(split_emission(1_000, 3, Some(&[65_535])), [1_000, 0, 0]);
        assert_eq!(split_emission(u64::MAX, 2, Some(&[65_535, 65_535])), [u64::MAX, u64::MAX]);
    }

    #[test]
    fn one_mechanism_aggregates_to_itself() {
        let mut base = empty_input(3, Hyperparameters::upstream_mock());
        base.alpha_stake = vec![10, 5, 0];
        base.validator_permit = vec![true, true, false];
        base.block = 10;
        base.last_update = vec![9, 9, 0];
        base.emission = 1_000_000;
        let data = MechanismData {
            weights: vec![vec![(2, 65535)], vec![(2, 65535)], vec![]],
            bonds: vec![vec![], vec![], vec![]],
            last_update: base.last_update.clone(),
            commit_block: vec![None; 3],
        };
        let (outs, agg) = run_mechanisms(&base, &[data], None).unwrap();
        let out = &outs[0];
        assert_eq!(agg.emission, out.emission);
        assert_eq!(agg.dividends, out.dividends);
        assert_eq!(agg.consensus, out.consensus);
        assert_eq!(agg.validator_permit, out.validator_permit);
        assert_eq!(agg.server_emission, out.server_emission);
    }

    #[test]
    fn two_mechanisms_sum_amounts_and_weight_scores() {
        let mut base = empty_input(2, Hyperparameters::upstream_mock());
        base.alpha_stake = vec![1, 0];
        base.validator_permit = vec![true, false];
        base.block = 10;
        base.last_update = vec![9, 0];
        base.emission = 1_000;
        let to_server = MechanismData {
            weights: vec![vec![(1, 65535)], vec![]],
            bonds: vec![vec![], vec![]],
            last_update: vec![9, 0],
            commit_block: vec![None; 2],
        };
        let nothing = MechanismData { weights: vec![vec![], vec![]], ..to_server.clone() };
        let (outs, agg) = run_mechanisms(&base, &[to_server, nothing], Some(&[49_151, 16_384])).unwrap();
        let e0 = outs[0].server_emission[1] + outs[0].validator_emission[1];
        assert!(e0 > 0);
        let total: u64 = agg.server_emission.iter().chain(agg.validator_emission.iter()).sum();
        assert!((998..=1_000).contains(&total), "{total}");
    }
}
