//! Commitments against the `pallets-2.md` §3.9 vectors, the §3.4/§3.5 semantics, the hand-written
//! `Data` codec and the metadata clients build their arguments from.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use crate::{
    mock::*, weights::WeightInfo, CommitmentInfo, CommitmentInfoOf, CommitmentOf, Data, Error, Event, LastBondsReset,
    LastCommitment, MaxSpace, Registration, RegistrationOf, RevealedCommitments, TimelockedIndex, UsageTracker,
    UsedSpaceOf,
};
use codec::{Compact, Decode, Encode, MaxEncodedLen};
use frame_support::{
    assert_noop, assert_ok,
    dispatch::{DispatchClass, GetDispatchInfo, Pays},
    traits::{ConstU32, ReservableCurrency},
    BoundedVec,
};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive, TypeInfo};
use sp_runtime::{DispatchError, DispatchResult};

// ---------------------------------------------------------------- helpers

fn unhex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn raw(bytes: &[u8]) -> Data {
    Data::Raw(BoundedVec::try_from(bytes.to_vec()).unwrap())
}

fn big_raw(bytes: &[u8]) -> Data {
    Data::BigRaw(BoundedVec::try_from(bytes.to_vec()).unwrap())
}

fn sealed(ciphertext: Vec<u8>, reveal_round: u64) -> Data {
    Data::TimelockEncrypted { encrypted: BoundedVec::try_from(ciphertext).unwrap(), reveal_round }
}

/// A field the mock decrypter opens with the pulse of `round`.
fn timelocked(plaintext: &[u8], round: u64) -> Data {
    sealed(encrypt(plaintext, round), round)
}

fn info(fields: Vec<Data>) -> Box<CommitmentInfoOf<Test>> {
    Box::new(CommitmentInfo { fields: BoundedVec::try_from(fields).unwrap() })
}

fn commit(who: AccountId, netuid: u16, fields: Vec<Data>) -> DispatchResult {
    Commitments::set_commitment(RuntimeOrigin::signed(who), netuid, info(fields))
}

fn used(netuid: u16, who: AccountId) -> u64 {
    UsedSpaceOf::<Test>::get(netuid, who).unwrap().used_space
}

fn fields_of(netuid: u16, who: AccountId) -> Vec<Data> {
    CommitmentOf::<Test>::get(netuid, who).unwrap().info.fields.into_inner()
}

fn indexed(netuid: u16, who: AccountId) -> bool {
    TimelockedIndex::<Test>::get().contains(&(netuid, who))
}

fn revealed(netuid: u16, who: AccountId) -> Vec<(Vec<u8>, u64)> {
    RevealedCommitments::<Test>::get(netuid, who).unwrap_or_default()
}

fn revealed_events() -> usize {
    System::events()
        .iter()
        .filter(|r| matches!(r.event, RuntimeEvent::Commitments(Event::CommitmentRevealed { .. })))
        .count()
}

fn validate(who: &AccountId, netuid: u16, info: &CommitmentInfoOf<Test>) -> DispatchResult {
    Commitments::validate_set_commitment(who, netuid, info).map_err(Into::into)
}

fn storage_root() -> Vec<u8> {
    sp_io::storage::root(sp_runtime::StateVersion::V1)
}

// ---------------------------------------------------------------- §3.9 vectors

#[test]
fn hello_call_args_stored_registration_and_metagraph_bytes() {
    new_test_ext().execute_with(|| {
        let call = RuntimeCall::Commitments(crate::Call::set_commitment { netuid: 1, info: info(vec![raw(b"hello")]) });
        let encoded = call.encode();
        assert_eq!(encoded[..2], [18, 0]);
        assert_eq!(encoded[2..], unhex("0100 04 06 68656c6c6f"));
        assert_eq!(RuntimeCall::decode(&mut &encoded[..]).unwrap(), call);

        System::set_block_number(10);
        assert_ok!(commit(ALICE, 1, vec![raw(b"hello")]));
        let stored = sp_io::storage::get(&CommitmentOf::<Test>::hashed_key_for(1, ALICE)).unwrap().to_vec();
        assert_eq!(stored, unhex("0000000000000000 0a000000 04 06 68656c6c6f"));

        let metagraph = Commitments::subnet_commitments(1);
        assert_eq!(metagraph, vec![(ALICE, stored)]);
        assert_eq!(core::str::from_utf8(&metagraph[0].1[14..]).unwrap(), "hello");
        assert!(Commitments::subnet_commitments(2).is_empty());
        System::assert_last_event(Event::Commitment { netuid: 1, who: ALICE }.into());
        assert_eq!(LastCommitment::<Test>::get(1, ALICE), Some(10));
    });
}

#[test]
fn set_commitment_is_free_and_normal() {
    new_test_ext().execute_with(|| {
        let call = crate::Call::<Test>::set_commitment { netuid: 1, info: info(vec![raw(b"x")]) };
        let dispatch = call.get_dispatch_info();
        assert_eq!(dispatch.pays_fee, Pays::No);
        assert_eq!(dispatch.class, DispatchClass::Normal);
        assert_eq!(dispatch.call_weight, <() as WeightInfo>::set_commitment());
        let call = crate::Call::<Test>::set_max_space { new_limit: 1 };
        assert_eq!(call.encode(), vec![2, 1, 0, 0, 0]);
    });
}

