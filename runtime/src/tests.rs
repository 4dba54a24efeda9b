//! Runtime-level tests: genesis presets, what the clients read, and where fees go.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use crate::{
    configs::{block_author, FeesToAuthor, ProxyType},
    genesis_config_presets::{self, ALICE_HK, THREE}, AccountId, Balances, Runtime, RuntimeCall, RuntimeGenesisConfig,
    System, TxExtension, EXISTENTIAL_DEPOSIT, TAO,
};
use codec::{Decode, Encode};
use frame_support::traits::{
    fungible::Balanced,
    tokens::{Fortitude, Precision, Preservation},
    Get, InstanceFilter, OnUnbalanced,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::TransactionExtension, BuildStorage, Digest, DigestItem};

fn preset(name: &str) -> RuntimeGenesisConfig {
    let json = genesis_config_presets::get_preset(&name.into()).expect("preset exists");
    serde_json::from_slice(&json).expect("preset JSON is a full genesis config")
}

fn ext(name: &str) -> sp_io::TestExternalities {
    preset(name).build_storage().expect("genesis builds").into()
}

/// Starts block 1 with an Aura pre-digest for `slot`.
fn start_block_with_slot(slot: u64) {
    let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
    System::reset_events();
    System::initialize(&1, &Default::default(), &digest);
    <pallet_aura::Pallet<Runtime> as frame_support::traits::OnInitialize<u32>>::on_initialize(1);
}

#[test]
fn presets_are_listed_and_unknown_names_refused() {
    let names: Vec<String> = genesis_config_presets::preset_names()
        .into_iter()
        .map(|p| String::from_utf8(p.into()).unwrap())
        .collect();
    assert_eq!(names, ["development", "local_testnet"]);
    assert!(genesis_config_presets::get_preset(&"mainnet".into()).is_none());
}

#[test]
fn dev_genesis_funds_the_well_known_accounts_and_makes_alice_sudo() {
    ext("development").execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        assert_eq!(Balances::free_balance(&alice), 1_000_000 * TAO);
        assert_eq!(Balances::free_balance(Sr25519Keyring::Ferdie.to_account_id()), 2_000 * TAO);
        assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice));
        assert_eq!(Balances::free_balance(AccountId::new(THREE)), 2_000 * TAO);
        // Blocks are authored by //One, not by the sudo key.
        let authorities = pallet_aura::Authorities::<Runtime>::get();
        assert_eq!(authorities.len(), 1);
        assert_eq!(AccountId::new(authorities[0].clone().into_inner().0), Sr25519Keyring::One.to_account_id());
        // The genesis subnet's pool (10 TAO) is minted, and the mirror follows.
        let issuance = 3 * 1_000_000 * TAO + 6 * 2_000 * TAO + 10 * TAO;
        assert_eq!(Balances::total_issuance(), issuance);
        assert_eq!(pallet_subtensor::TotalIssuance::<Runtime>::get(), issuance);
    });
}

#[test]
fn dev_genesis_is_upstreams_fast_localnet() {
    use pallet_subtensor as st;
    ext("development").execute_with(|| {
        let alice = Sr25519Keyring::Alice.to_account_id();
        // Root owned by //Alice with hotkey //Alice_hk; netuid 1 with one neuron; the first
        // user subnet will be netuid 2.
        assert_eq!(st::SubnetOwner::<Runtime>::get(0), alice);
        assert_eq!(st::SubnetOwnerHotkey::<Runtime>::get(0), AccountId::new(ALICE_HK));
        assert!(st::NetworksAdded::<Runtime>::get(1));
        assert_eq!(st::SubnetworkN::<Runtime>::get(1), 1);
        assert_eq!(st::TotalNetworks::<Runtime>::get(), 2);
        assert!(st::StakingHotkeys::<Runtime>::get(&alice).is_empty());
        // Fast-runtime values from the chain spec.
        assert_eq!(<Runtime as pallet_aura::Config>::SlotDuration::get(), 250);
        assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 125);
        assert_eq!(st::NewSubnetTempo::<Runtime>::get(), 10);
        assert_eq!(st::MaxEpochsPerBlock::<Runtime>::get(), 32);
        assert_eq!(st::NetworkRateLimit::<Runtime>::get(), 0);
        assert_eq!(st::StartCallDelay::<Runtime>::get(), 0);
        st::Pallet::<Runtime>::check_accounting().unwrap();
    });
    // The local chain keeps production values.
    ext("local_testnet").execute_with(|| {
        assert_eq!(<Runtime as pallet_aura::Config>::SlotDuration::get(), 12_000);
        assert_eq!(st::NewSubnetTempo::<Runtime>::get(), 360);
        assert_eq!(st::MaxEpochsPerBlock::<Runtime>::get(), 2);
        assert_eq!(st::NetworkRateLimit::<Runtime>::get(), 7_200);
    });
}

