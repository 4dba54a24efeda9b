//! `recycle_alpha`, `burn_alpha`, `add_stake_burn` and the auto-stake destination
//! (`staking-2.md` §4).

use super::*;

#[test]
fn recycle_takes_alpha_out_of_circulation() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let held = SubtensorModule::alpha_stake(&account(101), &account(2), netuid);
        let out = SubnetAlphaOut::<Test>::get(netuid);
        assert_ok!(SubtensorModule::recycle_alpha(signed(2), account(101), 1_000_000, netuid));
        assert_eq!(SubtensorModule::alpha_stake(&account(101), &account(2), netuid), held - 1_000_000);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), out - 1_000_000);
        System::assert_last_event(Event::AlphaRecycled(account(2), account(101), 1_000_000, netuid).into());
        // More than held: capped at the holding.
        assert_ok!(SubtensorModule::recycle_alpha(signed(2), account(101), u64::MAX, netuid));
        assert_eq!(SubtensorModule::alpha_stake(&account(101), &account(2), netuid), 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), out - held);
        assert_issuance_consistent();
    });
}

#[test]
fn burn_leaves_alpha_out_and_counts_the_burn() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let held = SubtensorModule::alpha_stake(&account(101), &account(2), netuid);
        let (out, burned) = (SubnetAlphaOut::<Test>::get(netuid), SubnetAlphaBurned::<Test>::get(netuid));
        assert_ok!(SubtensorModule::burn_alpha(signed(2), account(101), held, netuid));
        assert_eq!(SubtensorModule::alpha_stake(&account(101), &account(2), netuid), 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), out);
        assert_eq!(SubnetAlphaBurned::<Test>::get(netuid), burned + held);
        System::assert_last_event(Event::AlphaBurned(account(2), account(101), held, netuid).into());
        assert_issuance_consistent();
    });
}

#[test]
fn destroying_alpha_errors_change_nothing() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), 0, 10 * TAO));
        assert_noop!(
            SubtensorModule::burn_alpha(signed(2), account(101), 1_000, 0),
            Error::<Test>::CannotBurnOrRecycleOnRootSubnet
        );
        assert_noop!(SubtensorModule::recycle_alpha(signed(2), account(101), 1_000, 9), Error::<Test>::SubnetNotExists);
        assert_noop!(
            SubtensorModule::recycle_alpha(signed(3), account(101), 1_000, netuid),
            Error::<Test>::NotEnoughStakeToWithdraw
        );
        assert_noop!(
            SubtensorModule::burn_alpha(signed(2), account(77), 1_000, netuid),
            Error::<Test>::HotKeyAccountNotExists
        );
    });
}

#[test]
fn add_stake_burn_buys_and_burns() {
    checked(|| {
        let netuid = started_subnet(1);
        let (tao_before, out_before, burned_before) =
            (SubnetTAO::<Test>::get(netuid), SubnetAlphaOut::<Test>::get(netuid), SubnetAlphaBurned::<Test>::get(netuid));
        let balance = free(2);
        assert_ok!(SubtensorModule::add_stake_burn(signed(2), account(101), netuid, 10 * TAO, None));
        assert_eq!(free(2), balance - 10 * TAO);
        assert_eq!(SubtensorModule::alpha_stake(&account(101), &account(2), netuid), 0);
        assert!(SubnetTAO::<Test>::get(netuid) > tao_before);
        let bought = SubnetAlphaOut::<Test>::get(netuid) - out_before;
        assert!(bought > 0);
        assert_eq!(SubnetAlphaBurned::<Test>::get(netuid), burned_before + bought);
        let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
        let n = events.len();
        assert!(matches!(&events[n - 3], RuntimeEvent::SubtensorModule(Event::StakeAdded(..))));
        assert_eq!(events[n - 2], Event::AlphaBurned(account(2), account(101), bought, netuid).into());
        assert_eq!(
            events[n - 1],
            Event::AddStakeBurn { netuid, hotkey: account(101), amount: 10 * TAO, alpha: bought }.into()
        );
        assert_issuance_consistent();
    });
}

#[test]
fn add_stake_burn_is_all_or_nothing() {
    checked(|| {
        let netuid = started_subnet(1);
        // A price limit below the current price: the stake leg fails, nothing happens.
        assert_noop!(
            SubtensorModule::add_stake_burn(signed(2), account(101), netuid, 10 * TAO, Some(1)),
            Error::<Test>::PriceLimitExceeded
        );
        // On root the burn leg fails and the stake is undone.
        let balance = free(2);
        assert_noop!(
            SubtensorModule::add_stake_burn(signed(2), account(101), 0, 10 * TAO, None),
            Error::<Test>::CannotBurnOrRecycleOnRootSubnet
        );
        assert_eq!(free(2), balance);
    });
}

#[test]
fn auto_stake_destination_is_set_and_replaced() {
    checked(|| {
        let netuid = started_subnet(1);
        register_hotkey(netuid, 2, 12);
        register_hotkey(netuid, 2, 13);
        assert!(AutoStakeDestination::<Test>::get(account(3), netuid).is_none());
        assert_noop!(
            SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), netuid, account(77)),
            Error::<Test>::HotKeyNotRegisteredInSubNet
        );
        assert_noop!(
            SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), 9, account(12)),
            Error::<Test>::SubnetNotExists
        );
        assert_ok!(SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), netuid, account(12)));
        System::assert_last_event(
            Event::AutoStakeDestinationSet { coldkey: account(3), netuid, hotkey: account(12) }.into(),
        );
        assert_noop!(
            SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), netuid, account(12)),
            Error::<Test>::SameAutoStakeHotkeyAlreadySet
        );
        assert_eq!(AutoStakeDestinationColdkeys::<Test>::get(account(12), netuid), vec![account(3)]);
        assert_ok!(SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), netuid, account(13)));
        assert_eq!(AutoStakeDestination::<Test>::get(account(3), netuid), Some(account(13)));
        assert!(AutoStakeDestinationColdkeys::<Test>::get(account(12), netuid).is_empty());
        assert_eq!(AutoStakeDestinationColdkeys::<Test>::get(account(13), netuid), vec![account(3)]);
    });
}
