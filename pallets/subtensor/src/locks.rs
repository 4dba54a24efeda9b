//! Stake locks and conviction (`staking-2.md` §5).
//!
//! A coldkey may lock part of its alpha on a subnet to one hotkey (at most one lock per
//! coldkey and subnet). Locked alpha cannot be unstaked, moved to another subnet, recycled
//! or burned; the locked mass decays over time (unless the lock is perpetual) while its
//! conviction matures toward the mass. Conviction summed per hotkey decides who may take
//! over a subnet's ownership a year after its registration.
//!
//! Besides each `Lock`, four aggregates ("buckets") sum the locks per subnet: perpetual and
//! decaying, to the owner's hotkey or to any other hotkey. The math is pure
//! (`tensorchain_economics::conviction`); this module keeps the buckets in step with
//! upstream's update order, including its quirk: when an individual lock's roll takes
//! something away, its bucket is reduced by exactly that and re-dated without maturing.

use crate::{pallet::*, rpc_info, AlphaBalance, NetUid};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{ensure, pallet_prelude::DispatchResult, storage::with_storage_layer, traits::Get};
use substrate_fixed::types::U64F64;
use tensorchain_economics::conviction::{self, LockState, Rates, RollDelta, ONE_YEAR};

/// `AccountFlags` bit 0: the coldkey accepts locked alpha sent to it.
pub const ACCEPT_LOCKED_ALPHA: u128 = 1;

/// One of a subnet's four lock aggregates.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Bucket<AccountId> {
    /// Perpetual locks to the subnet owner's hotkey (`OwnerLock`).
    Owner,
    /// Decaying locks to the owner's hotkey (`DecayingOwnerLock`).
    DecayingOwner,
    /// Perpetual locks to another hotkey (`HotkeyLock`).
    Hotkey(AccountId),
    /// Decaying locks to another hotkey (`DecayingHotkeyLock`).
    DecayingHotkey(AccountId),
}

impl<AccountId> Bucket<AccountId> {
    fn for_lock(hotkey: AccountId, owner: bool, perpetual: bool) -> Self {
        match (owner, perpetual) {
            (true, true) => Bucket::Owner,
            (true, false) => Bucket::DecayingOwner,
            (false, true) => Bucket::Hotkey(hotkey),
            (false, false) => Bucket::DecayingHotkey(hotkey),
        }
    }

    fn is_owner(&self) -> bool {
        matches!(self, Bucket::Owner | Bucket::DecayingOwner)
    }

    fn is_perpetual(&self) -> bool {
        matches!(self, Bucket::Owner | Bucket::Hotkey(_))
    }
}

fn from_stored(s: &rpc_info::LockState) -> LockState {
    LockState::new(s.locked_mass, s.conviction, s.last_update)
}

fn to_stored(s: &LockState) -> rpc_info::LockState {
    rpc_info::LockState { locked_mass: s.mass, conviction: s.conviction, last_update: s.last_update }
}

impl<T: Config> Pallet<T> {
    pub fn lock_rates() -> Rates {
        Rates { unlock: UnlockRate::<T>::get(), maturity: MaturityRate::<T>::get() }
    }

    /// Whether the coldkey's lock on the subnet is perpetual (`DecayingLock = Some(false)`).
    pub fn lock_is_perpetual(coldkey: &T::AccountId, netuid: NetUid) -> bool {
        DecayingLock::<T>::get(coldkey, netuid) == Some(false)
    }

    fn is_owner_hotkey(netuid: NetUid, hotkey: &T::AccountId) -> bool {
        SubnetOwnerHotkey::<T>::get(netuid) == *hotkey
    }

    /// The coldkey's lock on the subnet as stored: its hotkey and state.
    pub fn stored_lock(coldkey: &T::AccountId, netuid: NetUid) -> Option<(T::AccountId, LockState)> {
        Lock::<T>::iter_prefix((coldkey, netuid)).next().map(|(hotkey, s)| (hotkey, from_stored(&s)))
    }

    /// The coldkey's lock rolled to `now`, without writing anything.
    pub fn rolled_lock(coldkey: &T::AccountId, netuid: NetUid, now: u64) -> Option<(T::AccountId, LockState)> {
        Self::stored_lock(coldkey, netuid).map(|(hotkey, lock)| {
            let owner = Self::is_owner_hotkey(netuid, &hotkey);
            let (rolled, _) = conviction::roll(lock, now, Self::lock_rates(), owner, Self::lock_is_perpetual(coldkey, netuid));
            (hotkey, rolled)
        })
    }

