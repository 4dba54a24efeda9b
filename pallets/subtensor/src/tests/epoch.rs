//! The epoch through extrinsics and blocks: `yuma.md` §6 V8 reproduced on the mock (weights
//! set by `set_weights`, epochs run by the block step), scheduling (§2.1) and payouts.

use super::*;
use substrate_fixed::types::I96F32;

/// V8's subnet: eight uids (hotkeys 11..=18, all of coldkey 1, which owns the subnet),
/// registered at block 1; validators 0–3 hold root stake 1, 2, 3, 4 TAO counted at
/// TaoWeight 1. Root's share of the alpha emission goes to root stakers (moving price above
/// 1), validators keep no take, and miners' incentive is withheld (their coldkey owns the
/// subnet), so payouts never change the stakes the epoch reads: each epoch distributes
/// exactly 10^9 alpha over the same stakes, as upstream's bare-epoch vector assumes.
fn v8_subnet() -> u16 {
    bare_epoch_subnet(8, &[1, 2, 3, 4])
}

/// A subnet of `n` uids (hotkeys 101, 12, 13, ... of the owner's coldkey 1) whose first
/// validators hold the given root stakes (TAO) and whose epochs run every block with
/// payouts that leave the stakes alone (see `v8_subnet`).
fn bare_epoch_subnet(n: u8, validator_tao: &[u64]) -> u16 {
    let netuid = add_subnet(1);
    assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    // The owner hotkey 101 is uid 0; rename it out of the way so no uid is the owner's.
    for hot in 12..(11 + n) {
        register_hotkey(netuid, 1, hot);
    }
    SubnetOwnerHotkey::<Test>::insert(netuid, account(200));
    Tempo::<Test>::insert(netuid, 1);
    Yuma3On::<Test>::insert(netuid, false);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    WeightsSetRateLimit::<Test>::insert(netuid, 0);
    MaxAllowedValidators::<Test>::insert(netuid, 8);
    SubnetOwnerCut::<Test>::put(0);
    TaoWeight::<Test>::put(u64::MAX);
    SubnetMovingPrice::<Test>::insert(netuid, I96F32::from_num(5));
    // Claimed root dividends would become root stake; leave them unclaimed.
    NumRootClaim::<Test>::put(0);
    for (uid, tao) in validator_tao.iter().enumerate() {
        let hot = account(hotkey_of(uid as u16));
        assert_ok!(SubtensorModule::add_stake(signed(1), hot.clone(), 0, tao * TAO));
        assert_ok!(SubtensorModule::decrease_take(signed(1), hot, 0));
    }
    assert_eq!(SubnetworkN::<Test>::get(netuid), u16::from(n));
    netuid
}

fn hotkey_of(uid: u16) -> u8 {
    if uid == 0 {
        101
    } else {
        11 + uid as u8
    }
}

fn set(netuid: u16, uid: u16, dests: Vec<u16>, weights: Vec<u16>) {
    assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(account(hotkey_of(uid))), netuid, dests, weights, 0));
}

fn bond_column(netuid: u16, column: u16) -> Vec<u16> {
    (0..4u16)
        .map(|i| Bonds::<Test>::get(netuid, i).iter().find(|(j, _)| *j == column).map(|(_, b)| *b).unwrap_or(0))
        .collect()
}

/// `yuma.md` §6 V8: classic bonds over seven epochs, exact.
#[test]
fn v8_classic_bonds_through_extrinsics_and_blocks() {
    checked(|| {
        let netuid = v8_subnet();
        // The first epoch gives validators 0–3 their permits.
        run_to_block(2);
        assert_eq!(ValidatorPermit::<Test>::get(netuid), vec![true, true, true, true, false, false, false, false]);

        for uid in 0..4 {
            set(netuid, uid, vec![4, 5, 6, 7], vec![16383, 32767, 49149, 65535]);
        }
        run_to_block(3);
        assert_eq!(
            Emission::<Test>::get(netuid),
            vec![49_999_998, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337, 200_004_272]
        );
        assert_eq!(bond_column(netuid, 4), vec![16383, 32767, 49151, 65535]);

        set(netuid, 0, vec![0], vec![65535]);
        run_to_block(4);
        assert_eq!(bond_column(netuid, 4), vec![14582, 32767, 49151, 65535]);

        set(netuid, 1, vec![1], vec![65535]);
        run_to_block(5);
        assert_eq!(bond_column(netuid, 4), vec![12603, 28321, 49151, 65535]);

        set(netuid, 2, vec![2], vec![65535]);
        run_to_block(6);
        assert_eq!(bond_column(netuid, 7), vec![12602, 28320, 49150, 65535]);
        assert_eq!(Emission::<Test>::get(netuid), vec![99_999_999, 199_999_999, 299_999_999, 399_999_999, 0, 0, 0, 0]);

        set(netuid, 2, vec![7], vec![65535]);
        run_to_block(7);
        assert_eq!(bond_column(netuid, 7), vec![10951, 24609, 49150, 65535]);
        assert_eq!(
            Emission::<Test>::get(netuid),
            vec![36_443_733, 81_898_628, 163_565_493, 218_092_144, 0, 0, 0, 500_000_000]
        );
        run_to_block(8);
        assert_eq!(bond_column(netuid, 7), vec![9559, 21482, 49150, 65535]);
        run_to_block(9);
        assert_eq!(bond_column(netuid, 7), vec![8376, 18824, 49150, 65535]);
        assert_eq!(SubnetEpochIndex::<Test>::get(netuid), 8);
    });
}

