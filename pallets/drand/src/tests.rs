//! Drand against the recorded quicknet pulses (`pallets-2.md` §2.11): dispatch (§2.6),
//! unsigned validation (§2.7), pruning and the offchain worker (§2.8) on mocked HTTP.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]
#![allow(deprecated)] // `ValidateUnsigned`

use crate::{
    mock::*, offchain::decode_hex, weights::WeightInfo, BeaconConfig, BeaconConfiguration,
    BeaconConfigurationPayload, Error, Event, LastStoredRound, NextUnsignedAt, OldestStoredRound, Pulse, Pulses,
    PulsesPayload, DEFAULT_ENDPOINTS, ENDPOINTS_STORAGE_KEY, MAX_KEPT_PULSES,
};
use codec::{Decode, Encode};
use frame_support::{
    assert_noop, assert_ok,
    dispatch::GetDispatchInfo,
    pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError, ValidateUnsigned},
    traits::Hooks,
    BoundedVec,
};
use sp_core::{offchain::testing::PendingRequest, sr25519, Pair};
use sp_runtime::{
    traits::{IdentifyAccount, Verify},
    DispatchError, MultiSignature, MultiSigner,
};

// ---------------------------------------------------------------- vectors

const SIG_1000: &str = "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39";
const RAND_1000: &str = "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd";
const SIG_2000: &str = "b6cb8f482a0b15d45936a4c4ea08e98a087e71787caee3f4d07a8a9843b1bc5423c6b3c22f446488b3137eaca799c77e";
const RAND_2000: &str = "e966293dee0664555add6ae4beacf630b65c61eba85af2b63021ab8da20975a9";
const BAD_SIG: &str = "b0a8b04e009cf72534321aca0f50048da596a3feec1172a0244d9a4a623a3123d0402da79854d4c705e94bc73224c341";
const CHAIN_HASH: &str = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

fn pulse(round: u64, randomness: &str, signature: &str) -> Pulse {
    Pulse {
        round,
        randomness: BoundedVec::try_from(decode_hex(randomness).unwrap()).unwrap(),
        signature: BoundedVec::try_from(decode_hex(signature).unwrap()).unwrap(),
    }
}

fn pulse_1000() -> Pulse {
    pulse(1000, RAND_1000, SIG_1000)
}

fn pulse_2000() -> Pulse {
    pulse(2000, RAND_2000, SIG_2000)
}

/// A pulse the mock verifier accepts without a pairing (only for rounds no recording covers).
fn fake_pulse(round: u64) -> Pulse {
    Pulse {
        round,
        randomness: BoundedVec::truncate_from(vec![1; 32]),
        signature: BoundedVec::truncate_from(b"fake".to_vec()),
    }
}

fn alice() -> sr25519::Pair {
    sr25519::Pair::from_string("//Alice", None).unwrap()
}

fn bob() -> sr25519::Pair {
    sr25519::Pair::from_string("//Bob", None).unwrap()
}

fn payload(block_number: u32, pulses: Vec<Pulse>, signer: &sr25519::Pair) -> PulsesPayload<MultiSigner, u32> {
    PulsesPayload { block_number, pulses, public: MultiSigner::Sr25519(signer.public()) }
}

fn sign<P: Encode>(payload: &P, signer: &sr25519::Pair) -> MultiSignature {
    MultiSignature::Sr25519(signer.sign(&payload.encode()))
}

fn write(pulses: Vec<Pulse>) -> sp_runtime::DispatchResult {
    let p = payload(1, pulses, &alice());
    let signature = sign(&p, &alice());
    Drand::write_pulse(RuntimeOrigin::none(), p, Some(signature))
}