#[test]
fn local_genesis_has_two_authorities() {
    ext("local_testnet").execute_with(|| {
        assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 2);
        assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 2);
    });
}

#[test]
fn the_block_author_is_read_from_the_aura_digest() {
    ext("local_testnet").execute_with(|| {
        // Two authorities: slot 7 is Bob's (7 mod 2 = 1), slot 8 Alice's.
        start_block_with_slot(7);
        assert_eq!(block_author(), Some(Sr25519Keyring::Bob.to_account_id()));
    });
    ext("local_testnet").execute_with(|| {
        start_block_with_slot(8);
        assert_eq!(block_author(), Some(Sr25519Keyring::Alice.to_account_id()));
        assert_eq!(pallet_aura::CurrentSlot::<Runtime>::get(), Slot::from(8));
    });
}

#[test]
fn fees_and_tips_go_to_the_author_and_issuance_is_unchanged() {
    ext("local_testnet").execute_with(|| {
        start_block_with_slot(7);
        let bob = Sr25519Keyring::Bob.to_account_id();
        let payer = Sr25519Keyring::Charlie.to_account_id();
        let issuance = Balances::total_issuance();
        let bob_before = Balances::free_balance(&bob);
        let fee = <Balances as Balanced<AccountId>>::withdraw(
            &payer, 1_000, Precision::Exact, Preservation::Preserve, Fortitude::Polite,
        )
        .unwrap();
        let tip = <Balances as Balanced<AccountId>>::withdraw(
            &payer, 10, Precision::Exact, Preservation::Preserve, Fortitude::Polite,
        )
        .unwrap();
        FeesToAuthor::on_unbalanceds([fee, tip].into_iter());
        assert_eq!(Balances::free_balance(&bob), bob_before + 1_010);
        assert_eq!(Balances::total_issuance(), issuance);
    });
}

#[test]
fn transaction_extensions_are_the_ones_clients_know_in_their_order() {
    let ids: Vec<&str> = <TxExtension as TransactionExtension<RuntimeCall>>::metadata()
        .into_iter()
        .map(|m| m.identifier)
        .collect();
    assert_eq!(
        ids,
        [
            "CheckNonZeroSender",
            "CheckSpecVersion",
            "CheckTxVersion",
            "CheckGenesis",
            "CheckMortality",
            "CheckNonce",
            "CheckWeight",
            "ChargeTransactionPayment",
            "CheckShieldedTxValidity",
            "SubtensorTransactionExtension",
            "CheckMetadataHash",
        ]
    );
}

#[test]
fn metadata_v15_is_served() {
    assert!(Runtime::metadata_versions().contains(&15));
    // Constants such as `Aura.SlotDuration` are read from the chain's storage.
    let meta = ext("development").execute_with(|| Runtime::metadata_at_version(15)).expect("v15");
    let bytes: Vec<u8> = meta.to_vec();
    // Option<OpaqueMetadata> is returned by the API; this is the inner value: a SCALE
    // Vec<u8> holding "meta" followed by the version byte.
    let start = bytes.windows(4).position(|w| w == b"meta").unwrap();
    assert_eq!(bytes[start + 4], 15);
}