#[test]
fn space_accumulates_within_an_epoch_and_restarts_without_a_tracker() {
    new_test_ext().execute_with(|| {
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 50])]));
        assert_eq!(used(1, ALICE), 100);
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 110])]));
        assert_eq!(used(1, ALICE), 210);
        UsedSpaceOf::<Test>::remove(1, ALICE);
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 120])]));
        assert_eq!(used(1, ALICE), 120);
        // Fields add up, each at its payload length.
        UsedSpaceOf::<Test>::remove(1, ALICE);
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 128]), big_raw(&[2; 512]), Data::Sha256([3; 32])]));
        assert_eq!(used(1, ALICE), 128 + 512 + 32);
    });
}

#[test]
fn a_second_commitment_over_the_limit_fails() {
    new_test_ext().execute_with(|| {
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 150));
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 30])]));
        assert_eq!(used(1, ALICE), 100);
        assert_noop!(commit(ALICE, 1, vec![raw(&[1; 30])]), Error::<Test>::SpaceLimitExceeded);
    });
}

#[test]
fn the_budget_renews_when_the_epoch_index_changes() {
    new_test_ext().execute_with(|| {
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 250));
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 20])]));
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 20])]));
        assert_eq!(used(1, ALICE), 200);
        assert_noop!(commit(ALICE, 1, vec![raw(&[1; 20])]), Error::<Test>::SpaceLimitExceeded);
        run_to_block(50);
        assert_noop!(commit(ALICE, 1, vec![raw(&[1; 20])]), Error::<Test>::SpaceLimitExceeded);
        set_epoch(1, 1);
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 20])]));
        assert_eq!(UsedSpaceOf::<Test>::get(1, ALICE), Some(UsageTracker { last_epoch: 1, used_space: 100 }));
        // Another subnet's epoch does not matter.
        set_epoch(2, 7);
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 20])]));
        assert_eq!(used(1, ALICE), 200);
    });
}

#[test]
fn budgets_are_per_subnet_and_per_account() {
    new_test_ext().execute_with(|| {
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 150));
        assert_ok!(commit(ALICE, 1, vec![raw(&[1; 30])]));
        assert_ok!(commit(ALICE, 2, vec![raw(&[1; 30])]));
        assert_ok!(commit(BOB, 1, vec![raw(&[1; 30])]));
        assert_eq!((used(1, ALICE), used(2, ALICE), used(1, BOB)), (100, 100, 100));
        assert_noop!(commit(ALICE, 1, vec![raw(&[1; 30])]), Error::<Test>::SpaceLimitExceeded);
        assert_noop!(commit(BOB, 1, vec![raw(&[1; 30])]), Error::<Test>::SpaceLimitExceeded);
    });
}

/// Plaintexts of the TLE vectors of `pallets-2.md` §2.11 (the mock decrypter stands in for drand).
const TENSORCHAIN: &str = "2c74656e736f72636861696e";
const WEIGHTS_PAYLOAD: &str =
    "80d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d0800000100080000ffff0000000000000000";

#[test]
fn rounds_1000_and_2000_reveal_as_their_pulses_arrive() {
    new_test_ext().execute_with(|| {
        let first = unhex(TENSORCHAIN);
        let second = unhex(WEIGHTS_PAYLOAD);
        assert_ok!(commit(ALICE, 1, vec![timelocked(&first, 1000), timelocked(&second, 2000)]));
        System::assert_last_event(Event::TimelockCommitment { netuid: 1, who: ALICE, reveal_round: 1000 }.into());
        assert!(indexed(1, ALICE));

        // No pulse yet: nothing changes.
        let before = CommitmentOf::<Test>::get(1, ALICE);
        run_to_block(2);
        assert_eq!(CommitmentOf::<Test>::get(1, ALICE), before);
        assert!(RevealedCommitments::<Test>::get(1, ALICE).is_none());
        assert!(indexed(1, ALICE));

        store_pulse(1000);
        run_to_block(3);
        assert_eq!(revealed(1, ALICE), vec![(first.clone(), 3)]);
        assert_eq!(fields_of(1, ALICE), vec![timelocked(&second, 2000)]);
        assert!(indexed(1, ALICE));
        System::assert_last_event(Event::CommitmentRevealed { netuid: 1, who: ALICE }.into());
        assert_eq!(revealed_events(), 1);

        store_pulse(2000);
        run_to_block(4);
        assert_eq!(revealed(1, ALICE), vec![(first, 3), (second, 4)]);
        assert!(CommitmentOf::<Test>::get(1, ALICE).is_none());
        assert!(!indexed(1, ALICE));
        assert_eq!(revealed_events(), 2);
        assert_ok!(Commitments::check_invariants());
    });
}

#[test]
fn only_the_ten_newest_reveals_are_kept() {
    new_test_ext().execute_with(|| {
        for i in 0..11u64 {
            assert_ok!(commit(ALICE, 1, vec![timelocked(format!("reveal {i}").as_bytes(), 100 + i)]));
            store_pulse(100 + i);
            run_to_block(System::block_number() + 1);
        }
        let kept = revealed(1, ALICE);
        assert_eq!(kept.len(), 10);
        assert_eq!(kept[0].0, b"reveal 1".to_vec());
        assert_eq!(kept[9].0, b"reveal 10".to_vec());
        assert_eq!(kept[9].1, 12);
        assert_ok!(Commitments::check_invariants());
    });
}

