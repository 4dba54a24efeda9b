//! Timelocked (drand) commit-reveal, `pallets-2.md` §2.10 and `yuma.md` §4.3: the commit
//! calls' checks in order, the queue per epoch, and the reveal in the block step with the
//! mock's drand (`mock::MockDrand`: pulses set by the tests, `fake_encrypt` in place of TLE).

use super::*;
use crate::{
    mock::{add_pulse, encrypt_for_round, fake_encrypt, set_pulse, signature_of},
    set_weights::storage_index,
    timelocked::{DrandPulses, LegacyWeightsTlockPayload, RevealOutcome, TimelockedCommit, WeightsTlockPayload},
};
use codec::Encode;
use frame_support::traits::Hooks;
use sp_runtime::DispatchError;

/// A subnet with commit-reveal on (the default), tempo 10 with epochs at blocks 11, 21, …
/// (epoch index 0 until block 11), no rate limit; hotkey 12 (uid 1) is a staked validator,
/// hotkey 13 (uid 2) a miner.
fn subnet() -> u16 {
    let netuid = add_subnet(1);
    assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    register_hotkey(netuid, 2, 12);
    register_hotkey(netuid, 3, 13);
    WeightsSetRateLimit::<Test>::insert(netuid, 0);
    assert_ok!(SubtensorModule::add_stake(signed(2), account(12), netuid, 10 * TAO));
    ValidatorPermit::<Test>::insert(netuid, vec![false, true, false]);
    Tempo::<Test>::insert(netuid, 10);
    LastEpochBlock::<Test>::insert(netuid, 1);
    assert!(CommitRevealWeightsEnabled::<Test>::get(netuid));
    assert_eq!(SubnetEpochIndex::<Test>::get(netuid), 0);
    netuid
}

fn hk(n: u8) -> RuntimeOrigin {
    RuntimeOrigin::signed(account(n))
}

/// `SCALE(WeightsTlockPayload)` naming hotkey `hotkey`.
fn payload(hotkey: u8, uids: Vec<u16>, values: Vec<u16>) -> Vec<u8> {
    WeightsTlockPayload { hotkey: account(hotkey).encode(), uids, values, version_key: 0 }.encode()
}

fn bounded(bytes: Vec<u8>) -> TimelockedCommit {
    bytes.try_into().unwrap()
}

/// Commits `ciphertext` for `round` on mechanism 0 with call 118, as the SDK does.
fn commit(hotkey: u8, netuid: u16, ciphertext: Vec<u8>, round: u64) -> frame_support::dispatch::DispatchResult {
    SubtensorModule::commit_timelocked_mechanism_weights(hk(hotkey), netuid, 0, bounded(ciphertext), round, 4)
}

/// Hotkey 12's weights on uid 2 only, encrypted for `round`.
fn weights_on_miner(round: u64) -> Vec<u8> {
    encrypt_for_round(round, &payload(12, vec![2], vec![65535]))
}

fn revealed_events() -> Vec<(u16, AccountId32)> {
    System::events()
        .into_iter()
        .filter_map(|r| match r.event {
            RuntimeEvent::SubtensorModule(Event::TimelockedWeightsRevealed(idx, who)) => Some((idx, who)),
            _ => None,
        })
        .collect()
}

fn queued(idx: u16) -> usize {
    TimelockedWeightCommits::<Test>::iter_prefix(idx).map(|(_, q)| q.len()).sum()
}

#[test]
fn no_drand_means_no_round_and_no_pulse() {
    assert_eq!(<() as DrandPulses>::last_stored_round(), 0);
    assert_eq!(<() as DrandPulses>::pulse_signature(1), None);
    assert_eq!(<() as DrandPulses>::decrypt(&[1, 2, 3], &[4]), None);
}

