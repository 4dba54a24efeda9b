//! Childkeys (`staking-2.md` §1): scheduling and applying child lists, the checks in order,
//! the childkey take, the stake the epoch sees, the dividend split (the §1.9 worked example
//! to the rao), auto parent delegation and the §1.11 vectors.

use super::*;
use crate::childkeys::SET_CHILDREN_RATE_LIMIT;
use substrate_fixed::types::{I96F32, U96F32};

const MAX: u64 = u64::MAX;

fn set_children(cold: u8, hot: u8, netuid: u16, children: &[(u64, u8)]) -> frame_support::pallet_prelude::DispatchResult {
    SubtensorModule::set_children(
        signed(cold),
        account(hot),
        netuid,
        children.iter().map(|(p, c)| (*p, account(*c))).collect(),
    )
}

fn children_of(hot: u8, netuid: u16) -> Vec<(u64, AccountId32)> {
    ChildKeys::<Test>::get(account(hot), netuid)
}

fn parents_of(hot: u8, netuid: u16) -> Vec<(u64, AccountId32)> {
    ParentKeys::<Test>::get(account(hot), netuid)
}

/// A hotkey of coldkey `cold`, associated by registering it on `netuid`.
fn hotkey_on(netuid: u16, cold: u8, hot: u8) {
    register_hotkey(netuid, cold, hot);
}

/// C8: before `start_call` a list applies in the same call, stored sorted by child; revoking
/// removes both sides; a second change within 150 blocks is refused.
#[test]
fn children_apply_at_once_before_the_subnet_starts() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        System::reset_events();
        assert_ok!(set_children(2, 22, netuid, &[(MAX / 2, 40), (MAX / 4, 30)]));
        assert_eq!(children_of(22, netuid), vec![(MAX / 4, account(30)), (MAX / 2, account(40))]);
        assert_eq!(parents_of(30, netuid), vec![(MAX / 4, account(22))]);
        assert_eq!(parents_of(40, netuid), vec![(MAX / 2, account(22))]);
        assert!(!PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        System::assert_has_event(
            Event::SetChildren(account(22), netuid, vec![(MAX / 2, account(40)), (MAX / 4, account(30))]).into(),
        );
        assert_eq!(TransactionKeyLastBlock::<Test>::get((account(22), netuid, 0)), 1);

        assert_noop!(set_children(2, 22, netuid, &[]), Error::<Test>::TxRateLimitExceeded);
        run_to_block(1 + SET_CHILDREN_RATE_LIMIT);
        // Changing the list updates the kept child's parent entry and drops the other's.
        assert_ok!(set_children(2, 22, netuid, &[(MAX / 3, 40)]));
        assert_eq!(children_of(22, netuid), vec![(MAX / 3, account(40))]);
        assert_eq!(parents_of(40, netuid), vec![(MAX / 3, account(22))]);
        assert!(!ParentKeys::<Test>::contains_key(account(30), netuid));
        run_to_block(1 + 2 * SET_CHILDREN_RATE_LIMIT);
        assert_ok!(set_children(2, 22, netuid, &[]));
        assert!(!ChildKeys::<Test>::contains_key(account(22), netuid));
        assert!(!ParentKeys::<Test>::contains_key(account(40), netuid));
    });
}

/// §1.3: every check in order, each refusing without a change.
#[test]
fn set_children_errors_in_order() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        assert_noop!(set_children(2, 22, 0, &[(1, 30)]), Error::<Test>::RegistrationNotPermittedOnRootSubnet);
        assert_noop!(set_children(2, 22, 9, &[(1, 30)]), Error::<Test>::SubnetNotExists);
        assert_noop!(set_children(3, 22, netuid, &[(1, 30)]), Error::<Test>::NonAssociatedColdKey);
        assert_noop!(set_children(2, 23, netuid, &[(1, 30)]), Error::<Test>::NonAssociatedColdKey);
        // Duplicates are found before the list is checked against itself.
        assert_noop!(set_children(2, 22, netuid, &[(1, 22); 10]), Error::<Test>::DuplicateChild);
        assert_noop!(set_children(2, 22, netuid, &[(1, 30), (1, 22)]), Error::<Test>::InvalidChild);
        let six: Vec<(u64, u8)> = (30..36).map(|c| (1, c)).collect();
        assert_noop!(set_children(2, 22, netuid, &six), Error::<Test>::TooManyChildren);
        assert_noop!(set_children(2, 22, netuid, &[(MAX, 30), (1, 31)]), Error::<Test>::ProportionOverflow);
        // 22 becomes 40's child; 40 cannot then become 22's.
        hotkey_on(netuid, 4, 40);
        assert_ok!(set_children(4, 40, netuid, &[(MAX, 22)]));
        assert_noop!(set_children(2, 22, netuid, &[(MAX, 40)]), Error::<Test>::ChildParentInconsistency);
        // The stake threshold applies to lists, not to revocations, and not to the owner hotkey.
        StakeThreshold::<Test>::put(TAO);
        assert_noop!(set_children(2, 22, netuid, &[(MAX, 30)]), Error::<Test>::NotEnoughStakeToSetChildkeys);
        assert_ok!(set_children(2, 22, netuid, &[]));
        assert_ok!(set_children(1, 101, netuid, &[(MAX, 30)]));
        assert_eq!(children_of(101, netuid), vec![(MAX, account(30))]);
    });
}