    /// The alpha of the coldkey's lock on the subnet now (0 without a lock).
    pub fn locked_alpha(coldkey: &T::AccountId, netuid: NetUid) -> AlphaBalance {
        Self::rolled_lock(coldkey, netuid, Self::current_block()).map_or(0, |(_, lock)| lock.mass)
    }

    /// The alpha the coldkey holds on the subnet through all its staking hotkeys.
    pub fn total_coldkey_alpha(coldkey: &T::AccountId, netuid: NetUid) -> AlphaBalance {
        StakingHotkeys::<T>::get(coldkey)
            .iter()
            .fold(0u64, |acc, hotkey| acc.saturating_add(Self::alpha_stake(hotkey, coldkey, netuid)))
    }

    /// What the coldkey may unstake or move off the subnet: its alpha there less the lock.
    pub fn available_to_unstake(coldkey: &T::AccountId, netuid: NetUid) -> AlphaBalance {
        Self::total_coldkey_alpha(coldkey, netuid).saturating_sub(Self::locked_alpha(coldkey, netuid))
    }

    /// `amount` may leave the coldkey's position on the subnet only if it is not locked.
    pub fn ensure_unlocked(coldkey: &T::AccountId, netuid: NetUid, amount: AlphaBalance) -> DispatchResult {
        ensure!(amount <= Self::available_to_unstake(coldkey, netuid), Error::<T>::StakeUnavailable);
        Ok(())
    }

    // ----- Buckets -----

    fn read_bucket(netuid: NetUid, bucket: &Bucket<T::AccountId>, now: u64) -> LockState {
        let stored = match bucket {
            Bucket::Owner => OwnerLock::<T>::get(netuid),
            Bucket::DecayingOwner => DecayingOwnerLock::<T>::get(netuid),
            Bucket::Hotkey(h) => HotkeyLock::<T>::get(netuid, h),
            Bucket::DecayingHotkey(h) => DecayingHotkeyLock::<T>::get(netuid, h),
        };
        stored.map_or(LockState::empty(now), |s| from_stored(&s))
    }

    /// Stores a bucket, or removes it when nothing is left in it.
    fn write_bucket(netuid: NetUid, bucket: &Bucket<T::AccountId>, state: LockState) {
        let value = state.is_nonempty().then(|| to_stored(&state));
        match bucket {
            Bucket::Owner => OwnerLock::<T>::set(netuid, value),
            Bucket::DecayingOwner => DecayingOwnerLock::<T>::set(netuid, value),
            Bucket::Hotkey(h) => HotkeyLock::<T>::set(netuid, h, value),
            Bucket::DecayingHotkey(h) => DecayingHotkeyLock::<T>::set(netuid, h, value),
        }
    }

    fn roll_state(state: LockState, bucket: &Bucket<T::AccountId>, now: u64) -> LockState {
        conviction::roll(state, now, Self::lock_rates(), bucket.is_owner(), bucket.is_perpetual()).0
    }

    /// A bucket rolled to `now` (not written).
    fn rolled_bucket(netuid: NetUid, bucket: &Bucket<T::AccountId>, now: u64) -> LockState {
        Self::roll_state(Self::read_bucket(netuid, bucket, now), bucket, now)
    }

    /// Rolls a bucket, adds `(mass, conviction)` and rolls again (the owner rule, dust).
    fn bucket_add(netuid: NetUid, bucket: &Bucket<T::AccountId>, mass: AlphaBalance, conv: U64F64, now: u64) {
        let added = Self::rolled_bucket(netuid, bucket, now).plus(mass, conv, now);
        Self::write_bucket(netuid, bucket, Self::roll_state(added, bucket, now));
    }

    /// Rolls a bucket and takes `(mass, conviction)` out of it (saturating).
    fn bucket_sub(netuid: NetUid, bucket: &Bucket<T::AccountId>, mass: AlphaBalance, conv: U64F64, now: u64) {
        let taken = Self::rolled_bucket(netuid, bucket, now).minus(mass, conv, now);
        Self::write_bucket(netuid, bucket, taken);
    }

