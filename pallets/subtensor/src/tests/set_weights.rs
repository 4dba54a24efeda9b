//! Weights: every check of `yuma.md` §4.1 with its named error, and commit-reveal by hash.

use super::*;
use crate::set_weights::commit_hash;

/// A subnet with commit-reveal off and no rate limit; hotkeys 12 (validator, staked) and 13.
fn subnet() -> u16 {
    let netuid = add_subnet(1);
    assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    register_hotkey(netuid, 2, 12);
    register_hotkey(netuid, 3, 13);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    WeightsSetRateLimit::<Test>::insert(netuid, 0);
    // Hotkey 12 holds stake, so every epoch gives it a permit.
    assert_ok!(SubtensorModule::add_stake(signed(2), account(12), netuid, 10 * TAO));
    ValidatorPermit::<Test>::insert(netuid, vec![false, true, false]);
    netuid
}

fn hk(n: u8) -> RuntimeOrigin {
    RuntimeOrigin::signed(account(n))
}

#[test]
fn set_weights_stores_upscaled_values_in_the_callers_order() {
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        assert_ok!(SubtensorModule::set_weights(hk(12), netuid, vec![2, 0], vec![10, 5], 0));
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(2, 65535), (0, 32768)]);
        assert_eq!(LastUpdate::<Test>::get(netuid)[1], 2);
        System::assert_last_event(Event::WeightsSet(netuid, 1).into());
        // Zeros are stored too.
        assert_ok!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 2], vec![0, 7], 0));
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(0, 0), (2, 65535)]);
        // Without a permit only a self-weight is allowed.
        assert_ok!(SubtensorModule::set_weights(hk(13), netuid, vec![2], vec![1], 0));
        assert_eq!(Weights::<Test>::get(netuid, 2), vec![(2, 65535)]);
    });
}

#[test]
fn set_weights_errors_in_order_change_nothing() {
    checked(|| {
        let netuid = subnet();
        assert_noop!(SubtensorModule::set_weights(hk(12), 0, vec![0], vec![1], 0), Error::<Test>::CanNotSetRootNetworkWeights);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 1], vec![1], 0), Error::<Test>::WeightVecNotEqualSize);
        assert_noop!(
            SubtensorModule::set_mechanism_weights(hk(12), netuid, 1, vec![0], vec![1], 0),
            Error::<Test>::MechanismDoesNotExist
        );
        assert_noop!(
            SubtensorModule::set_weights(hk(12), netuid, vec![0, 1, 2, 3], vec![1, 1, 1, 1], 0),
            Error::<Test>::UidsLengthExceedUidsInSubNet
        );
        assert_noop!(SubtensorModule::set_weights(hk(77), netuid, vec![0], vec![1], 0), Error::<Test>::HotKeyNotRegisteredInSubNet);
        StakeThreshold::<Test>::put(u64::MAX);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0], vec![1], 0), Error::<Test>::NotEnoughStakeToSetWeights);
        StakeThreshold::<Test>::put(0);
        WeightsVersionKey::<Test>::insert(netuid, 5);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0], vec![1], 4), Error::<Test>::IncorrectWeightVersionKey);
        WeightsVersionKey::<Test>::insert(netuid, 0);
        WeightsSetRateLimit::<Test>::insert(netuid, 100);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0], vec![1], 0), Error::<Test>::SettingWeightsTooFast);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        assert_noop!(SubtensorModule::set_weights(hk(13), netuid, vec![0], vec![1], 0), Error::<Test>::NeuronNoValidatorPermit);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 0], vec![1, 1], 0), Error::<Test>::DuplicateUids);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 5], vec![1, 1], 0), Error::<Test>::UidVecContainInvalidOne);
        MinAllowedWeights::<Test>::insert(netuid, 2);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0], vec![1], 0), Error::<Test>::WeightVecLengthIsLow);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        assert_noop!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 2], vec![1, 1], 0), Error::<Test>::CommitRevealEnabled);
    });
}

#[test]
fn batch_set_weights_applies_each_subnet() {
    checked(|| {
        let netuid = subnet();
        use codec::Compact;
        assert_ok!(SubtensorModule::batch_set_weights(
            hk(12),
            vec![Compact(netuid)],
            vec![vec![(Compact(0u16), Compact(3u16))]],
            vec![Compact(0u64)]
        ));
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(0, 65535)]);
        assert_noop!(
            SubtensorModule::batch_set_weights(hk(12), vec![Compact(netuid)], vec![], vec![]),
            Error::<Test>::InputLengthsUnequal
        );
    });
}

