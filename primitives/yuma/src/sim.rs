//! A subnet that lives across epochs: registrations, replacements, stake and weight changes,
//! and epochs whose bonds and permits carry over. This is what the `yuma-sim` tool runs and
//! how the upstream multi-epoch test vectors are replayed.

use crate::{
    epoch::{run_epoch, EpochError, EpochInput, EpochOutput, Hyperparameters, StoredRow},
    weights::max_upscale_to_u16,
};
use alloc::{vec, vec::Vec};

/// Why a simulated action was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// A uid is not below the subnet size.
    UnknownUid(u16),
    /// `uids` and `values` of a weight row differ in length.
    WeightLengthMismatch { uids: usize, values: usize },
    /// A weight row names the same uid twice.
    DuplicateUid(u16),
    /// The subnet already has 65 535 uids.
    SubnetFull,
    Epoch(EpochError),
}

impl core::fmt::Display for SimError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SimError::UnknownUid(uid) => write!(f, "uid {uid} is not registered"),
            SimError::WeightLengthMismatch { uids, values } => {
                write!(f, "{uids} uids but {values} weight values")
            },
            SimError::DuplicateUid(uid) => write!(f, "uid {uid} appears twice in a weight row"),
            SimError::SubnetFull => write!(f, "the subnet cannot hold more uids"),
            SimError::Epoch(e) => write!(f, "{e}"),
        }
    }
}

impl From<EpochError> for SimError {
    fn from(e: EpochError) -> Self {
        SimError::Epoch(e)
    }
}

/// The state an epoch reads and writes, for one subnet with one mechanism.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subnet {
    pub params: Hyperparameters,
    pub tempo: u16,
    pub owner_uid: Option<u16>,
    pub alpha_stake: Vec<u64>,
    pub tao_stake: Vec<u64>,
    pub validator_permit: Vec<bool>,
    pub last_update: Vec<u64>,
    pub block_at_registration: Vec<u64>,
    pub weights: Vec<StoredRow>,
    pub bonds: Vec<StoredRow>,
    pub commit_block: Vec<Option<u64>>,
    /// The block of the last epoch, when `track_step_block` is on (as on chain); upstream's
    /// tests call the epoch directly and leave it at 0.
    pub last_mechanism_step_block: u64,
    pub track_step_block: bool,
}

impl Subnet {
    pub fn new(params: Hyperparameters, tempo: u16) -> Self {
        Self {
            params,
            tempo,
            owner_uid: None,
            alpha_stake: Vec::new(),
            tao_stake: Vec::new(),
            validator_permit: Vec::new(),
            last_update: Vec::new(),
            block_at_registration: Vec::new(),
            weights: Vec::new(),
            bonds: Vec::new(),
            commit_block: Vec::new(),
            last_mechanism_step_block: 0,
            track_step_block: true,
        }
    }

    pub fn n(&self) -> u16 {
        u16::try_from(self.alpha_stake.len()).unwrap_or(u16::MAX)
    }

    fn check_uid(&self, uid: u16) -> Result<usize, SimError> {
        let i = usize::from(uid);
        if i < self.alpha_stake.len() {
            Ok(i)
        } else {
            Err(SimError::UnknownUid(uid))
        }
    }

    /// Appends a neuron at `block`: no permit, `LastUpdate = BlockAtRegistration = block`.
    pub fn register(&mut self, block: u64) -> Result<u16, SimError> {
        let uid = u16::try_from(self.alpha_stake.len()).map_err(|_| SimError::SubnetFull)?;
        if uid == u16::MAX {
            return Err(SimError::SubnetFull);
        }
        self.alpha_stake.push(0);
        self.tao_stake.push(0);
        self.validator_permit.push(false);
        self.last_update.push(block);
        self.block_at_registration.push(block);
        self.weights.push(Vec::new());
        self.bonds.push(Vec::new());
        self.commit_block.push(None);
        Ok(uid)
    }

    /// A new hotkey takes `uid` at `block` (`clear_neuron`): its rows are deleted, weights
    /// *to* it become explicit zeros, its permit goes, and its stake starts from zero.
    pub fn replace(&mut self, uid: u16, block: u64) -> Result<(), SimError> {
        let i = self.check_uid(uid)?;
        for row in self.weights.iter_mut() {
            for (j, v) in row.iter_mut() {
                if *j == uid {
                    *v = 0;
                }
            }
        }
        let set = |v: &mut Vec<u64>, x: u64| {
            if let Some(slot) = v.get_mut(i) {
                *slot = x;
            }
        };
        set(&mut self.last_update, block);
        set(&mut self.block_at_registration, block);
        set(&mut self.alpha_stake, 0);
        set(&mut self.tao_stake, 0);
        if let Some(row) = self.weights.get_mut(i) {
            row.clear();
        }
        if let Some(row) = self.bonds.get_mut(i) {
            row.clear();
        }
        if let Some(p) = self.validator_permit.get_mut(i) {
            *p = false;
        }
        if let Some(c) = self.commit_block.get_mut(i) {
            *c = None;
        }
        Ok(())
    }

