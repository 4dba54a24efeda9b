//! Benchmarks of Commitments' calls and of the reveal hook.
//!
//! The runtime provides `Config::BenchmarkHelper`: `register_hotkey` gives the committing
//! account a uid (SubtensorModule's registration), `prepare_reveal` stores a drand pulse and
//! returns a ciphertext for it (without a Drand pallet it returns `None` and the reveal
//! benchmark measures only fields that wait).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{boxed::Box, collections::btree_set::BTreeSet, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
    traits::{Currency, Get},
    BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

const NETUID: NetUid = 1;
const REVEAL_ROUND: u64 = 1_000;
/// No drand network reaches this round, so fields locked to it wait.
const WAITING_ROUND: u64 = u64::MAX;

fn timelocked(ciphertext: Vec<u8>, reveal_round: u64) -> Data {
    Data::TimelockEncrypted { encrypted: BoundedVec::truncate_from(ciphertext), reveal_round }
}

/// The costliest commitment: a full-size ciphertext (index write), the bonds-reset flag (the
/// runtime's hook) and a full `BigRaw`, as many of them as `MaxFields` allows.
fn worst_case_info<T: Config>() -> CommitmentInfoOf<T> {
    let fields = vec![
        timelocked(vec![1; MAX_TIMELOCK_LEN as usize], REVEAL_ROUND),
        Data::ResetBondsFlag,
        Data::BigRaw(BoundedVec::truncate_from(vec![2; MAX_BIG_RAW_LEN as usize])),
    ];
    CommitmentInfo { fields: BoundedVec::truncate_from(fields) }
}

fn committer<T: Config>() -> T::AccountId {
    let who: T::AccountId = account("hotkey", 0, 0);
    T::BenchmarkHelper::register_hotkey(NETUID, &who);
    let deposits =
        T::InitialDeposit::get().saturating_add(T::FieldDeposit::get().saturating_mul(T::MaxFields::get().into()));
    T::Currency::make_free_balance_be(
        &who,
        deposits.saturating_add(T::Currency::minimum_balance()).saturating_mul(2u32.into()),
    );
    who
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn set_commitment() {
        let who = committer::<T>();
        MaxSpace::<T>::put(u32::MAX);
        // Replacing a one-field commitment: the call reads it and reserves the difference.
        let earlier = CommitmentInfo {
            fields: BoundedVec::truncate_from(vec![Data::Raw(BoundedVec::truncate_from(vec![0; 128]))]),
        };
        Pallet::<T>::set_commitment(RawOrigin::Signed(who.clone()).into(), NETUID, Box::new(earlier)).unwrap();
        let info = worst_case_info::<T>();

        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), NETUID, Box::new(info.clone()));

        assert_eq!(CommitmentOf::<T>::get(NETUID, &who).map(|r| r.info), Some(info));
    }

    #[benchmark]
    fn set_max_space() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5_000);

        assert_eq!(MaxSpace::<T>::get(), 5_000);
    }

    /// `n` entries whose full-size ciphertext waits for its pulse, `r` entries whose field
    /// reveals into a full history (so the oldest entry is pushed out).
    #[benchmark]
    fn on_initialize_reveal(n: Linear<0, 256>, r: Linear<0, 256>) {
        let ready = T::BenchmarkHelper::prepare_reveal(REVEAL_ROUND);
        let mut index = BTreeSet::new();
        for i in 0..n.saturating_add(r) {
            let who: T::AccountId = account("committer", i, 0);
            let field = match (&ready, i < r) {
                (Some(ciphertext), true) => {
                    RevealedCommitments::<T>::insert(
                        NETUID,
                        &who,
                        vec![(vec![0u8; 700], 0u64); MAX_REVEALED_COMMITMENTS],
                    );
                    timelocked(ciphertext.clone(), REVEAL_ROUND)
                },
                _ => timelocked(vec![0; MAX_TIMELOCK_LEN as usize], WAITING_ROUND),
            };
            let info = CommitmentInfo { fields: BoundedVec::truncate_from(vec![field]) };
            CommitmentOf::<T>::insert(NETUID, &who, Registration { deposit: 0, block: 0, info });
            LastCommitment::<T>::insert(NETUID, &who, frame_system::Pallet::<T>::block_number());
            index.insert((NETUID, who));
        }
        TimelockedIndex::<T>::put(index);
        let now = frame_system::Pallet::<T>::block_number();

        #[block]
        {
            Pallet::<T>::reveal_timelocked(now);
        }

        if ready.is_some() {
            assert_eq!(TimelockedIndex::<T>::get().len(), n as usize);
        }
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
