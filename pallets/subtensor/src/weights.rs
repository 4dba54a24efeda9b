//! Weights for the pallet's calls: estimates (a compute base plus the storage each call
//! reads and writes) used by the mock runtimes in tests. The runtime charges the weights
//! generated from the benchmarks in `runtime/src/weights/pallet_subtensor.rs`
//! (`scripts/benchmark-weights.sh`).
//!
//! Calls that share a weight function are benchmarked by their costliest sibling:
//! `add_stake` covers `add_stake_limit` (benchmarked as the limit variant), `remove_stake`
//! covers `remove_stake_limit` and `remove_stake_full_limit`, `move_stake` covers
//! `transfer_stake`, `swap_stake` and `swap_stake_limit`, `burned_register` covers
//! `register` and `register_limit`, `dissolve_network` covers `root_dissolve_network`,
//! `set_weights`/`commit_weights`/`reveal_weights` cover their mechanism and batch forms
//! (batches are charged per entry), `set_identity` covers `set_subnet_identity`, and
//! `set_root_claim_type` the two root-claim settings.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight}};

pub trait WeightInfo {
    fn register_network() -> Weight;
    fn burned_register() -> Weight;
    fn start_call() -> Weight;
    fn serve_axon() -> Weight;
    fn serve_axon_tls() -> Weight;
    fn serve_prometheus() -> Weight;
    fn set_identity() -> Weight;
    fn set_tempo() -> Weight;
    fn set_activity_cutoff_factor() -> Weight;
    fn dissolve_network() -> Weight;
    fn update_symbol() -> Weight;
    fn trigger_epoch() -> Weight;
    fn add_stake() -> Weight;
    fn remove_stake() -> Weight;
    fn move_stake() -> Weight;
    fn unstake_all() -> Weight;
    fn unstake_all_alpha() -> Weight;
    fn root_register() -> Weight;
    fn increase_take() -> Weight;
    fn decrease_take() -> Weight;
    fn try_associate_hotkey() -> Weight;
    fn set_weights() -> Weight;
    fn commit_weights() -> Weight;
    fn reveal_weights() -> Weight;
    fn claim_root() -> Weight;
    fn set_root_claim_type() -> Weight;
    /// An epoch over `n` uids.
    fn epoch(n: u32) -> Weight;
    /// The coinbase over `s` eligible subnets.
    fn coinbase(s: u32) -> Weight;
    /// `recycle_alpha` and `burn_alpha`.
    fn destroy_alpha() -> Weight;
    fn set_coldkey_auto_stake_hotkey() -> Weight;
    /// `register_leased_network` refunding `k` contributors.
    fn register_leased_network(k: u32) -> Weight;
    /// `terminate_lease` removing `k` shares.
    fn terminate_lease(k: u32) -> Weight;
    fn commit_timelocked_weights() -> Weight;
    fn commit_crv3_mechanism_weights() -> Weight;
    fn commit_timelocked_mechanism_weights() -> Weight;
    /// The block step's reveal of one timelocked commit whose pulse is stored: decryption
    /// and the weight-setting checks.
    fn reveal_timelocked_commit() -> Weight;
    /// `set_children` at its costliest: a full list applied at once, the stake threshold
    /// valued over every subnet.
    fn set_children() -> Weight;
    fn set_childkey_take() -> Weight;
    /// The root-only childkey settings (rate limit, minimum and maximum take, cooldown).
    fn sudo_set_childkey_parameter() -> Weight;
    fn set_auto_parent_delegation_enabled() -> Weight;
    fn announce_coldkey_swap() -> Weight;
    /// `swap_coldkey_announced` and root's `swap_coldkey`: a coldkey with stake on several
    /// hotkeys and subnets, owning hotkeys and a subnet.
    fn swap_coldkey() -> Weight;
    /// `dispute_coldkey_swap`, `reset_coldkey_swap` and `clear_coldkey_swap_announcement`.
    fn dispute_coldkey_swap() -> Weight;
    /// `swap_hotkey` and `swap_hotkey_v2` on every subnet, the hotkey registered and staked.
    fn swap_hotkey() -> Weight;
    /// `lock_stake`: a top-up of a lock through a coldkey staked on several hotkeys.
    fn lock_stake() -> Weight;
    /// `move_lock` to a hotkey of another coldkey.
    fn move_lock() -> Weight;
    /// `set_perpetual_lock` changing the mode of an existing lock.
    fn set_perpetual_lock() -> Weight;
    fn set_reject_locked_alpha() -> Weight;
}

/// `set_children`: the checks, the hotkey's stake read on up to 129 subnets with their
/// prices, and five children with their parent lists written.
fn set_children(db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(80_000_000, 20_000).saturating_add(db.reads_writes(275, 12))
}

