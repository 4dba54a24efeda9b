//! Every setter: root succeeds, the owner where allowed (with its rate limit), the freeze
//! window, and each range error, with no state change on error.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::{mock::*, Error, Hyperparameter, LastOwnerUpdate};
use frame_support::{assert_noop, assert_ok};
use pallet_subtensor as st;
use sp_runtime::DispatchError;
use substrate_fixed::types::U64F64;

fn root() -> RuntimeOrigin {
    RuntimeOrigin::root()
}
fn signed(n: u8) -> RuntimeOrigin {
    RuntimeOrigin::signed(account(n))
}

#[test]
fn root_sets_global_values() {
    new_test_ext().execute_with(|| {
        assert_ok!(AdminUtils::sudo_set_tx_rate_limit(root(), 7));
        assert_eq!(st::TxRateLimit::<Test>::get(), 7);
        assert_ok!(AdminUtils::sudo_set_network_rate_limit(root(), 9));
        assert_eq!(st::NetworkRateLimit::<Test>::get(), 9);
        assert_ok!(AdminUtils::sudo_set_admin_freeze_window(root(), 0));
        assert_eq!(st::AdminFreezeWindow::<Test>::get(), 0);
        assert_ok!(AdminUtils::sudo_set_owner_hparam_rate_limit(root(), 5));
        assert_eq!(st::OwnerHyperparamRateLimit::<Test>::get(), 5);
        assert_ok!(AdminUtils::sudo_set_start_call_delay(root(), 3));
        assert_eq!(st::StartCallDelay::<Test>::get(), 3);
        assert_ok!(AdminUtils::sudo_set_network_min_lock_cost(root(), 5 * TAO));
        assert_eq!(st::NetworkMinLockCost::<Test>::get(), 5 * TAO);
        assert_ok!(AdminUtils::sudo_set_subnet_limit(root(), 3));
        assert_eq!(st::SubnetLimit::<Test>::get(), 3);
        assert_ok!(AdminUtils::sudo_set_lock_reduction_interval(root(), 11));
        assert_eq!(st::NetworkLockReductionInterval::<Test>::get(), 11);
    });
}

#[test]
fn global_values_are_root_only() {
    new_test_ext().execute_with(|| {
        assert_noop!(AdminUtils::sudo_set_tx_rate_limit(signed(1), 7), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_admin_freeze_window(signed(1), 0), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_network_rate_limit(signed(1), 0), DispatchError::BadOrigin);
    });
}

#[test]
fn root_only_subnet_values() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        assert_ok!(AdminUtils::sudo_set_tempo(root(), netuid, 10));
        assert_eq!(st::Tempo::<Test>::get(netuid), 10);
        assert_eq!(st::LastEpochBlock::<Test>::get(netuid), 1);
        assert_ok!(AdminUtils::sudo_set_weights_set_rate_limit(root(), netuid, 0));
        assert_eq!(st::WeightsSetRateLimit::<Test>::get(netuid), 0);
        assert_ok!(AdminUtils::sudo_set_kappa(root(), netuid, 100));
        assert_eq!(st::Kappa::<Test>::get(netuid), 100);
        assert_ok!(AdminUtils::sudo_set_network_registration_allowed(root(), netuid, false));
        assert!(!st::NetworkRegistrationAllowed::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_subnet_emission_enabled(root(), netuid, true));
        assert!(st::SubnetEmissionEnabled::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_max_allowed_validators(root(), netuid, 10));
        assert_eq!(st::MaxAllowedValidators::<Test>::get(netuid), 10);

        // The owner may not set them.
        assert_noop!(AdminUtils::sudo_set_tempo(signed(1), netuid, 20), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_kappa(signed(1), netuid, 1), DispatchError::BadOrigin);
        // Range and existence errors.
        assert_noop!(
            AdminUtils::sudo_set_max_allowed_validators(root(), netuid, 257),
            Error::<Test>::MaxValidatorsLargerThanMaxUids
        );
        assert_noop!(AdminUtils::sudo_set_tempo(root(), 9, 10), Error::<Test>::SubnetDoesNotExist);
        assert_noop!(
            AdminUtils::sudo_set_subnet_emission_enabled(root(), 0, true),
            Error::<Test>::NotPermittedOnRootSubnet
        );
    });
}

