//! Benchmarks of every call, in their worst cases. They run as tests on the mock
//! (`cargo test -p pallet-subtensor --features runtime-benchmarks`) and generate `weights.rs`
//! through `tensorchain benchmark pallet` (see `scripts/benchmark-weights.sh`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use crate::leasing::{LeaseCrowdloan, LeaseProxy};
use sp_runtime::traits::UniqueSaturatedInto;
use alloc::vec::Vec;

const TAO: u64 = 1_000_000_000;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
    let who: T::AccountId = account(name, index, 0);
    T::Currency::set_balance(&who, 1_000_000 * TAO);
    who
}

/// Registers a subnet at the minimum lock, whatever the rate limit and lock doubling say:
/// benchmarks set up many subnets in one block.
fn new_subnet<T: Config>(owner: T::AccountId, hotkey: T::AccountId) -> NetUid {
    NetworkRateLimit::<T>::put(0);
    NetworkLastLockBlock::<T>::put(0);
    NetworkLastLockCost::<T>::put(NetworkMinLockCost::<T>::get());
    Pallet::<T>::do_register_network(owner, hotkey).unwrap()
}

fn subnet_with_owner<T: Config>() -> (NetUid, T::AccountId) {
    let owner = funded::<T>("owner", 0);
    let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
    let netuid = new_subnet::<T>(owner.clone(), hotkey);
    (netuid, owner)
}

/// Fills `netuid` to `MaxAllowedUids` so that the next registration must prune.
fn fill<T: Config>(netuid: NetUid) {
    let max = MaxAllowedUids::<T>::get(netuid);
    let now = Pallet::<T>::current_block();
    for i in SubnetworkN::<T>::get(netuid)..max {
        let hotkey: T::AccountId = account("filler", u32::from(i), 0);
        Pallet::<T>::append_neuron(netuid, &hotkey, now);
        Weights::<T>::insert(netuid, i, vec![(i, 1u16)]);
    }
}

/// Gives `stakers` coldkeys a stake each on `netuid`'s uids, as staking leaves them.
fn stake_everywhere<T: Config>(netuid: NetUid, stakers: u32) {
    let n = SubnetworkN::<T>::get(netuid).max(1);
    for i in 0..stakers {
        let coldkey = funded::<T>("staker", i);
        let hotkey = Keys::<T>::get(netuid, (i % u32::from(n)) as u16);
        let alpha = 1_000_000u64;
        T::Currency::transfer(
            &coldkey,
            &Pallet::<T>::subnet_account(netuid),
            alpha,
            frame_support::traits::tokens::Preservation::Preserve,
        )
        .unwrap();
        SubnetTAO::<T>::mutate(netuid, |t| *t += alpha);
        TotalStake::<T>::mutate(|t| *t += alpha);
        SubnetAlphaIn::<T>::mutate(netuid, |a| *a = a.saturating_sub(alpha));
        SubnetAlphaOut::<T>::mutate(netuid, |a| *a += alpha);
        Pallet::<T>::increase_alpha_stake(&hotkey, &coldkey, netuid, alpha);
    }
}

/// A coldkey with stake on `hotkeys` hotkeys of a started subnet and a lock to the first,
/// rolled forward a while later.
fn locked_coldkey<T: Config>(hotkeys: u32) -> (NetUid, T::AccountId, T::AccountId) {
    let netuid = started_subnet::<T>(0);
    let coldkey = funded::<T>("locker", 0);
    let now = Pallet::<T>::current_block();
    let mut first = None;
    for i in 0..hotkeys {
        let hotkey: T::AccountId = account("lock_hotkey", i, 0);
        Pallet::<T>::append_neuron(netuid, &hotkey, now);
        Pallet::<T>::create_account_if_non_existent(&funded::<T>("lock_hotkey_owner", i), &hotkey);
        Pallet::<T>::do_add_stake(coldkey.clone(), hotkey.clone(), netuid, 10 * TAO).unwrap();
        first.get_or_insert(hotkey);
    }
    let hotkey = first.unwrap();
    Pallet::<T>::do_lock_stake(&coldkey, &hotkey, netuid, 1_000_000).unwrap();
    frame_system::Pallet::<T>::set_block_number((now + 1_000).unique_saturated_into());
    (netuid, coldkey, hotkey)
}

/// A subnet with staking started, owned by a fresh coldkey.
fn started_subnet<T: Config>(index: u32) -> NetUid {
    let owner = funded::<T>("subnet_owner", index);
    let netuid = new_subnet::<T>(owner.clone(), account("subnet_hotkey", index, 0));
    Pallet::<T>::do_start_call(owner, netuid).unwrap();
    netuid
}