#[test]
fn proxy_types_filter_calls() {
    let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
        dest: Sr25519Keyring::Bob.to_account_id().into(),
        value: 1,
    });
    let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
    assert!(ProxyType::Any.filter(&transfer));
    assert!(ProxyType::Transfer.filter(&transfer));
    assert!(!ProxyType::Transfer.filter(&remark));
    assert!(!ProxyType::NonTransfer.filter(&transfer));
    assert!(ProxyType::NonTransfer.filter(&remark));
    assert!(ProxyType::Any.is_superset(&ProxyType::Transfer));
    assert!(!ProxyType::Transfer.is_superset(&ProxyType::Any));
}

/// The variants' SCALE indices are the names' positions in upstream's declaration, which
/// clients send by name.
#[test]
fn proxy_type_indices_are_upstreams() {
    let names = [
        ProxyType::Any,
        ProxyType::Owner,
        ProxyType::NonCritical,
        ProxyType::NonTransfer,
        ProxyType::Senate,
        ProxyType::NonFungible,
        ProxyType::Triumvirate,
        ProxyType::Governance,
        ProxyType::Staking,
        ProxyType::Registration,
        ProxyType::Transfer,
        ProxyType::SmallTransfer,
        ProxyType::RootWeights,
        ProxyType::ChildKeys,
        ProxyType::SudoUncheckedSetCode,
        ProxyType::SwapHotkey,
        ProxyType::SubnetLeaseBeneficiary,
        ProxyType::RootClaim,
    ];
    for (i, t) in names.iter().enumerate() {
        assert_eq!(t.encode(), vec![i as u8], "{t:?}");
    }
}

#[test]
fn lease_beneficiary_and_small_transfer_proxies_filter_as_upstream() {
    let bob: sp_runtime::MultiAddress<AccountId, ()> = Sr25519Keyring::Bob.to_account_id().into();
    let start = RuntimeCall::SubtensorModule(pallet_subtensor::Call::start_call { netuid: 1 });
    let kappa = RuntimeCall::AdminUtils(pallet_admin_utils::Call::sudo_set_kappa { netuid: 1, kappa: 5 });
    let tempo = RuntimeCall::AdminUtils(pallet_admin_utils::Call::sudo_set_tempo { netuid: 1, tempo: 5 });
    let stake = RuntimeCall::SubtensorModule(pallet_subtensor::Call::add_stake {
        hotkey: Sr25519Keyring::Bob.to_account_id(),
        netuid: 1,
        amount_staked: 1,
    });
    assert!(ProxyType::SubnetLeaseBeneficiary.filter(&start));
    assert!(ProxyType::SubnetLeaseBeneficiary.filter(&kappa));
    assert!(!ProxyType::SubnetLeaseBeneficiary.filter(&tempo));
    assert!(!ProxyType::SubnetLeaseBeneficiary.filter(&stake));
    assert!(ProxyType::Staking.filter(&stake));
    assert!(!ProxyType::Registration.filter(&stake));
    let children = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_children {
        hotkey: Sr25519Keyring::Bob.to_account_id(),
        netuid: 1,
        children: vec![],
    });
    let child_take = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_childkey_take {
        hotkey: Sr25519Keyring::Bob.to_account_id(),
        netuid: 1,
        take: 1,
    });
    assert!(ProxyType::ChildKeys.filter(&children));
    assert!(ProxyType::ChildKeys.filter(&child_take));
    assert!(!ProxyType::ChildKeys.filter(&stake));
    assert!(!ProxyType::Staking.filter(&children));
    assert!(!ProxyType::NonFungible.filter(&stake));
    let small = |value| RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: bob.clone(), value });
    assert!(ProxyType::SmallTransfer.filter(&small(499_999_999)));
    assert!(!ProxyType::SmallTransfer.filter(&small(500_000_000)));
    assert!(ProxyType::Transfer.is_superset(&ProxyType::SmallTransfer));
    assert!(ProxyType::NonTransfer.is_superset(&ProxyType::Staking));
    assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Transfer));
    assert!(!ProxyType::Senate.filter(&start));
}

