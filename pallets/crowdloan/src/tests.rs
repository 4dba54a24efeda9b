//! Crowdloan's calls against `pallets-2.md` §4: every check, the lifecycle and the vectors,
//! with the accounting invariants verified after every action.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use crate::{
    mock::*, weights::WeightInfo, Contributions, CrowdloanInfoOf, Crowdloans, CurrentCrowdloanId, Error, Event,
    MaxContributions, NextCrowdloanId,
};
use codec::{Compact, Encode};
use frame_support::{
    assert_noop, assert_ok,
    dispatch::{DispatchClass, GetDispatchInfo, Pays},
    traits::{
        fungible::Mutate,
        Bounded, QueryPreimage,
    },
    weights::Weight,
};
use sp_core::crypto::Ss58Codec;
use sp_runtime::{
    traits::{BlakeTwo256, Hash},
    DispatchError, DispatchResult,
};

const TARGET: u8 = 99;
const DEPOSIT: u64 = 50;
const MIN: u64 = 10;
const END: u32 = 50;

// ---------------------------------------------------------------- helpers

fn check() {
    Crowdloan::check_invariants().unwrap();
}

/// A successful action, then the invariants.
fn ok(result: DispatchResult) {
    assert_ok!(result);
    check();
}

fn signed(n: u8) -> RuntimeOrigin {
    RuntimeOrigin::signed(acc(n))
}

fn free(n: u8) -> u64 {
    Balances::free_balance(acc(n))
}

fn funds(id: u32) -> u64 {
    Balances::free_balance(Crowdloan::funds_account(id))
}

fn info(id: u32) -> CrowdloanInfoOf<Test> {
    Crowdloans::<Test>::get(id).unwrap()
}

fn contribution(id: u32, n: u8) -> Option<u64> {
    Contributions::<Test>::get(id, acc(n))
}

fn events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|r| if let RuntimeEvent::Crowdloan(e) = r.event { Some(e) } else { None })
        .collect()
}

fn last_event() -> Event<Test> {
    events().pop().expect("a crowdloan event")
}

/// `create` by `creator`; without a call the crowdloan pays `TARGET`.
fn create_with(creator: u8, deposit: u64, min: u64, cap: u64, end: u32, call: Option<RuntimeCall>) -> DispatchResult {
    let target = if call.is_none() { Some(acc(TARGET)) } else { None };
    Crowdloan::create(signed(creator), deposit, min, cap, end, call.map(Box::new), target)
}

/// A crowdloan with the default deposit, minimum and end.
fn new_loan(creator: u8, cap: u64, call: Option<RuntimeCall>) -> u32 {
    let id = NextCrowdloanId::<Test>::get();
    ok(create_with(creator, DEPOSIT, MIN, cap, END, call));
    id
}

fn contribute(n: u8, id: u32, amount: u64) {
    ok(Crowdloan::contribute(signed(n), id, amount));
}

fn observe(pad: usize) -> RuntimeCall {
    RuntimeCall::TestPallet(test_pallet::Call::observe { pad: vec![3u8; pad] })
}

