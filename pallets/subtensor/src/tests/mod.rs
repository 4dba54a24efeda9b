//! Tests of every call: success, each error (with no state change), and the `economics.md`
//! §8 vectors that belong to registration and subnets.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::{mock::*, pallet::*, Error};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use sp_core::crypto::AccountId32;
use substrate_fixed::types::U64F64;

mod childkeys;
mod coinbase;
mod dissolve;
mod epoch;
mod leasing;
mod locks;
mod staking;
mod stake_burn;
mod root_claim;
mod rpc_info;
mod set_weights;
mod random_calls;
mod subnet_admin;
mod swap_coldkey;
mod swap_hotkey;
mod timelocked;

pub(super) fn signed(n: u8) -> RuntimeOrigin {
    RuntimeOrigin::signed(account(n))
}

pub(super) fn free(n: u8) -> u64 {
    Balances::free_balance(account(n))
}

/// The pallet's issuance mirror must equal the balances pallet's issuance after every call,
/// and the other accounting invariants must hold.
pub(super) fn assert_issuance_consistent() {
    assert_eq!(TotalIssuance::<Test>::get(), <Balances as Inspect<AccountId32>>::total_issuance());
    assert_eq!(SubtensorModule::check_accounting(), Ok(()));
}

/// Creates a subnet owned by coldkey `owner` with hotkey `owner + 100`.
pub(super) fn add_subnet(owner: u8) -> u16 {
    assert_ok!(SubtensorModule::register_network(signed(owner), account(owner + 100)));
    TotalNetworks::<Test>::get() - 1
}

/// `add_subnet`, started by its owner.
pub(super) fn started_subnet(owner: u8) -> u16 {
    let netuid = add_subnet(owner);
    assert_ok!(SubtensorModule::start_call(signed(owner), netuid));
    netuid
}

#[test]
fn genesis_creates_root_and_mirrors_issuance() {
    checked(|| {
        assert!(NetworksAdded::<Test>::get(0));
        assert_eq!(TotalNetworks::<Test>::get(), 1);
        assert_eq!(Tempo::<Test>::get(0), 100);
        assert_eq!(SubnetMechanism::<Test>::get(0), 0);
        assert_issuance_consistent();
    });
}

#[test]
fn register_network_creates_a_seeded_subnet() {
    checked(|| {
        let before = free(1);
        let lock = SubtensorModule::get_network_lock_cost();
        assert_eq!(lock, 100 * TAO);
        let netuid = add_subnet(1);
        assert_eq!(netuid, 1);
        assert_eq!(free(1), before - lock);
        assert_eq!(Balances::free_balance(SubtensorModule::subnet_account(1)), lock);
        assert_eq!(SubnetOwner::<Test>::get(1), account(1));
        assert_eq!(SubnetOwnerHotkey::<Test>::get(1), account(101));
        assert_eq!(Keys::<Test>::get(1, 0), account(101));
        assert_eq!(Uids::<Test>::get(1, account(101)), Some(0));
        assert_eq!(Owner::<Test>::get(account(101)), account(1));
        assert_eq!(OwnedHotkeys::<Test>::get(account(1)), vec![account(101)]);
        assert!(IsNetworkMember::<Test>::get(account(101), 1));
        assert_eq!(SubnetworkN::<Test>::get(1), 1);
        // Pool seed at the median price of no subnets (1): TAO = alpha = lock.
        assert_eq!(SubnetTAO::<Test>::get(1), lock);
        assert_eq!(SubnetAlphaIn::<Test>::get(1), lock);
        assert_eq!(SubnetAlphaOut::<Test>::get(1), 0);
        assert_eq!(SubnetLocked::<Test>::get(1), lock);
        assert_eq!(TotalStake::<Test>::get(), lock);
        // New-subnet hyperparameters.
        assert_eq!(Tempo::<Test>::get(1), 360);
        assert_eq!(MaxAllowedUids::<Test>::get(1), 256);
        assert_eq!(MaxAllowedValidators::<Test>::get(1), 64);
        assert_eq!(MinAllowedWeights::<Test>::get(1), 1);
        assert_eq!(ImmunityPeriod::<Test>::get(1), 5_000);
        assert!(Yuma3On::<Test>::get(1));
        assert_eq!(Burn::<Test>::get(1), TAO);
        assert!(!SubnetEmissionEnabled::<Test>::get(1));
        assert_eq!(SubnetMechanism::<Test>::get(1), 1);
        assert_eq!(LastUpdate::<Test>::get(1), vec![1]);
        assert_eq!(ValidatorPermit::<Test>::get(1), vec![false]);
        System::assert_last_event(Event::NetworkAdded(1, 1).into());
        assert_issuance_consistent();
    });
}

