//! Adding and removing stake (`economics.md` §4.2–§4.3): staking TAO to a hotkey on a subnet
//! buys alpha from the subnet's pool and credits it to the (hotkey, coldkey) share pool;
//! unstaking takes shares out and sells the alpha back. Every check runs before anything
//! moves, so a failing call changes nothing.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance, ROOT_NETUID};
use alloc::vec::Vec;
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{
        fungible::Inspect,
        tokens::{Fortitude, Preservation},
    },
};
use substrate_fixed::types::U64F64;
use tensorchain_swap::{interface::SwapHandler, pool::fee_for};

/// The smallest stake operation: 0.002 TAO.
pub const DEFAULT_MIN_STAKE: TaoBalance = 2_000_000;
/// Limit prices that never bind (rao per alpha).
pub const NO_BUY_LIMIT: u64 = u64::MAX;
pub const NO_SELL_LIMIT: u64 = 0;

impl<T: Config> Pallet<T> {
    /// Whether a hotkey exists (has an owner).
    pub fn hotkey_account_exists(hotkey: &T::AccountId) -> bool {
        Owner::<T>::contains_key(hotkey)
    }

    /// Whether `hotkey` exists and belongs to `coldkey`.
    pub fn is_hotkey_owner(coldkey: &T::AccountId, hotkey: &T::AccountId) -> bool {
        Self::hotkey_account_exists(hotkey) && Owner::<T>::get(hotkey) == *coldkey
    }

    /// Whether staking is open on `netuid`: root always, other subnets after `start_call`.
    pub fn subtoken_enabled(netuid: NetUid) -> bool {
        netuid == ROOT_NETUID || SubtokenEnabled::<T>::get(netuid)
    }

    fn spendable(coldkey: &T::AccountId) -> TaoBalance {
        <T::Currency as Inspect<T::AccountId>>::reducible_balance(coldkey, Preservation::Preserve, Fortitude::Polite)
    }

    /// The checks `add_stake` and its variants share (§4.2), in upstream's order.
    fn validate_add_stake(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        tao: TaoBalance,
    ) -> DispatchResult {
        let fee_rate_floor = fee_for(DEFAULT_MIN_STAKE, 33);
        ensure!(tao >= DEFAULT_MIN_STAKE.saturating_add(fee_rate_floor), Error::<T>::AmountTooLow);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(Self::subtoken_enabled(netuid), Error::<T>::SubtokenDisabled);
        ensure!(Self::spendable(coldkey) >= tao, Error::<T>::NotEnoughBalanceToStake);
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        Ok(())
    }

    /// `add_stake` and `add_stake_limit` once the amount is settled: buys alpha with `tao` at
    /// most up to `limit` and stakes it to (hotkey, coldkey). Returns the alpha staked.
    pub fn stake_into_subnet(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        tao: TaoBalance,
        limit: u64,
        drop_fees: bool,
    ) -> Result<AlphaBalance, DispatchError> {
        Self::stake_paid_by(coldkey, coldkey, hotkey, netuid, tao, limit, drop_fees, Preservation::Preserve)
    }

