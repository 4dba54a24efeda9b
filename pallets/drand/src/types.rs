//! The pallet's SCALE types (`pallets-2.md` §2.2), in upstream's field order.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use frame_system::offchain::{SignedPayload, SigningTypes};
use scale_info::TypeInfo;
use sp_runtime::Vec;
use tensorchain_drand_primitives as primitives;

/// A drand round number.
pub type RoundNumber = u64;

/// One beacon output: the round, SHA-256 of the signature and the BLS signature (48 bytes on
/// quicknet; the bound leaves room for G2 schemes).
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Pulse {
    pub round: RoundNumber,
    pub randomness: BoundedVec<u8, ConstU32<32>>,
    pub signature: BoundedVec<u8, ConstU32<144>>,
}

/// Beacon metadata as drand's `/info` reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Metadata {
    pub beacon_id: BoundedVec<u8, ConstU32<32>>,
}

/// The beacon whose pulses the chain accepts.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct BeaconConfiguration {
    pub public_key: BoundedVec<u8, ConstU32<96>>,
    pub period: u32,
    pub genesis_time: u32,
    pub hash: BoundedVec<u8, ConstU32<32>>,
    pub group_hash: BoundedVec<u8, ConstU32<32>>,
    pub scheme_id: BoundedVec<u8, ConstU32<32>>,
    pub metadata: Metadata,
}

impl BeaconConfiguration {
    /// Drand's quicknet (`pallets-2.md` §2.1), the default `BeaconConfig`.
    pub fn quicknet() -> Self {
        Self {
            public_key: BoundedVec::truncate_from(primitives::QUICKNET_PUBLIC_KEY.to_vec()),
            period: primitives::QUICKNET_PERIOD,
            genesis_time: primitives::QUICKNET_GENESIS_TIME,
            hash: BoundedVec::truncate_from(primitives::QUICKNET_CHAIN_HASH.to_vec()),
            group_hash: BoundedVec::truncate_from(primitives::QUICKNET_GROUP_HASH.to_vec()),
            scheme_id: BoundedVec::truncate_from(primitives::QUICKNET_SCHEME_ID.to_vec()),
            metadata: Metadata { beacon_id: BoundedVec::truncate_from(primitives::QUICKNET_BEACON_ID.to_vec()) },
        }
    }
}

/// What an offchain worker signs and submits with `write_pulse`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PulsesPayload<Public, BlockNumber> {
    pub block_number: BlockNumber,
    pub pulses: Vec<Pulse>,
    pub public: Public,
}

/// The payload of `set_beacon_config`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct BeaconConfigurationPayload<Public, BlockNumber> {
    pub block_number: BlockNumber,
    pub config: BeaconConfiguration,
    pub public: Public,
}

impl<T: SigningTypes> SignedPayload<T> for PulsesPayload<T::Public, frame_system::pallet_prelude::BlockNumberFor<T>> {
    fn public(&self) -> T::Public {
        self.public.clone()
    }
}

impl<T: SigningTypes> SignedPayload<T>
    for BeaconConfigurationPayload<T::Public, frame_system::pallet_prelude::BlockNumberFor<T>>
{
    fn public(&self) -> T::Public {
        self.public.clone()
    }
}

/// Checks pulses against a beacon configuration.
pub trait Verifier {
    /// `Ok(true)` for a genuine pulse, `Ok(false)` for a well-formed one that does not verify,
    /// `Err` when the key or signature cannot be decoded.
    fn verify(config: &BeaconConfiguration, pulse: &Pulse) -> Result<bool, primitives::VerifyError>;
}

/// The BLS rule of quicknet-style beacons (`bls-unchained-g1-rfc9380`, `pallets-2.md` §2.5),
/// with the configuration's public key.
pub struct QuicknetVerifier;

impl Verifier for QuicknetVerifier {
    fn verify(config: &BeaconConfiguration, pulse: &Pulse) -> Result<bool, primitives::VerifyError> {
        primitives::verify_pulse(&config.public_key, pulse.round, &pulse.signature)
    }
}