/// TV9: the lock doubles on registration and decays linearly (mock interval 2).
#[test]
fn lock_cost_doubles_then_decays() {
    checked(|| {
        add_subnet(1);
        assert_eq!(SubtensorModule::get_network_lock_cost(), 200 * TAO);
        run_to_block(2);
        // 2·100 − floor(100/2)·1
        assert_eq!(SubtensorModule::get_network_lock_cost(), 150 * TAO);
        run_to_block(3);
        assert_eq!(SubtensorModule::get_network_lock_cost(), 100 * TAO);
        run_to_block(9);
        assert_eq!(SubtensorModule::get_network_lock_cost(), 100 * TAO);
    });
}

/// TV9: a new pool is seeded at the median spot price of the existing ones.
#[test]
fn new_pools_start_at_the_median_price() {
    checked(|| {
        let a = add_subnet(1);
        let b = add_subnet(2);
        // Prices 5 and 2: the median is 3.5.
        SubnetTAO::<Test>::insert(a, 500 * TAO);
        SubnetAlphaIn::<Test>::insert(a, 100 * TAO);
        SubnetTAO::<Test>::insert(b, 200 * TAO);
        SubnetAlphaIn::<Test>::insert(b, 100 * TAO);
        assert_eq!(SubtensorModule::median_subnet_alpha_price(), U64F64::from_num(3.5));
        let lock = SubtensorModule::get_network_lock_cost();
        let c = add_subnet(3);
        assert_eq!(SubnetTAO::<Test>::get(c), lock);
        assert_eq!(SubnetAlphaIn::<Test>::get(c), (lock as u128 * 2 / 7) as u64);
    });
}

#[test]
fn register_network_errors_change_nothing() {
    checked(|| {
        // Not enough to lock: a fresh account with 50 TAO.
        assert_ok!(Balances::transfer_allow_death(signed(1), account(50), 50 * TAO));
        assert_noop!(
            SubtensorModule::register_network(signed(50), account(150)),
            Error::<Test>::NotEnoughBalanceToLockSubnet
        );
        // A hotkey owned by someone else.
        add_subnet(1);
        assert_noop!(
            SubtensorModule::register_network(signed(2), account(101)),
            Error::<Test>::NonAssociatedColdKey
        );
        // The rate limit.
        NetworkRateLimit::<Test>::put(10);
        assert_noop!(
            SubtensorModule::register_network(signed(2), account(102)),
            Error::<Test>::NetworkTxRateLimitExceeded
        );
        NetworkRateLimit::<Test>::put(0);
        // The subnet limit (4 in the mock).
        add_subnet(2);
        add_subnet(3);
        add_subnet(4);
        assert_noop!(
            SubtensorModule::register_network(signed(5), account(105)),
            Error::<Test>::SubnetLimitReached
        );
        assert_issuance_consistent();
    });
}

#[test]
fn start_call_enables_the_subnet() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_eq!(FirstEmissionBlockNumber::<Test>::get(netuid), None);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        assert_eq!(FirstEmissionBlockNumber::<Test>::get(netuid), Some(2));
        assert!(SubtokenEnabled::<Test>::get(netuid));
        System::assert_last_event(Event::FirstEmissionBlockNumberSet(netuid, 2).into());
        assert_noop!(
            SubtensorModule::start_call(signed(1), netuid),
            Error::<Test>::FirstEmissionBlockNumberAlreadySet
        );
    });
}

#[test]
fn start_call_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_noop!(SubtensorModule::start_call(signed(1), 9), Error::<Test>::SubnetNotExists);
        assert_noop!(SubtensorModule::start_call(signed(2), netuid), Error::<Test>::NotSubnetOwner);
        StartCallDelay::<Test>::put(10);
        assert_noop!(
            SubtensorModule::start_call(signed(1), netuid),
            Error::<Test>::NeedWaitingMoreBlocksToStarCall
        );
        run_to_block(11);
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
    });
}

