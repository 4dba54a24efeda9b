//! Drand for Tensorchain (`pallets-2.md` §2): the quicknet beacon's parameters, the BLS rule
//! that decides whether a pulse is genuine, and timelock (TLE) decryption with a pulse.
//!
//! - [`verify_pulse`]: `e(σ, G2) = e(H(SHA-256(round)), PK)` on BLS12-381, signatures on G1
//!   (quicknet's `bls-unchained-g1-rfc9380` scheme).
//! - [`tle_decrypt`]: opens a ciphertext made by bittensor-drand / the `tle` crate for a round,
//!   given that round's pulse signature. [`tle_encrypt`] is the inverse, with the randomness
//!   supplied by the caller (tests and benchmarks).
//!
//! No FRAME, no `std` required, and no panics: malformed input is an error.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod tle;
#[cfg(test)]
mod tests;

pub use tle::{tle_decrypt, tle_encrypt, DecryptError, EncryptError};

use ark_bls12_381::{g1, Bls12_381, G1Affine, G1Projective, G2Affine};
use ark_ec::{
    hashing::{curve_maps::wb::WBMap, map_to_curve_hasher::MapToCurveBasedHasher, HashToCurve},
    pairing::Pairing,
    AffineRepr,
};
use ark_ff::{field_hashers::DefaultFieldHasher, One};
use ark_serialize::CanonicalDeserialize;
use sha2::{Digest, Sha256};

/// Quicknet's chain hash: the path component of the HTTP API (`/{hash}/public/latest`).
pub const QUICKNET_CHAIN_HASH: [u8; 32] = [
    0x52, 0xdb, 0x9b, 0xa7, 0x0e, 0x0c, 0xc0, 0xf6, 0xea, 0xf7, 0x80, 0x3d, 0xd0, 0x74, 0x47, 0xa1, 0xf5, 0x47, 0x77,
    0x35, 0xfd, 0x3f, 0x66, 0x17, 0x92, 0xba, 0x94, 0x60, 0x0c, 0x84, 0xe9, 0x71,
];

/// Quicknet's chain hash in lowercase hex, as the HTTP API spells it.
pub const QUICKNET_CHAIN_HASH_HEX: &str = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

/// Quicknet's group public key: a G2 point, 96 bytes compressed (zcash encoding).
pub const QUICKNET_PUBLIC_KEY: [u8; 96] = [
    0x83, 0xcf, 0x0f, 0x28, 0x96, 0xad, 0xee, 0x7e, 0xb8, 0xb5, 0xf0, 0x1f, 0xca, 0xd3, 0x91, 0x22, 0x12, 0xc4, 0x37,
    0xe0, 0x07, 0x3e, 0x91, 0x1f, 0xb9, 0x00, 0x22, 0xd3, 0xe7, 0x60, 0x18, 0x3c, 0x8c, 0x4b, 0x45, 0x0b, 0x6a, 0x0a,
    0x6c, 0x3a, 0xc6, 0xa5, 0x77, 0x6a, 0x2d, 0x10, 0x64, 0x51, 0x0d, 0x1f, 0xec, 0x75, 0x8c, 0x92, 0x1c, 0xc2, 0x2b,
    0x0e, 0x17, 0xe6, 0x3a, 0xaf, 0x4b, 0xcb, 0x5e, 0xd6, 0x63, 0x04, 0xde, 0x9c, 0xf8, 0x09, 0xbd, 0x27, 0x4c, 0xa7,
    0x3b, 0xab, 0x4a, 0xf5, 0xa6, 0xe9, 0xc7, 0x6a, 0x4b, 0xc0, 0x9e, 0x76, 0xea, 0xe8, 0x99, 0x1e, 0xf5, 0xec, 0xe4,
    0x5a,
];

/// Seconds between rounds.
pub const QUICKNET_PERIOD: u32 = 3;

/// Unix time of round 1; round `r` is published at `genesis + (r − 1)·period`.
pub const QUICKNET_GENESIS_TIME: u32 = 1_692_803_367;