/// C7 and §1.4: on a started subnet a list waits for the first epoch strictly after its
/// cooldown; the epoch of that block still uses the old children.
#[test]
fn scheduled_children_apply_at_the_first_epoch_after_the_cooldown() {
    checked(|| {
        let netuid = started_subnet(1);
        hotkey_on(netuid, 2, 22);
        Tempo::<Test>::insert(netuid, 5);
        PendingChildKeyCooldown::<Test>::put(7);
        System::reset_events();
        assert_ok!(set_children(2, 22, netuid, &[(1000, 30), (2000, 40)]));
        let cooldown_block = 1 + 7;
        assert_eq!(
            PendingChildKeys::<Test>::get(netuid, account(22)),
            (vec![(1000, account(30)), (2000, account(40))], cooldown_block)
        );
        System::assert_has_event(
            Event::SetChildrenScheduled(account(22), netuid, cooldown_block, vec![(1000, account(30)), (2000, account(40))])
                .into(),
        );
        assert!(children_of(22, netuid).is_empty());
        let mut applied_at = None;
        for block in 2..40u64 {
            run_to_block(block);
            if !children_of(22, netuid).is_empty() {
                applied_at = Some(block);
                break;
            }
            assert!(PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        }
        let applied_at = applied_at.unwrap();
        assert_eq!(LastEpochBlock::<Test>::get(netuid), applied_at);
        assert!(applied_at > cooldown_block);
        // No epoch ran between the cooldown and the application.
        assert!(applied_at - cooldown_block <= 5);
        assert_eq!(children_of(22, netuid), vec![(1000, account(30)), (2000, account(40))]);
        assert!(!PendingChildKeys::<Test>::contains_key(netuid, account(22)));
    });
}

/// §1.4: a list that no longer fits when its turn comes is dropped without an event.
#[test]
fn a_pending_list_that_became_inconsistent_is_dropped() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        hotkey_on(netuid, 4, 40);
        // Scheduled (the subnet has started) …
        SubtokenEnabled::<Test>::insert(netuid, true);
        assert_ok!(set_children(2, 22, netuid, &[(MAX, 40)]));
        // … then 40 makes 22 its child at once (the subnet stops for the test).
        SubtokenEnabled::<Test>::insert(netuid, false);
        assert_ok!(set_children(4, 40, netuid, &[(MAX, 22)]));
        System::reset_events();
        // Before start_call every due list applies at an epoch slot, cooldown or not.
        LastEpochBlock::<Test>::insert(netuid, 2);
        Tempo::<Test>::insert(netuid, 0);
        System::set_block_number(2);
        SubtensorModule::apply_pending_children(2);
        assert!(!PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        assert!(children_of(22, netuid).is_empty());
        assert!(!System::events().iter().any(|e| matches!(e.event, RuntimeEvent::SubtensorModule(Event::SetChildren(..)))));
    });
}

/// §1.4: an unstake that leaves the hotkey below the threshold drops its scheduled lists.
#[test]
fn unstaking_below_the_threshold_drops_pending_lists() {
    checked(|| {
        let netuid = started_subnet(1);
        hotkey_on(netuid, 2, 22);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(22), netuid, 10 * TAO));
        StakeThreshold::<Test>::put(5 * TAO);
        assert_ok!(set_children(2, 22, netuid, &[(MAX, 30)]));
        assert!(PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        let held = SubtensorModule::alpha_stake(&account(22), &account(2), netuid);
        assert_ok!(SubtensorModule::remove_stake(signed(2), account(22), netuid, held / 10));
        assert!(PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        let held = SubtensorModule::alpha_stake(&account(22), &account(2), netuid);
        assert_ok!(SubtensorModule::remove_stake(signed(2), account(22), netuid, held - held / 10));
        assert!(!PendingChildKeys::<Test>::contains_key(netuid, account(22)));
    });
}

