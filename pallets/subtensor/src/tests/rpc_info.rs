//! The clients' view APIs read back what the calls stored.

use super::*;
use crate::{
    rpc_metagraph::{DelegateInfo, SelectiveMetagraph, StakeAvailability},
    set_weights::storage_index,
};
use codec::Compact;

#[test]
fn views_of_a_subnet_its_neurons_and_stakes() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        register_hotkey(netuid, 2, 12);
        assert_ok!(SubtensorModule::add_stake(signed(3), account(12), netuid, 10 * TAO));

        let info = SubtensorModule::get_dynamic_info(netuid).unwrap();
        assert_eq!(info.owner_coldkey, account(1));
        assert_eq!(info.owner_hotkey, account(101));
        assert_eq!(info.token_symbol, "α".as_bytes().iter().map(|b| Compact(*b)).collect::<Vec<_>>());
        assert_eq!(info.tao_in.0, SubnetTAO::<Test>::get(netuid));
        assert_eq!(info.alpha_in.0, SubnetAlphaIn::<Test>::get(netuid));
        assert_eq!(SubtensorModule::get_dynamic_info(9), None);
        let all = SubtensorModule::get_all_dynamic_info();
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(Option::is_some));

        let params = SubtensorModule::get_subnet_hyperparams_v3(netuid).unwrap();
        assert_eq!(params.len(), 33);
        let tempo = params.iter().find(|e| e.name == b"tempo").unwrap();
        assert_eq!(tempo.value, crate::rpc_info::HyperparamValue::U16(Compact(360)));

        let neurons = SubtensorModule::get_neurons_lite(netuid);
        assert_eq!(neurons.len(), 2);
        assert_eq!(neurons[1].hotkey, account(12));
        assert_eq!(neurons[1].coldkey, account(2));
        let staked = SubtensorModule::alpha_stake(&account(12), &account(3), netuid);
        assert_eq!(neurons[1].stake, vec![(account(3), Compact(staked))]);
        assert_eq!(SubtensorModule::get_neuron(netuid, 1).unwrap().uid.0, 1);
        assert_eq!(SubtensorModule::get_neuron(netuid, 7), None);

        let stakes = SubtensorModule::get_stake_info_for_coldkey(account(3));
        assert_eq!(stakes.len(), 1);
        assert_eq!(stakes[0].stake.0, staked);
        assert!(stakes[0].is_registered);
        assert_eq!(
            SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(account(12), account(3), netuid).unwrap().stake.0,
            staked
        );

        let state = SubtensorModule::get_subnet_state(netuid).unwrap();
        assert_eq!(state.hotkeys, vec![account(101), account(12)]);
        assert_eq!(state.alpha_stake[1].0, TotalHotkeyAlpha::<Test>::get(account(12), netuid));
    });
}

#[test]
fn pool_views_match_the_pool_math() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_eq!(SubtensorModule::current_alpha_price(netuid), 1_000_000_000);
        assert_eq!(SubtensorModule::current_alpha_price(0), 1_000_000_000);
        let pool = tensorchain_swap::pool::Pool::new(SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid));
        let expected = pool.swap(tensorchain_swap::pool::Side::Buy, 5 * TAO, u64::MAX, 33).unwrap();
        let sim = SubtensorModule::sim_swap_tao_for_alpha(netuid, 5 * TAO);
        assert_eq!((sim.tao_amount, sim.alpha_amount, sim.tao_fee), (5 * TAO, expected.amount_out, expected.fee));
        assert!(sim.alpha_slippage > 0);
        let sell = SubtensorModule::sim_swap_alpha_for_tao(netuid, TAO);
        assert!(sell.tao_amount > 0 && sell.alpha_fee > 0);
        let prices = SubtensorModule::current_alpha_price_all();
        assert_eq!(prices.len(), 2);
        let next = SubtensorModule::get_next_epoch_start_block(netuid).unwrap();
        assert_eq!(next, LastEpochBlock::<Test>::get(netuid) + 360);
    });
}

// ----- Metagraphs, subnet info v2, delegates and stake availability (`rpc_metagraph.rs`) -----

