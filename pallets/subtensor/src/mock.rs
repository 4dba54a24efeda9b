//! A mock runtime for the pallet's tests and benchmarks: System, Balances (u64 rao) and
//! SubtensorModule with small lock costs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_subtensor;
use frame_support::{derive_impl, parameter_types, traits::Hooks, PalletId};
use sp_core::crypto::AccountId32;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Balances: pallet_balances = 5,
        SubtensorModule: pallet_subtensor = 7,
        Swap: pallet_subtensor_swap = 28,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId32;
    type Lookup = sp_runtime::traits::IdentityLookup<AccountId32>;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type Balance = u64;
    type ExistentialDeposit = frame_support::traits::ConstU64<500>;
    type AccountStore = System;
}

pub const TAO: u64 = 1_000_000_000;

parameter_types! {
    pub const SubnetPalletId: PalletId = PalletId(*b"subtensr");
    pub const MinLock: u64 = 100 * TAO;
    pub const LockReductionInterval: u64 = 2;
    pub const TestNetworkRateLimit: u64 = 0;
    pub const TestSubnetLimit: u16 = 4;
    pub const BurnPalletId: PalletId = PalletId(*b"burntnsr");
    /// The block author, who receives swap fees; tests may clear it.
    pub static Author: Option<AccountId32> = Some(AccountId32::new([99u8; 32]));
}

impl pallet_subtensor_swap::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type SubnetInfo = SubtensorModule;
    type MaxFeeRate = frame_support::traits::ConstU16<10_000>;
    type WeightInfo = ();
}

impl pallet_subtensor::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type SubnetPalletId = SubnetPalletId;
    type InitialNetworkMinLockCost = MinLock;
    type InitialNetworkLockReductionInterval = LockReductionInterval;
    type InitialNetworkRateLimit = TestNetworkRateLimit;
    type InitialSubnetLimit = TestSubnetLimit;
    type SwapInterface = Swap;
    type BlockAuthor = Author;
    type BurnPalletId = BurnPalletId;
    type OnSubnetRemoved = ();
    type LeaseCrowdloan = MockCrowdloan;
    type LeaseProxy = MockProxy;
    type LeaseDividendsDistributionInterval = frame_support::traits::ConstU64<100>;
    type Commitments = ();
    type Drand = MockDrand;
    type WeightInfo = ();
}

