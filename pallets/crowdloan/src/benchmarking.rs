//! Benchmarks of Crowdloan's calls, each in its heaviest path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

/// Above the 128-byte inline limit, so the call goes through the preimage store.
const LONG_CALL: u32 = 256;

fn deposit<T: Config>() -> u64 {
    T::MinimumDeposit::get()
}

fn min_contribution<T: Config>() -> u64 {
    T::AbsoluteMinimumContribution::get()
}

/// Large enough that all `MaxContributors` can contribute the minimum without reaching it.
fn roomy_cap<T: Config>() -> u64 {
    deposit::<T>()
        .saturating_add(min_contribution::<T>().saturating_mul(u64::from(T::MaxContributors::get()).saturating_add(1)))
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
    let who: T::AccountId = account(name, index, 0);
    T::Currency::set_balance(&who, roomy_cap::<T>().saturating_mul(2));
    who
}

fn end<T: Config>() -> BlockNumberFor<T> {
    frame_system::Pallet::<T>::block_number().saturating_add(T::MaximumBlockDuration::get())
}

fn remark<T: Config>(len: u32) -> <T as Config>::RuntimeCall {
    frame_system::Call::<T>::remark { remark: vec![7u8; len as usize] }.into()
}

/// A crowdloan by `creator` finalized by `call` (or, without one, paying a target).
fn create_loan<T: Config>(creator: &T::AccountId, cap: u64, call: Option<<T as Config>::RuntimeCall>) -> u32 {
    let id = NextCrowdloanId::<T>::get();
    let target = if call.is_none() { Some(account("target", 0, 0)) } else { None };
    Pallet::<T>::create(
        RawOrigin::Signed(creator.clone()).into(),
        deposit::<T>(),
        min_contribution::<T>(),
        cap,
        end::<T>(),
        call.map(Box::new),
        target,
    )
    .unwrap();
    id
}

fn contribute_as<T: Config>(id: u32, index: u32) -> T::AccountId {
    let who = funded::<T>("contributor", index);
    Pallet::<T>::contribute(RawOrigin::Signed(who.clone()).into(), id, min_contribution::<T>()).unwrap();
    who
}

#[benchmarks(where T: Config)]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn create(l: Linear<0, 4_096>) {
        let creator = funded::<T>("creator", 0);
        let id = NextCrowdloanId::<T>::get();
        let call = remark::<T>(l);
        #[extrinsic_call]
        _(
            RawOrigin::Signed(creator),
            deposit::<T>(),
            min_contribution::<T>(),
            roomy_cap::<T>(),
            end::<T>(),
            Some(Box::new(call)),
            None,
        );
        assert!(Crowdloans::<T>::contains_key(id));
    }

    #[benchmark]
    fn contribute() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        Pallet::<T>::set_max_contribution(RawOrigin::Signed(creator).into(), id, Some(roomy_cap::<T>())).unwrap();
        let who = funded::<T>("contributor", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), id, min_contribution::<T>());
        assert_eq!(Contributions::<T>::get(id, &who), Some(min_contribution::<T>()));
    }

    #[benchmark]
    fn withdraw() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        let who = contribute_as::<T>(id, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), id);
        assert!(Contributions::<T>::get(id, &who).is_none());
    }

    #[benchmark]
    fn finalize() {
        let creator = funded::<T>("creator", 0);
        let cap = deposit::<T>().saturating_add(min_contribution::<T>());
        let id = create_loan::<T>(&creator, cap, Some(remark::<T>(LONG_CALL)));
        contribute_as::<T>(id, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id);
        assert!(Crowdloans::<T>::get(id).unwrap().finalized);
    }

    #[benchmark]
    fn refund(k: Linear<0, { T::RefundContributorsLimit::get() }>) {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        for i in 0..k {
            contribute_as::<T>(id, i);
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id);
        assert_eq!(Crowdloans::<T>::get(id).unwrap().contributors_count, 1);
    }

    #[benchmark]
    fn dissolve() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), Some(remark::<T>(LONG_CALL)));
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id);
        assert!(!Crowdloans::<T>::contains_key(id));
    }

    #[benchmark]
    fn update_min_contribution() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        Pallet::<T>::set_max_contribution(RawOrigin::Signed(creator.clone()).into(), id, Some(roomy_cap::<T>())).unwrap();
        let new_min = min_contribution::<T>().saturating_mul(2);
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id, new_min);
        assert_eq!(Crowdloans::<T>::get(id).unwrap().min_contribution, new_min);
    }

    #[benchmark]
    fn update_end() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        let now = frame_system::Pallet::<T>::block_number();
        let new_end = now.saturating_add(T::MinimumBlockDuration::get().max(1u32.into()));
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id, new_end);
        assert_eq!(Crowdloans::<T>::get(id).unwrap().end, new_end);
    }

    #[benchmark]
    fn update_cap() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        let new_cap = roomy_cap::<T>().saturating_add(1);
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id, new_cap);
        assert_eq!(Crowdloans::<T>::get(id).unwrap().cap, new_cap);
    }

    #[benchmark]
    fn set_max_contribution() {
        let creator = funded::<T>("creator", 0);
        let id = create_loan::<T>(&creator, roomy_cap::<T>(), None);
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), id, Some(roomy_cap::<T>()));
        assert_eq!(MaxContributions::<T>::get(id), Some(roomy_cap::<T>()));
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