/// Which of the 74 selective fields are present, in position order (`netuid`, always there,
/// counts as present).
fn selected(s: &SelectiveMetagraph) -> Vec<bool> {
    macro_rules! present {
        ($($f:ident),* $(,)?) => { vec![true, $(s.$f.is_some()),*] };
    }
    present![
        name, symbol, identity, network_registered_at, owner_hotkey, owner_coldkey, block, tempo, last_step,
        blocks_since_last_step, subnet_emission, alpha_in, alpha_out, tao_in, alpha_out_emission,
        alpha_in_emission, tao_in_emission, pending_alpha_emission, pending_root_emission, subnet_volume,
        moving_price, rho, kappa, min_allowed_weights, max_weights_limit, weights_version, weights_rate_limit,
        activity_cutoff, max_validators, num_uids, max_uids, burn, difficulty, registration_allowed,
        pow_registration_allowed, immunity_period, min_difficulty, max_difficulty, min_burn, max_burn,
        adjustment_alpha, adjustment_interval, target_regs_per_interval, max_regs_per_block, serving_rate_limit,
        commit_reveal_weights_enabled, commit_reveal_period, liquid_alpha_enabled, alpha_high, alpha_low,
        bonds_moving_avg, hotkeys, coldkeys, identities, axons, active, validator_permit, pruning_score,
        last_update, emission, dividends, incentives, consensus, trust, rank, block_at_registration,
        alpha_stake, tao_stake, total_stake, tao_dividends_per_hotkey, alpha_dividends_per_hotkey, validators,
        commitments,
    ]
}

fn only(positions: &[usize]) -> Vec<bool> {
    (0..74).map(|i| i == 0 || positions.contains(&i)).collect()
}

/// A subnet (owner 1, hotkey 101) with neurons 12 (coldkey 2) and 13 (coldkey 3), stakes on
/// 12 and 13, and some epoch outputs stored.
fn subnet_with_neurons() -> u16 {
    let netuid = add_subnet(1);
    assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    register_hotkey(netuid, 2, 12);
    register_hotkey(netuid, 3, 13);
    assert_ok!(SubtensorModule::add_stake(signed(4), account(12), netuid, 10 * TAO));
    assert_ok!(SubtensorModule::add_stake(signed(5), account(13), netuid, 30 * TAO));
    assert_ok!(SubtensorModule::set_identity(
        signed(2),
        b"two".to_vec(),
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![]
    ));
    ValidatorPermit::<Test>::insert(netuid, vec![false, true, true]);
    Incentive::<Test>::insert(netuid, vec![0u16, 100, 200]);
    Dividends::<Test>::insert(netuid, vec![0u16, 300, 400]);
    Consensus::<Test>::insert(netuid, vec![1u16, 2, 3]);
    Emission::<Test>::insert(netuid, vec![0u64, 5, 6]);
    AlphaDividendsPerSubnet::<Test>::insert(netuid, account(12), 77);
    RootAlphaDividendsPerSubnet::<Test>::insert(netuid, account(13), 88);
    netuid
}