#[test]
fn several_fields_reveal_in_one_block() {
    new_test_ext().execute_with(|| {
        store_pulse(5);
        store_pulse(6);
        assert_ok!(commit(ALICE, 1, vec![timelocked(b"a", 5), raw(b"kept"), timelocked(b"b", 6)]));
        run_to_block(2);
        assert_eq!(revealed(1, ALICE), vec![(b"a".to_vec(), 2), (b"b".to_vec(), 2)]);
        assert_eq!(revealed_events(), 2);
        // The plain field stays; nothing is left to reveal.
        assert_eq!(fields_of(1, ALICE), vec![raw(b"kept")]);
        assert!(!indexed(1, ALICE));
    });
}

#[test]
fn an_undecryptable_field_is_dropped_without_a_reveal() {
    new_test_ext().execute_with(|| {
        // Made for round 999 but locked to 1000: the pulse of 1000 cannot open it.
        assert_ok!(commit(ALICE, 1, vec![sealed(encrypt(b"secret", 999), 1000)]));
        // An empty plaintext counts as a failure too.
        assert_ok!(commit(BOB, 1, vec![raw(b"kept"), timelocked(b"", 1000)]));
        store_pulse(1000);
        store_pulse(999);
        run_to_block(2);
        assert!(CommitmentOf::<Test>::get(1, ALICE).is_none());
        assert!(RevealedCommitments::<Test>::get(1, ALICE).is_none());
        assert_eq!(fields_of(1, BOB), vec![raw(b"kept")]);
        assert!(RevealedCommitments::<Test>::get(1, BOB).is_none());
        assert!(TimelockedIndex::<Test>::get().is_empty());
        assert_eq!(revealed_events(), 0);
        assert_ok!(Commitments::check_invariants());
    });
}

#[test]
fn the_hook_drops_stale_index_entries() {
    new_test_ext().execute_with(|| {
        assert_ok!(commit(ALICE, 1, vec![raw(b"plain")]));
        TimelockedIndex::<Test>::put(
            [(1u16, ALICE), (2u16, BOB)].into_iter().collect::<std::collections::BTreeSet<_>>(),
        );
        assert!(Commitments::check_invariants().is_err());
        run_to_block(2);
        assert!(TimelockedIndex::<Test>::get().is_empty());
        assert_eq!(fields_of(1, ALICE), vec![raw(b"plain")]);
        assert_ok!(Commitments::check_invariants());
    });
}

#[test]
fn the_hook_charges_entries_reveals_and_pulse_reads() {
    new_test_ext().execute_with(|| {
        use frame_support::traits::{Get, Hooks};
        let db: frame_support::weights::RuntimeDbWeight = <Test as frame_system::Config>::DbWeight::get();
        assert_eq!(Commitments::on_initialize(1), <() as WeightInfo>::on_initialize_reveal(0, 0));
        store_pulse(10);
        assert_ok!(commit(ALICE, 1, vec![timelocked(b"a", 10), timelocked(b"b", 20)]));
        assert_ok!(commit(BOB, 1, vec![timelocked(b"c", 10)]));
        assert_eq!(
            Commitments::on_initialize(2),
            <() as WeightInfo>::on_initialize_reveal(2, 2).saturating_add(db.reads(2))
        );
        assert!(
            <() as WeightInfo>::on_initialize_reveal(2, 2).ref_time()
                > <() as WeightInfo>::on_initialize_reveal(2, 0).ref_time()
        );
    });
}

// ---------------------------------------------------------------- set_commitment semantics

#[test]
fn every_failure_changes_nothing() {
    new_test_ext().execute_with(|| {
        assert_noop!(commit(CHARLIE, 1, vec![raw(b"x")]), Error::<Test>::AccountNotAllowedCommit);
        assert_noop!(commit(ALICE, 3, vec![raw(b"x")]), Error::<Test>::AccountNotAllowedCommit);
        assert_noop!(
            Commitments::set_commitment(RuntimeOrigin::none(), 1, info(vec![raw(b"x")])),
            DispatchError::BadOrigin
        );
        assert_noop!(
            Commitments::set_commitment(RuntimeOrigin::root(), 1, info(vec![raw(b"x")])),
            DispatchError::BadOrigin
        );
        assert_noop!(Commitments::set_max_space(RuntimeOrigin::signed(ALICE), 5), DispatchError::BadOrigin);

        // A failing commitment with the flag neither records a reset nor runs the hook.
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 150));
        assert_ok!(commit(ALICE, 1, vec![raw(b"x")]));
        assert_noop!(commit(ALICE, 1, vec![Data::ResetBondsFlag]), Error::<Test>::SpaceLimitExceeded);
        assert!(bonds_resets().is_empty());
        assert!(LastBondsReset::<Test>::get(1, ALICE).is_none());

        // A deposit the hotkey cannot afford.
        set_deposits(INITIAL_BALANCE + 1, 0);
        assert_noop!(commit(BOB, 1, vec![raw(b"x")]), pallet_balances::Error::<Test>::InsufficientBalance);
    });
}

#[test]
fn more_fields_than_max_fields_do_not_decode() {
    // The bound makes `TooManyFieldsInCommitmentInfo` unreachable through a call: a 4th
    // field already fails to decode, so the extrinsic is rejected as undecodable.
    let four = CommitmentInfo::<ConstU32<4>> {
        fields: BoundedVec::try_from(vec![Data::None, Data::None, Data::None, Data::None]).unwrap(),
    };
    assert!(CommitmentInfoOf::<Test>::decode(&mut &four.encode()[..]).is_err());
    let mut call = vec![18u8, 0, 1, 0];
    call.extend(four.encode());
    assert!(RuntimeCall::decode(&mut &call[..]).is_err());
}