fn spend() -> RuntimeCall {
    RuntimeCall::TestPallet(test_pallet::Call::spend {})
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------- accounts, layout, metadata

#[test]
fn funds_account_of_id_0_matches_the_spec_vector() {
    new_test_ext().execute_with(|| {
        let account = Crowdloan::funds_account(0);
        let mut expected = [0u8; 32];
        expected[..16].copy_from_slice(b"modlbt/cloan\0\0\0\0");
        assert_eq!(<AccountId as AsRef<[u8]>>::as_ref(&account), &expected);
        assert_eq!(hex(<AccountId as AsRef<[u8]>>::as_ref(&account)), format!("6d6f646c62742f636c6f616e{}", "00".repeat(20)));
        assert_eq!(account.to_ss58check(), "5EYCAe5fvncWtwXjyNAdoCJk9VrtAEBeZMhqDYjehWX97cWb");
        // The id is little-endian right after the pallet id.
        let one = Crowdloan::funds_account(0x0403_0201);
        assert_eq!(&<AccountId as AsRef<[u8]>>::as_ref(&one)[12..16], &[1, 2, 3, 4]);
    });
}

#[test]
fn storage_keys_use_the_spec_hashers() {
    new_test_ext().execute_with(|| {
        use sp_io::hashing::{twox_128, twox_64};
        let prefix = |item: &[u8]| [twox_128(b"Crowdloan").to_vec(), twox_128(item).to_vec()].concat();
        let t64 = |id: u32| [twox_64(&id.encode()).to_vec(), id.encode()].concat();
        assert_eq!(Crowdloans::<Test>::hashed_key_for(7u32), [prefix(b"Crowdloans"), t64(7)].concat());
        assert_eq!(
            Contributions::<Test>::hashed_key_for(7u32, acc(1)),
            [prefix(b"Contributions"), t64(7), vec![1u8; 32]].concat()
        );
        assert_eq!(MaxContributions::<Test>::hashed_key_for(7u32), [prefix(b"MaxContributions"), t64(7)].concat());
        assert_eq!(NextCrowdloanId::<Test>::hashed_key().to_vec(), prefix(b"NextCrowdloanId"));
        assert_eq!(CurrentCrowdloanId::<Test>::hashed_key().to_vec(), prefix(b"CurrentCrowdloanId"));
    });
}

fn variant_names<T: scale_info::TypeInfo + 'static>() -> Vec<&'static str> {
    match T::type_info().type_def {
        scale_info::TypeDef::Variant(v) => v.variants.iter().map(|v| v.name).collect(),
        _ => panic!("not an enum"),
    }
}

#[test]
fn metadata_names_and_orders_match_the_spec() {
    let fields: Vec<_> = match <CrowdloanInfoOf<Test> as scale_info::TypeInfo>::type_info().type_def {
        scale_info::TypeDef::Composite(c) => c.fields.iter().map(|f| f.name.unwrap()).collect(),
        _ => panic!("not a struct"),
    };
    assert_eq!(
        fields,
        [
            "creator",
            "deposit",
            "min_contribution",
            "end",
            "cap",
            "funds_account",
            "raised",
            "target_address",
            "call",
            "finalized",
            "contributors_count"
        ]
    );
    assert_eq!(
        variant_names::<Event<Test>>(),
        [
            "Created",
            "Contributed",
            "Withdrew",
            "PartiallyRefunded",
            "AllRefunded",
            "Finalized",
            "Dissolved",
            "MinContributionUpdated",
            "EndUpdated",
            "CapUpdated",
            "MaxContributionUpdated"
        ]
    );
    assert_eq!(
        variant_names::<Error<Test>>(),
        [
            "DepositTooLow",
            "CapTooLow",
            "MinimumContributionTooLow",
            "CannotEndInPast",
            "BlockDurationTooShort",
            "BlockDurationTooLong",
            "InsufficientBalance",
            "Overflow",
            "InvalidCrowdloanId",
            "CapRaised",
            "ContributionPeriodEnded",
            "ContributionTooLow",
            "InvalidOrigin",
            "AlreadyFinalized",
            "ContributionPeriodNotEnded",
            "NoContribution",
            "CapNotRaised",
            "Underflow",
            "CallUnavailable",
            "NotReadyToDissolve",
            "DepositCannotBeWithdrawn",
            "MaxContributorsReached",
            "InvalidFinalizationConfig",
            "MaxContributionReached",
            "MaximumContributionTooLow",
            "MinimumContributionTooHigh"
        ]
    );
    assert_eq!(
        variant_names::<crate::Call<Test>>(),
        [
            "create",
            "contribute",
            "withdraw",
            "finalize",
            "refund",
            "dissolve",
            "update_min_contribution",
            "update_end",
            "update_cap",
            "set_max_contribution"
        ]
    );
    // The stored call type offers Legacy (0), Inline (1), Lookup (2).
    assert_eq!(
        variant_names::<Bounded<RuntimeCall, BlakeTwo256>>(),
        ["Legacy", "Inline", "Lookup"]
    );
}

#[test]
fn call_arguments_are_compact_encoded() {
    let tao = 1_000_000_000u64;
    assert_eq!(hex(&Compact(10 * tao).encode()), "0700e40b5402");
    assert_eq!(hex(&Compact(tao).encode()), "02286bee");
    assert_eq!(hex(&Compact(100 * tao).encode()), "0700e8764817");
    assert_eq!(hex(&Compact(tao / 10).encode()), "0284d717");
    assert_eq!(hex(&Compact(1000u32).encode()), "a10f");

    let contribute = RuntimeCall::Crowdloan(crate::Call::contribute { crowdloan_id: 3, amount: 10 * tao });
    assert_eq!(hex(&contribute.encode()), "1b01".to_owned() + "0c" + "0700e40b5402");
    let update_end = RuntimeCall::Crowdloan(crate::Call::update_end { crowdloan_id: 0, new_end: 1000 });
    assert_eq!(hex(&update_end.encode()), "1b0700a10f");
    // set_max_contribution's maximum is a plain Option<u64>.
    let set_max = RuntimeCall::Crowdloan(crate::Call::set_max_contribution {
        crowdloan_id: 1,
        new_max_contribution: Some(tao),
    });
    assert_eq!(hex(&set_max.encode()), "1b090401".to_owned() + &hex(&tao.to_le_bytes()));
    let create = RuntimeCall::Crowdloan(crate::Call::create {
        deposit: 10 * tao,
        min_contribution: tao / 10,
        cap: 100 * tao,
        end: 1000,
        call: None,
        target_address: Some(acc(1)),
    });
    assert_eq!(
        hex(&create.encode()),
        "1b00".to_owned() + "0700e40b5402" + "0284d717" + "0700e8764817" + "a10f" + "00" + "01" + &"01".repeat(32)
    );
}

#[test]
fn calls_are_normal_and_paid() {
    new_test_ext().execute_with(|| {
        let calls = [
            crate::Call::<Test>::contribute { crowdloan_id: 0, amount: 1 },
            crate::Call::withdraw { crowdloan_id: 0 },
            crate::Call::finalize { crowdloan_id: 0 },
            crate::Call::refund { crowdloan_id: 0 },
            crate::Call::dissolve { crowdloan_id: 0 },
            crate::Call::update_min_contribution { crowdloan_id: 0, new_min_contribution: 1 },
            crate::Call::update_end { crowdloan_id: 0, new_end: 1 },
            crate::Call::update_cap { crowdloan_id: 0, new_cap: 1 },
            crate::Call::set_max_contribution { crowdloan_id: 0, new_max_contribution: None },
        ];
        for call in calls {
            let info = call.get_dispatch_info();
            assert_eq!(info.class, DispatchClass::Normal);
            assert_eq!(info.pays_fee, Pays::Yes);
            assert!(info.call_weight.ref_time() > 0);
        }
        // finalize's weight does not include the stored call's.
        assert_eq!(
            crate::Call::<Test>::finalize { crowdloan_id: 0 }.get_dispatch_info().call_weight,
            <() as WeightInfo>::finalize()
        );
        assert_eq!(
            crate::Call::<Test>::refund { crowdloan_id: 0 }.get_dispatch_info().call_weight,
            <() as WeightInfo>::refund(RefundContributorsLimit::get())
        );
    });
}

// ---------------------------------------------------------------- create

#[test]
fn create_stores_the_spec_vector_crowdloan() {
    new_test_ext().execute_with(|| {
        let id = new_loan(CREATOR, 300, None);
        assert_eq!(id, 0);
        assert_eq!(NextCrowdloanId::<Test>::get(), 1);
        let funds_account = Crowdloan::funds_account(0);
        assert_eq!(
            info(0),
            crate::CrowdloanInfo {
                creator: acc(CREATOR),
                deposit: 50,
                min_contribution: 10,
                end: 50,
                cap: 300,
                funds_account: funds_account.clone(),
                raised: 50,
                target_address: Some(acc(TARGET)),
                call: None,
                finalized: false,
                contributors_count: 1,
            }
        );
        assert_eq!(contribution(0, CREATOR), Some(50));
        assert_eq!(free(CREATOR), 150);
        assert_eq!(funds(0), 50);
        // One provider from this pallet, one from Balances for the balance.
        assert_eq!(System::providers(&funds_account), 2);
        assert_eq!(last_event(), Event::Created { crowdloan_id: 0, creator: acc(CREATOR), end: 50, cap: 300 });
        assert_eq!(Crowdloan::total_held(), 50);
        assert_eq!(Crowdloan::contributions(0), vec![(acc(CREATOR), 50)]);

        // Ids increase.
        assert_eq!(new_loan(1, 300, None), 1);
        assert_eq!(Crowdloan::total_held(), 100);
    });
}

#[test]
fn create_checks_in_spec_order() {
    new_test_ext().execute_with(|| {
        let now = 1;
        assert_noop!(create_with(1, 49, MIN, 300, END, None), Error::<Test>::DepositTooLow);
        // Several failing: the first check wins.
        assert_noop!(create_with(1, 49, 0, 0, 0, None), Error::<Test>::DepositTooLow);
        assert_noop!(create_with(1, 50, MIN, 50, END, None), Error::<Test>::CapTooLow);
        assert_noop!(create_with(1, 50, 9, 300, 0, None), Error::<Test>::MinimumContributionTooLow);
        assert_noop!(
            Crowdloan::create(signed(1), 50, MIN, 300, END, None, None),
            Error::<Test>::InvalidFinalizationConfig
        );
        assert_noop!(
            Crowdloan::create(signed(1), 50, MIN, 300, END, Some(Box::new(observe(0))), Some(acc(TARGET))),
            Error::<Test>::InvalidFinalizationConfig
        );
        assert_noop!(create_with(1, 50, MIN, 300, now, None), Error::<Test>::CannotEndInPast);
        System::set_block_number(30);
        assert_noop!(create_with(1, 50, MIN, 300, 29, None), Error::<Test>::CannotEndInPast);
        assert_noop!(create_with(1, 50, MIN, 300, 30 + 19, None), Error::<Test>::BlockDurationTooShort);
        assert_noop!(create_with(1, 50, MIN, 300, 30 + 101, None), Error::<Test>::BlockDurationTooLong);
        // 1 000 free: a 1 001 deposit fails; an account that does not exist has nothing.
        assert_noop!(create_with(1, 1_001, MIN, 2_000, 60, None), Error::<Test>::InsufficientBalance);
        assert_noop!(create_with(77, 50, MIN, 300, 60, None), Error::<Test>::InsufficientBalance);
        check();
        // The duration bounds are inclusive.
        ok(create_with(1, 50, MIN, 300, 30 + 20, None));
        ok(create_with(1, 50, MIN, 300, 30 + 100, None));
        // The whole balance may go (expendable).
        ok(create_with(2, 1_000, MIN, 2_000, 60, None));
        assert_eq!(free(2), 0);
    });
}

#[test]
fn create_fails_when_the_id_overflows() {
    new_test_ext().execute_with(|| {
        NextCrowdloanId::<Test>::put(u32::MAX);
        assert_noop!(create_with(1, 50, MIN, 300, END, None), Error::<Test>::Overflow);
        NextCrowdloanId::<Test>::put(u32::MAX - 1);
        ok(create_with(1, 50, MIN, 300, END, None));
        assert!(Crowdloans::<Test>::contains_key(u32::MAX - 1));
        assert_eq!(NextCrowdloanId::<Test>::get(), u32::MAX);
    });
}

#[test]
fn short_calls_are_stored_inline() {
    new_test_ext().execute_with(|| {
        let call = observe(10);
        let id = new_loan(1, 300, Some(call.clone()));
        match info(id).call.unwrap() {
            Bounded::Inline(bytes) => assert_eq!(bytes.to_vec(), call.encode()),
            other => panic!("expected Inline, got {other:?}"),
        }
        // Exactly 128 bytes is still inline.
        let call = observe(128 - observe(0).encoded_size() - 1);
        assert_eq!(call.encoded_size(), 128);
        let id = new_loan(1, 300, Some(call));
        assert!(matches!(info(id).call, Some(Bounded::Inline(_))));
    });
}

#[test]
fn long_calls_go_through_the_preimage_pallet() {
    new_test_ext().execute_with(|| {
        let call = observe(200);
        let encoded = call.encode();
        assert!(encoded.len() > 128);
        let hash = BlakeTwo256::hash(&encoded);
        let id = new_loan(1, 300, Some(call));
        assert_eq!(info(id).call, Some(Bounded::Lookup { hash, len: encoded.len() as u32 }));
        assert_eq!(<Preimage as QueryPreimage>::len(&hash), Some(encoded.len() as u32));
        assert!(<Preimage as QueryPreimage>::is_requested(&hash));
        // Dissolving releases it.
        ok(Crowdloan::dissolve(signed(1), id));
        assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);
    });
}

