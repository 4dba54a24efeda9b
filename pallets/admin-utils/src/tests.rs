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

#[test]
fn root_sets_the_other_global_values() {
    new_test_ext().execute_with(|| {
        assert_ok!(AdminUtils::sudo_set_default_take(root(), 1_000));
        assert_eq!(st::MaxDelegateTake::<Test>::get(), 1_000);
        assert_ok!(AdminUtils::sudo_set_subnet_owner_cut(root(), 0));
        assert_eq!(st::SubnetOwnerCut::<Test>::get(), 0);
        assert_ok!(AdminUtils::sudo_set_network_immunity_period(root(), 12));
        assert_eq!(st::NetworkImmunityPeriod::<Test>::get(), 12);
        assert_ok!(AdminUtils::sudo_set_stake_threshold(root(), 13));
        assert_eq!(st::StakeThreshold::<Test>::get(), 13);
        assert_ok!(AdminUtils::sudo_set_nominator_min_required_stake(root(), 14));
        assert_eq!(st::NominatorMinRequiredStake::<Test>::get(), 14);
        assert_ok!(AdminUtils::sudo_set_tx_delegate_take_rate_limit(root(), 15));
        assert_eq!(st::TxDelegateTakeRateLimit::<Test>::get(), 15);
        assert_ok!(AdminUtils::sudo_set_min_delegate_take(root(), 16));
        assert_eq!(st::MinDelegateTake::<Test>::get(), 16);
        let alpha = substrate_fixed::types::I96F32::from_num(0.5);
        assert_ok!(AdminUtils::sudo_set_subnet_moving_alpha(root(), alpha));
        assert_eq!(st::SubnetMovingAlpha::<Test>::get(), alpha);
        assert_ok!(AdminUtils::sudo_set_commit_reveal_version(root(), 3));
        assert_eq!(st::CommitRevealWeightsVersion::<Test>::get(), 3);
        assert_ok!(AdminUtils::sudo_set_ck_burn(root(), 17));
        assert_eq!(st::CKBurn::<Test>::get(), 17);
        assert_ok!(AdminUtils::sudo_set_max_mechanism_count(root(), 4));
        assert_eq!(st::MaxMechanismCount::<Test>::get(), 4);
        assert_ok!(AdminUtils::sudo_set_max_epochs_per_block(root(), 8));
        assert_eq!(st::MaxEpochsPerBlock::<Test>::get(), 8);

        assert_noop!(AdminUtils::sudo_set_default_take(signed(1), 1), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_ck_burn(signed(1), 1), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_max_epochs_per_block(root(), 0), Error::<Test>::InvalidMaxEpochsPerBlock);
        assert_noop!(AdminUtils::sudo_set_max_mechanism_count(root(), 0), Error::<Test>::InvalidMechanismCount);
        // Past 16 mechanisms, `mecid × 4096 + netuid` would leave u16 and indices would collide.
        assert_ok!(AdminUtils::sudo_set_max_mechanism_count(root(), 16));
        assert_noop!(AdminUtils::sudo_set_max_mechanism_count(root(), 17), Error::<Test>::InvalidMechanismCount);
        assert_noop!(AdminUtils::sudo_set_max_mechanism_count(root(), 255), Error::<Test>::InvalidMechanismCount);
        assert_eq!(st::MaxMechanismCount::<Test>::get(), 16);
        // Retired calls fail for everyone.
        assert_noop!(
            AdminUtils::sudo_set_network_pow_registration_allowed(root(), 0, true),
            Error::<Test>::POWRegistrationDisabled
        );
        assert_noop!(AdminUtils::sudo_set_total_issuance(root(), 1), Error::<Test>::Deprecated);
    });
}

#[test]
fn root_sets_the_other_root_only_subnet_values() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        assert_ok!(AdminUtils::sudo_set_min_difficulty(root(), netuid, 1));
        assert_eq!(st::MinDifficulty::<Test>::get(netuid), 1);
        assert_ok!(AdminUtils::sudo_set_adjustment_interval(root(), netuid, 2));
        assert_eq!(st::AdjustmentInterval::<Test>::get(netuid), 2);
        assert_ok!(AdminUtils::sudo_set_target_registrations_per_interval(root(), netuid, 3));
        assert_eq!(st::TargetRegistrationsPerInterval::<Test>::get(netuid), 3);
        assert_ok!(AdminUtils::sudo_set_difficulty(root(), netuid, 4));
        assert_eq!(st::Difficulty::<Test>::get(netuid), 4);
        assert_ok!(AdminUtils::sudo_set_max_registrations_per_block(root(), netuid, 5));
        assert_eq!(st::MaxRegistrationsPerBlock::<Test>::get(netuid), 5);
        assert_ok!(AdminUtils::sudo_set_rao_recycled(root(), netuid, 6));
        assert_eq!(st::RAORecycledForRegistration::<Test>::get(netuid), 6);
        assert_ok!(AdminUtils::sudo_set_ema_price_halving_period(root(), netuid, 7));
        assert_eq!(st::EMAPriceHalvingBlocks::<Test>::get(netuid), 7);
        assert_ok!(AdminUtils::sudo_set_subtoken_enabled(root(), netuid, true));
        assert!(st::SubtokenEnabled::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_min_allowed_uids(root(), netuid, 1));
        assert_eq!(st::MinAllowedUids::<Test>::get(netuid), 1);
        assert_ok!(AdminUtils::sudo_set_min_non_immune_uids(root(), netuid, 9));
        assert_eq!(st::MinNonImmuneUids::<Test>::get(netuid), 9);

        assert_noop!(AdminUtils::sudo_set_difficulty(signed(1), netuid, 1), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_subtoken_enabled(signed(1), netuid, false), DispatchError::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_difficulty(root(), 9, 1), Error::<Test>::SubnetDoesNotExist);
        // One uid registered: the minimum cannot exceed it.
        assert_noop!(
            AdminUtils::sudo_set_min_allowed_uids(root(), netuid, 2),
            Error::<Test>::MinAllowedUidsNotAllowed
        );
    });
}

