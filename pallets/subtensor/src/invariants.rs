//! Accounting invariants, checked by the tests after every call and block and by `try-state`:
//! - the pallet's `TotalIssuance` mirror equals the balances pallet's issuance;
//! - `TotalStake` equals the TAO held by the subnet accounts (pools, locks and the fees they
//!   keep), so free balances plus `TotalStake` account for every rao issued;
//! - on every subnet, `SubnetAlphaOut` equals the alpha staked to hotkeys plus the pending
//!   emission buckets, protocol-owned alpha, unclaimed root dividends and unowned alpha;
//! - every child relation is recorded on both sides (`ChildKeys` and `ParentKeys`);
//! - every stake lock has its reverse index, one per coldkey and subnet, never more than the
//!   coldkey's alpha there, and no empty lock aggregate is stored.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance};
use alloc::{format, string::String};
use frame_support::traits::fungible::Inspect;

impl<T: Config> Pallet<T> {
    /// The first broken invariant, described, if any.
    pub fn check_accounting() -> Result<(), String> {
        let mirror = TotalIssuance::<T>::get();
        let balances: TaoBalance = <T::Currency as Inspect<T::AccountId>>::total_issuance();
        if mirror != balances {
            return Err(format!("TotalIssuance {mirror} != balances issuance {balances}"));
        }
        let mut held: TaoBalance = 0;
        for netuid in NetworksAdded::<T>::iter_keys() {
            held = held.saturating_add(<T::Currency as Inspect<T::AccountId>>::balance(&Self::subnet_account(netuid)));
            Self::check_alpha(netuid)?;
        }
        let stake = TotalStake::<T>::get();
        if stake != held {
            return Err(format!("TotalStake {stake} != TAO in subnet accounts {held}"));
        }
        Self::check_leases()?;
        Self::check_locks()?;
        Self::check_child_relations()
    }

    fn check_alpha(netuid: NetUid) -> Result<(), String> {
        let staked: AlphaBalance = TotalHotkeyAlpha::<T>::iter()
            .filter(|(_, n, _)| *n == netuid)
            .fold(0u64, |acc, (_, _, v)| acc.saturating_add(v));
        let expected = staked
            .saturating_add(PendingServerEmission::<T>::get(netuid))
            .saturating_add(PendingValidatorEmission::<T>::get(netuid))
            .saturating_add(PendingRootAlphaDivs::<T>::get(netuid))
            .saturating_add(PendingOwnerCut::<T>::get(netuid))
            .saturating_add(SubnetProtocolAlpha::<T>::get(netuid))
            .saturating_add(RootClaimableAlpha::<T>::get(netuid))
            .saturating_add(SubnetAlphaBurned::<T>::get(netuid));
        let out = SubnetAlphaOut::<T>::get(netuid);
        if out != expected {
            return Err(format!("subnet {netuid}: SubnetAlphaOut {out} != staked and pending alpha {expected}"));
        }
        Ok(())
    }
}