#[test]
fn a_shared_long_call_survives_the_other_crowdloan() {
    new_test_ext().execute_with(|| {
        let call = observe(300);
        let hash = BlakeTwo256::hash(&call.encode());
        let a = new_loan(1, 60, Some(call.clone()));
        let b = new_loan(2, 60, Some(call));
        ok(Crowdloan::dissolve(signed(1), a));
        assert!(<Preimage as QueryPreimage>::len(&hash).is_some());
        contribute(3, b, 10);
        ok(Crowdloan::finalize(signed(2), b));
        assert_eq!(test_pallet::Observed::<Test>::get(), Some((acc(2), b, 60, 2)));
        assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);
    });
}

#[test]
fn create_weight_adds_the_stored_calls_weight() {
    new_test_ext().execute_with(|| {
        let inner = observe(40);
        let len = inner.encoded_size() as u32;
        let call = crate::Call::<Test>::create {
            deposit: 50,
            min_contribution: 10,
            cap: 300,
            end: 50,
            call: Some(Box::new(inner)),
            target_address: None,
        };
        assert_eq!(
            call.get_dispatch_info().call_weight,
            <() as WeightInfo>::create(len).saturating_add(Weight::from_parts(7_000_000, 1_000))
        );
        let plain = crate::Call::<Test>::create {
            deposit: 50,
            min_contribution: 10,
            cap: 300,
            end: 50,
            call: None,
            target_address: Some(acc(1)),
        };
        assert_eq!(plain.get_dispatch_info().call_weight, <() as WeightInfo>::create(0));
    });
}

// ---------------------------------------------------------------- contribute