    fn bucket_of(coldkey: &T::AccountId, netuid: NetUid, hotkey: &T::AccountId) -> Bucket<T::AccountId> {
        Bucket::for_lock(hotkey.clone(), Self::is_owner_hotkey(netuid, hotkey), Self::lock_is_perpetual(coldkey, netuid))
    }

    /// The model roll (§5.3): rolls an individual lock to `now` and keeps its bucket in step.
    /// A roll that took something away reduces the bucket by exactly that, re-dated without
    /// maturing; otherwise the bucket is rolled normally.
    fn model_roll(coldkey: &T::AccountId, netuid: NetUid, hotkey: &T::AccountId, lock: LockState, now: u64) -> LockState {
        let bucket = Self::bucket_of(coldkey, netuid, hotkey);
        let (rolled, delta): (LockState, RollDelta) =
            conviction::roll(lock, now, Self::lock_rates(), bucket.is_owner(), bucket.is_perpetual());
        if delta.is_zero() {
            Self::write_bucket(netuid, &bucket, Self::rolled_bucket(netuid, &bucket, now));
        } else {
            let reduced = Self::read_bucket(netuid, &bucket, now).minus(delta.mass, delta.conviction, now);
            Self::write_bucket(netuid, &bucket, reduced);
        }
        rolled
    }

    /// Stores an individual lock with its reverse index, or removes both when it is dust.
    fn write_lock(coldkey: &T::AccountId, netuid: NetUid, hotkey: &T::AccountId, lock: LockState) {
        if lock.is_zero() {
            Lock::<T>::remove((coldkey, netuid, hotkey));
            LockingColdkeys::<T>::remove((netuid, hotkey, coldkey));
        } else {
            Lock::<T>::insert((coldkey, netuid, hotkey), to_stored(&lock));
            LockingColdkeys::<T>::insert((netuid, hotkey, coldkey), ());
        }
    }

    fn remove_lock(coldkey: &T::AccountId, netuid: NetUid, hotkey: &T::AccountId) {
        Lock::<T>::remove((coldkey, netuid, hotkey));
        LockingColdkeys::<T>::remove((netuid, hotkey, coldkey));
    }

    /// After stake of the coldkey on the subnet changed: the lock is model-rolled and saved,
    /// so dust disappears.
    pub fn refresh_lock(coldkey: &T::AccountId, netuid: NetUid) {
        if let Some((hotkey, lock)) = Self::stored_lock(coldkey, netuid) {
            let now = Self::current_block();
            let rolled = Self::model_roll(coldkey, netuid, &hotkey, lock, now);
            Self::write_lock(coldkey, netuid, &hotkey, rolled);
        }
    }

    // ----- Calls -----

    /// `lock_stake` (§5.4): locks `amount` more of the coldkey's alpha on the subnet to
    /// `hotkey`; a new lock starts without conviction, a top-up keeps it.
    pub fn do_lock_stake(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid, amount: AlphaBalance) -> DispatchResult {
        ensure!(amount != 0, Error::<T>::AmountTooLow);
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        let total = Self::total_coldkey_alpha(coldkey, netuid);
        let existing = Self::stored_lock(coldkey, netuid);
        if let Some((locked_to, _)) = &existing {
            ensure!(locked_to == hotkey, Error::<T>::LockHotkeyMismatch);
        }
        let now = Self::current_block();
        let current = existing.map_or(LockState::empty(now), |(_, lock)| lock);
        let rolled = Self::model_roll(coldkey, netuid, hotkey, current, now);
        let bucket = Self::bucket_of(coldkey, netuid, hotkey);
        let lock = if rolled.mass == 0 && rolled.conviction == U64F64::from_num(0) {
            ensure!(total >= amount, Error::<T>::InsufficientStakeForLock);
            Self::roll_state(LockState::new(amount, U64F64::from_num(0), now), &bucket, now)
        } else {
            let mass = rolled.mass.saturating_add(amount);
            ensure!(total >= mass, Error::<T>::InsufficientStakeForLock);
            LockState::new(mass, rolled.conviction, now)
        };
        Self::bucket_add(netuid, &bucket, amount, U64F64::from_num(0), now);
        Self::write_lock(coldkey, netuid, hotkey, lock);
        Self::deposit_event(Event::StakeLocked { coldkey: coldkey.clone(), hotkey: hotkey.clone(), netuid, amount });
        Ok(())
    }