#[test]
fn commit_is_queued_in_its_epoch_and_stamps_last_update() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let ciphertext = weights_on_miner(1_000);
        assert_ok!(commit(12, netuid, ciphertext.clone(), 1_000));
        let entry = (account(12), 2u64, bounded(ciphertext.clone()), 1_000u64);
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0), vec![entry.clone()]);
        assert_eq!(LastUpdate::<Test>::get(netuid)[1], 2);
        let hash = sp_core::H256(sp_io::hashing::blake2_256(&ciphertext));
        System::assert_last_event(Event::TimelockedWeightsCommitted(account(12), netuid, hash, 1_000).into());
        // The epoch's commit-reveal mask sees the commit.
        assert_eq!(SubtensorModule::commit_blocks(netuid, netuid, 3, 2)[1], Some(2));

        // Call 113 (mechanism 0) appends to the same queue; 117 and 118 reach mechanism 1.
        assert_ok!(SubtensorModule::commit_timelocked_weights(hk(13), netuid, bounded(vec![1; 40]), 1_001, 4));
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0)[1], (account(13), 2, bounded(vec![1; 40]), 1_001));
        MechanismCountCurrent::<Test>::insert(netuid, 2);
        let idx1 = storage_index(netuid, 1);
        assert_ok!(SubtensorModule::commit_crv3_mechanism_weights(hk(12), netuid, 1, bounded(vec![2; 40]), 7));
        assert_ok!(SubtensorModule::commit_timelocked_mechanism_weights(hk(13), netuid, 1, bounded(vec![3; 40]), 8, 4));
        let q1 = TimelockedWeightCommits::<Test>::get(idx1, 0);
        assert_eq!(q1.iter().map(|(who, _, _, round)| (who.clone(), *round)).collect::<Vec<_>>(), vec![
            (account(12), 7),
            (account(13), 8)
        ]);
        assert_eq!(LastUpdate::<Test>::get(idx1)[1], 2);
        System::assert_last_event(
            Event::TimelockedWeightsCommitted(account(13), idx1, sp_core::H256(sp_io::hashing::blake2_256(&[3u8; 40])), 8)
                .into(),
        );
    });
}

/// A commit made in a block whose epoch is due (before it runs) belongs to the next epoch.
#[test]
fn commit_looks_ahead_when_the_epoch_fires_this_block() {
    checked(|| {
        let netuid = subnet();
        run_to_block(10);
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0).len(), 1);
        // Block 11 before its `on_initialize`: the epoch is due, so the commit goes to 1.
        System::set_block_number(11);
        assert!(SubtensorModule::should_run_epoch(netuid, 11));
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 1).len(), 1);
        add_pulse(1_000);
        SubtensorModule::on_initialize(11);
        // Epoch 0's commit revealed at block 11; epoch 1's waits for block 21.
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
        assert!(!TimelockedWeightCommits::<Test>::contains_key(netuid, 0));
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 1).len(), 1);
        run_to_block(20);
        assert_eq!(revealed_events().len(), 1);
        run_to_block(21);
        assert_eq!(revealed_events().len(), 2);
        assert_eq!(queued(netuid), 0);
    });
}

#[test]
fn commit_errors_in_order_change_nothing() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let c = || weights_on_miner(5_000);
        assert_noop!(commit(12, 0, c(), 5_000), Error::<Test>::CanNotSetRootNetworkWeights);
        assert_noop!(commit(12, 9, c(), 5_000), Error::<Test>::SubnetNotExists);
        assert_noop!(
            SubtensorModule::commit_timelocked_mechanism_weights(hk(12), netuid, 1, bounded(c()), 5_000, 4),
            Error::<Test>::MechanismDoesNotExist
        );
        assert_noop!(
            SubtensorModule::commit_crv3_mechanism_weights(hk(12), netuid, 1, bounded(c()), 5_000),
            Error::<Test>::MechanismDoesNotExist
        );
        assert_noop!(
            SubtensorModule::commit_timelocked_weights(RuntimeOrigin::none(), netuid, bounded(c()), 5_000, 4),
            DispatchError::BadOrigin
        );
        // The last stored round is 2 000: round 1 999 would never be revealed.
        add_pulse(2_000);
        assert_noop!(commit(12, netuid, c(), 1_999), Error::<Test>::InvalidRevealRound);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        assert_noop!(commit(12, netuid, c(), 5_000), Error::<Test>::CommitRevealDisabled);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        assert_noop!(
            SubtensorModule::commit_timelocked_weights(hk(12), netuid, bounded(c()), 5_000, 3),
            Error::<Test>::IncorrectCommitRevealVersion
        );
        // Call 117 always commits at version 4.
        CommitRevealWeightsVersion::<Test>::put(3);
        assert_noop!(
            SubtensorModule::commit_crv3_mechanism_weights(hk(12), netuid, 0, bounded(c()), 5_000),
            Error::<Test>::IncorrectCommitRevealVersion
        );
        assert_ok!(SubtensorModule::commit_timelocked_weights(hk(13), netuid, bounded(c()), 5_000, 3));
        CommitRevealWeightsVersion::<Test>::put(4);
        assert_noop!(commit(77, netuid, c(), 5_000), Error::<Test>::HotKeyNotRegisteredInSubNet);
        // The rate limit counts from the last commit (or weights).
        assert_ok!(commit(12, netuid, c(), 5_000));
        WeightsSetRateLimit::<Test>::insert(netuid, 100);
        assert_noop!(commit(12, netuid, c(), 5_000), Error::<Test>::CommittingWeightsTooFast);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        // Ten commits per hotkey and epoch; other hotkeys are not counted.
        for _ in 1..10 {
            assert_ok!(commit(12, netuid, c(), 5_000));
        }
        assert_noop!(commit(12, netuid, c(), 5_000), Error::<Test>::TooManyUnrevealedCommits);
        assert_ok!(commit(13, netuid, c(), 5_000));
        // The next epoch has room again.
        run_to_block(11);
        assert_ok!(commit(12, netuid, c(), 5_000));
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 1).len(), 1);
    });
}

