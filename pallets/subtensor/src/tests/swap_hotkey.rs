//! Hotkey swaps (`staking-2.md` §3): the checks in order, what moves on every subnet or on
//! one, and the §3.4 vectors (TxRateLimit 0, interval 15 unless a test says otherwise).

use super::*;
use crate::swap_coldkey::KEY_SWAP_COST;
use crate::swap_hotkey::KEY_SWAP_ON_SUBNET_COST;

const MAX: u64 = u64::MAX;

fn setup() {
    TxRateLimit::<Test>::put(0);
    HotkeySwapOnSubnetInterval::<Test>::put(15);
}

fn swap(cold: u8, old: u8, new: u8, netuid: Option<u16>) -> frame_support::pallet_prelude::DispatchResult {
    SubtensorModule::swap_hotkey(signed(cold), account(old), account(new), netuid)
}

#[test]
fn a_swap_on_every_subnet_moves_the_uid_stake_takes_and_relations() {
    checked(|| {
        setup();
        let a = started_subnet(1);
        let b = started_subnet(1);
        register_hotkey(a, 2, 22);
        register_hotkey(b, 2, 22);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(22), a, 10 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(22), a, 5 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(22), 0, 2 * TAO));
        assert_ok!(SubtensorModule::serve_axon(signed(22), a, 7, 0x0a00_0001, 8091, 4, 4, 0, 0));
        assert_ok!(SubtensorModule::decrease_take(signed(2), account(22), 4_567));
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), a, 8_910));
        SubtokenEnabled::<Test>::insert(b, false);
        assert_ok!(SubtensorModule::set_children(signed(2), account(22), b, vec![(MAX / 2, account(40))]));
        LastTxBlock::<Test>::insert(account(22), 123);
        let uid = Uids::<Test>::get(a, account(22)).unwrap();
        let stakes: Vec<(u8, u16, u64)> = [(2, a), (3, a), (3, 0)]
            .iter()
            .map(|(c, n)| (*c, *n, SubtensorModule::alpha_stake(&account(22), &account(*c), *n)))
            .collect();
        let before = free(2);
        let take_stamp = LastTxBlockDelegateTake::<Test>::get(account(22));
        System::reset_events();

        assert_ok!(swap(2, 22, 23, None));
        System::assert_has_event(
            Event::HotkeySwapped { coldkey: account(2), old_hotkey: account(22), new_hotkey: account(23) }.into(),
        );
        assert_eq!(free(2), before - KEY_SWAP_COST);
        assert_eq!(Owner::<Test>::get(account(23)), account(2));
        assert!(!Owner::<Test>::contains_key(account(22)));
        assert!(OwnedHotkeys::<Test>::get(account(2)).contains(&account(23)));
        assert!(!OwnedHotkeys::<Test>::get(account(2)).contains(&account(22)));
        assert_eq!(Uids::<Test>::get(a, account(23)), Some(uid));
        assert_eq!(Keys::<Test>::get(a, uid), account(23));
        assert!(Uids::<Test>::get(a, account(22)).is_none());
        assert!(IsNetworkMember::<Test>::get(account(23), b) && !IsNetworkMember::<Test>::get(account(22), b));
        assert_eq!(Axons::<Test>::get(a, account(23)).map(|x| x.port), Some(8091));
        for (c, n, stake) in stakes {
            assert_eq!(SubtensorModule::alpha_stake(&account(23), &account(c), n), stake);
            assert_eq!(SubtensorModule::alpha_stake(&account(22), &account(c), n), 0);
        }
        assert!(StakingHotkeys::<Test>::get(account(3)).contains(&account(23)));
        assert!(!StakingHotkeys::<Test>::get(account(3)).contains(&account(22)));
        // §3.4: the stamps and takes follow.
        assert_eq!(LastTxBlockDelegateTake::<Test>::get(account(23)), take_stamp);
        assert!(!LastTxBlockDelegateTake::<Test>::contains_key(account(22)));
        assert_eq!(Delegates::<Test>::get(account(23)), 4_567);
        assert_eq!(ChildkeyTake::<Test>::get(account(23), a), 8_910);
        assert_eq!(ChildKeys::<Test>::get(account(23), b), vec![(MAX / 2, account(40))]);
        assert_eq!(ParentKeys::<Test>::get(account(40), b), vec![(MAX / 2, account(23))]);
        assert!(!ChildKeys::<Test>::contains_key(account(22), b));
        assert_eq!(LastTxBlock::<Test>::get(account(2)), 1);
        assert_eq!(LastHotkeySwapOnNetuid::<Test>::get(a, account(2)), 1);
        assert_issuance_consistent();
    });
}