#[test]
fn unreserve_leftover_is_refused() {
    new_test_ext().execute_with(|| {
        set_deposits(10, 5);
        assert_ok!(commit(ALICE, 1, vec![raw(b"a"), raw(b"b"), raw(b"c")]));
        assert_eq!(Balances::reserved_balance(ALICE), 25);
        // Something else released part of the reserve.
        Balances::unreserve(&ALICE, 20);
        assert_noop!(commit(ALICE, 1, vec![raw(b"a")]), Error::<Test>::UnexpectedUnreserveLeftover);
    });
}

#[test]
fn deposits_follow_the_field_count() {
    new_test_ext().execute_with(|| {
        set_deposits(10, 5);
        assert_ok!(commit(ALICE, 1, vec![raw(b"a"), raw(b"b"), raw(b"c")]));
        assert_eq!(Balances::reserved_balance(ALICE), 25);
        assert_eq!(CommitmentOf::<Test>::get(1, ALICE).unwrap().deposit, 25);
        assert_ok!(commit(ALICE, 1, vec![raw(b"a")]));
        assert_eq!(Balances::reserved_balance(ALICE), 15);
        assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - 15);
        assert_ok!(commit(ALICE, 1, vec![raw(b"a"), raw(b"b")]));
        assert_eq!(Balances::reserved_balance(ALICE), 20);
        assert_eq!(CommitmentOf::<Test>::get(1, ALICE).unwrap().deposit, 20);
        // A separate commitment on another subnet holds its own deposit.
        assert_ok!(commit(ALICE, 2, vec![raw(b"a")]));
        assert_eq!(Balances::reserved_balance(ALICE), 35);

        // Commitments that cease to exist give their deposit back.
        assert_ok!(commit(BOB, 1, vec![timelocked(b"t", 7)]));
        assert_eq!(Balances::reserved_balance(BOB), 15);
        store_pulse(7);
        run_to_block(2);
        assert!(CommitmentOf::<Test>::get(1, BOB).is_none());
        assert_eq!(Balances::reserved_balance(BOB), 0);
        Commitments::purge_account(1, &ALICE);
        assert_eq!(Balances::reserved_balance(ALICE), 15);
        Commitments::purge_netuid(2);
        assert_eq!(Balances::reserved_balance(ALICE), 0);
        assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE);
    });
}

#[test]
fn reset_bonds_flag_records_the_block_and_runs_the_hook_once() {
    new_test_ext().execute_with(|| {
        System::set_block_number(5);
        assert_ok!(commit(ALICE, 1, vec![raw(b"meta"), Data::ResetBondsFlag]));
        assert_eq!(LastBondsReset::<Test>::get(1, ALICE), Some(5));
        assert_eq!(bonds_resets(), vec![(1, ALICE)]);
        System::set_block_number(6);
        assert_ok!(commit(ALICE, 1, vec![Data::ResetBondsFlag, Data::ResetBondsFlag]));
        assert_eq!(LastBondsReset::<Test>::get(1, ALICE), Some(6));
        assert_eq!(bonds_resets(), vec![(1, ALICE), (1, ALICE)]);
        // Without the flag the record stays.
        System::set_block_number(7);
        assert_ok!(commit(ALICE, 1, vec![raw(b"meta")]));
        assert_eq!(LastBondsReset::<Test>::get(1, ALICE), Some(6));
        assert_eq!(bonds_resets().len(), 2);
        assert!(LastBondsReset::<Test>::get(2, ALICE).is_none());
    });
}

#[test]
fn a_new_commitment_replaces_every_field() {
    new_test_ext().execute_with(|| {
        assert_ok!(commit(ALICE, 1, vec![timelocked(b"hidden", 1000), raw(b"old")]));
        assert!(indexed(1, ALICE));
        System::set_block_number(3);
        assert_ok!(commit(ALICE, 1, vec![raw(b"new")]));
        System::assert_last_event(Event::Commitment { netuid: 1, who: ALICE }.into());
        assert_eq!(fields_of(1, ALICE), vec![raw(b"new")]);
        assert_eq!(CommitmentOf::<Test>::get(1, ALICE).unwrap().block, 3);
        assert!(!indexed(1, ALICE));
        store_pulse(1000);
        run_to_block(4);
        assert!(RevealedCommitments::<Test>::get(1, ALICE).is_none());
        assert_eq!(fields_of(1, ALICE), vec![raw(b"new")]);
    });
}

#[test]
fn timelock_event_carries_the_first_timelocked_round() {
    new_test_ext().execute_with(|| {
        assert_ok!(commit(ALICE, 1, vec![raw(b"x"), timelocked(b"a", 2000), timelocked(b"b", 1000)]));
        System::assert_last_event(Event::TimelockCommitment { netuid: 1, who: ALICE, reveal_round: 2000 }.into());
        assert!(indexed(1, ALICE));
    });
}