/// A 5 000-byte ciphertext.
fn max_commit() -> crate::timelocked::TimelockedCommit {
    vec![7u8; crate::timelocked::MAX_COMMIT_LEN as usize].try_into().unwrap()
}

/// A started subnet with two mechanisms and a hotkey with nine 5 000-byte commits already
/// queued on each, in a queue that other hotkeys' commits fill (the count scans it).
fn timelocked_setup<T: Config>() -> (NetUid, T::AccountId) {
    let netuid = started_subnet::<T>(0);
    fill::<T>(netuid);
    MechanismCountCurrent::<T>::insert(netuid, 2);
    WeightsSetRateLimit::<T>::insert(netuid, 0);
    let hotkey = Keys::<T>::get(netuid, 1);
    let now = Pallet::<T>::current_block();
    let epoch = Pallet::<T>::lookahead_epoch(netuid, now);
    for mecid in 0..2u8 {
        let idx = crate::set_weights::storage_index(netuid, mecid);
        let mut queue = alloc::collections::VecDeque::new();
        for uid in 2..66u16 {
            queue.push_back((Keys::<T>::get(netuid, uid), now, max_commit(), 1_000u64));
        }
        for _ in 0..9 {
            queue.push_back((hotkey.clone(), now, max_commit(), 1_000u64));
        }
        TimelockedWeightCommits::<T>::insert(idx, epoch, queue);
    }
    (netuid, hotkey)
}