    /// `move_lock` (§5.4): the lock now counts toward `destination`. Conviction is lost
    /// only when the destination belongs to another coldkey than the origin hotkey.
    pub fn do_move_lock(coldkey: &T::AccountId, destination: &T::AccountId, netuid: NetUid) -> DispatchResult {
        ensure!(Self::hotkey_account_exists(destination), Error::<T>::HotKeyAccountNotExists);
        let (origin, lock) = Self::stored_lock(coldkey, netuid).ok_or(Error::<T>::NoExistingLock)?;
        let now = Self::current_block();
        let origin_bucket = Self::bucket_of(coldkey, netuid, &origin);
        let removed = Self::model_roll(coldkey, netuid, &origin, lock, now);
        let mut moved = removed;
        if Owner::<T>::get(&origin) != Owner::<T>::get(destination) {
            moved.conviction = U64F64::from_num(0);
        }
        let destination_bucket = Self::bucket_of(coldkey, netuid, destination);
        let moved = Self::roll_state(moved, &destination_bucket, now);
        Self::remove_lock(coldkey, netuid, &origin);
        Self::write_lock(coldkey, netuid, destination, moved);
        Self::bucket_sub(netuid, &origin_bucket, removed.mass, removed.conviction, now);
        Self::bucket_add(netuid, &destination_bucket, moved.mass, moved.conviction, now);
        Self::deposit_event(Event::LockMoved {
            coldkey: coldkey.clone(),
            origin_hotkey: origin,
            destination_hotkey: destination.clone(),
            netuid,
        });
        Ok(())
    }

    /// `set_perpetual_lock` (§5.4): a perpetual lock's mass does not decay. The lock moves
    /// to the bucket of its new mode.
    pub fn do_set_perpetual_lock(coldkey: &T::AccountId, netuid: NetUid, enabled: bool) -> DispatchResult {
        let now = Self::current_block();
        let changed = Self::lock_is_perpetual(coldkey, netuid) != enabled;
        let rolled = Self::stored_lock(coldkey, netuid).map(|(hotkey, lock)| {
            let rolled = Self::model_roll(coldkey, netuid, &hotkey, lock, now);
            Self::write_lock(coldkey, netuid, &hotkey, rolled);
            if changed {
                let old = Self::bucket_of(coldkey, netuid, &hotkey);
                Self::bucket_sub(netuid, &old, rolled.mass, rolled.conviction, now);
            }
            (hotkey, rolled)
        });
        if enabled {
            DecayingLock::<T>::insert(coldkey, netuid, false);
        } else {
            DecayingLock::<T>::remove(coldkey, netuid);
        }
        if let (true, Some((hotkey, rolled))) = (changed, rolled) {
            let new = Self::bucket_of(coldkey, netuid, &hotkey);
            Self::bucket_add(netuid, &new, rolled.mass, rolled.conviction, now);
        }
        Self::deposit_event(Event::PerpetualLockUpdated { coldkey: coldkey.clone(), netuid, enabled });
        Ok(())
    }

    /// `set_reject_locked_alpha`: whether transfers of locked alpha to the coldkey are
    /// refused (the default) or accepted.
    pub fn do_set_reject_locked_alpha(coldkey: &T::AccountId, enabled: bool) -> DispatchResult {
        AccountFlags::<T>::mutate_exists(coldkey, |flags| {
            let bits = flags.unwrap_or(0);
            let bits = if enabled { bits & !ACCEPT_LOCKED_ALPHA } else { bits | ACCEPT_LOCKED_ALPHA };
            *flags = (bits != 0).then_some(bits);
        });
        Self::deposit_event(Event::RejectLockedAlphaUpdated { coldkey: coldkey.clone(), enabled });
        Ok(())
    }

    /// The owner cut, when `OwnerCutAutoLockEnabled`: locked by the subnet owner to the hotkey
    /// its lock already targets, or to the owner hotkey. A lock that cannot be made is skipped.
    pub fn auto_lock_owner_cut(netuid: NetUid, amount: AlphaBalance) {
        if amount == 0 || !OwnerCutAutoLockEnabled::<T>::get(netuid) {
            return;
        }
        let owner = SubnetOwner::<T>::get(netuid);
        let hotkey = Self::stored_lock(&owner, netuid).map_or_else(|| SubnetOwnerHotkey::<T>::get(netuid), |(h, _)| h);
        let _ = with_storage_layer(|| Self::do_lock_stake(&owner, &hotkey, netuid, amount));
    }

