//! Coldkey swaps (`staking-2.md` §2): announce, execute after the delay, dispute, reset,
//! clear, root's swap, and what moves, with the §2.7 vectors (mock delays 50/10; the cost is
//! the runtime's 0.1 TAO).

use super::*;
use crate::swap_coldkey::{SwapGuard, KEY_SWAP_COST};

fn hash(n: u8) -> sp_core::H256 {
    SubtensorModule::coldkey_hash(&account(n))
}

fn delays() {
    ColdkeySwapAnnouncementDelay::<Test>::put(50);
    ColdkeySwapReannouncementDelay::<Test>::put(10);
}

#[test]
fn announcing_costs_once_and_waits_to_be_replaced() {
    checked(|| {
        delays();
        let before = free(1);
        let issuance = TotalIssuance::<Test>::get();
        System::reset_events();
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(20)));
        assert_eq!(ColdkeySwapAnnouncements::<Test>::get(account(1)), Some((1 + 50, hash(20))));
        assert_eq!(free(1), before - KEY_SWAP_COST);
        assert_eq!(TotalIssuance::<Test>::get(), issuance - KEY_SWAP_COST);
        System::assert_has_event(Event::ColdkeySwapAnnounced { who: account(1), new_coldkey_hash: hash(20) }.into());
        assert_eq!(SubtensorModule::coldkey_swap_guard(&account(1)), SwapGuard::Announced);

        assert_noop!(
            SubtensorModule::announce_coldkey_swap(signed(1), hash(21)),
            Error::<Test>::ColdkeySwapReannouncedTooEarly
        );
        run_to_block(1 + 50 + 10);
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(21)));
        assert_eq!(ColdkeySwapAnnouncements::<Test>::get(account(1)), Some((61 + 50, hash(21))));
        assert_eq!(free(1), before - KEY_SWAP_COST, "charged once");
    });
}

#[test]
fn announcing_needs_the_cost_above_the_existential_deposit() {
    checked(|| {
        let poor = account(30);
        assert_ok!(Balances::transfer_keep_alive(signed(2), poor.clone().into(), KEY_SWAP_COST));
        assert_noop!(
            SubtensorModule::announce_coldkey_swap(RuntimeOrigin::signed(poor), hash(20)),
            Error::<Test>::NotEnoughBalanceToPaySwapColdKey
        );
    });
}

#[test]
fn executing_checks_in_order() {
    checked(|| {
        delays();
        assert_noop!(
            SubtensorModule::swap_coldkey_announced(signed(1), account(20)),
            Error::<Test>::ColdkeySwapAnnouncementNotFound
        );
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(20)));
        assert_noop!(
            SubtensorModule::swap_coldkey_announced(signed(1), account(21)),
            Error::<Test>::AnnouncedColdkeyHashDoesNotMatch
        );
        assert_noop!(SubtensorModule::swap_coldkey_announced(signed(1), account(20)), Error::<Test>::ColdkeySwapTooEarly);
        run_to_block(51);
        // The new coldkey must be clean: no stake, not a hotkey.
        let netuid = add_subnet(3);
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(2), SubtensorModule::coldkey_hash(&account(103))));
        run_to_block(102);
        assert_noop!(
            SubtensorModule::swap_coldkey_announced(signed(2), account(103)),
            Error::<Test>::NewColdKeyIsHotkey
        );
        register_hotkey(netuid, 4, 44);
        assert_ok!(SubtensorModule::add_stake(signed(4), account(44), 0, TAO));
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(5), hash(4)));
        run_to_block(153);
        assert_noop!(SubtensorModule::swap_coldkey_announced(signed(5), account(4)), Error::<Test>::ColdKeyAlreadyAssociated);
        assert_ok!(SubtensorModule::swap_coldkey_announced(signed(1), account(20)));
        assert!(ColdkeySwapAnnouncements::<Test>::get(account(1)).is_none());
    });
}