/// A commit in one epoch reveals in the next (RevealPeriodEpochs = 1) and not before, with
/// the hash the SDK computes; a wrong salt matches nothing.
#[test]
fn commit_then_reveal_in_the_next_epoch() {
    checked(|| {
        let netuid = subnet();
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        Tempo::<Test>::insert(netuid, 10);
        LastEpochBlock::<Test>::insert(netuid, 1);
        let (uids, values, salt) = (vec![0u16, 2], vec![3u16, 9], vec![7u16, 7, 7]);
        let hash = commit_hash(&account(12), netuid, &uids, &values, &salt, 0);
        assert_ok!(SubtensorModule::commit_weights(hk(12), netuid, hash));
        assert_eq!(WeightCommits::<Test>::get(netuid, account(12)).unwrap().len(), 1);
        assert_noop!(
            SubtensorModule::reveal_weights(hk(12), netuid, uids.clone(), values.clone(), salt.clone(), 0),
            Error::<Test>::RevealTooEarly
        );
        run_to_block(11);
        assert_noop!(
            SubtensorModule::reveal_weights(hk(12), netuid, uids.clone(), values.clone(), vec![1], 0),
            Error::<Test>::InvalidRevealCommitHashNotMatch
        );
        assert_ok!(SubtensorModule::reveal_weights(hk(12), netuid, uids.clone(), values.clone(), salt.clone(), 0));
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(0, 21845), (2, 65535)]);
        assert!(WeightCommits::<Test>::get(netuid, account(12)).is_none());
        assert_noop!(
            SubtensorModule::reveal_weights(hk(12), netuid, uids, values, salt, 0),
            Error::<Test>::NoWeightsCommitFound
        );
    });
}

#[test]
fn commits_expire_and_are_limited() {
    checked(|| {
        let netuid = subnet();
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        Tempo::<Test>::insert(netuid, 10);
        LastEpochBlock::<Test>::insert(netuid, 1);
        let hash = commit_hash(&account(12), netuid, &[0], &[1], &[1], 0);
        assert_ok!(SubtensorModule::commit_weights(hk(12), netuid, hash));
        // Two epochs later the commit has expired.
        run_to_block(21);
        assert_noop!(
            SubtensorModule::reveal_weights(hk(12), netuid, vec![0], vec![1], vec![1], 0),
            Error::<Test>::InvalidRevealCommitHashNotMatch
        );
        for i in 0..10u16 {
            let h = commit_hash(&account(12), netuid, &[0], &[i], &[1], 0);
            assert_ok!(SubtensorModule::commit_weights(hk(12), netuid, h));
        }
        let h = commit_hash(&account(12), netuid, &[0], &[99], &[1], 0);
        assert_noop!(SubtensorModule::commit_weights(hk(12), netuid, h), Error::<Test>::TooManyUnrevealedCommits);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        assert_noop!(SubtensorModule::commit_weights(hk(12), netuid, h), Error::<Test>::CommitRevealDisabled);
        assert_noop!(SubtensorModule::commit_weights(hk(77), netuid, h), Error::<Test>::CommitRevealDisabled);
    });
}

#[test]
fn root_claims_swap_dividends_into_root_stake() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), 0, 100 * TAO));
        // Pretend an epoch credited 50 alpha of root dividends to hotkey 101's root stakers.
        let rest = 50 * TAO;
        SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += rest);
        RootClaimableAlpha::<Test>::insert(netuid, rest);
        RootClaimable::<Test>::mutate(account(101), |m| {
            m.insert(netuid, substrate_fixed::types::I96F32::from_num(rest) / substrate_fixed::types::I96F32::from_num(100 * TAO));
        });
        let owed = SubtensorModule::root_owed(&account(101), &account(2), netuid);
        assert_eq!(owed, u128::from(rest));
        let root_before = SubtensorModule::alpha_stake(&account(101), &account(2), 0);
        assert_ok!(SubtensorModule::claim_root(signed(2), [netuid].into_iter().collect()));
        assert!(SubtensorModule::alpha_stake(&account(101), &account(2), 0) > root_before);
        assert_eq!(SubtensorModule::root_owed(&account(101), &account(2), netuid), 0);
        assert_noop!(SubtensorModule::claim_root(signed(2), Default::default()), Error::<Test>::InvalidSubnetNumber);
        assert_issuance_consistent();
    });
}

/// The pool error a free call gets, if any.
fn pool_check(hotkey: u8, call: Call<Test>) -> Result<(), u8> {
    use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
    SubtensorModule::validate_free_call(&account(hotkey), &call).map_err(|e| match e {
        TransactionValidityError::Invalid(InvalidTransaction::Custom(c)) => c,
        other => panic!("unexpected {other:?}"),
    })
}

