//! Dissolving subnets and pruning one to make room (`economics.md` §6.1 step 3, §6.3).

use super::*;
use crate::dissolve::largest_remainder_split;
use frame_support::traits::fungible::Mutate;
use sp_runtime::DispatchError;

/// A position as staking leaves it: `tao` moved into the pool, `alpha` out of it and held by
/// (hotkey, coldkey) as shares.
fn stake_position(cold: u8, hot: u8, netuid: u16, tao: u64, alpha: u64) {
    assert_ok!(<Balances as Mutate<AccountId32>>::transfer(
        &account(cold),
        &SubtensorModule::subnet_account(netuid),
        tao,
        frame_support::traits::tokens::Preservation::Preserve,
    ));
    SubnetTAO::<Test>::mutate(netuid, |t| *t += tao);
    TotalStake::<Test>::mutate(|t| *t += tao);
    SubnetAlphaIn::<Test>::mutate(netuid, |a| *a -= alpha);
    SubnetAlphaOut::<Test>::mutate(netuid, |a| *a += alpha);
    SubtensorModule::increase_alpha_stake(&account(hot), &account(cold), netuid, alpha);
    assert_issuance_consistent();
}

#[test]
fn dissolve_pays_stakers_pro_rata_and_recycles_the_rest() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 12);
        stake_position(3, 12, netuid, 30 * TAO, 20 * TAO);
        stake_position(4, 12, netuid, 10 * TAO, 7 * TAO);
        stake_position(4, 101, netuid, 5 * TAO, 3 * TAO);
        let pot_account = SubtensorModule::subnet_account(netuid);
        let held = Balances::free_balance(&pot_account);
        let pot = SubnetTAO::<Test>::get(netuid);
        let protocol = SubnetAlphaIn::<Test>::get(netuid);
        let stakes = SubtensorModule::stakes_on_subnet(netuid);
        let mut weights: Vec<u128> = stakes.iter().map(|(_, _, a)| u128::from(*a)).collect();
        weights.push(u128::from(protocol));
        let payouts = largest_remainder_split(pot, &weights);
        let mut expected_gain = std::collections::BTreeMap::<AccountId32, u64>::new();
        for ((_, c, _), p) in stakes.iter().zip(payouts.iter()) {
            *expected_gain.entry(c.clone()).or_default() += *p;
        }
        let (before3, before4) = (free(3), free(4));
        let issuance = TotalIssuance::<Test>::get();
        let networks = TotalNetworks::<Test>::get();

        assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), account(1), netuid));

        assert_eq!(free(3) - before3, expected_gain[&account(3)]);
        assert_eq!(free(4) - before4, expected_gain[&account(4)]);
        // 30 TAO bought 20 of 100+ alpha: coldkey 3 gets back a fifth-ish of the pool.
        assert!(expected_gain[&account(3)] > 20 * TAO);
        let paid: u64 = expected_gain.values().sum();
        assert_eq!(Balances::free_balance(&pot_account), 0);
        assert_eq!(TotalIssuance::<Test>::get(), issuance - (held - paid));
        assert_eq!(TotalStake::<Test>::get(), 0);
        assert_eq!(TotalNetworks::<Test>::get(), networks - 1);
        assert!(!NetworksAdded::<Test>::get(netuid));
        assert_eq!(SubnetTAO::<Test>::get(netuid), 0);
        assert_eq!(SubnetworkN::<Test>::get(netuid), 0);
        assert_eq!(Uids::<Test>::get(netuid, account(12)), None);
        assert!(!IsNetworkMember::<Test>::get(account(12), netuid));
        assert!(!Keys::<Test>::contains_key(netuid, 0));
        assert!(!TokenSymbol::<Test>::contains_key(netuid));
        assert!(!SubnetOwner::<Test>::contains_key(netuid));
        assert_eq!(SubtensorModule::alpha_stake(&account(12), &account(3), netuid), 0);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(account(12), netuid), 0);
        // Hotkey ownership is not per subnet and stays.
        assert_eq!(Owner::<Test>::get(account(12)), account(2));
        System::assert_last_event(Event::NetworkRemoved(netuid).into());
        assert_issuance_consistent();
    });
}