/// The hotkey's tenth commit is queued on mechanism `mecid`.
fn assert_timelocked_queued<T: Config>(netuid: NetUid, mecid: MechId, hotkey: &T::AccountId) {
    let idx = crate::set_weights::storage_index(netuid, mecid);
    let now = Pallet::<T>::current_block();
    let queue = TimelockedWeightCommits::<T>::get(idx, Pallet::<T>::lookahead_epoch(netuid, now));
    assert_eq!(queue.iter().filter(|(who, _, _, _)| who == hotkey).count(), 10);
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn register_network() {
        // Worst case: every slot taken, so the weakest subnet (full, with stakers) is
        // dissolved first; the others make the price scans longer.
        NetworkImmunityPeriod::<T>::put(0);
        for i in 0..SubnetLimit::<T>::get() {
            let owner = funded::<T>("other_owner", u32::from(i));
            let netuid = new_subnet::<T>(owner, account("other_hotkey", u32::from(i), 0));
            SubnetMovingPrice::<T>::insert(netuid, substrate_fixed::types::I96F32::from_num(u32::from(i) + 1));
            if i == 0 {
                fill::<T>(netuid);
                stake_everywhere::<T>(netuid, u32::from(MaxAllowedUids::<T>::get(netuid)));
            }
        }
        NetworkLastLockBlock::<T>::put(0);
        NetworkLastLockCost::<T>::put(NetworkMinLockCost::<T>::get());
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hotkey.clone());
        assert!(SubnetOwnerHotkey::<T>::iter_values().any(|h| h == hotkey));
    }

    #[benchmark]
    fn burned_register() {
        let (netuid, _) = subnet_with_owner::<T>();
        ImmunityPeriod::<T>::insert(netuid, 0);
        MinNonImmuneUids::<T>::insert(netuid, 0);
        fill::<T>(netuid);
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), netuid, hotkey.clone());
        assert!(Uids::<T>::contains_key(netuid, &hotkey));
    }

    #[benchmark]
    fn start_call() {
        let (netuid, owner) = subnet_with_owner::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid);
        assert!(FirstEmissionBlockNumber::<T>::get(netuid).is_some());
    }

    #[benchmark]
    fn serve_axon() {
        let (netuid, _) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 4, 0, 0);
        assert!(Axons::<T>::contains_key(netuid, &hotkey));
    }

    #[benchmark]
    fn serve_axon_tls() {
        let (netuid, _) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        let certificate = vec![1u8; 65];
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 8091, 4, 4, 0, 0, certificate);
        assert!(NeuronCertificates::<T>::contains_key(netuid, &hotkey));
    }

    #[benchmark]
    fn serve_prometheus() {
        let (netuid, _) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, 0x0a00_0001, 9090, 4);
        assert!(Prometheus::<T>::contains_key(netuid, &hotkey));
    }

    #[benchmark]
    fn set_identity() {
        // A coldkey whose 64 hotkeys were pruned but one: the membership scan's worst case.
        let (netuid, _) = subnet_with_owner::<T>();
        let caller = funded::<T>("caller", 0);
        for i in 0..63u32 {
            let hotkey: T::AccountId = account("old_hotkey", i, 0);
            Pallet::<T>::create_account_if_non_existent(&caller, &hotkey);
        }
        let hotkey: T::AccountId = account("hotkey", 0, 0);
        Pallet::<T>::do_burned_register(caller.clone(), netuid, hotkey, None).unwrap();
        let name = vec![1u8; 256];
        let long = vec![1u8; 1024];
        #[extrinsic_call]
        _(
            RawOrigin::Signed(caller.clone()),
            name.clone(),
            name.clone(),
            name.clone(),
            long.clone(),
            name,
            long.clone(),
            long,
        );
        assert!(IdentitiesV2::<T>::contains_key(&caller));
    }

    #[benchmark]
    fn set_tempo() {
        let (netuid, owner) = subnet_with_owner::<T>();
        AdminFreezeWindow::<T>::put(0);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 720);
        assert_eq!(Tempo::<T>::get(netuid), 720);
    }

    #[benchmark]
    fn set_activity_cutoff_factor() {
        let (netuid, owner) = subnet_with_owner::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 20_000);
        assert_eq!(ActivityCutoffFactorMilli::<T>::get(netuid), 20_000);
    }

    #[benchmark]
    fn dissolve_network() {
        // A full subnet with a staker per uid.
        let (netuid, owner) = subnet_with_owner::<T>();
        fill::<T>(netuid);
        stake_everywhere::<T>(netuid, u32::from(MaxAllowedUids::<T>::get(netuid)));
        #[extrinsic_call]
        _(RawOrigin::Root, owner, netuid);
        assert!(!NetworksAdded::<T>::get(netuid));
    }

    #[benchmark]
    fn update_symbol() {
        // Compared against every other subnet's symbol.
        for i in 1..SubnetLimit::<T>::get() {
            let owner = funded::<T>("other_owner", u32::from(i));
            new_subnet::<T>(owner, account("other_hotkey", u32::from(i), 0));
        }
        let (netuid, owner) = subnet_with_owner::<T>();
        let symbol = crate::symbols::symbol(crate::symbols::SYMBOL_COUNT - 1).unwrap();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, symbol.clone());
        assert_eq!(TokenSymbol::<T>::get(netuid), symbol);
    }

    #[benchmark]
    fn trigger_epoch() {
        let (netuid, owner) = subnet_with_owner::<T>();
        CommitRevealWeightsEnabled::<T>::insert(netuid, false);
        LastEpochBlock::<T>::insert(netuid, Pallet::<T>::current_block());
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid);
        assert!(PendingEpochAt::<T>::get(netuid) > 0);
    }

    #[benchmark]
    fn add_stake() {
        // The limit variant: it also finds the largest amount within the price limit.
        let netuid = started_subnet::<T>(0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        let caller = funded::<T>("caller", 0);
        #[extrinsic_call]
        add_stake_limit(RawOrigin::Signed(caller.clone()), hotkey.clone(), netuid, 100 * TAO, 2 * TAO, true);
        assert!(Pallet::<T>::alpha_stake(&hotkey, &caller, netuid) > 0);
    }

    #[benchmark]
    fn remove_stake() {
        // A partial sale at a limit, then the alpha fee sold for the author.
        let netuid = started_subnet::<T>(0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        let caller = funded::<T>("caller", 0);
        Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 100 * TAO).unwrap();
        let held = Pallet::<T>::alpha_stake(&hotkey, &caller, netuid);
        // 90 % of the price: the sale stops part way.
        let limit = Pallet::<T>::spot_price(netuid).saturating_mul_int(900_000_000u128).saturating_to_num::<u64>();
        #[extrinsic_call]
        remove_stake_limit(RawOrigin::Signed(caller.clone()), hotkey.clone(), netuid, held, limit, true);
        assert!(Pallet::<T>::alpha_stake(&hotkey, &caller, netuid) < held);
    }

    #[benchmark]
    fn move_stake() {
        // Across subnets and hotkeys: a sale and a purchase.
        let a = started_subnet::<T>(0);
        let b = started_subnet::<T>(1);
        let from: T::AccountId = account("subnet_hotkey", 0, 0);
        let to: T::AccountId = account("subnet_hotkey", 1, 0);
        let caller = funded::<T>("caller", 0);
        Pallet::<T>::do_add_stake(caller.clone(), from.clone(), a, 100 * TAO).unwrap();
        let held = Pallet::<T>::alpha_stake(&from, &caller, a);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), from, to.clone(), a, b, held);
        assert!(Pallet::<T>::alpha_stake(&to, &caller, b) > 0);
    }

    #[benchmark]
    fn unstake_all() {
        // A position on every subnet the chain can hold, and on root.
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        for i in 0..SubnetLimit::<T>::get() {
            let netuid = started_subnet::<T>(u32::from(i));
            Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 10 * TAO).unwrap();
        }
        Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO).unwrap();
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), hotkey.clone());
        assert!(Alpha::<T>::iter_key_prefix((&hotkey, &caller)).next().is_none());
    }

    #[benchmark]
    fn unstake_all_alpha() {
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        for i in 0..SubnetLimit::<T>::get() {
            let netuid = started_subnet::<T>(u32::from(i));
            Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), netuid, 10 * TAO).unwrap();
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), hotkey.clone());
        assert!(Pallet::<T>::alpha_stake(&hotkey, &caller, ROOT_NETUID) > 0);
    }

    #[benchmark]
    fn root_register() {
        // Root full: the newcomer replaces the hotkey with the least root stake.
        let max = MaxAllowedUids::<T>::get(ROOT_NETUID);
        let now = Pallet::<T>::current_block();
        for i in SubnetworkN::<T>::get(ROOT_NETUID)..max {
            let hotkey: T::AccountId = account("root_hotkey", u32::from(i), 0);
            Pallet::<T>::append_neuron(ROOT_NETUID, &hotkey, now);
        }
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("hotkey", 0, 0);
        Pallet::<T>::create_account_if_non_existent(&caller, &hotkey);
        Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO).unwrap();
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), hotkey.clone());
        assert!(Uids::<T>::contains_key(ROOT_NETUID, &hotkey));
    }

    #[benchmark]
    fn increase_take() {
        let (_, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        Delegates::<T>::insert(&hotkey, 100);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey.clone(), 200);
        assert_eq!(Delegates::<T>::get(&hotkey), 200);
    }

    #[benchmark]
    fn decrease_take() {
        let (_, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey.clone(), 100);
        assert_eq!(Delegates::<T>::get(&hotkey), 100);
    }

    #[benchmark]
    fn try_associate_hotkey() {
        let caller = funded::<T>("caller", 0);
        let hotkey: T::AccountId = account("hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), hotkey.clone());
        assert_eq!(Owner::<T>::get(&hotkey), caller);
    }

    #[benchmark]
    fn set_weights() {
        // A validator weighting every uid of a full subnet.
        let netuid = started_subnet::<T>(0);
        fill::<T>(netuid);
        CommitRevealWeightsEnabled::<T>::insert(netuid, false);
        WeightsSetRateLimit::<T>::insert(netuid, 0);
        let n = SubnetworkN::<T>::get(netuid);
        let hotkey = Keys::<T>::get(netuid, 1);
        ValidatorPermit::<T>::mutate(netuid, |p| {
            if let Some(x) = p.get_mut(1) {
                *x = true;
            }
        });
        let uids: Vec<u16> = (0..n).collect();
        let values: Vec<u16> = (0..n).map(|i| i.saturating_add(1)).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey), netuid, uids, values, 0);
        assert_eq!(Weights::<T>::get(netuid, 1).len(), usize::from(n));
    }

    #[benchmark]
    fn commit_weights() {
        // Nine commits already queued.
        let netuid = started_subnet::<T>(0);
        WeightsSetRateLimit::<T>::insert(netuid, 0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        for i in 0..9u64 {
            let hash = sp_core::H256::repeat_byte(i as u8);
            Pallet::<T>::do_commit_weights(hotkey.clone(), netuid, 0, hash).unwrap();
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, sp_core::H256::repeat_byte(7));
        assert_eq!(WeightCommits::<T>::get(netuid, &hotkey).map(|q| q.len()), Some(10));
    }

    #[benchmark]
    fn reveal_weights() {
        // The last of ten commits revealed, weighting every uid of a full subnet.
        let netuid = started_subnet::<T>(0);
        fill::<T>(netuid);
        WeightsSetRateLimit::<T>::insert(netuid, 0);
        Tempo::<T>::insert(netuid, 10);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        let n = SubnetworkN::<T>::get(netuid);
        let uids: Vec<u16> = (0..n).collect();
        let values: Vec<u16> = (0..n).map(|i| i.saturating_add(1)).collect();
        let salt: Vec<u16> = vec![9; 8];
        let idx = crate::set_weights::storage_index(netuid, 0);
        for i in 0..9u64 {
            Pallet::<T>::do_commit_weights(hotkey.clone(), netuid, 0, sp_core::H256::repeat_byte(i as u8)).unwrap();
        }
        let hash = crate::set_weights::commit_hash(&hotkey, idx, &uids, &values, &salt, 0);
        Pallet::<T>::do_commit_weights(hotkey.clone(), netuid, 0, hash).unwrap();
        // Into the reveal epoch.
        SubnetEpochIndex::<T>::mutate(netuid, |e| *e += 1);
        LastEpochBlock::<T>::insert(netuid, Pallet::<T>::current_block());
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, uids, values, salt, 0);
        assert!(WeightCommits::<T>::get(netuid, &hotkey).is_none());
    }

    #[benchmark]
    fn commit_timelocked_weights() {
        let (netuid, hotkey) = timelocked_setup::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, max_commit(), 1_000, 4);
        assert_timelocked_queued::<T>(netuid, 0, &hotkey);
    }

    #[benchmark]
    fn commit_crv3_mechanism_weights() {
        let (netuid, hotkey) = timelocked_setup::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, max_commit(), 1_000);
        assert_timelocked_queued::<T>(netuid, 1, &hotkey);
    }

    #[benchmark]
    fn commit_timelocked_mechanism_weights() {
        let (netuid, hotkey) = timelocked_setup::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(hotkey.clone()), netuid, 1, max_commit(), 1_000, 4);
        assert_timelocked_queued::<T>(netuid, 1, &hotkey);
    }

    #[benchmark]
    fn reveal_timelocked_commit() {
        // A validator's commit weighting every uid of a full subnet, decrypted and applied.
        use crate::timelocked::DrandPulses;
        let netuid = started_subnet::<T>(0);
        fill::<T>(netuid);
        let n = SubnetworkN::<T>::get(netuid);
        let hotkey = Keys::<T>::get(netuid, 1);
        ValidatorPermit::<T>::mutate(netuid, |p| {
            if let Some(x) = p.get_mut(1) {
                *x = true;
            }
        });
        let payload = crate::timelocked::WeightsTlockPayload {
            hotkey: codec::Encode::encode(&hotkey),
            uids: (0..n).collect(),
            values: (0..n).map(|i| i.saturating_add(1)).collect(),
            version_key: 0,
        };
        let round = 1_000u64;
        let plaintext = codec::Encode::encode(&payload);
        // Without an implementation that can encrypt, this measures a failed decryption.
        let ciphertext = T::Drand::benchmark_encrypt(round, &plaintext);
        let revealable = ciphertext.is_some();
        let commit = ciphertext.unwrap_or(plaintext);
        let outcome;
        #[block]
        {
            let signature = T::Drand::pulse_signature(round).unwrap_or_default();
            outcome = Pallet::<T>::reveal_commit(netuid, 0, &hotkey, &commit, &signature);
        }
        if revealable {
            assert_eq!(outcome, crate::timelocked::RevealOutcome::Revealed);
            assert_eq!(Weights::<T>::get(netuid, 1).len(), usize::from(n));
        }
    }

    #[benchmark]
    fn claim_root() {
        // Root dividends on one subnet, sold for TAO and staked on root.
        let netuid = started_subnet::<T>(0);
        let hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        let caller = funded::<T>("caller", 0);
        Pallet::<T>::do_add_stake(caller.clone(), hotkey.clone(), ROOT_NETUID, 100 * TAO).unwrap();
        let rest = 10 * TAO;
        SubnetAlphaOut::<T>::mutate(netuid, |o| *o += rest);
        RootClaimableAlpha::<T>::insert(netuid, rest);
        RootClaimable::<T>::mutate(&hotkey, |m| {
            m.insert(netuid, substrate_fixed::types::I96F32::from_num(0.1));
        });
        let subnets: alloc::collections::BTreeSet<NetUid> = [netuid].into_iter().collect();
        let before = Pallet::<T>::alpha_stake(&hotkey, &caller, ROOT_NETUID);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), subnets);
        assert!(Pallet::<T>::alpha_stake(&hotkey, &caller, ROOT_NETUID) > before);
    }

    #[benchmark]
    fn set_root_claim_type() {
        let caller = funded::<T>("caller", 0);
        let subnets: alloc::collections::BTreeSet<NetUid> = (1..=64u16).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(caller.clone()), RootClaimTypeEnum::KeepSubnets { subnets });
        assert!(RootClaimType::<T>::get(&caller) != RootClaimTypeEnum::Swap);
    }

    /// The epoch of a subnet with `n` uids where min(n, 256) validators weight every uid and
    /// hold bonds to every uid, with Yuma3 and liquid alpha on (the slowest path).
    #[benchmark]
    fn epoch(n: Linear<64, 4096>) {
        let netuid = started_subnet::<T>(0);
        let now = Pallet::<T>::current_block();
        for i in SubnetworkN::<T>::get(netuid)..(n as u16) {
            let hotkey: T::AccountId = account("uid", u32::from(i), 0);
            Pallet::<T>::append_neuron(netuid, &hotkey, now);
        }
        let validators = n.min(256) as u16;
        MaxAllowedValidators::<T>::insert(netuid, validators);
        LiquidAlphaOn::<T>::insert(netuid, true);
        let staker = funded::<T>("staker", 0);
        let mut permits = vec![false; n as usize];
        for v in 0..validators {
            let hotkey = Keys::<T>::get(netuid, v);
            Pallet::<T>::increase_alpha_stake(&hotkey, &staker, netuid, 1_000_000u64 + u64::from(v));
            SubnetAlphaOut::<T>::mutate(netuid, |o| *o += 1_000_000u64 + u64::from(v));
            permits[usize::from(v)] = true;
            let row: Vec<(u16, u16)> = (0..(n as u16)).map(|j| (j, j.wrapping_mul(7).wrapping_add(v))).collect();
            Weights::<T>::insert(netuid, v, row.clone());
            Bonds::<T>::insert(netuid, v, row);
        }
        ValidatorPermit::<T>::insert(netuid, permits);
        LastUpdate::<T>::insert(netuid, vec![now + 1; n as usize]);
        frame_system::Pallet::<T>::set_block_number((now + 2).unique_saturated_into());
        let pending = crate::epoch::Pending { server: 500_000_000, validator: 400_000_000, root: 0, owner: 100_000_000 };
        SubnetAlphaOut::<T>::mutate(netuid, |o| *o += pending.total());
        #[block]
        {
            Pallet::<T>::distribute_emission(netuid, now + 2, pending).unwrap();
        }
        assert_eq!(Incentive::<T>::get(netuid).len(), n as usize);
    }

    /// One block's coinbase over `s` eligible subnets, with root stake so that every subnet
    /// both injects and buys.
    #[benchmark]
    fn coinbase(s: Linear<1, 128>) {
        let limit = SubnetLimit::<T>::get();
        let caller = funded::<T>("caller", 0);
        let root_hotkey: T::AccountId = account("subnet_hotkey", 0, 0);
        let mut netuids = Vec::new();
        for i in 0..(s as u16).min(limit) {
            let netuid = started_subnet::<T>(u32::from(i));
            SubnetEmissionEnabled::<T>::insert(netuid, true);
            SubnetMovingPrice::<T>::insert(netuid, substrate_fixed::types::I96F32::from_num(u32::from(i) + 1));
            netuids.push(netuid);
        }
        Pallet::<T>::do_add_stake(caller, root_hotkey, ROOT_NETUID, 1_000 * TAO).unwrap();
        #[block]
        {
            Pallet::<T>::run_coinbase(&netuids);
        }
        assert!(netuids.iter().all(|n| SubnetAlphaOutEmission::<T>::get(n) > 0));
    }

    /// `burn_alpha` (as costly as `recycle_alpha`, which writes `SubnetAlphaOut` instead).
    #[benchmark]
    fn destroy_alpha() {
        let netuid = started_subnet::<T>(0);
        stake_everywhere::<T>(netuid, 1);
        let coldkey: T::AccountId = account("staker", 0, 0);
        let hotkey = Keys::<T>::get(netuid, 0);
        #[extrinsic_call]
        burn_alpha(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), 1_000_000, netuid);
        assert_eq!(Pallet::<T>::alpha_stake(&hotkey, &coldkey, netuid), 0);
    }

    /// Replacing an earlier destination (the costlier path).
    #[benchmark]
    fn set_coldkey_auto_stake_hotkey() {
        let netuid = started_subnet::<T>(0);
        let coldkey = funded::<T>("miner", 0);
        let first: T::AccountId = account("first", 0, 0);
        let second: T::AccountId = account("second", 0, 0);
        let now = Pallet::<T>::current_block();
        Pallet::<T>::append_neuron(netuid, &first, now);
        Pallet::<T>::append_neuron(netuid, &second, now);
        Pallet::<T>::do_set_auto_stake_hotkey(coldkey.clone(), netuid, first).unwrap();
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), netuid, second.clone());
        assert_eq!(AutoStakeDestination::<T>::get(&coldkey, netuid), Some(second));
    }

    /// `k` contributors besides the beneficiary, each refunded.
    #[benchmark]
    fn register_leased_network(k: Linear<0, 500>) {
        let creator = funded::<T>("lease_creator", 0);
        NetworkRateLimit::<T>::put(0);
        NetworkLastLockBlock::<T>::put(0);
        NetworkLastLockCost::<T>::put(NetworkMinLockCost::<T>::get());
        let lock = Pallet::<T>::get_network_lock_cost();
        let mut contributions = vec![(creator.clone(), lock + 10 * TAO)];
        for i in 0..k {
            contributions.push((account("lease_contributor", i, 0), 10 * TAO));
        }
        T::LeaseCrowdloan::benchmark_finalizing(&creator, contributions);
        let share = sp_runtime::Percent::from_percent(30);
        #[extrinsic_call]
        _(RawOrigin::Signed(creator), share, None);
        assert_eq!(NextSubnetLeaseId::<T>::get(), 1);
        assert_eq!(SubnetLeaseShares::<T>::iter_prefix(0).count(), k as usize);
    }

    #[benchmark]
    fn terminate_lease(k: Linear<0, 500>) {
        let beneficiary = funded::<T>("lease_creator", 0);
        let owner_hotkey: T::AccountId = account("beneficiary_hotkey", 0, 0);
        Owner::<T>::insert(&owner_hotkey, beneficiary.clone());
        let netuid = started_subnet::<T>(0);
        let coldkey = Pallet::<T>::lease_coldkey(0);
        let hotkey = Pallet::<T>::lease_hotkey(0);
        frame_system::Pallet::<T>::inc_providers(&coldkey);
        frame_system::Pallet::<T>::inc_providers(&hotkey);
        T::LeaseProxy::add_lease_beneficiary_proxy(&coldkey, &beneficiary).unwrap();
        SubnetOwner::<T>::insert(netuid, coldkey.clone());
        SubnetLeases::<T>::insert(
            0,
            crate::leasing::SubnetLease {
                beneficiary: beneficiary.clone(),
                coldkey,
                hotkey,
                emissions_share: sp_runtime::Percent::from_percent(30),
                end_block: Some(frame_system::Pallet::<T>::block_number()),
                netuid,
                cost: 0,
            },
        );
        SubnetUidToLeaseId::<T>::insert(netuid, 0);
        for i in 0..k {
            let who: T::AccountId = account("lease_contributor", i, 0);
            SubnetLeaseShares::<T>::insert(0, who, substrate_fixed::types::U64F64::from_bits(1u128 << 50));
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(beneficiary.clone()), 0, owner_hotkey);
        assert_eq!(SubnetOwner::<T>::get(netuid), beneficiary);
        assert!(SubnetLeases::<T>::get(0).is_none());
    }

    /// Five children replacing five others at once (the subnet has not started), with the
    /// hotkey's stake valued on 129 subnets for the threshold.
    #[benchmark]
    fn set_children() {
        let (netuid, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        for other in 0..129u16 {
            TotalHotkeyAlpha::<T>::insert(&hotkey, other, 1_000_000);
        }
        StakeThreshold::<T>::put(1);
        let old: Vec<(u64, T::AccountId)> = (0..5).map(|i| (1, account("old_child", i, 0))).collect();
        Pallet::<T>::persist_children(&hotkey, netuid, &old).unwrap();
        let children: Vec<(u64, T::AccountId)> = (0..5).map(|i| (u64::MAX / 5, account("child", i, 0))).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey.clone(), netuid, children);
        assert_eq!(ChildKeys::<T>::get(&hotkey, netuid).len(), 5);
    }

    /// A raise, through the rate limit.
    #[benchmark]
    fn set_childkey_take() {
        let (netuid, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey.clone(), netuid, 1_000);
        assert_eq!(ChildkeyTake::<T>::get(&hotkey, netuid), 1_000);
    }

    #[benchmark]
    fn sudo_set_childkey_parameter() {
        #[extrinsic_call]
        sudo_set_max_childkey_take(RawOrigin::Root, 5_000);
        assert_eq!(MaxChildkeyTake::<T>::get(), 5_000);
    }

    #[benchmark]
    fn set_auto_parent_delegation_enabled() {
        let (_, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        Uids::<T>::insert(ROOT_NETUID, &hotkey, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey.clone(), false);
        assert!(!AutoParentDelegationEnabled::<T>::get(&hotkey));
    }

    /// The first announcement, which pays the cost.
    #[benchmark]
    fn announce_coldkey_swap() {
        let who = funded::<T>("old_coldkey", 0);
        let hash = Pallet::<T>::coldkey_hash(&account("new_coldkey", 0, 0));
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), hash);
        assert!(ColdkeySwapAnnouncements::<T>::contains_key(&who));
    }

    /// A coldkey owning a subnet and staked through its owner hotkey on that subnet and on
    /// root, with an identity and an auto-stake destination.
    #[benchmark]
    fn swap_coldkey() {
        let (netuid, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        Pallet::<T>::do_start_call(owner.clone(), netuid).unwrap();
        Pallet::<T>::do_add_stake(owner.clone(), hotkey.clone(), netuid, 10 * TAO).unwrap();
        Pallet::<T>::do_add_stake(owner.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO).unwrap();
        Pallet::<T>::do_set_auto_stake_hotkey(owner.clone(), netuid, hotkey.clone()).unwrap();
        IdentitiesV2::<T>::insert(&owner, ChainIdentityV2 {
            name: vec![1; 64],
            url: vec![],
            github_repo: vec![],
            image: vec![],
            discord: vec![],
            description: vec![],
            additional: vec![],
        });
        let new: T::AccountId = account("new_coldkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Root, owner.clone(), new.clone(), 0);
        assert_eq!(SubnetOwner::<T>::get(netuid), new);
    }

    #[benchmark]
    fn dispute_coldkey_swap() {
        let who = funded::<T>("old_coldkey", 0);
        Pallet::<T>::do_announce_coldkey_swap(&who, Pallet::<T>::coldkey_hash(&account("new_coldkey", 0, 0))).unwrap();
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()));
        assert!(ColdkeySwapDisputes::<T>::contains_key(&who));
    }

    /// The owner hotkey of a started subnet, staked there and on root, swapped on every
    /// subnet with its stake.
    #[benchmark]
    fn swap_hotkey() {
        let (netuid, owner) = subnet_with_owner::<T>();
        let hotkey: T::AccountId = account("owner_hotkey", 0, 0);
        Pallet::<T>::do_start_call(owner.clone(), netuid).unwrap();
        Pallet::<T>::do_add_stake(owner.clone(), hotkey.clone(), netuid, 10 * TAO).unwrap();
        Pallet::<T>::do_add_stake(owner.clone(), hotkey.clone(), ROOT_NETUID, 10 * TAO).unwrap();
        TxRateLimit::<T>::put(0);
        let new: T::AccountId = account("new_hotkey", 0, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), hotkey, new.clone(), None);
        assert_eq!(SubnetOwnerHotkey::<T>::get(netuid), new);
    }

    /// A top-up, the coldkey's alpha summed over 16 hotkeys.
    #[benchmark]
    fn lock_stake() {
        let (netuid, coldkey, hotkey) = locked_coldkey::<T>(16);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), hotkey, netuid, 1_000_000);
        assert!(Pallet::<T>::locked_alpha(&coldkey, netuid) > 1_000_000);
    }

    /// To a hotkey of another coldkey (the conviction resets).
    #[benchmark]
    fn move_lock() {
        let (netuid, coldkey, hotkey) = locked_coldkey::<T>(2);
        let destination: T::AccountId = account("lock_hotkey", 1, 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), destination.clone(), netuid);
        assert!(Lock::<T>::contains_key((&coldkey, netuid, &destination)));
        assert!(!Lock::<T>::contains_key((&coldkey, netuid, &hotkey)));
    }

    /// An existing lock changes bucket.
    #[benchmark]
    fn set_perpetual_lock() {
        let (netuid, coldkey, hotkey) = locked_coldkey::<T>(1);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), netuid, true);
        assert!(Pallet::<T>::lock_is_perpetual(&coldkey, netuid));
        assert!(HotkeyLock::<T>::contains_key(netuid, &hotkey));
    }

    #[benchmark]
    fn set_reject_locked_alpha() {
        let coldkey = funded::<T>("receiver", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(coldkey.clone()), false);
        assert_eq!(AccountFlags::<T>::get(&coldkey), 1);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