/// The commit reveals in the next epoch's first block when the pulse is already there, before
/// that block's epoch, which then uses the weights; `LastUpdate` stays the commit's.
#[test]
fn reveal_on_the_fire_block_counts_in_that_epoch() {
    checked(|| {
        let netuid = subnet();
        add_pulse(1_000);
        run_to_block(2);
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        run_to_block(10);
        assert!(Weights::<Test>::get(netuid, 1).is_empty());
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0).len(), 1);
        assert_eq!(Incentive::<Test>::get(netuid)[2], 0);
        run_to_block(11);
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(2, 65535)]);
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
        assert!(System::events().iter().any(|r| r.event == RuntimeEvent::SubtensorModule(Event::WeightsSet(netuid, 1))));
        assert_eq!(queued(netuid), 0);
        assert_eq!(LastUpdate::<Test>::get(netuid)[1], 2);
        // Block 11's epoch ran after the reveal: all incentive to uid 2.
        assert_eq!(LastEpochBlock::<Test>::get(netuid), 11);
        assert_eq!(Incentive::<Test>::get(netuid), vec![0, 0, 65535]);
    });
}

/// No pulse yet: the commit is retried every block of its reveal epoch and reveals when the
/// pulse lands; its weights then count in the following epoch.
#[test]
fn a_late_pulse_reveals_within_the_window() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        run_to_block(13);
        // Kept, still under its commit epoch.
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0).len(), 1);
        assert!(Weights::<Test>::get(netuid, 1).is_empty());
        assert_eq!(Incentive::<Test>::get(netuid), vec![0, 0, 0]);
        add_pulse(1_000);
        run_to_block(14);
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(2, 65535)]);
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
        assert_eq!(queued(netuid), 0);
        run_to_block(20);
        assert_eq!(Incentive::<Test>::get(netuid), vec![0, 0, 0]);
        run_to_block(21);
        assert_eq!(Incentive::<Test>::get(netuid), vec![0, 0, 65535]);
    });
}

/// No pulse during the whole window: the commit is lost when the next epoch starts, with
/// nothing applied; an entry whose pulse came is revealed meanwhile, the other kept in order.
#[test]
fn without_a_pulse_the_commit_is_dropped_when_the_window_passes() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        assert_ok!(commit(13, netuid, encrypt_for_round(900, &payload(13, vec![2], vec![1])), 900));
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        assert_ok!(commit(12, netuid, weights_on_miner(1_100), 1_100));
        add_pulse(1_000);
        run_to_block(11);
        // The first and last wait; the middle one revealed.
        let left: Vec<u64> = TimelockedWeightCommits::<Test>::get(netuid, 0).iter().map(|e| e.3).collect();
        assert_eq!(left, vec![900, 1_100]);
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
        run_to_block(20);
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0).len(), 2);
        run_to_block(21);
        assert_eq!(queued(netuid), 0);
        assert_eq!(revealed_events().len(), 1);
        assert!(Weights::<Test>::get(netuid, 2).is_empty());
        assert_eq!(LastUpdate::<Test>::get(netuid)[2], 2);
        // A pulse now changes nothing.
        add_pulse(900);
        run_to_block(23);
        assert!(Weights::<Test>::get(netuid, 2).is_empty());
    });
}