#[test]
fn burned_register_pays_into_the_pool_and_bumps_the_price() {
    checked(|| {
        let netuid = add_subnet(1);
        let (tao, alpha) = (SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid));
        let before = free(2);
        let issuance = Balances::total_issuance();
        assert_ok!(SubtensorModule::burned_register(signed(2), netuid, account(22)));
        assert_eq!(Uids::<Test>::get(netuid, account(22)), Some(1));
        assert_eq!(Keys::<Test>::get(netuid, 1), account(22));
        assert_eq!(SubnetworkN::<Test>::get(netuid), 2);
        assert_eq!(BlockAtRegistration::<Test>::get(netuid, 1), 1);
        assert_eq!(Owner::<Test>::get(account(22)), account(2));
        assert_eq!(free(2), before - TAO);
        // The burn went into the pool, net of the fee; the alpha it bought is gone.
        let fee = TAO * 33 / 65535;
        assert_eq!(SubnetTAO::<Test>::get(netuid), tao + TAO - fee);
        let bought = alpha - SubnetAlphaIn::<Test>::get(netuid);
        assert!(bought > 0 && bought < TAO);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), 0);
        assert_eq!(RAORecycledForRegistration::<Test>::get(netuid), TAO);
        // TAO is not destroyed by registration.
        assert_eq!(Balances::total_issuance(), issuance);
        // Next price ×1.26, and the count for this block.
        assert_eq!(Burn::<Test>::get(netuid), 1_260_000_000);
        assert_eq!(RegistrationsThisBlock::<Test>::get(netuid), 1);
        for len in [
            Active::<Test>::get(netuid).len(),
            Emission::<Test>::get(netuid).len(),
            Incentive::<Test>::get(netuid).len(),
            LastUpdate::<Test>::get(netuid).len(),
            ValidatorPermit::<Test>::get(netuid).len(),
        ] {
            assert_eq!(len, 2);
        }
        System::assert_last_event(Event::NeuronRegistered(netuid, 1, account(22)).into());
        assert_issuance_consistent();
    });
}

#[test]
fn register_ignores_proof_of_work_arguments() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_ok!(SubtensorModule::register(signed(2), netuid, 7, 8, vec![1, 2, 3], account(22), account(2)));
        assert_eq!(Uids::<Test>::get(netuid, account(22)), Some(1));
    });
}

#[test]
fn burned_register_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_noop!(
            SubtensorModule::burned_register(signed(2), 0, account(22)),
            Error::<Test>::RegistrationNotPermittedOnRootSubnet
        );
        assert_noop!(
            SubtensorModule::burned_register(signed(2), 9, account(22)),
            Error::<Test>::SubnetNotExists
        );
        assert_noop!(
            SubtensorModule::burned_register(signed(2), netuid, account(101)),
            Error::<Test>::HotKeyAlreadyRegisteredInSubNet
        );
        // Owned by coldkey 1, registered elsewhere by coldkey 2.
        let other = add_subnet(3);
        assert_noop!(
            SubtensorModule::burned_register(signed(2), other, account(101)),
            Error::<Test>::NonAssociatedColdKey
        );
        assert_noop!(
            SubtensorModule::register_limit(signed(2), netuid, account(22), TAO - 1),
            Error::<Test>::RegistrationPriceLimitExceeded
        );
        assert_ok!(Balances::transfer_allow_death(signed(1), account(50), TAO / 2));
        assert_noop!(
            SubtensorModule::burned_register(signed(50), netuid, account(150)),
            Error::<Test>::NotEnoughBalanceToStake
        );
        NetworkRegistrationAllowed::<Test>::insert(netuid, false);
        assert_noop!(
            SubtensorModule::burned_register(signed(2), netuid, account(22)),
            Error::<Test>::SubNetRegistrationDisabled
        );
        NetworkRegistrationAllowed::<Test>::insert(netuid, true);
        MaxAllowedUids::<Test>::insert(netuid, 0);
        assert_noop!(
            SubtensorModule::burned_register(signed(2), netuid, account(22)),
            Error::<Test>::SubnetMaxAllowedUidsZero
        );
        assert_ok!(SubtensorModule::register_limit(signed(2), other, account(22), TAO));
        assert_issuance_consistent();
    });
}