#[test]
fn existential_deposit_is_500_rao() {
    let ed: u64 = <<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<u64>>::get();
    assert_eq!(ed, EXISTENTIAL_DEPOSIT);
    assert_eq!(EXISTENTIAL_DEPOSIT, 500);
}

#[test]
fn free_calls_may_come_from_accounts_without_funds() {
    use crate::check_nonce::CheckNonce;
    use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
    ext("development").execute_with(|| {
        let hotkey = AccountId::new([7u8; 32]);
        assert_eq!(
            CheckNonce::validate_for(&hotkey, 0, false),
            Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
        );
        let (provides, requires) = CheckNonce::validate_for(&hotkey, 0, true).unwrap();
        assert_eq!(provides.len(), 1);
        assert!(requires.is_empty());
        // A funded account behaves as with the stock extension: stale and future nonces.
        let alice = Sr25519Keyring::Alice.to_account_id();
        frame_system::Account::<Runtime>::mutate(&alice, |a| a.nonce = 3);
        assert_eq!(
            CheckNonce::validate_for(&alice, 2, false),
            Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
        );
        let (_, requires) = CheckNonce::validate_for(&alice, 5, false).unwrap();
        assert_eq!(requires.len(), 1);
    });
}

#[test]
fn dust_of_a_reaped_account_is_recycled_in_both_issuances() {
    ext("development").execute_with(|| {
        use frame_support::traits::fungible::{Inspect, Mutate};
        let alice = Sr25519Keyring::Alice.to_account_id();
        let dave = Sr25519Keyring::Dave.to_account_id();
        let all = Balances::free_balance(&dave);
        // Leave 100 rao, below the existential deposit: Dave is reaped and the dust burned.
        assert_ok_transfer(&dave, &alice, all - 100);
        assert_eq!(Balances::free_balance(&dave), 0);
        assert_eq!(
            pallet_subtensor::TotalIssuance::<Runtime>::get(),
            <Balances as Inspect<AccountId>>::total_issuance()
        );
        fn assert_ok_transfer(from: &AccountId, to: &AccountId, amount: u64) {
            <Balances as Mutate<AccountId>>::transfer(from, to, amount, Preservation::Expendable).unwrap();
        }
    });
}

#[test]
fn metadata_names_what_the_clients_look_up() {
    // The clients find pallets, constants, storage and runtime APIs by name: each name must
    // appear in the V15 metadata (as a SCALE string: its length, then its bytes).
    let bytes: Vec<u8> =
        ext("development").execute_with(|| Runtime::metadata_at_version(15)).expect("v15").to_vec();
    let has = |name: &str| {
        let mut needle = codec::Compact(name.len() as u32).encode();
        needle.extend_from_slice(name.as_bytes());
        bytes.windows(needle.len()).any(|w| w == needle.as_slice())
    };
    for name in [
        "Swap",
        "InitialStartCallDelay",
        "MinTempo",
        "MaxTempo",
        "TotalHotkeyAlpha",
        "SubnetMovingPrice",
        "RootClaimable",
        "RootClaimType",
        "SubnetInfoRuntimeApi",
        "get_all_dynamic_info",
        "StakeInfoRuntimeApi",
        "SwapRuntimeApi",
        "NeuronInfoRuntimeApi",
        "SubnetRegistrationRuntimeApi",
        // Must exist for btcli's subnet and stake views (client-compat.md §2.2, §5 pitfall 9).
        "SubnetEmaTaoFlow",
        "HotkeyLock",
        "DecayingHotkeyLock",
        "OwnerLock",
        "DecayingOwnerLock",
        "UnlockRate",
        "MaturityRate",
        "ChildKeys",
        "ParentKeys",
        "ChildkeyTake",
        "PendingChildKeys",
        "MaxEpochsPerBlock",
        "get_selective_mechagraph",
        "get_mechagraph",
        "get_metagraph",
        "get_subnet_info_v2",
        "DelegateInfoRuntimeApi",
        "get_delegates",
        "get_stake_availability_for_coldkeys",
        "get_coldkey_lock",
        "get_hotkey_conviction",
        "get_most_convicted_hotkey_on_subnet",
        "lock_stake",
        "move_lock",
        "set_perpetual_lock",
        "set_reject_locked_alpha",
    ] {
        assert!(has(name), "{name} missing from the metadata");
    }
}

