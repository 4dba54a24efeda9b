//! Root dividends and root claims over several epochs with root selling on
//! (`economics.md` §2.5–§2.7): the expected numbers are computed here from the spec's
//! formulas and the state the chain exposes.

use super::*;
use sp_core::H256;
use substrate_fixed::types::{I96F32, U96F32};

const VALIDATOR: u8 = 22;
const SWAPPER: u8 = 3;
const KEEPER: u8 = 4;
const TEMPO: u64 = 10;

fn hot() -> AccountId32 {
    account(VALIDATOR)
}

/// A started subnet (TAO emission off, so the pool keeps its 0.5 weights and only claims
/// trade on it) with the owner hotkey 101 at uid 0, validator 22 (coldkey 2) at uid 1 and
/// miner 66 (coldkey 6) at uid 2. Coldkeys 3 (`Swap`) and 4 (`Keep`) hold 1 000 TAO of root
/// stake each on the validator. Root selling is forced on the way §2.5 decides it: the
/// moving prices of the emitting subnets sum to more than 1 (raw storage; the EMA moves
/// towards 1 by a few millionths per block, so it stays on).
fn root_claim_subnet() -> u16 {
    let netuid = add_subnet(1);
    assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    register_hotkey(netuid, 2, VALIDATOR);
    register_hotkey(netuid, 6, 66);
    Tempo::<Test>::insert(netuid, TEMPO as u16);
    LastEpochBlock::<Test>::insert(netuid, 1);
    CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
    WeightsSetRateLimit::<Test>::insert(netuid, 0);
    assert_ok!(SubtensorModule::add_stake(signed(2), hot(), netuid, 100 * TAO));
    assert_ok!(SubtensorModule::add_stake(signed(SWAPPER), hot(), 0, 1_000 * TAO));
    assert_ok!(SubtensorModule::add_stake(signed(KEEPER), hot(), 0, 1_000 * TAO));
    assert_ok!(SubtensorModule::set_root_claim_type(signed(KEEPER), RootClaimTypeEnum::Keep));
    assert_eq!(StakingColdkeysByIndex::<Test>::get(0), Some(account(SWAPPER)));
    assert_eq!(StakingColdkeysByIndex::<Test>::get(1), Some(account(KEEPER)));
    assert_eq!(NumStakingColdkeys::<Test>::get(), 2);
    SubnetMovingPrice::<Test>::insert(netuid, I96F32::from_num(2));
    assert!(!SubnetEmissionEnabled::<Test>::get(netuid));
    netuid
}

fn rate(netuid: u16) -> I96F32 {
    RootClaimable::<Test>::get(hot()).get(&netuid).copied().unwrap_or(I96F32::from_num(0))
}

fn root_stake(cold: u8) -> u64 {
    SubtensorModule::alpha_stake(&hot(), &account(cold), 0)
}

fn claimed(netuid: u16, cold: u8) -> u128 {
    RootClaimed::<Test>::get((netuid, hot(), account(cold)))
}

/// §2.7: `owed = RootClaimable[h][i]·rootstake(h,c) − RootClaimed[(i,h,c)]`, floored.
fn expected_owed(netuid: u16, cold: u8) -> u64 {
    let earned = rate(netuid).saturating_mul(I96F32::from_num(root_stake(cold)));
    (earned.to_num::<u128>() - claimed(netuid, cold)) as u64
}

/// §3.3 sell with the weights at 0.5 (exponent 1) and no fee:
/// `Δy = floor(y·(1 − floor(10^18·x/(x+Δ))/10^18))`.
fn expected_sell(netuid: u16, alpha: u64) -> u64 {
    let (y, x) = (SubnetTAO::<Test>::get(netuid) as u128, SubnetAlphaIn::<Test>::get(netuid) as u128);
    let scale = 1_000_000_000_000_000_000u128;
    let remaining = scale * x / (x + alpha as u128);
    (y * (scale - remaining) / scale) as u64
}

/// The validator's take of `amount` and the rest, each floored from U96F32 values as
/// upstream computes them (`staking-2.md` §1.9).
fn take_and_rest(amount: u64) -> (u64, u64) {
    let fraction = U96F32::from_num(Delegates::<Test>::get(hot())) / U96F32::from_num(u16::MAX);
    let take = fraction * U96F32::from_num(amount);
    (take.to_num::<u64>(), (U96F32::from_num(amount) - take).to_num::<u64>())
}

