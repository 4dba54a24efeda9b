//! # Drand
//!
//! Stores verified pulses of drand's quicknet beacon (`pallets-2.md` §2): the offchain worker
//! of each authority fetches new rounds over HTTP and submits them as unsigned `write_pulse`
//! transactions carrying a payload signed with a local `drnd` key; the dispatch checks each
//! pulse's BLS signature against `BeaconConfig` and keeps about a week of rounds.
//!
//! Other pallets read pulses through [`Pallet::pulse_signature`] (the key that opens
//! ciphertexts timelocked to that round, see `tensorchain_drand_primitives::tle_decrypt`) and
//! [`Pallet::last_stored_round`].
//!
//! The node chooses the HTTP endpoints by writing [`ENDPOINTS_STORAGE_KEY`] in the offchain
//! `PERSISTENT` local storage: a SCALE `Vec<Vec<u8>>` of base URLs. Without the key the worker
//! uses [`DEFAULT_ENDPOINTS`]; an empty list disables fetching.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod offchain;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

use alloc::vec::Vec;
use sp_core::crypto::KeyTypeId;

/// The keystore type of the keys that sign `write_pulse` payloads.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"drnd");

/// Offchain `PERSISTENT` local storage key holding the endpoints (SCALE `Vec<Vec<u8>>`).
pub const ENDPOINTS_STORAGE_KEY: &[u8] = b"drand::endpoints";

/// Where the worker fetches pulses when the node configured nothing.
pub const DEFAULT_ENDPOINTS: [&str; 5] = [
    "https://api.drand.sh",
    "https://api2.drand.sh",
    "https://api3.drand.sh",
    "https://drand.cloudflare.com",
    "https://api.drand.secureweb3.com:6875",
];

/// At most this many rounds are fetched (and submitted) per block.
pub const MAX_PULSES_TO_FETCH: u64 = 50;

/// Pulses older than the newest `MAX_KEPT_PULSES` rounds are pruned (about a week).
pub const MAX_KEPT_PULSES: u64 = 216_000;

/// At most this many old pulses are removed by one `write_pulse`.
pub const MAX_REMOVED_PULSES: u64 = 100;

/// Tag prefix of the unsigned transactions.
const TAG_PREFIX: &str = "DrandOffchainWorker";

/// The `drnd` application key (sr25519) and its binding to `MultiSigner`/`MultiSignature`.
pub mod crypto {
    use super::KEY_TYPE;
    use sp_runtime::{
        app_crypto::{app_crypto, sr25519},
        MultiSignature, MultiSigner,
    };

    app_crypto!(sr25519, KEY_TYPE);

    /// `Config::AuthorityId` for runtimes whose `SigningTypes` are `MultiSigner` and
    /// `MultiSignature`.
    pub struct AuthId;

    impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for AuthId {
        type RuntimeAppPublic = Public;
        type GenericSignature = sp_core::sr25519::Signature;
        type GenericPublic = sp_core::sr25519::Public;
    }
}