/// `yuma.md` §6 V9: Yuma3 with liquid alpha; validators' dividends over six epochs as
/// weights move from server 3 to server 4 (tolerance 10^-3 of u16::MAX).
#[test]
fn v9_yuma3_liquid_alpha_dividends_through_extrinsics_and_blocks() {
    checked(|| {
        let netuid = bare_epoch_subnet(5, &[8, 1, 1]);
        Yuma3On::<Test>::insert(netuid, true);
        LiquidAlphaOn::<Test>::insert(netuid, true);
        AlphaValues::<Test>::insert(netuid, (6_553, 19_660));
        BondsPenalty::<Test>::insert(netuid, 0);
        BondsMovingAverage::<Test>::insert(netuid, 975_000);
        MaxAllowedValidators::<Test>::insert(netuid, 3);
        run_to_block(2);
        let max = u16::MAX;
        let to_3 = (vec![3u16, 4], vec![max, 0]);
        let to_4 = (vec![3u16, 4], vec![0, max]);
        let plan: [([&(Vec<u16>, Vec<u16>); 3], [f64; 3]); 6] = [
            ([&to_3, &to_3, &to_3], [0.8000, 0.1000, 0.1000]),
            ([&to_4, &to_3, &to_3], [1.0000, 0.0, 0.0]),
            ([&to_4, &to_4, &to_3], [0.9382, 0.0618, 0.0]),
            ([&to_4, &to_4, &to_4], [0.8819, 0.0773, 0.0407]),
            ([&to_4, &to_4, &to_4], [0.8564, 0.0844, 0.0592]),
            ([&to_4, &to_4, &to_4], [0.8418, 0.0884, 0.0697]),
        ];
        for (epoch, (weights, expected)) in plan.iter().enumerate() {
            for (uid, (dests, values)) in weights.iter().enumerate() {
                set(netuid, uid as u16, dests.clone(), values.clone());
            }
            run_to_block(System::block_number() + 1);
            let dividends = Dividends::<Test>::get(netuid);
            for (uid, want) in expected.iter().enumerate() {
                let got = f64::from(dividends[uid]) / 65535.0;
                assert!((got - want).abs() <= 1e-3, "epoch {epoch} uid {uid}: {got} vs {want}");
            }
            assert_eq!(&dividends[3..], &[0, 0]);
        }
    });
}

#[test]
fn epochs_run_every_tempo_and_at_most_two_per_block() {
    checked(|| {
        let a = add_subnet(1);
        let b = add_subnet(2);
        let c = add_subnet(3);
        for netuid in [a, b, c] {
            Tempo::<Test>::insert(netuid, 10);
            LastEpochBlock::<Test>::insert(netuid, 1);
        }
        run_to_block(10);
        assert_eq!(SubnetEpochIndex::<Test>::get(a), 0);
        run_to_block(11);
        // Three are due; two run, the third is deferred a block.
        assert_eq!((SubnetEpochIndex::<Test>::get(a), SubnetEpochIndex::<Test>::get(b)), (1, 1));
        assert_eq!(SubnetEpochIndex::<Test>::get(c), 0);
        assert_eq!(PendingEpochAt::<Test>::get(c), 12);
        assert!(System::events().iter().any(|e| e.event == Event::EpochDeferred(c, 12).into()));
        run_to_block(12);
        assert_eq!(SubnetEpochIndex::<Test>::get(c), 1);
        assert_eq!(PendingEpochAt::<Test>::get(c), 0);
        assert_eq!(LastEpochBlock::<Test>::get(c), 12);
        assert_eq!(BlocksSinceLastStep::<Test>::get(c), 0);
        run_to_block(21);
        assert_eq!(SubnetEpochIndex::<Test>::get(a), 2);
    });
}