    /// After the nominator sweep took `removed` alpha of the coldkey's on the subnet: the lock
    /// shrinks by as much, its conviction in proportion.
    pub fn force_reduce_lock(coldkey: &T::AccountId, netuid: NetUid, removed: AlphaBalance) {
        let Some((hotkey, lock)) = Self::stored_lock(coldkey, netuid) else { return };
        let now = Self::current_block();
        let rolled = Self::model_roll(coldkey, netuid, &hotkey, lock, now);
        let bucket = Self::bucket_of(coldkey, netuid, &hotkey);
        let mass = rolled.mass.saturating_sub(removed);
        let conv = if mass == 0 {
            U64F64::from_num(0)
        } else {
            conviction::conviction_after_reduction(rolled.conviction, removed, rolled.mass)
        };
        Self::bucket_sub(
            netuid,
            &bucket,
            rolled.mass.saturating_sub(mass),
            rolled.conviction.saturating_sub(conv),
            now,
        );
        Self::write_lock(coldkey, netuid, &hotkey, LockState::new(mass, conv, now));
    }

    /// Same-subnet `transfer_stake` of `amount` from `origin` to `destination` (§5.6), before
    /// the alpha moves: what cannot come out of the origin's unlocked alpha takes its lock
    /// (and a proportional part of the conviction) along, if the destination accepts it.
    pub fn transfer_lock(
        origin: &T::AccountId,
        destination: &T::AccountId,
        netuid: NetUid,
        amount: AlphaBalance,
    ) -> DispatchResult {
        if origin == destination || amount == 0 {
            return Ok(());
        }
        let Some((source_hotkey, source)) = Self::stored_lock(origin, netuid) else { return Ok(()) };
        let now = Self::current_block();
        let rates = Self::lock_rates();
        let source_bucket = Self::bucket_of(origin, netuid, &source_hotkey);
        let (source, _) =
            conviction::roll(source, now, rates, source_bucket.is_owner(), source_bucket.is_perpetual());
        let target = Self::stored_lock(destination, netuid).map(|(hotkey, lock)| {
            let bucket = Self::bucket_of(destination, netuid, &hotkey);
            (hotkey, conviction::roll(lock, now, rates, bucket.is_owner(), bucket.is_perpetual()).0)
        });
        let free = Self::total_coldkey_alpha(origin, netuid).saturating_sub(source.mass);
        let rest = amount.saturating_sub(amount.min(free));
        let (mut moved_mass, mut moved_conv) = (0u64, U64F64::from_num(0));
        let mut source_after = source;
        let target_hotkey = target.as_ref().map_or_else(|| source_hotkey.clone(), |(h, _)| h.clone());
        let mut target_after = target.map_or(LockState::empty(now), |(_, lock)| lock);
        if rest > 0 {
            ensure!(target_hotkey == source_hotkey, Error::<T>::LockHotkeyMismatch);
            moved_mass = rest.min(source.mass);
            moved_conv = conviction::conviction_share(source.conviction, moved_mass, source.mass);
            source_after = source.minus(moved_mass, moved_conv, now);
            target_after = target_after.plus(moved_mass, moved_conv, now);
        }
        if moved_mass > 0 {
            ensure!(AccountFlags::<T>::get(destination) & ACCEPT_LOCKED_ALPHA != 0, Error::<T>::AccountRejectsLockedAlpha);
        }
        let target_bucket = Self::bucket_of(destination, netuid, &target_hotkey);
        let source_after = Self::roll_state(source_after, &source_bucket, now);
        let target_after = Self::roll_state(target_after, &target_bucket, now);
        Self::write_lock(origin, netuid, &source_hotkey, source_after);
        Self::write_lock(destination, netuid, &target_hotkey, target_after);
        if moved_mass > 0 {
            Self::bucket_sub(netuid, &source_bucket, moved_mass, moved_conv, now);
            Self::bucket_add(netuid, &target_bucket, moved_mass, moved_conv, now);
        }
        Ok(())
    }

    // ----- Key swaps -----

    /// A coldkey swap's destination must have no lock with mass left (§2.4 step 6, checked
    /// with the swap's preconditions so that a refused swap changes nothing).
    pub fn ensure_no_live_lock(new: &T::AccountId) -> DispatchResult {
        let now = Self::current_block();
        let live = Lock::<T>::iter_prefix((new,)).any(|((netuid, _), _)| {
            Self::rolled_lock(new, netuid, now).is_some_and(|(_, lock)| lock.mass > 0)
        });
        ensure!(!live, Error::<T>::ActiveLockExists);
        Ok(())
    }