/// The root bucket of the epoch that ran in this block (from its `EpochRan` event).
fn epoch_root(netuid: u16) -> u64 {
    let ran: Vec<u64> = System::events()
        .into_iter()
        .filter_map(|r| match r.event {
            RuntimeEvent::SubtensorModule(Event::EpochRan { netuid: n, root, .. }) if n == netuid => Some(root),
            _ => None,
        })
        .collect();
    assert_eq!(ran.len(), 1, "one epoch of subnet {netuid} in block {}", System::block_number());
    ran[0]
}

/// The alpha the `RootClaimed` events of this block report for `cold` on `netuid`.
fn claim_events(netuid: u16, cold: u8) -> Vec<u64> {
    System::events()
        .into_iter()
        .filter_map(|r| match r.event {
            RuntimeEvent::SubtensorModule(Event::RootClaimed(c, h, n, alpha))
                if c == account(cold) && h == hot() && n == netuid =>
            {
                Some(alpha)
            },
            _ => None,
        })
        .collect()
}

/// §2.5 steps 2–3 for one block: `root_alpha = rp·(A − owner cut)·0.5` with
/// `rp = TW·SubnetTAO[0]/(TW·SubnetTAO[0] + alpha issuance)`.
fn expected_block_root_alpha(netuid: u16) -> u64 {
    let tw = U96F32::from_num(TaoWeight::<Test>::get()) / U96F32::from_num(u64::MAX);
    let weighted = tw * U96F32::from_num(SubnetTAO::<Test>::get(0));
    let issuance = SubnetAlphaIn::<Test>::get(netuid) + SubnetAlphaOut::<Test>::get(netuid);
    let rp = weighted / (weighted + U96F32::from_num(issuance));
    let alpha_out = U96F32::from_num(SubtensorModule::alpha_block_emission(netuid));
    let owner = alpha_out * (U96F32::from_num(SubnetOwnerCut::<Test>::get()) / U96F32::from_num(u16::MAX));
    (rp * (alpha_out - owner) * U96F32::from_num(0.5)).to_num::<u64>()
}

/// Runs the next block with the given parent hash (the automatic claims read it).
fn next_block(parent: H256) {
    System::set_parent_hash(parent);
    run_to_block(System::block_number() + 1);
}

/// Runs up to and including the next epoch block of `netuid`, checking each block's root
/// alpha accrual (§2.5 step 6: with root selling on it goes to `PendingRootAlphaDivs`),
/// and checks the epoch's root dividend accrual (§2.6 step 5): the validator is the only
/// hotkey with root stake, so it gets the whole root bucket; its take (18 %) is staked to
/// its owner, and the rest raises `RootClaimable` by `rest / root stake` and is recorded.
/// Returns the rest.
fn run_epoch_checking_accrual(netuid: u16, parent: H256) -> u64 {
    loop {
        let pending = PendingRootAlphaDivs::<Test>::get(netuid);
        let block_root = expected_block_root_alpha(netuid);
        assert!(block_root > 0);
        let (rate_before, claimable_before) = (rate(netuid), RootClaimableAlpha::<Test>::get(netuid));
        let total_root = TotalHotkeyAlpha::<Test>::get(hot(), 0);
        System::reset_events();
        next_block(parent);
        if System::block_number() - LastEpochBlock::<Test>::get(netuid) != 0 {
            assert_eq!(PendingRootAlphaDivs::<Test>::get(netuid), pending + block_root);
            continue;
        }
        let root = epoch_root(netuid);
        assert_eq!(root, pending + block_root, "the epoch drains the root bucket");
        assert_eq!(PendingRootAlphaDivs::<Test>::get(netuid), 0);
        let (_, rest) = take_and_rest(root);
        assert_eq!(rate(netuid), rate_before + I96F32::from_num(rest) / I96F32::from_num(total_root));
        assert_eq!(RootAlphaDividendsPerSubnet::<Test>::get(netuid, hot()), rest);
        // What the automatic claims of this block took out is in their events.
        let auto: u64 = [SWAPPER, KEEPER].iter().flat_map(|c| claim_events(netuid, *c)).sum();
        assert_eq!(RootClaimableAlpha::<Test>::get(netuid), claimable_before + rest - auto);
        return rest;
    }
}