#[test]
fn a_triggered_epoch_runs_when_due() {
    checked(|| {
        let netuid = add_subnet(1);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        LastEpochBlock::<Test>::insert(netuid, 1);
        assert_ok!(SubtensorModule::trigger_epoch(signed(1), netuid));
        run_to_block(10);
        assert_eq!(SubnetEpochIndex::<Test>::get(netuid), 0);
        run_to_block(11);
        assert_eq!(SubnetEpochIndex::<Test>::get(netuid), 1);
        assert_eq!(PendingEpochAt::<Test>::get(netuid), 0);
    });
}

/// A started subnet with a validator (hotkey 12 of coldkey 2, uid 1, 50 TAO of its own
/// stake) and a miner (hotkey 13 of coldkey 3, uid 2), epochs every 5 blocks from block 1.
fn validator_and_miner_subnet() -> u16 {
    let netuid = started_subnet(1);
    register_hotkey(netuid, 2, 12);
    register_hotkey(netuid, 3, 13);
    Tempo::<Test>::insert(netuid, 5);
    LastEpochBlock::<Test>::insert(netuid, 1);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    WeightsSetRateLimit::<Test>::insert(netuid, 0);
    TaoWeight::<Test>::put(0);
    assert_ok!(SubtensorModule::add_stake(signed(2), account(12), netuid, 50 * TAO));
    netuid
}

/// A validator with a nominator and a miner: the miner's incentive is staked to it, the
/// validator's dividend goes through its take, and the nominator gains pro rata.
#[test]
fn an_epoch_pays_miners_validators_nominators_and_the_owner() {
    checked(|| {
        let netuid = validator_and_miner_subnet();
        assert_ok!(SubtensorModule::add_stake(signed(4), account(12), netuid, 50 * TAO));
        run_to_block(6); // permits
        assert!(ValidatorPermit::<Test>::get(netuid)[1]);
        assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(account(12)), netuid, vec![2], vec![65535], 0));
        let (v_before, n_before) = (stake(12, 2, netuid), stake(12, 4, netuid));
        let owner_before = stake(101, 1, netuid);
        let pending_owner = PendingOwnerCut::<Test>::get(netuid);
        run_to_block(11);
        let miner = stake(13, 3, netuid);
        assert!(miner > 0, "the miner's incentive is staked to it");
        assert_eq!(Incentive::<Test>::get(netuid)[2], 65535);
        assert!(Dividends::<Test>::get(netuid)[1] > 0);
        let (v_gain, n_gain) = (stake(12, 2, netuid) - v_before, stake(12, 4, netuid) - n_before);
        // The validator's owner keeps 18 % first, then shares the rest with the nominator.
        assert!(v_gain > n_gain && n_gain > 0, "{v_gain} {n_gain}");
        assert!(stake(101, 1, netuid) >= owner_before + pending_owner);
        assert!(AlphaDividendsPerSubnet::<Test>::get(netuid, account(12)) > 0);
        assert_issuance_consistent();
    });
}

fn stake(hot: u8, cold: u8, netuid: u16) -> u64 {
    SubtensorModule::alpha_stake(&account(hot), &account(cold), netuid)
}

/// `staking-2.md` §4.2: a miner's incentive goes to its coldkey's auto-stake destination.
#[test]
fn auto_stake_redirects_a_miners_incentive() {
    checked(|| {
        let netuid = validator_and_miner_subnet();
        register_hotkey(netuid, 5, 15); // the miner's chosen destination (another coldkey's), uid 3
        assert_ok!(SubtensorModule::set_coldkey_auto_stake_hotkey(signed(3), netuid, account(15)));
        run_to_block(6);
        assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(account(12)), netuid, vec![2], vec![65535], 0));
        run_to_block(11);
        let incentive = stake(15, 3, netuid);
        assert!(incentive > 0, "the incentive is staked to (destination, miner's coldkey)");
        assert_eq!(stake(13, 3, netuid), 0);
        System::assert_has_event(
            Event::AutoStakeAdded {
                netuid,
                destination: account(15),
                hotkey: account(13),
                owner: account(3),
                incentive,
            }
            .into(),
        );
        assert_issuance_consistent();
    });
}