#[test]
fn free_calls_are_refused_in_the_pool_unless_registered_bounded_and_within_limits() {
    use crate::free_calls::code;
    checked(|| {
        let netuid = subnet();
        run_to_block(2);
        let set = |dests: Vec<u16>, weights: Vec<u16>| Call::<Test>::set_weights { netuid, dests, weights, version_key: 0 };
        // A never-funded, unregistered key with 200 000 uids costs nothing: refused.
        let huge: Vec<u16> = (0..200_000u32).map(|u| (u % 65_536) as u16).collect();
        assert_eq!(pool_check(77, set(huge.clone(), huge.clone())), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
        // Registered, but more uids than the subnet has.
        assert_eq!(pool_check(12, set(huge.clone(), huge)), Err(code::BAD_REQUEST));
        assert_eq!(pool_check(12, set(vec![0, 1, 2, 0], vec![1; 4])), Err(code::BAD_REQUEST));
        assert_eq!(pool_check(12, set(vec![0, 1], vec![1])), Err(code::INPUT_LENGTHS_UNEQUAL));
        assert_eq!(
            pool_check(12, Call::set_weights { netuid: 9, dests: vec![0], weights: vec![1], version_key: 0 }),
            Err(code::SUBNET_NOT_EXISTS)
        );
        assert_eq!(
            pool_check(12, Call::set_mechanism_weights { netuid, mecid: 1, dests: vec![0], weights: vec![1], version_key: 0 }),
            Err(code::SUBNET_NOT_EXISTS)
        );
        // Within bounds: valid, and the call itself then succeeds.
        assert_eq!(pool_check(12, set(vec![0, 2], vec![1, 1])), Ok(()));
        assert_ok!(SubtensorModule::set_weights(hk(12), netuid, vec![0, 2], vec![1, 1], 0));
        // The rate limit, once set, refuses the next one in the pool.
        WeightsSetRateLimit::<Test>::insert(netuid, 5);
        assert_eq!(pool_check(12, set(vec![0, 2], vec![1, 1])), Err(code::RATE_LIMIT_EXCEEDED));
        run_to_block(7);
        assert_eq!(pool_check(12, set(vec![0, 2], vec![1, 1])), Ok(()));
        // The stake threshold; the subnet owner's hotkey is exempt.
        StakeThreshold::<Test>::put(u64::MAX);
        assert_eq!(pool_check(12, set(vec![0, 2], vec![1, 1])), Err(code::STAKE_AMOUNT_TOO_LOW));
        assert_eq!(pool_check(101, set(vec![0, 2], vec![1, 1])), Ok(()));
        StakeThreshold::<Test>::put(0);
        // Commits and reveals: registered, bounded.
        let hash = sp_core::H256::repeat_byte(1);
        assert_eq!(pool_check(77, Call::commit_weights { netuid, commit_hash: hash }), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
        assert_eq!(
            pool_check(
                12,
                Call::batch_commit_weights { netuids: vec![netuid.into(); 50], commit_hashes: vec![hash; 50] }
            ),
            Err(code::BAD_REQUEST)
        );
        let reveal = |salt: Vec<u16>| Call::<Test>::reveal_weights { netuid, uids: vec![0], values: vec![1], salt, version_key: 0 };
        assert_eq!(pool_check(12, reveal(vec![0; 8])), Ok(()));
        assert_eq!(pool_check(12, reveal(vec![0; 100_000])), Err(code::BAD_REQUEST));
        assert_eq!(pool_check(77, reveal(vec![0; 8])), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
        // Serving: registered, within the serving rate limit, certificates bounded.
        let axon = Call::<Test>::serve_axon {
            netuid, version: 1, ip: 0x0a00_0001, port: 8091, ip_type: 4, protocol: 0, placeholder1: 0, placeholder2: 0,
        };
        assert_eq!(pool_check(77, axon.clone()), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
        assert_eq!(pool_check(13, axon.clone()), Ok(()));
        assert_ok!(SubtensorModule::serve_axon(hk(13), netuid, 1, 0x0a00_0001, 8091, 4, 0, 0, 0));
        ServingRateLimit::<Test>::insert(netuid, 10);
        assert_eq!(pool_check(13, axon), Err(code::SERVING_RATE_LIMIT_EXCEEDED));
        let tls = Call::<Test>::serve_axon_tls {
            netuid, version: 1, ip: 0x0a00_0001, port: 8091, ip_type: 4, protocol: 0, placeholder1: 0, placeholder2: 0,
            certificate: vec![0; 800_000],
        };
        assert_eq!(pool_check(12, tls), Err(code::BAD_REQUEST));
        let prometheus = Call::<Test>::serve_prometheus { netuid, version: 1, ip: 0x0a00_0001, port: 9090, ip_type: 4 };
        assert_eq!(pool_check(77, prometheus.clone()), Err(code::HOTKEY_NOT_REGISTERED_IN_NETWORK));
        assert_eq!(pool_check(12, prometheus), Ok(()));
        // Paying calls are not this check's business.
        assert_eq!(pool_check(77, Call::burned_register { netuid, hotkey: account(77) }), Ok(()));
    });
}