thread_local! {
    /// The crowdloan `finalize` is dispatching in a leasing test, and its contributions.
    pub static FINALIZING: core::cell::RefCell<Option<pallet_subtensor::leasing::FinalizingCrowdloan<AccountId32>>> =
        const { core::cell::RefCell::new(None) };
    pub static CONTRIBUTIONS: core::cell::RefCell<Vec<(AccountId32, u64)>> = const { core::cell::RefCell::new(Vec::new()) };
    /// (lease coldkey, beneficiary) proxies.
    pub static PROXIES: core::cell::RefCell<Vec<(AccountId32, AccountId32)>> = const { core::cell::RefCell::new(Vec::new()) };
    /// Drand pulses by round: their signatures.
    pub static PULSES: core::cell::RefCell<std::collections::BTreeMap<u64, Vec<u8>>> =
        const { core::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Stores the pulse of `round` with `signature` (rounds need not increase here).
pub fn set_pulse(round: u64, signature: Vec<u8>) {
    PULSES.with(|p| p.borrow_mut().insert(round, signature));
}

/// A signature for `round`, distinct per round.
pub fn signature_of(round: u64) -> Vec<u8> {
    let mut sig = b"pulse".to_vec();
    sig.extend(round.to_le_bytes());
    sig
}

/// Stores the pulse of `round` (with [`signature_of`]).
pub fn add_pulse(round: u64) {
    set_pulse(round, signature_of(round));
}

/// The mock's stand-in for TLE: `blake2_256(signature) ‖ plaintext`. It decrypts only with
/// the very signature it was made for, like a ciphertext for one drand round.
pub fn fake_encrypt(signature: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let mut out = sp_io::hashing::blake2_256(signature).to_vec();
    out.extend_from_slice(plaintext);
    out
}

/// [`fake_encrypt`] for `round`'s pulse.
pub fn encrypt_for_round(round: u64, plaintext: &[u8]) -> Vec<u8> {
    fake_encrypt(&signature_of(round), plaintext)
}

/// Drand as the runtime provides it, with the pulses of [`PULSES`] and [`fake_encrypt`]
/// in place of TLE (the real format is `pallets-2.md` §2.9).
pub struct MockDrand;
impl pallet_subtensor::timelocked::DrandPulses for MockDrand {
    fn last_stored_round() -> u64 {
        PULSES.with(|p| p.borrow().keys().next_back().copied().unwrap_or(0))
    }
    fn pulse_signature(round: u64) -> Option<Vec<u8>> {
        PULSES.with(|p| p.borrow().get(&round).cloned())
    }
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<Vec<u8>> {
        let tag = ciphertext.get(..32)?;
        (tag == sp_io::hashing::blake2_256(signature).as_slice()).then(|| ciphertext.get(32..).unwrap_or_default().to_vec())
    }
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_encrypt(round: u64, plaintext: &[u8]) -> Option<Vec<u8>> {
        add_pulse(round);
        Some(encrypt_for_round(round, plaintext))
    }
}

/// A crowdloan whose funds account holds `raised`, being finalized by `creator`.
pub fn set_finalizing(id: u32, creator: AccountId32, contributions: Vec<(AccountId32, u64)>) -> AccountId32 {
    use frame_support::traits::fungible::Mutate;
    let raised: u64 = contributions.iter().map(|(_, a)| a).sum();
    let funds_account = AccountId32::new([0xf0; 32]);
    Balances::mint_into(&funds_account, raised).unwrap();
    SubtensorModule::sync_issuance();
    FINALIZING.with(|f| {
        *f.borrow_mut() = Some(pallet_subtensor::leasing::FinalizingCrowdloan {
            id,
            creator,
            raised,
            funds_account: funds_account.clone(),
        })
    });
    CONTRIBUTIONS.with(|c| *c.borrow_mut() = contributions);
    funds_account
}

pub fn clear_finalizing() {
    FINALIZING.with(|f| *f.borrow_mut() = None);
}

pub struct MockCrowdloan;
impl pallet_subtensor::leasing::LeaseCrowdloan<AccountId32> for MockCrowdloan {
    fn finalizing() -> Result<pallet_subtensor::leasing::FinalizingCrowdloan<AccountId32>, sp_runtime::DispatchError> {
        FINALIZING.with(|f| {
            f.borrow().as_ref().map(|c| pallet_subtensor::leasing::FinalizingCrowdloan {
                id: c.id,
                creator: c.creator.clone(),
                raised: c.raised,
                funds_account: c.funds_account.clone(),
            })
        })
        .ok_or(sp_runtime::DispatchError::Other("InvalidCrowdloanId"))
    }
    fn contributions(_: u32) -> Vec<(AccountId32, u64)> {
        CONTRIBUTIONS.with(|c| c.borrow().clone())
    }
    fn max_contributors() -> u32 {
        500
    }
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_finalizing(creator: &AccountId32, contributions: Vec<(AccountId32, u64)>) {
        set_finalizing(0, creator.clone(), contributions);
    }
}

pub struct MockProxy;
impl pallet_subtensor::leasing::LeaseProxy<AccountId32> for MockProxy {
    fn add_lease_beneficiary_proxy(lease: &AccountId32, beneficiary: &AccountId32) -> sp_runtime::DispatchResult {
        PROXIES.with(|p| p.borrow_mut().push((lease.clone(), beneficiary.clone())));
        Ok(())
    }
    fn remove_lease_beneficiary_proxy(lease: &AccountId32, beneficiary: &AccountId32) -> sp_runtime::DispatchResult {
        PROXIES.with(|p| p.borrow_mut().retain(|x| x != &(lease.clone(), beneficiary.clone())));
        Ok(())
    }
}

pub fn account(n: u8) -> AccountId32 {
    AccountId32::new([n; 32])
}

/// Accounts 1..=9 hold 10 000 TAO each; root exists.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    pallet_balances::GenesisConfig::<Test> {
        balances: (1..=9u8).map(|n| (account(n), 10_000 * TAO)).collect(),
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    pallet_subtensor::GenesisConfig::<Test> { root: true, ..Default::default() }
        .assimilate_storage(&mut storage)
        .unwrap();
    let mut ext: sp_io::TestExternalities = storage.into();
    PULSES.with(|p| p.borrow_mut().clear());
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Advances to block `n`, running the pallet's `on_initialize` for each block.
pub fn run_to_block(n: u64) {
    while System::block_number() < n {
        let next = System::block_number() + 1;
        System::set_block_number(next);
        SubtensorModule::on_initialize(next);
        assert_eq!(SubtensorModule::check_accounting(), Ok(()), "after block {next}");
    }
}

/// Runs a test on a fresh chain and checks the accounting invariants at its end (tests also
/// check them after each call and `run_to_block` after each block).
pub fn checked(test: impl FnOnce()) {
    new_test_ext().execute_with(|| {
        test();
        assert_eq!(SubtensorModule::check_accounting(), Ok(()), "at the end of the test");
    });
}
