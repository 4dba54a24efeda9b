//! Delegate (validator) take (`economics.md` §4.4): the share of a hotkey's validator and
//! root dividends it keeps before the rest accrues to its nominators.

use crate::pallet::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
    fn ensure_owns_hotkey(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        ensure!(Owner::<T>::get(hotkey) == *coldkey, Error::<T>::NonAssociatedColdKey);
        Ok(())
    }

    /// `decrease_take`: lower, not below `MinDelegateTake`; no rate limit, but the block is
    /// recorded so that a later increase waits.
    pub fn do_decrease_take(coldkey: T::AccountId, hotkey: T::AccountId, take: u16) -> DispatchResult {
        Self::ensure_owns_hotkey(&coldkey, &hotkey)?;
        if Delegates::<T>::contains_key(&hotkey) {
            ensure!(take < Delegates::<T>::get(&hotkey), Error::<T>::DelegateTakeTooLow);
        }
        ensure!(take >= MinDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooLow);
        Delegates::<T>::insert(&hotkey, take);
        LastTxBlockDelegateTake::<T>::insert(&hotkey, Self::current_block());
        Self::deposit_event(Event::TakeDecreased(coldkey, hotkey, take));
        Ok(())
    }

    /// `increase_take`: higher, at most `MaxDelegateTake`, once per `TxDelegateTakeRateLimit`.
    pub fn do_increase_take(coldkey: T::AccountId, hotkey: T::AccountId, take: u16) -> DispatchResult {
        Self::ensure_owns_hotkey(&coldkey, &hotkey)?;
        if Delegates::<T>::contains_key(&hotkey) {
            ensure!(take > Delegates::<T>::get(&hotkey), Error::<T>::DelegateTakeTooLow);
        }
        ensure!(take <= MaxDelegateTake::<T>::get(), Error::<T>::DelegateTakeTooHigh);
        let now = Self::current_block();
        let last = LastTxBlockDelegateTake::<T>::get(&hotkey);
        ensure!(
            last == 0 || now.saturating_sub(last) > TxDelegateTakeRateLimit::<T>::get(),
            Error::<T>::DelegateTxRateLimitExceeded
        );
        Delegates::<T>::insert(&hotkey, take);
        LastTxBlockDelegateTake::<T>::insert(&hotkey, now);
        Self::deposit_event(Event::TakeIncreased(coldkey, hotkey, take));
        Ok(())
    }
}