    /// Buys alpha with `payer`'s TAO and stakes it to (hotkey, coldkey).
    #[allow(clippy::too_many_arguments)]
    pub fn stake_paid_by(
        payer: &T::AccountId,
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        tao: TaoBalance,
        limit: u64,
        drop_fees: bool,
        preservation: Preservation,
    ) -> Result<AlphaBalance, DispatchError> {
        let sim = Self::sim_buy(netuid, tao, limit, drop_fees)?;
        ensure!(sim.amount_paid_in.saturating_sub(sim.fee) >= DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        ensure!(sim.amount_out > 0, Error::<T>::AmountTooLow);
        let result = Self::buy_alpha(payer, netuid, tao, limit, drop_fees, preservation)?;
        Self::increase_alpha_stake(hotkey, coldkey, netuid, result.amount_out);
        Self::refresh_lock(coldkey, netuid);
        LastColdkeyHotkeyStakeBlock::<T>::insert(coldkey, hotkey, Self::current_block());
        Self::deposit_event(Event::StakeAdded(
            coldkey.clone(),
            hotkey.clone(),
            result.amount_paid_in,
            result.amount_out,
            netuid,
            result.fee,
        ));
        Ok(result.amount_out)
    }

    /// `add_stake` (§4.3).
    pub fn do_add_stake(coldkey: T::AccountId, hotkey: T::AccountId, netuid: NetUid, tao: TaoBalance) -> DispatchResult {
        Self::validate_add_stake(&coldkey, &hotkey, netuid, tao)?;
        Self::stake_into_subnet(&coldkey, &hotkey, netuid, tao, NO_BUY_LIMIT, false).map(|_| ())
    }

    /// `add_stake_limit` (§4.3): at most what keeps the price at or below `limit`; all or
    /// nothing unless `allow_partial`.
    pub fn do_add_stake_limit(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        tao: TaoBalance,
        limit: u64,
        allow_partial: bool,
    ) -> DispatchResult {
        Self::validate_add_stake(&coldkey, &hotkey, netuid, tao)?;
        let max = T::SwapInterface::max_amount_add(netuid, limit).map_err(Error::<T>::from)?;
        ensure!(max > 0, Error::<T>::ZeroMaxStakeAmount);
        ensure!(allow_partial || tao <= max, Error::<T>::SlippageTooHigh);
        if Owner::<T>::get(&hotkey) != coldkey && !Delegates::<T>::contains_key(&hotkey) {
            Delegates::<T>::insert(&hotkey, MaxDelegateTake::<T>::get());
        }
        Self::stake_into_subnet(&coldkey, &hotkey, netuid, tao.min(max), limit, false).map(|_| ())
    }

    /// The checks an unstake of `alpha` shares (§4.2); returns the alpha actually held.
    fn validate_remove_stake(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        alpha: AlphaBalance,
    ) -> Result<AlphaBalance, DispatchError> {
        ensure!(alpha > 0, Error::<T>::AmountTooLow);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(Self::subtoken_enabled(netuid), Error::<T>::SubtokenDisabled);
        ensure!(Self::hotkey_account_exists(hotkey), Error::<T>::HotKeyAccountNotExists);
        let held = Self::alpha_stake(hotkey, coldkey, netuid);
        ensure!(held > 0, Error::<T>::NotEnoughStakeToWithdraw);
        Self::ensure_unlocked(coldkey, netuid, alpha.min(held))?;
        Ok(held)
    }

    /// Sells `alpha` of (hotkey, coldkey)'s stake (capped at what it holds) at `limit`, all or
    /// nothing unless `allow_partial`, paying the TAO to the coldkey. Returns the TAO paid.
    pub fn unstake_from_subnet(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        alpha: AlphaBalance,
        limit: u64,
        drop_fees: bool,
    ) -> Result<TaoBalance, DispatchError> {
        let held = Self::validate_remove_stake(coldkey, hotkey, netuid, alpha)?;
        let alpha = alpha.min(held);
        let sim = Self::sim_sell(netuid, alpha, limit, drop_fees)?;
        // A position that stays open must be worth the minimum stake.
        if sim.amount_paid_in < held {
            ensure!(sim.amount_out >= DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        }
        let taken = Self::decrease_alpha_stake(hotkey, coldkey, netuid, sim.amount_paid_in);
        let (result, fee_tao) = Self::sell_alpha(coldkey, netuid, taken, limit, drop_fees)?;
        Self::refresh_lock(coldkey, netuid);
        LastColdkeyHotkeyStakeBlock::<T>::insert(coldkey, hotkey, Self::current_block());
        Self::deposit_stake_removed(coldkey, hotkey, netuid, &result, fee_tao);
        Self::clear_small_nomination(coldkey, hotkey, netuid)?;
        Ok(result.amount_out)
    }

    /// `StakeRemoved(coldkey, hotkey, tao out, alpha sold, netuid, fee in TAO)`.
    fn deposit_stake_removed(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        sale: &tensorchain_swap::pool::SwapResult,
        fee_tao: TaoBalance,
    ) {
        Self::deposit_event(Event::StakeRemoved(
            coldkey.clone(),
            hotkey.clone(),
            sale.amount_out,
            sale.amount_paid_in,
            netuid,
            fee_tao,
        ));
    }

    /// `NominatorMinRequiredStake` in rao: the stored value is a per-million factor of
    /// `DefaultMinStake` (`staking-2.md` §8.1), computed in u128 so large factors cannot wrap.
    pub fn nominator_min_stake_rao() -> u128 {
        u128::from(DEFAULT_MIN_STAKE).saturating_mul(u128::from(NominatorMinRequiredStake::<T>::get())) / 1_000_000
    }

    /// The nominator minimum (`staking-2.md` §8.1): a nominator (not the hotkey's owner)
    /// holding less alpha than the minimum is worth at the spot price is unstaked entirely, at
    /// the minimum price with fees, the TAO going to the coldkey. If that sale fails the alpha
    /// is removed from the pool without TAO, so a small position can never stay behind.
    pub fn clear_small_nomination(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid) -> DispatchResult {
        if Owner::<T>::get(hotkey) == *coldkey {
            return Ok(());
        }
        let min_rao = Self::nominator_min_stake_rao();
        if min_rao == 0 {
            return Ok(());
        }
        let alpha = Self::alpha_stake(hotkey, coldkey, netuid);
        let price = Self::spot_price(netuid);
        let min_alpha = if price == U64F64::from_num(0) {
            0u128
        } else {
            U64F64::saturating_from_num(min_rao)
                .checked_div(price)
                .map_or(u128::MAX, |m| m.saturating_to_num::<u128>())
        };
        if alpha == 0 || u128::from(alpha) >= min_alpha {
            return Ok(());
        }
        let taken = Self::decrease_alpha_stake(hotkey, coldkey, netuid, alpha);
        let sale = frame_support::storage::with_transaction(|| {
            match Self::sell_alpha(coldkey, netuid, taken, NO_SELL_LIMIT, false) {
                Ok(done) => frame_support::storage::TransactionOutcome::Commit(Ok(done)),
                Err(e) => frame_support::storage::TransactionOutcome::Rollback(Err(e)),
            }
        });
        match sale {
            Ok((result, fee_tao)) => Self::deposit_stake_removed(coldkey, hotkey, netuid, &result, fee_tao),
            Err(_) => SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(taken)),
        }
        // The sweep is not held back by a lock: the lock shrinks with it.
        Self::force_reduce_lock(coldkey, netuid, taken);
        Ok(())
    }

    /// `sudo_set_nominator_min_required_stake` (`staking-2.md` §8.1): stores the new factor
    /// and, when the new raw factor exceeds the old minimum in rao (upstream's comparison of
    /// the two units, kept as is), clears every small nomination on every subnet.
    pub fn set_nominator_min_required_stake(factor: u64) {
        let previous = Self::nominator_min_stake_rao();
        NominatorMinRequiredStake::<T>::put(factor);
        if u128::from(factor) <= previous {
            return;
        }
        let positions: Vec<(T::AccountId, T::AccountId, NetUid)> = Alpha::<T>::iter_keys().collect();
        for (hotkey, coldkey, netuid) in positions {
            // Each clearing stands alone: one that fails leaves the others.
            let _ = Self::clear_small_nomination(&coldkey, &hotkey, netuid);
        }
    }

    /// `remove_stake` (§4.3).
    pub fn do_remove_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        alpha: AlphaBalance,
    ) -> DispatchResult {
        Self::unstake_from_subnet(&coldkey, &hotkey, netuid, alpha, NO_SELL_LIMIT, false)?;
        Self::drop_pending_children_below_threshold(&hotkey);
        Ok(())
    }