#[test]
fn the_new_key_inherits_the_old_stamps() {
    checked(|| {
        setup();
        let a = add_subnet(1);
        register_hotkey(a, 2, 22);
        LastTxBlock::<Test>::insert(account(22), 123);
        assert_ok!(swap(2, 22, 23, None));
        assert_eq!(LastTxBlock::<Test>::get(account(23)), 123);
    });
}

#[test]
fn hotkey_swap_errors_in_order() {
    checked(|| {
        setup();
        let a = add_subnet(1);
        register_hotkey(a, 2, 22);
        register_hotkey(a, 2, 24);
        register_hotkey(a, 3, 33);
        assert_noop!(swap(3, 22, 23, None), Error::<Test>::NonAssociatedColdKey);
        assert_noop!(swap(2, 22, 33, None), Error::<Test>::NonAssociatedColdKey);
        assert_noop!(swap(2, 22, 22, None), Error::<Test>::NewHotKeyIsSameWithOld);
        assert_noop!(swap(2, 22, 24, None), Error::<Test>::HotKeyAlreadyRegisteredInSubNet);
        assert_noop!(swap(2, 22, 24, Some(a)), Error::<Test>::HotKeyAlreadyRegisteredInSubNet);
        // A root-touching swap needs a new key without root stake.
        Owner::<Test>::insert(account(25), account(2));
        assert_ok!(SubtensorModule::add_stake(signed(2), account(25), 0, TAO));
        assert_noop!(swap(2, 22, 25, None), Error::<Test>::NewHotKeyNotCleanForRootSwap);
        // The coldkey's rate limit.
        TxRateLimit::<Test>::put(10);
        assert_ok!(swap(2, 22, 23, None));
        assert_noop!(swap(2, 23, 26, None), Error::<Test>::HotKeySetTxRateLimitExceeded);
        // A coldkey without the cost.
        TxRateLimit::<Test>::put(0);
        let poor = account(50);
        assert_ok!(Balances::transfer_keep_alive(signed(2), poor.clone().into(), KEY_SWAP_COST));
        Owner::<Test>::insert(account(51), poor.clone());
        assert_noop!(
            SubtensorModule::swap_hotkey(RuntimeOrigin::signed(poor), account(51), account(52), None),
            Error::<Test>::NotEnoughBalanceToPaySwapHotKey
        );
        // A parent cannot be swapped onto one of its children (after the subnet's interval,
        // which the swap above started).
        run_to_block(17);
        SubtokenEnabled::<Test>::insert(a, false);
        assert_ok!(SubtensorModule::set_children(signed(2), account(24), a, vec![(MAX, account(27))]));
        assert_noop!(swap(2, 24, 27, None), Error::<Test>::InvalidChild);
        // Nor onto a key with relations of its own on a subnet the old key is swapped on.
        run_to_block(40);
        Owner::<Test>::insert(account(28), account(2));
        assert_ok!(SubtensorModule::set_children(signed(2), account(28), a, vec![(MAX, account(29))]));
        assert_noop!(swap(2, 24, 28, None), Error::<Test>::ChildParentInconsistency);
        assert_noop!(swap(2, 24, 29, None), Error::<Test>::ChildParentInconsistency);
    });
}