#[test]
fn served_v15_metadata_has_account_id32_at_type_zero() {
    use frame_metadata::{v15::StorageEntryType, RuntimeMetadata, RuntimeMetadataPrefixed};
    use sp_api::runtime_decl_for_metadata::MetadataV2;
    let opaque = ext("development").execute_with(|| <Runtime as MetadataV2<crate::Block>>::metadata_at_version(15));
    let bytes: Vec<u8> = opaque.expect("v15").to_vec();
    let RuntimeMetadataPrefixed(_, RuntimeMetadata::V15(m)) =
        codec::Decode::decode(&mut &bytes[..]).expect("decodes")
    else {
        panic!("not V15");
    };
    // Every type sits at its id, AccountId32 at 0.
    assert!(m.types.types.iter().enumerate().all(|(i, t)| t.id as usize == i));
    let path: Vec<&str> = m.types.types[0].ty.path.segments.iter().map(|s| s.as_str()).collect();
    assert_eq!(path, ["sp_core", "crypto", "AccountId32"]);
    // References follow: System.Account is keyed by type 0, and the extrinsic's address
    // (MultiAddress<AccountId32, ()>) names type 0 as its AccountId.
    let system = m.pallets.iter().find(|p| p.name == "System").unwrap();
    let account = system.storage.as_ref().unwrap().entries.iter().find(|e| e.name == "Account").unwrap();
    match &account.ty {
        StorageEntryType::Map { key, .. } => assert_eq!(key.id, 0),
        _ => panic!("System.Account is a map"),
    }
    let address = &m.types.types[m.extrinsic.address_ty.id as usize].ty;
    assert_eq!(address.path.segments.last().map(|s| s.as_str()), Some("MultiAddress"));
    assert_eq!(address.type_params[0].ty.map(|t| t.id), Some(0));
}

/// A signed extrinsic from `signer`, with every extension as the clients fill it.
fn signed_xt(signer: Sr25519Keyring, nonce: u32, call: RuntimeCall) -> crate::UncheckedExtrinsic {
    let tx_ext: TxExtension = (
        frame_system::CheckNonZeroSender::new(),
        frame_system::CheckSpecVersion::new(),
        frame_system::CheckTxVersion::new(),
        frame_system::CheckGenesis::new(),
        crate::check_mortality::CheckMortality::from(sp_runtime::generic::Era::Immortal),
        crate::check_nonce::CheckNonce(nonce),
        frame_system::CheckWeight::new(),
        pallet_transaction_payment::ChargeTransactionPayment::from(0),
        pallet_shield::CheckShieldedTxValidity::new(),
        crate::subtensor_extension::SubtensorTransactionExtension,
        frame_metadata_hash_extension::CheckMetadataHash::new(false),
    );
    let payload = crate::SignedPayload::new(call.clone(), tx_ext.clone()).unwrap();
    let signature = payload.using_encoded(|p| signer.sign(p));
    crate::UncheckedExtrinsic::new_signed(call, signer.to_account_id().into(), signature.into(), tx_ext)
}

/// Starts block 1 through the executive, as a node would.
fn start_block() {
    let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(1u64).encode())] };
    let header = <crate::Header as sp_runtime::traits::Header>::new(1, Default::default(), Default::default(), System::block_hash(0), digest);
    crate::Executive::initialize_block(&header);
}

fn nonce_of(who: Sr25519Keyring) -> u32 {
    System::account_nonce(who.to_account_id())
}