    /// Coldkey swap, §2.4 step 6: each of `old`'s locks moves to `new`, rolled to now, out of
    /// its bucket and (after `DecayingLock` moved) back in.
    pub fn swap_coldkey_locks(old: &T::AccountId, new: &T::AccountId) {
        let now = Self::current_block();
        // What is left of new's own locks (no mass, some conviction) makes way.
        let leftovers: Vec<((NetUid, T::AccountId), rpc_info::LockState)> = Lock::<T>::iter_prefix((new,)).collect();
        for ((netuid, hotkey), stored) in leftovers {
            let bucket = Self::bucket_of(new, netuid, &hotkey);
            let lock = Self::roll_state(from_stored(&stored), &bucket, now);
            Self::bucket_sub(netuid, &bucket, lock.mass, lock.conviction, now);
            Self::remove_lock(new, netuid, &hotkey);
        }
        let locks: Vec<((NetUid, T::AccountId), rpc_info::LockState)> = Lock::<T>::iter_prefix((old,)).collect();
        let mut rolled: Vec<(NetUid, T::AccountId, LockState)> = Vec::new();
        for ((netuid, hotkey), stored) in locks {
            let bucket = Self::bucket_of(old, netuid, &hotkey);
            let lock = Self::roll_state(from_stored(&stored), &bucket, now);
            Self::bucket_sub(netuid, &bucket, lock.mass, lock.conviction, now);
            Self::remove_lock(old, netuid, &hotkey);
            // A moved lock keeps its mode, whatever new had chosen on that subnet.
            DecayingLock::<T>::set(new, netuid, DecayingLock::<T>::get(old, netuid));
            rolled.push((netuid, hotkey, lock));
        }
        let modes: Vec<(NetUid, bool)> = DecayingLock::<T>::drain_prefix(old).collect();
        for (netuid, decaying) in modes {
            DecayingLock::<T>::insert(new, netuid, decaying);
        }
        for (netuid, hotkey, lock) in rolled {
            let bucket = Self::bucket_of(new, netuid, &hotkey);
            Self::bucket_add(netuid, &bucket, lock.mass, lock.conviction, now);
            Self::write_lock(new, netuid, &hotkey, lock);
        }
    }

    /// Hotkey swap (§5.8) on one subnet, before the owner hotkey itself is renamed: the locks
    /// to `old` now target `new`, and `old`'s aggregates follow (into the owner buckets when
    /// either key is the owner hotkey). Convictions are kept.
    pub fn swap_hotkey_locks(old: &T::AccountId, new: &T::AccountId, netuid: NetUid) {
        let owner_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        let old_is_owner = owner_hotkey == *old;
        let new_is_owner = owner_hotkey == *new || old_is_owner;
        let has_aggregate =
            HotkeyLock::<T>::contains_key(netuid, old) || DecayingHotkeyLock::<T>::contains_key(netuid, old);
        if !old_is_owner && !new_is_owner && !has_aggregate {
            return;
        }
        let now = Self::current_block();
        let rates = Self::lock_rates();
        let lockers: Vec<T::AccountId> = LockingColdkeys::<T>::iter_key_prefix((netuid, old)).collect();
        for coldkey in lockers {
            LockingColdkeys::<T>::remove((netuid, old, &coldkey));
            let Some(stored) = Lock::<T>::take((&coldkey, netuid, old)) else { continue };
            let perpetual = Self::lock_is_perpetual(&coldkey, netuid);
            let (lock, _) = conviction::roll(from_stored(&stored), now, rates, old_is_owner, perpetual);
            let (lock, _) = conviction::roll(lock, now, rates, new_is_owner, perpetual);
            Self::write_lock(&coldkey, netuid, new, lock);
        }
        for perpetual in [true, false] {
            let from = Bucket::for_lock(old.clone(), old_is_owner, perpetual);
            let to = Bucket::for_lock(new.clone(), old_is_owner || new_is_owner, perpetual);
            if from == to {
                continue;
            }
            let state = Self::rolled_bucket(netuid, &from, now);
            if !state.is_nonempty() {
                continue;
            }
            Self::write_bucket(netuid, &from, LockState::empty(now));
            Self::bucket_add(netuid, &to, state.mass, state.conviction, now);
        }
    }

