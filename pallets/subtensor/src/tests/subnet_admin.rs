//! Token symbols and the owner's `trigger_epoch` (`economics.md` §6.2).

use super::*;
use crate::symbols;
use sp_runtime::DispatchError;

#[test]
fn new_subnets_get_the_symbol_at_their_netuid() {
    checked(|| {
        let a = add_subnet(1);
        let b = add_subnet(2);
        assert_eq!(TokenSymbol::<Test>::get(a), "α".as_bytes());
        assert_eq!(TokenSymbol::<Test>::get(b), "β".as_bytes());
        // Root keeps the default tau.
        assert_eq!(TokenSymbol::<Test>::get(0), "\u{1D70F}".as_bytes());
    });
}

#[test]
fn a_taken_symbol_makes_a_new_subnet_take_the_first_free_one() {
    checked(|| {
        let a = add_subnet(1);
        // Subnet 1 takes γ, which netuid 3 would get; γ's owner-to-be gets the first free one.
        assert_ok!(SubtensorModule::update_symbol(signed(1), a, "γ".as_bytes().to_vec()));
        let b = add_subnet(2);
        let c = add_subnet(3);
        assert_eq!(TokenSymbol::<Test>::get(b), "β".as_bytes());
        assert_eq!(TokenSymbol::<Test>::get(c), "α".as_bytes());
    });
}

#[test]
fn owner_or_root_update_the_symbol() {
    checked(|| {
        let netuid = add_subnet(1);
        let omega = symbols::symbol(24).unwrap();
        assert_ok!(SubtensorModule::update_symbol(signed(1), netuid, omega.clone()));
        assert_eq!(TokenSymbol::<Test>::get(netuid), omega);
        System::assert_last_event(Event::SymbolUpdated(netuid, omega).into());
        let last = symbols::symbol(symbols::SYMBOL_COUNT - 1).unwrap();
        assert_ok!(SubtensorModule::update_symbol(RuntimeOrigin::root(), netuid, last.clone()));
        assert_eq!(TokenSymbol::<Test>::get(netuid), last);
    });
}

#[test]
fn update_symbol_errors_change_nothing() {
    checked(|| {
        let a = add_subnet(1);
        let b = add_subnet(2);
        let beta = TokenSymbol::<Test>::get(b);
        assert_noop!(SubtensorModule::update_symbol(signed(2), a, "ζ".as_bytes().to_vec()), Error::<Test>::NotSubnetOwner);
        assert_noop!(SubtensorModule::update_symbol(signed(1), 9, "ζ".as_bytes().to_vec()), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::update_symbol(signed(1), a, b"Z".to_vec()), Error::<Test>::SymbolDoesNotExist);
        assert_noop!(SubtensorModule::update_symbol(signed(1), a, "Τ".as_bytes().to_vec()), Error::<Test>::SymbolDoesNotExist);
        assert_noop!(SubtensorModule::update_symbol(signed(1), a, beta), Error::<Test>::SymbolAlreadyInUse);
        assert_noop!(SubtensorModule::update_symbol(RuntimeOrigin::none(), a, "ζ".as_bytes().to_vec()), DispatchError::BadOrigin);
    });
}

/// A subnet with commit-reveal off and its next epoch well ahead.
fn triggerable_subnet() -> u16 {
    let netuid = add_subnet(1);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    LastEpochBlock::<Test>::insert(netuid, System::block_number());
    netuid
}

#[test]
fn the_owner_triggers_an_epoch_after_the_freeze_window() {
    checked(|| {
        let netuid = triggerable_subnet();
        run_to_block(5);
        assert_ok!(SubtensorModule::trigger_epoch(signed(1), netuid));
        assert_eq!(PendingEpochAt::<Test>::get(netuid), 5 + 10);
        System::assert_last_event(Event::EpochTriggered(netuid, 15).into());
    });
}

#[test]
fn trigger_epoch_errors_change_nothing() {
    checked(|| {
        let netuid = triggerable_subnet();
        assert_noop!(SubtensorModule::trigger_epoch(signed(2), netuid), Error::<Test>::NotSubnetOwner);
        assert_noop!(SubtensorModule::trigger_epoch(signed(1), 9), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::trigger_epoch(signed(1), 0), Error::<Test>::RegistrationNotPermittedOnRootSubnet);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        assert_noop!(SubtensorModule::trigger_epoch(signed(1), netuid), Error::<Test>::CommitRevealEnabled);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        // The automatic epoch is 9 blocks away, inside the 10-block window.
        Tempo::<Test>::insert(netuid, 10);
        LastEpochBlock::<Test>::insert(netuid, 0);
        assert_noop!(
            SubtensorModule::trigger_epoch(signed(1), netuid),
            Error::<Test>::AdminActionProhibitedDuringWeightsWindow
        );
        Tempo::<Test>::insert(netuid, 360);
        LastEpochBlock::<Test>::insert(netuid, 1);
        assert_ok!(SubtensorModule::trigger_epoch(signed(1), netuid));
        assert_noop!(SubtensorModule::trigger_epoch(signed(1), netuid), Error::<Test>::EpochAlreadyPending);
        // Once the pending epoch has run, the rate limit (2 tempos) still applies.
        PendingEpochAt::<Test>::insert(netuid, 0);
        assert_noop!(SubtensorModule::trigger_epoch(signed(1), netuid), Error::<Test>::TxRateLimitExceeded);
        run_to_block(1 + 720);
        LastEpochBlock::<Test>::insert(netuid, 721);
        assert_ok!(SubtensorModule::trigger_epoch(signed(1), netuid));
    });
}
