//! The recorded quicknet pulses and the TLE vectors of `pallets-2.md` §2.11.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::*;
use alloc::vec::Vec;

fn unhex(s: &str) -> Vec<u8> {
    let s: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    s.chunks(2).map(|pair| u8::from_str_radix(core::str::from_utf8(pair).unwrap(), 16).unwrap()).collect()
}

const SIG_1000: &str = "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39";
const SIG_2000: &str = "b6cb8f482a0b15d45936a4c4ea08e98a087e71787caee3f4d07a8a9843b1bc5423c6b3c22f446488b3137eaca799c77e";
const RANDOMNESS_1000: &str = "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd";
const RANDOMNESS_2000: &str = "e966293dee0664555add6ae4beacf630b65c61eba85af2b63021ab8da20975a9";
/// Not a valid compressed G1 point (used by upstream's tests as a "bad" round-1000 pulse).
const BAD_SIG: &str = "b0a8b04e009cf72534321aca0f50048da596a3feec1172a0244d9a4a623a3123d0402da79854d4c705e94bc73224c341";

/// SCALE("tensorchain") encrypted to round 1000.
const TLE_1000: &str = "a884b63ff719dd5d7abbe4e1d2e8629091ea1807981f0fbeff10ad90dfa2d49dccd28960775853a6617372143c2eab10109de205ba82df698476810449c1a6cd34f103e9dfe91ff38ae964acea9ca249279f3554fb94019e487c0f5cbfbbf49320000000000000000091635367fee791c3674397a11b01a2d109d6a65af430be5a802e8dd81af9e420000000000000004fff71fa33f284c5bda3cda7d48d95ad64a94da1c973ea0def03f25c4a7442c638000000000000001c00000000000000322792e4c2fe0f8218f04a3669634ef7e33c7a7cf3641e6bfa2adcc40c0000000000000029df76deeb67dc19575aa6f608000000000000004145535f47434d5f";
const PLAIN_1000: &str = "2c74656e736f72636861696e";

/// A `WeightsTlockPayload` for //Alice encrypted to round 2000.
const TLE_2000: &str = "ac4623e08cf868f5b3f71816762480d9ded85f4dc58825f1664849aecbf8021bb848af47259193be111efe1867e9b4cf07d972f564e716b5c702a163ec1ac7144414540d5d80f09525abf68d00a61602c9e4b362edd5ea520ff6ead43ecb53222000000000000000e395b4e8ac855a86d6df26735b5e8797681e38a0fef331ac57fe8740b49b72a9200000000000000089270dc2beb74bd8fa6f75a701ec4410e7fddaa54bde2b7f2cd822b39e00cc0e5f000000000000004300000000000000d3e69ba452ee1785feea9b8f819c56529d043884311cda6619cfae24105ec6ca06aab3117d7bb90992c4171cd8b79b5860d926a99ea6fa0cfdfdec2e2844d23613464d0c00000000000000b59e324f72d3ecc8f931016808000000000000004145535f47434d5f";
const PLAIN_2000: &str = "80d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d0800000100080000ffff0000000000000000";

/// The empty plaintext encrypted to round 2000 with bittensor-drand (`encrypt_at_round`).
const TLE_2000_EMPTY: &str = "b6369cfd148a57c5ccbe69524113e8dff383a95d4af205b957d881283b6207e6f6b0bb81bcc081f6f27ec9c8fd2c3de3170a1162e12d43c6063a0e3cdf9a53c58fbe96dd3f001a217dac7efc8c0be2f7b013fba09b05dfd07923b20872128a30200000000000000003856323eb8e213b23389d86ef2b8b858c7e9b05628c454c478533acecdaefdb2000000000000000591f305f9dd42297eba91ba7a0f25654e872d32af8656af7b1f3588bef5ef6842c0000000000000010000000000000008c1377b387550a1406e6a018a7153f7f0c000000000000003b93404566060d356d5f6cfe08000000000000004145535f47434d5f";

#[test]
fn constants_match_the_spec() {
    assert_eq!(QUICKNET_CHAIN_HASH.to_vec(), unhex(QUICKNET_CHAIN_HASH_HEX));
    assert_eq!(
        QUICKNET_PUBLIC_KEY.to_vec(),
        unhex("83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a")
    );
    assert_eq!(QUICKNET_GROUP_HASH.to_vec(), unhex("f477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e"));
    assert_eq!(QUICKNET_SCHEME_ID.len(), 24);
    assert_eq!(QUICKNET_DST, b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_");
}

#[test]
fn round_message_is_sha256_of_the_big_endian_round() {
    assert_eq!(
        round_message(1000).to_vec(),
        unhex("f652498d092acd949bad74e40683bf3824fb817980504a0c7e6722cfc5a9c0a3")
    );
}

#[test]
fn randomness_is_sha256_of_the_signature() {
    use sha2::{Digest, Sha256};
    assert_eq!(Sha256::digest(unhex(SIG_1000)).to_vec(), unhex(RANDOMNESS_1000));
    assert_eq!(Sha256::digest(unhex(SIG_2000)).to_vec(), unhex(RANDOMNESS_2000));
}

#[test]
fn recorded_pulses_verify() {
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &unhex(SIG_1000)), Ok(true));
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 2000, &unhex(SIG_2000)), Ok(true));
}

#[test]
fn swapped_rounds_are_false_not_errors() {
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 2000, &unhex(SIG_1000)), Ok(false));
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &unhex(SIG_2000)), Ok(false));
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1001, &unhex(SIG_1000)), Ok(false));
}