/// A timelocked commit: the checks, and the epoch's queue (up to ten 5 000-byte commits per
/// hotkey) read and written back.
fn timelocked_commit(db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(60_000_000, 60_000).saturating_add(db.reads_writes(10, 2))
}

/// One reveal: a BLS12-381 pairing and AES-GCM (TLE), the pulse read, and `set_weights`.
fn timelocked_reveal(db: RuntimeDbWeight) -> Weight {
    Weight::from_parts(5_000_000_000, 10_000).saturating_add(db.reads_writes(14, 2))
}

/// What `register_leased_network` adds to `register_network`: the lease's accounts and proxy,
/// and a transfer and a share per contributor refunded.
pub fn lease_registration_extra(db: RuntimeDbWeight, k: u32) -> Weight {
    Weight::from_parts(60_000_000, 10_000)
        .saturating_add(db.reads_writes(12, 12))
        .saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(u64::from(k)))
        .saturating_add(db.reads_writes(2, 3).saturating_mul(u64::from(k)))
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    // Reads every subnet for the median price; 256 subnets' worth bounds it.
    fn register_network() -> Weight {
        Weight::from_parts(150_000_000, 20_000)
            .saturating_add(T::DbWeight::get().reads(30 + 2 * 256))
            .saturating_add(T::DbWeight::get().writes(40))
    }
    // A full subnet scans its uids for the prune candidate and rewrites weights to the uid.
    fn burned_register() -> Weight {
        Weight::from_parts(200_000_000, 60_000)
            .saturating_add(T::DbWeight::get().reads(30 + 2 * 256))
            .saturating_add(T::DbWeight::get().writes(30 + 256))
    }
    fn start_call() -> Weight {
        Weight::from_parts(20_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn serve_axon() -> Weight {
        Weight::from_parts(25_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    fn serve_axon_tls() -> Weight {
        Weight::from_parts(30_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn serve_prometheus() -> Weight {
        Weight::from_parts(25_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    // A coldkey with many hotkeys: their memberships are scanned (bounded by 64 here).
    fn set_identity() -> Weight {
        Weight::from_parts(40_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(1 + 64 * 2))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    fn set_tempo() -> Weight {
        Weight::from_parts(20_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(6))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    fn set_activity_cutoff_factor() -> Weight {
        Weight::from_parts(15_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(2))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    // Pays out every stake on the subnet and removes ~100 items per subnet and per uid.
    fn dissolve_network() -> Weight {
        Weight::from_parts(500_000_000, 100_000)
            .saturating_add(T::DbWeight::get().reads(1_000))
            .saturating_add(T::DbWeight::get().writes(1_500))
    }
    // Compares against every subnet's symbol.
    fn update_symbol() -> Weight {
        Weight::from_parts(30_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(2 * 129))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    fn trigger_epoch() -> Weight {
        Weight::from_parts(20_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn add_stake() -> Weight {
        Weight::from_parts(90_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(15))
            .saturating_add(T::DbWeight::get().writes(10))
    }
    fn remove_stake() -> Weight {
        Weight::from_parts(110_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(20))
            .saturating_add(T::DbWeight::get().writes(12))
    }
    fn move_stake() -> Weight {
        Weight::from_parts(180_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(30))
            .saturating_add(T::DbWeight::get().writes(20))
    }
    fn unstake_all() -> Weight {
        Weight::from_parts(600_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(150))
            .saturating_add(T::DbWeight::get().writes(100))
    }
    fn unstake_all_alpha() -> Weight {
        Weight::from_parts(650_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(160))
            .saturating_add(T::DbWeight::get().writes(110))
    }
    fn root_register() -> Weight {
        Weight::from_parts(60_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(140))
            .saturating_add(T::DbWeight::get().writes(20))
    }
    fn increase_take() -> Weight {
        Weight::from_parts(15_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn decrease_take() -> Weight {
        Weight::from_parts(15_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn try_associate_hotkey() -> Weight {
        Weight::from_parts(15_000_000, 4_000)
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    fn set_weights() -> Weight {
        Weight::from_parts(40_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(12))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn commit_weights() -> Weight {
        Weight::from_parts(30_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(10))
            .saturating_add(T::DbWeight::get().writes(2))
    }
    fn reveal_weights() -> Weight {
        Weight::from_parts(60_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(14))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    fn claim_root() -> Weight {
        Weight::from_parts(80_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(20))
            .saturating_add(T::DbWeight::get().writes(12))
    }
    fn set_root_claim_type() -> Weight {
        Weight::from_parts(10_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads(1))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    fn epoch(n: u32) -> Weight {
        Weight::from_parts(2_000_000_000, 100_000)
            .saturating_add(Weight::from_parts(1_000_000, 2_000).saturating_mul(u64::from(n)))
            .saturating_add(T::DbWeight::get().reads(30u64.saturating_add(u64::from(n).saturating_mul(8))))
            .saturating_add(T::DbWeight::get().writes(20u64.saturating_add(u64::from(n).saturating_mul(4))))
    }
    fn coinbase(s: u32) -> Weight {
        Weight::from_parts(5_000_000, 2_000)
            .saturating_add(Weight::from_parts(60_000_000, 20_000).saturating_mul(u64::from(s)))
            .saturating_add(T::DbWeight::get().reads(5u64.saturating_add(u64::from(s).saturating_mul(30))))
            .saturating_add(T::DbWeight::get().writes(u64::from(s).saturating_mul(20)))
    }
    fn destroy_alpha() -> Weight {
        Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(8, 5))
    }
    fn set_coldkey_auto_stake_hotkey() -> Weight {
        Weight::from_parts(20_000_000, 5_000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
    }
    // `register_network` plus the lease's accounts, proxy and a transfer and share per
    // contributor.
    fn register_leased_network(k: u32) -> Weight {
        Self::register_network().saturating_add(lease_registration_extra(T::DbWeight::get(), k))
    }
    fn terminate_lease(k: u32) -> Weight {
        Weight::from_parts(50_000_000, 10_000)
            .saturating_add(T::DbWeight::get().reads_writes(8, 10))
            .saturating_add(T::DbWeight::get().writes(u64::from(k)))
    }
    fn commit_timelocked_weights() -> Weight {
        timelocked_commit(T::DbWeight::get())
    }
    fn commit_crv3_mechanism_weights() -> Weight {
        timelocked_commit(T::DbWeight::get())
    }
    fn commit_timelocked_mechanism_weights() -> Weight {
        timelocked_commit(T::DbWeight::get())
    }
    fn reveal_timelocked_commit() -> Weight {
        timelocked_reveal(T::DbWeight::get())
    }
    fn set_children() -> Weight {
        set_children(T::DbWeight::get())
    }
    fn set_childkey_take() -> Weight {
        Weight::from_parts(20_000_000, 5_000).saturating_add(T::DbWeight::get().reads_writes(6, 2))
    }
    fn sudo_set_childkey_parameter() -> Weight {
        Weight::from_parts(8_000_000, 1_000).saturating_add(T::DbWeight::get().writes(1))
    }
    fn set_auto_parent_delegation_enabled() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
    }
    fn announce_coldkey_swap() -> Weight {
        Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(5, 4))
    }
    fn swap_coldkey() -> Weight {
        Weight::from_parts(400_000_000, 60_000).saturating_add(T::DbWeight::get().reads_writes(1_200, 600))
    }
    fn dispute_coldkey_swap() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
    }
    fn swap_hotkey() -> Weight {
        Weight::from_parts(500_000_000, 80_000).saturating_add(T::DbWeight::get().reads_writes(2_000, 1_000))
    }
    fn lock_stake() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(20, 4))
    }
    fn move_lock() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 8))
    }
    fn set_perpetual_lock() -> Weight {
        Weight::from_parts(50_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(10, 6))
    }
    fn set_reject_locked_alpha() -> Weight {
        Weight::from_parts(15_000_000, 3_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
    }
}

impl WeightInfo for () {
    fn register_network() -> Weight {
        Weight::from_parts(150_000_000, 20_000).saturating_add(RocksDbWeight::get().reads_writes(542, 40))
    }
    fn burned_register() -> Weight {
        Weight::from_parts(200_000_000, 60_000).saturating_add(RocksDbWeight::get().reads_writes(542, 286))
    }
    fn start_call() -> Weight {
        Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
    }
    fn serve_axon() -> Weight {
        Weight::from_parts(25_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 1))
    }
    fn serve_axon_tls() -> Weight {
        Weight::from_parts(30_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
    }
    fn serve_prometheus() -> Weight {
        Weight::from_parts(25_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 1))
    }
    fn set_identity() -> Weight {
        Weight::from_parts(40_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(129, 1))
    }
    fn set_tempo() -> Weight {
        Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(6, 3))
    }
    fn set_activity_cutoff_factor() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
    }
    fn dissolve_network() -> Weight {
        Weight::from_parts(500_000_000, 100_000).saturating_add(RocksDbWeight::get().reads_writes(1_000, 1_500))
    }
    fn update_symbol() -> Weight {
        Weight::from_parts(30_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(258, 1))
    }
    fn trigger_epoch() -> Weight {
        Weight::from_parts(20_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(9, 2))
    }
    fn add_stake() -> Weight {
        Weight::from_parts(90_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(15, 10))
    }
    fn remove_stake() -> Weight {
        Weight::from_parts(110_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(20, 12))
    }
    fn move_stake() -> Weight {
        Weight::from_parts(180_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(30, 20))
    }
    fn unstake_all() -> Weight {
        Weight::from_parts(600_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(150, 100))
    }
    fn unstake_all_alpha() -> Weight {
        Weight::from_parts(650_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(160, 110))
    }
    fn root_register() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(140, 20))
    }
    fn increase_take() -> Weight {
        Weight::from_parts(15_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
    }
    fn decrease_take() -> Weight {
        Weight::from_parts(15_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(3, 2))
    }
    fn try_associate_hotkey() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
    }
    fn set_weights() -> Weight {
        Weight::from_parts(40_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 2))
    }
    fn commit_weights() -> Weight {
        Weight::from_parts(30_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(10, 2))
    }
    fn reveal_weights() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(14, 3))
    }
    fn claim_root() -> Weight {
        Weight::from_parts(80_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(20, 12))
    }
    fn set_root_claim_type() -> Weight {
        Weight::from_parts(10_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
    }
    fn epoch(n: u32) -> Weight {
        Weight::from_parts(2_000_000_000, 100_000)
            .saturating_add(Weight::from_parts(1_000_000, 2_000).saturating_mul(u64::from(n)))
            .saturating_add(RocksDbWeight::get().reads_writes(
                30u64.saturating_add(u64::from(n).saturating_mul(8)),
                20u64.saturating_add(u64::from(n).saturating_mul(4)),
            ))
    }
    fn coinbase(s: u32) -> Weight {
        Weight::from_parts(5_000_000, 2_000)
            .saturating_add(Weight::from_parts(60_000_000, 20_000).saturating_mul(u64::from(s)))
            .saturating_add(RocksDbWeight::get().reads_writes(
                5u64.saturating_add(u64::from(s).saturating_mul(30)),
                u64::from(s).saturating_mul(20),
            ))
    }
    fn destroy_alpha() -> Weight {
        Weight::from_parts(40_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(8, 5))
    }
    fn set_coldkey_auto_stake_hotkey() -> Weight {
        Weight::from_parts(20_000_000, 5_000).saturating_add(RocksDbWeight::get().reads_writes(4, 3))
    }
    fn register_leased_network(k: u32) -> Weight {
        Self::register_network().saturating_add(lease_registration_extra(RocksDbWeight::get(), k))
    }
    fn terminate_lease(k: u32) -> Weight {
        Weight::from_parts(50_000_000, 10_000)
            .saturating_add(RocksDbWeight::get().reads_writes(8, 10))
            .saturating_add(RocksDbWeight::get().writes(u64::from(k)))
    }
    fn commit_timelocked_weights() -> Weight {
        timelocked_commit(RocksDbWeight::get())
    }
    fn commit_crv3_mechanism_weights() -> Weight {
        timelocked_commit(RocksDbWeight::get())
    }
    fn commit_timelocked_mechanism_weights() -> Weight {
        timelocked_commit(RocksDbWeight::get())
    }
    fn reveal_timelocked_commit() -> Weight {
        timelocked_reveal(RocksDbWeight::get())
    }
    fn set_children() -> Weight {
        set_children(RocksDbWeight::get())
    }
    fn set_childkey_take() -> Weight {
        Weight::from_parts(20_000_000, 5_000).saturating_add(RocksDbWeight::get().reads_writes(6, 2))
    }
    fn sudo_set_childkey_parameter() -> Weight {
        Weight::from_parts(8_000_000, 1_000).saturating_add(RocksDbWeight::get().writes(1))
    }
    fn set_auto_parent_delegation_enabled() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 1))
    }
    fn announce_coldkey_swap() -> Weight {
        Weight::from_parts(40_000_000, 6_000).saturating_add(RocksDbWeight::get().reads_writes(5, 4))
    }
    fn swap_coldkey() -> Weight {
        Weight::from_parts(400_000_000, 60_000).saturating_add(RocksDbWeight::get().reads_writes(1_200, 600))
    }
    fn dispute_coldkey_swap() -> Weight {
        Weight::from_parts(15_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
    }
    fn swap_hotkey() -> Weight {
        Weight::from_parts(500_000_000, 80_000).saturating_add(RocksDbWeight::get().reads_writes(2_000, 1_000))
    }
    fn lock_stake() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(20, 4))
    }
    fn move_lock() -> Weight {
        Weight::from_parts(60_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 8))
    }
    fn set_perpetual_lock() -> Weight {
        Weight::from_parts(50_000_000, 8_000).saturating_add(RocksDbWeight::get().reads_writes(10, 6))
    }
    fn set_reject_locked_alpha() -> Weight {
        Weight::from_parts(15_000_000, 3_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
    }
}