/// C1 through storage: a parent's stake split between three quarter-children.
#[test]
fn c1_inherited_stake_of_quarter_children() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        TaoWeight::<Test>::put(0);
        TotalHotkeyAlpha::<Test>::insert(account(22), netuid, 100_000_000_000_000);
        assert_ok!(set_children(2, 22, netuid, &[(MAX / 4, 30), (MAX / 4, 31), (MAX / 4, 32)]));
        assert_eq!(SubtensorModule::inherited_stakes(&account(22), netuid).0, 25_000_000_069_849);
        for child in 30..33 {
            assert_eq!(SubtensorModule::inherited_stakes(&account(child), netuid).0, 24_999_999_976_716);
            assert_eq!(SubtensorModule::raw_stake(&account(child), netuid), 24_999_999_976_716);
        }
        // The stake stays where it is: only the epoch's view changes.
        TotalHotkeyAlpha::<Test>::remove(account(22), netuid);
    });
}

/// §1.9 through the pallet: the parent/child split, the alpha/root split and the payout of
/// the worked example, to the rao.
#[test]
fn the_worked_example_to_the_rao() {
    checked(|| {
        let netuid = add_subnet(1);
        let (child, parent) = (account(30), account(40));
        Owner::<Test>::insert(&child, account(3));
        Owner::<Test>::insert(&parent, account(4));
        TaoWeight::<Test>::put(971_718_665_099_567_868);
        ChildKeys::<Test>::insert(&parent, netuid, vec![(MAX, child.clone())]);
        ParentKeys::<Test>::insert(&child, netuid, vec![(MAX, parent.clone())]);
        ChildkeyTake::<Test>::insert(&child, netuid, 6_553);
        Delegates::<Test>::insert(&child, 11_796);
        Delegates::<Test>::insert(&parent, 11_796);
        TotalHotkeyAlpha::<Test>::insert(&child, netuid, 1_000_000_000_000);
        TotalHotkeyAlpha::<Test>::insert(&parent, netuid, 3_000_000_000_000);
        TotalHotkeyAlpha::<Test>::insert(&parent, 0, 10_000_000_000_000);

        assert_eq!(SubtensorModule::inherited_stakes(&child, netuid), (4_000_000_000_000, 10_000_000_000_000));
        assert_eq!(SubtensorModule::raw_stake(&child, netuid), 4_526_769_743_300);
        let (parents, split) = SubtensorModule::split_with_parents(&child, netuid, 1_000_000_000);
        assert_eq!(parents, vec![parent.clone()]);
        assert_eq!((split.parents.clone(), split.own), (vec![701_188_674], 298_811_325));

        let (paid, recycled) = SubtensorModule::dividends_with_parents(
            netuid,
            &[child.clone()],
            &[1_000_000_000],
            100_000_000_000,
            50_000_000_000,
        );
        assert_eq!(recycled, 0);
        let floor = |x: U96F32| x.to_num::<u64>();
        let by = |who: &AccountId32| paid.iter().find(|(h, _, _)| h == who).map(|(_, a, r)| (floor(*a), floor(*r))).unwrap();
        assert_eq!(by(&child), (33_376_738_778, 0));
        assert_eq!(by(&parent), (66_623_261_198, 50_000_000_000));

        // The payout: takes to the owners, the rest to the nominators (the owners here), the
        // parent's root rest made claimable per root rao.
        for (hotkey, alpha, root) in &paid {
            SubtensorModule::pay_alpha_dividend(netuid, hotkey, *alpha);
            SubtensorModule::pay_root_dividend(netuid, hotkey, *root);
        }
        assert_eq!(AlphaDividendsPerSubnet::<Test>::get(netuid, &child), 27_369_078_588);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(&child, netuid), 1_000_000_000_000 + 6_007_660_189 + 27_369_078_588);
        assert_eq!(AlphaDividendsPerSubnet::<Test>::get(netuid, &parent), 54_631_379_167);
        assert_eq!(RootAlphaDividendsPerSubnet::<Test>::get(netuid, &parent), 41_000_228_887);
        assert_eq!(
            TotalHotkeyAlpha::<Test>::get(&parent, netuid),
            3_000_000_000_000 + 11_991_882_031 + 54_631_379_167 + 8_999_771_112
        );
        assert_eq!(
            RootClaimable::<Test>::get(&parent).get(&netuid).copied(),
            Some(I96F32::from_num(41_000_228_887u64) / I96F32::from_num(10_000_000_000_000u64))
        );
        // The test wrote stakes by hand; the accounting is not the point here.
        let _ = RootClaimable::<Test>::clear(u32::MAX, None);
        let _ = Alpha::<Test>::clear(u32::MAX, None);
        let _ = TotalHotkeyAlpha::<Test>::clear(u32::MAX, None);
        let _ = TotalHotkeyShares::<Test>::clear(u32::MAX, None);
        RootClaimableAlpha::<Test>::remove(netuid);
    });
}

