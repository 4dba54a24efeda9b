//! Trading against a subnet's pool (`economics.md` §3.3 step 4–5): the Swap pallet computes a
//! swap; this module moves the tokens and applies it to the reserves, keeping `TotalStake`
//! equal to the TAO in subnet accounts. Fees go to the block author: a buy's TAO fee is paid
//! out of the subnet account; a sell's alpha fee is sold with no fee and its TAO paid out.
//! Without a known author, TAO fees go to the burn account and alpha fees are destroyed.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance};
use frame_support::{
    pallet_prelude::{DispatchError, DispatchResult},
    traits::{
        fungible::Mutate,
        tokens::Preservation,
        Get,
    },
};
use sp_runtime::traits::AccountIdConversion;
use substrate_fixed::types::U64F64;
use tensorchain_swap::{
    interface::{SubnetReserves, SwapHandler},
    pool::{Side, SwapError, SwapResult},
};

impl<T: Config> SubnetReserves for Pallet<T> {
    fn exists(netuid: NetUid) -> bool {
        NetworksAdded::<T>::get(netuid)
    }
    fn is_stable(netuid: NetUid) -> bool {
        SubnetMechanism::<T>::get(netuid) == 0
    }
    fn tao_reserve(netuid: NetUid) -> u64 {
        SubnetTAO::<T>::get(netuid)
    }
    fn alpha_reserve(netuid: NetUid) -> u64 {
        SubnetAlphaIn::<T>::get(netuid)
    }
}

impl<T: Config> From<SwapError> for Error<T> {
    fn from(e: SwapError) -> Self {
        match e {
            SwapError::PriceLimitExceeded => Error::<T>::PriceLimitExceeded,
            SwapError::ReservesTooLow => Error::<T>::ReservesTooLow,
            SwapError::SwapInputTooLarge => Error::<T>::SwapInputTooLarge,
            SwapError::InsufficientLiquidity => Error::<T>::InsufficientLiquidity,
            SwapError::Overflow => Error::<T>::Overflow,
        }
    }
}

impl<T: Config> Pallet<T> {
    /// The spot price in TAO per alpha (1 on root).
    pub fn spot_price(netuid: NetUid) -> U64F64 {
        T::SwapInterface::current_price(netuid)
    }

    /// Where swap fees go when the block has no known author.
    pub fn burn_account() -> T::AccountId {
        T::BurnPalletId::get().into_account_truncating()
    }

    fn fee_recipient() -> T::AccountId {
        T::BlockAuthor::get().unwrap_or_else(Self::burn_account)
    }

    /// Pays `tao` out of a subnet account, lowering `TotalStake` with it.
    fn pay_out(netuid: NetUid, to: &T::AccountId, tao: TaoBalance) -> DispatchResult {
        if tao == 0 {
            return Ok(());
        }
        <T::Currency as Mutate<T::AccountId>>::transfer(&Self::subnet_account(netuid), to, tao, Preservation::Expendable)
            .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        TotalStake::<T>::mutate(|s| *s = s.saturating_sub(tao));
        Ok(())
    }

    /// Takes `tao` from `payer` into a subnet account.
    fn pay_in(netuid: NetUid, payer: &T::AccountId, tao: TaoBalance, preservation: Preservation) -> DispatchResult {
        if tao == 0 {
            return Ok(());
        }
        <T::Currency as Mutate<T::AccountId>>::transfer(payer, &Self::subnet_account(netuid), tao, preservation)
            .map_err(|_| Error::<T>::BalanceWithdrawalError)?;
        TotalStake::<T>::mutate(|s| *s = s.saturating_add(tao));
        Ok(())
    }

    /// A buy as it would execute now, mapped to the pallet's errors.
    pub fn sim_buy(netuid: NetUid, tao: TaoBalance, limit: u64, drop_fees: bool) -> Result<SwapResult, Error<T>> {
        T::SwapInterface::sim_swap(netuid, Side::Buy, tao, limit, drop_fees).map_err(Into::into)
    }

