//! Validators' weights on chain (`yuma.md` §4): `set_weights` and its mechanism and batch
//! forms with every check of §4.1 in upstream's order, and commit-reveal by hash (§4.2).
//!
//! Weights are stored per mechanism storage index `idx = mechanism × 4096 + netuid`,
//! max-upscaled to u16 in the caller's order (zeros included). A commit is the BlakeTwo256
//! hash of `SCALE(hotkey, idx, uids, values, salt, version_key)`, as the SDK computes it; it
//! may be revealed in the epoch `RevealPeriodEpochs` after the one it was made in, and is
//! dropped once that window has passed. Timelocked (drand) commits are in [`crate::timelocked`].

use crate::{pallet::*, MechId, NetUid, NetUidStorageIndex, ROOT_NETUID};
use alloc::{collections::VecDeque, vec::Vec};
use codec::Encode;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The most unrevealed commits a hotkey may queue per mechanism.
pub const MAX_UNREVEALED_COMMITS: usize = 10;
/// Mechanism storage indices step by this; every netuid stays below it.
pub const MECHANISM_STRIDE: u16 = 4096;
/// The most mechanisms a subnet can have (upstream's hard cap): with netuids below
/// [`MECHANISM_STRIDE`], `mecid × 4096 + netuid` then fits in a u16 and no two (netuid,
/// mechanism) pairs share an index.
pub const MAX_MECHANISMS: MechId = 16;
/// Netuids are below this, so that storage indices stay injective.
pub const MAX_NETUIDS: u16 = MECHANISM_STRIDE;

/// The storage index of mechanism `mecid` of `netuid`. Injective for `netuid < MAX_NETUIDS`
/// and `mecid < MAX_MECHANISMS`, which registration and the mechanism setters guarantee.
pub fn storage_index(netuid: NetUid, mecid: MechId) -> NetUidStorageIndex {
    u16::from(mecid).saturating_mul(MECHANISM_STRIDE).saturating_add(netuid)
}

/// The commit hash the SDK makes for a reveal.
pub fn commit_hash<AccountId: Encode>(
    hotkey: &AccountId,
    idx: NetUidStorageIndex,
    uids: &[u16],
    values: &[u16],
    salt: &[u16],
    version_key: u64,
) -> H256 {
    BlakeTwo256::hash_of(&(hotkey, idx, uids.to_vec(), values.to_vec(), salt.to_vec(), version_key))
}

/// The weights a call stores, before checks.
pub struct WeightsCall<'a> {
    pub netuid: NetUid,
    pub mecid: MechId,
    pub uids: &'a [u16],
    pub values: &'a [u16],
    pub version_key: u64,
}

impl<T: Config> Pallet<T> {
    /// `S_raw = alpha + TaoWeight × root TAO` of a hotkey on a subnet, floored (§3.2).
    pub fn raw_stake(hotkey: &T::AccountId, netuid: NetUid) -> u64 {
        Self::stake_weight(hotkey, netuid).saturating_to_num::<u64>()
    }

    /// The epoch index a commit made now belongs to: `SubnetEpochIndex`, plus one if the
    /// subnet's epoch is due this block (§4.2).
    pub fn lookahead_epoch(netuid: NetUid, now: u64) -> u64 {
        let index = SubnetEpochIndex::<T>::get(netuid);
        if Self::should_run_epoch(netuid, now) {
            index.saturating_add(1)
        } else {
            index
        }
    }

