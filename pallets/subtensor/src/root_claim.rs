//! Root dividends and their claims (`economics.md` §2.7). An epoch credits root stakers of a
//! validator with a rate per unit of root stake (`RootClaimable[hotkey][netuid]`); a coldkey's
//! share is `rate × its root stake − RootClaimed`. Claiming (by `claim_root`, or automatically
//! for a few root stakers each block) either sells the alpha for TAO and stakes it on root
//! (`Swap`, the default) or keeps it as alpha stake on the subnet (`Keep`).

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance, ROOT_NETUID};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchResult, Weight},
    traits::Get,
};
use crate::WeightInfo;
use frame_support::traits::fungible::Mutate;
use substrate_fixed::types::I96F32;
use tensorchain_swap::{interface::SwapHandler, pool::Side};

/// The most subnets one `claim_root` names.
pub const MAX_CLAIM_SUBNETS: usize = 5;
/// The most coldkeys claimed automatically in a block.
pub const MAX_NUM_ROOT_CLAIMS: u64 = 50;

/// A non-negative amount, floored (0 for a negative one).
fn floor_u128(x: I96F32) -> u128 {
    u128::try_from(x.to_bits() >> 32).unwrap_or(0)
}

impl<T: Config> Pallet<T> {
    /// Alpha owed to (hotkey, coldkey) on `netuid` from root dividends.
    pub fn root_owed(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid) -> u128 {
        let rate = RootClaimable::<T>::get(hotkey).get(&netuid).copied().unwrap_or(I96F32::from_num(0));
        let stake = I96F32::from_num(Self::alpha_stake(hotkey, coldkey, ROOT_NETUID));
        let earned = floor_u128(rate.saturating_mul(stake));
        earned.saturating_sub(RootClaimed::<T>::get((netuid, hotkey, coldkey)))
    }

    /// Keeps `RootClaimed` in step with a root stake change of `delta` for (hotkey, coldkey),
    /// so that new stake earns only future dividends and removed stake keeps what it earned.
    pub fn adjust_root_claimed(hotkey: &T::AccountId, coldkey: &T::AccountId, delta: u64, added: bool) {
        for (netuid, rate) in RootClaimable::<T>::get(hotkey) {
            let amount = floor_u128(rate.saturating_mul(I96F32::from_num(delta)));
            RootClaimed::<T>::mutate((netuid, hotkey, coldkey), |c| {
                *c = if added { c.saturating_add(amount) } else { c.saturating_sub(amount) }
            });
        }
    }

    /// Indexes a coldkey with root stake for the automatic claims.
    pub fn index_root_staker(coldkey: &T::AccountId) {
        if StakingColdkeys::<T>::contains_key(coldkey) {
            return;
        }
        let index = NumStakingColdkeys::<T>::get();
        StakingColdkeys::<T>::insert(coldkey, index);
        StakingColdkeysByIndex::<T>::insert(index, coldkey.clone());
        NumStakingColdkeys::<T>::put(index.saturating_add(1));
    }

    /// Takes a coldkey out of the automatic claims' index, the last indexed coldkey moving
    /// into its place.
    pub fn unindex_root_staker(coldkey: &T::AccountId) {
        let Some(hole) = StakingColdkeys::<T>::take(coldkey) else {
            return;
        };
        StakingColdkeysByIndex::<T>::remove(hole);
        let last = NumStakingColdkeys::<T>::get().saturating_sub(1);
        if hole != last {
            if let Some(moved) = StakingColdkeysByIndex::<T>::take(last) {
                StakingColdkeysByIndex::<T>::insert(hole, moved.clone());
                StakingColdkeys::<T>::insert(moved, hole);
            }
        }
        NumStakingColdkeys::<T>::put(last);
    }

    /// Claims what (hotkey, coldkey) is owed on `netuid` if it reaches the subnet's threshold.
    fn claim_one(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid) {
        let owed = Self::root_owed(hotkey, coldkey, netuid);
        let threshold = RootClaimableThreshold::<T>::get(netuid);
        if owed == 0 || I96F32::from_num(owed) < threshold {
            return;
        }
        let alpha: AlphaBalance = u64::try_from(owed).unwrap_or(u64::MAX).min(RootClaimableAlpha::<T>::get(netuid));
        if alpha == 0 {
            return;
        }
        let keep = match RootClaimType::<T>::get(coldkey) {
            RootClaimTypeEnum::Swap => false,
            RootClaimTypeEnum::Keep => true,
            RootClaimTypeEnum::KeepSubnets { subnets } => subnets.contains(&netuid),
        };
        if keep {
            Self::increase_alpha_stake(hotkey, coldkey, netuid, alpha);
        } else if !Self::swap_claim_to_root(hotkey, coldkey, netuid, alpha) {
            // As upstream: a swap the pool refuses claims nothing; the alpha stays owed.
            return;
        }
        RootClaimableAlpha::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
        RootClaimed::<T>::mutate((netuid, hotkey, coldkey), |c| *c = c.saturating_add(u128::from(alpha)));
        Self::deposit_event(Event::RootClaimed(coldkey.clone(), hotkey.clone(), netuid, alpha));
    }