fn drand_events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|r| match r.event {
            RuntimeEvent::Drand(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn validate(call: &crate::Call<Test>) -> Result<sp_runtime::transaction_validity::ValidTransaction, TransactionValidityError> {
    Drand::validate_unsigned(TransactionSource::External, call)
}

fn write_call(p: PulsesPayload<MultiSigner, u32>, signature: Option<MultiSignature>) -> crate::Call<Test> {
    crate::Call::write_pulse { pulses_payload: p, signature }
}

/// A `write_pulse` as the offchain worker makes it: the payload signed by its own key.
fn signed_write_call(block_number: u32, pulses: Vec<Pulse>, signer: &sr25519::Pair) -> crate::Call<Test> {
    let p = payload(block_number, pulses, signer);
    let signature = sign(&p, signer);
    write_call(p, Some(signature))
}

// ---------------------------------------------------------------- storage defaults

#[test]
fn defaults_are_quicknet_and_zero() {
    new_test_ext().execute_with(|| {
        let config = BeaconConfig::<Test>::get();
        assert_eq!(config, BeaconConfiguration::quicknet());
        assert_eq!(config.public_key.len(), 96);
        assert_eq!(config.hash.to_vec(), decode_hex(CHAIN_HASH).unwrap());
        assert_eq!(config.period, 3);
        assert_eq!(config.genesis_time, 1_692_803_367);
        assert_eq!(config.scheme_id.to_vec(), b"bls-unchained-g1-rfc9380".to_vec());
        assert_eq!(config.metadata.beacon_id.to_vec(), b"quicknet".to_vec());
        assert_eq!(LastStoredRound::<Test>::get(), 0);
        assert_eq!(OldestStoredRound::<Test>::get(), 0);
        assert_eq!(NextUnsignedAt::<Test>::get(), 0);
        assert_eq!(Drand::last_stored_round(), 0);
        assert_eq!(Drand::pulse_signature(1000), None);
    });
}

#[test]
fn weights_are_upstreams() {
    let w = <() as WeightInfo>::write_pulse();
    let db = frame_support::weights::constants::RocksDbWeight::get();
    assert_eq!(w.ref_time(), 4_294_000_000 + db.reads_writes(3, 4).ref_time());
    let call = write_call(payload(1, vec![pulse_1000()], &alice()), None);
    assert_eq!(call.get_dispatch_info().call_weight, w);
}

// ---------------------------------------------------------------- write_pulse

#[test]
fn write_pulse_stores_a_verified_pulse() {
    new_test_ext().execute_with(|| {
        assert_ok!(write(vec![pulse_1000()]));
        assert_eq!(Pulses::<Test>::get(1000), Some(pulse_1000()));
        assert_eq!(LastStoredRound::<Test>::get(), 1000);
        assert_eq!(OldestStoredRound::<Test>::get(), 1000);
        assert_eq!(NextUnsignedAt::<Test>::get(), 1);
        assert_eq!(drand_events(), vec![Event::NewPulse { rounds: vec![1000] }]);
        assert_eq!(Drand::pulse_signature(1000), decode_hex(SIG_1000));
        assert_eq!(Drand::last_stored_round(), 1000);

        System::set_block_number(5);
        assert_ok!(write(vec![pulse_2000()]));
        assert_eq!(LastStoredRound::<Test>::get(), 2000);
        // Not the first pulse any more: the oldest round stays.
        assert_eq!(OldestStoredRound::<Test>::get(), 1000);
        assert_eq!(NextUnsignedAt::<Test>::get(), 5);
        assert!(Pulses::<Test>::contains_key(1000));
        assert_eq!(Drand::pulse_signature(2000), decode_hex(SIG_2000));
    });
}

#[test]
fn write_pulse_stores_several_in_order() {
    new_test_ext().execute_with(|| {
        assert_ok!(write(vec![pulse_1000(), pulse_2000()]));
        assert_eq!(LastStoredRound::<Test>::get(), 2000);
        assert_eq!(OldestStoredRound::<Test>::get(), 1000);
        assert_eq!(drand_events(), vec![Event::NewPulse { rounds: vec![1000, 2000] }]);
    });
}

#[test]
fn rounds_must_increase() {
    new_test_ext().execute_with(|| {
        assert_ok!(write(vec![pulse_2000()]));
        assert_noop!(write(vec![pulse_1000()]), Error::<Test>::InvalidRoundNumber);
        assert_noop!(write(vec![pulse_2000()]), Error::<Test>::InvalidRoundNumber);
    });
    new_test_ext().execute_with(|| {
        // Within one call too, and the earlier pulse of the call is not kept.
        assert_noop!(write(vec![pulse_2000(), pulse_1000()]), Error::<Test>::InvalidRoundNumber);
        assert_noop!(write(vec![pulse_1000(), pulse_1000()]), Error::<Test>::InvalidRoundNumber);
    });
}

#[test]
fn undecodable_signature_fails_the_call() {
    new_test_ext().execute_with(|| {
        assert_noop!(write(vec![pulse(1000, RAND_1000, BAD_SIG)]), Error::<Test>::PulseVerificationError);
        // A good pulse before it is not kept either.
        assert_noop!(
            write(vec![pulse_1000(), pulse(2000, RAND_2000, BAD_SIG)]),
            Error::<Test>::PulseVerificationError
        );
        assert_eq!(Pulses::<Test>::iter().count(), 0);
        assert_eq!(LastStoredRound::<Test>::get(), 0);
    });
}

#[test]
fn a_pulse_for_another_round_is_skipped() {
    new_test_ext().execute_with(|| {
        System::set_block_number(3);
        // Round 1000's signature presented as round 1001: decodes, does not verify.
        assert_ok!(write(vec![pulse(1001, RAND_1000, SIG_1000)]));
        assert_eq!(Pulses::<Test>::iter().count(), 0);
        assert_eq!(LastStoredRound::<Test>::get(), 0);
        assert_eq!(OldestStoredRound::<Test>::get(), 0);
        assert_eq!(NextUnsignedAt::<Test>::get(), 3);
        assert!(drand_events().is_empty());

        // Skipped pulses do not take part in the round ordering.
        assert_ok!(write(vec![pulse(5000, RAND_2000, SIG_2000), pulse_1000()]));
        assert_eq!(LastStoredRound::<Test>::get(), 1000);
        assert_eq!(OldestStoredRound::<Test>::get(), 1000);
        assert_eq!(drand_events(), vec![Event::NewPulse { rounds: vec![1000] }]);
    });
}

#[test]
fn write_pulse_is_unsigned_only() {
    new_test_ext().execute_with(|| {
        let who: AccountId = MultiSigner::Sr25519(alice().public()).into_account();
        let p = payload(1, vec![pulse_1000()], &alice());
        assert_noop!(Drand::write_pulse(RuntimeOrigin::signed(who), p.clone(), None), DispatchError::BadOrigin);
        assert_noop!(Drand::write_pulse(RuntimeOrigin::root(), p, None), DispatchError::BadOrigin);
    });
}

// ---------------------------------------------------------------- pruning

#[test]
fn old_pulses_are_pruned_at_most_100_per_call() {
    new_test_ext().execute_with(|| {
        for round in 1..=300 {
            Pulses::<Test>::insert(round, fake_pulse(round));
        }
        OldestStoredRound::<Test>::put(1);
        LastStoredRound::<Test>::put(300);

        // 216 150 − oldest + 1 ≤ 216 000 needs oldest = 151: 150 to remove, 100 this call.
        assert_ok!(write(vec![fake_pulse(MAX_KEPT_PULSES + 150)]));
        assert_eq!(OldestStoredRound::<Test>::get(), 101);
        assert!(!Pulses::<Test>::contains_key(100));
        assert!(Pulses::<Test>::contains_key(101));

        assert_ok!(write(vec![fake_pulse(MAX_KEPT_PULSES + 151)]));
        assert_eq!(OldestStoredRound::<Test>::get(), 152);
        assert!(!Pulses::<Test>::contains_key(151));
        assert!(Pulses::<Test>::contains_key(152));
        assert_eq!(Pulses::<Test>::iter().count(), 300 - 151 + 2);

        // Nothing more to prune: a week of rounds is kept.
        assert_ok!(write(vec![]));
        assert_eq!(OldestStoredRound::<Test>::get(), 152);
        assert_eq!(LastStoredRound::<Test>::get() - OldestStoredRound::<Test>::get() + 1, MAX_KEPT_PULSES);
    });
}

#[test]
fn no_pruning_while_oldest_is_zero() {
    new_test_ext().execute_with(|| {
        Pulses::<Test>::insert(1, fake_pulse(1));
        LastStoredRound::<Test>::put(1);
        assert_ok!(write(vec![fake_pulse(MAX_KEPT_PULSES + 10)]));
        // Not the first pulse (LastStoredRound ≠ 0), and OldestStoredRound = 0 disables pruning.
        assert_eq!(OldestStoredRound::<Test>::get(), 0);
        assert!(Pulses::<Test>::contains_key(1));
    });
}

// ---------------------------------------------------------------- root calls

fn config_payload(block_number: u32) -> BeaconConfigurationPayload<MultiSigner, u32> {
    let mut config = BeaconConfiguration::quicknet();
    config.period = 30;
    BeaconConfigurationPayload { block_number, config, public: MultiSigner::Sr25519(alice().public()) }
}

#[test]
fn set_beacon_config_is_root_only() {
    new_test_ext().execute_with(|| {
        System::set_block_number(7);
        let p = config_payload(7);
        let who: AccountId = MultiSigner::Sr25519(alice().public()).into_account();
        assert_noop!(Drand::set_beacon_config(RuntimeOrigin::signed(who), p.clone(), None), DispatchError::BadOrigin);
        // The unsigned path passes the pool (below) but not dispatch.
        let signature = sign(&p, &alice());
        assert_noop!(Drand::set_beacon_config(RuntimeOrigin::none(), p.clone(), Some(signature)), DispatchError::BadOrigin);

        assert_ok!(Drand::set_beacon_config(RuntimeOrigin::root(), p.clone(), None));
        assert_eq!(BeaconConfig::<Test>::get(), p.config);
        assert_eq!(NextUnsignedAt::<Test>::get(), 8);
        assert_eq!(drand_events(), vec![Event::BeaconConfigChanged]);
    });
}

#[test]
fn set_oldest_stored_round_is_root_only() {
    new_test_ext().execute_with(|| {
        let who: AccountId = MultiSigner::Sr25519(alice().public()).into_account();
        assert_noop!(Drand::set_oldest_stored_round(RuntimeOrigin::signed(who), 5), DispatchError::BadOrigin);
        assert_noop!(Drand::set_oldest_stored_round(RuntimeOrigin::none(), 5), DispatchError::BadOrigin);
        assert_ok!(Drand::set_oldest_stored_round(RuntimeOrigin::root(), 5));
        assert_eq!(OldestStoredRound::<Test>::get(), 5);
        assert_eq!(drand_events(), vec![Event::SetOldestStoredRound(5)]);
    });
}

#[test]
fn a_new_config_blocks_pulses_until_the_next_block() {
    new_test_ext().execute_with(|| {
        System::set_block_number(7);
        assert_ok!(Drand::set_beacon_config(RuntimeOrigin::root(), config_payload(7), None));
        let call = signed_write_call(7, vec![pulse_1000()], &alice());
        assert_eq!(validate(&call), Err(InvalidTransaction::Stale.into()));
        System::set_block_number(8);
        assert_ok!(validate(&call));
    });
}

// ---------------------------------------------------------------- validate_unsigned

#[test]
fn a_valid_pulse_submission() {
    new_test_ext().execute_with(|| {
        let valid = validate(&signed_write_call(1, vec![pulse_1000()], &alice())).unwrap();
        // UnsignedPriority + (u64::MAX − round), saturating: every real round gets u64::MAX.
        assert_eq!(valid.priority, u64::MAX);
        let mut tag = b"drand".to_vec();
        tag.extend_from_slice(&1000u64.to_le_bytes());
        let mut provided = b"DrandOffchainWorker".to_vec().encode();
        provided.extend(sp_io::hashing::blake2_256(&tag).encode());
        assert_eq!(valid.provides, vec![provided]);
        assert!(valid.requires.is_empty());
        assert_eq!(valid.longevity, 3);
        assert!(!valid.propagate);

        // Any key may submit; the priority only drops below the cap for rounds near u64::MAX.
        assert_eq!(validate(&signed_write_call(1, vec![pulse(u64::MAX - 10, RAND_1000, SIG_1000)], &bob())).unwrap().priority, UNSIGNED_PRIORITY + 10);
    });
}

#[test]
fn a_pulse_submission_needs_a_valid_payload_signature() {
    new_test_ext().execute_with(|| {
        let p = payload(1, vec![pulse_1000()], &alice());
        assert_eq!(validate(&write_call(p.clone(), None)), Err(InvalidTransaction::BadSigner.into()));
        // Bob's signature on a payload naming Alice.
        assert_eq!(validate(&write_call(p.clone(), Some(sign(&p, &bob())))), Err(InvalidTransaction::BadProof.into()));
        // Alice's signature on another payload.
        let other = payload(1, vec![pulse_2000()], &alice());
        assert_eq!(
            validate(&write_call(p, Some(sign(&other, &alice())))),
            Err(InvalidTransaction::BadProof.into())
        );
    });
}

#[test]
fn a_pulse_submission_carries_exactly_one_pulse() {
    new_test_ext().execute_with(|| {
        for pulses in [vec![], vec![pulse_1000(), pulse_2000()]] {
            assert_eq!(validate(&signed_write_call(1, pulses, &alice())), Err(InvalidTransaction::Call.into()));
        }
    });
}

#[test]
fn stale_and_future_pulse_submissions() {
    new_test_ext().execute_with(|| {
        System::set_block_number(4);
        // From a later block than the current one.
        assert_eq!(validate(&signed_write_call(5, vec![pulse_1000()], &alice())), Err(InvalidTransaction::Future.into()));

        // A round already stored.
        LastStoredRound::<Test>::put(1000);
        assert_eq!(validate(&signed_write_call(4, vec![pulse_1000()], &alice())), Err(InvalidTransaction::Stale.into()));

        // Unsigned submissions paused until block 5.
        NextUnsignedAt::<Test>::put(5);
        let call = signed_write_call(4, vec![pulse_2000()], &alice());
        assert_eq!(validate(&call), Err(InvalidTransaction::Stale.into()));
        System::set_block_number(5);
        assert_ok!(validate(&call));
    });
}

#[test]
fn several_pulses_can_land_in_one_block() {
    new_test_ext().execute_with(|| {
        System::set_block_number(3);
        assert_ok!(write(vec![pulse_1000()]));
        // NextUnsignedAt = 3 is not > 3.
        assert_ok!(validate(&signed_write_call(3, vec![pulse_2000()], &alice())));
    });
}

#[test]
fn unsigned_beacon_config() {
    new_test_ext().execute_with(|| {
        System::set_block_number(3);
        let p = config_payload(3);
        let call = |s| crate::Call::<Test>::set_beacon_config { config_payload: p.clone(), signature: s };
        assert_eq!(validate(&call(None)), Err(InvalidTransaction::BadSigner.into()));
        assert_eq!(validate(&call(Some(sign(&p, &bob())))), Err(InvalidTransaction::BadProof.into()));
        let valid = validate(&call(Some(sign(&p, &alice())))).unwrap();
        assert_eq!(valid.longevity, 1);
        assert!(valid.propagate);
        assert_eq!(valid.priority, UNSIGNED_PRIORITY);
        let tag = (0u32, p.public.encode()).encode();
        let mut provided = b"DrandOffchainWorker".to_vec().encode();
        provided.extend(sp_io::hashing::blake2_256(&tag).encode());
        assert_eq!(valid.provides, vec![provided]);

        NextUnsignedAt::<Test>::put(4);
        assert_eq!(validate(&call(Some(sign(&p, &alice())))), Err(InvalidTransaction::Stale.into()));
        let future = config_payload(9);
        assert_eq!(
            validate(&crate::Call::<Test>::set_beacon_config {
                config_payload: future.clone(),
                signature: Some(sign(&future, &alice()))
            }),
            Err(InvalidTransaction::Future.into())
        );
        assert_eq!(
            validate(&crate::Call::<Test>::set_oldest_stored_round { oldest_round: 1 }),
            Err(InvalidTransaction::Call.into())
        );
    });
}

// ---------------------------------------------------------------- SCALE layout

#[test]
fn payload_layout_is_upstreams() {
    let p = payload(7, vec![pulse_1000()], &alice());
    let mut expected = 7u32.encode();
    expected.push(4); // one pulse
    expected.extend(1000u64.to_le_bytes());
    expected.push(32 << 2);
    expected.extend(decode_hex(RAND_1000).unwrap());
    expected.push(48 << 2);
    expected.extend(decode_hex(SIG_1000).unwrap());
    expected.push(1); // MultiSigner::Sr25519
    expected.extend(alice().public().0);
    assert_eq!(p.encode(), expected);
    assert_eq!(PulsesPayload::<MultiSigner, u32>::decode(&mut &expected[..]).unwrap(), p);
}

// ---------------------------------------------------------------- offchain worker

fn body(round: u64, randomness: &str, signature: &str) -> Vec<u8> {
    format!(
        r#"{{"round":{round},"randomness":"{randomness}","signature":"{signature}","previous_signature":""}}"#
    )
    .into_bytes()
}

fn fake_body(round: u64) -> Vec<u8> {
    body(round, &"01".repeat(32), &"ab".repeat(48))
}

fn expect_get(env: &OffchainEnv, url: String, response: Vec<u8>) {
    env.http.write().expect_request(PendingRequest {
        method: "GET".into(),
        uri: url,
        response: Some(response),
        sent: true,
        ..Default::default()
    });
}

const TEST_ENDPOINT: &str = "http://drand.test";

fn url(base: &str, what: &str) -> String {
    format!("{base}/{CHAIN_HASH}/public/{what}")
}

fn set_endpoints(endpoints: &[&str]) {
    let list: Vec<Vec<u8>> = endpoints.iter().map(|e| e.as_bytes().to_vec()).collect();
    sp_io::offchain::local_storage_set(sp_core::offchain::StorageKind::PERSISTENT, ENDPOINTS_STORAGE_KEY, &list.encode());
}

/// The `write_pulse` calls in the pool, checking each is a bare extrinsic whose payload is
/// signed by `key` and passes `validate_unsigned`.
fn submitted(env: &mut OffchainEnv) -> Vec<PulsesPayload<MultiSigner, u32>> {
    let key = env.key.unwrap();
    let txs = env.pool.read().transactions.clone();
    env.ext.execute_with(|| {
        txs.iter()
            .map(|tx| {
                let xt = Extrinsic::decode(&mut &tx[..]).unwrap();
                assert!(matches!(xt.preamble, sp_runtime::generic::Preamble::Bare(_)));
                let RuntimeCall::Drand(call) = xt.function else { panic!("not a Drand call") };
                let crate::Call::write_pulse { pulses_payload, signature } = call.clone() else {
                    panic!("not write_pulse")
                };
                assert_eq!(pulses_payload.public, MultiSigner::Sr25519(key));
                let signature = signature.expect("signed payload");
                assert!(signature.verify(&pulses_payload.encode()[..], &MultiSigner::Sr25519(key).into_account()));
                assert_ok!(validate(&call));
                pulses_payload
            })
            .collect()
    })
}

fn run_worker(env: &mut OffchainEnv, block: u32) {
    env.ext.execute_with(|| {
        System::set_block_number(block);
        Drand::offchain_worker(block);
    });
}

#[test]
fn worker_on_a_fresh_chain_submits_the_latest_round() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| set_endpoints(&[TEST_ENDPOINT]));
    expect_get(&env, url(TEST_ENDPOINT, "latest"), body(1000, RAND_1000, SIG_1000));
    run_worker(&mut env, 2);
    let payloads = submitted(&mut env);
    assert_eq!(payloads.len(), 1);
    assert_eq!(payloads[0].block_number, 2);
    assert_eq!(payloads[0].pulses, vec![pulse_1000()]);

    // Including it stores the pulse.
    env.ext.execute_with(|| {
        assert_ok!(Drand::write_pulse(RuntimeOrigin::none(), payloads[0].clone(), None));
        assert_eq!(LastStoredRound::<Test>::get(), 1000);
    });
}

