//! Benchmarks of MevShield's calls and of one stored-queue slot, each in its heaviest path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;

fn key(byte: u8) -> ShieldEncKey {
    vec![byte; wire::MLKEM768_ENC_KEY_LEN].try_into().unwrap()
}

fn full_ciphertext() -> Ciphertext {
    vec![0xAB; 8192].try_into().unwrap()
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn announce_next_key() {
        // Every stage of the pipeline full, and the author two blocks ahead with a key.
        let author = T::FindAuthors::current_author().expect("the benchmark runtime has an author");
        if let Some(ahead) = T::FindAuthors::author_in_two_blocks() {
            AuthorKeys::<T>::insert(ahead, key(3));
        }
        AuthorKeys::<T>::insert(&author, key(4));
        PendingKey::<T>::put(key(1));
        NextKey::<T>::put(key(2));

        #[extrinsic_call]
        _(RawOrigin::None, Some(key(5)));

        assert_eq!(AuthorKeys::<T>::get(&author), Some(key(5)));
        assert_eq!(CurrentKey::<T>::get(), Some(key(1)));
    }

    #[benchmark]
    fn submit_encrypted() {
        let who: T::AccountId = whitelisted_caller();
        #[extrinsic_call]
        _(RawOrigin::Signed(who), full_ciphertext());
    }

    #[benchmark]
    fn store_encrypted() {
        let who: T::AccountId = whitelisted_caller();
        #[extrinsic_call]
        _(RawOrigin::Signed(who), full_ciphertext());
        assert_eq!(PendingExtrinsics::<T>::count(), 1);
    }

    #[benchmark]
    fn set_max_pending_extrinsics_number() {
        #[extrinsic_call]
        _(RawOrigin::Root, 7);
        assert_eq!(MaxPendingExtrinsicsLimit::<T>::get(), 7);
    }

    #[benchmark]
    fn set_on_initialize_weight() {
        #[extrinsic_call]
        _(RawOrigin::Root, 7);
        assert_eq!(OnInitializeWeight::<T>::get(), 7);
    }

    #[benchmark]
    fn set_stored_extrinsic_lifetime() {
        #[extrinsic_call]
        _(RawOrigin::Root, 7);
        assert_eq!(ExtrinsicLifetime::<T>::get(), 7);
    }

    #[benchmark]
    fn set_max_extrinsic_weight() {
        #[extrinsic_call]
        _(RawOrigin::Root, 7);
        assert_eq!(MaxExtrinsicWeight::<T>::get(), 7);
    }

    /// One slot of a full-size stored call that the decryptor is asked about.
    #[benchmark]
    fn stored_queue_item() {
        let who: T::AccountId = whitelisted_caller();
        Pallet::<T>::store_encrypted(RawOrigin::Signed(who).into(), full_ciphertext()).unwrap();
        let now = frame_system::Pallet::<T>::block_number();
        #[block]
        {
            Pallet::<T>::on_initialize(now);
        }
        assert_eq!(PendingExtrinsics::<T>::count(), 0);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