    /// Sells claimed alpha without fee at any price and stakes the TAO on root to
    /// (hotkey, coldkey) (§2.7 `Swap`, with the sell's bookkeeping of §3.3 step 4); false,
    /// with nothing changed, if the pool cannot take it.
    fn swap_claim_to_root(hotkey: &T::AccountId, coldkey: &T::AccountId, netuid: NetUid, alpha: AlphaBalance) -> bool {
        let Ok(sold) = T::SwapInterface::swap(netuid, Side::Sell, alpha, 0, true) else { return false };
        let tao: TaoBalance = sold.amount_out;
        if <T::Currency as Mutate<T::AccountId>>::transfer(
            &Self::subnet_account(netuid),
            &Self::subnet_account(ROOT_NETUID),
            tao,
            frame_support::traits::tokens::Preservation::Expendable,
        )
        .is_err()
        {
            return false;
        }
        // The TAO leaves one pool and joins root's, so TotalStake is unchanged.
        SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_add(sold.amount_paid_in));
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a = a.saturating_sub(sold.amount_paid_in));
        SubnetTAO::<T>::mutate(netuid, |t| *t = t.saturating_sub(tao));
        SubnetVolume::<T>::mutate(netuid, |v| *v = v.saturating_add(u128::from(tao)));
        SubnetRootSellTao::<T>::mutate(netuid, |t| *t = t.saturating_add(tao));
        SubnetTAO::<T>::mutate(ROOT_NETUID, |t| *t = t.saturating_add(tao));
        SubnetAlphaOut::<T>::mutate(ROOT_NETUID, |a| *a = a.saturating_add(tao));
        // Staking on root also raises RootClaimed by rate × tao, so the new stake earns
        // only later dividends.
        Self::increase_alpha_stake(hotkey, coldkey, ROOT_NETUID, tao);
        true
    }

    /// `claim_root`: claims the caller's root dividends on 1..=5 subnets over all its hotkeys.
    pub fn do_claim_root(coldkey: T::AccountId, subnets: BTreeSet<NetUid>) -> DispatchResult {
        ensure!(!subnets.is_empty() && subnets.len() <= MAX_CLAIM_SUBNETS, Error::<T>::InvalidSubnetNumber);
        Self::claim_all(&coldkey, Some(&subnets));
        Ok(())
    }

    fn claim_all(coldkey: &T::AccountId, only: Option<&BTreeSet<NetUid>>) {
        for hotkey in StakingHotkeys::<T>::get(coldkey) {
            if Self::alpha_stake(&hotkey, coldkey, ROOT_NETUID) == 0 {
                continue;
            }
            let netuids: Vec<NetUid> = RootClaimable::<T>::get(&hotkey).keys().copied().collect();
            for netuid in netuids {
                if only.is_none_or(|set| set.contains(&netuid)) {
                    Self::claim_one(&hotkey, coldkey, netuid);
                }
            }
        }
    }

    /// The root stakers' indices that the block with parent hash `hash` claims
    /// automatically (§2.7): starting from the hash's first 8 bytes (big-endian), the i-th
    /// step adds the hash's 8-byte word `i mod 4`, modulo `n`; `k` steps, each index once,
    /// ascending. The spec only says "pseudo-randomly from the parent block hash"; the walk
    /// is upstream's.
    pub fn root_claim_indices(hash: &[u8], k: u64, n: u64) -> Vec<u64> {
        if n == 0 {
            return Vec::new();
        }
        let word = |at: usize| -> u64 {
            hash.get(at..at.saturating_add(8))
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map(u64::from_be_bytes)
                .unwrap_or(0)
        };
        let mut picked = BTreeSet::new();
        let mut last = word(0);
        for i in 0..k {
            let at = usize::try_from(i.checked_rem(4).unwrap_or(0).saturating_mul(8)).unwrap_or(0);
            last = last.saturating_add(word(at)).checked_rem(n).unwrap_or(0);
            picked.insert(last);
        }
        picked.into_iter().collect()
    }

    /// Every block, up to `NumRootClaim` indexed root stakers, picked from the parent block
    /// hash, have all their root dividends claimed.
    pub fn auto_claim_root() -> Weight {
        let count = NumStakingColdkeys::<T>::get();
        let k = NumRootClaim::<T>::get().min(MAX_NUM_ROOT_CLAIMS);
        let mut weight = T::DbWeight::get().reads(3);
        if count == 0 || k == 0 {
            return weight;
        }
        let hash = frame_system::Pallet::<T>::parent_hash();
        for index in Self::root_claim_indices(hash.as_ref(), k, count) {
            if let Some(coldkey) = StakingColdkeysByIndex::<T>::get(index) {
                Self::claim_all(&coldkey, None);
                weight = weight.saturating_add(T::WeightInfo::claim_root());
            }
        }
        weight
    }
}
