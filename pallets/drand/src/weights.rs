//! Weights for Drand: hand estimates until a runtime generates its own from `benchmarking.rs`.
//! The figures are upstream's (`pallets-2.md` §2.4); `write_pulse` is dominated by the BLS
//! pairing check of the pulse.

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight},
};

pub trait WeightInfo {
    fn write_pulse() -> Weight;
    fn set_beacon_config() -> Weight;
    fn set_oldest_stored_round() -> Weight;
}

fn write_pulse(db: RuntimeDbWeight) -> Weight {
    // Reads BeaconConfig, LastStoredRound, OldestStoredRound; writes the pulse,
    // LastStoredRound, OldestStoredRound, NextUnsignedAt.
    Weight::from_parts(4_294_000_000, 3_600).saturating_add(db.reads_writes(3, 4))
}

fn set_beacon_config(db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(8_766_000, 0).saturating_add(db.writes(2))
}

fn set_oldest_stored_round(db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(5_370_000, 0).saturating_add(db.writes(1))
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn write_pulse() -> Weight {
        write_pulse(T::DbWeight::get())
    }
    fn set_beacon_config() -> Weight {
        set_beacon_config(T::DbWeight::get())
    }
    fn set_oldest_stored_round() -> Weight {
        set_oldest_stored_round(T::DbWeight::get())
    }
}

impl WeightInfo for () {
    fn write_pulse() -> Weight {
        write_pulse(RocksDbWeight::get())
    }
    fn set_beacon_config() -> Weight {
        set_beacon_config(RocksDbWeight::get())
    }
    fn set_oldest_stored_round() -> Weight {
        set_oldest_stored_round(RocksDbWeight::get())
    }
}