/// §2.7: a coldkey staked through three hotkeys on two subnets (and root), owning both
/// subnets, with an auto-stake destination and an identity: everything moves.
#[test]
fn everything_moves_to_the_new_coldkey() {
    checked(|| {
        delays();
        let (old, new) = (account(1), account(20));
        let a = started_subnet(1);
        let b = started_subnet(1);
        for hot in [11, 12] {
            register_hotkey(a, 1, hot);
        }
        register_hotkey(b, 1, 13);
        for (hot, netuid) in [(11, a), (12, a), (13, b), (11, 0)] {
            assert_ok!(SubtensorModule::add_stake(signed(1), account(hot), netuid, 10 * TAO));
        }
        // Another coldkey's auto-stake to the same destination stays listed.
        register_hotkey(a, 3, 33);
        assert_ok!(SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), a, account(11)));
        assert_ok!(SubtensorModule::set_coldkey_auto_stake_hotkey(signed(1), a, account(11)));
        assert_ok!(SubtensorModule::set_identity(
            signed(1),
            b"old".to_vec(),
            vec![],
            vec![],
            vec![],
            vec![],
            vec![],
            vec![],
        ));
        let stakes: Vec<(u8, u16, u64)> = [(11, a), (12, a), (13, b), (11, 0)]
            .iter()
            .map(|(h, n)| (*h, *n, SubtensorModule::alpha_stake(&account(*h), &old, *n)))
            .collect();
        // Root dividends owed through hotkey 11's root stake, partly claimed already.
        RootClaimable::<Test>::mutate(account(11), |m| {
            m.insert(a, substrate_fixed::types::I96F32::from_num(0.25));
        });
        RootClaimed::<Test>::insert((a, account(11), old.clone()), 1_000_000u128);
        let owed = SubtensorModule::root_owed(&account(11), &old, a);
        assert!(owed > 0);
        let total_stake = TotalStake::<Test>::get();
        let old_free = free(1);
        let mut staking_before = StakingHotkeys::<Test>::get(&old);
        staking_before.sort();
        assert!(staking_before.len() >= 3);

        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(20)));
        run_to_block(51);
        System::reset_events();
        assert_ok!(SubtensorModule::swap_coldkey_announced(signed(1), new.clone()));
        System::assert_has_event(Event::ColdkeySwapped { old_coldkey: old.clone(), new_coldkey: new.clone() }.into());
        for (h, n, stake) in stakes {
            assert_eq!(SubtensorModule::alpha_stake(&account(h), &new, n), stake);
            assert_eq!(SubtensorModule::alpha_stake(&account(h), &old, n), 0);
        }
        assert!(StakingHotkeys::<Test>::get(&old).is_empty());
        let mut staking = StakingHotkeys::<Test>::get(&new);
        staking.sort();
        assert_eq!(staking, staking_before);
        assert!(OwnedHotkeys::<Test>::get(&old).is_empty());
        for hot in [101, 11, 12, 13] {
            assert_eq!(Owner::<Test>::get(account(hot)), new);
        }
        assert_eq!((SubnetOwner::<Test>::get(a), SubnetOwner::<Test>::get(b)), (new.clone(), new.clone()));
        assert_eq!(AutoStakeDestination::<Test>::get(&new, a), Some(account(11)));
        assert_eq!(AutoStakeDestination::<Test>::get(&old, a), None);
        assert_eq!(AutoStakeDestinationColdkeys::<Test>::get(account(11), a), vec![account(3), new.clone()]);
        assert_eq!(IdentitiesV2::<Test>::get(&new).map(|i| i.name), Some(b"old".to_vec()));
        assert!(IdentitiesV2::<Test>::get(&old).is_none());
        assert!(StakingColdkeys::<Test>::contains_key(&new) && !StakingColdkeys::<Test>::contains_key(&old));
        // The whole balance moved (the old account is reaped); no TAO was staked or unstaked.
        assert_eq!(free(1), 0);
        assert_eq!(free(20), old_free - KEY_SWAP_COST);
        assert_eq!(TotalStake::<Test>::get(), total_stake);
        assert_eq!(SubtensorModule::root_owed(&account(11), &new, a), owed);
        // The new coldkey's hotkey swaps wait `TxRateLimit`.
        assert_eq!(LastTxBlock::<Test>::get(&new), 51);
        assert_eq!(RootClaimed::<Test>::get((a, account(11), old.clone())), 0);
        // The rate was written by hand (no alpha backs it); remove it for the accounting.
        RootClaimable::<Test>::remove(account(11));
        assert_issuance_consistent();
    });
}

