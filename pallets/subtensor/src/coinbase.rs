//! The block step (`economics.md` §2.1): each block reveals the timelocked weight commits
//! whose drand pulse has arrived (`timelocked`), mints the halving emission, shares it
//! across eligible subnets by moving price, injects TAO and alpha into their pools (buying
//! alpha with TAO beyond the root-proportion cap), splits each subnet's alpha emission into
//! the pending buckets, runs the due epochs, and finally moves the EMA prices. The math is
//! `tensorchain_economics::coinbase`; this module applies it to storage.

use crate::{pallet::*, NetUid, TaoBalance, WeightInfo, ROOT_NETUID};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::Weight, traits::Get};
use substrate_fixed::types::{I64F64, I96F32, U96F32};
use tensorchain_economics::coinbase::{emission_shares, root_proportion, split_alpha_out, subnet_terms, unsigned, ShareInput};
use tensorchain_swap::{
    interface::SwapHandler,
    moving::update_moving_price,
};

impl<T: Config> Pallet<T> {
    /// The subnets that receive emission (§2.2): started, subtoken on, registration allowed.
    pub fn subnets_to_emit_to() -> Vec<NetUid> {
        Self::added_netuids()
            .into_iter()
            .filter(|n| {
                *n != ROOT_NETUID
                    && FirstEmissionBlockNumber::<T>::get(n).is_some()
                    && SubtokenEnabled::<T>::get(n)
                    && NetworkRegistrationAllowed::<T>::get(n)
            })
            .collect()
    }

    /// A subnet's moving price as the coinbase uses it (1 for a stable subnet).
    fn moving_price(netuid: NetUid) -> U96F32 {
        if SubnetMechanism::<T>::get(netuid) == 0 {
            U96F32::from_num(1)
        } else {
            unsigned(SubnetMovingPrice::<T>::get(netuid))
        }
    }

    fn root_prop(netuid: NetUid) -> U96F32 {
        let issuance = SubnetAlphaIn::<T>::get(netuid).saturating_add(SubnetAlphaOut::<T>::get(netuid));
        root_proportion(TaoWeight::<T>::get(), SubnetTAO::<T>::get(ROOT_NETUID), issuance)
    }

    /// The whole block step; returns its weight.
    pub fn block_step(now: u64) -> Weight {
        let db = T::DbWeight::get();
        let plan = Self::epoch_plan(now);
        let mut weight = Self::prune_hotkey_swap_records(now);
        // Timelocked commits whose pulse arrived, before this block's epochs (§2.1 step 3).
        weight = weight.saturating_add(Self::reveal_timelocked_commits(&plan));
        let emit_to = Self::subnets_to_emit_to();
        weight = weight.saturating_add(Self::run_coinbase(&emit_to));
        weight = weight.saturating_add(Self::run_epochs(now, &plan));
        // After the epochs: a child list applies from the epoch after the one it waited for.
        weight = weight.saturating_add(Self::apply_pending_children(now));
        for netuid in &emit_to {
            Self::update_moving_price_of(*netuid, now);
            Self::update_tao_flow_ema(*netuid, now);
        }
        // The moving prices and flow EMAs (not part of the coinbase benchmark).
        weight = weight.saturating_add(db.reads_writes(7, 3).saturating_mul(u64::try_from(emit_to.len()).unwrap_or(u64::MAX)));
        weight.saturating_add(Self::auto_claim_root())
    }

    /// §2.2–§2.5 for the eligible subnets.
    pub fn run_coinbase(emit_to: &[NetUid]) -> Weight {
        let emission = U96F32::from_num(Self::block_emission());
        let inputs: Vec<ShareInput> = emit_to
            .iter()
            .map(|n| ShareInput {
                moving_price: Self::moving_price(*n),
                miner_burned: MinerBurned::<T>::get(n),
                emission_enabled: SubnetEmissionEnabled::<T>::get(n),
            })
            .collect();
        let shares = emission_shares(&inputs);
        let price_sum = inputs.iter().fold(U96F32::from_num(0), |a, i| a.saturating_add(i.moving_price));
        let root_sell = price_sum > U96F32::from_num(1);

        for (netuid, share) in emit_to.iter().zip(shares.iter()) {
            let netuid = *netuid;
            let rp = Self::root_prop(netuid);
            RootProp::<T>::insert(netuid, rp);
            let price = U96F32::from_num(T::SwapInterface::current_price(netuid));
            let terms = subnet_terms(emission.saturating_mul(*share), Self::alpha_block_emission(netuid), price, rp);
            Self::inject_and_buy(
                netuid,
                terms.tao_in.saturating_to_num::<u64>(),
                terms.alpha_in.saturating_to_num::<u64>(),
                terms.excess_tao.saturating_to_num::<u64>(),
            );
            Self::emit_alpha_out(netuid, terms.alpha_out.saturating_to_num::<u64>(), rp, root_sell);
        }
        T::WeightInfo::coinbase(u32::try_from(emit_to.len()).unwrap_or(u32::MAX))
    }