    /// `remove_stake_limit` (§4.3).
    pub fn do_remove_stake_limit(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        alpha: AlphaBalance,
        limit: u64,
        allow_partial: bool,
    ) -> DispatchResult {
        let held = Self::validate_remove_stake(&coldkey, &hotkey, netuid, alpha)?;
        let alpha = alpha.min(held);
        let max = T::SwapInterface::max_amount_remove(netuid, limit).map_err(Error::<T>::from)?;
        ensure!(max > 0, Error::<T>::ZeroMaxStakeAmount);
        ensure!(allow_partial || alpha <= max, Error::<T>::SlippageTooHigh);
        Self::unstake_from_subnet(&coldkey, &hotkey, netuid, alpha.min(max), limit, false)?;
        Self::drop_pending_children_below_threshold(&hotkey);
        Ok(())
    }

    /// `remove_stake_full_limit` (§4.3): the whole position; with a limit, fill or kill.
    pub fn do_remove_stake_full_limit(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        netuid: NetUid,
        limit: Option<u64>,
    ) -> DispatchResult {
        let held = Self::alpha_stake(&hotkey, &coldkey, netuid);
        match limit {
            Some(limit) => Self::do_remove_stake_limit(coldkey, hotkey, netuid, held, limit, false),
            None => Self::do_remove_stake(coldkey, hotkey, netuid, held),
        }
    }

