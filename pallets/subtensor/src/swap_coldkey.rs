//! Coldkey swaps (`staking-2.md` §2): a coldkey announces the hash of its successor, waits
//! `ColdkeySwapAnnouncementDelay` blocks, then moves everything it has to it. While the
//! announcement stands the coldkey can do nothing else (the runtime's
//! `SubtensorTransactionExtension` refuses its other transactions in the pool), and a
//! dispute freezes it until root resets it.

use crate::{pallet::*, NetUid, TaoBalance};
use alloc::vec::Vec;
use frame_support::{
    ensure,
    pallet_prelude::DispatchResult,
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Preservation},
    },
};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The recycled price of a first announcement (0.1 TAO).
pub const KEY_SWAP_COST: TaoBalance = 100_000_000;

/// Whether a coldkey's transaction may pass the swap guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapGuard {
    /// No announcement: anything goes.
    Free,
    /// Announced: only the swap's own calls (and shielded wrappers) pass.
    Announced,
    /// Disputed: nothing passes.
    Disputed,
}

impl<T: Config> Pallet<T> {
    /// The hash an announcement names: BlakeTwo256 of the SCALE-encoded account.
    pub fn coldkey_hash(coldkey: &T::AccountId) -> H256 {
        BlakeTwo256::hash_of(coldkey)
    }

    fn now_u32() -> u32 {
        u32::try_from(Self::current_block()).unwrap_or(u32::MAX)
    }

    /// The guard state of `coldkey`.
    pub fn coldkey_swap_guard(coldkey: &T::AccountId) -> SwapGuard {
        if !ColdkeySwapAnnouncements::<T>::contains_key(coldkey) {
            SwapGuard::Free
        } else if ColdkeySwapDisputes::<T>::contains_key(coldkey) {
            SwapGuard::Disputed
        } else {
            SwapGuard::Announced
        }
    }

    /// `announce_coldkey_swap` (§2.3): the first announcement pays `KeySwapCost`; a new one
    /// replaces it after the re-announcement delay.
    pub fn do_announce_coldkey_swap(who: &T::AccountId, new_coldkey_hash: H256) -> DispatchResult {
        let now = Self::now_u32();
        match ColdkeySwapAnnouncements::<T>::get(who) {
            Some((when, _)) => ensure!(
                now >= when.saturating_add(ColdkeySwapReannouncementDelay::<T>::get()),
                Error::<T>::ColdkeySwapReannouncedTooEarly
            ),
            None => Self::charge_swap_cost(who, KEY_SWAP_COST)?,
        }
        let when = now.saturating_add(ColdkeySwapAnnouncementDelay::<T>::get());
        ColdkeySwapAnnouncements::<T>::insert(who, (when, new_coldkey_hash));
        Self::deposit_event(Event::ColdkeySwapAnnounced { who: who.clone(), new_coldkey_hash });
        Ok(())
    }

    /// Recycles `cost` from `who`, keeping it alive; all or nothing.
    fn charge_swap_cost(who: &T::AccountId, cost: TaoBalance) -> DispatchResult {
        ensure!(Self::recycle_tao_exactly(who, cost), Error::<T>::NotEnoughBalanceToPaySwapColdKey);
        Ok(())
    }

    /// `swap_coldkey_announced` (§2.3).
    pub fn do_swap_coldkey_announced(who: &T::AccountId, new_coldkey: &T::AccountId) -> DispatchResult {
        let (when, hash) = ColdkeySwapAnnouncements::<T>::take(who).ok_or(Error::<T>::ColdkeySwapAnnouncementNotFound)?;
        ensure!(Self::coldkey_hash(new_coldkey) == hash, Error::<T>::AnnouncedColdkeyHashDoesNotMatch);
        ensure!(Self::now_u32() >= when, Error::<T>::ColdkeySwapTooEarly);
        Self::do_swap_coldkey(who, new_coldkey)
    }