/// `CKBurn` recycles its part of cross-coldkey parent dividends out of the pools.
#[test]
fn ck_burn_recycles_out_of_the_pools() {
    checked(|| {
        let netuid = add_subnet(1);
        let (child, parent) = (account(30), account(40));
        Owner::<Test>::insert(&child, account(3));
        Owner::<Test>::insert(&parent, account(4));
        TaoWeight::<Test>::put(0);
        ChildKeys::<Test>::insert(&parent, netuid, vec![(MAX, child.clone())]);
        ParentKeys::<Test>::insert(&child, netuid, vec![(MAX, parent.clone())]);
        TotalHotkeyAlpha::<Test>::insert(&child, netuid, 1_000);
        TotalHotkeyAlpha::<Test>::insert(&parent, netuid, 1_000);
        CKBurn::<Test>::put(MAX);
        let (paid, recycled) =
            SubtensorModule::dividends_with_parents(netuid, &[child.clone()], &[1_000_000], 10_000_000, 0);
        // Half the dividend is the parent's and all of it is recycled.
        assert_eq!(recycled, 500_000);
        let total: u64 = paid.iter().map(|(_, a, _)| a.to_num::<u64>()).sum();
        assert!(total <= 10_000_000 - 500_000 && total + 2 >= 10_000_000 - 500_000, "{total}");
        // Same coldkey: nothing recycled.
        Owner::<Test>::insert(&parent, account(3));
        let (_, recycled) = SubtensorModule::dividends_with_parents(netuid, &[child], &[1_000_000], 10_000_000, 0);
        assert_eq!(recycled, 0);
        let _ = TotalHotkeyAlpha::<Test>::clear(u32::MAX, None);
    });
}

/// An epoch pays a parent without a uid through its child, and the child's stake weight
/// includes what the parent gave it; the accounting holds after every block.
#[test]
fn an_epoch_pays_the_parent_through_its_child() {
    checked(|| {
        let netuid = started_subnet(1);
        hotkey_on(netuid, 3, 30);
        hotkey_on(netuid, 5, 50);
        Tempo::<Test>::insert(netuid, 4);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        // The parent 40 (coldkey 4) holds stake on the subnet but no uid.
        Owner::<Test>::insert(account(40), account(4));
        OwnedHotkeys::<Test>::insert(account(4), vec![account(40)]);
        assert_ok!(SubtensorModule::add_stake(signed(4), account(40), netuid, 100 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(30), netuid, 10 * TAO));
        PendingChildKeyCooldown::<Test>::put(0);
        assert_ok!(set_children(4, 40, netuid, &[(MAX, 30)]));
        let start = System::block_number();
        let mut block = start + 1;
        while children_of(40, netuid).is_empty() {
            run_to_block(block);
            block += 1;
        }
        assert_eq!(SubtensorModule::raw_stake(&account(40), netuid), 0);
        assert!(SubtensorModule::raw_stake(&account(30), netuid) > TotalHotkeyAlpha::<Test>::get(account(30), netuid));
        // The child validates for both; the next epochs pay the parent.
        let uid_50 = Uids::<Test>::get(netuid, account(50)).unwrap();
        let mut paid = false;
        for _ in 0..20 {
            let _ = SubtensorModule::set_weights(RuntimeOrigin::signed(account(30)), netuid, vec![uid_50], vec![65535], 0);
            run_to_block(block);
            block += 1;
            if AlphaDividendsPerSubnet::<Test>::get(netuid, account(40)) > 0 {
                paid = true;
                break;
            }
        }
        assert!(paid, "the parent was never paid");
        assert!(AlphaDividendsPerSubnet::<Test>::get(netuid, account(30)) > 0);
        assert_issuance_consistent();
    });
}