#[test]
fn undecryptable_malformed_and_foreign_commits_are_dropped() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let sig = signature_of(1_000);
        let good = payload(12, vec![2], vec![65535]);
        let outcome = |ct: &[u8]| SubtensorModule::reveal_commit(netuid, 0, &account(12), ct, &sig);
        // Made for another round's pulse.
        assert_eq!(outcome(&encrypt_for_round(999, &good)), RevealOutcome::Undecryptable);
        // Corrupt: too short, or a bit flipped in the header.
        assert_eq!(outcome(&[1, 2, 3]), RevealOutcome::Undecryptable);
        let mut flipped = encrypt_for_round(1_000, &good);
        flipped[0] ^= 1;
        assert_eq!(outcome(&flipped), RevealOutcome::Undecryptable);
        // Decrypts, but is no payload.
        assert_eq!(outcome(&fake_encrypt(&sig, &[0xff; 7])), RevealOutcome::Malformed);
        // Names another hotkey, or a hotkey that is no account.
        assert_eq!(outcome(&fake_encrypt(&sig, &payload(13, vec![2], vec![1]))), RevealOutcome::WrongHotkey);
        let short_key = WeightsTlockPayload { hotkey: vec![1; 5], uids: vec![2], values: vec![1], version_key: 0 };
        assert_eq!(outcome(&fake_encrypt(&sig, &short_key.encode())), RevealOutcome::WrongHotkey);
        // Fails the weight checks: no such uid.
        assert_eq!(outcome(&fake_encrypt(&sig, &payload(12, vec![9], vec![1]))), RevealOutcome::Rejected);
        assert!(Weights::<Test>::get(netuid, 1).is_empty());
        assert!(revealed_events().is_empty());

        // Through the block step: all dropped at once, nothing applied.
        add_pulse(1_000);
        assert_ok!(commit(12, netuid, encrypt_for_round(999, &good), 1_000));
        assert_ok!(commit(12, netuid, vec![1, 2, 3], 1_000));
        assert_ok!(commit(13, netuid, encrypt_for_round(1_000, &payload(12, vec![2], vec![1])), 1_000));
        assert_ok!(commit(12, netuid, encrypt_for_round(1_000, &payload(12, vec![9], vec![1])), 1_000));
        run_to_block(11);
        assert_eq!(queued(netuid), 0);
        assert!(revealed_events().is_empty());
        assert!(Weights::<Test>::get(netuid, 1).is_empty() && Weights::<Test>::get(netuid, 2).is_empty());
    });
}

#[test]
fn a_legacy_payload_without_hotkey_is_applied() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let legacy = LegacyWeightsTlockPayload { uids: vec![0, 2], values: vec![1, 3], version_key: 0 }.encode();
        assert_ok!(commit(12, netuid, encrypt_for_round(1_000, &legacy), 1_000));
        add_pulse(1_000);
        run_to_block(11);
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(0, 21845), (2, 65535)]);
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
    });
}

/// Mechanism 1 has its own queue and weights; `RevealPeriodEpochs` 2 waits two epochs.
#[test]
fn mechanisms_and_longer_reveal_periods() {
    checked(|| {
        let netuid = subnet();
        MechanismCountCurrent::<Test>::insert(netuid, 2);
        RevealPeriodEpochs::<Test>::insert(netuid, 2);
        add_pulse(1_000);
        run_to_block(2);
        let idx1 = storage_index(netuid, 1);
        assert_ok!(SubtensorModule::commit_timelocked_mechanism_weights(
            hk(12),
            netuid,
            1,
            bounded(weights_on_miner(1_000)),
            1_000,
            4
        ));
        run_to_block(20);
        assert_eq!(TimelockedWeightCommits::<Test>::get(idx1, 0).len(), 1);
        run_to_block(21);
        assert_eq!(Weights::<Test>::get(idx1, 1), vec![(2, 65535)]);
        assert!(Weights::<Test>::get(netuid, 1).is_empty());
        assert_eq!(revealed_events(), vec![(idx1, account(12))]);
    });
}

/// A subnet whose epoch is deferred by the per-block cap reveals in the block it runs.
#[test]
fn deferred_subnets_reveal_when_their_epoch_runs() {
    checked(|| {
        let netuid = subnet();
        add_pulse(1_000);
        run_to_block(2);
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        run_to_block(10);
        MaxEpochsPerBlock::<Test>::put(0);
        run_to_block(11);
        assert_eq!(PendingEpochAt::<Test>::get(netuid), 12);
        assert_eq!(TimelockedWeightCommits::<Test>::get(netuid, 0).len(), 1);
        MaxEpochsPerBlock::<Test>::put(2);
        run_to_block(12);
        assert_eq!(revealed_events(), vec![(netuid, account(12))]);
        assert_eq!(Incentive::<Test>::get(netuid), vec![0, 0, 65535]);
    });
}