#[test]
fn contribute_follows_the_spec_vector() {
    new_test_ext().execute_with(|| {
        new_loan(CREATOR, 300, None);
        System::set_block_number(10);
        contribute(CREATOR, 0, 50);
        assert_eq!(contribution(0, CREATOR), Some(100));
        assert_eq!(free(CREATOR), 100);
        assert_eq!(info(0).contributors_count, 1, "the creator is not counted twice");
        assert_eq!(last_event(), Event::Contributed { crowdloan_id: 0, contributor: acc(CREATOR), amount: 50 });

        contribute(RICH, 0, 300);
        assert_eq!(last_event(), Event::Contributed { crowdloan_id: 0, contributor: acc(RICH), amount: 200 });
        assert_eq!(free(RICH), 300);
        assert_eq!(contribution(0, RICH), Some(200));
        assert_eq!(info(0).raised, 300);
        assert_eq!(info(0).contributors_count, 2);
        assert_eq!(funds(0), 300);
        assert_noop!(Crowdloan::contribute(signed(1), 0, 10), Error::<Test>::CapRaised);
    });
}

#[test]
fn the_last_contribution_may_fall_below_the_minimum() {
    new_test_ext().execute_with(|| {
        new_loan(1, 115, None);
        contribute(2, 0, 60);
        assert_eq!(info(0).raised, 110);
        // 5 left to raise: a 10 contribution is accepted as 5.
        contribute(3, 0, 10);
        assert_eq!(last_event(), Event::Contributed { crowdloan_id: 0, contributor: acc(3), amount: 5 });
        assert_eq!(contribution(0, 3), Some(5));
        assert_eq!(free(3), 995);
        assert_eq!(info(0).raised, 115);
        // Still, asking for less than the minimum is refused.
        ok(Crowdloan::withdraw(signed(3), 0));
        assert_noop!(Crowdloan::contribute(signed(3), 0, 5), Error::<Test>::ContributionTooLow);
    });
}

#[test]
fn contribute_checks_in_spec_order() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::contribute(signed(2), 0, 10), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 300, None);
        // Below the minimum and from a poor account: the minimum is checked first.
        assert_noop!(Crowdloan::contribute(signed(77), 0, 9), Error::<Test>::ContributionTooLow);
        assert_noop!(Crowdloan::contribute(signed(77), 0, 10), Error::<Test>::InsufficientBalance);
        // The amount accepted (not asked) must be payable: 1 000 asked, 250 accepted.
        assert_noop!(Crowdloan::contribute(signed(CREATOR), 0, 1_000), Error::<Test>::InsufficientBalance);
        contribute(2, 0, 1_000);
        assert_eq!(contribution(0, 2), Some(250));
        assert_noop!(Crowdloan::contribute(signed(3), 0, 10), Error::<Test>::CapRaised);
        ok(Crowdloan::withdraw(signed(2), 0));
        System::set_block_number(END);
        // Period ended beats cap/minimum.
        assert_noop!(Crowdloan::contribute(signed(3), 0, 1), Error::<Test>::ContributionPeriodEnded);
        System::set_block_number(END - 1);
        contribute(3, 0, 10);
    });
}

#[test]
fn max_contributors_counts_the_creator_and_blocks_top_ups() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        for n in 2..=10u8 {
            contribute(n, 0, 10);
        }
        assert_eq!(info(0).contributors_count, MaxContributors::get());
        assert_noop!(Crowdloan::contribute(signed(11), 0, 10), Error::<Test>::MaxContributorsReached);
        assert_noop!(Crowdloan::contribute(signed(2), 0, 10), Error::<Test>::MaxContributorsReached);
        assert_noop!(Crowdloan::contribute(signed(1), 0, 10), Error::<Test>::MaxContributorsReached);
        ok(Crowdloan::withdraw(signed(2), 0));
        contribute(11, 0, 10);
        assert_eq!(info(0).contributors_count, 10);
        assert_eq!(Crowdloan::contributions(0).len(), 10);
    });
}

#[test]
fn max_contribution_caps_each_contributor() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        ok(Crowdloan::set_max_contribution(signed(1), 0, Some(60)));
        contribute(2, 0, 50);
        contribute(2, 0, 50);
        assert_eq!(last_event(), Event::Contributed { crowdloan_id: 0, contributor: acc(2), amount: 10 });
        assert_eq!(contribution(0, 2), Some(60));
        assert_noop!(Crowdloan::contribute(signed(2), 0, 10), Error::<Test>::MaxContributionReached);
        // The creator's deposit (50) counts: 10 more is allowed, then no more.
        contribute(1, 0, 30);
        assert_eq!(contribution(0, 1), Some(60));
        assert_noop!(Crowdloan::contribute(signed(1), 0, 10), Error::<Test>::MaxContributionReached);
        // Others are unaffected; removing the cap lifts it.
        contribute(3, 0, 100);
        assert_eq!(contribution(0, 3), Some(60));
        ok(Crowdloan::set_max_contribution(signed(1), 0, None));
        contribute(2, 0, 100);
        assert_eq!(contribution(0, 2), Some(160));
    });
}

// ---------------------------------------------------------------- withdraw

#[test]
fn withdraw_returns_contributions_before_and_after_end() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        contribute(2, 0, 100);
        contribute(3, 0, 40);
        ok(Crowdloan::withdraw(signed(2), 0));
        assert_eq!(last_event(), Event::Withdrew { crowdloan_id: 0, contributor: acc(2), amount: 100 });
        assert_eq!(free(2), 1_000);
        assert_eq!(contribution(0, 2), None);
        assert_eq!(info(0).contributors_count, 2);
        assert_eq!(info(0).raised, 90);
        System::set_block_number(END + 10);
        ok(Crowdloan::withdraw(signed(3), 0));
        assert_eq!(free(3), 1_000);
        assert_eq!(info(0).raised, 50);
        assert_eq!(info(0).contributors_count, 1);
    });
}

#[test]
fn the_creator_withdraws_down_to_the_deposit() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        assert_noop!(Crowdloan::withdraw(signed(1), 0), Error::<Test>::DepositCannotBeWithdrawn);
        contribute(1, 0, 70);
        ok(Crowdloan::withdraw(signed(1), 0));
        assert_eq!(last_event(), Event::Withdrew { crowdloan_id: 0, contributor: acc(1), amount: 70 });
        assert_eq!(contribution(0, 1), Some(DEPOSIT));
        assert_eq!(info(0).contributors_count, 1);
        assert_eq!(free(1), 950);
        assert_noop!(Crowdloan::withdraw(signed(1), 0), Error::<Test>::DepositCannotBeWithdrawn);
    });
}