// The FRAME macros expand to `expect` calls (and `validate_unsigned` to a unit `let`);
// `ValidateUnsigned` is deprecated in this SDK but the OCW's bare `write_pulse` still goes
// through it (`pallets-2.md` §2.7).
#[allow(clippy::expect_used, clippy::let_unit_value, deprecated)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use codec::{DecodeWithMemTracking, Encode};
    use frame_support::pallet_prelude::*;
    use frame_system::{
        offchain::{AppCrypto, CreateBare, SignedPayload, SigningTypes},
        pallet_prelude::*,
    };
    use sp_runtime::traits::Saturating;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config:
        frame_system::Config
        + SigningTypes<Public: DecodeWithMemTracking, Signature: Eq + DecodeWithMemTracking>
        + CreateBare<Call<Self>>
    {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// The key that signs the worker's payloads (normally [`crypto::AuthId`]).
        type AuthorityId: AppCrypto<Self::Public, Self::Signature>;
        /// Checks pulse signatures (normally [`QuicknetVerifier`]).
        type Verifier: Verifier;
        /// Base priority of the worker's unsigned transactions.
        #[pallet::constant]
        type UnsignedPriority: Get<TransactionPriority>;
        /// Deadline of one HTTP fetch, in milliseconds.
        #[pallet::constant]
        type HttpFetchTimeout: Get<u64>;
        type WeightInfo: WeightInfo;
    }

    #[pallet::type_value]
    pub fn DefaultBeaconConfig() -> BeaconConfiguration {
        BeaconConfiguration::quicknet()
    }

    /// The beacon whose pulses are accepted.
    #[pallet::storage]
    pub type BeaconConfig<T: Config> = StorageValue<_, BeaconConfiguration, ValueQuery, DefaultBeaconConfig>;

    /// Migrations that ran, by name.
    #[pallet::storage]
    pub type HasMigrationRun<T: Config> = StorageMap<_, Identity, BoundedVec<u8, ConstU32<128>>, bool, ValueQuery>;

    /// Stored pulses by round.
    #[pallet::storage]
    pub type Pulses<T: Config> = StorageMap<_, Blake2_128Concat, RoundNumber, Pulse, OptionQuery>;

    /// The newest stored round (0 before the first pulse).
    #[pallet::storage]
    pub type LastStoredRound<T: Config> = StorageValue<_, RoundNumber, ValueQuery>;

    /// The oldest round not yet pruned (0 before the first pulse).
    #[pallet::storage]
    pub type OldestStoredRound<T: Config> = StorageValue<_, RoundNumber, ValueQuery>;

    /// Unsigned submissions are accepted from this block on.
    #[pallet::storage]
    pub type NextUnsignedAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `BeaconConfig` was replaced.
        BeaconConfigChanged,
        /// These rounds were stored.
        NewPulse { rounds: Vec<RoundNumber> },
        /// `OldestStoredRound` was set by root.
        SetOldestStoredRound(RoundNumber),
    }

    #[pallet::error]
    pub enum Error<T> {
        /// No value.
        NoneValue,
        /// A value overflowed.
        StorageOverflow,
        /// The drand endpoints could not be reached.
        DrandConnectionFailure,
        /// The pulse did not verify.
        UnverifiedPulse,
        /// A verified pulse is not newer than `LastStoredRound`.
        InvalidRoundNumber,
        /// A pulse's signature (or the configured key) could not be decoded.
        PulseVerificationError,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn offchain_worker(block_number: BlockNumberFor<T>) {
            if let Err(reason) = Self::fetch_and_submit(block_number) {
                log::debug!(target: "runtime::drand", "offchain worker at block {block_number:?}: {reason}");
            }
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Stores the verified pulses of the payload (`pallets-2.md` §2.6). Unsigned; the
        /// payload signature is checked by `validate_unsigned`.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::write_pulse())]
        pub fn write_pulse(
            origin: OriginFor<T>,
            pulses_payload: PulsesPayload<T::Public, BlockNumberFor<T>>,
            signature: Option<T::Signature>,
        ) -> DispatchResult {
            ensure_none(origin)?;
            let _ = signature;
            let config = BeaconConfig::<T>::get();
            let mut last = LastStoredRound::<T>::get();
            let mut oldest = OldestStoredRound::<T>::get();
            let first_time = last == 0 && oldest == 0;
            let mut rounds = Vec::new();

            for pulse in pulses_payload.pulses {
                let genuine = T::Verifier::verify(&config, &pulse).map_err(|_| Error::<T>::PulseVerificationError)?;
                if !genuine {
                    continue;
                }
                ensure!(pulse.round > last, Error::<T>::InvalidRoundNumber);
                last = pulse.round;
                rounds.push(pulse.round);
                Pulses::<T>::insert(pulse.round, pulse);
            }

            LastStoredRound::<T>::put(last);
            if first_time {
                if let Some(first) = rounds.first() {
                    oldest = *first;
                }
            }
            if oldest != 0 {
                let mut removed = 0u64;
                while removed < MAX_REMOVED_PULSES && last.saturating_sub(oldest).saturating_add(1) > MAX_KEPT_PULSES
                {
                    Pulses::<T>::remove(oldest);
                    oldest = oldest.saturating_add(1);
                    removed = removed.saturating_add(1);
                }
            }
            OldestStoredRound::<T>::put(oldest);
            NextUnsignedAt::<T>::put(frame_system::Pallet::<T>::block_number());

            if !rounds.is_empty() {
                Self::deposit_event(Event::NewPulse { rounds });
            }
            Ok(())
        }

        /// Replaces the beacon configuration (root). Pulses are not accepted again until the
        /// next block.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::set_beacon_config())]
        pub fn set_beacon_config(
            origin: OriginFor<T>,
            config_payload: BeaconConfigurationPayload<T::Public, BlockNumberFor<T>>,
            signature: Option<T::Signature>,
        ) -> DispatchResult {
            ensure_root(origin)?;
            let _ = signature;
            BeaconConfig::<T>::put(config_payload.config);
            NextUnsignedAt::<T>::put(frame_system::Pallet::<T>::block_number().saturating_add(1u32.into()));
            Self::deposit_event(Event::BeaconConfigChanged);
            Ok(())
        }

        /// Sets `OldestStoredRound` (root), e.g. to restart pruning from there.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::set_oldest_stored_round())]
        pub fn set_oldest_stored_round(origin: OriginFor<T>, oldest_round: RoundNumber) -> DispatchResult {
            ensure_root(origin)?;
            OldestStoredRound::<T>::put(oldest_round);
            Self::deposit_event(Event::SetOldestStoredRound(oldest_round));
            Ok(())
        }
    }

    #[pallet::validate_unsigned]
    impl<T: Config> ValidateUnsigned for Pallet<T> {
        type Call = Call<T>;

        fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
            match call {
                Call::write_pulse { pulses_payload, signature } => {
                    Self::validate_write_pulse(pulses_payload, signature.as_ref())
                },
                Call::set_beacon_config { config_payload, signature } => {
                    Self::validate_set_beacon_config(config_payload, signature.as_ref())
                },
                _ => InvalidTransaction::Call.into(),
            }
        }
    }

    impl<T: Config> Pallet<T> {
        /// `pallets-2.md` §2.7, in the order the checks are made there.
        fn validate_write_pulse(
            payload: &PulsesPayload<T::Public, BlockNumberFor<T>>,
            signature: Option<&T::Signature>,
        ) -> TransactionValidity {
            let signature = signature.ok_or(InvalidTransaction::BadSigner)?;
            if !SignedPayload::<T>::verify::<T::AuthorityId>(payload, signature.clone()) {
                return InvalidTransaction::BadProof.into();
            }
            let now = frame_system::Pallet::<T>::block_number();
            if now < payload.block_number {
                return InvalidTransaction::Future.into();
            }
            let [pulse] = payload.pulses.as_slice() else {
                return InvalidTransaction::Call.into();
            };
            if NextUnsignedAt::<T>::get() > now || pulse.round <= LastStoredRound::<T>::get() {
                return InvalidTransaction::Stale.into();
            }
            let mut tag = b"drand".to_vec();
            tag.extend_from_slice(&pulse.round.to_le_bytes());
            ValidTransaction::with_tag_prefix(TAG_PREFIX)
                .priority(T::UnsignedPriority::get().saturating_add(u64::MAX.saturating_sub(pulse.round)))
                .and_provides(sp_io::hashing::blake2_256(&tag))
                .longevity(3)
                .propagate(false)
                .build()
        }

        fn validate_set_beacon_config(
            payload: &BeaconConfigurationPayload<T::Public, BlockNumberFor<T>>,
            signature: Option<&T::Signature>,
        ) -> TransactionValidity {
            let signature = signature.ok_or(InvalidTransaction::BadSigner)?;
            if !SignedPayload::<T>::verify::<T::AuthorityId>(payload, signature.clone()) {
                return InvalidTransaction::BadProof.into();
            }
            if frame_system::Pallet::<T>::block_number() < payload.block_number {
                return InvalidTransaction::Future.into();
            }
            let next_unsigned_at = NextUnsignedAt::<T>::get();
            if next_unsigned_at > payload.block_number {
                return InvalidTransaction::Stale.into();
            }
            let tag = (next_unsigned_at, payload.public.encode()).encode();
            ValidTransaction::with_tag_prefix(TAG_PREFIX)
                .priority(T::UnsignedPriority::get())
                .and_provides(sp_io::hashing::blake2_256(&tag))
                .longevity(1)
                .propagate(true)
                .build()
        }
    }
}

impl<T: Config> Pallet<T> {
    /// The stored pulse signature of `round`: the key of ciphertexts timelocked to it.
    pub fn pulse_signature(round: RoundNumber) -> Option<Vec<u8>> {
        Pulses::<T>::get(round).map(|pulse| pulse.signature.into_inner())
    }

    /// The newest stored round, 0 before the first pulse.
    pub fn last_stored_round() -> RoundNumber {
        LastStoredRound::<T>::get()
    }
}