/// C5: raises are rate limited; every change is stamped.
#[test]
fn c5_childkey_take_rate_limit() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        TxChildkeyTakeRateLimit::<Test>::put(100);
        System::reset_events();
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 500));
        System::assert_has_event(Event::ChildKeyTakeSet(account(22), 500).into());
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 600),
            Error::<Test>::TxChildkeyTakeRateLimitExceeded
        );
        run_to_block(99);
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 650),
            Error::<Test>::TxChildkeyTakeRateLimitExceeded
        );
        run_to_block(101);
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 700));
        assert_eq!(ChildkeyTake::<Test>::get(account(22), netuid), 700);
        // Lowering is free but stamped, so the next raise waits again.
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 10));
        assert_eq!(TransactionKeyLastBlock::<Test>::get((account(22), netuid, 1)), 101);
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 11),
            Error::<Test>::TxChildkeyTakeRateLimitExceeded
        );
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(3), account(22), netuid, 10),
            Error::<Test>::NonAssociatedColdKey
        );
    });
}

/// C6: the subnet floor bounds new takes and raises stored ones when read.
#[test]
fn c6_childkey_take_floor() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        let subnet_min = MaxChildkeyTake::<Test>::get() / 2;
        MinChildkeyTakePerSubnet::<Test>::insert(netuid, subnet_min);
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(2), account(22), netuid, subnet_min - 1),
            Error::<Test>::InvalidChildkeyTake
        );
        assert_noop!(
            SubtensorModule::set_childkey_take(signed(2), account(22), netuid, MaxChildkeyTake::<Test>::get() + 1),
            Error::<Test>::InvalidChildkeyTake
        );
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), netuid, subnet_min));
        ChildkeyTake::<Test>::insert(account(22), netuid, subnet_min - 1);
        assert_eq!(SubtensorModule::childkey_take(&account(22), netuid), subnet_min);
    });
}

/// The root-only settings and their events.
#[test]
fn root_sets_the_childkey_parameters() {
    checked(|| {
        let root = RuntimeOrigin::root();
        assert_noop!(SubtensorModule::sudo_set_max_childkey_take(signed(1), 5), sp_runtime::DispatchError::BadOrigin);
        System::reset_events();
        assert_ok!(SubtensorModule::sudo_set_tx_childkey_take_rate_limit(root.clone(), 7));
        assert_ok!(SubtensorModule::sudo_set_min_childkey_take(root.clone(), 3));
        assert_ok!(SubtensorModule::sudo_set_max_childkey_take(root.clone(), 9));
        assert_ok!(SubtensorModule::set_pending_childkey_cooldown(root, 11));
        assert_eq!(TxChildkeyTakeRateLimit::<Test>::get(), 7);
        assert_eq!(MinChildkeyTake::<Test>::get(), 3);
        assert_eq!(MaxChildkeyTake::<Test>::get(), 9);
        assert_eq!(PendingChildKeyCooldown::<Test>::get(), 11);
        System::assert_has_event(Event::TxChildKeyTakeRateLimitSet(7).into());
        System::assert_has_event(Event::MinChildKeyTakeSet(3).into());
        System::assert_has_event(Event::MaxChildKeyTakeSet(9).into());
    });
}