#[test]
fn owner_or_root_set_consensus_values() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        let o = || signed(1);
        assert_ok!(AdminUtils::sudo_set_max_difficulty(o(), netuid, 1));
        assert_eq!(st::MaxDifficulty::<Test>::get(netuid), 1);
        assert_ok!(AdminUtils::sudo_set_weights_version_key(o(), netuid, 2));
        assert_eq!(st::WeightsVersionKey::<Test>::get(netuid), 2);
        assert_ok!(AdminUtils::sudo_set_adjustment_alpha(o(), netuid, 3));
        assert_eq!(st::AdjustmentAlpha::<Test>::get(netuid), 3);
        assert_ok!(AdminUtils::sudo_set_rho(o(), netuid, 4));
        assert_eq!(st::Rho::<Test>::get(netuid), 4);
        assert_ok!(AdminUtils::sudo_set_activity_cutoff(o(), netuid, 400));
        assert_eq!(st::ActivityCutoff::<Test>::get(netuid), 400);
        assert_ok!(AdminUtils::sudo_set_bonds_moving_average(o(), netuid, 5));
        assert_eq!(st::BondsMovingAverage::<Test>::get(netuid), 5);
        assert_ok!(AdminUtils::sudo_set_liquid_alpha_enabled(o(), netuid, true));
        assert!(st::LiquidAlphaOn::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_alpha_values(o(), netuid, 26001, 54099));
        assert_eq!(st::AlphaValues::<Test>::get(netuid), (26001, 54099));
        assert_ok!(AdminUtils::sudo_set_commit_reveal_weights_interval(o(), netuid, 3));
        assert_eq!(st::RevealPeriodEpochs::<Test>::get(netuid), 3);
        assert_ok!(AdminUtils::sudo_set_bonds_penalty(o(), netuid, 6));
        assert_eq!(st::BondsPenalty::<Test>::get(netuid), 6);
        assert_ok!(AdminUtils::sudo_set_toggle_transfer(o(), netuid, false));
        assert!(!st::TransferToggle::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_alpha_sigmoid_steepness(o(), netuid, 7));
        assert_eq!(st::AlphaSigmoidSteepness::<Test>::get(netuid), 7);
        assert_ok!(AdminUtils::sudo_set_yuma3_enabled(o(), netuid, false));
        assert!(!st::Yuma3On::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_bonds_reset_enabled(o(), netuid, true));
        assert!(st::BondsResetOn::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_owner_immune_neuron_limit(o(), netuid, 3));
        assert_eq!(st::ImmuneOwnerUidsLimit::<Test>::get(netuid), 3);
        assert_ok!(AdminUtils::sudo_set_mechanism_count(o(), netuid, 2));
        assert_eq!(st::MechanismCountCurrent::<Test>::get(netuid), 2);
        assert_ok!(AdminUtils::sudo_set_mechanism_emission_split(o(), netuid, Some(vec![65_000, 535])));
        assert_eq!(st::MechanismEmissionSplit::<Test>::get(netuid), Some(vec![65_000, 535]));
        assert_ok!(AdminUtils::sudo_set_recycle_or_burn(o(), netuid, st::RecycleOrBurnEnum::Recycle));
        assert_eq!(st::RecycleOrBurn::<Test>::get(netuid), st::RecycleOrBurnEnum::Recycle);
        assert_ok!(AdminUtils::sudo_set_owner_cut_enabled(o(), netuid, false));
        assert!(!st::OwnerCutEnabled::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_min_childkey_take_per_subnet(o(), netuid, 100));
        assert_eq!(st::MinChildkeyTakePerSubnet::<Test>::get(netuid), 100);
        assert_ok!(AdminUtils::sudo_set_owner_cut_auto_lock_enabled(o(), netuid, true));
        assert!(st::OwnerCutAutoLockEnabled::<Test>::get(netuid));
        assert_ok!(AdminUtils::sudo_set_sn_owner_hotkey(o(), netuid, account(55)));
        assert_eq!(st::SubnetOwnerHotkey::<Test>::get(netuid), account(55));

        // Each of them is rate limited for the owner, per parameter.
        assert_noop!(AdminUtils::sudo_set_rho(o(), netuid, 9), Error::<Test>::TxRateLimitExceeded);
        assert_noop!(AdminUtils::sudo_set_weights_version_key(o(), netuid, 9), Error::<Test>::TxRateLimitExceeded);
        assert_noop!(
            AdminUtils::sudo_set_subnet_owner_hotkey(o(), netuid, account(56)),
            Error::<Test>::OwnerHotkeyRateLimitExceeded
        );
        // Another coldkey may set none of them.
        assert_noop!(AdminUtils::sudo_set_bonds_penalty(signed(2), netuid, 1), Error::<Test>::BadOrigin);
        assert_noop!(AdminUtils::sudo_set_owner_cut_enabled(signed(2), netuid, true), Error::<Test>::BadOrigin);
        // Root is not rate limited.
        assert_ok!(AdminUtils::sudo_set_rho(root(), netuid, 9));
        assert_eq!(st::Rho::<Test>::get(netuid), 9);
    });
}