    // ----- Conviction and ownership (§5.7) -----

    /// Each hotkey's rolled conviction on the subnet, the owner buckets credited to the owner
    /// hotkey, and the sum of them all.
    pub fn convictions_on_subnet(netuid: NetUid, now: u64) -> (BTreeMap<T::AccountId, U64F64>, U64F64) {
        let mut scores: BTreeMap<T::AccountId, U64F64> = BTreeMap::new();
        let mut credit = |hotkey: T::AccountId, c: U64F64| {
            let score = scores.entry(hotkey).or_insert(U64F64::from_num(0));
            *score = score.saturating_add(c);
        };
        for (hotkey, s) in HotkeyLock::<T>::iter_prefix(netuid) {
            let b = Bucket::Hotkey(hotkey.clone());
            credit(hotkey, Self::roll_state(from_stored(&s), &b, now).conviction);
        }
        for (hotkey, s) in DecayingHotkeyLock::<T>::iter_prefix(netuid) {
            let b = Bucket::DecayingHotkey(hotkey.clone());
            credit(hotkey, Self::roll_state(from_stored(&s), &b, now).conviction);
        }
        let owner_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        for bucket in [Bucket::Owner, Bucket::DecayingOwner] {
            let stored = match &bucket {
                Bucket::Owner => OwnerLock::<T>::get(netuid),
                _ => DecayingOwnerLock::<T>::get(netuid),
            };
            if let Some(s) = stored {
                credit(owner_hotkey.clone(), Self::roll_state(from_stored(&s), &bucket, now).conviction);
            }
        }
        let total = scores.values().fold(U64F64::from_num(0), |acc, c| acc.saturating_add(*c));
        (scores, total)
    }

    /// `get_hotkey_conviction`: the hotkey's rolled aggregate conviction on the subnet.
    pub fn hotkey_conviction(hotkey: &T::AccountId, netuid: NetUid) -> U64F64 {
        let now = Self::current_block();
        let mut total = Self::rolled_bucket(netuid, &Bucket::Hotkey(hotkey.clone()), now)
            .conviction
            .saturating_add(Self::rolled_bucket(netuid, &Bucket::DecayingHotkey(hotkey.clone()), now).conviction);
        if Self::is_owner_hotkey(netuid, hotkey) {
            for bucket in [Bucket::Owner, Bucket::DecayingOwner] {
                total = total.saturating_add(Self::rolled_bucket(netuid, &bucket, now).conviction);
            }
        }
        total
    }

    /// `get_most_convicted_hotkey_on_subnet` (the subnet's "king"): the highest conviction,
    /// ties to the greatest account; `None` without any lock.
    pub fn most_convicted_hotkey(netuid: NetUid) -> Option<T::AccountId> {
        Self::king_of(&Self::convictions_on_subnet(netuid, Self::current_block()).0)
    }

    fn king_of(scores: &BTreeMap<T::AccountId, U64F64>) -> Option<T::AccountId> {
        let mut best: Option<(&T::AccountId, U64F64)> = None;
        for (hotkey, score) in scores {
            if best.as_ref().is_none_or(|(_, b)| *score >= *b) {
                best = Some((hotkey, *score));
            }
        }
        best.map(|(h, _)| h.clone())
    }

    /// `get_coldkey_lock`: the coldkey's lock on the subnet rolled to now (read-only).
    pub fn coldkey_lock_view(coldkey: &T::AccountId, netuid: NetUid) -> Option<rpc_info::LockState> {
        Self::rolled_lock(coldkey, netuid, Self::current_block()).map(|(_, lock)| to_stored(&lock))
    }

