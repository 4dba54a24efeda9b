//! One mechanism's epoch (`yuma.md` §3): from stakes, weights and bonds to consensus,
//! incentive, dividends, new bonds and per-uid emission.

use crate::{
    math::{
        self, amount, div, fixed_proportion_to_u16, from_u16, is_topk_nonzero, normalize,
        normalize_64, sub, trunc_64_to_32, u16_proportion, Fixed, ONE, ZERO,
    },
    sparse::{self, LiquidAlpha, Matrix},
};
use alloc::{vec, vec::Vec};
use substrate_fixed::types::{I64F64, U96F32};

/// A sparse row as stored on chain: `(uid, value)` in the caller's order.
pub type StoredRow = Vec<(u16, u16)>;

/// The hyperparameters the epoch reads (`yuma.md` §5), with upstream's storage units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hyperparameters {
    /// Consensus majority κ as a u16 proportion (32 767 ≈ 0.5).
    pub kappa: u16,
    /// Bonds penalty β as a u16 proportion.
    pub bonds_penalty: u16,
    /// 1 − α, in millionths (900 000 ⇒ α = 0.1).
    pub bonds_moving_average: u64,
    pub yuma3: bool,
    pub liquid_alpha: bool,
    /// (α_low, α_high) as u16 proportions.
    pub alpha_low: u16,
    pub alpha_high: u16,
    pub alpha_sigmoid_steepness: i16,
    /// How many validator permits the top stakes get.
    pub max_allowed_validators: u16,
    /// Blocks of inactivity after which a validator's stake stops counting.
    pub activity_cutoff: u64,
    /// Minimum raw stake (rao) to keep stake in the epoch (the owner is exempt).
    pub stake_threshold: u64,
    /// Weight of root TAO stake, as a u64 proportion of `u64::MAX`.
    pub tao_weight: u64,
    pub commit_reveal_enabled: bool,
}

impl Hyperparameters {
    /// Upstream's mock configuration, the one every `yuma.md` §6 vector uses.
    pub fn upstream_mock() -> Self {
        Self {
            kappa: 32_767,
            bonds_penalty: 65_535,
            bonds_moving_average: 900_000,
            yuma3: false,
            liquid_alpha: false,
            alpha_low: 45_875,
            alpha_high: 58_982,
            alpha_sigmoid_steepness: 1_000,
            max_allowed_validators: 100,
            activity_cutoff: 5_000,
            stake_threshold: 0,
            tao_weight: 0,
            commit_reveal_enabled: false,
        }
    }
}

/// `max(1, floor(factor_milli × tempo / 1000))` (§3.0).
pub fn activity_cutoff(factor_milli: u32, tempo: u16) -> u64 {
    (u64::from(factor_milli).saturating_mul(u64::from(tempo)) / 1_000).max(1)
}

/// Everything one mechanism's epoch reads. Per-uid vectors must all have length `n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpochInput {
    /// Number of uids on the subnet.
    pub n: u16,
    /// The current block.
    pub block: u64,
    pub tempo: u16,
    /// `LastMechansimStepBlock`: the block of the subnet's previous successful epoch (0: none).
    pub last_mechanism_step_block: u64,
    /// Alpha stake per uid (rao), inherited stake already applied.
    pub alpha_stake: Vec<u64>,
    /// Root TAO stake per uid (rao), inherited stake already applied.
    pub tao_stake: Vec<u64>,
    /// Validator permits from the previous epoch.
    pub validator_permit: Vec<bool>,
    /// `LastUpdate` of this mechanism.
    pub last_update: Vec<u64>,
    /// `BlockAtRegistration` (0 for a uid without a key).
    pub block_at_registration: Vec<u64>,
    /// Weight rows as stored (missing rows are empty); entries with uid ≥ n are ignored.
    pub weights: Vec<StoredRow>,
    /// Bond rows as stored (missing rows are empty).
    pub bonds: Vec<StoredRow>,
    /// The subnet owner's uid, if the owner hotkey is registered.
    pub owner_uid: Option<u16>,
    /// For commit-reveal: the earliest block of each uid's unexpired commits (`None`: none).
    pub commit_block: Vec<Option<u64>>,
    pub params: Hyperparameters,
    /// Alpha to distribute, in rao.
    pub emission: u64,
}

/// Everything one mechanism's epoch writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutput {
    pub active: Vec<bool>,
    /// `floor(alpha + tao × tao_weight)` per uid, before the threshold.
    pub stake: Vec<u64>,
    pub stake_weight: Vec<u16>,
    pub consensus: Vec<u16>,
    pub incentive: Vec<u16>,
    pub dividends: Vec<u16>,
    pub validator_trust: Vec<u16>,
    pub validator_permit: Vec<bool>,
    /// New bond rows to store: empty for uids without a new permit.
    pub bonds: Vec<StoredRow>,
    pub server_emission: Vec<u64>,
    pub validator_emission: Vec<u64>,
    /// The combined emission score as an amount (stored as `Emission`).
    pub emission: Vec<u64>,
}