/// TV8 on chain: the burn decays every block with its half-life and clamps.
#[test]
fn burn_decays_every_block() {
    checked(|| {
        let netuid = add_subnet(1);
        BurnHalfLife::<Test>::insert(netuid, 2);
        BurnDecayFactor::<Test>::remove(netuid);
        MinBurn::<Test>::insert(netuid, 0);
        MaxBurn::<Test>::insert(netuid, u64::MAX);
        Burn::<Test>::insert(netuid, 1_024);
        RegistrationsThisBlock::<Test>::insert(netuid, 3);
        run_to_block(3);
        assert_eq!(Burn::<Test>::get(netuid), 511);
        assert_eq!(RegistrationsThisBlock::<Test>::get(netuid), 0);
        run_to_block(5);
        assert_eq!(Burn::<Test>::get(netuid), 255);
        // The clamps: min 100 000, max 150 000.
        MinBurn::<Test>::insert(netuid, 100_000);
        MaxBurn::<Test>::insert(netuid, 150_000);
        run_to_block(6);
        assert_eq!(Burn::<Test>::get(netuid), 100_000);
    });
}

#[test]
fn a_full_subnet_replaces_its_lowest_emission_uid() {
    checked(|| {
        let netuid = add_subnet(1);
        MaxAllowedUids::<Test>::insert(netuid, 4);
        ImmunityPeriod::<Test>::insert(netuid, 0);
        MinNonImmuneUids::<Test>::insert(netuid, 1);
        for k in 2..=4u8 {
            assert_ok!(SubtensorModule::burned_register(signed(k), netuid, account(20 + k)));
        }
        assert_eq!(SubnetworkN::<Test>::get(netuid), 4);
        // Uid 0 is the owner's (immortal); uid 2 earns least.
        Emission::<Test>::insert(netuid, vec![0, 50, 10, 30]);
        Weights::<Test>::insert(netuid, 1, vec![(2, 65535), (3, 100)]);
        Axons::<Test>::insert(netuid, account(23), AxonInfo::default());
        run_to_block(2);
        assert_ok!(SubtensorModule::burned_register(signed(5), netuid, account(25)));
        assert_eq!(SubnetworkN::<Test>::get(netuid), 4);
        assert_eq!(Keys::<Test>::get(netuid, 2), account(25));
        assert_eq!(Uids::<Test>::get(netuid, account(23)), None);
        assert!(!IsNetworkMember::<Test>::get(account(23), netuid));
        assert_eq!(Axons::<Test>::get(netuid, account(23)), None);
        assert_eq!(BlockAtRegistration::<Test>::get(netuid, 2), 2);
        assert_eq!(Emission::<Test>::get(netuid), vec![0, 50, 0, 30]);
        assert_eq!(Weights::<Test>::get(netuid, 1), vec![(2, 0), (3, 100)]);
        assert_eq!(LastUpdate::<Test>::get(netuid)[2], 2);
    });
}

#[test]
fn the_owner_hotkey_is_never_pruned() {
    checked(|| {
        let netuid = add_subnet(1);
        MaxAllowedUids::<Test>::insert(netuid, 1);
        ImmunityPeriod::<Test>::insert(netuid, 0);
        assert_noop!(
            SubtensorModule::burned_register(signed(2), netuid, account(22)),
            Error::<Test>::NoNeuronIdAvailable
        );
    });
}

#[test]
fn immune_uids_are_pruned_only_when_too_few_are_open() {
    checked(|| {
        let netuid = add_subnet(1);
        MaxAllowedUids::<Test>::insert(netuid, 3);
        for k in 2..=3u8 {
            assert_ok!(SubtensorModule::burned_register(signed(k), netuid, account(20 + k)));
        }
        // Everyone is immune (period 5000): the lowest-emission immune uid goes.
        Emission::<Test>::insert(netuid, vec![0, 7, 3]);
        assert_eq!(SubtensorModule::get_neuron_to_prune(netuid, 10), Some(2));
        // Ties: earlier registration, then lower uid.
        Emission::<Test>::insert(netuid, vec![0, 3, 3]);
        assert_eq!(SubtensorModule::get_neuron_to_prune(netuid, 10), Some(1));
    });
}

pub(super) fn register_hotkey(netuid: u16, cold: u8, hot: u8) {
    assert_ok!(SubtensorModule::burned_register(signed(cold), netuid, account(hot)));
}

