//! Timelock encryption to a drand round (`pallets-2.md` §2.9): Boneh–Franklin style identity
//! based encryption where the identity of round `r` is `H(SHA-256(r))` on G1 and its private
//! key is the round's pulse signature, wrapped around AES-256-GCM.
//!
//! Byte layout (arkworks `CanonicalSerialize`, compressed; a `Vec<u8>` is its u64 little-endian
//! length and the bytes):
//!
//! ```text
//! U (G2, 96) ‖ V (Vec, 32) ‖ W (Vec, 32) ‖ body (Vec: ciphertext Vec ‖ nonce Vec) ‖ suite (Vec)
//! ```

use crate::{decode_g1, decode_g2, round_point, PUBLIC_KEY_LEN};
use aes_gcm::{aead::Aead, Aes256Gcm, KeyInit, Nonce};
use alloc::vec::Vec;
use ark_bls12_381::{Bls12_381, Fr, G2Affine, G2Projective};
use ark_ec::{pairing::Pairing, AffineRepr, CurveGroup, Group};
use ark_ff::PrimeField;
use ark_serialize::CanonicalSerialize;
use sha2::{Digest, Sha256};

/// The cipher suite tag bittensor-drand writes (not checked when decrypting).
const CIPHER_SUITE: &[u8] = b"AES_GCM_";

/// Length of the AES-GCM nonce.
const NONCE_LEN: usize = 12;

/// Why a ciphertext could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecryptError {
    /// The signature is not a compressed G1 point in the prime-order subgroup.
    InvalidSignature,
    /// The bytes do not follow the TLE layout (truncated, bad lengths, bad `U`).
    MalformedCiphertext,
    /// `U ≠ r·G2`: the signature is not the key of the round this was encrypted to, or the
    /// header was tampered with.
    WrongKey,
    /// The AES-GCM tag does not authenticate the body.
    Aead,
}

/// Why a ciphertext could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncryptError {
    /// The public key is not a compressed G2 point in the prime-order subgroup.
    InvalidPublicKey,
    /// Hashing the round to G1 failed.
    HashToCurve,
    /// AES-GCM refused the plaintext (longer than it can encrypt).
    Aead,
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().into()
}

fn xor32(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
        *o = x ^ y;
    }
    out
}

/// SHA-256 of the compressed serialisation of `e(p, q)`: 12 little-endian 48-byte base-field
/// elements in arkworks order (c0.c0.c0, c0.c0.c1, …, c1.c2.c1).
fn pairing_hash(p: ark_bls12_381::G1Affine, q: G2Affine) -> Option<[u8; 32]> {
    let gt = Bls12_381::pairing(p, q);
    let mut bytes = Vec::with_capacity(576);
    gt.0.serialize_compressed(&mut bytes).ok()?;
    Some(sha256(&[&bytes]))
}

/// `H3(sigma, key)`: SHA-256 of both, read big-endian and reduced modulo the group order.
fn h3(sigma: &[u8; 32], key: &[u8; 32]) -> Fr {
    Fr::from_be_bytes_mod_order(&sha256(&[sigma, key]))
}

/// `r·G2`, the `U` a ciphertext with this `sigma` and `key` must carry.
fn commitment(r: Fr) -> G2Affine {
    core::ops::Mul::mul(G2Projective::generator(), r).into_affine()
}

/// A cursor over the ciphertext; every read is bounds-checked.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecryptError> {
        let (head, rest) = self.0.split_at_checked(n).ok_or(DecryptError::MalformedCiphertext)?;
        self.0 = rest;
        Ok(head)
    }

    /// An arkworks `Vec<u8>`: u64 little-endian length, then the bytes.
    fn vec(&mut self) -> Result<&'a [u8], DecryptError> {
        let len: [u8; 8] = self.take(8)?.try_into().map_err(|_| DecryptError::MalformedCiphertext)?;
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(|_| DecryptError::MalformedCiphertext)?;
        self.take(len)
    }

    fn array32(&mut self) -> Result<[u8; 32], DecryptError> {
        self.vec()?.try_into().map_err(|_| DecryptError::MalformedCiphertext)
    }
}