    fn uid_of(netuid: NetUid, hotkey: &T::AccountId) -> Result<u16, Error<T>> {
        Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotKeyNotRegisteredInSubNet)
    }

    fn last_update(idx: NetUidStorageIndex, uid: u16) -> u64 {
        LastUpdate::<T>::get(idx).get(usize::from(uid)).copied().unwrap_or(0)
    }

    pub(crate) fn set_last_update(idx: NetUidStorageIndex, uid: u16, now: u64) {
        LastUpdate::<T>::mutate(idx, |v| {
            let i = usize::from(uid);
            if v.len() <= i {
                v.resize(i.saturating_add(1), 0);
            }
            if let Some(x) = v.get_mut(i) {
                *x = now;
            }
        });
    }

    /// Whether the rate limit lets `uid` act on mechanism `idx` now (§4.1 step 9).
    pub(crate) fn passes_rate_limit(netuid: NetUid, idx: NetUidStorageIndex, uid: u16, now: u64) -> bool {
        let last = Self::last_update(idx, uid);
        last == 0 || now.saturating_sub(last) >= WeightsSetRateLimit::<T>::get(netuid)
    }

    /// §4.1 step 7: the subnet owner passes; anyone else needs `StakeThreshold` of raw stake.
    pub(crate) fn passes_stake_threshold(hotkey: &T::AccountId, netuid: NetUid, is_owner: bool) -> bool {
        is_owner || Self::raw_stake(hotkey, netuid) >= StakeThreshold::<T>::get()
    }

    /// §4.1: every check in order, then the upscaled weights stored. `from_reveal` skips the
    /// rate limit and leaves `LastUpdate` alone (§4.2 reveal step 5).
    pub fn apply_weights(hotkey: &T::AccountId, call: WeightsCall<'_>, from_reveal: bool) -> DispatchResult {
        let WeightsCall { netuid, mecid, uids, values, version_key } = call;
        ensure!(netuid != ROOT_NETUID, Error::<T>::CanNotSetRootNetworkWeights);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(uids.len() == values.len(), Error::<T>::WeightVecNotEqualSize);
        ensure!(mecid < MechanismCountCurrent::<T>::get(netuid), Error::<T>::MechanismDoesNotExist);
        let n = SubnetworkN::<T>::get(netuid);
        ensure!(uids.len() <= usize::from(n), Error::<T>::UidsLengthExceedUidsInSubNet);
        let uid = Self::uid_of(netuid, hotkey)?;
        let owner_uid = Uids::<T>::get(netuid, SubnetOwnerHotkey::<T>::get(netuid));
        let is_owner = owner_uid == Some(uid);
        ensure!(Self::passes_stake_threshold(hotkey, netuid, is_owner), Error::<T>::NotEnoughStakeToSetWeights);
        let required = WeightsVersionKey::<T>::get(netuid);
        ensure!(required == 0 || version_key >= required, Error::<T>::IncorrectWeightVersionKey);
        let idx = storage_index(netuid, mecid);
        let now = Self::current_block();
        if !from_reveal {
            ensure!(Self::passes_rate_limit(netuid, idx, uid, now), Error::<T>::SettingWeightsTooFast);
        }
        let self_weight = uids.len() == 1 && uids.first() == Some(&uid);
        let permitted = ValidatorPermit::<T>::get(netuid).get(usize::from(uid)).copied().unwrap_or(false);
        ensure!(self_weight || is_owner || permitted, Error::<T>::NeuronNoValidatorPermit);
        let mut seen = uids.to_vec();
        seen.sort_unstable();
        seen.dedup();
        ensure!(seen.len() == uids.len(), Error::<T>::DuplicateUids);
        ensure!(uids.iter().all(|u| *u < n && Keys::<T>::contains_key(netuid, u)), Error::<T>::UidVecContainInvalidOne);
        let min = usize::from(MinAllowedWeights::<T>::get(netuid).min(n));
        ensure!(self_weight || values.len() >= min, Error::<T>::WeightVecLengthIsLow);
        let upscaled = tensorchain_yuma::weights::max_upscale_to_u16(values);
        ensure!(
            self_weight || tensorchain_yuma::weights::check_max_limited(&upscaled, u16::MAX),
            Error::<T>::MaxWeightExceeded
        );
        let row: Vec<(u16, u16)> = uids.iter().copied().zip(upscaled).collect();
        Weights::<T>::insert(idx, uid, row);
        if !from_reveal {
            Self::set_last_update(idx, uid, now);
        }
        Self::deposit_event(Event::WeightsSet(idx, uid));
        Ok(())
    }

    /// `set_weights` and `set_mechanism_weights`: refused while commit-reveal is on.
    pub fn do_set_weights(hotkey: T::AccountId, call: WeightsCall<'_>) -> DispatchResult {
        ensure!(call.netuid != ROOT_NETUID, Error::<T>::CanNotSetRootNetworkWeights);
        ensure!(!CommitRevealWeightsEnabled::<T>::get(call.netuid), Error::<T>::CommitRevealEnabled);
        Self::apply_weights(&hotkey, call, false)
    }

    /// Drops the commits whose reveal window has passed from the front of a queue.
    fn drop_expired(netuid: NetUid, queue: &mut VecDeque<(H256, u64, u64, u64)>, now: u64) {
        let period = RevealPeriodEpochs::<T>::get(netuid);
        let current = Self::lookahead_epoch(netuid, now);
        while let Some((_, epoch, _, _)) = queue.front() {
            if current > epoch.saturating_add(period) {
                queue.pop_front();
            } else {
                break;
            }
        }
    }

    /// `commit_weights` and `commit_mechanism_weights` (§4.2).
    pub fn do_commit_weights(hotkey: T::AccountId, netuid: NetUid, mecid: MechId, hash: H256) -> DispatchResult {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
        ensure!(mecid < MechanismCountCurrent::<T>::get(netuid), Error::<T>::MechanismDoesNotExist);
        let uid = Self::uid_of(netuid, &hotkey)?;
        let idx = storage_index(netuid, mecid);
        let now = Self::current_block();
        ensure!(Self::passes_rate_limit(netuid, idx, uid, now), Error::<T>::CommittingWeightsTooFast);
        let mut queue = WeightCommits::<T>::get(idx, &hotkey).unwrap_or_default();
        Self::drop_expired(netuid, &mut queue, now);
        ensure!(queue.len() < MAX_UNREVEALED_COMMITS, Error::<T>::TooManyUnrevealedCommits);
        queue.push_back((hash, Self::lookahead_epoch(netuid, now), now, 0));
        WeightCommits::<T>::insert(idx, &hotkey, queue);
        Self::set_last_update(idx, uid, now);
        Self::deposit_event(Event::WeightsCommitted(hotkey, idx, hash));
        Ok(())
    }

    /// `reveal_weights` and `reveal_mechanism_weights` (§4.2): the matching commit must be in
    /// its reveal epoch; it and every older commit leave the queue, and the weights apply.
    pub fn do_reveal_weights(
        hotkey: T::AccountId,
        call: WeightsCall<'_>,
        salt: &[u16],
    ) -> DispatchResult {
        let netuid = call.netuid;
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealDisabled);
        let idx = storage_index(netuid, call.mecid);
        let now = Self::current_block();
        let mut queue = WeightCommits::<T>::get(idx, &hotkey).ok_or(Error::<T>::NoWeightsCommitFound)?;
        Self::drop_expired(netuid, &mut queue, now);
        let hash = commit_hash(&hotkey, idx, call.uids, call.values, salt, call.version_key);
        let position = queue.iter().position(|(h, _, _, _)| *h == hash).ok_or(Error::<T>::InvalidRevealCommitHashNotMatch)?;
        let (_, epoch, _, _) = queue.get(position).copied().ok_or(Error::<T>::InvalidRevealCommitHashNotMatch)?;
        let reveal_epoch = epoch.saturating_add(RevealPeriodEpochs::<T>::get(netuid));
        ensure!(Self::lookahead_epoch(netuid, now) >= reveal_epoch, Error::<T>::RevealTooEarly);
        Self::apply_weights(&hotkey, call, true)?;
        queue.drain(..=position);
        if queue.is_empty() {
            WeightCommits::<T>::remove(idx, &hotkey);
        } else {
            WeightCommits::<T>::insert(idx, &hotkey, queue);
        }
        Self::deposit_event(Event::WeightsRevealed(hotkey, idx, hash));
        Ok(())
    }

    /// The earliest block of each uid's unexpired commits, for the epoch's commit-reveal mask.
    pub fn commit_blocks(netuid: NetUid, idx: NetUidStorageIndex, n: u16, now: u64) -> Vec<Option<u64>> {
        let mut out: Vec<Option<u64>> = alloc::vec![None; usize::from(n)];
        if !CommitRevealWeightsEnabled::<T>::get(netuid) {
            return out;
        }
        let period = RevealPeriodEpochs::<T>::get(netuid);
        let current = Self::lookahead_epoch(netuid, now);
        let mut note = |hotkey: &T::AccountId, block: u64| {
            if let Some(slot) = Uids::<T>::get(netuid, hotkey).and_then(|uid| out.get_mut(usize::from(uid))) {
                *slot = Some(slot.map_or(block, |b| b.min(block)));
            }
        };
        for (hotkey, queue) in WeightCommits::<T>::iter_prefix(idx) {
            let first = queue.iter().find(|(_, epoch, _, _)| current <= epoch.saturating_add(period));
            if let Some((_, _, block, _)) = first {
                note(&hotkey, *block);
            }
        }
        // Timelocked commits (`yuma.md` §3.5 step 5.3): every entry of every unexpired epoch.
        for (epoch, queue) in TimelockedWeightCommits::<T>::iter_prefix(idx) {
            if current > epoch.saturating_add(period) {
                continue;
            }
            for (hotkey, block, _, _) in queue.iter() {
                note(hotkey, *block);
            }
        }
        out
    }

}