#[test]
fn dissolving_a_subnet_clears_its_commits() {
    checked(|| {
        let netuid = subnet();
        let other = subnet();
        MechanismCountCurrent::<Test>::insert(netuid, 2);
        run_to_block(2);
        assert_ok!(commit(12, netuid, weights_on_miner(1_000), 1_000));
        assert_ok!(SubtensorModule::commit_crv3_mechanism_weights(hk(12), netuid, 1, bounded(vec![1; 64]), 1_000));
        register_hotkey(other, 4, 14);
        assert_ok!(commit(14, other, vec![5; 64], 1_000));
        assert_eq!(queued(netuid) + queued(storage_index(netuid, 1)), 2);
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        assert_eq!(queued(netuid) + queued(storage_index(netuid, 1)), 0);
        assert_eq!(queued(other), 1);
    });
}

#[test]
fn lowering_the_mechanism_count_clears_the_removed_mechanisms() {
    checked(|| {
        let netuid = subnet();
        MechanismCountCurrent::<Test>::insert(netuid, 3);
        run_to_block(2);
        for mecid in 0..3u8 {
            assert_ok!(SubtensorModule::commit_timelocked_mechanism_weights(
                hk(12),
                netuid,
                mecid,
                bounded(vec![mecid; 64]),
                1_000,
                4
            ));
            Weights::<Test>::insert(storage_index(netuid, mecid), 1, vec![(2u16, 1u16)]);
        }
        MechanismCountCurrent::<Test>::insert(netuid, 1);
        assert!(SubtensorModule::remove_mechanisms_from(netuid, 1) > 0);
        assert_eq!(queued(netuid), 1);
        assert!(Weights::<Test>::contains_key(netuid, 1));
        for mecid in 1..3u8 {
            let idx = storage_index(netuid, mecid);
            assert_eq!(queued(idx), 0);
            assert!(!Weights::<Test>::contains_key(idx, 1));
            assert!(LastUpdate::<Test>::get(idx).is_empty());
        }
        // Mechanism 0 is never removed.
        assert_eq!(SubtensorModule::remove_mechanisms_from(netuid, 0), 0);
        assert_eq!(queued(netuid), 1);
    });
}

#[test]
fn the_pool_refuses_stale_rounds_and_understaked_hotkeys() {
    use crate::free_calls::code;
    use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let pool = |who: u8, call: Call<Test>| {
            SubtensorModule::validate_free_call(&account(who), &call).map_err(|e| match e {
                TransactionValidityError::Invalid(InvalidTransaction::Custom(c)) => c,
                other => panic!("unexpected {other:?}"),
            })
        };
        // Calls 113, 117 and 118 on mechanism 0.
        let call = |which: u8, round: u64| match which {
            0 => Call::<Test>::commit_timelocked_weights {
                netuid,
                commit: bounded(vec![1; 8]),
                reveal_round: round,
                commit_reveal_version: 4,
            },
            1 => Call::<Test>::commit_crv3_mechanism_weights { netuid, mecid: 0, commit: bounded(vec![1; 8]), reveal_round: round },
            _ => Call::<Test>::commit_timelocked_mechanism_weights {
                netuid,
                mecid: 0,
                commit: bounded(vec![1; 8]),
                reveal_round: round,
                commit_reveal_version: 4,
            },
        };
        assert_eq!(code::INVALID_REVEAL_ROUND, 15);
        add_pulse(2_000);
        for which in 0..3u8 {
            assert_eq!(pool(12, call(which, 1_999)), Err(code::INVALID_REVEAL_ROUND));
            assert_eq!(pool(12, call(which, 2_000)), Ok(()));
            assert_eq!(pool(77, call(which, 2_000)), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
            StakeThreshold::<Test>::put(u64::MAX);
            assert_eq!(pool(12, call(which, 2_000)), Err(code::STAKE_AMOUNT_TOO_LOW));
            StakeThreshold::<Test>::put(0);
        }
        let on_mechanism_1 = Call::<Test>::commit_timelocked_mechanism_weights {
            netuid,
            mecid: 1,
            commit: bounded(vec![1; 8]),
            reveal_round: 2_000,
            commit_reveal_version: 4,
        };
        assert_eq!(pool(12, on_mechanism_1), Err(code::SUBNET_NOT_EXISTS));
        assert_ok!(commit(12, netuid, vec![1; 8], 2_000));
        WeightsSetRateLimit::<Test>::insert(netuid, 10);
        assert_eq!(pool(12, call(2, 2_000)), Err(code::RATE_LIMIT_EXCEEDED));
        // The dispatch check behind it.
        set_pulse(3_000, vec![3]);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        assert_noop!(commit(12, netuid, vec![1; 8], 2_000), Error::<Test>::InvalidRevealRound);
    });
}