    /// A sell as it would execute now, mapped to the pallet's errors.
    pub fn sim_sell(netuid: NetUid, alpha: AlphaBalance, limit: u64, drop_fees: bool) -> Result<SwapResult, Error<T>> {
        T::SwapInterface::sim_swap(netuid, Side::Sell, alpha, limit, drop_fees).map_err(Into::into)
    }

    /// Adds a stake's TAO (negative for an unstake) to the subnet's flow of this block.
    fn record_tao_flow(netuid: NetUid, tao: i64) {
        // Root's 1:1 pool has no price to follow and no EMA.
        if netuid != crate::ROOT_NETUID {
            SubnetTaoFlow::<T>::mutate(netuid, |flow| *flow = flow.saturating_add(tao));
        }
    }

    /// Buys alpha with up to `tao` of `payer`'s TAO (less on a partial fill at `limit`):
    /// the TAO paid enters the pool, the fee goes to the author, the alpha leaves the pool
    /// (the caller credits it to a stake). Returns the swap's result. `preservation` says
    /// whether the payer must stay alive: moves re-stake TAO the payer just received.
    pub fn buy_alpha(
        payer: &T::AccountId,
        netuid: NetUid,
        tao: TaoBalance,
        limit: u64,
        drop_fees: bool,
        preservation: Preservation,
    ) -> Result<SwapResult, DispatchError> {
        let result = T::SwapInterface::swap(netuid, Side::Buy, tao, limit, drop_fees).map_err(Error::<T>::from)?;
        Self::pay_in(netuid, payer, result.amount_paid_in, preservation)?;
        let net = result.amount_paid_in.saturating_sub(result.fee);
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(net));
        if SubnetMechanism::<T>::get(netuid) != 0 {
            SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_sub(result.amount_out));
        }
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_add(result.amount_out));
        SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(result.amount_paid_in)));
        Self::record_tao_flow(netuid, i64::try_from(net).unwrap_or(i64::MAX));
        Self::pay_out(netuid, &Self::fee_recipient(), result.fee)?;
        Ok(result)
    }

    /// Sells up to `alpha` (less on a partial fill at `limit`) that the caller has already
    /// taken out of a stake, paying the TAO to `coldkey`. Returns the swap's result and the
    /// fee's value in TAO.
    pub fn sell_alpha(
        coldkey: &T::AccountId,
        netuid: NetUid,
        alpha: AlphaBalance,
        limit: u64,
        drop_fees: bool,
    ) -> Result<(SwapResult, TaoBalance), DispatchError> {
        let result = T::SwapInterface::swap(netuid, Side::Sell, alpha, limit, drop_fees).map_err(Error::<T>::from)?;
        let stable = SubnetMechanism::<T>::get(netuid) == 0;
        let net = result.amount_paid_in.saturating_sub(result.fee);
        if !stable {
            SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_add(net));
        }
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_sub(result.amount_out));
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(result.amount_paid_in));
        SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(result.amount_out)));
        Self::record_tao_flow(netuid, i64::try_from(result.amount_out).map_or(i64::MIN, |out| out.saturating_neg()));
        Self::pay_out(netuid, coldkey, result.amount_out)?;
        // The alpha fee: sold for the author without a fee, or destroyed if that fails.
        let mut fee_tao = 0;
        if result.fee > 0 {
            if let Some(author) = T::BlockAuthor::get() {
                if let Ok(fee_sale) = T::SwapInterface::swap(netuid, Side::Sell, result.fee, 0, true) {
                    SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_add(fee_sale.amount_paid_in));
                    SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_sub(fee_sale.amount_out));
                    Self::pay_out(netuid, &author, fee_sale.amount_out)?;
                    fee_tao = fee_sale.amount_out;
                }
            }
        }
        Ok((result, fee_tao))
    }
}
