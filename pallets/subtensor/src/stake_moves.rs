//! Moving stake (`economics.md` §4.3): between hotkeys (`move_stake`), to another coldkey
//! (`transfer_stake`) and between subnets (`swap_stake`, `swap_stake_limit`).
//!
//! Within one subnet shares are re-assigned: no swap, no fee. Across subnets the alpha is
//! sold on the origin and the TAO bought into the destination, paying exactly one fee: the
//! origin's sell fee, or the destination's buy fee when the origin is root (which has none).

use crate::{
    pallet::*,
    stake_calls::{DEFAULT_MIN_STAKE, NO_BUY_LIMIT, NO_SELL_LIMIT},
    AlphaBalance, NetUid, TaoBalance, ROOT_NETUID,
};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::tokens::Preservation,
};
use substrate_fixed::types::U64F64;
use tensorchain_swap::interface::SwapHandler;

/// Who gives and who receives stake in a move.
pub struct StakeTransition<'a, AccountId> {
    pub origin_coldkey: &'a AccountId,
    pub destination_coldkey: &'a AccountId,
    pub origin_hotkey: &'a AccountId,
    pub destination_hotkey: &'a AccountId,
    pub origin_netuid: NetUid,
    pub destination_netuid: NetUid,
}

impl<T: Config> Pallet<T> {
    /// Validates and performs a move of `alpha`; returns its value in TAO.
    pub fn transition_stake(t: StakeTransition<'_, T::AccountId>, alpha: AlphaBalance) -> Result<TaoBalance, DispatchError> {
        ensure!(alpha > 0, Error::<T>::AmountTooLow);
        ensure!(
            Self::if_subnet_exist(t.origin_netuid) && Self::if_subnet_exist(t.destination_netuid),
            Error::<T>::SubnetNotExists
        );
        ensure!(
            Self::subtoken_enabled(t.origin_netuid) && Self::subtoken_enabled(t.destination_netuid),
            Error::<T>::SubtokenDisabled
        );
        ensure!(
            Self::hotkey_account_exists(t.origin_hotkey) && Self::hotkey_account_exists(t.destination_hotkey),
            Error::<T>::HotKeyAccountNotExists
        );
        let held = Self::alpha_stake(t.origin_hotkey, t.origin_coldkey, t.origin_netuid);
        ensure!(held >= alpha, Error::<T>::NotEnoughStakeToWithdraw);

        if t.origin_netuid == t.destination_netuid {
            let value = Self::spot_price(t.origin_netuid).saturating_mul(U64F64::from_num(alpha));
            ensure!(value >= U64F64::from_num(DEFAULT_MIN_STAKE), Error::<T>::AmountTooLow);
            // Within a subnet a lock is per coldkey, not per hotkey: it only follows stake
            // that changes coldkey.
            Self::transfer_lock(t.origin_coldkey, t.destination_coldkey, t.origin_netuid, alpha)?;
            let taken = Self::decrease_alpha_stake(t.origin_hotkey, t.origin_coldkey, t.origin_netuid, alpha);
            Self::increase_alpha_stake(t.destination_hotkey, t.destination_coldkey, t.destination_netuid, taken);
            return Ok(value.saturating_to_num::<u64>());
        }

        Self::ensure_unlocked(t.origin_coldkey, t.origin_netuid, alpha)?;
        let sim = Self::sim_sell(t.origin_netuid, alpha, NO_SELL_LIMIT, false)?;
        ensure!(sim.amount_paid_in == alpha, Error::<T>::InsufficientLiquidity);
        ensure!(sim.amount_out > DEFAULT_MIN_STAKE, Error::<T>::AmountTooLow);
        let buy_fee_dropped = t.origin_netuid != ROOT_NETUID;
        Self::sim_buy(t.destination_netuid, sim.amount_out, NO_BUY_LIMIT, buy_fee_dropped)?;

        let taken = Self::decrease_alpha_stake(t.origin_hotkey, t.origin_coldkey, t.origin_netuid, alpha);
        let (sold, _) = Self::sell_alpha(t.origin_coldkey, t.origin_netuid, taken, NO_SELL_LIMIT, false)?;
        let tao = sold.amount_out;
        // The origin coldkey received the TAO and pays it straight back in: its balance ends
        // where it began, so it need not stay alive in between.
        let bought = Self::buy_alpha(
            t.origin_coldkey,
            t.destination_netuid,
            tao,
            NO_BUY_LIMIT,
            buy_fee_dropped,
            Preservation::Expendable,
        )?;
        Self::increase_alpha_stake(t.destination_hotkey, t.destination_coldkey, t.destination_netuid, bought.amount_out);
        Self::refresh_lock(t.origin_coldkey, t.origin_netuid);
        Self::refresh_lock(t.destination_coldkey, t.destination_netuid);
        Ok(tao)
    }

