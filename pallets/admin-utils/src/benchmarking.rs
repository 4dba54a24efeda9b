//! Benchmarks of AdminUtils' three weight classes, in their worst cases: an owner (who passes
//! the rate-limit and freeze checks) setting a subnet value, and the longest half-life search.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use pallet_subtensor as st;

fn owned_subnet<T: Config>() -> (u16, T::AccountId) {
    let owner: T::AccountId = account("owner", 0, 0);
    <T as st::Config>::Currency::set_balance(&owner, 1_000_000_000_000_000);
    let netuid = st::Pallet::<T>::do_register_network(owner.clone(), account("hotkey", 0, 0)).unwrap();
    st::AdminFreezeWindow::<T>::put(0);
    (netuid, owner)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_global() {
        #[extrinsic_call]
        sudo_set_network_rate_limit(RawOrigin::Root, 5);
        assert_eq!(st::NetworkRateLimit::<T>::get(), 5);
    }

    #[benchmark]
    fn set_subnet() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        sudo_set_immunity_period(RawOrigin::Signed(owner), netuid, 7);
        assert_eq!(st::ImmunityPeriod::<T>::get(netuid), 7);
    }

    #[benchmark]
    fn set_burn_half_life() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        sudo_set_burn_half_life(RawOrigin::Signed(owner), netuid, 36_100);
        assert_eq!(st::BurnHalfLife::<T>::get(netuid), 36_100);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
