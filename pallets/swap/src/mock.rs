//! A mock runtime: System and Swap, with reserves kept in a thread-local table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_subtensor_swap;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU16};
use sp_runtime::BuildStorage;
use std::collections::BTreeMap;
use tensorchain_swap::interface::{NetUid, SubnetReserves};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Swap: pallet_subtensor_swap = 28,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

thread_local! {
    /// netuid → (TAO reserve, alpha reserve); netuid 0 is stable.
    static RESERVES: RefCell<BTreeMap<NetUid, (u64, u64)>> = RefCell::new(BTreeMap::new());
}

pub fn set_reserves(netuid: NetUid, tao: u64, alpha: u64) {
    RESERVES.with(|r| r.borrow_mut().insert(netuid, (tao, alpha)));
}

pub struct MockReserves;
impl SubnetReserves for MockReserves {
    fn exists(netuid: NetUid) -> bool {
        RESERVES.with(|r| r.borrow().contains_key(&netuid))
    }
    fn is_stable(netuid: NetUid) -> bool {
        netuid == 0
    }
    fn tao_reserve(netuid: NetUid) -> u64 {
        RESERVES.with(|r| r.borrow().get(&netuid).map(|x| x.0).unwrap_or(0))
    }
    fn alpha_reserve(netuid: NetUid) -> u64 {
        RESERVES.with(|r| r.borrow().get(&netuid).map(|x| x.1).unwrap_or(0))
    }
}

impl pallet_subtensor_swap::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type SubnetInfo = MockReserves;
    type MaxFeeRate = ConstU16<10_000>;
    type WeightInfo = ();
}

/// Root (stable) and subnet 1 with the TV2 pool (10^9 TAO, 4·10^9 alpha).
pub fn new_test_ext() -> sp_io::TestExternalities {
    RESERVES.with(|r| r.borrow_mut().clear());
    set_reserves(0, 0, 0);
    set_reserves(1, 1_000_000_000, 4_000_000_000);
    let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let mut ext: sp_io::TestExternalities = storage.into();
    ext.execute_with(|| System::set_block_number(1));
    ext
}
