//! The reference's own subnet state between epochs, written from `yuma.md` §3.11 and §4.1:
//! registration (`append_neuron`), replacement (`clear_neuron`) and `set_weights`' storing
//! step (max-upscale, caller's order, zeros kept). The differential test drives this and the
//! engine's `sim::Subnet` with the same actions and checks they build the same epoch input.

use super::fx::{self, div, int, mul, zero, F};
use tensorchain_yuma::{EpochInput, EpochOutput, Hyperparameters};

/// A small deterministic PRNG (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-ish in 0..n (0 when n is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// Inclusive range.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `pct` percent.
    pub fn pct(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let k = self.below(i as u64 + 1) as usize;
            v.swap(i, k);
        }
    }
}

/// §4.1 step 14: max-upscale to u16 with M = max(values) in I32F32; round half away from
/// zero; saturate.
pub fn max_upscale(values: &[u16]) -> Vec<u16> {
    let m: F = values.iter().map(|v| int(i64::from(*v))).max().unwrap_or(zero());
    if m == zero() {
        return vec![0; values.len()];
    }
    values
        .iter()
        .map(|v| {
            let v = int(i64::from(*v));
            let x = if m > int(32_768) { mul(v, div(int(65_535), m)) } else { div(mul(v, int(65_535)), m) };
            fx::round_half_away(x).clamp(0, 65_535) as u16
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct RefSubnet {
    pub params: Hyperparameters,
    pub tempo: u16,
    pub owner_uid: Option<u16>,
    pub alpha: Vec<u64>,
    pub tao: Vec<u64>,
    pub permit: Vec<bool>,
    pub last_update: Vec<u64>,
    pub reg: Vec<u64>,
    pub weights: Vec<Vec<(u16, u16)>>,
    pub bonds: Vec<Vec<(u16, u16)>>,
    pub commit_block: Vec<Option<u64>>,
    pub lms: u64,
    pub track_step_block: bool,
}

impl RefSubnet {
    pub fn new(params: Hyperparameters, tempo: u16, track_step_block: bool) -> Self {
        RefSubnet {
            params,
            tempo,
            owner_uid: None,
            alpha: Vec::new(),
            tao: Vec::new(),
            permit: Vec::new(),
            last_update: Vec::new(),
            reg: Vec::new(),
            weights: Vec::new(),
            bonds: Vec::new(),
            commit_block: Vec::new(),
            lms: 0,
            track_step_block,
        }
    }

    pub fn n(&self) -> usize {
        self.alpha.len()
    }

    /// `append_neuron`: ValidatorPermit = false, LastUpdate = REG = b, no rows, no stake.
    pub fn register(&mut self, b: u64) -> u16 {
        let uid = self.n() as u16;
        self.alpha.push(0);
        self.tao.push(0);
        self.permit.push(false);
        self.last_update.push(b);
        self.reg.push(b);
        self.weights.push(Vec::new());
        self.bonds.push(Vec::new());
        self.commit_block.push(None);
        uid
    }

    /// `clear_neuron` / `replace_neuron` (§3.11): REG = LU = b; the uid's own Weights and
    /// Bonds rows are deleted; weights *to* it become explicit zeros; its permit goes. The
    /// new hotkey brings no stake and no commits.
    pub fn replace(&mut self, uid: u16, b: u64) {
        let i = usize::from(uid);
        self.reg[i] = b;
        self.last_update[i] = b;
        self.weights[i].clear();
        self.bonds[i].clear();
        for row in self.weights.iter_mut() {
            for e in row.iter_mut() {
                if e.0 == uid {
                    e.1 = 0;
                }
            }
        }
        self.permit[i] = false;
        self.alpha[i] = 0;
        self.tao[i] = 0;
        self.commit_block[i] = None;
    }

    /// §4.1 steps 14, 16, 17: store the max-upscaled values in the caller's order, zeros
    /// included; LastUpdate = b when `set_last_update` (commit-reveal off).
    pub fn set_weights(&mut self, uid: u16, uids: &[u16], values: &[u16], b: u64, set_last_update: bool) {
        let i = usize::from(uid);
        let up = max_upscale(values);
        self.weights[i] = uids.iter().copied().zip(up).collect();
        if set_last_update {
            self.last_update[i] = b;
        }
    }

    pub fn input(&self, block: u64, emission: u64) -> EpochInput {
        EpochInput {
            n: self.n() as u16,
            block,
            tempo: self.tempo,
            last_mechanism_step_block: self.lms,
            alpha_stake: self.alpha.clone(),
            tao_stake: self.tao.clone(),
            validator_permit: self.permit.clone(),
            last_update: self.last_update.clone(),
            block_at_registration: self.reg.clone(),
            weights: self.weights.clone(),
            bonds: self.bonds.clone(),
            owner_uid: self.owner_uid,
            commit_block: self.commit_block.clone(),
            params: self.params.clone(),
            emission,
        }
    }

    /// What carries over: the stored bonds, the new permits, and the step block.
    pub fn after_epoch(&mut self, out: &EpochOutput, block: u64) {
        self.bonds = out.bonds.clone();
        self.permit = out.validator_permit.clone();
        if self.track_step_block {
            self.lms = block;
        }
    }
}