    /// The subnets where (hotkey, coldkey) holds stake, root first.
    pub fn staked_netuids(hotkey: &T::AccountId, coldkey: &T::AccountId) -> Vec<NetUid> {
        let mut netuids: Vec<NetUid> =
            Alpha::<T>::iter_key_prefix((hotkey, coldkey)).collect();
        netuids.sort();
        netuids
    }

    /// `unstake_all` (§4.3): every position of the coldkey on `hotkey` that can be sold.
    pub fn do_unstake_all(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
        ensure!(Self::hotkey_account_exists(&hotkey), Error::<T>::HotKeyAccountNotExists);
        for netuid in Self::staked_netuids(&hotkey, &coldkey) {
            if !Self::subtoken_enabled(netuid) {
                continue;
            }
            let held = Self::alpha_stake(&hotkey, &coldkey, netuid);
            if held == 0 {
                continue;
            }
            // A position the pool cannot take (too small, reserves too low) stays.
            let _ = frame_support::storage::with_storage_layer(|| {
                Self::unstake_from_subnet(&coldkey, &hotkey, netuid, held, NO_SELL_LIMIT, false)
            });
        }
        Ok(())
    }

    /// `unstake_all_alpha` (§4.3): sells every non-root position on `hotkey` and stakes the
    /// TAO on root to the same hotkey.
    pub fn do_unstake_all_alpha(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
        ensure!(Self::hotkey_account_exists(&hotkey), Error::<T>::HotKeyAccountNotExists);
        let mut total: TaoBalance = 0;
        for netuid in Self::staked_netuids(&hotkey, &coldkey) {
            if netuid == ROOT_NETUID || !Self::subtoken_enabled(netuid) {
                continue;
            }
            let held = Self::alpha_stake(&hotkey, &coldkey, netuid);
            if held == 0 {
                continue;
            }
            if let Ok(tao) = frame_support::storage::with_storage_layer(|| {
                Self::unstake_from_subnet(&coldkey, &hotkey, netuid, held, NO_SELL_LIMIT, false)
            }) {
                total = total.saturating_add(tao);
            }
        }
        if total >= DEFAULT_MIN_STAKE {
            Self::stake_into_subnet(&coldkey, &hotkey, ROOT_NETUID, total, NO_BUY_LIMIT, false)?;
        }
        Ok(())
    }
}