/// C9 and §1.7: root validators become the whole parent of each new subnet's owner hotkey
/// unless they opted out.
#[test]
fn c9_root_validators_parent_new_subnets() {
    checked(|| {
        let first = add_subnet(1);
        hotkey_on(first, 2, 22);
        hotkey_on(first, 3, 33);
        StakeThreshold::<Test>::put(TAO / 2);
        for (cold, hot) in [(2, 22), (3, 33)] {
            assert_ok!(SubtensorModule::add_stake(signed(cold), account(hot), 0, TAO));
            assert_ok!(SubtensorModule::root_register(signed(cold), account(hot)));
            run_to_block(System::block_number() + 1);
        }
        assert_noop!(
            SubtensorModule::set_auto_parent_delegation_enabled(signed(2), account(33), false),
            Error::<Test>::NonAssociatedColdKey
        );
        assert_noop!(
            SubtensorModule::set_auto_parent_delegation_enabled(signed(1), account(101), false),
            Error::<Test>::HotKeyNotRegisteredInSubNet
        );
        let second = add_subnet(4);
        for hot in [22, 33] {
            assert_eq!(children_of(hot, second), vec![(MAX, account(104))]);
        }
        assert_eq!(parents_of(104, second), vec![(MAX, account(22)), (MAX, account(33))]);
        // The owner passes the weight gate on the root stake its parents gave it (counted
        // in full here).
        TaoWeight::<Test>::put(u64::MAX);
        assert!(SubtensorModule::raw_stake(&account(104), second) >= StakeThreshold::<Test>::get());

        System::reset_events();
        assert_ok!(SubtensorModule::set_auto_parent_delegation_enabled(signed(2), account(22), false));
        System::assert_has_event(Event::AutoParentDelegationEnabledSet { hotkey: account(22), enabled: false }.into());
        let third = add_subnet(5);
        assert!(children_of(22, third).is_empty());
        assert_eq!(children_of(33, third), vec![(MAX, account(105))]);
    });
}

/// Dissolving a subnet removes its relations, lists, takes and stamps.
#[test]
fn dissolving_a_subnet_removes_its_childkeys() {
    checked(|| {
        let netuid = add_subnet(1);
        hotkey_on(netuid, 2, 22);
        assert_ok!(set_children(2, 22, netuid, &[(MAX, 30)]));
        assert_ok!(SubtensorModule::set_childkey_take(signed(2), account(22), netuid, 100));
        PendingChildKeys::<Test>::insert(netuid, account(22), (vec![(1, account(31))], 5));
        assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), account(1), netuid));
        assert!(!ChildKeys::<Test>::contains_key(account(22), netuid));
        assert!(!ParentKeys::<Test>::contains_key(account(30), netuid));
        assert!(!ChildkeyTake::<Test>::contains_key(account(22), netuid));
        assert!(!PendingChildKeys::<Test>::contains_key(netuid, account(22)));
        assert!(!TransactionKeyLastBlock::<Test>::contains_key((account(22), netuid, 0)));
    });
}

/// The C2–C4 chain: validators A (20), B (30), C (40) of three coldkeys holding 2/3, 2/9 and
/// 1/9 of 900 TAO of alpha, A → B ½ and B → C ½, tao weight 0, miner 50. With `take` the
/// childkey takes of B and C are ⌊65535/9⌋. Returns the netuid.
fn half_chain(take: bool) -> u16 {
    let netuid = add_subnet(1);
    for (cold, hot) in [(2, 20), (3, 30), (4, 40), (5, 50)] {
        hotkey_on(netuid, cold, hot);
    }
    TaoWeight::<Test>::put(0);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    for (hot, cold, alpha) in [(20, 2, 600 * TAO), (30, 3, 200 * TAO), (40, 4, 100 * TAO)] {
        SubtensorModule::increase_alpha_stake(&account(hot), &account(cold), netuid, alpha);
        SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += alpha);
    }
    // Before `start_call` both lists apply at once.
    assert_ok!(set_children(2, 20, netuid, &[(MAX / 2, 30)]));
    assert_ok!(set_children(3, 30, netuid, &[(MAX / 2, 40)]));
    if take {
        for (cold, hot) in [(3, 30), (4, 40)] {
            assert_ok!(SubtensorModule::set_childkey_take(signed(cold), account(hot), netuid, 65535 / 9));
        }
    }
    netuid
}

fn shares(values: &[u64]) -> Vec<f64> {
    let total: u64 = values.iter().sum();
    values.iter().map(|v| *v as f64 / total as f64).collect()
}

fn assert_close(got: &[f64], want: &[f64], tolerance: f64) {
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tolerance, "got {got:?}, want {want:?} (±{tolerance})");
    }
}

