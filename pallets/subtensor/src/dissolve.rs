//! Dissolving a subnet (`economics.md` §6.3) and pruning one to make room (§6.1 step 3).
//!
//! The pool's TAO is shared out among everyone holding the subnet's alpha, pro rata with the
//! largest-remainder rule: stakers are paid in TAO to their coldkeys; the protocol's share
//! (the pool's own alpha and alpha bought by chain buys) stays in the subnet account, and
//! everything left there is recycled. Then every storage item of the subnet goes.

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance, ROOT_NETUID};
use alloc::vec::Vec;
use frame_support::{
    ensure,
    pallet_prelude::DispatchResult,
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{Fortitude, Precision, Preservation},
    },
};
use substrate_fixed::types::I96F32;

/// Splits `pot` in proportion to `weights` with the largest-remainder rule: each share is
/// floored, then the units left over go one each to the largest remainders (ties to the
/// earlier entry). The shares always sum to `pot` when any weight is positive.
pub fn largest_remainder_split(pot: u64, weights: &[u128]) -> Vec<u64> {
    let total: u128 = weights.iter().fold(0u128, |acc, w| acc.saturating_add(*w));
    if total == 0 {
        return weights.iter().map(|_| 0).collect();
    }
    let mut shares: Vec<u64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        // pot·w fits in 192 bits; U256 keeps it exact.
        let product = sp_core::U256::from(pot).saturating_mul(sp_core::U256::from(*w));
        let total256 = sp_core::U256::from(total);
        let q = product.checked_div(total256).unwrap_or_default();
        let r = product.saturating_sub(q.saturating_mul(total256));
        shares.push(q.low_u64());
        remainders.push((r.low_u128(), i));
    }
    let given: u64 = shares.iter().fold(0u64, |acc, s| acc.saturating_add(*s));
    let mut left = pot.saturating_sub(given);
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        if let Some(s) = shares.get_mut(i) {
            *s = s.saturating_add(1);
            left = left.saturating_sub(1);
        }
    }
    shares
}

impl<T: Config> Pallet<T> {
    /// Root's `dissolve_network` and `root_dissolve_network`.
    pub fn do_dissolve_network(netuid: NetUid) -> DispatchResult {
        ensure!(netuid != ROOT_NETUID, Error::<T>::CannotDissolveRootSubnet);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        // A lease ends with its subnet; its keys' stake is refunded like everyone's.
        Self::remove_lease_of_subnet(netuid)?;
        Self::destroy_alpha_and_refund(netuid);
        Self::remove_subnet_storage(netuid);
        <T::SwapInterface as tensorchain_swap::interface::SwapHandler>::dissolve(netuid);
        Self::deposit_event(Event::NetworkRemoved(netuid));
        Ok(())
    }

    /// Pays the pool's TAO out to the subnet's stakers and recycles what is left in the
    /// subnet account. The stakes themselves (`Alpha`, `TotalHotkeyAlpha`,
    /// `TotalHotkeyShares`) go with the rest of the subnet's keys in `remove_subnet_storage`.
    fn destroy_alpha_and_refund(netuid: NetUid) {
        let account = Self::subnet_account(netuid);
        let held: TaoBalance = <T::Currency as Inspect<T::AccountId>>::balance(&account);
        let pot = SubnetTAO::<T>::get(netuid).min(held);
        let stakes = Self::stakes_on_subnet(netuid);
        let protocol: AlphaBalance =
            SubnetProtocolAlpha::<T>::get(netuid).saturating_add(SubnetAlphaIn::<T>::get(netuid));
        let mut weights: Vec<u128> = stakes.iter().map(|(_, _, a)| u128::from(*a)).collect();
        weights.push(u128::from(protocol));
        let shares = largest_remainder_split(pot, &weights);
        for ((_, coldkey, _), tao) in stakes.iter().zip(shares.iter()) {
            if *tao == 0 {
                continue;
            }
            // A payout too small to create the coldkey's account stays behind and is recycled.
            let _ = <T::Currency as Mutate<T::AccountId>>::transfer(
                &account,
                coldkey,
                *tao,
                Preservation::Expendable,
            );
        }
        // Everything still in the subnet account leaves circulation.
        let rest: TaoBalance = <T::Currency as Inspect<T::AccountId>>::balance(&account);
        if rest > 0 {
            let burned = <T::Currency as Mutate<T::AccountId>>::burn_from(
                &account,
                rest,
                Preservation::Expendable,
                Precision::BestEffort,
                Fortitude::Force,
            )
            .unwrap_or(0);
            TotalIssuance::<T>::mutate(|i| *i = i.saturating_sub(burned));
        }
        TotalStake::<T>::mutate(|s| *s = s.saturating_sub(held));
    }

    /// Removes every per-subnet storage item of `netuid`, every mechanism's rows included:
    /// the items are found from the storage declarations (`subnet_storage`), so none can be
    /// forgotten; other pallets' items go through `OnSubnetRemoved`.
    fn remove_subnet_storage(netuid: NetUid) {
        crate::subnet_storage::remove_subnet_keys(&Self::storage_metadata(), netuid);
        // Values that mention the netuid, rather than keys.
        let claimants: Vec<T::AccountId> = RootClaimable::<T>::iter_keys().collect();
        for coldkey in claimants {
            RootClaimable::<T>::mutate_exists(&coldkey, |claimable| {
                if let Some(map) = claimable {
                    map.remove(&netuid);
                    if map.is_empty() {
                        *claimable = None;
                    }
                }
            });
        }
        <T::OnSubnetRemoved as crate::subnet_storage::OnSubnetRemoved>::on_subnet_removed(netuid);
        TotalNetworks::<T>::mutate(|t| *t = t.saturating_sub(1));
    }

    /// The subnet `register_network` dissolves when every slot is taken: the lowest moving
    /// price among subnets past `NetworkImmunityPeriod`, ties to the earliest registration.
    pub fn get_network_to_prune(now: u64) -> Option<NetUid> {
        let immunity = NetworkImmunityPeriod::<T>::get();
        NetworksAdded::<T>::iter()
            .filter(|(netuid, added)| *added && *netuid != ROOT_NETUID)
            .map(|(netuid, _)| (netuid, NetworkRegisteredAt::<T>::get(netuid)))
            .filter(|(_, registered)| now.saturating_sub(*registered) >= immunity)
            .min_by(|(a, ra), (b, rb)| {
                let pa: I96F32 = SubnetMovingPrice::<T>::get(a);
                let pb: I96F32 = SubnetMovingPrice::<T>::get(b);
                pa.cmp(&pb).then(ra.cmp(rb)).then(a.cmp(b))
            })
            .map(|(netuid, _)| netuid)
    }
}

#[cfg(test)]
mod tests {
    use super::largest_remainder_split;

    #[test]
    fn largest_remainder_gives_every_unit_out() {
        assert_eq!(largest_remainder_split(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(largest_remainder_split(100, &[50, 25, 25]), vec![50, 25, 25]);
        assert_eq!(largest_remainder_split(7, &[0, 0]), vec![0, 0]);
        assert_eq!(largest_remainder_split(5, &[1, 2]), vec![2, 3]);
        let big = largest_remainder_split(u64::MAX, &[u128::from(u64::MAX), 1, 3]);
        assert_eq!(big.iter().map(|x| u128::from(*x)).sum::<u128>(), u128::from(u64::MAX));
    }
}