    /// `move_stake`: same coldkey, another hotkey and/or subnet.
    pub fn do_move_stake(
        coldkey: T::AccountId,
        origin_hotkey: T::AccountId,
        destination_hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: AlphaBalance,
    ) -> DispatchResult {
        let tao = Self::transition_stake(
            StakeTransition {
                origin_coldkey: &coldkey,
                destination_coldkey: &coldkey,
                origin_hotkey: &origin_hotkey,
                destination_hotkey: &destination_hotkey,
                origin_netuid,
                destination_netuid,
            },
            alpha,
        )?;
        Self::deposit_event(Event::StakeMoved(
            coldkey,
            origin_hotkey,
            origin_netuid,
            destination_hotkey,
            destination_netuid,
            tao,
        ));
        Ok(())
    }

    /// `transfer_stake`: the stake changes coldkey (both subnets must allow transfers).
    pub fn do_transfer_stake(
        origin_coldkey: T::AccountId,
        destination_coldkey: T::AccountId,
        hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: AlphaBalance,
    ) -> DispatchResult {
        ensure!(
            TransferToggle::<T>::get(origin_netuid) && TransferToggle::<T>::get(destination_netuid),
            Error::<T>::TransferDisallowed
        );
        let tao = Self::transition_stake(
            StakeTransition {
                origin_coldkey: &origin_coldkey,
                destination_coldkey: &destination_coldkey,
                origin_hotkey: &hotkey,
                destination_hotkey: &hotkey,
                origin_netuid,
                destination_netuid,
            },
            alpha,
        )?;
        Self::deposit_event(Event::StakeTransferred(
            origin_coldkey,
            destination_coldkey,
            hotkey,
            origin_netuid,
            destination_netuid,
            tao,
        ));
        Ok(())
    }

    /// `swap_stake` and `swap_stake_limit`: same hotkey and coldkey, another subnet. With a
    /// limit on `P_origin/P_destination`, at most what keeps the ratio above it moves.
    pub fn do_swap_stake(
        coldkey: T::AccountId,
        hotkey: T::AccountId,
        origin_netuid: NetUid,
        destination_netuid: NetUid,
        alpha: AlphaBalance,
        limit: Option<(u64, bool)>,
    ) -> DispatchResult {
        ensure!(origin_netuid != destination_netuid, Error::<T>::SameNetuid);
        let alpha = match limit {
            Some((limit, allow_partial)) => {
                let max = T::SwapInterface::max_amount_move(origin_netuid, destination_netuid, limit);
                ensure!(max > 0, Error::<T>::ZeroMaxStakeAmount);
                ensure!(allow_partial || alpha <= max, Error::<T>::SlippageTooHigh);
                alpha.min(max)
            },
            None => alpha,
        };
        let tao = Self::transition_stake(
            StakeTransition {
                origin_coldkey: &coldkey,
                destination_coldkey: &coldkey,
                origin_hotkey: &hotkey,
                destination_hotkey: &hotkey,
                origin_netuid,
                destination_netuid,
            },
            alpha,
        )?;
        Self::deposit_event(Event::StakeSwapped(coldkey, hotkey, origin_netuid, destination_netuid, tao));
        Ok(())
    }
}