#[test]
fn validation_checks_without_writing() {
    new_test_ext().execute_with(|| {
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 150));
        let ok = info(vec![raw(b"x"), Data::ResetBondsFlag, timelocked(b"t", 1)]);
        let root = storage_root();
        let events = System::events().len();
        assert_eq!(validate(&ALICE, 1, &ok), Ok(()));
        assert_eq!(validate(&CHARLIE, 1, &ok), Err(DispatchError::from(Error::<Test>::AccountNotAllowedCommit)));
        assert_eq!(validate(&ALICE, 9, &ok), Err(DispatchError::from(Error::<Test>::AccountNotAllowedCommit)));
        let too_big = info(vec![raw(&[0; 128]), raw(&[0; 128])]);
        assert_eq!(validate(&ALICE, 1, &too_big), Err(DispatchError::from(Error::<Test>::SpaceLimitExceeded)));
        assert_eq!(storage_root(), root);
        assert_eq!(System::events().len(), events);
        assert!(bonds_resets().is_empty());
        // It agrees with the call.
        assert_ok!(Commitments::set_commitment(RuntimeOrigin::signed(ALICE), 1, ok.clone()));
        assert_eq!(validate(&ALICE, 1, &ok), Err(DispatchError::from(Error::<Test>::SpaceLimitExceeded)));
    });
}

#[test]
fn max_space_defaults_to_3100_and_root_sets_it() {
    new_test_ext().execute_with(|| {
        assert_eq!(MaxSpace::<Test>::get(), 3100);
        assert_ok!(Commitments::set_max_space(RuntimeOrigin::root(), 42));
        assert_eq!(MaxSpace::<Test>::get(), 42);
        assert_noop!(commit(ALICE, 1, vec![raw(b"x")]), Error::<Test>::SpaceLimitExceeded);
    });
}

// ---------------------------------------------------------------- purges and invariants

/// Alice and Bob on subnets 1 and 2 with every map written: a revealed entry, a bonds reset,
/// a budget, a commitment still timelocked (in the index).
fn populate() {
    for netuid in [1, 2] {
        for who in [ALICE, BOB] {
            assert_ok!(commit(who, netuid, vec![timelocked(b"early", 1000)]));
        }
    }
    store_pulse(1000);
    run_to_block(2);
    for netuid in [1, 2] {
        for who in [ALICE, BOB] {
            assert_ok!(commit(who, netuid, vec![raw(b"meta"), Data::ResetBondsFlag, timelocked(b"late", 5000)]));
        }
    }
}

fn has_state(netuid: u16, who: AccountId) -> [bool; 6] {
    [
        CommitmentOf::<Test>::contains_key(netuid, who),
        LastCommitment::<Test>::contains_key(netuid, who),
        LastBondsReset::<Test>::contains_key(netuid, who),
        RevealedCommitments::<Test>::contains_key(netuid, who),
        UsedSpaceOf::<Test>::contains_key(netuid, who),
        indexed(netuid, who),
    ]
}

#[test]
fn purge_netuid_removes_that_subnet_only() {
    new_test_ext().execute_with(|| {
        populate();
        assert_ok!(Commitments::check_invariants());
        for netuid in [1, 2] {
            for who in [ALICE, BOB] {
                assert_eq!(has_state(netuid, who), [true; 6]);
            }
        }
        let max_space = MaxSpace::<Test>::get();
        Commitments::purge_netuid(1);
        for who in [ALICE, BOB] {
            assert_eq!(has_state(1, who), [false; 6]);
            assert_eq!(has_state(2, who), [true; 6]);
        }
        assert!(Commitments::subnet_commitments(1).is_empty());
        assert_eq!(Commitments::subnet_commitments(2).len(), 2);
        assert_eq!(MaxSpace::<Test>::get(), max_space);
        assert_ok!(Commitments::check_invariants());
    });
}

#[test]
fn purge_account_removes_that_hotkey_on_that_subnet_only() {
    new_test_ext().execute_with(|| {
        populate();
        Commitments::purge_account(1, &ALICE);
        assert_eq!(has_state(1, ALICE), [false; 6]);
        assert_eq!(has_state(1, BOB), [true; 6]);
        assert_eq!(has_state(2, ALICE), [true; 6]);
        assert_eq!(has_state(2, BOB), [true; 6]);
        assert_ok!(Commitments::check_invariants());
        // Purging what is not there is harmless.
        Commitments::purge_account(1, &CHARLIE);
        Commitments::purge_netuid(7);
        assert_eq!(has_state(2, BOB), [true; 6]);
    });
}

#[test]
fn invariants_catch_corruption() {
    new_test_ext().execute_with(|| {
        populate();
        assert_ok!(Commitments::check_invariants());

        let mut index = TimelockedIndex::<Test>::get();
        index.remove(&(1, ALICE));
        TimelockedIndex::<Test>::put(index.clone());
        assert!(Commitments::check_invariants().is_err());
        index.insert((1, ALICE));
        TimelockedIndex::<Test>::put(index);
        assert_ok!(Commitments::check_invariants());

        let too_many: Vec<(Vec<u8>, u64)> = (0..11).map(|i| (vec![1], i)).collect();
        RevealedCommitments::<Test>::insert(1, ALICE, too_many);
        assert!(Commitments::check_invariants().is_err());
        RevealedCommitments::<Test>::remove(1, ALICE);
        assert_ok!(Commitments::check_invariants());

        UsedSpaceOf::<Test>::insert(1, ALICE, UsageTracker { last_epoch: 0, used_space: u64::from(u32::MAX) + 1 });
        assert!(Commitments::check_invariants().is_err());
        UsedSpaceOf::<Test>::remove(1, ALICE);

        LastCommitment::<Test>::remove(1, ALICE);
        assert!(Commitments::check_invariants().is_err());
    });
}

// ---------------------------------------------------------------- Data codec and metadata

