//! Timelocked commit-reveal of weights: upstream's commit-reveal v3/v4 (`pallets-2.md`
//! §2.10, `yuma.md` §4.3).
//!
//! A validator commits its weights encrypted to a future drand round
//! (`commit_timelocked_weights`, `commit_crv3_mechanism_weights`,
//! `commit_timelocked_mechanism_weights`). The commit joins the queue
//! `TimelockedWeightCommits[idx][e]` of the epoch `e` it was made in (with look-ahead: the
//! next one if the subnet's epoch fires this block). Nobody reveals: in every block, before
//! the coinbase, the chain takes the queue of epoch `E − RevealPeriodEpochs` and, for each
//! commit whose drand pulse has arrived, decrypts it with the pulse's signature and applies
//! the weights as if the committer had set them. A commit whose pulse has not arrived yet
//! stays for the next block; once the window's epoch has passed, its queue is deleted.
//! Anything that fails to decrypt, decode or apply is dropped silently.
//!
//! The ciphertext is TLE, timelock encryption on BLS12-381 with AES-256-GCM
//! (`pallets-2.md` §2.9): the pulse signature of the round is the decryption key. The
//! pallet itself knows no cryptography: the runtime gives it [`DrandPulses`], which reads the
//! Drand pallet's pulses and decrypts. The plaintext is `SCALE(WeightsTlockPayload)`, or the
//! legacy payload without the hotkey.

use crate::{
    pallet::*,
    set_weights::{storage_index, WeightsCall, MAX_UNREVEALED_COMMITS},
    MechId, NetUid, NetUidStorageIndex, WeightInfo, ROOT_NETUID,
};
use alloc::{collections::VecDeque, vec::Vec};
use codec::{Decode, DecodeAll, Encode};
use frame_support::{
    ensure,
    pallet_prelude::{ConstU32, DispatchResult, Weight},
    traits::Get,
    BoundedVec,
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;

/// The longest ciphertext a commit may carry.
pub const MAX_COMMIT_LEN: u32 = 5_000;
/// A commit's ciphertext.
pub type TimelockedCommit = BoundedVec<u8, ConstU32<MAX_COMMIT_LEN>>;
/// The commit-reveal version `commit_crv3_mechanism_weights` commits with.
pub const CRV3_MECHANISM_VERSION: u16 = 4;

/// Drand pulses and timelock decryption, as the runtime provides them (the Drand pallet's
/// `Pulses` and `LastStoredRound`, and TLE decryption, `pallets-2.md` §2.9).
pub trait DrandPulses {
    /// The last round the chain has stored (`Drand.LastStoredRound`); 0 if none.
    fn last_stored_round() -> u64;
    /// The stored pulse's signature for `round`, if that pulse has arrived.
    fn pulse_signature(round: u64) -> Option<Vec<u8>>;
    /// Decrypts a TLE `ciphertext` with a pulse `signature`; `None` if either does not
    /// deserialize or the signature is not the ciphertext's round's.
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<Vec<u8>>;
    /// Benchmarks only: makes a pulse for `round` exist and returns a ciphertext of
    /// `plaintext` that decrypts with it; `None` if the implementation cannot.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_encrypt(round: u64, plaintext: &[u8]) -> Option<Vec<u8>> {
        let _ = (round, plaintext);
        None
    }
}

/// No drand: no round is ever stored and nothing reveals.
impl DrandPulses for () {
    fn last_stored_round() -> u64 {
        0
    }
    fn pulse_signature(_round: u64) -> Option<Vec<u8>> {
        None
    }
    fn decrypt(_ciphertext: &[u8], _signature: &[u8]) -> Option<Vec<u8>> {
        None
    }
}

/// What the SDK encrypts: the committer's hotkey (SCALE AccountId) and its weights.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct WeightsTlockPayload {
    pub hotkey: Vec<u8>,
    pub uids: Vec<u16>,
    pub values: Vec<u16>,
    pub version_key: u64,
}

/// What older SDKs encrypt: the weights without the hotkey.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct LegacyWeightsTlockPayload {
    pub uids: Vec<u16>,
    pub values: Vec<u16>,
    pub version_key: u64,
}

/// What the reveal pass did with one commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealOutcome {
    /// The pulse has not arrived: kept for the next block.
    NoPulse,
    /// The ciphertext or signature did not deserialize, or the pulse is another round's.
    Undecryptable,
    /// The plaintext is neither payload.
    Malformed,
    /// The payload names another hotkey than the committer.
    WrongHotkey,
    /// The weights failed the weight-setting checks.
    Rejected,
    /// The weights were applied.
    Revealed,
}