#[test]
fn owner_sets_owner_values_with_a_rate_limit() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        st::Tempo::<Test>::insert(netuid, 10);
        assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_enabled(signed(1), netuid, false));
        assert!(!st::CommitRevealWeightsEnabled::<Test>::get(netuid));
        assert_eq!(LastOwnerUpdate::<Test>::get(netuid, Hyperparameter::CommitRevealWeightsEnabled), 1);
        // Again within 2 tempos (20 blocks): refused. Another parameter is fine.
        assert_noop!(
            AdminUtils::sudo_set_commit_reveal_weights_enabled(signed(1), netuid, true),
            Error::<Test>::TxRateLimitExceeded
        );
        assert_ok!(AdminUtils::sudo_set_immunity_period(signed(1), netuid, 7));
        // Root is never rate limited.
        assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_enabled(root(), netuid, true));
        System::set_block_number(21);
        assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_enabled(signed(1), netuid, false));
        // Someone else is not the owner.
        assert_noop!(AdminUtils::sudo_set_immunity_period(signed(2), netuid, 9), Error::<Test>::BadOrigin);
    });
}

#[test]
fn the_freeze_window_blocks_everyone() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::Tempo::<Test>::insert(netuid, 100);
        st::LastEpochBlock::<Test>::insert(netuid, 0);
        // Next epoch at 100; window 10: blocks 90..=100 are frozen.
        System::set_block_number(95);
        assert_noop!(
            AdminUtils::sudo_set_serving_rate_limit(root(), netuid, 1),
            Error::<Test>::AdminActionProhibitedDuringWeightsWindow
        );
        assert_noop!(
            AdminUtils::sudo_set_tempo(root(), netuid, 1),
            Error::<Test>::AdminActionProhibitedDuringWeightsWindow
        );
        System::set_block_number(89);
        assert_ok!(AdminUtils::sudo_set_serving_rate_limit(signed(1), netuid, 1));
        assert_eq!(st::ServingRateLimit::<Test>::get(netuid), 1);
    });
}

#[test]
fn ranges_are_checked() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        assert_ok!(AdminUtils::sudo_set_min_allowed_weights(root(), netuid, 3));
        assert_eq!(st::MinAllowedWeights::<Test>::get(netuid), 3);

        st::MinAllowedUids::<Test>::insert(netuid, 2);
        assert_ok!(AdminUtils::sudo_set_max_allowed_uids(root(), netuid, 128));
        assert_eq!(st::MaxAllowedUids::<Test>::get(netuid), 128);
        for bad in [257u16, 1, 0] {
            assert_noop!(
                AdminUtils::sudo_set_max_allowed_uids(root(), netuid, bad),
                Error::<Test>::MaxAllowedUidsNotAllowed
            );
        }

        assert_ok!(AdminUtils::sudo_set_min_burn(root(), netuid, 1_000));
        assert_eq!(st::MinBurn::<Test>::get(netuid), 1_000);
        assert_noop!(AdminUtils::sudo_set_min_burn(root(), netuid, TAO), Error::<Test>::ValueNotInBounds);
        assert_ok!(AdminUtils::sudo_set_max_burn(root(), netuid, 2 * TAO));
        assert_eq!(st::MaxBurn::<Test>::get(netuid), 2 * TAO);
        assert_noop!(AdminUtils::sudo_set_max_burn(root(), netuid, TAO / 10), Error::<Test>::ValueNotInBounds);
        assert_noop!(AdminUtils::sudo_set_min_burn(root(), netuid, 3 * TAO), Error::<Test>::ValueNotInBounds);

        assert_ok!(AdminUtils::sudo_set_burn_half_life(root(), netuid, 2));
        assert_eq!(st::BurnHalfLife::<Test>::get(netuid), 2);
        assert_eq!(st::BurnDecayFactor::<Test>::get(netuid), Some(3_037_000_500));
        for bad in [0u16, 36_101] {
            assert_noop!(
                AdminUtils::sudo_set_burn_half_life(root(), netuid, bad),
                Error::<Test>::InvalidBurnHalfLife
            );
        }
        assert_ok!(AdminUtils::sudo_set_burn_increase_mult(root(), netuid, U64F64::from_num(2)));
        assert_eq!(st::BurnIncreaseMult::<Test>::get(netuid), U64F64::from_num(2));
        for bad in [U64F64::from_num(0.5), U64F64::from_num(3.5)] {
            assert_noop!(
                AdminUtils::sudo_set_burn_increase_mult(root(), netuid, bad),
                Error::<Test>::InvalidBurnIncreaseMult
            );
        }
        assert_noop!(
            AdminUtils::sudo_set_burn_half_life(root(), 0, 5),
            Error::<Test>::NotPermittedOnRootSubnet
        );
    });
}