#[test]
fn metagraph_agrees_with_storage_and_the_other_views() {
    checked(|| {
        let netuid = subnet_with_neurons();
        let m = SubtensorModule::get_metagraph(netuid).unwrap();
        let state = SubtensorModule::get_subnet_state(netuid).unwrap();
        let dynamic = SubtensorModule::get_dynamic_info(netuid).unwrap();
        let neurons = SubtensorModule::get_neurons_lite(netuid);

        // Subnet fields as the dynamic info reports them.
        assert_eq!(m.netuid.0, netuid);
        assert_eq!(m.name, dynamic.subnet_name);
        assert_eq!(m.symbol, dynamic.token_symbol);
        assert_eq!(m.identity, dynamic.subnet_identity);
        assert_eq!(m.owner_hotkey, account(101));
        assert_eq!(m.owner_coldkey, account(1));
        assert_eq!(m.block.0, System::block_number());
        assert_eq!(m.tempo, dynamic.tempo);
        assert_eq!(m.last_step, dynamic.last_step);
        assert_eq!(m.subnet_emission, dynamic.emission);
        assert_eq!(m.alpha_in.0, SubnetAlphaIn::<Test>::get(netuid));
        assert_eq!(m.alpha_out.0, SubnetAlphaOut::<Test>::get(netuid));
        assert_eq!(m.tao_in.0, SubnetTAO::<Test>::get(netuid));
        assert_eq!(m.subnet_volume, dynamic.subnet_volume);
        assert_eq!(m.moving_price, dynamic.moving_price);
        assert_eq!(m.network_registered_at, dynamic.network_registered_at);

        // Hyperparameters and legacy registration values from their storage.
        assert_eq!(m.rho.0, Rho::<Test>::get(netuid));
        assert_eq!(m.kappa.0, Kappa::<Test>::get(netuid));
        assert_eq!(m.max_validators.0, MaxAllowedValidators::<Test>::get(netuid));
        assert_eq!(m.num_uids.0, 3);
        assert_eq!(m.max_uids.0, MaxAllowedUids::<Test>::get(netuid));
        assert_eq!(m.burn.0, Burn::<Test>::get(netuid));
        assert_eq!(m.difficulty.0, Difficulty::<Test>::get(netuid));
        assert_eq!(m.min_difficulty.0, MinDifficulty::<Test>::get(netuid));
        assert_eq!(m.max_difficulty.0, MaxDifficulty::<Test>::get(netuid));
        assert_eq!(m.adjustment_alpha.0, AdjustmentAlpha::<Test>::get(netuid));
        assert_eq!(m.adjustment_interval.0, AdjustmentInterval::<Test>::get(netuid));
        assert_eq!(m.commit_reveal_weights_enabled, CommitRevealWeightsEnabled::<Test>::get(netuid));
        assert_eq!(m.commit_reveal_period.0, RevealPeriodEpochs::<Test>::get(netuid));
        assert_eq!((m.alpha_low.0, m.alpha_high.0), AlphaValues::<Test>::get(netuid));
        let params = SubtensorModule::get_subnet_hyperparams_v3(netuid).unwrap();
        let cutoff = params.iter().find(|e| e.name == b"activity_cutoff").unwrap();
        assert_eq!(cutoff.value, crate::rpc_info::HyperparamValue::U64(m.activity_cutoff));

        // Per-uid vectors as the subnet state and the neurons report them.
        assert_eq!(m.hotkeys, state.hotkeys);
        assert_eq!(m.hotkeys, vec![account(101), account(12), account(13)]);
        assert_eq!(m.coldkeys, state.coldkeys);
        assert_eq!(m.active, state.active);
        assert_eq!(m.validator_permit, state.validator_permit);
        assert_eq!(m.pruning_score, state.pruning_score);
        assert_eq!(m.last_update, state.last_update);
        assert_eq!(m.emission, state.emission);
        assert_eq!(m.dividends, state.dividends);
        assert_eq!(m.incentives, state.incentives);
        assert_eq!(m.consensus, state.consensus);
        assert_eq!(m.trust, state.trust);
        assert_eq!(m.rank, state.rank);
        assert_eq!(m.block_at_registration, state.block_at_registration);
        assert_eq!(m.alpha_stake, state.alpha_stake);
        assert_eq!(m.tao_stake, state.tao_stake);
        assert_eq!(m.total_stake, state.total_stake);
        assert_eq!(m.alpha_stake[2].0, TotalHotkeyAlpha::<Test>::get(account(13), netuid));
        assert_eq!(m.incentives.iter().map(|c| c.0).collect::<Vec<_>>(), vec![0, 100, 200]);
        for (uid, neuron) in neurons.iter().enumerate() {
            assert_eq!(m.axons[uid], neuron.axon_info);
            assert_eq!(m.dividends[uid], neuron.dividends);
            assert_eq!(m.validator_permit[uid], neuron.validator_permit);
        }
        assert_eq!(m.identities[0], None);
        assert_eq!(m.identities[1].as_ref().unwrap().name, b"two".to_vec());
        assert_eq!(
            m.alpha_dividends_per_hotkey,
            vec![(account(101), Compact(0)), (account(12), Compact(77)), (account(13), Compact(0))]
        );
        assert_eq!(
            m.tao_dividends_per_hotkey,
            vec![(account(101), Compact(0)), (account(12), Compact(0)), (account(13), Compact(88))]
        );

        assert_eq!(SubtensorModule::get_metagraph(9), None);
        let all = SubtensorModule::get_all_metagraphs();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].as_ref(), Some(&m));

        // Subnet info v2.
        let info = SubtensorModule::get_subnet_info_v2(netuid).unwrap();
        assert_eq!(info.netuid.0, netuid);
        assert_eq!(info.subnetwork_n.0, 3);
        assert_eq!(info.owner, account(1));
        assert_eq!(info.tempo, m.tempo);
        assert_eq!(info.burn, m.burn);
        assert_eq!(info.difficulty, m.difficulty);
        assert_eq!(info.emission_value, dynamic.emission);
        assert_eq!(info.scaling_law_power.0, ScalingLawPower::<Test>::get(netuid));
        assert_eq!(SubtensorModule::get_subnet_info_v2(9), None);
        let infos = SubtensorModule::get_subnets_info_v2();
        assert_eq!(infos.len(), 2);
        assert!(infos.iter().all(Option::is_some));
    });
}

