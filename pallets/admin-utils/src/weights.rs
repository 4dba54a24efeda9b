//! Weights for AdminUtils' calls.
//!
//! NOT YET GENERATED: estimates (compute base plus storage reads and writes read off the code)
//! until `scripts/benchmark-weights.sh pallet_admin_utils` is run; the benchmarks run as tests
//! on the mock. Setting the burn half-life finds its decay factor by binary search, which is
//! why it costs more.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

pub trait WeightInfo {
    /// A global value set by root.
    fn set_global() -> Weight;
    /// A subnet's value, with origin, owner rate limit and freeze window checks.
    fn set_subnet() -> Weight;
    fn set_burn_half_life() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_global() -> Weight {
        Weight::from_parts(8_000_000, 1_500).saturating_add(T::DbWeight::get().writes(1))
    }
    fn set_subnet() -> Weight {
        Weight::from_parts(20_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn set_burn_half_life() -> Weight {
        Weight::from_parts(60_000_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(3))
    }
}

impl WeightInfo for () {
    fn set_global() -> Weight {
        Weight::from_parts(8_000_000, 1_500).saturating_add(RocksDbWeight::get().writes(1))
    }
    fn set_subnet() -> Weight {
        Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(8, 2))
    }
    fn set_burn_half_life() -> Weight {
        Weight::from_parts(60_000_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(8, 3))
    }
}
