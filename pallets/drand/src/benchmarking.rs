//! Benchmarks of Drand's calls. `write_pulse` stores the recorded quicknet pulse of round
//! 1000 under the default `BeaconConfig`, so the runtime's real verifier does the pairing.
//! (Pruning cannot be exercised with real pulses: it needs rounds 216 000 apart.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use super::*;
use crate::offchain::decode_hex;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::BoundedVec;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::TrailingZeroInput;

const ROUND: u64 = 1000;
const SIGNATURE: &str = "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39";
const RANDOMNESS: &str = "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd";

/// Any decodable public key: dispatch does not look at it.
fn some_public<T: Config>() -> T::Public {
    T::Public::decode(&mut TrailingZeroInput::zeroes()).unwrap()
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn write_pulse() {
        let pulse = Pulse {
            round: ROUND,
            randomness: BoundedVec::try_from(decode_hex(RANDOMNESS).unwrap()).unwrap(),
            signature: BoundedVec::try_from(decode_hex(SIGNATURE).unwrap()).unwrap(),
        };
        let payload = PulsesPayload {
            block_number: BlockNumberFor::<T>::from(1u32),
            pulses: alloc::vec![pulse],
            public: some_public::<T>(),
        };

        #[extrinsic_call]
        _(RawOrigin::None, payload, None);

        assert_eq!(LastStoredRound::<T>::get(), ROUND);
        assert_eq!(OldestStoredRound::<T>::get(), ROUND);
        assert!(Pulses::<T>::contains_key(ROUND));
    }

    #[benchmark]
    fn set_beacon_config() {
        let payload = BeaconConfigurationPayload {
            block_number: BlockNumberFor::<T>::from(1u32),
            config: BeaconConfiguration::quicknet(),
            public: some_public::<T>(),
        };

        #[extrinsic_call]
        _(RawOrigin::Root, payload, None);

        assert_eq!(BeaconConfig::<T>::get(), BeaconConfiguration::quicknet());
    }

    #[benchmark]
    fn set_oldest_stored_round() {
        #[extrinsic_call]
        _(RawOrigin::Root, 42);

        assert_eq!(OldestStoredRound::<T>::get(), 42);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
