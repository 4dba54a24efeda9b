//! Stake held as share pools (`economics.md` §4.1).
//!
//! Per (hotkey, subnet) the pool has a value, `TotalHotkeyAlpha`, and shares outstanding,
//! `TotalHotkeyShares`; each coldkey holds `Alpha[(hotkey, coldkey, netuid)]` shares. Adding
//! stake buys shares at the current value per share; emission paid to a hotkey raises the
//! value only, so every nominator gains in proportion to their shares.
//!
//! Products of a share count (up to 2^128 in U64F64 bits) and an amount (2^64) need 192 bits:
//! they are computed in `U256` and floored, so that nobody is credited more than the pool holds.

use crate::{pallet::*, AlphaBalance, NetUid};
use alloc::vec::Vec;
use sp_core::U256;
use substrate_fixed::types::U64F64;

/// `a · b / c` floored, in 256 bits; 0 when `c` is 0.
fn mul_div(a: u128, b: u128, c: u128) -> U256 {
    if c == 0 {
        return U256::zero();
    }
    U256::from(a).saturating_mul(U256::from(b)).checked_div(U256::from(c)).unwrap_or_default()
}

fn to_u128(x: U256) -> u128 {
    if x > U256::from(u128::MAX) {
        u128::MAX
    } else {
        x.low_u128()
    }
}

impl<T: Config> Pallet<T> {
    /// The alpha a coldkey holds through a hotkey on a subnet.
    pub fn alpha_stake(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid) -> AlphaBalance {
        Self::shares_value(hotkey, Alpha::<T>::get((hotkey, coldkey, netuid)), netuid)
    }

    /// The alpha that `shares` of `hotkey`'s pool on `netuid` are worth (floored, at most the
    /// pool's value; 0 for a pool without shares).
    pub fn shares_value(hotkey: &T::AccountId, shares: U64F64, netuid: NetUid) -> AlphaBalance {
        let total_shares = TotalHotkeyShares::<T>::get(hotkey, netuid).to_bits();
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let stake = mul_div(u128::from(value), shares.to_bits(), total_shares);
        u64::try_from(to_u128(stake)).unwrap_or(u64::MAX).min(value)
    }

    /// Adds `amount` alpha to (hotkey, coldkey) on `netuid`, buying shares at the pool's value
    /// per share; a pool with no value or no shares restarts at one share per alpha.
    pub fn increase_alpha_stake(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        amount: AlphaBalance,
    ) {
        if amount == 0 {
            return;
        }
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let total_shares = TotalHotkeyShares::<T>::get(hotkey, netuid).to_bits();
        let new_shares: u128 = if value == 0 || total_shares == 0 {
            // A fresh (or fully drained) pool: any shares left are worth nothing, so restart.
            for (c, _) in Self::share_holders(hotkey, netuid) {
                Alpha::<T>::remove((hotkey, &c, netuid));
            }
            TotalHotkeyShares::<T>::insert(hotkey, netuid, U64F64::from_num(0));
            U64F64::from_num(amount).to_bits()
        } else {
            to_u128(mul_div(U64F64::from_num(amount).to_bits(), total_shares, U64F64::from_num(value).to_bits()))
        };
        let total_shares = TotalHotkeyShares::<T>::get(hotkey, netuid).to_bits();
        TotalHotkeyShares::<T>::insert(hotkey, netuid, U64F64::from_bits(total_shares.saturating_add(new_shares)));
        Alpha::<T>::mutate((hotkey, coldkey, netuid), |s| *s = U64F64::from_bits(s.to_bits().saturating_add(new_shares)));
        TotalHotkeyAlpha::<T>::mutate(hotkey, netuid, |v| *v = v.saturating_add(amount));
        if netuid == crate::ROOT_NETUID {
            Self::adjust_root_claimed(hotkey, coldkey, amount, true);
            Self::index_root_staker(coldkey);
        }
        StakingHotkeys::<T>::mutate(coldkey, |keys| {
            if !keys.contains(hotkey) {
                keys.push(hotkey.clone());
            }
        });
    }