    /// `dispute_coldkey_swap` (§2.3).
    pub fn do_dispute_coldkey_swap(who: &T::AccountId) -> DispatchResult {
        ensure!(ColdkeySwapAnnouncements::<T>::contains_key(who), Error::<T>::ColdkeySwapAnnouncementNotFound);
        ensure!(!ColdkeySwapDisputes::<T>::contains_key(who), Error::<T>::ColdkeySwapAlreadyDisputed);
        ColdkeySwapDisputes::<T>::insert(who, Self::now_u32());
        Self::deposit_event(Event::ColdkeySwapDisputed { coldkey: who.clone() });
        Ok(())
    }

    /// `reset_coldkey_swap` (root, §2.3).
    pub fn do_reset_coldkey_swap(who: &T::AccountId) {
        ColdkeySwapAnnouncements::<T>::remove(who);
        ColdkeySwapDisputes::<T>::remove(who);
        Self::deposit_event(Event::ColdkeySwapReset { who: who.clone() });
    }

    /// `clear_coldkey_swap_announcement` (§2.3): once the re-announcement delay has passed.
    pub fn do_clear_coldkey_swap_announcement(who: &T::AccountId) -> DispatchResult {
        let (when, _) = ColdkeySwapAnnouncements::<T>::get(who).ok_or(Error::<T>::ColdkeySwapAnnouncementNotFound)?;
        ensure!(
            Self::now_u32() >= when.saturating_add(ColdkeySwapReannouncementDelay::<T>::get()),
            Error::<T>::ColdkeySwapClearTooEarly
        );
        ColdkeySwapAnnouncements::<T>::remove(who);
        Self::deposit_event(Event::ColdkeySwapCleared { who: who.clone() });
        Ok(())
    }

    /// Root's `swap_coldkey` (§2.3): the optional cost, the swap, and any announcement or
    /// dispute of the old coldkey removed.
    pub fn do_root_swap_coldkey(old: &T::AccountId, new: &T::AccountId, swap_cost: TaoBalance) -> DispatchResult {
        if swap_cost > 0 {
            Self::charge_swap_cost(old, swap_cost)?;
        }
        Self::do_swap_coldkey(old, new)?;
        ColdkeySwapAnnouncements::<T>::remove(old);
        ColdkeySwapDisputes::<T>::remove(old);
        Ok(())
    }