#[test]
fn serve_axon_stores_the_endpoint() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 22);
        // Unfunded hotkeys may serve.
        assert_ok!(SubtensorModule::serve_axon(signed(22), netuid, 7, 0x0a00_0001, 8091, 4, 4, 0, 0));
        let axon = Axons::<Test>::get(netuid, account(22)).unwrap();
        assert_eq!((axon.block, axon.version, axon.ip, axon.port, axon.ip_type, axon.protocol), (1, 7, 0x0a00_0001, 8091, 4, 4));
        System::assert_last_event(Event::AxonServed(netuid, account(22)).into());
        // Rate limit, then allowed again after 50 blocks.
        assert_noop!(
            SubtensorModule::serve_axon(signed(22), netuid, 8, 0x0a00_0001, 8091, 4, 4, 0, 0),
            Error::<Test>::ServingRateLimitExceeded
        );
        run_to_block(51);
        assert_ok!(SubtensorModule::serve_axon(signed(22), netuid, 8, 0, 8091, 4, 4, 0, 0));
        assert_eq!(Axons::<Test>::get(netuid, account(22)).unwrap().version, 8);
    });
}

#[test]
fn serve_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 22);
        assert_noop!(
            SubtensorModule::serve_axon(signed(23), netuid, 1, 0x0a00_0001, 1, 4, 4, 0, 0),
            Error::<Test>::HotKeyNotRegisteredInNetwork
        );
        assert_noop!(
            SubtensorModule::serve_axon(signed(22), netuid, 1, 0x0a00_0001, 1, 5, 4, 0, 0),
            Error::<Test>::InvalidIpType
        );
        assert_noop!(
            SubtensorModule::serve_axon(signed(22), netuid, 1, 0x7f00_0001, 1, 4, 4, 0, 0),
            Error::<Test>::InvalidIpAddress
        );
        assert_noop!(
            SubtensorModule::serve_axon(signed(22), netuid, 1, 0x0a00_0001, 0, 4, 4, 0, 0),
            Error::<Test>::InvalidPort
        );
        assert_noop!(
            SubtensorModule::serve_prometheus(signed(22), netuid, 1, 0, 9090, 4),
            Error::<Test>::InvalidIpAddress
        );
        assert_noop!(
            SubtensorModule::serve_prometheus(signed(23), netuid, 1, 1, 9090, 4),
            Error::<Test>::HotKeyNotRegisteredInNetwork
        );
    });
}

#[test]
fn serve_axon_tls_keeps_a_certificate_and_prometheus_is_stored() {
    checked(|| {
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 22);
        let mut cert = vec![1u8];
        cert.extend([9u8; 32]);
        assert_ok!(SubtensorModule::serve_axon_tls(signed(22), netuid, 1, 0x0a00_0001, 443, 4, 4, 0, 0, cert));
        let stored = NeuronCertificates::<Test>::get(netuid, account(22)).unwrap();
        assert_eq!((stored.algorithm, stored.public_key.len()), (1, 32));
        // Too long: the axon is served, the certificate ignored.
        register_hotkey(netuid, 3, 23);
        assert_ok!(SubtensorModule::serve_axon_tls(signed(23), netuid, 1, 0x0a00_0001, 443, 4, 4, 0, 0, vec![1; 66]));
        assert!(Axons::<Test>::get(netuid, account(23)).is_some());
        assert!(NeuronCertificates::<Test>::get(netuid, account(23)).is_none());
        assert_ok!(SubtensorModule::serve_prometheus(signed(22), netuid, 3, 0x0a00_0002, 9090, 4));
        let p = Prometheus::<Test>::get(netuid, account(22)).unwrap();
        assert_eq!((p.block, p.version, p.ip, p.port, p.ip_type), (1, 3, 0x0a00_0002, 9090, 4));
    });
}

fn subnet_identity(name: &[u8]) -> SubnetIdentityV3 {
    SubnetIdentityV3 { subnet_name: name.to_vec(), description: b"a subnet".to_vec(), ..Default::default() }
}

#[test]
fn register_network_with_identity_stores_it() {
    checked(|| {
        assert_ok!(SubtensorModule::register_network_with_identity(
            signed(1),
            account(101),
            Some(subnet_identity(b"alpha"))
        ));
        assert_eq!(SubnetIdentitiesV3::<Test>::get(1), Some(subnet_identity(b"alpha")));
        assert_ok!(SubtensorModule::register_network_with_identity(signed(2), account(102), None));
        assert_eq!(SubnetIdentitiesV3::<Test>::get(2), None);
        let mut too_long = subnet_identity(b"x");
        too_long.subnet_name = vec![b'x'; 257];
        assert_noop!(
            SubtensorModule::register_network_with_identity(signed(3), account(103), Some(too_long)),
            Error::<Test>::InvalidIdentity
        );
    });
}