#[test]
fn bad_signature_does_not_decode() {
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &unhex(BAD_SIG)), Err(VerifyError::InvalidSignature));
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &[]), Err(VerifyError::InvalidSignature));
    assert_eq!(
        verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &unhex(SIG_1000)[..47]),
        Err(VerifyError::InvalidSignature)
    );
    // The key as a G1 signature and the signature as a G2 key: wrong groups.
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY, 1000, &QUICKNET_PUBLIC_KEY), Err(VerifyError::InvalidSignature));
    assert_eq!(verify_pulse(&unhex(SIG_1000), 1000, &unhex(SIG_1000)), Err(VerifyError::InvalidPublicKey));
    assert_eq!(verify_pulse(&QUICKNET_PUBLIC_KEY[..95], 1000, &unhex(SIG_1000)), Err(VerifyError::InvalidPublicKey));
}

#[test]
fn another_key_is_false() {
    // The G2 generator is a valid key, but not quicknet's.
    use ark_ec::AffineRepr;
    use ark_serialize::CanonicalSerialize;
    let mut generator = Vec::new();
    ark_bls12_381::G2Affine::generator().serialize_compressed(&mut generator).unwrap();
    assert_eq!(verify_pulse(&generator, 1000, &unhex(SIG_1000)), Ok(false));
}

#[test]
fn tle_vectors_decrypt() {
    let tle = unhex(TLE_1000);
    assert_eq!(tle.len(), 256);
    assert_eq!(tle_decrypt(&tle, &unhex(SIG_1000)), Ok(unhex(PLAIN_1000)));

    let tle = unhex(TLE_2000);
    assert_eq!(tle.len(), 295);
    assert_eq!(tle_decrypt(&tle, &unhex(SIG_2000)), Ok(unhex(PLAIN_2000)));

    let tle = unhex(TLE_2000_EMPTY);
    assert_eq!(tle.len(), 244);
    assert_eq!(tle_decrypt(&tle, &unhex(SIG_2000)), Ok(Vec::new()));
}

#[test]
fn a_0x_prefix_on_the_signature_is_stripped() {
    let mut signature = b"0x".to_vec();
    signature.extend(unhex(SIG_1000));
    assert_eq!(tle_decrypt(&unhex(TLE_1000), &signature), Ok(unhex(PLAIN_1000)));
}

#[test]
fn the_other_rounds_signature_fails() {
    assert_eq!(tle_decrypt(&unhex(TLE_1000), &unhex(SIG_2000)), Err(DecryptError::WrongKey));
    assert_eq!(tle_decrypt(&unhex(TLE_2000), &unhex(SIG_1000)), Err(DecryptError::WrongKey));
    assert_eq!(tle_decrypt(&unhex(TLE_1000), &unhex(BAD_SIG)), Err(DecryptError::InvalidSignature));
    assert_eq!(tle_decrypt(&unhex(TLE_1000), &[]), Err(DecryptError::InvalidSignature));
}

#[test]
fn truncated_ciphertexts_fail() {
    let tle = unhex(TLE_2000);
    let signature = unhex(SIG_2000);
    for len in 0..tle.len() {
        assert!(tle_decrypt(&tle[..len], &signature).is_err(), "prefix of {len} bytes decrypted");
    }
    // Trailing bytes are ignored, as arkworks' reader does.
    let mut longer = tle.clone();
    longer.extend_from_slice(&[0u8; 5]);
    assert_eq!(tle_decrypt(&longer, &signature), Ok(unhex(PLAIN_2000)));
}

#[test]
fn corrupted_ciphertexts_fail() {
    let tle = unhex(TLE_1000);
    let signature = unhex(SIG_1000);
    // Any flipped bit before the cipher suite breaks the point, a length, the r check or the
    // AES-GCM tag. The suite itself (the last 16 bytes) is not checked.
    let checked = tle.len() - 16;
    for i in 0..checked {
        for bit in [0x01u8, 0x80] {
            let mut bad = tle.clone();
            bad[i] ^= bit;
            assert!(tle_decrypt(&bad, &signature).is_err(), "byte {i} bit {bit:#x} flipped still decrypts");
        }
    }
    let mut suite = tle.clone();
    suite[checked + 8] ^= 1;
    assert_eq!(tle_decrypt(&suite, &signature), Ok(unhex(PLAIN_1000)));
    // A nonce of the wrong length.
    let mut nonce = tle.clone();
    let nonce_len_at = checked - 12 - 8;
    assert_eq!(nonce[nonce_len_at], 12);
    nonce[nonce_len_at] = 11;
    assert!(tle_decrypt(&nonce, &signature).is_err());
    // Huge lengths must not allocate or panic.
    let mut huge = tle;
    huge[96..104].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(tle_decrypt(&huge, &signature), Err(DecryptError::MalformedCiphertext));
}

#[test]
fn encrypt_round_trips_with_the_recorded_pulses() {
    for (round, signature) in [(1000, SIG_1000), (2000, SIG_2000)] {
        let plaintext: Vec<u8> = (0..700u32).map(|i| i as u8).collect();
        let tle = tle_encrypt(&QUICKNET_PUBLIC_KEY, round, &plaintext, [7; 32], [9; 32], [3; 12]).unwrap();
        assert_eq!(tle.len(), 244 + plaintext.len());
        assert_eq!(tle_decrypt(&tle, &unhex(signature)), Ok(plaintext));
        let other = if round == 1000 { SIG_2000 } else { SIG_1000 };
        assert_eq!(tle_decrypt(&tle, &unhex(other)), Err(DecryptError::WrongKey));
    }
    assert_eq!(tle_encrypt(&[0; 96], 1, b"", [0; 32], [0; 32], [0; 12]), Err(EncryptError::InvalidPublicKey));
}
