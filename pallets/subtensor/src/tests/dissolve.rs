//! Dissolving subnets and pruning one to make room (`economics.md` §6.1 step 3, §6.3).

use super::*;
use crate::dissolve::largest_remainder_split;
use frame_support::traits::fungible::Mutate;
use sp_runtime::DispatchError;

/// A position as staking leaves it: `tao` moved into the pool, `alpha` out of it and held by
/// (hotkey, coldkey) as shares.
fn stake_position(cold: u8, hot: u8, netuid: u16, tao: u64, alpha: u64) {
    assert_ok!(<Balances as Mutate<AccountId32>>::transfer(
        &account(cold),
        &SubtensorModule::subnet_account(netuid),
        tao,
        frame_support::traits::tokens::Preservation::Preserve,
    ));
    SubnetTAO::<Test>::mutate(netuid, |t| *t += tao);
    TotalStake::<Test>::mutate(|t| *t += tao);
    SubnetAlphaIn::<Test>::mutate(netuid, |a| *a -= alpha);
    SubnetAlphaOut::<Test>::mutate(netuid, |a| *a += alpha);
    SubtensorModule::increase_alpha_stake(&account(hot), &account(cold), netuid, alpha);
    assert_issuance_consistent();
}

#[test]
fn dissolve_pays_stakers_pro_rata_and_recycles_the_rest() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 12);
        stake_position(3, 12, netuid, 30 * TAO, 20 * TAO);
        stake_position(4, 12, netuid, 10 * TAO, 7 * TAO);
        stake_position(4, 101, netuid, 5 * TAO, 3 * TAO);
        let pot_account = SubtensorModule::subnet_account(netuid);
        let held = Balances::free_balance(&pot_account);
        let pot = SubnetTAO::<Test>::get(netuid);
        let protocol = SubnetAlphaIn::<Test>::get(netuid);
        let stakes = SubtensorModule::stakes_on_subnet(netuid);
        let mut weights: Vec<u128> = stakes.iter().map(|(_, _, a)| u128::from(*a)).collect();
        weights.push(u128::from(protocol));
        let payouts = largest_remainder_split(pot, &weights);
        let mut expected_gain = std::collections::BTreeMap::<AccountId32, u64>::new();
        for ((_, c, _), p) in stakes.iter().zip(payouts.iter()) {
            *expected_gain.entry(c.clone()).or_default() += *p;
        }
        let (before3, before4) = (free(3), free(4));
        let issuance = TotalIssuance::<Test>::get();
        let networks = TotalNetworks::<Test>::get();

        assert_ok!(SubtensorModule::dissolve_network(RuntimeOrigin::root(), account(1), netuid));

        assert_eq!(free(3) - before3, expected_gain[&account(3)]);
        assert_eq!(free(4) - before4, expected_gain[&account(4)]);
        // 30 TAO bought 20 of 100+ alpha: coldkey 3 gets back a fifth-ish of the pool.
        assert!(expected_gain[&account(3)] > 20 * TAO);
        let paid: u64 = expected_gain.values().sum();
        assert_eq!(Balances::free_balance(&pot_account), 0);
        assert_eq!(TotalIssuance::<Test>::get(), issuance - (held - paid));
        assert_eq!(TotalStake::<Test>::get(), 0);
        assert_eq!(TotalNetworks::<Test>::get(), networks - 1);
        assert!(!NetworksAdded::<Test>::get(netuid));
        assert_eq!(SubnetTAO::<Test>::get(netuid), 0);
        assert_eq!(SubnetworkN::<Test>::get(netuid), 0);
        assert_eq!(Uids::<Test>::get(netuid, account(12)), None);
        assert!(!IsNetworkMember::<Test>::get(account(12), netuid));
        assert!(!Keys::<Test>::contains_key(netuid, 0));
        assert!(!TokenSymbol::<Test>::contains_key(netuid));
        assert!(!SubnetOwner::<Test>::contains_key(netuid));
        assert_eq!(SubtensorModule::alpha_stake(&account(12), &account(3), netuid), 0);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(account(12), netuid), 0);
        // Hotkey ownership is not per subnet and stays.
        assert_eq!(Owner::<Test>::get(account(12)), account(2));
        System::assert_last_event(Event::NetworkRemoved(netuid).into());
        assert_issuance_consistent();
    });
}

