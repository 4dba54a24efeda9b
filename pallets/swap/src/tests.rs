//! The pallet's calls and its `SwapHandler` answers against the `economics.md` §8 vectors.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::{mock::*, Balancer, Error, Event, FeeRate, PalSwapInitialized, SwapBalancer};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perquintill};
use substrate_fixed::types::U64F64;
use tensorchain_swap::{
    interface::SwapHandler,
    pool::{Side, SwapError},
};

fn close(a: u64, b: u64, eps: u64) -> bool {
    a.abs_diff(b) <= eps
}

#[test]
fn tv2_swaps_through_the_pallet() {
    new_test_ext().execute_with(|| {
        for (side, input, fee, out) in [
            (Side::Buy, 123_456u64, 62u64, 493_515u64),
            (Side::Buy, 1_000_000_000, 503_547, 1_999_496_326),
            (Side::Sell, 123_456, 62, 30_847),
            (Side::Sell, 1_000_000_000, 503_547, 199_919_424),
        ] {
            let limit = if side == Side::Buy { u64::MAX } else { 0 };
            let r = Swap::sim_swap(1, side, input, limit, false).unwrap();
            assert_eq!(r.fee, fee);
            assert_eq!(r.amount_paid_in, input);
            assert!(close(r.amount_out, out, 1), "{side:?} {input}: {} vs {out}", r.amount_out);
        }
        // Simulating initialises nothing; a real swap does.
        assert!(!PalSwapInitialized::<Test>::get(1));
        Swap::swap(1, Side::Buy, 1_000, u64::MAX, false).unwrap();
        assert!(PalSwapInitialized::<Test>::get(1));
    });
}

#[test]
fn dropped_fees_and_fee_rates() {
    new_test_ext().execute_with(|| {
        let r = Swap::sim_swap(1, Side::Buy, 1_000_000_000, u64::MAX, true).unwrap();
        assert_eq!(r.fee, 0);
        assert_ok!(Swap::set_fee_rate(RuntimeOrigin::root(), 1, 10_000));
        assert_eq!(FeeRate::<Test>::get(1), 10_000);
        System::assert_last_event(Event::FeeRateSet { netuid: 1, rate: 10_000 }.into());
        let r = Swap::sim_swap(1, Side::Buy, 65_535, u64::MAX, false).unwrap();
        assert_eq!(r.fee, 10_000);
    });
}

#[test]
fn set_fee_rate_errors_change_nothing() {
    new_test_ext().execute_with(|| {
        assert_noop!(Swap::set_fee_rate(RuntimeOrigin::signed(1), 1, 5), DispatchError::BadOrigin);
        assert_noop!(Swap::set_fee_rate(RuntimeOrigin::root(), 1, 10_001), Error::<Test>::FeeRateTooHigh);
        assert_noop!(Swap::set_fee_rate(RuntimeOrigin::root(), 7, 5), Error::<Test>::SubNetworkDoesNotExist);
    });
}

#[test]
fn retired_liquidity_calls_fail() {
    new_test_ext().execute_with(|| {
        let o = || RuntimeOrigin::signed(1);
        assert_noop!(Swap::add_liquidity(o(), 2, 1, -10, 10, 1_000), Error::<Test>::Deprecated);
        assert_noop!(Swap::remove_liquidity(o(), 2, 1, 0), Error::<Test>::Deprecated);
        assert_noop!(Swap::modify_position(o(), 2, 1, 0, -5), Error::<Test>::Deprecated);
        assert_noop!(Swap::toggle_user_liquidity(o(), 1, true), Error::<Test>::Deprecated);
        assert_noop!(Swap::disable_lp(o()), Error::<Test>::Deprecated);
    });
}

#[test]
fn root_trades_one_to_one_without_fee() {
    new_test_ext().execute_with(|| {
        assert_eq!(Swap::current_price(0), U64F64::from_num(1));
        let r = Swap::sim_swap(0, Side::Buy, 5_000_000, u64::MAX, false).unwrap();
        assert_eq!((r.amount_paid_in, r.fee, r.amount_out), (5_000_000, 0, 5_000_000));
        assert_eq!(Swap::sim_swap(0, Side::Buy, 5, 999_999_999, false), Err(SwapError::PriceLimitExceeded));
        assert_eq!(Swap::sim_swap(0, Side::Sell, 5, 1_000_000_001, false), Err(SwapError::PriceLimitExceeded));
        assert_eq!(Swap::max_amount_add(0, 1_000_000_000), Ok(u64::MAX));
        assert_eq!(Swap::max_amount_add(0, 999_999_999), Ok(0));
        assert_eq!(Swap::max_amount_remove(0, 1_000_000_000), Ok(u64::MAX));
        assert_eq!(Swap::max_amount_remove(0, 1_000_000_001), Ok(0));
    });
}