/// `claim_root` after each of several epochs: `Swap` sells the owed alpha without fee and
/// stakes the TAO on root, `Keep` stakes the owed alpha on the subnet; then the automatic
/// claims of §2.7 pick root stakers from the parent block hash and pay them the same way.
#[test]
fn root_claims_grow_root_stake_and_alpha_epoch_after_epoch() {
    checked(|| {
        let netuid = root_claim_subnet();
        NumRootClaim::<Test>::put(0);
        // The first epoch (block 11) gives permits; then the validator weights the miner.
        run_epoch_checking_accrual(netuid, H256::zero());
        assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(hot()), netuid, vec![2], vec![65535], 0));
        let mut root_sold = 0u64;
        for _ in 0..5 {
            let rest = run_epoch_checking_accrual(netuid, H256::zero());
            assert!(rest > 0);

            // Swap: the owed alpha is sold into the pool and the TAO staked on root.
            let owed = expected_owed(netuid, SWAPPER);
            assert!(owed >= 500_000, "above the claim threshold: {owed}");
            assert_eq!(SubtensorModule::root_owed(&hot(), &account(SWAPPER), netuid), u128::from(owed));
            let tao = expected_sell(netuid, owed);
            assert!(tao > 0);
            let (stake, root_tao, pool_tao, pool_alpha) = (
                root_stake(SWAPPER),
                SubnetTAO::<Test>::get(0),
                SubnetTAO::<Test>::get(netuid),
                SubnetAlphaIn::<Test>::get(netuid),
            );
            let (out, out_root, volume) =
                (SubnetAlphaOut::<Test>::get(netuid), SubnetAlphaOut::<Test>::get(0), SubnetVolume::<Test>::get(netuid));
            let (claimed_before, keeper_alpha) = (claimed(netuid, SWAPPER), SubtensorModule::alpha_stake(&hot(), &account(SWAPPER), netuid));
            let claimable = RootClaimableAlpha::<Test>::get(netuid);
            assert_ok!(SubtensorModule::claim_root(signed(SWAPPER), [netuid].into_iter().collect()));
            assert_eq!(root_stake(SWAPPER), stake + tao);
            assert_eq!(SubnetTAO::<Test>::get(0), root_tao + tao);
            assert_eq!(SubnetAlphaOut::<Test>::get(0), out_root + tao);
            assert_eq!(SubnetTAO::<Test>::get(netuid), pool_tao - tao);
            assert_eq!(SubnetAlphaIn::<Test>::get(netuid), pool_alpha + owed);
            assert_eq!(SubnetAlphaOut::<Test>::get(netuid), out - owed);
            assert_eq!(SubnetVolume::<Test>::get(netuid), volume + u128::from(tao));
            root_sold += tao;
            assert_eq!(SubnetRootSellTao::<Test>::get(netuid), root_sold);
            assert_eq!(RootClaimableAlpha::<Test>::get(netuid), claimable - owed);
            assert_eq!(SubtensorModule::alpha_stake(&hot(), &account(SWAPPER), netuid), keeper_alpha);
            // RootClaimed grows by the claim and by rate × the new root stake (§2.7).
            let on_new_stake = rate(netuid).saturating_mul(I96F32::from_num(tao)).to_num::<u128>();
            assert_eq!(claimed(netuid, SWAPPER), claimed_before + u128::from(owed) + on_new_stake);
            assert!(SubtensorModule::root_owed(&hot(), &account(SWAPPER), netuid) <= 1);
            assert_eq!(claim_events(netuid, SWAPPER), vec![owed]);

            // Keep: the owed alpha becomes the coldkey's stake on the subnet.
            let owed = expected_owed(netuid, KEEPER);
            assert!(owed >= 500_000);
            let (stake, total, root) = (
                SubtensorModule::alpha_stake(&hot(), &account(KEEPER), netuid),
                TotalHotkeyAlpha::<Test>::get(hot(), netuid),
                root_stake(KEEPER),
            );
            let (pool_tao, out, claimed_before) = (SubnetTAO::<Test>::get(netuid), SubnetAlphaOut::<Test>::get(netuid), claimed(netuid, KEEPER));
            let claimable = RootClaimableAlpha::<Test>::get(netuid);
            assert_ok!(SubtensorModule::claim_root(signed(KEEPER), [netuid].into_iter().collect()));
            assert_eq!(TotalHotkeyAlpha::<Test>::get(hot(), netuid), total + owed);
            let gained = SubtensorModule::alpha_stake(&hot(), &account(KEEPER), netuid) - stake;
            assert!(gained == owed || gained + 1 == owed, "share rounding only: {gained} of {owed}");
            assert_eq!(root_stake(KEEPER), root);
            assert_eq!(SubnetTAO::<Test>::get(netuid), pool_tao);
            assert_eq!(SubnetAlphaOut::<Test>::get(netuid), out);
            assert_eq!(RootClaimableAlpha::<Test>::get(netuid), claimable - owed);
            assert_eq!(claimed(netuid, KEEPER), claimed_before + u128::from(owed));
            assert_eq!(SubtensorModule::root_owed(&hot(), &account(KEEPER), netuid), 0);
            assert_issuance_consistent();
        }

        // Automatic claims (§2.7): NumRootClaim coldkeys from the parent block hash. With a
        // zero hash every step lands on index 0 (the Swap coldkey) only.
        NumRootClaim::<Test>::put(5);
        assert_eq!(SubtensorModule::root_claim_indices(H256::zero().as_ref(), 5, 2), vec![0]);
        let mut one = [0u8; 32];
        one[15] = 1; // the second 8-byte word is 1: the walk visits 0 then 1.
        let one = H256::from(one);
        assert_eq!(SubtensorModule::root_claim_indices(one.as_ref(), 5, 2), vec![0, 1]);
        let mut keeper_owed_total = 0u64;
        for (epoch, parent) in [H256::zero(), H256::zero(), one].into_iter().enumerate() {
            // Run to the block before the epoch (zero hashes: only index 0, already claimed,
            // is picked), then the epoch block with `parent`, so that the expected claims
            // follow from the state after the epoch's payout.
            while System::block_number() + 1 - LastEpochBlock::<Test>::get(netuid) < TEMPO {
                next_block(H256::zero());
            }
            let (swapper_stake, swapper_claimed, keeper_claimed) =
                (root_stake(SWAPPER), claimed(netuid, SWAPPER), claimed(netuid, KEEPER));
            let keeper_alpha = SubtensorModule::alpha_stake(&hot(), &account(KEEPER), netuid);
            let (pool_tao, pool_alpha, root_tao) =
                (SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid), SubnetTAO::<Test>::get(0));
            run_epoch_checking_accrual(netuid, parent);
            let rate = rate(netuid);
            // Swap coldkey: claimed automatically every epoch here.
            let owed = (rate.saturating_mul(I96F32::from_num(swapper_stake)).to_num::<u128>() - swapper_claimed) as u64;
            assert!(owed >= 500_000);
            assert_eq!(claim_events(netuid, SWAPPER), vec![owed], "epoch {epoch}");
            let y = pool_tao as u128;
            let x = pool_alpha as u128;
            let scale = 1_000_000_000_000_000_000u128;
            let tao = (y * (scale - scale * x / (x + owed as u128)) / scale) as u64;
            assert!(tao > 0);
            assert_eq!(root_stake(SWAPPER), swapper_stake + tao, "epoch {epoch}: automatic Swap claim");
            assert_eq!(SubnetTAO::<Test>::get(0), root_tao + tao);
            // Keep coldkey: owed accumulates until the hash picks it.
            let keeper_owed = (rate.saturating_mul(I96F32::from_num(root_stake(KEEPER))).to_num::<u128>() - keeper_claimed) as u64;
            if parent == one {
                assert_eq!(claim_events(netuid, KEEPER), vec![keeper_owed], "epoch {epoch}");
                assert!(keeper_owed > keeper_owed_total, "two epochs of dividends: {keeper_owed}");
                assert_eq!(claimed(netuid, KEEPER), keeper_claimed + u128::from(keeper_owed));
                assert_eq!(SubtensorModule::root_owed(&hot(), &account(KEEPER), netuid), 0);
                assert!(SubtensorModule::alpha_stake(&hot(), &account(KEEPER), netuid) >= keeper_alpha + keeper_owed - 1);
            } else {
                assert!(claim_events(netuid, KEEPER).is_empty(), "epoch {epoch}: index 1 was not picked");
                assert_eq!(claimed(netuid, KEEPER), keeper_claimed);
                assert_eq!(SubtensorModule::root_owed(&hot(), &account(KEEPER), netuid), u128::from(keeper_owed));
                keeper_owed_total = keeper_owed;
            }
            assert_issuance_consistent();
        }
    });
}