#[test]
fn worker_catches_up_in_ascending_order() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| {
        set_endpoints(&[TEST_ENDPOINT]);
        LastStoredRound::<Test>::put(997);
    });
    expect_get(&env, url(TEST_ENDPOINT, "latest"), body(1000, RAND_1000, SIG_1000));
    expect_get(&env, url(TEST_ENDPOINT, "998"), fake_body(998));
    expect_get(&env, url(TEST_ENDPOINT, "999"), fake_body(999));
    run_worker(&mut env, 3);
    let rounds: Vec<u64> = submitted(&mut env).iter().map(|p| p.pulses[0].round).collect();
    assert_eq!(rounds, vec![998, 999, 1000]);
}

#[test]
fn worker_fetches_at_most_50_rounds() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| {
        set_endpoints(&[TEST_ENDPOINT]);
        LastStoredRound::<Test>::put(100);
    });
    expect_get(&env, url(TEST_ENDPOINT, "latest"), body(1000, RAND_1000, SIG_1000));
    for round in 101..=150 {
        expect_get(&env, url(TEST_ENDPOINT, &round.to_string()), fake_body(round));
    }
    run_worker(&mut env, 3);
    let rounds: Vec<u64> = submitted(&mut env).iter().map(|p| p.pulses[0].round).collect();
    assert_eq!(rounds, (101..=150).collect::<Vec<_>>());
}