    /// At a successful epoch, before its payout (§5.7): a year after registration, a hotkey
    /// whose conviction leads a subnet with enough of its alpha locked makes its coldkey the
    /// subnet's owner and itself the owner hotkey. Returns whether the owner changed.
    pub fn change_subnet_owner_if_needed(netuid: NetUid, now: u64) -> bool {
        let alpha_out = SubnetAlphaOut::<T>::get(netuid);
        if alpha_out == 0 || now < NetworkRegisteredAt::<T>::get(netuid).saturating_add(ONE_YEAR) {
            return false;
        }
        let (scores, total) = Self::convictions_on_subnet(netuid, now);
        if total.saturating_mul(U64F64::from_num(10)) < U64F64::from_num(alpha_out) {
            return false;
        }
        let Some(king) = Self::king_of(&scores) else { return false };
        let king_owner = Owner::<T>::get(&king);
        let old_owner = SubnetOwner::<T>::get(netuid);
        if king_owner == DefaultAccount::<T>::get() || king_owner == old_owner {
            return false;
        }
        if !Uids::<T>::contains_key(netuid, &king) && !Self::register_king(netuid, &king, now) {
            return false;
        }
        let old_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        for (owner_bucket, hotkey_bucket) in [
            (Bucket::Owner, Bucket::Hotkey(old_hotkey.clone())),
            (Bucket::DecayingOwner, Bucket::DecayingHotkey(old_hotkey.clone())),
        ] {
            let state = Self::rolled_bucket(netuid, &owner_bucket, now);
            Self::write_bucket(netuid, &owner_bucket, LockState::empty(now));
            if state.is_nonempty() {
                Self::bucket_add(netuid, &hotkey_bucket, state.mass, state.conviction, now);
            }
        }
        for (hotkey_bucket, owner_bucket) in [
            (Bucket::Hotkey(king.clone()), Bucket::Owner),
            (Bucket::DecayingHotkey(king.clone()), Bucket::DecayingOwner),
        ] {
            let state = Self::rolled_bucket(netuid, &hotkey_bucket, now);
            Self::write_bucket(netuid, &hotkey_bucket, LockState::empty(now));
            if state.is_nonempty() {
                Self::bucket_add(netuid, &owner_bucket, state.mass, state.conviction, now);
            }
        }
        SubnetOwner::<T>::insert(netuid, king_owner.clone());
        SubnetOwnerHotkey::<T>::insert(netuid, king);
        Self::deposit_event(Event::SubnetOwnerChanged { netuid, old_coldkey: old_owner, new_coldkey: king_owner });
        true
    }

    /// Gives the new owner hotkey a uid: a free slot, or the one registration would prune.
    fn register_king(netuid: NetUid, king: &T::AccountId, now: u64) -> bool {
        if SubnetworkN::<T>::get(netuid) < MaxAllowedUids::<T>::get(netuid) {
            Self::append_neuron(netuid, king, now);
            return true;
        }
        match Self::get_neuron_to_prune(netuid, now) {
            Some(uid) => {
                Self::replace_neuron(netuid, uid, king, now);
                true
            },
            None => false,
        }
    }

    // ----- Invariants -----

    /// Every lock has its reverse index and vice versa, a coldkey has at most one lock per
    /// subnet, no lock holds more than the coldkey's alpha there, and no bucket is stored
    /// empty.
    pub fn check_locks() -> Result<(), alloc::string::String> {
        use alloc::format;
        let now = Self::current_block();
        let mut seen: BTreeMap<(T::AccountId, NetUid), T::AccountId> = BTreeMap::new();
        for ((coldkey, netuid, hotkey), _) in Lock::<T>::iter() {
            if !LockingColdkeys::<T>::contains_key((netuid, &hotkey, &coldkey)) {
                return Err(format!("lock of {coldkey:?} on {netuid} has no LockingColdkeys row"));
            }
            if seen.insert((coldkey.clone(), netuid), hotkey).is_some() {
                return Err(format!("{coldkey:?} has two locks on subnet {netuid}"));
            }
            let locked = Self::rolled_lock(&coldkey, netuid, now).map_or(0, |(_, l)| l.mass);
            let total = Self::total_coldkey_alpha(&coldkey, netuid);
            if locked > total {
                return Err(format!("{coldkey:?} locks {locked} of its {total} alpha on subnet {netuid}"));
            }
        }
        for (netuid, hotkey, coldkey) in LockingColdkeys::<T>::iter_keys() {
            if !Lock::<T>::contains_key((&coldkey, netuid, &hotkey)) {
                return Err(format!("LockingColdkeys row of {coldkey:?} on {netuid} without a lock"));
            }
        }
        let empty = HotkeyLock::<T>::iter_values()
            .chain(DecayingHotkeyLock::<T>::iter_values())
            .chain(OwnerLock::<T>::iter_values())
            .chain(DecayingOwnerLock::<T>::iter_values())
            .any(|s| !from_stored(&s).is_nonempty());
        if empty {
            return Err("an empty lock aggregate is stored".into());
        }
        Ok(())
    }
}
