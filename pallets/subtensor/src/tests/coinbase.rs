//! The block step on the mock (`economics.md` §2, §8 TV5–TV7).

use super::*;
use substrate_fixed::types::I96F32;

fn started(owner: u8) -> u16 {
    let netuid = started_subnet(owner);
    SubnetEmissionEnabled::<Test>::insert(netuid, true);
    netuid
}

/// TV5 `test_coinbase_tao_issuance_different_prices`: moving prices 0.1 and 0.2 split a
/// block's TAO one third to two thirds; issuance and TotalStake grow by the whole emission.
#[test]
fn tv5_tao_follows_moving_prices() {
    checked(|| {
        let a = started(1);
        let b = started(2);
        SubnetMovingPrice::<Test>::insert(a, I96F32::from_num(0.1));
        SubnetMovingPrice::<Test>::insert(b, I96F32::from_num(0.2));
        // Root proportion ≈ 1, so no cap binds: lots of root TAO at TaoWeight 1.
        TaoWeight::<Test>::put(u64::MAX);
        SubnetTAO::<Test>::insert(0, 1_000_000_000_000_000_000);
        let (ta, tb) = (SubnetTAO::<Test>::get(a), SubnetTAO::<Test>::get(b));
        let (issuance, stake) = (TotalIssuance::<Test>::get(), TotalStake::<Test>::get());
        let emission = SubtensorModule::block_emission();
        SubtensorModule::run_coinbase(&[a, b]);
        let (da, db) = (SubnetTAO::<Test>::get(a) - ta, SubnetTAO::<Test>::get(b) - tb);
        assert!(da.abs_diff(emission / 3) <= 10, "{da}");
        assert!(db.abs_diff(2 * emission / 3) <= 10, "{db}");
        assert!((TotalIssuance::<Test>::get() - issuance).abs_diff(emission) <= 2);
        assert_eq!(TotalStake::<Test>::get() - stake, da + db);
        SubnetTAO::<Test>::insert(0, 0);
        assert_issuance_consistent();
    });
}

/// TV6 `test_owner_cut_base` and the bucket split of one block's alpha.
#[test]
fn tv6_alpha_out_fills_the_pending_buckets() {
    checked(|| {
        let netuid = started(1);
        SubnetOwnerCut::<Test>::put(0);
        SubtensorModule::run_coinbase(&[netuid]);
        assert_eq!(PendingOwnerCut::<Test>::get(netuid), 0);
        SubnetOwnerCut::<Test>::put(u16::MAX);
        let before = PendingOwnerCut::<Test>::get(netuid);
        SubtensorModule::run_coinbase(&[netuid]);
        assert_eq!(PendingOwnerCut::<Test>::get(netuid) - before, 1_000_000_000);
        // Default cut: 18 % to the owner, half the rest to miners; root's share (TaoWeight ×
        // root TAO) is recycled while the moving prices sum to at most 1.
        SubnetOwnerCut::<Test>::put(11_796);
        let out = SubnetAlphaOut::<Test>::get(netuid);
        let (o, s, v) = (
            PendingOwnerCut::<Test>::get(netuid),
            PendingServerEmission::<Test>::get(netuid),
            PendingValidatorEmission::<Test>::get(netuid),
        );
        SubtensorModule::run_coinbase(&[netuid]);
        let owner = PendingOwnerCut::<Test>::get(netuid) - o;
        let server = PendingServerEmission::<Test>::get(netuid) - s;
        let validator = PendingValidatorEmission::<Test>::get(netuid) - v;
        assert_eq!(owner, 179_995_422);
        // TV6's worked example: server 410 002 288.87 of the unfloored remainder.
        assert_eq!(server, 410_002_288);
        assert_eq!(PendingRootAlphaDivs::<Test>::get(netuid), 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid) - out, owner + server + validator);
        assert_issuance_consistent();
    });
}

#[test]
fn root_share_goes_to_root_stakers_when_prices_sum_above_one() {
    checked(|| {
        let netuid = started(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), 0, 1_000 * TAO));
        SubnetMovingPrice::<Test>::insert(netuid, I96F32::from_num(2));
        SubtensorModule::run_coinbase(&[netuid]);
        assert!(PendingRootAlphaDivs::<Test>::get(netuid) > 0);
        assert_issuance_consistent();
    });
}

/// New subnets earn no TAO until root enables their emission; ineligible subnets get nothing.
#[test]
fn disabled_and_unstarted_subnets_get_no_tao() {
    checked(|| {
        let netuid = add_subnet(1);
        assert!(SubtensorModule::subnets_to_emit_to().is_empty());
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        run_to_block(3);
        assert_eq!(SubtensorModule::subnets_to_emit_to(), vec![netuid]);
        let tao = SubnetTAO::<Test>::get(netuid);
        run_to_block(5);
        assert_eq!(SubnetTAO::<Test>::get(netuid), tao);
        // It still receives alpha.
        assert!(PendingServerEmission::<Test>::get(netuid) > 0);
    });
}

/// TV7 `test_coinbase_moving_prices`: spot 1, moving alpha 0.1, 201 600 blocks after the
/// first emission (so α ≈ 0.05): after 14 updates the EMA is 1 − 0.95^14 ± 0.001.
#[test]
fn tv7_the_moving_price_follows_the_spot_price() {
    checked(|| {
        let netuid = started(1);
        SubnetMovingAlpha::<Test>::put(I96F32::from_num(0.1));
        FirstEmissionBlockNumber::<Test>::insert(netuid, 1);
        System::set_block_number(201_600);
        for _ in 0..14 {
            let now = System::block_number() + 1;
            System::set_block_number(now);
            SubtensorModule::block_step(now);
        }
        let ema: f64 = SubnetMovingPrice::<Test>::get(netuid).to_num();
        assert!((ema - 0.512325).abs() < 0.001, "{ema}");
        assert_issuance_consistent();
    });
}