#[test]
fn selective_metagraph_returns_exactly_the_asked_fields() {
    checked(|| {
        let netuid = subnet_with_neurons();
        // 12 and 13 are permitted; 13 has more stake. A threshold above 12's stake drops it.
        let validators = SubtensorModule::get_selective_metagraph(netuid, vec![72]).unwrap();
        assert_eq!(selected(&validators), only(&[72]));
        assert_eq!(validators.netuid.0, netuid);
        assert_eq!(validators.validators, Some(vec![Compact(2u16), Compact(1u16)]));
        StakeThreshold::<Test>::put(SubtensorModule::raw_stake(&account(12), netuid) + 1);
        let validators = SubtensorModule::get_selective_metagraph(netuid, vec![72]).unwrap();
        assert_eq!(validators.validators, Some(vec![Compact(2u16)]));
        StakeThreshold::<Test>::kill();

        // Everything: equal to the metagraph, plus validators and (empty) commitments.
        let full = SubtensorModule::get_selective_metagraph(netuid, (0..=73).collect()).unwrap();
        assert_eq!(selected(&full), vec![true; 74]);
        assert_eq!(full.commitments, Some(vec![]));
        assert_eq!(full.clone().into_metagraph(), SubtensorModule::get_metagraph(netuid));

        // A few fields, unknown positions ignored, netuid always there.
        let some = SubtensorModule::get_selective_metagraph(netuid, vec![0, 1, 52, 62, 71, 74, 500]).unwrap();
        assert_eq!(selected(&some), only(&[1, 52, 62, 71]));
        assert_eq!(some.name, full.name);
        assert_eq!(some.hotkeys, full.hotkeys);
        assert_eq!(some.incentives, full.incentives);
        assert_eq!(some.alpha_dividends_per_hotkey, full.alpha_dividends_per_hotkey);
        assert_eq!(some.into_metagraph(), None);
        let none = SubtensorModule::get_selective_metagraph(netuid, vec![]).unwrap();
        assert_eq!(selected(&none), only(&[]));
        assert_eq!(SubtensorModule::get_selective_metagraph(9, vec![0]), None);
    });
}

#[test]
fn mechagraph_reads_the_mechanism_storage_index() {
    checked(|| {
        let netuid = subnet_with_neurons();
        let idx = storage_index(netuid, 1);
        assert_eq!(idx, netuid + 4096);
        Incentive::<Test>::insert(idx, vec![7u16, 8, 9]);
        LastUpdate::<Test>::insert(idx, vec![11u64, 12, 13]);
        // One mechanism: mecid 1 does not exist.
        assert_eq!(SubtensorModule::get_mechagraph(netuid, 1), None);
        assert_eq!(SubtensorModule::get_selective_mechagraph(netuid, 1, vec![0]), None);
        assert_eq!(SubtensorModule::get_all_mechagraphs().len(), 2);

        MechanismCountCurrent::<Test>::insert(netuid, 2);
        let m0 = SubtensorModule::get_mechagraph(netuid, 0).unwrap();
        let m1 = SubtensorModule::get_mechagraph(netuid, 1).unwrap();
        assert_eq!(Some(&m0), SubtensorModule::get_metagraph(netuid).as_ref());
        assert_eq!(m0.incentives.iter().map(|c| c.0).collect::<Vec<_>>(), vec![0, 100, 200]);
        assert_eq!(m1.incentives.iter().map(|c| c.0).collect::<Vec<_>>(), vec![7, 8, 9]);
        assert_eq!(m1.rank, m1.incentives);
        assert_eq!(m1.last_update.iter().map(|c| c.0).collect::<Vec<_>>(), vec![11, 12, 13]);
        assert_eq!(m0.last_update, SubtensorModule::get_subnet_state(netuid).unwrap().last_update);
        // Per-subnet vectors are shared by the mechanisms.
        assert_eq!(m1.dividends, m0.dividends);
        assert_eq!(m1.emission, m0.emission);
        assert_eq!(m1.hotkeys, m0.hotkeys);
        assert_eq!(SubtensorModule::get_mechagraph(netuid, 2), None);

        let s = SubtensorModule::get_selective_mechagraph(netuid, 1, vec![59, 62]).unwrap();
        assert_eq!(s.incentives, Some(m1.incentives.clone()));
        assert_eq!(s.last_update, Some(m1.last_update.clone()));

        // Root's one mechanism and both of the subnet's.
        let all = SubtensorModule::get_all_mechagraphs();
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].as_ref(), Some(&m0));
        assert_eq!(all[2].as_ref(), Some(&m1));
    });
}