#[test]
fn set_subnet_identity_is_for_the_owner() {
    checked(|| {
        let netuid = add_subnet(1);
        let call = |who: u8, netuid: u16, name: Vec<u8>| {
            SubtensorModule::set_subnet_identity(
                signed(who), netuid, name, vec![], vec![], vec![], vec![], vec![], vec![], vec![],
            )
        };
        assert_ok!(call(1, netuid, b"mine".to_vec()));
        assert_eq!(SubnetIdentitiesV3::<Test>::get(netuid).unwrap().subnet_name, b"mine".to_vec());
        System::assert_last_event(Event::SubnetIdentitySet(netuid).into());
        assert_noop!(call(2, netuid, b"theirs".to_vec()), Error::<Test>::NotSubnetOwner);
        assert_noop!(call(1, 9, b"none".to_vec()), Error::<Test>::SubnetNotExists);
        assert_noop!(call(1, netuid, vec![0; 257]), Error::<Test>::InvalidIdentity);
    });
}

#[test]
fn set_identity_needs_a_registered_hotkey_and_valid_lengths() {
    checked(|| {
        let set = |who: u8, name: Vec<u8>, image: Vec<u8>| {
            SubtensorModule::set_identity(signed(who), name, vec![], vec![], image, vec![], vec![], vec![])
        };
        assert_noop!(set(2, b"bob".to_vec(), vec![]), Error::<Test>::HotKeyNotRegisteredInNetwork);
        let netuid = add_subnet(1);
        register_hotkey(netuid, 2, 22);
        assert_ok!(set(2, b"bob".to_vec(), vec![1; 1024]));
        assert_eq!(IdentitiesV2::<Test>::get(account(2)).unwrap().name, b"bob".to_vec());
        System::assert_last_event(Event::ChainIdentitySet(account(2)).into());
        assert_noop!(set(2, vec![1; 257], vec![]), Error::<Test>::InvalidIdentity);
        assert_noop!(set(2, vec![], vec![1; 1025]), Error::<Test>::InvalidIdentity);
    });
}

#[test]
fn the_owner_sets_the_tempo_within_bounds_and_limits() {
    checked(|| {
        let netuid = add_subnet(1);
        AdminFreezeWindow::<Test>::put(0);
        assert_noop!(SubtensorModule::set_tempo(signed(2), netuid, 720), Error::<Test>::NotSubnetOwner);
        assert_noop!(SubtensorModule::set_tempo(signed(1), netuid, 359), Error::<Test>::InvalidTempo);
        assert_noop!(SubtensorModule::set_tempo(signed(1), netuid, 50_401), Error::<Test>::InvalidTempo);
        assert_noop!(SubtensorModule::set_tempo(signed(1), 9, 720), Error::<Test>::SubnetNotExists);
        run_to_block(5);
        assert_ok!(SubtensorModule::set_tempo(signed(1), netuid, 720));
        assert_eq!(Tempo::<Test>::get(netuid), 720);
        assert_eq!(LastEpochBlock::<Test>::get(netuid), 5);
        System::assert_last_event(Event::TempoSet(netuid, 720).into());
        // Once per 360 blocks.
        assert_noop!(SubtensorModule::set_tempo(signed(1), netuid, 800), Error::<Test>::TxRateLimitExceeded);
        // The freeze window before the next epoch (at 5 + 720 = 725).
        AdminFreezeWindow::<Test>::put(10);
        run_to_block(720);
        assert_noop!(
            SubtensorModule::set_tempo(signed(1), netuid, 800),
            Error::<Test>::AdminActionProhibitedDuringWeightsWindow
        );
    });
}

#[test]
fn activity_cutoff_factor_by_owner_or_root() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_eq!(ActivityCutoffFactorMilli::<Test>::get(netuid), 13_889);
        assert_ok!(SubtensorModule::set_activity_cutoff_factor(signed(1), netuid, 2_000));
        assert_eq!(ActivityCutoffFactorMilli::<Test>::get(netuid), 2_000);
        assert_ok!(SubtensorModule::set_activity_cutoff_factor(RuntimeOrigin::root(), netuid, 50_000));
        assert_noop!(
            SubtensorModule::set_activity_cutoff_factor(signed(2), netuid, 2_000),
            Error::<Test>::NotSubnetOwner
        );
        assert_noop!(
            SubtensorModule::set_activity_cutoff_factor(signed(1), netuid, 999),
            Error::<Test>::InvalidActivityCutoffFactor
        );
        assert_noop!(
            SubtensorModule::set_activity_cutoff_factor(signed(1), netuid, 50_001),
            Error::<Test>::InvalidActivityCutoffFactor
        );
    });
}

