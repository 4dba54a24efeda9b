//! Destroying stake (`staking-2.md` §4): `recycle_alpha` takes the alpha out of circulation
//! (`SubnetAlphaOut` falls), `burn_alpha` burns it (`SubnetAlphaOut` unchanged, counted in
//! `SubnetAlphaBurned`), and `add_stake_burn` buys alpha and burns it in one step: a buy-back.
//! Also the auto-stake destination, where a coldkey's mining incentive on a subnet is staked.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance, ROOT_NETUID};
use frame_support::{ensure, pallet_prelude::DispatchResult, storage::with_storage_layer};

/// Which way destroyed alpha leaves.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Destroy {
    Recycle,
    Burn,
}

impl<T: Config> Pallet<T> {
    /// `recycle_alpha` / `burn_alpha`: up to `amount` of (hotkey, coldkey)'s alpha on the
    /// subnet is destroyed. Returns the alpha destroyed.
    pub fn do_destroy_alpha(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        amount: AlphaBalance,
        netuid: NetUid,
        how: Destroy,
    ) -> Result<AlphaBalance, frame_support::pallet_prelude::DispatchError> {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(netuid != ROOT_NETUID, Error::<T>::CannotBurnOrRecycleOnRootSubnet);
        ensure!(Self::hotkey_account_exists(&hotkey), Error::<T>::HotKeyAccountNotExists);
        let amount = amount.min(Self::alpha_stake(&hotkey, &coldkey, netuid));
        ensure!(amount > 0, Error::<T>::NotEnoughStakeToWithdraw);
        Self::ensure_unlocked(&coldkey, netuid, amount)?;
        ensure!(SubnetAlphaOut::<T>::get(netuid) >= amount, Error::<T>::InsufficientLiquidity);
        let taken = Self::decrease_alpha_stake(&hotkey, &coldkey, netuid, amount);
        match how {
            Destroy::Recycle => {
                SubnetAlphaOut::<T>::mutate(netuid, |o| *o = o.saturating_sub(taken));
                Self::deposit_event(Event::AlphaRecycled(coldkey, hotkey, taken, netuid));
            },
            Destroy::Burn => {
                SubnetAlphaBurned::<T>::mutate(netuid, |b| *b = b.saturating_add(taken));
                Self::deposit_event(Event::AlphaBurned(coldkey, hotkey, taken, netuid));
            },
        }
        Ok(taken)
    }

    /// `add_stake_burn`: `add_stake` (or `add_stake_limit` without partial fills when `limit`
    /// is given), then `burn_alpha` of exactly what was bought; all or nothing.
    pub fn do_add_stake_burn(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        amount: TaoBalance,
        limit: Option<TaoBalance>,
    ) -> DispatchResult {
        with_storage_layer(|| {
            let before = Self::alpha_stake(&hotkey, &coldkey, netuid);
            match limit {
                None => Self::do_add_stake(coldkey.clone(), hotkey.clone(), netuid, amount)?,
                Some(limit) => Self::do_add_stake_limit(coldkey.clone(), hotkey.clone(), netuid, amount, limit, false)?,
            }
            let bought = Self::alpha_stake(&hotkey, &coldkey, netuid).saturating_sub(before);
            let burned = Self::do_destroy_alpha(coldkey, hotkey.clone(), bought, netuid, Destroy::Burn)?;
            Self::deposit_event(Event::AddStakeBurn { netuid, hotkey, amount, alpha: burned });
            Ok(())
        })
    }

    /// `set_coldkey_auto_stake_hotkey`: the coldkey's mining incentive on the subnet is
    /// staked to `hotkey` from now on.
    pub fn do_set_auto_stake_hotkey(coldkey: T::AccountId, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(Self::is_hotkey_registered_on_network(netuid, &hotkey), Error::<T>::HotKeyNotRegisteredInSubNet);
        if let Some(old) = AutoStakeDestination::<T>::get(&coldkey, netuid) {
            ensure!(old != hotkey, Error::<T>::SameAutoStakeHotkeyAlreadySet);
            AutoStakeDestinationColdkeys::<T>::mutate(&old, netuid, |cs| cs.retain(|c| c != &coldkey));
        }
        AutoStakeDestination::<T>::insert(&coldkey, netuid, hotkey.clone());
        AutoStakeDestinationColdkeys::<T>::mutate(&hotkey, netuid, |cs| {
            if !cs.contains(&coldkey) {
                cs.push(coldkey.clone());
            }
        });
        Self::deposit_event(Event::AutoStakeDestinationSet { coldkey, netuid, hotkey });
        Ok(())
    }
}