/// `staking-2.md` §1.8 step C (upstream): a root dividend larger, net of take, than the
/// hotkey's root stake in rao is staked to the hotkey's owner on the subnet instead of
/// becoming a claimable rate.
#[test]
fn a_root_dividend_beyond_the_root_stake_goes_to_the_owner() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        register_hotkey(netuid, 2, VALIDATOR);
        register_hotkey(netuid, 6, 66);
        Tempo::<Test>::insert(netuid, TEMPO as u16);
        LastEpochBlock::<Test>::insert(netuid, 1);
        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
        WeightsSetRateLimit::<Test>::insert(netuid, 0);
        NumRootClaim::<Test>::put(0);
        assert_ok!(SubtensorModule::add_stake(signed(2), hot(), netuid, 100 * TAO));
        // A little root stake on the validator; much more root TAO elsewhere (hotkey 105 of
        // a subnet that never starts) makes the root share of the emission large.
        assert_ok!(SubtensorModule::add_stake(signed(SWAPPER), hot(), 0, TAO / 100));
        add_subnet(5);
        assert_ok!(SubtensorModule::add_stake(signed(5), account(105), 0, 5_000 * TAO));
        SubnetMovingPrice::<Test>::insert(netuid, I96F32::from_num(2));
        run_to_block(11);
        assert_ok!(SubtensorModule::set_weights(RuntimeOrigin::signed(hot()), netuid, vec![2], vec![65535], 0));
        run_to_block(20);
        let owner_alpha = SubtensorModule::alpha_stake(&hot(), &account(2), netuid);
        System::reset_events();
        run_to_block(21);
        let root = epoch_root(netuid);
        let (take, rest) = take_and_rest(root);
        assert!(rest > TotalHotkeyAlpha::<Test>::get(hot(), 0), "{rest}");
        assert_eq!(RootClaimable::<Test>::get(hot()).get(&netuid), None);
        assert_eq!(RootClaimableAlpha::<Test>::get(netuid), 0);
        assert_eq!(RootAlphaDividendsPerSubnet::<Test>::get(netuid, hot()), rest);
        assert_eq!(SubtensorModule::root_owed(&hot(), &account(SWAPPER), netuid), 0);
        // The owner gets the take and the rest, besides its alpha dividends.
        assert!(SubtensorModule::alpha_stake(&hot(), &account(2), netuid) >= owner_alpha + take + rest);
        assert_issuance_consistent();
    });
}

/// The automatic claims' walk over the parent hash (upstream's; §2.7 only says
/// "pseudo-randomly from the parent block hash").
#[test]
fn automatic_claims_walk_the_parent_hash() {
    let mut hash = [0u8; 32];
    hash[7] = 3; // word 0 = 3
    hash[15] = 5; // word 1 = 5
    hash[23] = 1; // word 2 = 1
    // start 3; steps +3, +5, +1, +0, +3 (mod 10): 6, 1, 2, 2, 5.
    assert_eq!(SubtensorModule::root_claim_indices(&hash, 5, 10), vec![1, 2, 5, 6]);
    assert_eq!(SubtensorModule::root_claim_indices(&hash, 0, 10), Vec::<u64>::new());
    assert_eq!(SubtensorModule::root_claim_indices(&hash, 5, 0), Vec::<u64>::new());
    assert_eq!(SubtensorModule::root_claim_indices(&[0xff; 32], 3, 7), vec![1]);
}