    /// §2.4: everything `old` has moves to `new`, in upstream's order. The caller's
    /// transaction is rolled back on any error.
    pub fn do_swap_coldkey(old: &T::AccountId, new: &T::AccountId) -> DispatchResult {
        ensure!(StakingHotkeys::<T>::get(new).is_empty(), Error::<T>::ColdKeyAlreadyAssociated);
        ensure!(!Owner::<T>::contains_key(new), Error::<T>::NewColdKeyIsHotkey);
        Self::ensure_no_live_lock(new)?;
        // 1. The identity, unless the new coldkey has its own.
        if !IdentitiesV2::<T>::contains_key(new) {
            if let Some(identity) = IdentitiesV2::<T>::take(old) {
                IdentitiesV2::<T>::insert(new, identity);
            }
        }
        // 3. Per subnet: ownership, auto-stake destination, and every stake.
        let hotkeys = StakingHotkeys::<T>::get(old);
        let claims = Self::root_claims_of(&hotkeys, old, new);
        for netuid in Self::added_netuids() {
            if SubnetOwner::<T>::get(netuid) == *old {
                SubnetOwner::<T>::insert(netuid, new.clone());
            }
            if let Some(destination) = AutoStakeDestination::<T>::take(old, netuid) {
                AutoStakeDestinationColdkeys::<T>::mutate(&destination, netuid, |coldkeys| {
                    coldkeys.retain(|c| c != old && c != new);
                    coldkeys.push(new.clone());
                });
                AutoStakeDestination::<T>::insert(new, netuid, destination);
            }
            for hotkey in &hotkeys {
                Self::move_stake_to_coldkey(hotkey, old, new, netuid);
            }
        }
        // The claimed root dividends follow the root stake (see `root_claims_of`).
        for (netuid, hotkey, claimed) in claims {
            RootClaimed::<T>::remove((netuid, &hotkey, old));
            RootClaimed::<T>::insert((netuid, &hotkey, new), claimed);
        }
        Self::unindex_root_staker(old);
        // 4. The staking index.
        StakingHotkeys::<T>::mutate(new, |keys| {
            for hotkey in &hotkeys {
                if !keys.contains(hotkey) {
                    keys.push(hotkey.clone());
                }
            }
        });
        StakingHotkeys::<T>::remove(old);
        // 5. Hotkey ownership (with it, everything keyed by hotkey).
        let owned = OwnedHotkeys::<T>::take(old);
        for hotkey in &owned {
            Owner::<T>::insert(hotkey, new.clone());
        }
        OwnedHotkeys::<T>::mutate(new, |keys| {
            for hotkey in owned {
                if !keys.contains(&hotkey) {
                    keys.push(hotkey);
                }
            }
        });
        // 6. Locks, then the account flags: old's replace new's.
        Self::swap_coldkey_locks(old, new);
        let flags = AccountFlags::<T>::take(old);
        if flags == 0 {
            AccountFlags::<T>::remove(new);
        } else {
            AccountFlags::<T>::insert(new, flags);
        }
        // 7. The whole free balance; the old account is reaped.
        let balance = <T::Currency as Inspect<T::AccountId>>::reducible_balance(old, Preservation::Expendable, Fortitude::Polite);
        if balance > 0 {
            <T::Currency as Mutate<T::AccountId>>::transfer(old, new, balance, Preservation::Expendable)
                .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        }
        // 8. The new coldkey's hotkey swaps wait `TxRateLimit`.
        LastTxBlock::<T>::insert(new, Self::current_block());
        Self::deposit_event(Event::ColdkeySwapped { old_coldkey: old.clone(), new_coldkey: new.clone() });
        Ok(())
    }

    /// Moves the whole of `old`'s stake on `hotkey` on `netuid` to `new`.
    fn move_stake_to_coldkey(hotkey: &T::AccountId, old: &T::AccountId, new: &T::AccountId, netuid: NetUid) {
        let stake = Self::alpha_stake(hotkey, old, netuid);
        if stake == 0 {
            return;
        }
        let moved = Self::decrease_alpha_stake(hotkey, old, netuid, stake);
        Self::increase_alpha_stake(hotkey, new, netuid, moved);
    }

    /// What (hotkey, new) will have claimed on each subnet once the root stake has moved:
    /// its own claims plus old's, read before the move (moving the stake shifts the claimed
    /// amounts by the stake's rate, which would lose what old was owed). So each owed amount
    /// stays as it was. (Upstream moves only the rows of subnets where alpha moved.)
    fn root_claims_of(hotkeys: &[T::AccountId], old: &T::AccountId, new: &T::AccountId) -> Vec<(NetUid, T::AccountId, u128)> {
        let mut claims = Vec::new();
        for hotkey in hotkeys {
            for netuid in RootClaimable::<T>::get(hotkey).keys().copied() {
                let claimed = RootClaimed::<T>::get((netuid, hotkey, old))
                    .saturating_add(RootClaimed::<T>::get((netuid, hotkey, new)));
                claims.push((netuid, hotkey.clone(), claimed));
            }
        }
        claims
    }

    /// AdminUtils' setters of the two delays.
    pub fn set_coldkey_swap_announcement_delay(duration: u32) {
        ColdkeySwapAnnouncementDelay::<T>::put(duration);
        Self::deposit_event(Event::ColdkeySwapAnnouncementDelaySet(duration));
    }

    pub fn set_coldkey_swap_reannouncement_delay(duration: u32) {
        ColdkeySwapReannouncementDelay::<T>::put(duration);
        Self::deposit_event(Event::ColdkeySwapReannouncementDelaySet(duration));
    }
}