/// The weights `(uids, values, version_key)` in a decrypted commit by `committer`: the
/// current payload, whose hotkey must be the committer's, else the legacy one. Either must
/// use up the plaintext exactly.
pub fn decode_payload<A: Decode + PartialEq>(
    plaintext: &[u8],
    committer: &A,
) -> Result<(Vec<u16>, Vec<u16>, u64), RevealOutcome> {
    let mut input = plaintext;
    if let Ok(payload) = WeightsTlockPayload::decode_all(&mut input) {
        let mut hotkey = payload.hotkey.as_slice();
        let named = A::decode_all(&mut hotkey).map_err(|_| RevealOutcome::WrongHotkey)?;
        ensure!(named == *committer, RevealOutcome::WrongHotkey);
        return Ok((payload.uids, payload.values, payload.version_key));
    }
    let mut input = plaintext;
    LegacyWeightsTlockPayload::decode_all(&mut input)
        .map(|legacy| (legacy.uids, legacy.values, legacy.version_key))
        .map_err(|_| RevealOutcome::Malformed)
}

/// One queued commit: (hotkey, commit block, ciphertext, reveal round).
pub type TimelockedEntry<AccountId> = (AccountId, u64, TimelockedCommit, u64);

impl<T: Config> Pallet<T> {
    /// Calls 113, 117 and 118 (`pallets-2.md` §2.10), checks in upstream's order.
    pub fn do_commit_timelocked_weights(
        origin: OriginFor<T>,
        netuid: NetUid,
        mecid: MechId,
        commit: TimelockedCommit,
        reveal_round: u64,
        commit_reveal_version: u16,
    ) -> DispatchResult {
        // The mechanism exists (root has no weights).
        ensure!(netuid != ROOT_NETUID, Error::<T>::CanNotSetRootNetworkWeights);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(mecid < MechanismCountCurrent::<T>::get(netuid), Error::<T>::MechanismDoesNotExist);
        let hotkey = frame_system::ensure_signed(origin)?;
        // The transaction extension refuses this in the pool; a call that got past it
        // (wrapped in another) fails here.
        ensure!(reveal_round >= T::Drand::last_stored_round(), Error::<T>::InvalidRevealRound);
        ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
        ensure!(
            commit_reveal_version == CommitRevealWeightsVersion::<T>::get(),
            Error::<T>::IncorrectCommitRevealVersion
        );
        let uid = Uids::<T>::get(netuid, &hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)?;
        let idx = storage_index(netuid, mecid);
        let now = Self::current_block();
        ensure!(Self::passes_rate_limit(netuid, idx, uid, now), Error::<T>::CommittingWeightsTooFast);
        let epoch = Self::lookahead_epoch(netuid, now);
        let hash = H256(sp_io::hashing::blake2_256(&commit));
        TimelockedWeightCommits::<T>::try_mutate(idx, epoch, |queue| -> DispatchResult {
            let mine = queue.iter().filter(|(who, _, _, _)| *who == hotkey).count();
            ensure!(mine < MAX_UNREVEALED_COMMITS, Error::<T>::TooManyUnrevealedCommits);
            queue.push_back((hotkey.clone(), now, commit, reveal_round));
            Ok(())
        })?;
        Self::set_last_update(idx, uid, now);
        Self::deposit_event(Event::TimelockedWeightsCommitted(hotkey, idx, hash, reveal_round));
        Ok(())
    }

    /// The block step's reveal (§2.10 "Reveal"), before the coinbase, for every subnet whose
    /// epoch is not deferred this block. Returns the weight used.
    pub fn reveal_timelocked_commits(plan: &[(NetUid, Option<bool>)]) -> Weight {
        let db = T::DbWeight::get();
        let mut weight = Weight::zero();
        for (netuid, plan) in plan.iter().copied() {
            // The schedule: tempo, pending epoch, blocks since the last one, last epoch.
            weight = weight.saturating_add(db.reads(4));
            let Some(fires) = plan else { continue };
            let epoch = SubnetEpochIndex::<T>::get(netuid).saturating_add(u64::from(fires));
            weight = weight.saturating_add(Self::reveal_subnet(netuid, epoch));
        }
        weight
    }

