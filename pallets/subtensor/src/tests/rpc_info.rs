//! The clients' view APIs read back what the calls stored.

use super::*;
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