#[test]
fn a_subnet_without_stakers_recycles_its_whole_pool() {
    checked(|| {
        let netuid = add_subnet(1);
        let issuance = TotalIssuance::<Test>::get();
        let held = Balances::free_balance(SubtensorModule::subnet_account(netuid));
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        assert_eq!(TotalIssuance::<Test>::get(), issuance - held);
        assert_issuance_consistent();
    });
}

#[test]
fn dissolve_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_noop!(
            SubtensorModule::dissolve_network(signed(1), account(1), netuid),
            DispatchError::BadOrigin
        );
        assert_noop!(SubtensorModule::root_dissolve_network(signed(1), netuid), DispatchError::BadOrigin);
        assert_noop!(
            SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), 0),
            Error::<Test>::CannotDissolveRootSubnet
        );
        assert_noop!(
            SubtensorModule::dissolve_network(RuntimeOrigin::root(), account(1), 9),
            Error::<Test>::SubnetNotExists
        );
        assert_issuance_consistent();
    });
}

#[test]
fn a_dissolved_netuid_is_reused_with_fresh_state() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 12);
        Tempo::<Test>::insert(netuid, 999);
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        let again = add_subnet(3);
        assert_eq!(again, netuid);
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(3));
        assert_eq!(SubnetworkN::<Test>::get(netuid), 1);
        assert_eq!(Tempo::<Test>::get(netuid), 360);
        assert_eq!(Burn::<Test>::get(netuid), TAO);
        assert_eq!(Uids::<Test>::get(netuid, account(12)), None);
        assert_issuance_consistent();
    });
}

/// Fills the mock's four subnet slots (owners 1..=4) and moves past their immunity.
fn fill_subnets(prices: [u64; 4]) {
    NetworkImmunityPeriod::<Test>::put(10);
    for (i, owner) in (1..=4u8).enumerate() {
        let netuid = add_subnet(owner);
        SubnetMovingPrice::<Test>::insert(netuid, substrate_fixed::types::I96F32::from_num(prices[i]));
        run_to_block(System::block_number() + 1);
    }
}

#[test]
fn a_full_chain_prunes_the_lowest_moving_price() {
    checked(|| {
        fill_subnets([5, 2, 7, 3]);
        run_to_block(20);
        let lock = SubtensorModule::get_network_lock_cost();
        let before = free(5);
        assert_ok!(SubtensorModule::register_network(signed(5), account(105)));
        // Subnet 2 had the lowest moving price; its netuid is reused.
        assert_eq!(SubnetOwner::<Test>::get(2), account(5));
        assert_eq!(free(5), before - lock);
        assert_eq!(TotalNetworks::<Test>::get(), 5);
        assert!(System::events().iter().any(|e| e.event == Event::NetworkRemoved(2).into()));
        System::assert_last_event(Event::NetworkAdded(2, 1).into());
        assert_issuance_consistent();
    });
}

#[test]
fn pruning_ties_go_to_the_earliest_registration() {
    checked(|| {
        fill_subnets([4, 3, 3, 9]);
        run_to_block(20);
        assert_ok!(SubtensorModule::register_network(signed(5), account(105)));
        assert_eq!(SubnetOwner::<Test>::get(2), account(5));
        assert_eq!(SubnetOwner::<Test>::get(3), account(3));
    });
}

#[test]
fn a_full_chain_of_immune_subnets_refuses_registration() {
    checked(|| {
        fill_subnets([1, 2, 3, 4]);
        NetworkImmunityPeriod::<Test>::put(1_000);
        assert_noop!(
            SubtensorModule::register_network(signed(5), account(105)),
            Error::<Test>::SubnetLimitReached
        );
    });
}

/// Every raw storage key, in order.
fn all_keys() -> std::collections::BTreeSet<Vec<u8>> {
    let mut keys = std::collections::BTreeSet::new();
    let mut cursor = Vec::new();
    while let Some(next) = sp_io::storage::next_key(&cursor) {
        keys.insert(next.clone());
        cursor = next;
    }
    keys
}

