//! Benchmarks of Swap's calls.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use tensorchain_swap::interface::SubnetReserves;

#[benchmarks(where T: Config)]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_fee_rate() {
        // The runtime's benchmark genesis has root; the mock has subnet 1.
        let netuid = if T::SubnetInfo::exists(1) { 1 } else { 0 };
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 100);
        assert_eq!(FeeRate::<T>::get(netuid), 100);
    }

    #[benchmark]
    fn deprecated() {
        #[block]
        {
            let _ = Pallet::<T>::disable_lp(RawOrigin::Signed(account("caller", 0, 0)).into());
        }
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