    pub fn set_stake(&mut self, uid: u16, alpha: u64, tao: u64) -> Result<(), SimError> {
        let i = self.check_uid(uid)?;
        if let Some(s) = self.alpha_stake.get_mut(i) {
            *s = alpha;
        }
        if let Some(s) = self.tao_stake.get_mut(i) {
            *s = tao;
        }
        Ok(())
    }

    /// Stores a weight row as `set_weights` does: max-upscaled, in the caller's order, zeros
    /// kept, `LastUpdate = block`.
    pub fn set_weights(&mut self, uid: u16, uids: &[u16], values: &[u16], block: u64) -> Result<(), SimError> {
        let i = self.check_uid(uid)?;
        if uids.len() != values.len() {
            return Err(SimError::WeightLengthMismatch { uids: uids.len(), values: values.len() });
        }
        let mut seen = vec![false; self.alpha_stake.len()];
        for &u in uids {
            let j = self.check_uid(u)?;
            match seen.get_mut(j) {
                Some(flag) if *flag => return Err(SimError::DuplicateUid(u)),
                Some(flag) => *flag = true,
                None => return Err(SimError::UnknownUid(u)),
            }
        }
        let upscaled = max_upscale_to_u16(values);
        if let Some(row) = self.weights.get_mut(i) {
            *row = uids.iter().copied().zip(upscaled).collect();
        }
        if let Some(lu) = self.last_update.get_mut(i) {
            *lu = block;
        }
        Ok(())
    }

    /// The epoch's input for the current state.
    pub fn input(&self, block: u64, emission: u64) -> EpochInput {
        EpochInput {
            n: self.n(),
            block,
            tempo: self.tempo,
            last_mechanism_step_block: self.last_mechanism_step_block,
            alpha_stake: self.alpha_stake.clone(),
            tao_stake: self.tao_stake.clone(),
            validator_permit: self.validator_permit.clone(),
            last_update: self.last_update.clone(),
            block_at_registration: self.block_at_registration.clone(),
            weights: self.weights.clone(),
            bonds: self.bonds.clone(),
            owner_uid: self.owner_uid,
            commit_block: self.commit_block.clone(),
            params: self.params.clone(),
            emission,
        }
    }

    /// Runs an epoch at `block` and keeps its bonds and permits for the next one.
    pub fn epoch(&mut self, block: u64, emission: u64) -> Result<EpochOutput, SimError> {
        let out = run_epoch(&self.input(block, emission))?;
        self.bonds = out.bonds.clone();
        self.validator_permit = out.validator_permit.clone();
        if self.track_step_block {
            self.last_mechanism_step_block = block;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_zeroes_incoming_weights_and_clears_rows() {
        let mut s = Subnet::new(Hyperparameters::upstream_mock(), 10);
        for _ in 0..3 {
            s.register(1).unwrap();
        }
        s.set_weights(0, &[1, 2], &[1, 1], 2).unwrap();
        s.set_weights(1, &[0], &[1], 2).unwrap();
        s.replace(1, 5).unwrap();
        assert_eq!(s.weights[0], vec![(1, 0), (2, 65535)]);
        assert!(s.weights[1].is_empty());
        assert_eq!((s.last_update[1], s.block_at_registration[1]), (5, 5));
    }

    #[test]
    fn bad_weight_rows_are_refused_and_change_nothing() {
        let mut s = Subnet::new(Hyperparameters::upstream_mock(), 10);
        s.register(1).unwrap();
        s.register(1).unwrap();
        let before = s.clone();
        assert_eq!(s.set_weights(0, &[1, 1], &[1, 2], 3), Err(SimError::DuplicateUid(1)));
        assert_eq!(s.set_weights(0, &[5], &[1], 3), Err(SimError::UnknownUid(5)));
        assert_eq!(
            s.set_weights(0, &[1], &[1, 2], 3),
            Err(SimError::WeightLengthMismatch { uids: 1, values: 2 })
        );
        assert_eq!(s.set_weights(7, &[1], &[1], 3), Err(SimError::UnknownUid(7)));
        assert_eq!(s, before);
    }
}