/// Quicknet's group hash.
pub const QUICKNET_GROUP_HASH: [u8; 32] = [
    0xf4, 0x77, 0xd5, 0xc8, 0x9f, 0x21, 0xa1, 0x7c, 0x86, 0x3a, 0x7f, 0x93, 0x7c, 0x6a, 0x6d, 0x15, 0x85, 0x94, 0x14,
    0xd2, 0xbe, 0x09, 0xcd, 0x44, 0x8d, 0x42, 0x79, 0xaf, 0x33, 0x1c, 0x5d, 0x3e,
];

/// Quicknet's signature scheme: unchained (the message is the round alone), signatures on G1.
pub const QUICKNET_SCHEME_ID: &[u8] = b"bls-unchained-g1-rfc9380";

/// Quicknet's beacon id.
pub const QUICKNET_BEACON_ID: &[u8] = b"quicknet";

/// The RFC 9380 domain separation tag quicknet hashes messages to G1 with.
pub const QUICKNET_DST: &[u8] = b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

/// Length of a compressed G1 point (a pulse signature).
pub const SIGNATURE_LEN: usize = 48;

/// Length of a compressed G2 point (the beacon public key, a TLE `U`).
pub const PUBLIC_KEY_LEN: usize = 96;

/// Why a pulse could not be checked at all (as opposed to being checked and found false).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// The public key is not a compressed G2 point in the prime-order subgroup.
    InvalidPublicKey,
    /// The signature is not a compressed G1 point in the prime-order subgroup.
    InvalidSignature,
    /// Hashing the round to G1 failed (cannot happen with the quicknet DST).
    HashToCurve,
}

/// The message drand signs for `round` in an unchained scheme: SHA-256 of the round as eight
/// big-endian bytes (the previous signature is empty).
pub fn round_message(round: u64) -> [u8; 32] {
    Sha256::digest(round.to_be_bytes()).into()
}

/// `hash_to_G1(message)`: RFC 9380 `expand_message_xmd` with SHA-256, the simplified SWU map
/// onto the 11-isogenous curve and the isogeny back to G1, with quicknet's DST.
pub(crate) fn hash_to_g1(message: &[u8]) -> Option<G1Affine> {
    type Hasher = MapToCurveBasedHasher<G1Projective, DefaultFieldHasher<Sha256, 128>, WBMap<g1::Config>>;
    let hasher = <Hasher as HashToCurve<G1Projective>>::new(QUICKNET_DST).ok()?;
    hasher.hash(message).ok()
}

/// The point drand signs for `round`, which is also the TLE identity of that round.
pub(crate) fn round_point(round: u64) -> Option<G1Affine> {
    hash_to_g1(&round_message(round))
}

/// Decodes a compressed, validated (on the curve, in the subgroup) G1 point.
pub(crate) fn decode_g1(bytes: &[u8]) -> Option<G1Affine> {
    G1Affine::deserialize_compressed(bytes).ok()
}

/// Decodes a compressed, validated G2 point.
pub(crate) fn decode_g2(bytes: &[u8]) -> Option<G2Affine> {
    G2Affine::deserialize_compressed(bytes).ok()
}

/// Whether `signature` is the beacon's signature of `round` (`pallets-2.md` §2.5).
///
/// `Err` when the key or the signature does not decode as a validated compressed point;
/// `Ok(false)` when both decode but the pairing equation does not hold (e.g. a genuine pulse
/// presented for another round).
pub fn verify_pulse(public_key: &[u8], round: u64, signature: &[u8]) -> Result<bool, VerifyError> {
    let public_key = decode_g2(public_key).ok_or(VerifyError::InvalidPublicKey)?;
    let signature = decode_g1(signature).ok_or(VerifyError::InvalidSignature)?;
    let message = round_point(round).ok_or(VerifyError::HashToCurve)?;
    // e(σ, G2)·e(H, PK)⁻¹ = e(−σ, G2)·e(H, PK) = 1, with one Miller loop.
    let negated = core::ops::Neg::neg(signature);
    let looped = Bls12_381::multi_miller_loop([negated, message], [G2Affine::generator(), public_key]);
    Ok(Bls12_381::final_exponentiation(looped).is_some_and(|output| output.0.is_one()))
}