#[test]
fn no_balances_call_can_desynchronise_the_issuance_mirror() {
    use pallet_balances::{AdjustmentDirection, Call as B};
    ext("development").execute_with(|| {
        start_block();
        let alice = Sr25519Keyring::Alice;
        let (bob, dave) = (Sr25519Keyring::Bob, Sr25519Keyring::Dave);
        let fresh = Sr25519Keyring::Eve.to_account_id();
        let sudo = |call: B<Runtime>| RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(RuntimeCall::Balances(call)) });
        let calls: Vec<(Sr25519Keyring, RuntimeCall)> = vec![
            (bob, RuntimeCall::Balances(B::burn { value: 7 * TAO, keep_alive: true })),
            (bob, RuntimeCall::Balances(B::burn { value: 3, keep_alive: false })),
            (bob, RuntimeCall::Balances(B::transfer_allow_death { dest: fresh.clone().into(), value: 600 })),
            (bob, RuntimeCall::Balances(B::transfer_keep_alive { dest: fresh.clone().into(), value: TAO })),
            (dave, RuntimeCall::Balances(B::transfer_all { dest: fresh.clone().into(), keep_alive: false })),
            (bob, RuntimeCall::Balances(B::upgrade_accounts { who: vec![fresh.clone()] })),
            (alice, sudo(B::force_transfer { source: fresh.clone().into(), dest: bob.to_account_id().into(), value: TAO })),
            (alice, sudo(B::force_unreserve { who: fresh.clone().into(), amount: 1 })),
            (alice, sudo(B::force_set_balance { who: fresh.clone().into(), new_free: 5 * TAO })),
            (alice, sudo(B::force_set_balance { who: fresh.clone().into(), new_free: 0 })),
            (alice, sudo(B::force_adjust_total_issuance { direction: AdjustmentDirection::Decrease, delta: 11 })),
            (alice, sudo(B::force_adjust_total_issuance { direction: AdjustmentDirection::Increase, delta: 5 })),
        ];
        let before = Balances::total_issuance();
        for (signer, call) in calls {
            let name = format!("{call:?}");
            let xt = signed_xt(signer, nonce_of(signer), call);
            let applied = crate::Executive::apply_extrinsic(xt);
            assert!(matches!(applied, Ok(Ok(()))), "{name}: {applied:?}");
            assert_eq!(
                pallet_subtensor::TotalIssuance::<Runtime>::get(),
                Balances::total_issuance(),
                "after {name}"
            );
            pallet_subtensor::Pallet::<Runtime>::check_accounting().unwrap();
        }
        // The calls really moved the issuance (burns, a forced balance, a forced adjustment),
        // and every root call went through.
        assert!(Balances::total_issuance() < before);
        let sudid_ok = System::events()
            .iter()
            .filter(|r| matches!(r.event, crate::RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Ok(()) })))
            .count();
        assert_eq!(sudid_ok, 6);
    });
}

#[test]
fn free_calls_that_would_fail_are_refused_by_the_pool() {
    use sp_runtime::transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError};
    ext("development").execute_with(|| {
        start_block();
        // A never-funded, unregistered key sending 200 000 uids (800 KB).
        let stranger = Sr25519Keyring::BobStash;
        assert_eq!(Balances::free_balance(stranger.to_account_id()), 0);
        let uids: Vec<u16> = (0..200_000u32).map(|u| (u % 65_536) as u16).collect();
        let call = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
            netuid: 1,
            dests: uids.clone(),
            weights: uids,
            version_key: 0,
        });
        let xt = signed_xt(stranger, 0, call);
        assert!(xt.encoded_size() > 800_000);
        let validity = crate::Executive::validate_transaction(TransactionSource::External, xt.clone(), Default::default());
        assert_eq!(
            validity,
            Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
                pallet_subtensor::free_calls::code::HOTKEY_NOT_REGISTERED_IN_NETWORK
            )))
        );
        // And a block cannot include it either.
        assert!(crate::Executive::apply_extrinsic(xt).is_err());
    });
}