#[test]
fn worker_uses_the_default_endpoints_without_configuration() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| LastStoredRound::<Test>::put(2000));
    for base in DEFAULT_ENDPOINTS {
        expect_get(&env, url(base, "latest"), body(2000, RAND_2000, SIG_2000));
    }
    run_worker(&mut env, 2);
    // Up to date: nothing to submit.
    assert!(submitted(&mut env).is_empty());
}

#[test]
fn worker_takes_the_first_endpoint_that_answers_with_a_pulse() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| set_endpoints(&["http://a.test/", "http://b.test", "http://c.test"]));
    expect_get(&env, url("http://a.test", "latest"), b"<html>busy</html>".to_vec());
    expect_get(&env, url("http://b.test", "latest"), body(2000, RAND_2000, SIG_2000));
    expect_get(&env, url("http://c.test", "latest"), body(1000, RAND_1000, SIG_1000));
    run_worker(&mut env, 2);
    let payloads = submitted(&mut env);
    assert_eq!(payloads.len(), 1);
    assert_eq!(payloads[0].pulses, vec![pulse_2000()]);
}

#[test]
fn an_empty_endpoint_list_disables_the_worker() {
    let mut env = offchain_ext(true);
    // No request is expected: any request would panic for want of a response.
    env.ext.execute_with(|| set_endpoints(&[]));
    run_worker(&mut env, 2);
    assert!(env.pool.read().transactions.is_empty());
}