#[test]
fn withdraw_checks_in_spec_order() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::withdraw(signed(2), 0), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 60, None);
        assert_noop!(Crowdloan::withdraw(signed(2), 0), Error::<Test>::NoContribution);
        contribute(2, 0, 10);
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::withdraw(signed(2), 0), Error::<Test>::AlreadyFinalized);
        assert_noop!(Crowdloan::withdraw(signed(3), 0), Error::<Test>::AlreadyFinalized);
        check();
    });
}

// ---------------------------------------------------------------- finalize

#[test]
fn finalize_pays_the_target() {
    new_test_ext().execute_with(|| {
        new_loan(1, 150, None);
        contribute(2, 0, 60);
        contribute(3, 0, 40);
        // No need to wait for the end.
        ok(Crowdloan::finalize(signed(1), 0));
        assert_eq!(last_event(), Event::Finalized { crowdloan_id: 0 });
        assert!(info(0).finalized);
        assert_eq!(free(TARGET), 150);
        assert_eq!(funds(0), 0);
        assert_eq!(Crowdloan::total_held(), 0);
        // The record stays.
        assert_eq!(info(0).raised, 150);
        assert_eq!(Crowdloan::contributions(0).len(), 3);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::AlreadyFinalized);
        check();
    });
}

#[test]
fn finalize_checks_in_spec_order() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 100, None);
        assert_noop!(Crowdloan::finalize(signed(2), 0), Error::<Test>::InvalidOrigin);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::CapNotRaised);
        contribute(2, 0, 50);
        // Neither or both of call and target (only reachable through corrupt storage).
        Crowdloans::<Test>::mutate(0, |i| i.as_mut().unwrap().target_address = None);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::InvalidFinalizationConfig);
        Crowdloans::<Test>::mutate(0, |i| {
            let i = i.as_mut().unwrap();
            i.target_address = Some(acc(TARGET));
            i.call = Some(Bounded::Inline(Default::default()));
        });
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::InvalidFinalizationConfig);
        Crowdloans::<Test>::mutate(0, |i| i.as_mut().unwrap().call = None);
        check();
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::finalize(signed(2), 0), Error::<Test>::InvalidOrigin);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::AlreadyFinalized);
    });
}

#[test]
fn finalize_dispatches_the_stored_call_as_the_creator() {
    new_test_ext().execute_with(|| {
        let id = new_loan(1, 100, Some(observe(0)));
        contribute(2, id, 50);
        assert_eq!(CurrentCrowdloanId::<Test>::get(), None);
        assert_eq!(Crowdloan::current_crowdloan(), Err(Error::<Test>::InvalidCrowdloanId.into()));
        ok(Crowdloan::finalize(signed(1), id));
        // The call saw the crowdloan, its creator as signer and both contributors.
        assert_eq!(test_pallet::Observed::<Test>::get(), Some((acc(1), id, 100, 2)));
        assert_eq!(CurrentCrowdloanId::<Test>::get(), None);
        assert_eq!(Crowdloan::current_crowdloan(), Err(Error::<Test>::InvalidCrowdloanId.into()));
        assert!(info(id).finalized);
        assert_eq!(last_event(), Event::Finalized { crowdloan_id: id });
        // Nothing spent the funds: they stay in the funds account.
        assert_eq!(funds(id), 100);
    });
}

#[test]
fn current_crowdloan_needs_an_existing_crowdloan() {
    new_test_ext().execute_with(|| {
        CurrentCrowdloanId::<Test>::put(5);
        assert_eq!(Crowdloan::current_crowdloan(), Err(Error::<Test>::InvalidCrowdloanId.into()));
        CurrentCrowdloanId::<Test>::kill();
        // Outside finalize, a stored-call-only call fails.
        assert_noop!(
            TestPallet::observe(signed(1), vec![]),
            DispatchError::from(Error::<Test>::InvalidCrowdloanId)
        );
    });
}

#[test]
fn finalize_runs_a_remark_and_a_balances_transfer_from_the_creator() {
    new_test_ext().execute_with(|| {
        let remark = RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"hello".to_vec() });
        let a = new_loan(1, 60, Some(remark));
        contribute(2, a, 10);
        ok(Crowdloan::finalize(signed(1), a));
        assert!(System::events().iter().any(|r| r.event
            == RuntimeEvent::System(frame_system::Event::Remarked {
                sender: acc(1),
                hash: BlakeTwo256::hash(b"hello")
            })));

        let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest: acc(9), value: 77 });
        let b = new_loan(3, 60, Some(transfer));
        contribute(2, b, 10);
        ok(Crowdloan::finalize(signed(3), b));
        assert_eq!(free(3), 1_000 - DEPOSIT - 77);
        assert_eq!(free(9), 1_077);
    });
}

#[test]
fn finalize_a_call_that_spends_the_funds() {
    new_test_ext().execute_with(|| {
        let id = new_loan(CREATOR, 300, Some(spend()));
        contribute(RICH, id, 250);
        assert_eq!(Crowdloan::total_held(), 300);
        ok(Crowdloan::finalize(signed(CREATOR), id));
        assert_eq!(funds(id), 0);
        assert_eq!(free(CREATOR), 150 + 300);
        assert_eq!(Crowdloan::total_held(), 0);
    });
}

#[test]
fn finalize_a_long_stored_call() {
    new_test_ext().execute_with(|| {
        let call = observe(200);
        let hash = BlakeTwo256::hash(&call.encode());
        let id = new_loan(1, 60, Some(call));
        contribute(2, id, 10);
        ok(Crowdloan::finalize(signed(1), id));
        assert_eq!(test_pallet::Observed::<Test>::get(), Some((acc(1), id, 60, 2)));
        // The preimage is not needed any more.
        assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);
    });
}