#[test]
fn disputes_freeze_until_root_resets() {
    checked(|| {
        delays();
        assert_noop!(SubtensorModule::dispute_coldkey_swap(signed(1)), Error::<Test>::ColdkeySwapAnnouncementNotFound);
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(20)));
        System::reset_events();
        assert_ok!(SubtensorModule::dispute_coldkey_swap(signed(1)));
        System::assert_has_event(Event::ColdkeySwapDisputed { coldkey: account(1) }.into());
        assert_eq!(ColdkeySwapDisputes::<Test>::get(account(1)), Some(1));
        assert_eq!(SubtensorModule::coldkey_swap_guard(&account(1)), SwapGuard::Disputed);
        assert_noop!(SubtensorModule::dispute_coldkey_swap(signed(1)), Error::<Test>::ColdkeySwapAlreadyDisputed);
        assert_noop!(
            SubtensorModule::reset_coldkey_swap(signed(2), account(1)),
            sp_runtime::DispatchError::BadOrigin
        );
        assert_ok!(SubtensorModule::reset_coldkey_swap(RuntimeOrigin::root(), account(1)));
        System::assert_has_event(Event::ColdkeySwapReset { who: account(1) }.into());
        assert_eq!(SubtensorModule::coldkey_swap_guard(&account(1)), SwapGuard::Free);
        assert!(ColdkeySwapDisputes::<Test>::get(account(1)).is_none());
    });
}

#[test]
fn clearing_waits_for_the_reannouncement_delay() {
    checked(|| {
        delays();
        assert_noop!(
            SubtensorModule::clear_coldkey_swap_announcement(signed(1)),
            Error::<Test>::ColdkeySwapAnnouncementNotFound
        );
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(1), hash(20)));
        run_to_block(60);
        assert_noop!(SubtensorModule::clear_coldkey_swap_announcement(signed(1)), Error::<Test>::ColdkeySwapClearTooEarly);
        run_to_block(61);
        System::reset_events();
        assert_ok!(SubtensorModule::clear_coldkey_swap_announcement(signed(1)));
        System::assert_has_event(Event::ColdkeySwapCleared { who: account(1) }.into());
        assert!(ColdkeySwapAnnouncements::<Test>::get(account(1)).is_none());
    });
}

#[test]
fn root_swaps_at_once_and_clears_the_announcement() {
    checked(|| {
        delays();
        assert_ok!(SubtensorModule::announce_coldkey_swap(signed(4), hash(21)));
        assert_ok!(SubtensorModule::dispute_coldkey_swap(signed(4)));
        assert_noop!(
            SubtensorModule::swap_coldkey(signed(1), account(4), account(20), 0),
            sp_runtime::DispatchError::BadOrigin
        );
        let before = free(4);
        assert_ok!(SubtensorModule::swap_coldkey(RuntimeOrigin::root(), account(4), account(20), KEY_SWAP_COST));
        assert_eq!(free(20), before - KEY_SWAP_COST);
        assert_eq!(free(4), 0);
        assert!(ColdkeySwapAnnouncements::<Test>::get(account(4)).is_none());
        assert!(ColdkeySwapDisputes::<Test>::get(account(4)).is_none());
        assert_noop!(SubtensorModule::schedule_swap_coldkey(signed(1), account(20)), Error::<Test>::Deprecated);
    });
}