#[test]
fn worker_waits_for_next_unsigned_at() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| {
        set_endpoints(&[TEST_ENDPOINT]);
        NextUnsignedAt::<Test>::put(5);
    });
    run_worker(&mut env, 4);
    assert!(env.pool.read().transactions.is_empty());
}

#[test]
fn worker_without_a_key_fetches_nothing() {
    let mut env = offchain_ext(false);
    env.ext.execute_with(|| set_endpoints(&[TEST_ENDPOINT]));
    run_worker(&mut env, 2);
    assert!(env.pool.read().transactions.is_empty());
}

#[test]
fn a_failed_round_fetch_submits_nothing() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| {
        set_endpoints(&[TEST_ENDPOINT]);
        LastStoredRound::<Test>::put(997);
    });
    expect_get(&env, url(TEST_ENDPOINT, "latest"), body(1000, RAND_1000, SIG_1000));
    expect_get(&env, url(TEST_ENDPOINT, "998"), fake_body(998));
    // The endpoint answers 999 with another round.
    expect_get(&env, url(TEST_ENDPOINT, "999"), fake_body(990));
    run_worker(&mut env, 3);
    assert!(env.pool.read().transactions.is_empty());
}

#[test]
fn malformed_bodies_are_not_pulses() {
    use crate::offchain::parse_pulse;
    assert_eq!(parse_pulse(&body(1000, RAND_1000, SIG_1000)), Some(pulse_1000()));
    assert_eq!(parse_pulse(&body(1000, &format!("0x{RAND_1000}"), SIG_1000)), Some(pulse_1000()));
    assert_eq!(parse_pulse(b""), None);
    assert_eq!(parse_pulse(br#"{"round":1000}"#), None);
    assert_eq!(parse_pulse(&body(1000, "zz", SIG_1000)), None);
    assert_eq!(parse_pulse(&body(1000, &RAND_1000[1..], SIG_1000)), None);
    // Randomness must be 32 bytes, the signature at most 144.
    assert_eq!(parse_pulse(&body(1000, &"00".repeat(33), SIG_1000)), None);
    assert_eq!(parse_pulse(&body(1000, RAND_1000, &"00".repeat(145))), None);
    assert_eq!(parse_pulse(br#"{"round":-1,"randomness":"","signature":""}"#), None);
}

#[test]
fn undecodable_endpoint_configuration_disables_the_worker() {
    let mut env = offchain_ext(true);
    env.ext.execute_with(|| {
        sp_io::offchain::local_storage_set(sp_core::offchain::StorageKind::PERSISTENT, ENDPOINTS_STORAGE_KEY, &[9, 9]);
        assert!(Drand::endpoints().is_empty());
    });
    run_worker(&mut env, 2);
    assert!(env.pool.read().transactions.is_empty());
}