#[test]
fn a_failing_stored_call_fails_finalize_and_changes_nothing() {
    new_test_ext().execute_with(|| {
        let refuse = RuntimeCall::TestPallet(test_pallet::Call::refuse {});
        let id = new_loan(1, 60, Some(refuse));
        contribute(2, id, 10);
        assert_noop!(Crowdloan::finalize(signed(1), id), test_pallet::Error::<Test>::Refused);
        assert!(!info(id).finalized);
        assert_eq!(CurrentCrowdloanId::<Test>::get(), None);
        // A transfer the creator cannot pay fails the same way.
        let too_much = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest: acc(9), value: 5_000 });
        let id = new_loan(3, 60, Some(too_much));
        contribute(2, id, 10);
        assert!(Crowdloan::finalize(signed(3), id).is_err());
        assert!(!info(id).finalized);
        check();
        // Nothing stops the crowdloan from being wound down.
        ok(Crowdloan::refund(signed(3), id).map(|_| ()).map_err(|e| e.error));
        ok(Crowdloan::dissolve(signed(3), id));
    });
}

#[test]
fn a_missing_preimage_is_call_unavailable() {
    new_test_ext().execute_with(|| {
        let call = observe(200);
        let hash = BlakeTwo256::hash(&call.encode());
        let id = new_loan(1, 60, Some(call));
        contribute(2, id, 10);
        <Preimage as QueryPreimage>::unrequest(&hash);
        assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);
        assert_eq!(Crowdloan::check_invariants(), Err("stored call preimage missing"));
        assert_noop!(Crowdloan::finalize(signed(1), id), Error::<Test>::CallUnavailable);
    });
}

#[test]
fn a_stored_call_cannot_reenter_finalize() {
    new_test_ext().execute_with(|| {
        // Finalizing itself: it is already final while its call runs.
        let itself = RuntimeCall::Crowdloan(crate::Call::finalize { crowdloan_id: 0 });
        new_loan(1, 60, Some(itself));
        contribute(2, 0, 10);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::AlreadyFinalized);
        // Or withdrawing the creator's extra.
        let withdraw = RuntimeCall::Crowdloan(crate::Call::withdraw { crowdloan_id: 1 });
        new_loan(1, 100, Some(withdraw));
        contribute(1, 1, 50);
        assert_noop!(Crowdloan::finalize(signed(1), 1), Error::<Test>::AlreadyFinalized);

        // Finalizing another crowdloan with a stored call: no nesting.
        let other = RuntimeCall::Crowdloan(crate::Call::finalize { crowdloan_id: 3 });
        new_loan(1, 60, Some(other)); // 2
        new_loan(1, 60, Some(observe(0))); // 3
        contribute(2, 2, 10);
        contribute(2, 3, 10);
        assert_noop!(Crowdloan::finalize(signed(1), 2), Error::<Test>::InvalidOrigin);

        // Finalizing another crowdloan that pays a target is fine.
        let other = RuntimeCall::Crowdloan(crate::Call::finalize { crowdloan_id: 5 });
        new_loan(1, 60, Some(other)); // 4
        new_loan(1, 60, None); // 5
        contribute(2, 4, 10);
        contribute(2, 5, 10);
        ok(Crowdloan::finalize(signed(1), 4));
        assert!(info(4).finalized && info(5).finalized);
        assert_eq!(free(TARGET), 60);
    });
}

// ---------------------------------------------------------------- refund and dissolve

#[test]
fn refund_goes_in_batches_then_dissolve() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        contribute(1, 0, 20);
        for n in 2..=10u8 {
            contribute(n, 0, 10 + u64::from(n));
        }
        assert_eq!(info(0).contributors_count, 10);
        assert_noop!(Crowdloan::dissolve(signed(1), 0), Error::<Test>::NotReadyToDissolve);
        // No end check: refund while still open.
        let post = Crowdloan::refund(signed(1), 0).unwrap();
        check();
        assert_eq!(post.actual_weight, Some(<() as WeightInfo>::refund(5)));
        assert_eq!(last_event(), Event::PartiallyRefunded { crowdloan_id: 0 });
        assert_eq!(info(0).contributors_count, 5);
        assert_eq!(Crowdloan::contributions(0).len(), 5);
        assert!(contribution(0, 1).is_some(), "the creator is never refunded");

        System::set_block_number(END + 1);
        let post = Crowdloan::refund(signed(1), 0).unwrap();
        check();
        assert_eq!(post.actual_weight, Some(<() as WeightInfo>::refund(4)));
        assert_eq!(last_event(), Event::AllRefunded { crowdloan_id: 0 });
        assert_eq!(info(0).contributors_count, 1);
        assert_eq!(info(0).raised, 70);
        for n in 2..=10u8 {
            assert_eq!(free(n), 1_000);
        }
        // Nothing left to refund.
        let post = Crowdloan::refund(signed(1), 0).unwrap();
        assert_eq!(post.actual_weight, Some(<() as WeightInfo>::refund(0)));
        assert_eq!(last_event(), Event::AllRefunded { crowdloan_id: 0 });

        let funds_account = Crowdloan::funds_account(0);
        ok(Crowdloan::dissolve(signed(1), 0));
        assert_eq!(last_event(), Event::Dissolved { crowdloan_id: 0 });
        assert_eq!(free(1), 1_000);
        assert!(!Crowdloans::<Test>::contains_key(0));
        assert!(Crowdloan::contributions(0).is_empty());
        assert_eq!(System::providers(&funds_account), 0);
        assert!(!frame_system::Account::<Test>::contains_key(&funds_account));
        assert_eq!(Balances::total_issuance(), 20 * 1_000 + 200 + 500);
    });
}

#[test]
fn refund_of_exactly_the_limit_is_all_refunded() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        for n in 2..=6u8 {
            contribute(n, 0, 10);
        }
        assert_ok!(Crowdloan::refund(signed(1), 0));
        check();
        assert_eq!(last_event(), Event::AllRefunded { crowdloan_id: 0 });
        assert_eq!(info(0).contributors_count, 1);
    });
}

#[test]
fn refund_checks() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::refund(signed(1), 0), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 60, None);
        contribute(2, 0, 10);
        // Creator only, whatever the old doc comment said.
        assert_noop!(Crowdloan::refund(signed(2), 0), Error::<Test>::InvalidOrigin);
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::refund(signed(1), 0), Error::<Test>::AlreadyFinalized);
        check();
    });
}

