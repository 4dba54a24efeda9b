//! Weights for Crowdloan's calls: estimates from the storage each call touches, for the mock
//! runtimes and until the benchmarks (`benchmarking.rs`) are run on reference hardware.
//!
//! Proof sizes: `System.Account` ≈ 3 593 bytes per account, a `Crowdloans` entry ≈ 400, a
//! `Contributions`/`MaxContributions` entry ≈ 100, a preimage status ≈ 100 plus the preimage.

use core::marker::PhantomData;
use frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

pub trait WeightInfo {
    /// `l`: encoded length of the stored call (a long call is noted as a preimage).
    fn create(l: u32) -> Weight;
    fn contribute() -> Weight;
    fn withdraw() -> Weight;
    /// Without the stored call's own weight (charged at `create`).
    fn finalize() -> Weight;
    /// `k`: contributors refunded.
    fn refund(k: u32) -> Weight;
    fn dissolve() -> Weight;
    fn update_min_contribution() -> Weight;
    fn update_end() -> Weight;
    fn update_cap() -> Weight;
    fn set_max_contribution() -> Weight;
}

const ACCOUNT_PROOF: u64 = 3_593;
const CROWDLOAN_PROOF: u64 = 400;
const ENTRY_PROOF: u64 = 100;

fn create(db: frame_support::weights::RuntimeDbWeight, l: u32) -> Weight {
    // NextCrowdloanId, creator + funds accounts, preimage status; writes those plus
    // Crowdloans, Contributions and the preimage itself. Hashing and storing scale with l.
    Weight::from_parts(60_000_000, 2 * ACCOUNT_PROOF + CROWDLOAN_PROOF + 2 * ENTRY_PROOF)
        .saturating_add(Weight::from_parts(2_000, 1).saturating_mul(u64::from(l)))
        .saturating_add(db.reads_writes(4, 7))
}

fn contribute(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    // Crowdloans, Contributions, MaxContributions, two accounts.
    Weight::from_parts(55_000_000, 2 * ACCOUNT_PROOF + CROWDLOAN_PROOF + 2 * ENTRY_PROOF)
        .saturating_add(db.reads_writes(5, 4))
}

fn withdraw(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    Weight::from_parts(50_000_000, 2 * ACCOUNT_PROOF + CROWDLOAN_PROOF + ENTRY_PROOF)
        .saturating_add(db.reads_writes(4, 4))
}

fn finalize(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    // Crowdloans, CurrentCrowdloanId, the preimage and its status, or the two accounts of
    // the target transfer, whichever is heavier.
    Weight::from_parts(60_000_000, 2 * ACCOUNT_PROOF + CROWDLOAN_PROOF + 2 * ENTRY_PROOF)
        .saturating_add(db.reads_writes(5, 5))
}

fn refund(db: frame_support::weights::RuntimeDbWeight, k: u32) -> Weight {
    // Crowdloans and the funds account once, then per contributor its entry and account.
    Weight::from_parts(30_000_000, ACCOUNT_PROOF + CROWDLOAN_PROOF + 2 * ENTRY_PROOF)
        .saturating_add(db.reads_writes(3, 2))
        .saturating_add(
            Weight::from_parts(30_000_000, ACCOUNT_PROOF + ENTRY_PROOF)
                .saturating_add(db.reads_writes(2, 2))
                .saturating_mul(u64::from(k)),
        )
}

fn dissolve(db: frame_support::weights::RuntimeDbWeight) -> Weight {
    // Crowdloans, Contributions, MaxContributions, two accounts, the preimage status.
    Weight::from_parts(65_000_000, 2 * ACCOUNT_PROOF + CROWDLOAN_PROOF + 3 * ENTRY_PROOF)
        .saturating_add(db.reads_writes(5, 7))
}

fn update(db: frame_support::weights::RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
    Weight::from_parts(18_000_000, CROWDLOAN_PROOF + ENTRY_PROOF).saturating_add(db.reads_writes(reads, writes))
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn create(l: u32) -> Weight {
        create(T::DbWeight::get(), l)
    }
    fn contribute() -> Weight {
        contribute(T::DbWeight::get())
    }
    fn withdraw() -> Weight {
        withdraw(T::DbWeight::get())
    }
    fn finalize() -> Weight {
        finalize(T::DbWeight::get())
    }
    fn refund(k: u32) -> Weight {
        refund(T::DbWeight::get(), k)
    }
    fn dissolve() -> Weight {
        dissolve(T::DbWeight::get())
    }
    fn update_min_contribution() -> Weight {
        update(T::DbWeight::get(), 2, 1)
    }
    fn update_end() -> Weight {
        update(T::DbWeight::get(), 1, 1)
    }
    fn update_cap() -> Weight {
        update(T::DbWeight::get(), 1, 1)
    }
    fn set_max_contribution() -> Weight {
        update(T::DbWeight::get(), 2, 1)
    }
}

impl WeightInfo for () {
    fn create(l: u32) -> Weight {
        create(RocksDbWeight::get(), l)
    }
    fn contribute() -> Weight {
        contribute(RocksDbWeight::get())
    }
    fn withdraw() -> Weight {
        withdraw(RocksDbWeight::get())
    }
    fn finalize() -> Weight {
        finalize(RocksDbWeight::get())
    }
    fn refund(k: u32) -> Weight {
        refund(RocksDbWeight::get(), k)
    }
    fn dissolve() -> Weight {
        dissolve(RocksDbWeight::get())
    }
    fn update_min_contribution() -> Weight {
        update(RocksDbWeight::get(), 2, 1)
    }
    fn update_end() -> Weight {
        update(RocksDbWeight::get(), 1, 1)
    }
    fn update_cap() -> Weight {
        update(RocksDbWeight::get(), 1, 1)
    }
    fn set_max_contribution() -> Weight {
        update(RocksDbWeight::get(), 2, 1)
    }
}