    /// Takes up to `amount` alpha from (hotkey, coldkey) on `netuid`; returns what was taken.
    /// Taking the whole stake removes the coldkey's shares entirely, so no dust remains.
    pub fn decrease_alpha_stake(
        hotkey: &T::AccountId,
        coldkey: &T::AccountId,
        netuid: NetUid,
        amount: AlphaBalance,
    ) -> AlphaBalance {
        let stake = Self::alpha_stake(hotkey, coldkey, netuid);
        let taken = amount.min(stake);
        if taken == 0 {
            return 0;
        }
        let mine = Alpha::<T>::get((hotkey, coldkey, netuid)).to_bits();
        let total_shares = TotalHotkeyShares::<T>::get(hotkey, netuid).to_bits();
        let value = TotalHotkeyAlpha::<T>::get(hotkey, netuid);
        let burned_shares = if taken == stake {
            mine
        } else {
            // Shares worth `taken`, rounded up so the remaining holders never lose value.
            let exact = U256::from(taken).saturating_mul(U256::from(total_shares));
            let v = U256::from(value.max(1));
            let q = exact.checked_div(v).unwrap_or_default();
            let q = if q.saturating_mul(v) < exact { q.saturating_add(U256::one()) } else { q };
            to_u128(q).min(mine)
        };
        let left = mine.saturating_sub(burned_shares);
        if left == 0 {
            Alpha::<T>::remove((hotkey, coldkey, netuid));
        } else {
            Alpha::<T>::insert((hotkey, coldkey, netuid), U64F64::from_bits(left));
        }
        let shares_left = total_shares.saturating_sub(burned_shares);
        let value_left = value.saturating_sub(taken);
        if shares_left == 0 || value_left == 0 {
            TotalHotkeyShares::<T>::remove(hotkey, netuid);
            TotalHotkeyAlpha::<T>::remove(hotkey, netuid);
            for (c, _) in Self::share_holders(hotkey, netuid) {
                Alpha::<T>::remove((hotkey, &c, netuid));
            }
        } else {
            TotalHotkeyShares::<T>::insert(hotkey, netuid, U64F64::from_bits(shares_left));
            TotalHotkeyAlpha::<T>::insert(hotkey, netuid, value_left);
        }
        if netuid == crate::ROOT_NETUID {
            Self::adjust_root_claimed(hotkey, coldkey, taken, false);
        }
        taken
    }

    /// Pays `amount` alpha to everyone staked on `hotkey` on `netuid`, pro rata.
    pub fn increase_stake_for_hotkey_on_subnet(hotkey: &T::AccountId, netuid: NetUid, amount: AlphaBalance) {
        TotalHotkeyAlpha::<T>::mutate(hotkey, netuid, |v| *v = v.saturating_add(amount));
    }

    /// The coldkeys holding shares of `hotkey` on `netuid`, with their shares.
    pub fn share_holders(hotkey: &T::AccountId, netuid: NetUid) -> Vec<(T::AccountId, U64F64)> {
        Alpha::<T>::iter_prefix((hotkey,)).filter(|((_, n), _)| *n == netuid).map(|((c, _), s)| (c, s)).collect()
    }

    /// Every (hotkey, coldkey, alpha) staked on `netuid`.
    pub fn stakes_on_subnet(netuid: NetUid) -> Vec<(T::AccountId, T::AccountId, AlphaBalance)> {
        let positions: Vec<(T::AccountId, T::AccountId)> =
            Alpha::<T>::iter_keys().filter(|(_, _, n)| *n == netuid).map(|(h, c, _)| (h, c)).collect();
        positions
            .into_iter()
            .map(|(h, c)| {
                let stake = Self::alpha_stake(&h, &c, netuid);
                (h, c, stake)
            })
            .collect()
    }
}
