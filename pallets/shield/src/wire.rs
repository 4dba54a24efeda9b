//! The shielded payload as both clients write it (`pallets-2.md` §1.7):
//!
//! ```text
//! key_hash (16) ‖ kem_len (u16 LE) ‖ kem_ct (kem_len) ‖ nonce (24) ‖ aead_ct (rest)
//! ```
//!
//! `key_hash` is `twox_128` of the ML-KEM-768 encapsulation key the payload was made for;
//! `kem_ct` the ML-KEM ciphertext (1 088 bytes from the clients); `aead_ct` the
//! XChaCha20-Poly1305 ciphertext and tag of the signed inner extrinsic. Parsing checks only
//! the framing: whether the parts decrypt is for the block author to find out, and the runtime
//! never can (it holds no decapsulation key).

use alloc::vec::Vec;

/// Bytes of an ML-KEM-768 encapsulation (public) key.
pub const MLKEM768_ENC_KEY_LEN: usize = 1184;
/// Bytes of an ML-KEM-768 encapsulation ciphertext.
pub const MLKEM768_CIPHERTEXT_LEN: usize = 1088;
/// Bytes of an XChaCha20-Poly1305 nonce.
pub const NONCE_LEN: usize = 24;
/// Bytes of the key hash that addresses a payload to one key.
pub const KEY_HASH_LEN: usize = 16;

/// A parsed shielded payload (upstream's `ShieldedTransaction`, fields in its order).
#[derive(Clone, PartialEq, Eq, Debug, codec::Encode, codec::Decode, scale_info::TypeInfo)]
pub struct ShieldedTransaction {
    pub key_hash: [u8; KEY_HASH_LEN],
    pub kem_ct: Vec<u8>,
    pub aead_ct: Vec<u8>,
    pub nonce: [u8; NONCE_LEN],
}

impl ShieldedTransaction {
    /// Splits a ciphertext into its parts; `None` when any part is cut short.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let (key_hash, rest) = split_array::<KEY_HASH_LEN>(bytes)?;
        let (kem_len, rest) = split_array::<2>(rest)?;
        let kem_len = usize::from(u16::from_le_bytes(kem_len));
        let kem_ct = rest.get(..kem_len)?;
        let rest = rest.get(kem_len..)?;
        let (nonce, aead_ct) = split_array::<NONCE_LEN>(rest)?;
        Some(Self { key_hash, kem_ct: kem_ct.to_vec(), aead_ct: aead_ct.to_vec(), nonce })
    }
}

/// The hash a payload must carry to be decryptable with `enc_key`'s decapsulation key.
pub fn key_hash(enc_key: &[u8]) -> [u8; KEY_HASH_LEN] {
    sp_io::hashing::twox_128(enc_key)
}

fn split_array<const N: usize>(bytes: &[u8]) -> Option<([u8; N], &[u8])> {
    let head = bytes.get(..N)?;
    let tail = bytes.get(N..)?;
    let head: [u8; N] = head.try_into().ok()?;
    Some((head, tail))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]
    use super::*;

    fn framed(kem_len: u16, kem: usize, nonce: usize, aead: usize) -> Vec<u8> {
        let mut v = vec![0x11; KEY_HASH_LEN];
        v.extend_from_slice(&kem_len.to_le_bytes());
        v.extend(core::iter::repeat_n(0xAA, kem));
        v.extend(core::iter::repeat_n(0xBB, nonce));
        v.extend(core::iter::repeat_n(0xDD, aead));
        v
    }

    // Upstream's parse vectors (`pallets-2.md` §1.7).
    #[test]
    fn short_inputs_do_not_parse() {
        assert_eq!(ShieldedTransaction::parse(&[]), None);
        assert_eq!(ShieldedTransaction::parse(&[0; 15]), None);
        assert_eq!(ShieldedTransaction::parse(&[0; 17]), None);
        assert_eq!(ShieldedTransaction::parse(&framed(1088, 10, 0, 0)), None);
        assert_eq!(ShieldedTransaction::parse(&framed(4, 4, 20, 0)), None);
        assert_eq!(ShieldedTransaction::parse(&[0; 5]), None);
    }

    #[test]
    fn framed_inputs_parse() {
        let tx = ShieldedTransaction::parse(&framed(4, 4, 24, 16)).unwrap();
        assert_eq!(tx.key_hash, [0x11; 16]);
        assert_eq!(tx.kem_ct, vec![0xAA; 4]);
        assert_eq!(tx.nonce, [0xBB; 24]);
        assert_eq!(tx.aead_ct, vec![0xDD; 16]);
        assert!(ShieldedTransaction::parse(&framed(4, 4, 24, 0)).unwrap().aead_ct.is_empty());
        assert!(ShieldedTransaction::parse(&framed(0, 0, 24, 3)).unwrap().kem_ct.is_empty());
        let client = ShieldedTransaction::parse(&framed(1088, 1088, 24, 21)).unwrap();
        assert_eq!((client.kem_ct.len(), client.aead_ct.len()), (1088, 21));
    }

    #[test]
    fn key_hash_is_twox128() {
        // `pallets-2.md` §1.5: K1 = 1 184 bytes of 0x01.
        assert_eq!(
            key_hash(&[1u8; MLKEM768_ENC_KEY_LEN]),
            [
                0x62, 0xd5, 0xf8, 0x96, 0x08, 0x93, 0x59, 0xee, 0x90, 0x76, 0xb8, 0xb2, 0xa7, 0x0f, 0xb0, 0x1a
            ]
        );
    }
}