/// Why an epoch could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EpochError {
    /// A per-uid vector does not have `n` entries.
    LengthMismatch { field: &'static str, expected: usize, found: usize },
    /// More weight or bond rows than uids.
    TooManyRows { field: &'static str, n: usize, found: usize },
    /// The owner uid is not a uid of the subnet.
    OwnerOutOfRange { owner: u16, n: u16 },
}

impl core::fmt::Display for EpochError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EpochError::LengthMismatch { field, expected, found } => {
                write!(f, "{field} has {found} entries, expected n = {expected}")
            },
            EpochError::TooManyRows { field, n, found } => {
                write!(f, "{field} has {found} rows but the subnet has only {n} uids")
            },
            EpochError::OwnerOutOfRange { owner, n } => {
                write!(f, "owner uid {owner} is not below n = {n}")
            },
        }
    }
}

impl EpochInput {
    /// Checks lengths; every per-uid vector must have `n` entries.
    pub fn validate(&self) -> Result<(), EpochError> {
        let n = usize::from(self.n);
        let check = |field: &'static str, len: usize| {
            if len == n {
                Ok(())
            } else {
                Err(EpochError::LengthMismatch { field, expected: n, found: len })
            }
        };
        check("alpha_stake", self.alpha_stake.len())?;
        check("tao_stake", self.tao_stake.len())?;
        check("validator_permit", self.validator_permit.len())?;
        check("last_update", self.last_update.len())?;
        check("block_at_registration", self.block_at_registration.len())?;
        check("commit_block", self.commit_block.len())?;
        if self.weights.len() > n {
            return Err(EpochError::TooManyRows { field: "weights", n, found: self.weights.len() });
        }
        if self.bonds.len() > n {
            return Err(EpochError::TooManyRows { field: "bonds", n, found: self.bonds.len() });
        }
        if let Some(owner) = self.owner_uid {
            if owner >= self.n {
                return Err(EpochError::OwnerOutOfRange { owner, n: self.n });
            }
        }
        Ok(())
    }
}

fn get<T: Copy>(v: &[T], i: usize, default: T) -> T {
    v.get(i).copied().unwrap_or(default)
}