/// `economics.md` §8 TV4 through the pallet (ε = v/10 000).
#[test]
fn tv4_max_amount_add() {
    new_test_ext().execute_with(|| {
        set_reserves(2, 1_000_000, 1_000_000);
        let v = Swap::max_amount_add(2, 4_000_000_000).unwrap();
        assert!(close(v, 1_000_500, 1_000_500 / 10_000), "{v}");
        set_reserves(3, 150_000_000_000, 100_000_000_000);
        let v = Swap::max_amount_add(3, 6_000_000_000).unwrap();
        assert!(close(v, 150_075_000_000, 150_075_000_000 / 10_000), "{v}");
        assert_eq!(Swap::max_amount_add(3, 1_500_000_000), Err(SwapError::PriceLimitExceeded));
        assert_eq!(Swap::max_amount_add(3, 0), Err(SwapError::PriceLimitExceeded));
        assert_eq!(Swap::max_amount_add(3, 1_500_000_001), Ok(49));
    });
}

/// TV4's move vectors through the pallet.
#[test]
fn max_amount_move_between_pools() {
    new_test_ext().execute_with(|| {
        set_reserves(2, 1_000, 1_000);
        set_reserves(3, 1_000, 1_000);
        assert_eq!(Swap::max_amount_move(2, 3, 500_000_000), 500);
        assert_eq!(Swap::max_amount_move(2, 3, 100_000_000), 4_500);
        set_reserves(4, 150_000_000_000, 100_000_000_000);
        set_reserves(5, 100_000_000_000, 100_000_000_000);
        assert_eq!(Swap::max_amount_move(4, 5, 1_000_000_000), 20_000_000_000);
        assert_eq!(Swap::max_amount_move(0, 0, 1_000_000_001), 0);
        assert_eq!(Swap::max_amount_move(0, 0, 1_000_000_000), u64::MAX);
    });
}

/// `economics.md` §8 TV3: injection keeps the price and re-weights the pool.
#[test]
fn tv3_injection_keeps_the_price() {
    new_test_ext().execute_with(|| {
        set_reserves(2, 1_000_000_000_000, 4_000_000_000_000);
        let before = Swap::current_price(2);
        assert_eq!(Swap::adjust_protocol_liquidity(2, 1_000_000_000, 2_000_000_000), (1_000_000_000, 2_000_000_000));
        assert_eq!(SwapBalancer::<Test>::get(2).quote, Perquintill::from_parts(500_124_906_320_259_805));
        set_reserves(2, 1_001_000_000_000, 4_002_000_000_000);
        let after = Swap::current_price(2);
        let diff = if after > before { after - before } else { before - after };
        assert!(diff <= before / U64F64::from_num(1_000_000_000_000u64));
        // An injection that would push a weight below 1 % is refused and changes nothing.
        SwapBalancer::<Test>::insert(2, Balancer { quote: Perquintill::from_parts(10_000_000_000_000_001) });
        assert_eq!(Swap::adjust_protocol_liquidity(2, 0, 4_000_000_000_000_000), (0, 0));
        assert_eq!(SwapBalancer::<Test>::get(2).quote, Perquintill::from_parts(10_000_000_000_000_001));
    });
}

#[test]
fn dissolving_forgets_the_pool() {
    new_test_ext().execute_with(|| {
        assert_ok!(Swap::set_fee_rate(RuntimeOrigin::root(), 1, 7));
        Swap::swap(1, Side::Buy, 1_000, u64::MAX, false).unwrap();
        Swap::dissolve(1);
        assert_eq!(FeeRate::<Test>::get(1), 33);
        assert!(!PalSwapInitialized::<Test>::get(1));
        assert_eq!(SwapBalancer::<Test>::get(1), Balancer::default());
    });
}