mod issuance {
    use super::*;
    use tensorchain_economics::MAX_SUPPLY;

    /// `economics.md` §8 TV1 through the pallet: halving by issuance, not by block.
    #[test]
    fn tv1_block_emission_follows_issuance() {
        checked(|| {
            for (issuance, emission) in [
                (0u64, 1_000_000_000u64),
                (10_499_999_999_000_000, 1_000_000_000),
                (10_500_000_000_000_000, 500_000_000),
                (15_750_000_000_000_000, 250_000_000),
                (18_375_000_000_000_000, 125_000_000),
                (19_687_500_000_000_000, 62_500_000),
                (20_999_999_000_000_000, 59),
                (21_000_000_000_000_000, 0),
            ] {
                TotalIssuance::<Test>::put(issuance);
                assert_eq!(SubtensorModule::block_emission(), emission);
                assert_eq!(BlockEmission::<Test>::get(), emission);
            }
            TotalIssuance::<Test>::put(<Balances as Inspect<AccountId32>>::total_issuance());
        });
    }

    #[test]
    fn alpha_emission_uses_the_subnet_alpha_issuance() {
        checked(|| {
            let netuid = add_subnet(1);
            assert_eq!(SubtensorModule::alpha_block_emission(netuid), 1_000_000_000);
            SubnetAlphaIn::<Test>::insert(netuid, 10_500_000_000_000_000);
            assert_eq!(SubtensorModule::alpha_block_emission(netuid), 500_000_000);
            SubnetAlphaIn::<Test>::insert(netuid, SubnetTAO::<Test>::get(netuid));
        });
    }

    /// `test_mint_tao_respects_max_issuance_cap_in_balances`: asking for 1000 rao more than
    /// remains mints exactly what remains.
    #[test]
    fn minting_stops_at_the_supply_cap() {
        checked(|| {
            let issued = <Balances as Inspect<AccountId32>>::total_issuance();
            let remaining = MAX_SUPPLY - issued;
            assert_eq!(SubtensorModule::mint_tao_into(&account(50), remaining + 1_000), remaining);
            assert_eq!(<Balances as Inspect<AccountId32>>::total_issuance(), MAX_SUPPLY);
            assert_eq!(SubtensorModule::mint_tao_into(&account(50), 1), 0);
            assert_issuance_consistent();
        });
    }

    #[test]
    fn recycling_lowers_both_issuances() {
        checked(|| {
            let issued = TotalIssuance::<Test>::get();
            assert_eq!(SubtensorModule::recycle_tao(&account(1), 5 * TAO), 5 * TAO);
            assert_eq!(TotalIssuance::<Test>::get(), issued - 5 * TAO);
            // Never below the existential deposit: the account stays alive.
            let all = free(1);
            assert_eq!(SubtensorModule::recycle_tao(&account(1), all), all - 500);
            assert_issuance_consistent();
        });
    }
}

#[test]
fn netuids_stop_below_the_mechanism_stride() {
    checked(|| {
        // Whatever SubnetLimit says, netuid 4096 would share storage indices with mechanism 1
        // of netuid 0, so registration stops at 4095.
        SubnetLimit::<Test>::put(u16::MAX);
        for netuid in 1..crate::set_weights::MAX_NETUIDS {
            NetworksAdded::<Test>::insert(netuid, true);
        }
        assert_noop!(
            SubtensorModule::register_network(signed(1), account(101)),
            Error::<Test>::SubnetLimitReached
        );
        for n in [0u16, 1, 4095] {
            for m in 0..crate::set_weights::MAX_MECHANISMS {
                let idx = crate::set_weights::storage_index(n, m);
                assert_eq!((idx % 4096, idx / 4096), (n, u16::from(m)));
            }
        }
        for netuid in 1..crate::set_weights::MAX_NETUIDS {
            NetworksAdded::<Test>::remove(netuid);
        }
    });
}