/// Stored u16 rows as fixed-point values, keeping only uids below n.
fn to_matrix(rows: &[StoredRow], n: usize, convert: impl Fn(u16) -> Fixed) -> Matrix {
    (0..n)
        .map(|i| {
            rows.get(i)
                .map(|row| {
                    row.iter()
                        .filter(|(j, _)| usize::from(*j) < n)
                        .map(|&(j, v)| (j, convert(v)))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

fn to_stored(m: &Matrix) -> Vec<StoredRow> {
    m.iter()
        .map(|row| row.iter().map(|&(j, v)| (j, fixed_proportion_to_u16(v))).collect())
        .collect()
}

fn to_u16(v: &[Fixed]) -> Vec<u16> {
    v.iter().map(|x| fixed_proportion_to_u16(*x)).collect()
}

/// Runs one mechanism's epoch. Never panics; bad shapes are reported as errors.
pub fn run_epoch(input: &EpochInput) -> Result<EpochOutput, EpochError> {
    input.validate()?;
    let n = usize::from(input.n);
    let p = &input.params;
    let b = input.block;
    let owner = input.owner_uid.map(usize::from);
    let is_owner = |i: usize| owner == Some(i);

    // §3.1 Activity.
    let active: Vec<bool> = (0..n)
        .map(|i| get(&input.last_update, i, 0).saturating_add(p.activity_cutoff) >= b)
        .collect();

    // §3.2 Stake: alpha + tao × tao_weight in I64F64, threshold, normalise, truncate.
    // Upstream computes the proportion in U96F32 (32 fractional bits) and widens it.
    let tao_weight = I64F64::saturating_from_num(
        U96F32::from_num(p.tao_weight)
            .checked_div(U96F32::from_num(u64::MAX))
            .unwrap_or(U96F32::from_num(0)),
    );
    let raw_stake: Vec<I64F64> = (0..n)
        .map(|i| {
            I64F64::saturating_from_num(get(&input.alpha_stake, i, 0)).saturating_add(
                I64F64::saturating_from_num(get(&input.tao_stake, i, 0)).saturating_mul(tao_weight),
            )
        })
        .collect();
    let stake_floor: Vec<u64> =
        raw_stake.iter().map(|s| s.saturating_to_num::<u64>()).collect();
    let mut filtered: Vec<I64F64> = raw_stake
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if !is_owner(i) && get(&stake_floor, i, 0) < p.stake_threshold {
                I64F64::from_num(0)
            } else {
                *s
            }
        })
        .collect();
    normalize_64(&mut filtered);
    let stake: Vec<Fixed> = filtered.into_iter().map(trunc_64_to_32).collect();

    // §3.3 New permits (stored), old permits (used for masking).
    let mut new_permit = is_topk_nonzero(&stake, usize::from(p.max_allowed_validators));
    let mut old_permit: Vec<bool> = (0..n).map(|i| get(&input.validator_permit, i, false)).collect();
    if let Some(o) = owner {
        if let Some(x) = new_permit.get_mut(o) {
            *x = true;
        }
        if let Some(x) = old_permit.get_mut(o) {
            *x = true;
        }
    }

    // §3.4 Active stake.
    let mut active_stake: Vec<Fixed> = (0..n)
        .map(|i| {
            if get(&active, i, false) && get(&old_permit, i, false) {
                get(&stake, i, ZERO)
            } else {
                ZERO
            }
        })
        .collect();
    normalize(&mut active_stake);

    // §3.5 Weights and masks.
    let reg = |j: u16| get(&input.block_at_registration, usize::from(j), 0);
    let mut weights = to_matrix(&input.weights, n, from_u16);
    for (i, row) in weights.iter_mut().enumerate() {
        if !get(&old_permit, i, false) {
            row.clear();
            continue;
        }
        let last_update = get(&input.last_update, i, 0);
        let commit = if p.commit_reveal_enabled { input.commit_block.get(i).copied().flatten() } else { None };
        row.retain(|&(j, _)| {
            let self_weight = usize::from(j) == i && !is_owner(i);
            let outdated = last_update <= reg(j);
            let committed_before_registration = commit.is_some_and(|cb| cb < reg(j));
            !(self_weight || outdated || committed_before_registration)
        });
    }
    sparse::row_normalize(&mut weights);

    // §3.6 Consensus.
    let kappa = u16_proportion(p.kappa);
    let consensus = sparse::weighted_median_cols(&active_stake, &weights, n, kappa);

    // §3.7 Clip, validator trust, incentive.
    let clipped = sparse::clip(&weights, &consensus);
    let validator_trust: Vec<Fixed> =
        clipped.iter().map(|row| row.iter().fold(ZERO, |acc, (_, v)| math::add(acc, *v))).collect();
    let mut incentive = sparse::col_weighted_sums(&clipped, &active_stake, n);
    normalize(&mut incentive);

    // §3.8 Bonds.
    let beta = u16_proportion(p.bonds_penalty);
    let weights_for_bonds = sparse::interpolate(&weights, &clipped, beta, n);
    let last_tempo = if input.last_mechanism_step_block == 0 {
        b.saturating_sub(u64::from(input.tempo))
    } else {
        input.last_mechanism_step_block.saturating_add(1)
    };
    let mask_recent = |m: &mut Matrix| {
        for row in m.iter_mut() {
            row.retain(|&(j, _)| last_tempo > reg(j));
        }
    };
    let ratio = I64F64::saturating_from_num(p.bonds_moving_average)
        .checked_div(I64F64::from_num(1_000_000))
        .unwrap_or(I64F64::from_num(0));
    let fixed_alpha = sub(ONE, trunc_64_to_32(ratio));

    let (bonds_to_store, mut dividends) = if p.yuma3 {
        let mut old = to_matrix(&input.bonds, n, u16_proportion);
        mask_recent(&mut old);
        let liquid = p.liquid_alpha && consensus.iter().any(|c| *c != ZERO);
        let ema = if liquid {
            let params = LiquidAlpha {
                low: u16_proportion(p.alpha_low),
                high: u16_proportion(p.alpha_high),
                steepness: Fixed::from_num(p.alpha_sigmoid_steepness),
            };
            sparse::ema_liquid(&weights_for_bonds, &old, &consensus, &params, n)
        } else {
            sparse::ema(&weights_for_bonds, &old, fixed_alpha, n)
        };
        let mut normalized = ema.clone();
        sparse::col_normalize(&mut normalized, n);
        let total_bonds = sparse::row_weighted_sums(&normalized, &incentive);
        let dividends: Vec<Fixed> = total_bonds
            .iter()
            .zip(active_stake.iter())
            .map(|(tb, a)| tb.checked_mul(*a).unwrap_or(ZERO))
            .collect();
        (to_stored(&ema), dividends)
    } else {
        let mut old = to_matrix(&input.bonds, n, from_u16);
        mask_recent(&mut old);
        sparse::col_normalize(&mut old, n);
        let mut delta = sparse::scale_rows(&weights_for_bonds, &active_stake);
        sparse::col_normalize(&mut delta, n);
        let mut ema = sparse::ema(&delta, &old, fixed_alpha, n);
        sparse::col_normalize(&mut ema, n);
        let dividends = sparse::row_weighted_sums(&ema, &incentive);
        sparse::col_max_upscale(&mut ema, n);
        (to_stored(&ema), dividends)
    };
    normalize(&mut dividends);

    // §3.9 Emission scores.
    let combined: Vec<Fixed> =
        incentive.iter().zip(dividends.iter()).map(|(i, d)| math::add(*i, *d)).collect();
    let total = math::sum(&combined);
    let (server_share, validator_share, combined_share) = if total == ZERO {
        let fallback = if math::sum(&active_stake) == ZERO { stake.clone() } else { active_stake.clone() };
        (incentive.clone(), fallback.clone(), fallback)
    } else {
        let mut ce = combined.clone();
        normalize(&mut ce);
        (
            incentive.iter().map(|x| div(*x, total)).collect(),
            dividends.iter().map(|x| div(*x, total)).collect(),
            ce,
        )
    };
    let r = input.emission;

    // §3.10 Outputs: bonds only for uids holding a new permit.
    let bonds = bonds_to_store
        .into_iter()
        .enumerate()
        .map(|(i, row)| if get(&new_permit, i, false) { row } else { Vec::new() })
        .chain(core::iter::repeat_with(Vec::new))
        .take(n)
        .collect();

    Ok(EpochOutput {
        active,
        stake: stake_floor,
        stake_weight: to_u16(&stake),
        consensus: to_u16(&consensus),
        incentive: to_u16(&incentive),
        dividends: to_u16(&dividends),
        validator_trust: to_u16(&validator_trust),
        validator_permit: new_permit,
        bonds,
        server_emission: server_share.iter().map(|x| amount(*x, r)).collect(),
        validator_emission: validator_share.iter().map(|x| amount(*x, r)).collect(),
        emission: combined_share.iter().map(|x| amount(*x, r)).collect(),
    })
}

/// An input with `n` uids and nothing else set: handy for tools and tests.
pub fn empty_input(n: u16, params: Hyperparameters) -> EpochInput {
    let len = usize::from(n);
    EpochInput {
        n,
        block: 0,
        tempo: 360,
        last_mechanism_step_block: 0,
        alpha_stake: vec![0; len],
        tao_stake: vec![0; len],
        validator_permit: vec![false; len],
        last_update: vec![0; len],
        block_at_registration: vec![0; len],
        weights: vec![Vec::new(); len],
        bonds: vec![Vec::new(); len],
        owner_uid: None,
        commit_block: vec![None; len],
        params,
        emission: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_subnet_gives_empty_outputs() {
        let out = run_epoch(&empty_input(0, Hyperparameters::upstream_mock())).unwrap();
        assert_eq!(out, EpochOutput::default());
    }

    #[test]
    fn mismatched_lengths_are_named() {
        let mut input = empty_input(3, Hyperparameters::upstream_mock());
        input.last_update.pop();
        assert_eq!(
            run_epoch(&input),
            Err(EpochError::LengthMismatch { field: "last_update", expected: 3, found: 2 })
        );
        let mut input = empty_input(3, Hyperparameters::upstream_mock());
        input.owner_uid = Some(3);
        assert_eq!(run_epoch(&input), Err(EpochError::OwnerOutOfRange { owner: 3, n: 3 }));
    }

    #[test]
    fn all_zero_stake_distributes_nothing() {
        let mut input = empty_input(4, Hyperparameters::upstream_mock());
        input.emission = 1_000_000_000;
        input.block = 10;
        let out = run_epoch(&input).unwrap();
        assert_eq!(out.emission, vec![0; 4]);
        assert_eq!(out.validator_permit, vec![false; 4]);
    }

    #[test]
    fn activity_cutoff_factor() {
        assert_eq!(activity_cutoff(13_889, 360), 5_000);
        assert_eq!(activity_cutoff(0, 360), 1);
    }

    #[test]
    fn uids_beyond_n_are_ignored() {
        let mut input = empty_input(2, Hyperparameters::upstream_mock());
        input.alpha_stake = vec![1, 1];
        input.validator_permit = vec![true, true];
        input.last_update = vec![5, 5];
        input.block = 6;
        input.emission = 1_000;
        input.weights = vec![vec![(1, 65535), (7, 65535)], vec![(9, 1)]];
        input.bonds = vec![vec![(42, 3)], vec![]];
        let out = run_epoch(&input).unwrap();
        assert_eq!(out.incentive, vec![0, 65535]);
        assert!(out.bonds.iter().flatten().all(|(j, _)| *j < 2));
    }
}