    /// One subnet's reveal with look-ahead epoch `epoch`, every mechanism.
    fn reveal_subnet(netuid: NetUid, epoch: u64) -> Weight {
        let db = T::DbWeight::get();
        let period = RevealPeriodEpochs::<T>::get(netuid);
        let count = MechanismCountCurrent::<T>::get(netuid);
        let mut weight = db.reads(3);
        let reveal_epoch = epoch.saturating_sub(period);
        for mecid in 0..count {
            let idx = storage_index(netuid, mecid);
            let epochs: Vec<u64> = TimelockedWeightCommits::<T>::iter_key_prefix(idx).collect();
            let visited = u64::try_from(epochs.len()).unwrap_or(u64::MAX);
            weight = weight.saturating_add(db.reads(visited.saturating_add(1)));
            for old in epochs.into_iter().filter(|e| *e < reveal_epoch) {
                TimelockedWeightCommits::<T>::remove(idx, old);
                weight = weight.saturating_add(db.writes(1));
            }
            if epoch < period {
                continue;
            }
            let queue = TimelockedWeightCommits::<T>::take(idx, reveal_epoch);
            if queue.is_empty() {
                continue;
            }
            weight = weight.saturating_add(db.writes(1));
            let mut kept: VecDeque<TimelockedEntry<T::AccountId>> = VecDeque::new();
            for (who, block, commit, round) in queue {
                match T::Drand::pulse_signature(round) {
                    None => {
                        weight = weight.saturating_add(db.reads(1));
                        kept.push_back((who, block, commit, round));
                    },
                    Some(signature) => {
                        weight = weight.saturating_add(T::WeightInfo::reveal_timelocked_commit());
                        let outcome = Self::reveal_commit(netuid, mecid, &who, &commit, &signature);
                        if outcome != RevealOutcome::Revealed {
                            log::debug!(
                                target: "subtensor",
                                "timelocked commit of {who:?} on {idx} (block {block}) dropped: {outcome:?}"
                            );
                        }
                    },
                }
            }
            if !kept.is_empty() {
                TimelockedWeightCommits::<T>::insert(idx, reveal_epoch, kept);
            }
        }
        weight
    }

    /// Decrypts one commit with its pulse's signature and applies the weights as `who` set
    /// them (no rate limit and `LastUpdate` kept while commit-reveal is on, §4.1).
    pub fn reveal_commit(
        netuid: NetUid,
        mecid: MechId,
        who: &T::AccountId,
        commit: &[u8],
        signature: &[u8],
    ) -> RevealOutcome {
        let Some(plaintext) = T::Drand::decrypt(commit, signature) else {
            return RevealOutcome::Undecryptable;
        };
        let (uids, values, version_key) = match decode_payload(&plaintext, who) {
            Ok(weights) => weights,
            Err(outcome) => return outcome,
        };
        let call = WeightsCall { netuid, mecid, uids: &uids, values: &values, version_key };
        let from_reveal = CommitRevealWeightsEnabled::<T>::get(netuid);
        if Self::apply_weights(who, call, from_reveal).is_err() {
            return RevealOutcome::Rejected;
        }
        Self::deposit_event(Event::TimelockedWeightsRevealed(storage_index(netuid, mecid), who.clone()));
        RevealOutcome::Revealed
    }

    /// The commits queued for mechanism `idx`, oldest epoch first (for views and tests).
    pub fn timelocked_commits(idx: NetUidStorageIndex) -> Vec<(u64, VecDeque<TimelockedEntry<T::AccountId>>)> {
        let mut all: Vec<(u64, VecDeque<TimelockedEntry<T::AccountId>>)> =
            TimelockedWeightCommits::<T>::iter_prefix(idx).collect();
        all.sort_by_key(|(epoch, _)| *epoch);
        all
    }

    /// Removes the storage of mechanisms `first..` of `netuid` (weights, bonds, incentive,
    /// `LastUpdate`, both commit queues, and any other item keyed by mechanism index), for
    /// when a subnet's mechanism count is lowered to `first`. Mechanism 0 is never removed.
    pub fn remove_mechanisms_from(netuid: NetUid, first: MechId) -> u32 {
        let metadata = Self::storage_metadata();
        (first.max(1)..crate::set_weights::MAX_MECHANISMS).fold(0u32, |removed, mecid| {
            let idx = storage_index(netuid, mecid);
            removed.saturating_add(crate::subnet_storage::remove_index_keys(&metadata, idx))
        })
    }
}