fn every_variant() -> Vec<Data> {
    let mut all = vec![Data::None];
    all.extend((0..=128u8).map(|n| raw(&vec![n; n as usize])));
    all.extend([
        Data::BlakeTwo256([1; 32]),
        Data::Sha256([2; 32]),
        Data::Keccak256([3; 32]),
        Data::ShaThree256([4; 32]),
        sealed(vec![], 0),
        sealed(vec![9; 1024], u64::MAX),
        Data::ResetBondsFlag,
        big_raw(&[]),
        big_raw(&[5; 512]),
    ]);
    all
}

#[test]
fn data_round_trips_for_every_variant() {
    for data in every_variant() {
        let encoded = data.encode();
        assert!(encoded.len() <= data.size_hint(), "{data:?}");
        assert!(encoded.len() <= Data::max_encoded_len());
        let mut input = &encoded[..];
        assert_eq!(Data::decode(&mut input).unwrap(), data);
        assert!(input.is_empty());
    }
    assert_eq!(Data::max_encoded_len(), 1 + 2 + 1024 + 8);
}

#[test]
fn data_layouts() {
    assert_eq!(Data::None.encode(), vec![0]);
    assert_eq!(raw(b"").encode(), vec![1]);
    assert_eq!(raw(b"hello").encode(), unhex("06 68656c6c6f"));
    assert_eq!(raw(&[7; 128]).encode()[0], 129);
    assert_eq!(Data::BlakeTwo256([1; 32]).encode()[0], 130);
    assert_eq!(Data::Sha256([1; 32]).encode()[0], 131);
    assert_eq!(Data::Keccak256([1; 32]).encode()[0], 132);
    assert_eq!(Data::ShaThree256([1; 32]).encode()[0], 133);
    assert_eq!(sealed(vec![0xaa, 0xbb], 1000).encode(), unhex("86 08 aabb e803000000000000"));
    assert_eq!(Data::ResetBondsFlag.encode(), vec![135]);
    assert_eq!(big_raw(b"hi").encode(), unhex("88 08 6869"));
    // Rate-limit lengths (§3.1).
    let lens: Vec<u64> = [
        Data::None,
        raw(&[0; 77]),
        Data::Keccak256([0; 32]),
        sealed(vec![0; 300], 1),
        Data::ResetBondsFlag,
        big_raw(&[0; 400]),
    ]
    .iter()
    .map(Data::len_for_rate_limit)
    .collect();
    assert_eq!(lens, vec![0, 77, 32, 300, 0, 400]);
}

#[test]
fn data_rejects_bad_input() {
    for tag in 137..=255u8 {
        assert!(Data::decode(&mut &[tag, 0, 0, 0][..]).is_err(), "tag {tag}");
    }
    assert!(Data::decode(&mut &[][..]).is_err());
    // Truncated payloads.
    assert!(Data::decode(&mut &unhex("06 6865")[..]).is_err());
    assert!(Data::decode(&mut &[130u8; 20][..]).is_err());
    assert!(Data::decode(&mut &unhex("86 08 aabb e803")[..]).is_err());
    // Over-long bounded payloads.
    let mut long = vec![136u8];
    long.extend(Compact(513u32).encode());
    long.extend([0u8; 513]);
    assert!(Data::decode(&mut &long[..]).is_err());
    let mut long = vec![134u8];
    long.extend(Compact(1025u32).encode());
    long.extend([0u8; 1033]);
    assert!(Data::decode(&mut &long[..]).is_err());
}

fn def_of(registry: &PortableRegistry, id: u32) -> &TypeDef<PortableForm> {
    &registry.resolve(id).unwrap().type_def
}

fn portable<T: TypeInfo + 'static>() -> (PortableRegistry, u32) {
    let mut registry = scale_info::Registry::new();
    let id = registry.register_type(&scale_info::meta_type::<T>()).id;
    (registry.into(), id)
}

#[test]
fn data_metadata_declares_every_variant_at_its_tag() {
    let (registry, id) = portable::<Data>();
    let ty = registry.resolve(id).unwrap();
    assert_eq!(ty.path.segments.last().map(String::as_str), Some("Data"));
    let TypeDef::Variant(def) = &ty.type_def else { panic!("Data is not an enum in metadata") };

    let mut expected: Vec<(String, u8)> = vec![("None".into(), 0)];
    expected.extend((0..=128u8).map(|n| (format!("Raw{n}"), n + 1)));
    for (name, index) in [
        ("BlakeTwo256", 130),
        ("Sha256", 131),
        ("Keccak256", 132),
        ("ShaThree256", 133),
        ("TimelockEncrypted", 134),
        ("ResetBondsFlag", 135),
        ("BigRaw", 136),
    ] {
        expected.push((name.into(), index));
    }
    let declared: Vec<(String, u8)> = def.variants.iter().map(|v| (v.name.clone(), v.index)).collect();
    assert_eq!(declared, expected);

    let field_def = |v: &scale_info::Variant<PortableForm>, i: usize| def_of(&registry, v.fields[i].ty.id).clone();
    for v in &def.variants {
        match v.name.as_str() {
            "None" | "ResetBondsFlag" => assert!(v.fields.is_empty()),
            "TimelockEncrypted" => {
                let names: Vec<_> = v.fields.iter().map(|f| f.name.clone().unwrap()).collect();
                assert_eq!(names, vec!["encrypted", "reveal_round"]);
                let encrypted = registry.resolve(v.fields[0].ty.id).unwrap();
                assert_eq!(encrypted.path.segments.last().map(String::as_str), Some("BoundedVec"));
                assert_eq!(field_def(v, 1), TypeDef::Primitive(TypeDefPrimitive::U64));
            },
            "BigRaw" => {
                assert_eq!(v.fields.len(), 1);
                assert!(v.fields[0].name.is_none());
                let big = registry.resolve(v.fields[0].ty.id).unwrap();
                assert_eq!(big.path.segments.last().map(String::as_str), Some("BoundedVec"));
            },
            name => {
                let expected_len = match name.strip_prefix("Raw") {
                    Some(n) => n.parse::<u32>().unwrap(),
                    None => 32,
                };
                assert_eq!(v.fields.len(), 1, "{name}");
                assert!(v.fields[0].name.is_none());
                let TypeDef::Array(array) = field_def(v, 0) else { panic!("{name} is not an array") };
                assert_eq!(array.len, expected_len, "{name}");
                assert_eq!(
                    registry.resolve(array.type_param.id).unwrap().type_def,
                    TypeDef::Primitive(TypeDefPrimitive::U8)
                );
            },
        }
    }
}