/// §3.4: one subnet at block interval + 1; again within the interval; records forgotten.
#[test]
fn a_swap_on_one_subnet_keeps_the_old_key_elsewhere() {
    checked(|| {
        setup();
        let a = started_subnet(1);
        let b = started_subnet(1);
        register_hotkey(a, 2, 22);
        register_hotkey(b, 2, 22);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(22), a, 10 * TAO));
        let stake = SubtensorModule::alpha_stake(&account(22), &account(2), a);
        // A fresh chain is younger than the interval.
        assert_noop!(swap(2, 22, 23, Some(a)), Error::<Test>::HotKeySwapOnSubnetIntervalNotPassed);
        run_to_block(16);
        let before = free(2);
        System::reset_events();
        assert_ok!(swap(2, 22, 23, Some(a)));
        System::assert_has_event(
            Event::HotkeySwappedOnSubnet {
                coldkey: account(2),
                old_hotkey: account(22),
                new_hotkey: account(23),
                netuid: a,
            }
            .into(),
        );
        assert_eq!(free(2), before - KEY_SWAP_ON_SUBNET_COST);
        assert_eq!(LastHotkeySwapOnNetuid::<Test>::get(a, account(2)), 16);
        assert!(Uids::<Test>::get(a, account(23)).is_some() && Uids::<Test>::get(b, account(22)).is_some());
        assert_eq!(Owner::<Test>::get(account(22)), account(2));
        assert_eq!(Owner::<Test>::get(account(23)), account(2));
        assert_eq!(SubtensorModule::alpha_stake(&account(23), &account(2), a), stake);
        run_to_block(20);
        register_hotkey(a, 2, 24);
        assert_noop!(swap(2, 24, 25, Some(a)), Error::<Test>::HotKeySwapOnSubnetIntervalNotPassed);
        run_to_block(16 + 2 * (15 + u64::from(a)));
        assert!(!LastHotkeySwapOnNetuid::<Test>::contains_key(a, account(2)));
    });
}

#[test]
fn keep_stake_leaves_the_stake_on_the_old_key() {
    checked(|| {
        setup();
        let a = started_subnet(1);
        register_hotkey(a, 2, 22);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(22), a, 10 * TAO));
        let stake = SubtensorModule::alpha_stake(&account(22), &account(2), a);
        assert_ok!(SubtensorModule::swap_hotkey_v2(signed(2), account(22), account(23), None, true));
        assert_eq!(SubtensorModule::alpha_stake(&account(22), &account(2), a), stake);
        assert_eq!(SubtensorModule::alpha_stake(&account(23), &account(2), a), 0);
        assert!(Uids::<Test>::get(a, account(23)).is_some());
    });
}

#[test]
fn the_owner_hotkey_follows_and_root_claims_stay_owed() {
    checked(|| {
        setup();
        let a = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), 0, 2 * TAO));
        RootClaimable::<Test>::mutate(account(101), |m| {
            m.insert(a, substrate_fixed::types::I96F32::from_num(0.25));
        });
        RootClaimed::<Test>::insert((a, account(101), account(3)), 1_000u128);
        let owed = SubtensorModule::root_owed(&account(101), &account(3), a);
        assert!(owed > 0);
        System::reset_events();
        assert_ok!(swap(1, 101, 111, None));
        assert_eq!(SubnetOwnerHotkey::<Test>::get(a), account(111));
        System::assert_has_event(Event::SubnetOwnerHotkeySet(a, account(111)).into());
        assert_eq!(SubtensorModule::root_owed(&account(111), &account(3), a), owed);
        assert!(RootClaimable::<Test>::get(account(101)).is_empty());
        // The rate was written by hand (no alpha backs it); remove it for the accounting.
        RootClaimable::<Test>::remove(account(111));
    });
}