#[test]
fn a_subnet_without_stakers_recycles_its_whole_pool() {
    checked(|| {
        let netuid = add_subnet(1);
        let issuance = TotalIssuance::<Test>::get();
        let held = Balances::free_balance(SubtensorModule::subnet_account(netuid));
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        assert_eq!(TotalIssuance::<Test>::get(), issuance - held);
        assert_issuance_consistent();
    });
}

#[test]
fn dissolve_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_noop!(
            SubtensorModule::dissolve_network(signed(1), account(1), netuid),
            DispatchError::BadOrigin
        );
        assert_noop!(SubtensorModule::root_dissolve_network(signed(1), netuid), DispatchError::BadOrigin);
        assert_noop!(
            SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), 0),
            Error::<Test>::CannotDissolveRootSubnet
        );
        assert_noop!(
            SubtensorModule::dissolve_network(RuntimeOrigin::root(), account(1), 9),
            Error::<Test>::SubnetNotExists
        );
        assert_issuance_consistent();
    });
}

#[test]
fn a_dissolved_netuid_is_reused_with_fresh_state() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 12);
        Tempo::<Test>::insert(netuid, 999);
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        let again = add_subnet(3);
        assert_eq!(again, netuid);
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(3));
        assert_eq!(SubnetworkN::<Test>::get(netuid), 1);
        assert_eq!(Tempo::<Test>::get(netuid), 360);
        assert_eq!(Burn::<Test>::get(netuid), TAO);
        assert_eq!(Uids::<Test>::get(netuid, account(12)), None);
        assert_issuance_consistent();
    });
}

/// Fills the mock's four subnet slots (owners 1..=4) and moves past their immunity.
fn fill_subnets(prices: [u64; 4]) {
    NetworkImmunityPeriod::<Test>::put(10);
    for (i, owner) in (1..=4u8).enumerate() {
        let netuid = add_subnet(owner);
        SubnetMovingPrice::<Test>::insert(netuid, substrate_fixed::types::I96F32::from_num(prices[i]));
        run_to_block(System::block_number() + 1);
    }
}

#[test]
fn a_full_chain_prunes_the_lowest_moving_price() {
    checked(|| {
        fill_subnets([5, 2, 7, 3]);
        run_to_block(20);
        let lock = SubtensorModule::get_network_lock_cost();
        let before = free(5);
        assert_ok!(SubtensorModule::register_network(signed(5), account(105)));
        // Subnet 2 had the lowest moving price; its netuid is reused.
        assert_eq!(SubnetOwner::<Test>::get(2), account(5));
        assert_eq!(free(5), before - lock);
        assert_eq!(TotalNetworks::<Test>::get(), 5);
        assert!(System::events().iter().any(|e| e.event == Event::NetworkRemoved(2).into()));
        System::assert_last_event(Event::NetworkAdded(2, 1).into());
        assert_issuance_consistent();
    });
}

#[test]
fn pruning_ties_go_to_the_earliest_registration() {
    checked(|| {
        fill_subnets([4, 3, 3, 9]);
        run_to_block(20);
        assert_ok!(SubtensorModule::register_network(signed(5), account(105)));
        assert_eq!(SubnetOwner::<Test>::get(2), account(5));
        assert_eq!(SubnetOwner::<Test>::get(3), account(3));
    });
}

#[test]
fn a_full_chain_of_immune_subnets_refuses_registration() {
    checked(|| {
        fill_subnets([1, 2, 3, 4]);
        NetworkImmunityPeriod::<Test>::put(1_000);
        assert_noop!(
            SubtensorModule::register_network(signed(5), account(105)),
            Error::<Test>::SubnetLimitReached
        );
    });
}
