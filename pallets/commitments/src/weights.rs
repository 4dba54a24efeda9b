//! Weights for Commitments: estimates for the mock runtime and for a runtime that has not
//! generated its own from `benchmarking.rs` yet. `set_commitment` and `set_max_space` use
//! upstream's figures (`pallets-2.md` §3.3).

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

pub trait WeightInfo {
    fn set_commitment() -> Weight;
    fn set_max_space() -> Weight;
    /// The reveal hook visiting `n` `TimelockedIndex` entries and consuming `r` timelocked
    /// fields (each a decryption attempt). Pulse reads are charged separately, per round.
    fn on_initialize_reveal(n: u32, r: u32) -> Weight;
}

/// A TLE decryption is a BLS12-381 pairing, a G2 scalar multiplication and AES-GCM: a few
/// milliseconds in wasm, far above the storage work around it.
const DECRYPT_REF_TIME: u64 = 4_000_000_000;

fn set_commitment(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    // Registration (≤ 1.6 KB), budget, epoch index, uid, MaxSpace, TimelockedIndex.
    Weight::from_parts(33_480_000, 6_000).saturating_add(db.reads_writes(5, 4))
}

fn set_max_space(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    Weight::from_parts(2_856_000, 0).saturating_add(db.writes(1))
}

fn on_initialize_reveal(db: frame_support::weights::RuntimeDbWeight, n: u32, r: u32) -> Weight {
    // TimelockedIndex once; per entry its Registration; per consumed field the decryption,
    // RevealedCommitments and the rewritten Registration; the index write.
    Weight::from_parts(3_000_000, 1_500)
        .saturating_add(db.reads_writes(1, 1))
        .saturating_add(Weight::from_parts(6_000_000, 3_700).saturating_mul(u64::from(n)))
        .saturating_add(db.reads(u64::from(n)))
        .saturating_add(Weight::from_parts(DECRYPT_REF_TIME, 11_000).saturating_mul(u64::from(r)))
        .saturating_add(db.reads_writes(u64::from(r), u64::from(r).saturating_mul(2)))
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn set_commitment() -> Weight {
        set_commitment(T::DbWeight::get())
    }
    fn set_max_space() -> Weight {
        set_max_space(T::DbWeight::get())
    }
    fn on_initialize_reveal(n: u32, r: u32) -> Weight {
        on_initialize_reveal(T::DbWeight::get(), n, r)
    }
}

impl WeightInfo for () {
    fn set_commitment() -> Weight {
        set_commitment(RocksDbWeight::get())
    }
    fn set_max_space() -> Weight {
        set_max_space(RocksDbWeight::get())
    }
    fn on_initialize_reveal(n: u32, r: u32) -> Weight {
        on_initialize_reveal(RocksDbWeight::get(), n, r)
    }
}
