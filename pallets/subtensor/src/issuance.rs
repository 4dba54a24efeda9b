//! Issuance (`economics.md` §1): the halving block emission, minting capped at 21 M TAO
//! against the balances pallet's issuance, and recycling, which lowers `TotalIssuance` and so
//! delays the next halving.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance};
use frame_support::traits::{
    fungible::{Inspect, Mutate},
    tokens::{Fortitude, Precision, Preservation},
};
use tensorchain_economics::emission::{block_emission_for_issuance, mintable};

impl<T: Config> Pallet<T> {
    /// Sets the `TotalIssuance` mirror to the balances pallet's issuance, the one source of
    /// truth. The runtime calls it after every transaction and the pallet at the start of
    /// every block, so no call that moves the balances' issuance (a `Balances.burn`, root's
    /// `force_set_balance` or `force_adjust_total_issuance`, dust, fees) can leave the two
    /// apart, or make the halving read a stale issuance. Returns whether it had to write.
    pub fn sync_issuance() -> bool {
        let issued: TaoBalance = <T::Currency as Inspect<T::AccountId>>::total_issuance();
        let differs = TotalIssuance::<T>::get() != issued;
        if differs {
            TotalIssuance::<T>::put(issued);
        }
        differs
    }

    /// This block's TAO emission, from `TotalIssuance` (§1.1). Caches it in `BlockEmission`
    /// when it changes, as upstream does (informational only).
    pub fn block_emission() -> TaoBalance {
        let emission = block_emission_for_issuance(TotalIssuance::<T>::get());
        if BlockEmission::<T>::get() != emission {
            BlockEmission::<T>::put(emission);
        }
        emission
    }

    /// A subnet's alpha emission per block, from its alpha issuance (in + out).
    pub fn alpha_block_emission(netuid: NetUid) -> AlphaBalance {
        let issuance = SubnetAlphaIn::<T>::get(netuid).saturating_add(SubnetAlphaOut::<T>::get(netuid));
        block_emission_for_issuance(issuance)
    }

    /// Mints up to `amount` TAO into `to`, never past 21 M TAO of the balances pallet's
    /// issuance (§1.2); returns what was minted.
    pub fn mint_tao_into(to: &T::AccountId, amount: TaoBalance) -> TaoBalance {
        let issued: TaoBalance = <T::Currency as Inspect<T::AccountId>>::total_issuance();
        let amount = mintable(amount, issued);
        if amount == 0 {
            return 0;
        }
        match <T::Currency as Mutate<T::AccountId>>::mint_into(to, amount) {
            Ok(minted) => {
                TotalIssuance::<T>::mutate(|i| *i = i.saturating_add(minted));
                minted
            },
            Err(_) => 0,
        }
    }

    /// Destroys up to `amount` of `from`'s TAO, keeping it alive, and lowers `TotalIssuance`
    /// with it (§1.3); returns what was recycled.
    pub fn recycle_tao(from: &T::AccountId, amount: TaoBalance) -> TaoBalance {
        let burned = <T::Currency as Mutate<T::AccountId>>::burn_from(
            from,
            amount,
            Preservation::Preserve,
            Precision::BestEffort,
            Fortitude::Polite,
        )
        .unwrap_or(0);
        TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(burned));
        burned
    }

    /// Recycles exactly `amount` of `from`'s TAO, keeping it alive, or nothing; returns
    /// whether it did (the price of a key swap).
    pub fn recycle_tao_exactly(from: &T::AccountId, amount: TaoBalance) -> bool {
        let spendable = <T::Currency as frame_support::traits::fungible::Inspect<T::AccountId>>::reducible_balance(
            from,
            Preservation::Preserve,
            Fortitude::Polite,
        );
        spendable >= amount && Self::recycle_tao(from, amount) == amount
    }

    /// Records TAO destroyed outside this pallet (dust of reaped accounts, unpaid fees): the
    /// runtime calls it wherever the balances pallet's issuance falls.
    pub fn note_tao_destroyed(amount: TaoBalance) {
        TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(amount));
    }
}