    /// §2.4: re-weight the pool for the injection, buy alpha with the excess TAO for the
    /// protocol, then add the injected reserves. TAO is minted only where it is spent.
    fn inject_and_buy(netuid: NetUid, tao_in: TaoBalance, alpha_in: u64, excess: TaoBalance) {
        // Nothing to inject: leave the weights alone rather than re-round them every block.
        let (tao_in, alpha_in) = if tao_in == 0 && alpha_in == 0 {
            (0, 0)
        } else {
            T::SwapInterface::adjust_protocol_liquidity(netuid, tao_in, alpha_in)
        };
        SubnetExcessTao::<T>::insert(netuid, 0);
        SubnetTaoInEmission::<T>::insert(netuid, 0);
        let account = Self::subnet_account(netuid);
        if excess > 0 {
            let minted = Self::mint_tao_into(&account, excess);
            TotalStake::<T>::mutate(|s| *s = s.saturating_add(minted));
            if let Ok(bought) =
                T::SwapInterface::swap(netuid, tensorchain_swap::pool::Side::Buy, minted, u64::MAX, true)
            {
                SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(bought.amount_paid_in));
                SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_sub(bought.amount_out));
                SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_add(bought.amount_out));
                SubnetProtocolAlpha::<T>::mutate(netuid, |a| *a = a.saturating_add(bought.amount_out));
                SubnetExcessTao::<T>::insert(netuid, bought.amount_paid_in);
            } else {
                // The pool cannot trade: the TAO joins its reserve instead.
                SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(minted));
            }
        }
        SubnetAlphaInEmission::<T>::insert(netuid, alpha_in);
        SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_add(alpha_in));
        if tao_in > 0 {
            let minted = Self::mint_tao_into(&account, tao_in);
            SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(minted));
            TotalStake::<T>::mutate(|s| *s = s.saturating_add(minted));
            SubnetTaoInEmission::<T>::insert(netuid, minted);
        }
    }

    /// §2.5: the alpha emission into the owner, miner, validator and root buckets; root's
    /// share is recycled when the moving prices sum to 1 or less.
    fn emit_alpha_out(netuid: NetUid, alpha_out: u64, rp: U96F32, root_sell: bool) {
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_add(alpha_out));
        SubnetAlphaOutEmission::<T>::insert(netuid, alpha_out);
        let cut = OwnerCutEnabled::<T>::get(netuid).then(SubnetOwnerCut::<T>::get);
        let split = split_alpha_out(U96F32::from_num(alpha_out), cut, rp);
        let owner = split.owner_cut.saturating_to_num::<u64>();
        let server = split.server.saturating_to_num::<u64>();
        let root = split.root.saturating_to_num::<u64>();
        // The validators get what the floors leave, so the buckets add up to alpha_out.
        let validator = alpha_out.saturating_sub(owner).saturating_sub(server).saturating_sub(root);
        PendingOwnerCut::<T>::mutate(netuid, |p| *p = p.saturating_add(owner));
        PendingServerEmission::<T>::mutate(netuid, |p| *p = p.saturating_add(server));
        PendingValidatorEmission::<T>::mutate(netuid, |p| *p = p.saturating_add(validator));
        if root_sell {
            PendingRootAlphaDivs::<T>::mutate(netuid, |p| *p = p.saturating_add(root));
        } else {
            SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(root));
        }
    }

    /// The EMA of the subnet's net TAO flow per block, as upstream's flow model keeps it:
    /// `ema ← (1 − a)·ema + a·flow` with `a = FlowEmaSmoothingFactor / i64::MAX`, once per
    /// block, after which the block's flow restarts from zero. The first value is
    /// `min(moving price, spot price)`, as upstream initialises it. Upstream no longer shares
    /// emission by flow; the EMA is kept because btcli shows it.
    fn update_tao_flow_ema(netuid: NetUid, now: u64) {
        let flow = I64F64::saturating_from_num(SubnetTaoFlow::<T>::take(netuid));
        let next = match SubnetEmaTaoFlow::<T>::get(netuid) {
            Some((block, ema)) if block == now => ema,
            Some((_, ema)) => {
                let a = I64F64::saturating_from_num(FlowEmaSmoothingFactor::<T>::get())
                    .checked_div(I64F64::saturating_from_num(i64::MAX))
                    .unwrap_or_default();
                I64F64::saturating_from_num(1).saturating_sub(a).saturating_mul(ema).saturating_add(a.saturating_mul(flow))
            },
            None => {
                let moving = I64F64::saturating_from_num(SubnetMovingPrice::<T>::get(netuid));
                let spot = I64F64::saturating_from_num(T::SwapInterface::current_price(netuid));
                moving.min(spot)
            },
        };
        SubnetEmaTaoFlow::<T>::insert(netuid, (now, next));
    }

    /// §3.6: the EMA of the spot price (capped at 1), faster as the subnet ages.
    fn update_moving_price_of(netuid: NetUid, now: u64) {
        let first = FirstEmissionBlockNumber::<T>::get(netuid).unwrap_or(now);
        let blocks = now.saturating_sub(first.saturating_sub(1));
        let spot = T::SwapInterface::current_price(netuid);
        let spot = I96F32::from_bits(i128::try_from(spot.to_bits() >> 32).unwrap_or(i128::MAX));
        let next = update_moving_price(
            SubnetMovingPrice::<T>::get(netuid),
            spot,
            SubnetMovingAlpha::<T>::get(),
            blocks,
            EMAPriceHalvingBlocks::<T>::get(netuid),
        );
        SubnetMovingPrice::<T>::insert(netuid, next);
    }
}