#[test]
fn a_metagraph_of_256_uids_is_whole() {
    checked(|| {
        let netuid = add_subnet(1);
        let now = SubtensorModule::current_block();
        for i in 1..256u32 {
            let mut raw = [0u8; 32];
            raw[..4].copy_from_slice(&i.to_le_bytes());
            raw[31] = 1;
            let hotkey = AccountId32::new(raw);
            SubtensorModule::create_account_if_non_existent(&account(2), &hotkey);
            SubtensorModule::append_neuron(netuid, &hotkey, now);
        }
        assert_eq!(SubnetworkN::<Test>::get(netuid), 256);
        let start = std::time::Instant::now();
        let m = SubtensorModule::get_metagraph(netuid).unwrap();
        let s = SubtensorModule::get_selective_metagraph(netuid, (0..=73).collect()).unwrap();
        let elapsed = start.elapsed();
        assert_eq!(m.hotkeys.len(), 256);
        assert_eq!(m.identities.len(), 256);
        assert_eq!(s.axons.as_ref().map(Vec::len), Some(256));
        // A measurement, not a check: `cargo test -p pallet-subtensor metagraph_of_256 -- --nocapture`.
        eprintln!("full + selective metagraph, 256 uids (mock, native): {elapsed:?}");
    });
}

#[test]
fn no_delegates_on_a_fresh_chain() {
    checked(|| {
        assert_eq!(SubtensorModule::get_delegates(), vec![]);
        assert_eq!(SubtensorModule::get_delegate(account(101)), None);
        assert_eq!(SubtensorModule::get_delegated(account(1)), vec![]);
        // The ValueQuery default take does not make a delegate.
        assert_eq!(Delegates::<Test>::get(account(101)), 11_796);
        assert_eq!(SubtensorModule::get_delegate(account(101)), None);
    });
}

/// `staking-2.md` §6 vector: take 11 796, 10 000 TAO root stake, 1 000 TAO/day.
#[test]
fn delegate_info_vector_and_nominators() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::root_register(signed(1), account(101)));
        assert_eq!(Delegates::<Test>::get(account(101)), 11_796);
        // 10 000 TAO on root from the owner (set directly: the mock accounts hold no more).
        SubtensorModule::increase_alpha_stake(&account(101), &account(1), 0, 10_000 * TAO);
        SubnetAlphaOut::<Test>::mutate(0, |o| *o += 10_000 * TAO);
        // 50 TAO per epoch at tempo 360: 20 epochs a day, 1 000 TAO a day.
        assert_eq!(Tempo::<Test>::get(netuid), 360);
        Emission::<Test>::insert(netuid, vec![50 * TAO]);
        ValidatorPermit::<Test>::insert(netuid, vec![true]);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), netuid, 10 * TAO));
        let nominated = SubtensorModule::alpha_stake(&account(101), &account(3), netuid);
        assert!(nominated > 0);

        let info = SubtensorModule::get_delegate(account(101)).unwrap();
        assert_eq!(info.delegate_ss58, account(101));
        assert_eq!(info.owner_ss58, account(1));
        assert_eq!(info.take.0, 11_796);
        assert_eq!(info.registrations, vec![Compact(0), Compact(netuid)]);
        assert_eq!(info.validator_permits, vec![Compact(netuid)]);
        assert_eq!(info.total_daily_return.0, 1_000 * TAO);
        assert_eq!(info.return_per_1000.0, 82_000_457_770);
        assert_eq!(
            info.nominators,
            vec![
                (account(1), vec![(Compact(0), Compact(10_000 * TAO))]),
                (account(3), vec![(Compact(netuid), Compact(nominated))]),
            ]
        );
        assert_eq!(SubtensorModule::get_delegates(), vec![info.clone()]);

        // The formula alone, and no root stake means no return.
        let e = U64F64::from_num(1_000 * TAO);
        assert_eq!(SubtensorModule::return_per_1000(11_796, 10_000 * TAO, e), 82_000_457_770);
        assert_eq!(SubtensorModule::return_per_1000(11_796, 0, e), 0);

        // Delegated: per subnet of the delegatee's stake, without nominators.
        let bare = DelegateInfo { nominators: vec![], ..info };
        assert_eq!(
            SubtensorModule::get_delegated(account(3)),
            vec![(bare.clone(), (Compact(netuid), Compact(nominated)))]
        );
        assert_eq!(SubtensorModule::get_delegated(account(1)), vec![(bare, (Compact(0), Compact(10_000 * TAO)))]);
        assert_eq!(SubtensorModule::get_delegated(account(4)), vec![]);
    });
}

