//! A mock runtime: System, Balances and Commitments, with SubtensorModule and Drand replaced
//! by thread-local tables (registered hotkeys, epoch indices, bonds resets, pulses).
//!
//! The fake decrypter succeeds when the ciphertext starts with the pulse signature and
//! returns the rest, so wrong-round and garbage ciphertexts fail as real ones would.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_commitments;
use crate::{CanCommit, GetEpochIndex, NetUid, OnMetadataCommitment, TimelockDecrypter};
use core::cell::RefCell;
use frame_support::{derive_impl, traits::Get};
use sp_runtime::BuildStorage;
use std::collections::{BTreeMap, BTreeSet};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlockU32<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Balances: pallet_balances = 5,
        Commitments: pallet_commitments = 18,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type Balance = u64;
    type AccountStore = System;
}

thread_local! {
    static REGISTERED: RefCell<BTreeSet<(NetUid, AccountId)>> = const { RefCell::new(BTreeSet::new()) };
    static EPOCHS: RefCell<BTreeMap<NetUid, u64>> = const { RefCell::new(BTreeMap::new()) };
    static BONDS_RESETS: RefCell<Vec<(NetUid, AccountId)>> = const { RefCell::new(Vec::new()) };
    static PULSES: RefCell<BTreeMap<u64, Vec<u8>>> = const { RefCell::new(BTreeMap::new()) };
    static INITIAL_DEPOSIT: RefCell<u64> = const { RefCell::new(0) };
    static FIELD_DEPOSIT: RefCell<u64> = const { RefCell::new(0) };
}

pub fn register(netuid: NetUid, who: AccountId) {
    REGISTERED.with(|r| r.borrow_mut().insert((netuid, who)));
}

pub fn set_epoch(netuid: NetUid, epoch: u64) {
    EPOCHS.with(|e| e.borrow_mut().insert(netuid, epoch));
}

pub fn bonds_resets() -> Vec<(NetUid, AccountId)> {
    BONDS_RESETS.with(|b| b.borrow().clone())
}

/// The mock's pulse signature of `round`.
pub fn signature(round: u64) -> Vec<u8> {
    let mut s = b"sig".to_vec();
    s.extend_from_slice(&round.to_le_bytes());
    s
}

pub fn store_pulse(round: u64) {
    PULSES.with(|p| p.borrow_mut().insert(round, signature(round)));
}

/// A ciphertext the fake decrypter opens with the pulse of `round`.
pub fn encrypt(plaintext: &[u8], round: u64) -> Vec<u8> {
    let mut c = signature(round);
    c.extend_from_slice(plaintext);
    c
}

pub fn set_deposits(initial: u64, per_field: u64) {
    INITIAL_DEPOSIT.with(|d| *d.borrow_mut() = initial);
    FIELD_DEPOSIT.with(|d| *d.borrow_mut() = per_field);
}

pub struct InitialDeposit;
impl Get<u64> for InitialDeposit {
    fn get() -> u64 {
        INITIAL_DEPOSIT.with(|d| *d.borrow())
    }
}

pub struct FieldDeposit;
impl Get<u64> for FieldDeposit {
    fn get() -> u64 {
        FIELD_DEPOSIT.with(|d| *d.borrow())
    }
}

pub struct MockSubtensor;
impl CanCommit<AccountId> for MockSubtensor {
    fn can_commit(netuid: NetUid, who: &AccountId) -> bool {
        REGISTERED.with(|r| r.borrow().contains(&(netuid, *who)))
    }
}
impl GetEpochIndex for MockSubtensor {
    fn epoch_index(netuid: NetUid) -> u64 {
        EPOCHS.with(|e| e.borrow().get(&netuid).copied().unwrap_or(0))
    }
}
impl OnMetadataCommitment<AccountId> for MockSubtensor {
    fn on_bonds_reset(netuid: NetUid, who: &AccountId) {
        BONDS_RESETS.with(|b| b.borrow_mut().push((netuid, *who)));
    }
}

pub struct MockDrand;
impl TimelockDecrypter for MockDrand {
    fn pulse_signature(round: u64) -> Option<Vec<u8>> {
        PULSES.with(|p| p.borrow().get(&round).cloned())
    }
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<Vec<u8>> {
        ciphertext.strip_prefix(signature).map(<[u8]>::to_vec)
    }
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockSubtensor {
    fn register_hotkey(netuid: NetUid, who: &AccountId) {
        register(netuid, *who);
    }
    fn prepare_reveal(round: u64) -> Option<Vec<u8>> {
        store_pulse(round);
        Some(encrypt(&[7u8; 700], round))
    }
}

impl pallet_commitments::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type MaxFields = frame_support::traits::ConstU32<3>;
    type InitialDeposit = InitialDeposit;
    type FieldDeposit = FieldDeposit;
    type CanCommit = MockSubtensor;
    type TempoInterface = MockSubtensor;
    type OnMetadataCommitment = MockSubtensor;
    type Timelock = MockDrand;
    type WeightInfo = ();
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = MockSubtensor;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const INITIAL_BALANCE: u64 = 1_000_000;

/// Alice and Bob registered on subnets 1 and 2, Charlie nowhere; every account funded;
/// deposits zero; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
    REGISTERED.with(|r| r.borrow_mut().clear());
    EPOCHS.with(|e| e.borrow_mut().clear());
    BONDS_RESETS.with(|b| b.borrow_mut().clear());
    PULSES.with(|p| p.borrow_mut().clear());
    set_deposits(0, 0);
    for netuid in [1, 2] {
        register(netuid, ALICE);
        register(netuid, BOB);
    }
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    pallet_balances::GenesisConfig::<Test> {
        balances: (1..=10).map(|a| (a, INITIAL_BALANCE)).collect(),
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    let mut ext: sp_io::TestExternalities = storage.into();
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Runs the reveal hook as block `n` would.
pub fn run_to_block(n: u32) {
    use frame_support::traits::Hooks;
    while System::block_number() < n {
        System::set_block_number(System::block_number() + 1);
        Commitments::on_initialize(System::block_number());
    }
}