#[test]
fn dissolve_checks_in_spec_order() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::dissolve(signed(1), 0), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 60, None);
        contribute(2, 0, 10);
        assert_noop!(Crowdloan::dissolve(signed(2), 0), Error::<Test>::InvalidOrigin);
        assert_noop!(Crowdloan::dissolve(signed(1), 0), Error::<Test>::NotReadyToDissolve);
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::dissolve(signed(1), 0), Error::<Test>::AlreadyFinalized);
        check();

        // Without a creator entry (corrupt storage).
        new_loan(3, 60, None);
        Contributions::<Test>::remove(1, acc(3));
        assert_noop!(Crowdloan::dissolve(signed(3), 1), Error::<Test>::NoContribution);
    });
}

#[test]
fn dissolve_removes_max_contributions_and_returns_the_creators_extra() {
    new_test_ext().execute_with(|| {
        new_loan(1, 1_000, None);
        contribute(1, 0, 100);
        ok(Crowdloan::set_max_contribution(signed(1), 0, Some(500)));
        ok(Crowdloan::dissolve(signed(1), 0));
        assert_eq!(free(1), 1_000);
        assert_eq!(MaxContributions::<Test>::get(0), None);
        assert_eq!(Crowdloan::total_held(), 0);
    });
}

// ---------------------------------------------------------------- updates

#[test]
fn update_min_contribution_works_and_checks() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::update_min_contribution(signed(1), 0, 20), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 100, None);
        assert_noop!(Crowdloan::update_min_contribution(signed(2), 0, 20), Error::<Test>::InvalidOrigin);
        assert_noop!(Crowdloan::update_min_contribution(signed(1), 0, 9), Error::<Test>::MinimumContributionTooLow);
        ok(Crowdloan::update_min_contribution(signed(1), 0, 20));
        assert_eq!(last_event(), Event::MinContributionUpdated { crowdloan_id: 0, new_min_contribution: 20 });
        assert_eq!(info(0).min_contribution, 20);
        assert_noop!(Crowdloan::contribute(signed(2), 0, 19), Error::<Test>::ContributionTooLow);
        ok(Crowdloan::set_max_contribution(signed(1), 0, Some(60)));
        assert_noop!(Crowdloan::update_min_contribution(signed(1), 0, 61), Error::<Test>::MinimumContributionTooHigh);
        ok(Crowdloan::update_min_contribution(signed(1), 0, 60));
        ok(Crowdloan::update_cap(signed(1), 0, 50));
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::update_min_contribution(signed(1), 0, 20), Error::<Test>::AlreadyFinalized);
        assert_noop!(Crowdloan::update_min_contribution(signed(2), 0, 20), Error::<Test>::AlreadyFinalized);
    });
}

#[test]
fn update_end_works_and_checks() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::update_end(signed(1), 0, 60), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 100, None);
        assert_noop!(Crowdloan::update_end(signed(2), 0, 60), Error::<Test>::InvalidOrigin);
        System::set_block_number(END + 5);
        assert_noop!(Crowdloan::contribute(signed(2), 0, 10), Error::<Test>::ContributionPeriodEnded);
        // Relative to now, not to the old end or creation.
        assert_noop!(Crowdloan::update_end(signed(1), 0, END + 5), Error::<Test>::CannotEndInPast);
        assert_noop!(Crowdloan::update_end(signed(1), 0, END), Error::<Test>::CannotEndInPast);
        assert_noop!(Crowdloan::update_end(signed(1), 0, END + 5 + 19), Error::<Test>::BlockDurationTooShort);
        assert_noop!(Crowdloan::update_end(signed(1), 0, END + 5 + 101), Error::<Test>::BlockDurationTooLong);
        ok(Crowdloan::update_end(signed(1), 0, END + 5 + 100));
        assert_eq!(last_event(), Event::EndUpdated { crowdloan_id: 0, new_end: END + 105 });
        assert_eq!(info(0).end, END + 105);
        // Reopened.
        contribute(2, 0, 10);
        ok(Crowdloan::update_end(signed(1), 0, END + 5 + 20));
        ok(Crowdloan::update_cap(signed(1), 0, 60));
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::update_end(signed(1), 0, END + 30), Error::<Test>::AlreadyFinalized);
    });
}

#[test]
fn update_cap_works_and_checks() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::update_cap(signed(1), 0, 200), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 100, None);
        contribute(2, 0, 30);
        assert_noop!(Crowdloan::update_cap(signed(2), 0, 200), Error::<Test>::InvalidOrigin);
        assert_noop!(Crowdloan::update_cap(signed(1), 0, 79), Error::<Test>::CapTooLow);
        ok(Crowdloan::update_cap(signed(1), 0, 200));
        assert_eq!(last_event(), Event::CapUpdated { crowdloan_id: 0, new_cap: 200 });
        assert_eq!(info(0).cap, 200);
        assert_noop!(Crowdloan::finalize(signed(1), 0), Error::<Test>::CapNotRaised);
        // cap = raised: finalizable, closed to contributions.
        ok(Crowdloan::update_cap(signed(1), 0, 80));
        assert_noop!(Crowdloan::contribute(signed(3), 0, 10), Error::<Test>::CapRaised);
        ok(Crowdloan::finalize(signed(1), 0));
        assert_eq!(free(TARGET), 80);
        assert_noop!(Crowdloan::update_cap(signed(1), 0, 100), Error::<Test>::AlreadyFinalized);
    });
}