/// A value as a client writes it for a metadata-driven encoder (py-scale-codec style).
#[derive(Clone)]
enum Value {
    Bytes(Vec<u8>),
    U64(u64),
    List(Vec<Value>),
    /// An enum variant by name (`{"Raw5": "0x..."}`), with its fields in order.
    Variant(&'static str, Vec<Value>),
    /// A struct by field name.
    Struct(Vec<(&'static str, Value)>),
}

/// Encodes `value` by walking the portable metadata only, as a client without this crate does.
fn encode_by_metadata(registry: &PortableRegistry, id: u32, value: &Value, out: &mut Vec<u8>) {
    let ty = registry.resolve(id).unwrap();
    match (&ty.type_def, value) {
        (TypeDef::Variant(def), Value::Variant(name, fields)) => {
            let v = def.variants.iter().find(|v| v.name == *name).unwrap();
            out.push(v.index);
            assert_eq!(v.fields.len(), fields.len());
            for (f, value) in v.fields.iter().zip(fields) {
                encode_by_metadata(registry, f.ty.id, value, out);
            }
        },
        (TypeDef::Composite(def), Value::Struct(fields)) => {
            for f in &def.fields {
                let name = f.name.as_deref().unwrap();
                let value = &fields.iter().find(|(n, _)| *n == name).unwrap().1;
                encode_by_metadata(registry, f.ty.id, value, out);
            }
        },
        // A newtype composite (`BoundedVec`) wraps its single field.
        (TypeDef::Composite(def), value) if def.fields.len() == 1 => {
            encode_by_metadata(registry, def.fields[0].ty.id, value, out)
        },
        (TypeDef::Array(array), Value::Bytes(bytes)) => {
            assert_eq!(array.len as usize, bytes.len());
            out.extend(bytes);
        },
        (TypeDef::Sequence(_), Value::Bytes(bytes)) => {
            out.extend(Compact(bytes.len() as u32).encode());
            out.extend(bytes);
        },
        (TypeDef::Sequence(seq), Value::List(items)) => {
            out.extend(Compact(items.len() as u32).encode());
            for item in items {
                encode_by_metadata(registry, seq.type_param.id, item, out);
            }
        },
        (TypeDef::Primitive(TypeDefPrimitive::U64), Value::U64(x)) => out.extend(x.to_le_bytes()),
        (def, _) => panic!("unexpected type {def:?}"),
    }
}

#[test]
fn metadata_driven_encoding_matches_the_codec() {
    let (registry, id) = portable::<Data>();
    let by_metadata = |value: Value| {
        let mut out = Vec::new();
        encode_by_metadata(&registry, id, &value, &mut out);
        out
    };
    let hello = by_metadata(Value::Variant("Raw5", vec![Value::Bytes(b"hello".to_vec())]));
    assert_eq!(hello, unhex("06 68656c6c6f"));
    assert_eq!(Data::decode(&mut &hello[..]).unwrap(), raw(b"hello"));

    for data in every_variant() {
        let value = match &data {
            Data::None => Value::Variant("None", vec![]),
            Data::Raw(bytes) => {
                let name: &'static str = Box::leak(format!("Raw{}", bytes.len()).into_boxed_str());
                Value::Variant(name, vec![Value::Bytes(bytes.to_vec())])
            },
            Data::BlakeTwo256(h) => Value::Variant("BlakeTwo256", vec![Value::Bytes(h.to_vec())]),
            Data::Sha256(h) => Value::Variant("Sha256", vec![Value::Bytes(h.to_vec())]),
            Data::Keccak256(h) => Value::Variant("Keccak256", vec![Value::Bytes(h.to_vec())]),
            Data::ShaThree256(h) => Value::Variant("ShaThree256", vec![Value::Bytes(h.to_vec())]),
            Data::TimelockEncrypted { encrypted, reveal_round } => {
                Value::Variant("TimelockEncrypted", vec![Value::Bytes(encrypted.to_vec()), Value::U64(*reveal_round)])
            },
            Data::ResetBondsFlag => Value::Variant("ResetBondsFlag", vec![]),
            Data::BigRaw(bytes) => Value::Variant("BigRaw", vec![Value::Bytes(bytes.to_vec())]),
        };
        assert_eq!(by_metadata(value), data.encode(), "{data:?}");
    }
}

#[test]
fn commitment_info_fields_are_a_bounded_vec_in_metadata() {
    let (registry, id) = portable::<CommitmentInfoOf<Test>>();
    let ty = registry.resolve(id).unwrap();
    let TypeDef::Composite(def) = &ty.type_def else { panic!("CommitmentInfo is not a struct") };
    assert_eq!(def.fields.len(), 1);
    assert_eq!(def.fields[0].name.as_deref(), Some("fields"));
    let fields = registry.resolve(def.fields[0].ty.id).unwrap();
    assert_eq!(fields.path.segments.last().map(String::as_str), Some("BoundedVec"));
    let data = registry.resolve(fields.type_params[0].ty.as_ref().unwrap().id).unwrap();
    assert_eq!(data.path.segments.last().map(String::as_str), Some("Data"));

    // The SDK's `{"fields": [[{"Raw5": "0x68656c6c6f"}]]}` (the doubled list is the composite).
    let value = Value::Struct(vec![(
        "fields",
        Value::List(vec![Value::Variant("Raw5", vec![Value::Bytes(b"hello".to_vec())])]),
    )]);
    let mut out = Vec::new();
    encode_by_metadata(&registry, id, &value, &mut out);
    assert_eq!(out, unhex("04 06 68656c6c6f"));
    assert_eq!(*info(vec![raw(b"hello")]), CommitmentInfoOf::<Test>::decode(&mut &out[..]).unwrap());

    // Registration: deposit u64, block u32, info — the 14-byte header clients skip.
    let (registry, id) = portable::<RegistrationOf<Test>>();
    let TypeDef::Composite(def) = &registry.resolve(id).unwrap().type_def else { panic!() };
    let layout: Vec<(String, TypeDef<PortableForm>)> = def
        .fields
        .iter()
        .map(|f| (f.name.clone().unwrap(), registry.resolve(f.ty.id).unwrap().type_def.clone()))
        .collect();
    assert_eq!(layout[0], ("deposit".into(), TypeDef::Primitive(TypeDefPrimitive::U64)));
    assert_eq!(layout[1], ("block".into(), TypeDef::Primitive(TypeDefPrimitive::U32)));
    assert_eq!(layout[2].0, "info");
}

#[test]
fn registration_decodes_leniently() {
    let full = Registration::<ConstU32<3>> {
        deposit: 7,
        block: 10,
        info: CommitmentInfo { fields: BoundedVec::try_from(vec![raw(b"hello"), Data::ResetBondsFlag]).unwrap() },
    };
    let bytes = full.encode();
    assert_eq!(Registration::<ConstU32<3>>::decode(&mut &bytes[..]).unwrap(), full);

    let decode = |hex: &str| Registration::<ConstU32<3>>::decode(&mut &unhex(hex)[..]).unwrap();
    assert_eq!(decode(""), Registration::default());
    let deposit_only = decode("0700000000000000");
    assert_eq!((deposit_only.deposit, deposit_only.block), (7, 0));
    assert!(deposit_only.info.fields.is_empty());
    let header_only = decode("0700000000000000 0a00");
    assert_eq!((header_only.block, header_only.info.fields.len()), (10, 0));
    // A cut-off `Raw` reads as zeros.
    assert_eq!(decode("0000000000000000 0a000000 04 06 6865").info.fields.into_inner(), vec![raw(b"he\0\0\0")]);
    // What cannot be a valid prefix still fails.
    assert!(Registration::<ConstU32<3>>::decode(&mut &unhex("0000000000000000 0a000000 10")[..]).is_err());
    assert!(Registration::<ConstU32<3>>::decode(&mut &unhex("0000000000000000 0a000000 04 ff")[..]).is_err());

    new_test_ext().execute_with(|| {
        // An entry stored in a shorter layout is still readable from storage.
        sp_io::storage::set(&CommitmentOf::<Test>::hashed_key_for(1, ALICE), &unhex("0500000000000000 0300"));
        let stored = CommitmentOf::<Test>::get(1, ALICE).unwrap();
        assert_eq!((stored.deposit, stored.block, stored.info.fields.len()), (5, 3, 0));
    });
}

// ---------------------------------------------------------------- metadata contract

#[test]
fn storage_names_hashers_and_error_event_orders() {
    use frame_support::__private::metadata_ir::{StorageEntryTypeIR, StorageHasherIR};
    let storage = Commitments::storage_metadata();
    assert_eq!(storage.prefix, "Commitments");
    let names: Vec<&str> = storage.entries.iter().map(|e| e.name).collect();
    assert_eq!(
        names,
        vec![
            "TimelockedIndex",
            "CommitmentOf",
            "LastCommitment",
            "LastBondsReset",
            "RevealedCommitments",
            "UsedSpaceOf",
            "MaxSpace"
        ]
    );
    for entry in &storage.entries {
        if let StorageEntryTypeIR::Map { hashers, .. } = &entry.ty {
            assert_eq!(hashers, &vec![StorageHasherIR::Identity, StorageHasherIR::Twox64Concat], "{}", entry.name);
        }
    }

    let errors = [
        Error::<Test>::TooManyFieldsInCommitmentInfo,
        Error::<Test>::AccountNotAllowedCommit,
        Error::<Test>::SpaceLimitExceeded,
        Error::<Test>::UnexpectedUnreserveLeftover,
    ];
    for (i, e) in errors.into_iter().enumerate() {
        assert_eq!(e.encode(), vec![i as u8]);
    }
    let events = [
        Event::<Test>::Commitment { netuid: 1, who: ALICE },
        Event::<Test>::TimelockCommitment { netuid: 1, who: ALICE, reveal_round: 0 },
        Event::<Test>::CommitmentRevealed { netuid: 1, who: ALICE },
    ];
    for (i, e) in events.into_iter().enumerate() {
        assert_eq!(e.encode()[0], i as u8);
    }
}