#[test]
fn stake_availability_rules() {
    checked(|| {
        let a = add_subnet(1);
        let b = add_subnet(2);
        assert_ok!(SubtensorModule::start_call(signed(1), a));
        assert_ok!(SubtensorModule::start_call(signed(2), b));
        register_hotkey(a, 5, 15);
        // Coldkey 3 stakes through two hotkeys on a and one on b.
        assert_ok!(SubtensorModule::add_stake(signed(3), account(15), a, 10 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), a, 5 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(102), b, 7 * TAO));
        let on_a = SubtensorModule::alpha_stake(&account(15), &account(3), a)
            + SubtensorModule::alpha_stake(&account(101), &account(3), a);
        let on_b = SubtensorModule::alpha_stake(&account(102), &account(3), b);
        let row = |total: u64, locked: u64| StakeAvailability {
            total: Compact(total),
            locked: Compact(locked),
            available: Compact(total - locked),
        };
        let get = SubtensorModule::get_stake_availability_for_coldkeys;

        // None: every subnet; coldkeys without stake map to {}.
        let all = get(vec![account(3), account(4)], None);
        assert_eq!(all.len(), 2);
        assert_eq!(all[&account(3)], [(a, row(on_a, 0)), (b, row(on_b, 0))].into_iter().collect());
        assert!(all[&account(4)].is_empty());

        // A list: sorted, deduplicated, missing subnets dropped.
        let some = get(vec![account(3)], Some(vec![b, 9, b]));
        assert_eq!(some[&account(3)], [(b, row(on_b, 0))].into_iter().collect());
        let both = get(vec![account(3)], Some(vec![b, a, a, 0]));
        assert_eq!(both[&account(3)].len(), 2);
        // Empty, or longer than the number of subnets (3 with root): every coldkey maps to {}.
        let empty = get(vec![account(3), account(4)], Some(vec![]));
        assert_eq!(empty.len(), 2);
        assert!(empty.values().all(|rows| rows.is_empty()));
        let long = get(vec![account(3)], Some(vec![0, 1, 2, 3]));
        assert_eq!(long.len(), 1);
        assert!(long[&account(3)].is_empty());
        // No coldkeys: {}.
        assert!(get(vec![], None).is_empty());

        // A lock is subtracted, rolled to the current block.
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(15), a, 4 * TAO));
        let locked = get(vec![account(3)], Some(vec![a]));
        assert_eq!(locked[&account(3)], [(a, row(on_a, 4 * TAO))].into_iter().collect());
        System::set_block_number(System::block_number() + 648_000);
        let decayed = SubtensorModule::locked_alpha(&account(3), a);
        assert!(decayed < 2 * TAO && decayed > 2 * TAO - 2 * TAO / 1_000);
        let locked = get(vec![account(3)], Some(vec![a]));
        assert_eq!(locked[&account(3)], [(a, row(on_a, decayed))].into_iter().collect());
    });
}