/// C2: every validator weights the miner; the epoch's dividends follow the stakes the chain
/// gives them, A 1/3, B 4/9, C 2/9.
#[test]
fn c2_epoch_dividends_follow_the_inherited_stakes() {
    checked(|| {
        let netuid = half_chain(false);
        let uid = |h: u8| Uids::<Test>::get(netuid, account(h)).unwrap();
        let now = System::block_number();
        for v in [20, 30, 40] {
            Weights::<Test>::insert(netuid, uid(v), vec![(uid(50), 65535)]);
        }
        let stakes: Vec<u64> = [20, 30, 40].iter().map(|h| SubtensorModule::inherited_stakes(&account(*h), netuid).0).collect();
        assert_close(&shares(&stakes), &[1.0 / 3.0, 4.0 / 9.0, 2.0 / 9.0], 1e-9);
        // The first epoch gives the validators their permits, which the second's weights need.
        // Weights count only when set after the miner registered.
        for block in [now + 1, now + 2] {
            LastUpdate::<Test>::insert(netuid, vec![block; usize::from(SubnetworkN::<Test>::get(netuid))]);
            PendingServerEmission::<Test>::insert(netuid, 500_000_000);
            PendingValidatorEmission::<Test>::insert(netuid, 500_000_000);
            SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += 1_000_000_000);
            System::set_block_number(block);
            SubtensorModule::run_epochs(block, &[(netuid, Some(true))]);
        }
        let dividends = Dividends::<Test>::get(netuid);
        let got: Vec<u64> = [20, 30, 40].iter().map(|h| u64::from(dividends[usize::from(uid(*h))])).collect();
        assert_close(&shares(&got), &[1.0 / 3.0, 4.0 / 9.0, 2.0 / 9.0], 1e-4);
        assert_eq!(dividends[usize::from(uid(50))], 0);
    });
}

/// C3: with no weights the validators' pool is shared by stake, then passed up the chain
/// through the childkey takes t = 1/9: A 2/3·(1−½t), B 2/9·(1−½t)+2/3·½t, C 1/9+2/9·½t of
/// the stake increase, which is the whole emission within 0.1 %.
#[test]
fn c3_stake_increase_through_the_childkey_takes() {
    checked(|| {
        let netuid = half_chain(true);
        let t = f64::from(65535u16 / 9) / 65535.0;
        let before: Vec<u64> = [20, 30, 40].iter().map(|h| TotalHotkeyAlpha::<Test>::get(account(*h), netuid)).collect();
        let emission = 1_000_000_000u64;
        PendingServerEmission::<Test>::insert(netuid, emission / 2);
        PendingValidatorEmission::<Test>::insert(netuid, emission / 2);
        SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += emission);
        SubtensorModule::run_epochs(System::block_number(), &[(netuid, Some(true))]);
        let increase: Vec<u64> = [20, 30, 40]
            .iter()
            .zip(&before)
            .map(|(h, b)| TotalHotkeyAlpha::<Test>::get(account(*h), netuid) - b)
            .collect();
        let want = [2.0 / 3.0 * (1.0 - t / 2.0), 2.0 / 9.0 * (1.0 - t / 2.0) + 2.0 / 3.0 * t / 2.0, 1.0 / 9.0 + 2.0 / 9.0 * t / 2.0];
        assert_close(&shares(&increase), &want, 1e-4);
        let total: u64 = increase.iter().sum();
        assert!(total.abs_diff(emission) * 1000 <= emission, "{total} of {emission}");
    });
}

/// C4: B's dividend is shared with its parent A by their own stakes over the halves they
/// keep and give, A's part net of B's take; A has no parents and keeps all of its own.
#[test]
fn c4_parent_child_distribution_of_one_dividend() {
    checked(|| {
        let netuid = half_chain(true);
        let d = 1_000_000u64;
        let t = f64::from(65535u16 / 9) / 65535.0;
        let (parents, split) = SubtensorModule::split_with_parents(&account(30), netuid, d);
        assert_eq!(parents, vec![account(20)]);
        assert_eq!(split.parents.len(), 1);
        let x = split.own;
        // Each part is floored: together they may be 1 rao short of d.
        assert!(d - (split.parents[0] + x) <= 1, "{:?} + {x}", split.parents);
        assert_eq!(split.burned, 0);
        let (s_a, s_b) = (6.0 / 9.0, 2.0 / 9.0);
        let want = d as f64 * (0.5 * s_b + 0.5 * s_a * t) / (0.5 * s_b + 0.5 * s_a);
        assert!((x as f64 - want).abs() <= d as f64 / 1000.0, "{x} vs {want}");
        let (parents, split) = SubtensorModule::split_with_parents(&account(20), netuid, d);
        assert!(parents.is_empty());
        assert_eq!((split.parents, split.own, split.burned), (vec![], d, 0));
    });
}