#[test]
fn a_free_call_that_fails_at_dispatch_is_charged() {
    ext("development").execute_with(|| {
        start_block();
        // A registered, funded hotkey (Alice's own account, on netuid 1) passes the pool's
        // checks, then fails at dispatch (duplicate uids, no validator permit): it pays.
        let alice = Sr25519Keyring::Alice;
        assert_eq!(
            crate::Executive::apply_extrinsic(signed_xt(
                alice,
                nonce_of(alice),
                RuntimeCall::SubtensorModule(pallet_subtensor::Call::burned_register {
                    netuid: 1,
                    hotkey: alice.to_account_id(),
                })
            )),
            Ok(Ok(()))
        );
        let before = Balances::free_balance(alice.to_account_id());
        let call = RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_weights {
            netuid: 1,
            dests: vec![0, 0],
            weights: vec![1, 1],
            version_key: 0,
        });
        pallet_subtensor::CommitRevealWeightsEnabled::<Runtime>::insert(1, false);
        pallet_subtensor::WeightsSetRateLimit::<Runtime>::insert(1, 0);
        let applied = crate::Executive::apply_extrinsic(signed_xt(alice, nonce_of(alice), call));
        assert!(matches!(applied, Ok(Err(_))), "{applied:?}");
        let charged = before - Balances::free_balance(alice.to_account_id());
        assert!(charged > 0, "a failed free call must pay");
        assert_eq!(pallet_subtensor::TotalIssuance::<Runtime>::get(), Balances::total_issuance());
    });
}

#[test]
fn a_transfer_costs_what_the_clients_expect() {
    use frame_support::dispatch::GetDispatchInfo;
    ext("development").execute_with(|| {
        let bob = Sr25519Keyring::Bob;
        let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
            dest: Sr25519Keyring::Eve.to_account_id().into(),
            value: TAO,
        });
        let xt = signed_xt(bob, 0, call);
        let info = xt.get_dispatch_info();
        let fee = pallet_transaction_payment::Pallet::<Runtime>::compute_fee(xt.encoded_size() as u32, &info, 0);
        println!("transfer_keep_alive: weight {:?}, {} bytes, fee {fee} rao", info.total_weight(), xt.encoded_size());
        // The clients' own tests expect a transfer to cost under 0.0002 TAO, as upstream's.
        assert!(fee < 200_000, "{fee}");
        assert!(fee > 50_000, "{fee}");
    });
}

