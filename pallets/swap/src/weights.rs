//! Weights for Swap's calls: estimates used by the mock runtimes in tests. The runtime
//! charges the weights generated from the benchmarks in `runtime/src/weights/pallet_subtensor_swap.rs`
//! (`scripts/benchmark-weights.sh`).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

pub trait WeightInfo {
    fn set_fee_rate() -> Weight;
    /// The retired liquidity calls, which fail at once.
    fn deprecated() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_fee_rate() -> Weight {
        Weight::from_parts(12_000_000, 3_500).saturating_add(T::DbWeight::get().reads_writes(2, 1))
    }
    fn deprecated() -> Weight {
        Weight::from_parts(5_000_000, 0)
    }
}

impl WeightInfo for () {
    fn set_fee_rate() -> Weight {
        Weight::from_parts(12_000_000, 3_500).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
    }
    fn deprecated() -> Weight {
        Weight::from_parts(5_000_000, 0)
    }
}
