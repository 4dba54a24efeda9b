//! Weights for MevShield. The values are upstream's benchmarked figures where the spec gives
//! them (`announce_next_key`, `submit_encrypted`, `store_encrypted`) and estimates from the
//! storage touched elsewhere, until `benchmarking.rs` is run on reference hardware
//! (`scripts/benchmark-weights.sh pallet_shield`).
//!
//! Proof sizes: a key is 1 184 bytes (≈ 1 200 stored), a stored call up to 8 192.

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

pub trait WeightInfo {
    fn announce_next_key() -> Weight;
    fn submit_encrypted() -> Weight;
    fn store_encrypted() -> Weight;
    fn set_max_pending_extrinsics_number() -> Weight;
    fn set_on_initialize_weight() -> Weight;
    fn set_stored_extrinsic_lifetime() -> Weight;
    fn set_max_extrinsic_weight() -> Weight;
    /// One stored-queue slot examined by `on_initialize`, without the dispatched call itself.
    fn stored_queue_item() -> Weight;
}

const KEY_PROOF: u64 = 1_200;
const STORED_PROOF: u64 = 8_300;

fn announce_next_key(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    Weight::from_parts(33_661_000, 4 * KEY_PROOF).saturating_add(db.reads_writes(4, 6))
}
fn submit_encrypted() -> Weight {
    // Hashes up to 8 KiB and deposits an event; no storage.
    Weight::from_parts(207_223_000, 0)
}
fn store_encrypted(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    // Deliberately high, as upstream: the queue is a block-space commitment.
    Weight::from_parts(20_000_000_000, STORED_PROOF).saturating_add(db.reads_writes(3, 3))
}
fn setter(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    Weight::from_parts(6_000_000, 0).saturating_add(db.writes(1))
}
fn stored_queue_item(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    Weight::from_parts(25_000_000, STORED_PROOF).saturating_add(db.reads_writes(1, 2))
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn announce_next_key() -> Weight {
        announce_next_key(T::DbWeight::get())
    }
    fn submit_encrypted() -> Weight {
        submit_encrypted()
    }
    fn store_encrypted() -> Weight {
        store_encrypted(T::DbWeight::get())
    }
    fn set_max_pending_extrinsics_number() -> Weight {
        setter(T::DbWeight::get())
    }
    fn set_on_initialize_weight() -> Weight {
        setter(T::DbWeight::get())
    }
    fn set_stored_extrinsic_lifetime() -> Weight {
        setter(T::DbWeight::get())
    }
    fn set_max_extrinsic_weight() -> Weight {
        setter(T::DbWeight::get())
    }
    fn stored_queue_item() -> Weight {
        stored_queue_item(T::DbWeight::get())
    }
}

impl WeightInfo for () {
    fn announce_next_key() -> Weight {
        announce_next_key(RocksDbWeight::get())
    }
    fn submit_encrypted() -> Weight {
        submit_encrypted()
    }
    fn store_encrypted() -> Weight {
        store_encrypted(RocksDbWeight::get())
    }
    fn set_max_pending_extrinsics_number() -> Weight {
        setter(RocksDbWeight::get())
    }
    fn set_on_initialize_weight() -> Weight {
        setter(RocksDbWeight::get())
    }
    fn set_stored_extrinsic_lifetime() -> Weight {
        setter(RocksDbWeight::get())
    }
    fn set_max_extrinsic_weight() -> Weight {
        setter(RocksDbWeight::get())
    }
    fn stored_queue_item() -> Weight {
        stored_queue_item(RocksDbWeight::get())
    }
}
