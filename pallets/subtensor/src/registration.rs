//! Registering neurons by burn, uids, pruning and the registration price (`economics.md`
//! §5.1–§5.4, `yuma.md` §3.11).

use crate::{pallet::*, NetUid, TaoBalance, ROOT_NETUID};
use alloc::vec::Vec;
use frame_support::{
    ensure,
    pallet_prelude::{DispatchResult, Weight},
    traits::{
        fungible::Inspect,
        tokens::{Fortitude, Preservation},
        Get,
    },
};
use substrate_fixed::types::U64F64;
use tensorchain_economics::burn;
use tensorchain_swap::{interface::SwapHandler, pool::Side};

impl<T: Config> Pallet<T> {
    /// `burned_register`, `register` and `register_limit` (§5.1).
    pub fn do_burned_register(
        coldkey: T::AccountId,
        netuid: NetUid,
        hotkey: T::AccountId,
        limit_price: Option<TaoBalance>,
    ) -> DispatchResult {
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(NetworkRegistrationAllowed::<T>::get(netuid), Error::<T>::SubNetRegistrationDisabled);
        ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        let cost = Burn::<T>::get(netuid);
        if let Some(limit) = limit_price {
            ensure!(cost <= limit, Error::<T>::RegistrationPriceLimitExceeded);
        }
        let spendable = <T::Currency as Inspect<T::AccountId>>::reducible_balance(
            &coldkey,
            Preservation::Preserve,
            Fortitude::Polite,
        );
        ensure!(spendable >= cost, Error::<T>::NotEnoughBalanceToStake);
        if Owner::<T>::contains_key(&hotkey) {
            ensure!(Owner::<T>::get(&hotkey) == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let max_uids = MaxAllowedUids::<T>::get(netuid);
        ensure!(max_uids != 0, Error::<T>::SubnetMaxAllowedUidsZero);
        let now = Self::current_block();
        let replace = if SubnetworkN::<T>::get(netuid) >= max_uids {
            Some(Self::get_neuron_to_prune(netuid, now).ok_or(Error::<T>::NoNeuronIdAvailable)?)
        } else {
            None
        };

        // Payment: the TAO buys alpha from the pool, and that alpha is destroyed. The TAO
        // stays in the pool (its fee in the subnet account); issuance is unchanged.
        let paid = Self::transfer_tao(&coldkey, &Self::subnet_account(netuid), cost)?;
        Self::buy_and_burn_alpha(netuid, paid);
        RAORecycledForRegistration::<T>::mutate(netuid, |r| *r = r.saturating_add(paid));

        Self::create_account_if_non_existent(&coldkey, &hotkey);
        let uid = match replace {
            Some(uid) => {
                Self::replace_neuron(netuid, uid, &hotkey, now);
                uid
            },
            None => Self::append_neuron(netuid, &hotkey, now),
        };

        let next = Self::bumped_burn(netuid, cost);
        Burn::<T>::insert(netuid, next);
        RegistrationsThisBlock::<T>::mutate(netuid, |r| *r = r.saturating_add(1));
        Self::deposit_event(Event::NeuronRegistered(netuid, uid, hotkey));
        Ok(())
    }

    /// Buys alpha with `tao` at any price and destroys it (§5.1 step 4): the pool's TAO
    /// grows by the net amount and its alpha shrinks by what was bought; the fee stays in
    /// the subnet account. A pool too small to trade simply keeps the TAO.
    fn buy_and_burn_alpha(netuid: NetUid, tao: TaoBalance) {
        TotalStake::<T>::mutate(|s| *s = s.saturating_add(tao));
        match T::SwapInterface::swap(netuid, Side::Buy, tao, u64::MAX, false) {
            Ok(result) => {
                let net = result.amount_paid_in.saturating_sub(result.fee);
                SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(net));
                SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_sub(result.amount_out));
            },
            Err(_) => SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_add(tao)),
        }
    }

    /// `clamp(floor(burn·mult), MinBurn, MaxBurn)`.
    fn bumped_burn(netuid: NetUid, burn: TaoBalance) -> TaoBalance {
        let mult = BurnIncreaseMult::<T>::get(netuid);
        let bumped = U64F64::from_num(burn).saturating_mul(mult).saturating_to_num::<u64>();
        burn::clamp(bumped, MinBurn::<T>::get(netuid), MaxBurn::<T>::get(netuid))
    }

    /// Gives `hotkey` the next uid on `netuid` with default per-uid values.
    pub fn append_neuron(netuid: NetUid, hotkey: &T::AccountId, now: u64) -> u16 {
        let uid = SubnetworkN::<T>::get(netuid);
        Keys::<T>::insert(netuid, uid, hotkey.clone());
        Uids::<T>::insert(netuid, hotkey, uid);
        IsNetworkMember::<T>::insert(hotkey, netuid, true);
        BlockAtRegistration::<T>::insert(netuid, uid, now);
        SubnetworkN::<T>::insert(netuid, uid.saturating_add(1));
        Active::<T>::append(netuid, true);
        Emission::<T>::append(netuid, 0u64);
        Consensus::<T>::append(netuid, 0u16);
        Incentive::<T>::append(netuid, 0u16);
        Dividends::<T>::append(netuid, 0u16);
        ValidatorTrust::<T>::append(netuid, 0u16);
        ValidatorPermit::<T>::append(netuid, false);
        StakeWeight::<T>::append(netuid, 0u16);
        LastUpdate::<T>::append(netuid, now);
        uid
    }

    /// A new hotkey takes `uid` (`replace_neuron` + `clear_neuron`): the old hotkey leaves
    /// the subnet with its serving info; the uid's rows go, weights to it become zeros, and
    /// its per-uid outputs are zeroed. Stake is per hotkey and is not touched.
    pub fn replace_neuron(netuid: NetUid, uid: u16, new_hotkey: &T::AccountId, now: u64) {
        let old = Keys::<T>::get(netuid, uid);
        Uids::<T>::remove(netuid, &old);
        IsNetworkMember::<T>::remove(&old, netuid);
        Axons::<T>::remove(netuid, &old);
        Prometheus::<T>::remove(netuid, &old);
        NeuronCertificates::<T>::remove(netuid, &old);
        <T::Commitments as crate::commitments::SubnetCommitments<T::AccountId>>::on_deregistered(netuid, &old);

        Keys::<T>::insert(netuid, uid, new_hotkey.clone());
        Uids::<T>::insert(netuid, new_hotkey, uid);
        IsNetworkMember::<T>::insert(new_hotkey, netuid, true);
        BlockAtRegistration::<T>::insert(netuid, uid, now);

        Weights::<T>::remove(netuid, uid);
        Bonds::<T>::remove(netuid, uid);
        let rows: Vec<(u16, Vec<(u16, u16)>)> = Weights::<T>::iter_prefix(netuid).collect();
        for (row, mut weights) in rows {
            if weights.iter().any(|(j, _)| *j == uid) {
                for (j, w) in weights.iter_mut() {
                    if *j == uid {
                        *w = 0;
                    }
                }
                Weights::<T>::insert(netuid, row, weights);
            }
        }
        let index = usize::from(uid);
        let set = |v: &mut Vec<u16>| {
            if let Some(x) = v.get_mut(index) {
                *x = 0;
            }
        };
        Consensus::<T>::mutate(netuid, set);
        Incentive::<T>::mutate(netuid, set);
        Dividends::<T>::mutate(netuid, set);
        ValidatorTrust::<T>::mutate(netuid, set);
        StakeWeight::<T>::mutate(netuid, set);
        Emission::<T>::mutate(netuid, |v| {
            if let Some(x) = v.get_mut(index) {
                *x = 0;
            }
        });
        ValidatorPermit::<T>::mutate(netuid, |v| {
            if let Some(x) = v.get_mut(index) {
                *x = false;
            }
        });
        LastUpdate::<T>::mutate(netuid, |v| {
            if let Some(x) = v.get_mut(index) {
                *x = now;
            }
        });
    }

    /// The uids that are never pruned: the owner hotkey's, then the owner coldkey's other
    /// hotkeys by earliest registration, `ImmuneOwnerUidsLimit` in all.
    fn immortal_uids(netuid: NetUid) -> Vec<u16> {
        let limit = usize::from(ImmuneOwnerUidsLimit::<T>::get(netuid));
        let owner = SubnetOwner::<T>::get(netuid);
        let owner_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        let mut out: Vec<u16> = Vec::new();
        if let Some(uid) = Uids::<T>::get(netuid, &owner_hotkey) {
            out.push(uid);
        }
        let mut others: Vec<(u64, u16)> = OwnedHotkeys::<T>::get(&owner)
            .iter()
            .filter(|hk| **hk != owner_hotkey)
            .filter_map(|hk| Uids::<T>::get(netuid, hk))
            .map(|uid| (BlockAtRegistration::<T>::get(netuid, uid), uid))
            .collect();
        others.sort();
        out.extend(others.into_iter().map(|(_, uid)| uid));
        out.truncate(limit);
        out
    }

    /// The uid a new registration replaces on a full subnet (§5.3): the lowest
    /// (`Emission`, registration block, uid) among non-immune uids when more than
    /// `MinNonImmuneUids` of them exist, otherwise among immune ones; never an immortal.
    pub fn get_neuron_to_prune(netuid: NetUid, now: u64) -> Option<u16> {
        let n = SubnetworkN::<T>::get(netuid);
        let immortal = Self::immortal_uids(netuid);
        let immunity = u64::from(ImmunityPeriod::<T>::get(netuid));
        let emission = Emission::<T>::get(netuid);
        // (emission, registration block, uid): the order pruning picks by.
        type Candidate = (u64, u64, u16);
        let (mut immune, mut open): (Vec<Candidate>, Vec<Candidate>) = (0..n)
            .filter(|uid| !immortal.contains(uid))
            .map(|uid| {
                let reg = BlockAtRegistration::<T>::get(netuid, uid);
                (emission.get(usize::from(uid)).copied().unwrap_or(0), reg, uid)
            })
            .partition(|(_, reg, _)| now.saturating_sub(*reg) < immunity);
        if open.len() > usize::from(MinNonImmuneUids::<T>::get(netuid)) {
            open.sort();
            open.first().map(|(_, _, uid)| *uid)
        } else {
            immune.sort();
            immune.first().map(|(_, _, uid)| *uid)
        }
    }

    /// Every block (§5.2): each subnet's burn decays toward `MinBurn` with its half-life and
    /// is clamped; the per-block registration count resets.
    pub fn update_registration_prices(now: u64) -> Weight {
        let db = T::DbWeight::get();
        let mut weight = db.reads(1);
        for netuid in Self::added_netuids() {
            let half_life = BurnHalfLife::<T>::get(netuid);
            let factor = match BurnDecayFactor::<T>::get(netuid) {
                Some(f) => f,
                None => {
                    let f = burn::half_life_factor(u32::from(half_life));
                    BurnDecayFactor::<T>::insert(netuid, f);
                    weight = weight.saturating_add(db.writes(1));
                    f
                },
            };
            let current = Burn::<T>::get(netuid);
            let next = burn::decay(
                current,
                factor,
                now > 1 && half_life > 0,
                MinBurn::<T>::get(netuid),
                MaxBurn::<T>::get(netuid),
            );
            if next != current {
                Burn::<T>::insert(netuid, next);
            }
            RegistrationsThisBlock::<T>::remove(netuid);
            weight = weight.saturating_add(db.reads_writes(6, 2));
        }
        weight
    }
}