/// The storage item a raw key belongs to, as "Pallet.Item".
fn item_of(key: &[u8]) -> String {
    let metadata = SubtensorModule::storage_metadata();
    let ours = sp_io::hashing::twox_128(metadata.prefix.as_bytes());
    for entry in &metadata.entries {
        let mut prefix = ours.to_vec();
        prefix.extend_from_slice(&sp_io::hashing::twox_128(entry.name.as_bytes()));
        if key.starts_with(&prefix) {
            return format!("SubtensorModule.{}", entry.name);
        }
    }
    for pallet in ["System", "Balances", "Swap"] {
        if key.starts_with(&sp_io::hashing::twox_128(pallet.as_bytes())) {
            return format!("{pallet}.?");
        }
    }
    format!("{key:?}")
}

#[test]
fn dissolving_a_subnet_that_used_every_feature_leaves_no_key_of_it() {
    checked(|| {
        // A control subnet whose state must survive.
        let control = add_subnet(4);
        assert_ok!(SubtensorModule::start_call(signed(4), control));
        register_hotkey(control, 5, 15);
        let control_keys: Vec<Vec<u8>> = {
            let items = crate::subnet_storage::netuid_keyed_items(&SubtensorModule::storage_metadata());
            all_keys()
                .into_iter()
                .filter(|k| items.iter().any(|i| k.starts_with(&i.prefix) && crate::subnet_storage::key_is_of_subnet(i, k, control)))
                .collect()
        };
        assert!(control_keys.len() > 40, "{}", control_keys.len());
        let before = all_keys();

        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        register_hotkey(netuid, 2, 12);
        register_hotkey(netuid, 3, 13);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(12), netuid, 50 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), netuid, 20 * TAO));
        assert_ok!(SubtensorModule::serve_axon(signed(12), netuid, 1, 0x0a00_0001, 8091, 4, 0, 0, 0));
        assert_ok!(SubtensorModule::serve_axon_tls(signed(13), netuid, 1, 0x0a00_0002, 8092, 4, 0, 0, 0, vec![1; 33]));
        assert_ok!(SubtensorModule::serve_prometheus(signed(13), netuid, 1, 0x0a00_0002, 9090, 4));
        // Two mechanisms, weights and commits on both, and epochs that pay and bond.
        MechanismCountCurrent::<Test>::insert(netuid, 2);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        Tempo::<Test>::insert(netuid, 5);
        // A first epoch hands out validator permits.
        run_to_block(12);
        for mecid in 0..2u8 {
            assert_ok!(SubtensorModule::set_mechanism_weights(signed(12), netuid, mecid, vec![1, 2], vec![1, 1], 0));
        }
        CommitRevealWeightsEnabled::<Test>::insert(netuid, true);
        for mecid in 0..2u8 {
            assert_ok!(SubtensorModule::commit_mechanism_weights(signed(13), netuid, mecid, sp_core::H256::repeat_byte(7)));
        }
        run_to_block(40);
        // Items that other features fill: written directly so that each is present.
        let idx1 = crate::set_weights::storage_index(netuid, 1);
        SubnetAlphaBurned::<Test>::insert(netuid, 0);
        RootProp::<Test>::insert(netuid, substrate_fixed::types::U96F32::from_num(1));
        MinerBurned::<Test>::insert(netuid, substrate_fixed::types::U96F32::from_num(1));
        SubnetExcessTao::<Test>::insert(netuid, 1);
        RootClaimableThreshold::<Test>::insert(netuid, substrate_fixed::types::I96F32::from_num(1));
        RootClaimed::<Test>::insert((netuid, account(12), account(2)), 1u128);
        RootClaimable::<Test>::mutate(account(2), |m| {
            m.insert(netuid, substrate_fixed::types::I96F32::from_num(1));
            m.insert(control, substrate_fixed::types::I96F32::from_num(2));
        });
        AlphaDividendsPerSubnet::<Test>::insert(netuid, account(12), 1);
        PendingChildKeys::<Test>::insert(netuid, account(12), (vec![(1u64, account(13))], 1u64));
        ChildKeys::<Test>::insert(account(12), netuid, vec![(1u64, account(13))]);
        ChildkeyTake::<Test>::insert(account(12), netuid, 1);
        Bonds::<Test>::insert(idx1, 0, vec![(1u16, 1u16)]);
        for item in ["SubnetTaoInEmission", "SubnetAlphaInEmission", "SubnetAlphaOutEmission", "LastMechansimStepBlock", "Incentive", "LastUpdate"] {
            assert!(
                all_keys().iter().any(|k| item_of(k) == format!("SubtensorModule.{item}")),
                "the scenario never wrote {item}"
            );
        }
        assert!(Weights::<Test>::contains_key(idx1, 1) && WeightCommits::<Test>::contains_key(idx1, account(13)));
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));

        // Every key added since before the subnet existed, and still here, belongs to an item
        // that is not per-subnet: accounts, hotkey ownership, stake bookkeeping of coldkeys.
        let allowed = [
            "System.?",
            "Balances.?",
            "SubtensorModule.Owner",
            "SubtensorModule.OwnedHotkeys",
            "SubtensorModule.StakingHotkeys",
            "SubtensorModule.StakingColdkeys",
            "SubtensorModule.StakingColdkeysByIndex",
            "SubtensorModule.LastColdkeyHotkeyStakeBlock",
            "SubtensorModule.RootClaimable",
            "SubtensorModule.Delegates",
        ];
        // A key mentions the subnet if the bytes of its netuid or of one of its mechanisms'
        // storage indices appear anywhere after the item's prefix (independent of how the
        // dissolve code finds keys).
        let mentions = |key: &[u8]| {
            let tail = key.get(32..).unwrap_or(&[]);
            (0..16u16).any(|m| {
                let bytes = (netuid + m * 4096).to_le_bytes();
                tail.windows(2).any(|w| w == bytes)
            })
        };
        let left: Vec<String> = all_keys()
            .difference(&before)
            .filter(|k| mentions(k))
            .map(|k| item_of(k))
            .filter(|item| !allowed.contains(&item.as_str()))
            .collect();
        assert!(left.is_empty(), "left after dissolution: {left:?}");
        assert!(!RootClaimable::<Test>::get(account(2)).contains_key(&netuid));
        // The control subnet kept every key.
        let now = all_keys();
        let lost: Vec<String> = control_keys
            .iter()
            .filter(|k| !now.contains(*k))
            .map(|k| item_of(k))
            // Cleared every block.
            .filter(|item| item != "SubtensorModule.RegistrationsThisBlock")
            .collect();
        assert!(lost.is_empty(), "the control subnet lost {lost:?}");
        assert_eq!(RootClaimable::<Test>::get(account(2)).get(&control).copied(), Some(substrate_fixed::types::I96F32::from_num(2)));

        // The netuid, reused, starts from nothing.
        let again = add_subnet(3);
        assert_eq!(again, netuid);
        assert_eq!(SubnetAlphaBurned::<Test>::get(netuid), 0);
        assert_eq!(SubnetExcessTao::<Test>::get(netuid), 0);
        assert_eq!(LastMechansimStepBlock::<Test>::get(netuid), 0);
        assert!(!Weights::<Test>::contains_key(idx1, 1));
    });
}

#[test]
fn the_derived_layouts_find_the_netuid_in_every_key_shape() {
    new_test_ext().execute_with(|| {
        let items = crate::subnet_storage::netuid_keyed_items(&SubtensorModule::storage_metadata());
        let offset = |name: &str| items.iter().find(|i| i.name == name).map(|i| i.offset);
        assert_eq!(offset("Tempo"), Some(0));
        assert_eq!(offset("Weights"), Some(0));
        assert_eq!(offset("RevealPeriodEpochs"), Some(8));
        assert_eq!(offset("WeightCommits"), Some(8));
        assert_eq!(offset("IsNetworkMember"), Some(16 + 32));
        assert_eq!(offset("Alpha"), Some(16 + 32 + 16 + 32));
        assert_eq!(offset("Lock"), Some(16 + 32));
        assert_eq!(offset("RootClaimed"), Some(0));
        // Not keyed by a netuid.
        for name in ["Owner", "StakingColdkeysByIndex", "RootClaimable", "TotalIssuance", "Delegates"] {
            assert_eq!(offset(name), None, "{name}");
        }
    });
}