/// `ProxyFilterRuntimeApi` describes `ProxyType::filter`: every named call exists, and on a
/// sample of calls the description decides as the filter does.
#[test]
fn proxy_filter_descriptions_match_the_filters() {
    use crate::proxy_filters::{proxy_filters, proxy_types};
    use pallet_subtensor::proxy_filters::{CallInfo, FilterMode};

    let types = proxy_types();
    assert_eq!(types.len(), 18);
    for (i, t) in types.iter().enumerate() {
        assert_eq!(t.index as usize, i);
    }
    let deprecated: Vec<&[u8]> = types.iter().filter(|t| t.deprecated).map(|t| t.name.as_slice()).collect();
    assert_eq!(deprecated, vec![&b"Senate"[..], b"Triumvirate", b"Governance", b"RootWeights"]);
    let filters = proxy_filters(None);
    let order: Vec<u8> = filters.iter().map(|f| f.proxy_type).collect();
    assert_eq!(order, vec![0, 3, 5, 10, 11, 1, 2, 6, 4, 7, 8, 9, 12, 13, 14, 15, 16, 17]);
    assert_eq!(proxy_filters(Some(16)).len(), 1);
    for f in &filters {
        for c in f.calls.iter().chain(f.exceptions.iter()) {
            assert_eq!(c.call_name.is_some(), c.call_index.is_some(), "{:?} names a missing call", c);
        }
    }

    let hk = AccountId::new(ALICE_HK);
    let bob: sp_runtime::MultiAddress<AccountId, ()> = Sr25519Keyring::Bob.to_account_id().into();
    let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
    let samples = vec![
        RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: bob.clone(), value: 1 }),
        RuntimeCall::Balances(pallet_balances::Call::transfer_all { dest: bob, keep_alive: false }),
        remark.clone(),
        RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark) }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::add_stake { hotkey: hk.clone(), netuid: 1, amount_staked: 1 }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::start_call { netuid: 1 }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::burned_register { netuid: 1, hotkey: hk.clone() }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::claim_root { subnets: Default::default() }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::dissolve_network { coldkey: hk.clone(), netuid: 1 }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::register_network { hotkey: hk.clone() }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::update_symbol { netuid: 1, symbol: vec![] }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_children { hotkey: hk.clone(), netuid: 1, children: vec![] }),
        RuntimeCall::SubtensorModule(pallet_subtensor::Call::set_childkey_take { hotkey: hk.clone(), netuid: 1, take: 1 }),
        RuntimeCall::AdminUtils(pallet_admin_utils::Call::sudo_set_kappa { netuid: 1, kappa: 5 }),
        RuntimeCall::AdminUtils(pallet_admin_utils::Call::sudo_set_tempo { netuid: 1, tempo: 5 }),
        RuntimeCall::AdminUtils(pallet_admin_utils::Call::sudo_set_sn_owner_hotkey { netuid: 1, hotkey: hk }),
    ];
    let names = |c: &CallInfo, bytes: &[u8]| {
        bytes.first() == Some(&c.pallet_index) && c.call_index.is_none_or(|i| bytes.get(1) == Some(&i))
    };
    for f in filters.iter().filter(|f| f.proxy_type != 11 && f.proxy_type != 14) {
        let proxy_type = ProxyType::decode(&mut &[f.proxy_type][..]).unwrap();
        for call in &samples {
            let bytes = call.encode();
            let named = f.calls.iter().any(|c| names(c, &bytes));
            let excepted = f.exceptions.iter().any(|c| names(c, &bytes));
            let described = match f.filter_mode {
                FilterMode::AllowAll => true,
                FilterMode::DenyAll => false,
                FilterMode::Allow => named && !excepted,
                FilterMode::Deny => !named,
            };
            assert_eq!(described, proxy_type.filter(call), "{:?} on {:?}", proxy_type, call);
        }
    }
}

/// `staking-2.md` §2.5 through proxies: once Bob has announced a coldkey swap, Charlie (his
/// `Any` proxy) cannot act for him either, alone or inside a batch; the pool refuses with
/// Bob's code. Charlie's own calls are unaffected.
#[test]
fn an_announced_coldkey_cannot_act_through_its_proxies() {
    use pallet_balances::Call as B;
    use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
    ext("development").execute_with(|| {
        start_block();
        let (bob, charlie) = (Sr25519Keyring::Bob, Sr25519Keyring::Charlie);
        let add = RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
            delegate: charlie.to_account_id().into(),
            proxy_type: crate::configs::ProxyType::Any,
            delay: 0,
        });
        assert!(matches!(crate::Executive::apply_extrinsic(signed_xt(bob, nonce_of(bob), add)), Ok(Ok(()))));
        let new = Sr25519Keyring::Ferdie.to_account_id();
        pallet_subtensor::Pallet::<Runtime>::do_announce_coldkey_swap(
            &bob.to_account_id(),
            pallet_subtensor::Pallet::<Runtime>::coldkey_hash(&new),
        )
        .unwrap();
        let transfer = || RuntimeCall::Balances(B::transfer_keep_alive { dest: new.clone().into(), value: TAO });
        let proxied = || {
            RuntimeCall::Proxy(pallet_proxy::Call::proxy {
                real: bob.to_account_id().into(),
                force_proxy_type: None,
                call: Box::new(transfer()),
            })
        };
        let refused = Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(0)));
        assert_eq!(crate::Executive::apply_extrinsic(signed_xt(charlie, nonce_of(charlie), proxied())), refused);
        let batch = RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![transfer(), proxied()] });
        assert_eq!(crate::Executive::apply_extrinsic(signed_xt(charlie, nonce_of(charlie), batch)), refused);
        assert!(matches!(
            crate::Executive::apply_extrinsic(signed_xt(charlie, nonce_of(charlie), transfer())),
            Ok(Ok(()))
        ));
    });
}
