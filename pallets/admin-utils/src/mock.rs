//! A mock runtime: System, Balances, SubtensorModule and AdminUtils.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_admin_utils;
use frame_support::{derive_impl, parameter_types, PalletId};
use sp_core::crypto::AccountId32;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Balances: pallet_balances = 5,
        SubtensorModule: pallet_subtensor = 7,
        Swap: pallet_subtensor_swap = 28,
        AdminUtils: pallet_admin_utils = 19,
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
    pub const TestSubnetLimit: u16 = 8;
    pub const BurnPalletId: PalletId = PalletId(*b"burntnsr");
    pub const NoAuthor: Option<AccountId32> = None;
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
    type BlockAuthor = NoAuthor;
    type Drand = ();
    type BurnPalletId = BurnPalletId;
    type OnSubnetRemoved = crate::RemoveSubnetState<Test>;
    type LeaseCrowdloan = ();
    type LeaseProxy = ();
    type LeaseDividendsDistributionInterval = frame_support::traits::ConstU64<100>;
    type Commitments = ();
    type WeightInfo = ();
}

impl pallet_admin_utils::Config for Test {
    type WeightInfo = ();
}

pub fn account(n: u8) -> AccountId32 {
    AccountId32::new([n; 32])
}

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
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// A subnet owned by coldkey 1 (netuid 1), created at block 1.
pub fn subnet() -> u16 {
    pallet_subtensor::Pallet::<Test>::do_register_network(account(1), account(101)).unwrap()
}