#[test]
fn consensus_value_ranges_are_checked() {
    new_test_ext().execute_with(|| {
        let netuid = subnet();
        st::AdminFreezeWindow::<Test>::put(0);
        assert_noop!(AdminUtils::sudo_set_activity_cutoff(root(), netuid, 359), Error::<Test>::ActivityCutoffTooLow);
        // Upstream's rule and errors (staking-2.md §8.2): nothing while liquid alpha is off,
        // then high ≥ 1638 and 1638 ≤ low ≤ high.
        assert_noop!(
            AdminUtils::sudo_set_alpha_values(root(), netuid, 6553, 53083),
            st::Error::<Test>::LiquidAlphaDisabled
        );
        assert_ok!(AdminUtils::sudo_set_liquid_alpha_enabled(root(), netuid, true));
        assert_noop!(AdminUtils::sudo_set_alpha_values(root(), netuid, 6553, 87), st::Error::<Test>::AlphaHighTooLow);
        assert_noop!(AdminUtils::sudo_set_alpha_values(root(), netuid, 0, 53083), st::Error::<Test>::AlphaLowOutOfRange);
        assert_noop!(
            AdminUtils::sudo_set_alpha_values(root(), netuid, 53084, 53083),
            st::Error::<Test>::AlphaLowOutOfRange
        );
        assert_noop!(AdminUtils::sudo_set_alpha_values(root(), netuid, 1637, 53083), st::Error::<Test>::AlphaLowOutOfRange);
        assert_ok!(AdminUtils::sudo_set_alpha_values(root(), netuid, 1638, 1638));
        assert_eq!(st::AlphaValues::<Test>::get(netuid), (1638, 1638));
        assert_noop!(
            AdminUtils::sudo_set_commit_reveal_weights_interval(root(), netuid, 0),
            Error::<Test>::RevealPeriodOutOfBounds
        );
        assert_noop!(
            AdminUtils::sudo_set_commit_reveal_weights_interval(root(), netuid, 101),
            Error::<Test>::RevealPeriodOutOfBounds
        );
        assert_noop!(
            AdminUtils::sudo_set_alpha_sigmoid_steepness(signed(1), netuid, -1),
            Error::<Test>::NegativeSigmoidSteepness
        );
        assert_ok!(AdminUtils::sudo_set_alpha_sigmoid_steepness(root(), netuid, -1));
        assert_noop!(
            AdminUtils::sudo_set_owner_immune_neuron_limit(root(), netuid, 0),
            Error::<Test>::InvalidImmuneNeuronLimit
        );
        assert_noop!(
            AdminUtils::sudo_set_owner_immune_neuron_limit(root(), netuid, 11),
            Error::<Test>::InvalidImmuneNeuronLimit
        );
        assert_noop!(AdminUtils::sudo_set_mechanism_count(root(), netuid, 3), Error::<Test>::InvalidMechanismCount);
        assert_noop!(AdminUtils::sudo_set_mechanism_count(root(), netuid, 0), Error::<Test>::InvalidMechanismCount);
        assert_noop!(
            AdminUtils::sudo_set_mechanism_emission_split(root(), netuid, Some(vec![65_535, 0])),
            Error::<Test>::InvalidMechanismEmissionSplit
        );
        assert_ok!(AdminUtils::sudo_set_mechanism_count(root(), netuid, 2));
        assert_noop!(
            AdminUtils::sudo_set_mechanism_emission_split(root(), netuid, Some(vec![1, 2])),
            Error::<Test>::InvalidMechanismEmissionSplit
        );
        assert_ok!(AdminUtils::sudo_set_mechanism_emission_split(root(), netuid, None));
        assert_noop!(
            AdminUtils::sudo_set_min_childkey_take_per_subnet(root(), netuid, 11_797),
            Error::<Test>::InvalidValue
        );
        assert_noop!(AdminUtils::sudo_set_owner_cut_enabled(root(), 0, true), Error::<Test>::NotPermittedOnRootSubnet);
    });
}