#[test]
fn set_max_contribution_works_and_checks() {
    new_test_ext().execute_with(|| {
        assert_noop!(Crowdloan::set_max_contribution(signed(1), 0, Some(100)), Error::<Test>::InvalidCrowdloanId);
        new_loan(1, 1_000, None);
        assert_noop!(Crowdloan::set_max_contribution(signed(2), 0, Some(100)), Error::<Test>::InvalidOrigin);
        // Below the creator's 50.
        assert_noop!(Crowdloan::set_max_contribution(signed(1), 0, Some(49)), Error::<Test>::MaximumContributionTooLow);
        ok(Crowdloan::update_min_contribution(signed(1), 0, 60));
        // Below the minimum.
        assert_noop!(Crowdloan::set_max_contribution(signed(1), 0, Some(59)), Error::<Test>::MaximumContributionTooLow);
        ok(Crowdloan::set_max_contribution(signed(1), 0, Some(60)));
        assert_eq!(last_event(), Event::MaxContributionUpdated { crowdloan_id: 0, new_max_contribution: Some(60) });
        assert_eq!(MaxContributions::<Test>::get(0), Some(60));
        ok(Crowdloan::set_max_contribution(signed(1), 0, None));
        assert_eq!(last_event(), Event::MaxContributionUpdated { crowdloan_id: 0, new_max_contribution: None });
        assert_eq!(MaxContributions::<Test>::get(0), None);
        // Removing an absent cap is fine.
        ok(Crowdloan::set_max_contribution(signed(1), 0, None));
        ok(Crowdloan::update_cap(signed(1), 0, 50));
        ok(Crowdloan::finalize(signed(1), 0));
        assert_noop!(Crowdloan::set_max_contribution(signed(1), 0, Some(100)), Error::<Test>::AlreadyFinalized);
    });
}

// ---------------------------------------------------------------- lifecycles

#[test]
fn lifecycle_success() {
    new_test_ext().execute_with(|| {
        let issuance = Balances::total_issuance();
        let id = new_loan(CREATOR, 300, None);
        System::set_block_number(10);
        contribute(RICH, id, 120);
        contribute(2, id, 100);
        ok(Crowdloan::withdraw(signed(2), id));
        contribute(3, id, 100);
        ok(Crowdloan::update_cap(signed(CREATOR), id, 280));
        contribute(4, id, 100);
        assert_eq!(contribution(id, 4), Some(10));
        assert_eq!(info(id).raised, 280);
        ok(Crowdloan::finalize(signed(CREATOR), id));
        assert_eq!(free(TARGET), 280);
        assert_eq!(free(CREATOR) + free(RICH) + free(3) + free(4), 150 + 380 + 900 + 990);
        assert_eq!(Balances::total_issuance(), issuance);
        let kinds: Vec<u8> = events().iter().map(|e| e.encode()[0]).collect();
        assert_eq!(kinds, [0, 1, 1, 2, 1, 9, 1, 5]);
    });
}

#[test]
fn lifecycle_failure() {
    new_test_ext().execute_with(|| {
        let id = new_loan(CREATOR, 300, Some(observe(150)));
        contribute(RICH, id, 100);
        contribute(2, id, 100);
        System::set_block_number(END);
        assert_noop!(Crowdloan::contribute(signed(3), id, 10), Error::<Test>::ContributionPeriodEnded);
        assert_noop!(Crowdloan::finalize(signed(CREATOR), id), Error::<Test>::CapNotRaised);
        assert_ok!(Crowdloan::refund(signed(CREATOR), id));
        check();
        ok(Crowdloan::dissolve(signed(CREATOR), id));
        assert_eq!((free(CREATOR), free(RICH), free(2)), (200, 500, 1_000));
        assert_eq!(Crowdloan::total_held(), 0);
        assert!(test_pallet::Observed::<Test>::get().is_none());
        // Ids are not reused.
        ok(create_with(CREATOR, DEPOSIT, MIN, 300, END + 30, None));
        assert!(Crowdloans::<Test>::contains_key(id + 1));
        assert_eq!(NextCrowdloanId::<Test>::get(), id + 2);
    });
}

#[test]
fn several_crowdloans_keep_separate_accounts() {
    new_test_ext().execute_with(|| {
        let a = new_loan(1, 200, None);
        let b = new_loan(2, 200, Some(spend()));
        assert_ne!(Crowdloan::funds_account(a), Crowdloan::funds_account(b));
        contribute(3, a, 30);
        contribute(3, b, 150);
        assert_eq!((funds(a), funds(b)), (80, 200));
        assert_eq!(Crowdloan::total_held(), 280);
        ok(Crowdloan::finalize(signed(2), b));
        assert_eq!(Crowdloan::total_held(), 80);
        assert_eq!(free(2), 1_000 - DEPOSIT + 200);
        ok(Crowdloan::withdraw(signed(3), a));
        assert_eq!(free(3), 1_000 - 150);
    });
}

#[test]
fn invariants_detect_broken_accounting() {
    new_test_ext().execute_with(|| {
        new_loan(1, 200, None);
        contribute(2, 0, 30);
        check();
        Contributions::<Test>::insert(0, acc(2), 31);
        assert_eq!(Crowdloan::check_invariants(), Err("contributions do not sum to raised"));
        Contributions::<Test>::insert(0, acc(2), 30);
        Crowdloans::<Test>::mutate(0, |i| i.as_mut().unwrap().contributors_count = 3);
        assert_eq!(
            Crowdloan::check_invariants(),
            Err("contributors_count differs from the contribution entries")
        );
        Crowdloans::<Test>::mutate(0, |i| i.as_mut().unwrap().contributors_count = 2);
        // A donation to the funds account harms nobody; a shortfall breaks the invariant.
        assert_ok!(<Balances as Mutate<AccountId>>::mint_into(&Crowdloan::funds_account(0), 1));
        assert_eq!(Crowdloan::check_invariants(), Ok(()));
        Crowdloans::<Test>::mutate(0, |i| i.as_mut().unwrap().raised += 2);
        Contributions::<Test>::insert(0, acc(2), 32);
        assert_eq!(Crowdloan::check_invariants(), Err("funds account holds less than raised"));
    });
}

#[cfg(feature = "runtime-benchmarks")]
#[test]
fn benchmark_set_finalizing_is_what_a_stored_call_sees() {
    new_test_ext().execute_with(|| {
        let contributions = vec![(acc(1), 100), (acc(2), 30), (acc(3), 20)];
        let id = Crowdloan::benchmark_set_finalizing(&acc(1), contributions);
        let (current, info) = Crowdloan::current_crowdloan().unwrap();
        assert_eq!(current, id);
        assert_eq!((info.creator, info.deposit, info.raised, info.cap), (acc(1), 100, 150, 150));
        assert_eq!(info.contributors_count, 3);
        assert_eq!(funds(id), 150);
        assert_eq!(Crowdloan::contributions(id).len(), 3);
        // Everything but the dispatch in progress is consistent.
        CurrentCrowdloanId::<Test>::kill();
        check();
    });
}