fn write_vec(out: &mut Vec<u8>, bytes: &[u8]) {
    // A usize always fits in a u64 on the targets Substrate supports (32 and 64 bits).
    out.extend_from_slice(&u64::try_from(bytes.len()).unwrap_or(u64::MAX).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Opens a TLE ciphertext with the pulse signature of the round it was encrypted to.
///
/// A leading ASCII `0x` on `signature` is ignored. Bytes after the cipher suite are ignored,
/// as arkworks' deserialisation does; everything before it must be well formed.
pub fn tle_decrypt(ciphertext: &[u8], signature: &[u8]) -> Result<Vec<u8>, DecryptError> {
    let signature = signature.strip_prefix(b"0x").unwrap_or(signature);
    let signature = decode_g1(signature).ok_or(DecryptError::InvalidSignature)?;

    let mut reader = Reader(ciphertext);
    let u = decode_g2(reader.take(PUBLIC_KEY_LEN)?).ok_or(DecryptError::MalformedCiphertext)?;
    let v = reader.array32()?;
    let w = reader.array32()?;
    let mut body = Reader(reader.vec()?);
    let _cipher_suite = reader.vec()?;
    let aes_ciphertext = body.vec()?;
    let nonce: [u8; NONCE_LEN] = body.vec()?.try_into().map_err(|_| DecryptError::MalformedCiphertext)?;

    let sigma = xor32(&v, &pairing_hash(signature, u).ok_or(DecryptError::MalformedCiphertext)?);
    let key = xor32(&w, &sha256(&[&sigma]));
    if commitment(h3(&sigma, &key)) != u {
        return Err(DecryptError::WrongKey);
    }

    let cipher = Aes256Gcm::new(&key.into());
    cipher.decrypt(&Nonce::from(nonce), aes_ciphertext).map_err(|_| DecryptError::Aead)
}

/// Encrypts `plaintext` to `round` of the beacon with `public_key`, in the layout
/// [`tle_decrypt`] reads. The caller supplies the randomness: the AES key, `sigma` (in
/// bittensor-drand, SHA-256 of a random scalar) and the AES-GCM nonce. Reusing them leaks the
/// plaintext; this exists for tests and benchmarks, clients encrypt on their side.
pub fn tle_encrypt(
    public_key: &[u8],
    round: u64,
    plaintext: &[u8],
    aes_key: [u8; 32],
    sigma: [u8; 32],
    nonce: [u8; NONCE_LEN],
) -> Result<Vec<u8>, EncryptError> {
    let public_key = decode_g2(public_key).ok_or(EncryptError::InvalidPublicKey)?;
    let identity = round_point(round).ok_or(EncryptError::HashToCurve)?;
    let r = h3(&sigma, &aes_key);
    let u = commitment(r);
    let r_pk = core::ops::Mul::mul(public_key.into_group(), r).into_affine();
    let v = xor32(&sigma, &pairing_hash(identity, r_pk).ok_or(EncryptError::HashToCurve)?);
    let w = xor32(&aes_key, &sha256(&[&sigma]));

    let cipher = Aes256Gcm::new(&aes_key.into());
    let aes_ciphertext = cipher.encrypt(&Nonce::from(nonce), plaintext).map_err(|_| EncryptError::Aead)?;
    let mut body = Vec::with_capacity(aes_ciphertext.len().saturating_add(28));
    write_vec(&mut body, &aes_ciphertext);
    write_vec(&mut body, &nonce);

    let mut out = Vec::with_capacity(body.len().saturating_add(216));
    u.serialize_compressed(&mut out).map_err(|_| EncryptError::InvalidPublicKey)?;
    write_vec(&mut out, &v);
    write_vec(&mut out, &w);
    write_vec(&mut out, &body);
    write_vec(&mut out, CIPHER_SUITE);
    Ok(out)
}
