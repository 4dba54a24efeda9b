//! The stored shapes. Their byte layouts are read by clients without the pallet's help
//! (`pallets-2.md` §3.1, §6 pitfall 4), so every field order and tag below is a contract.

use alloc::vec;
use codec::{Decode, DecodeWithMemTracking, Encode, EncodeLike, Error, Input, MaxEncodedLen, Output};
use frame_support::{
    traits::{ConstU32, Get},
    BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::{
    build::{Fields, Variants},
    Path, Type, TypeInfo,
};

/// The longest `Raw` payload: tags 1..=129 carry 0..=128 bytes.
pub const MAX_RAW_LEN: u32 = 128;
/// The longest timelock ciphertext a field may carry.
pub const MAX_TIMELOCK_LEN: u32 = 1024;
/// The longest `BigRaw` payload.
pub const MAX_BIG_RAW_LEN: u32 = 512;

const TAG_NONE: u8 = 0;
/// `Raw` tags start here: tag = 1 + length.
const TAG_RAW_FIRST: u8 = 1;
const TAG_RAW_LAST: u8 = 129;
const TAG_BLAKE_TWO_256: u8 = 130;
const TAG_SHA_256: u8 = 131;
const TAG_KECCAK_256: u8 = 132;
const TAG_SHA_THREE_256: u8 = 133;
const TAG_TIMELOCK_ENCRYPTED: u8 = 134;
const TAG_RESET_BONDS_FLAG: u8 = 135;
const TAG_BIG_RAW: u8 = 136;

/// One committed field.
///
/// The codec is written by hand because `Raw` stores its length in the tag byte rather than in
/// a compact prefix (the identity-pallet layout that clients hard-code); no derive produces
/// that. For the same reason the metadata is written by hand: it declares one variant per
/// `Raw` length so that a metadata-driven client encoding `{"Raw5": "0x68656c6c6f"}` emits
/// exactly `06 68656c6c6f`, the bytes this codec reads.
#[derive(Clone, PartialEq, Eq, Default, Debug)]
pub enum Data {
    #[default]
    None,
    /// Up to 128 bytes, length in the tag.
    Raw(BoundedVec<u8, ConstU32<MAX_RAW_LEN>>),
    BlakeTwo256([u8; 32]),
    Sha256([u8; 32]),
    Keccak256([u8; 32]),
    ShaThree256([u8; 32]),
    /// A drand timelock ciphertext (`pallets-2.md` §2.9), revealed by `on_initialize` once the
    /// pulse of `reveal_round` is on chain.
    TimelockEncrypted {
        encrypted: BoundedVec<u8, ConstU32<MAX_TIMELOCK_LEN>>,
        reveal_round: u64,
    },
    /// Asks SubtensorModule to reset this hotkey's bonds on the subnet.
    ResetBondsFlag,
    /// Longer plain data than `Raw` allows, with an ordinary compact length.
    BigRaw(BoundedVec<u8, ConstU32<MAX_BIG_RAW_LEN>>),
}

impl Data {
    /// The bytes this field counts against the per-epoch space budget: its payload, so that
    /// the fixed-size tags and prefixes do not make small fields look expensive.
    pub fn len_for_rate_limit(&self) -> u64 {
        let len = match self {
            Data::None | Data::ResetBondsFlag => 0,
            Data::Raw(bytes) => bytes.len(),
            Data::BlakeTwo256(_) | Data::Sha256(_) | Data::Keccak256(_) | Data::ShaThree256(_) => 32,
            Data::TimelockEncrypted { encrypted, .. } => encrypted.len(),
            Data::BigRaw(bytes) => bytes.len(),
        };
        u64::try_from(len).unwrap_or(u64::MAX)
    }

    pub fn is_timelocked(&self) -> bool {
        matches!(self, Data::TimelockEncrypted { .. })
    }

    /// The round whose pulse unlocks this field, if it is timelocked.
    pub fn reveal_round(&self) -> Option<u64> {
        match self {
            Data::TimelockEncrypted { reveal_round, .. } => Some(*reveal_round),
            _ => None,
        }
    }
}

impl Encode for Data {
    fn size_hint(&self) -> usize {
        let payload = match self {
            Data::None | Data::ResetBondsFlag => 0,
            Data::Raw(bytes) => bytes.len(),
            Data::BlakeTwo256(_) | Data::Sha256(_) | Data::Keccak256(_) | Data::ShaThree256(_) => 32,
            Data::TimelockEncrypted { encrypted, reveal_round } => {
                encrypted.size_hint().saturating_add(reveal_round.size_hint())
            },
            Data::BigRaw(bytes) => bytes.size_hint(),
        };
        payload.saturating_add(1)
    }

    fn encode_to<O: Output + ?Sized>(&self, dest: &mut O) {
        match self {
            Data::None => dest.push_byte(TAG_NONE),
            Data::Raw(bytes) => {
                // The bound keeps the length ≤ 128, so the tag stays within 1..=129.
                let len = u8::try_from(bytes.len()).unwrap_or(u8::MAX);
                dest.push_byte(TAG_RAW_FIRST.saturating_add(len).min(TAG_RAW_LAST));
                dest.write(bytes);
            },
            Data::BlakeTwo256(h) => {
                dest.push_byte(TAG_BLAKE_TWO_256);
                dest.write(h);
            },
            Data::Sha256(h) => {
                dest.push_byte(TAG_SHA_256);
                dest.write(h);
            },
            Data::Keccak256(h) => {
                dest.push_byte(TAG_KECCAK_256);
                dest.write(h);
            },
            Data::ShaThree256(h) => {
                dest.push_byte(TAG_SHA_THREE_256);
                dest.write(h);
            },
            Data::TimelockEncrypted { encrypted, reveal_round } => {
                dest.push_byte(TAG_TIMELOCK_ENCRYPTED);
                encrypted.encode_to(dest);
                reveal_round.encode_to(dest);
            },
            Data::ResetBondsFlag => dest.push_byte(TAG_RESET_BONDS_FLAG),
            Data::BigRaw(bytes) => {
                dest.push_byte(TAG_BIG_RAW);
                bytes.encode_to(dest);
            },
        }
    }
}

impl EncodeLike for Data {}

impl Decode for Data {
    fn decode<I: Input>(input: &mut I) -> Result<Self, Error> {
        let tag = input.read_byte()?;
        Ok(match tag {
            TAG_NONE => Data::None,
            TAG_RAW_FIRST..=TAG_RAW_LAST => {
                let len = usize::from(tag.saturating_sub(TAG_RAW_FIRST));
                input.on_before_alloc_mem(len)?;
                let mut bytes = vec![0u8; len];
                input.read(&mut bytes)?;
                Data::Raw(BoundedVec::try_from(bytes).map_err(|_| Error::from("Raw data too long"))?)
            },
            TAG_BLAKE_TWO_256 => Data::BlakeTwo256(<[u8; 32]>::decode(input)?),
            TAG_SHA_256 => Data::Sha256(<[u8; 32]>::decode(input)?),
            TAG_KECCAK_256 => Data::Keccak256(<[u8; 32]>::decode(input)?),
            TAG_SHA_THREE_256 => Data::ShaThree256(<[u8; 32]>::decode(input)?),
            TAG_TIMELOCK_ENCRYPTED => {
                let encrypted = BoundedVec::decode(input)?;
                let reveal_round = u64::decode(input)?;
                Data::TimelockEncrypted { encrypted, reveal_round }
            },
            TAG_RESET_BONDS_FLAG => Data::ResetBondsFlag,
            TAG_BIG_RAW => Data::BigRaw(BoundedVec::decode(input)?),
            _ => return Err("invalid leading byte".into()),
        })
    }
}

// Every allocation above goes through `on_before_alloc_mem` (directly or via `BoundedVec`).
impl DecodeWithMemTracking for Data {}

impl MaxEncodedLen for Data {
    fn max_encoded_len() -> usize {
        let raw = usize::try_from(MAX_RAW_LEN).unwrap_or(usize::MAX);
        let timelock =
            BoundedVec::<u8, ConstU32<MAX_TIMELOCK_LEN>>::max_encoded_len().saturating_add(u64::max_encoded_len());
        let big_raw = BoundedVec::<u8, ConstU32<MAX_BIG_RAW_LEN>>::max_encoded_len();
        raw.max(32).max(timelock).max(big_raw).saturating_add(1)
    }
}

/// Adds `RawN` (index N + 1, one field `[u8; N]`) for every listed N.
macro_rules! raw_variants {
    ($variants:expr; $($n:literal)*) => {{
        let variants = $variants;
        $(
            let variants = variants.variant(concat!("Raw", stringify!($n)), |v| {
                v.index(TAG_RAW_FIRST.saturating_add($n))
                    .fields(Fields::unnamed().field(|f| f.ty::<[u8; $n]>().type_name(concat!("[u8; ", stringify!($n), "]"))))
            });
        )*
        variants
    }};
}

impl TypeInfo for Data {
    type Identity = Self;

    fn type_info() -> Type {
        let variants = Variants::new().variant("None", |v| v.index(TAG_NONE));
        let variants = raw_variants!(variants;
            0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
            32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60
            61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89
            90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113
            114 115 116 117 118 119 120 121 122 123 124 125 126 127 128
        );
        let hash = |name: &'static str, index: u8, variants: Variants<_>| {
            variants.variant(name, move |v| {
                v.index(index).fields(Fields::unnamed().field(|f| f.ty::<[u8; 32]>().type_name("[u8; 32]")))
            })
        };
        let variants = hash("BlakeTwo256", TAG_BLAKE_TWO_256, variants);
        let variants = hash("Sha256", TAG_SHA_256, variants);
        let variants = hash("Keccak256", TAG_KECCAK_256, variants);
        let variants = hash("ShaThree256", TAG_SHA_THREE_256, variants);
        let variants = variants
            .variant("TimelockEncrypted", |v| {
                v.index(TAG_TIMELOCK_ENCRYPTED).fields(
                    Fields::named()
                        .field(|f| {
                            f.ty::<BoundedVec<u8, ConstU32<MAX_TIMELOCK_LEN>>>()
                                .name("encrypted")
                                .type_name("BoundedVec<u8, ConstU32<1024>>")
                        })
                        .field(|f| f.ty::<u64>().name("reveal_round").type_name("u64")),
                )
            })
            .variant("ResetBondsFlag", |v| v.index(TAG_RESET_BONDS_FLAG))
            .variant("BigRaw", |v| {
                v.index(TAG_BIG_RAW).fields(Fields::unnamed().field(|f| {
                    f.ty::<BoundedVec<u8, ConstU32<MAX_BIG_RAW_LEN>>>().type_name("BoundedVec<u8, ConstU32<512>>")
                }))
            });
        Type::builder().path(Path::new("Data", module_path!())).variant(variants)
    }
}

/// A hotkey's commitment on one subnet. `fields` stays a `BoundedVec` in the metadata because
/// clients build the argument as the `BoundedVec` composite around the list (`[[...]]`).
#[derive(
    CloneNoBound,
    DefaultNoBound,
    PartialEqNoBound,
    EqNoBound,
    DebugNoBound,
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(FieldLimit))]
pub struct CommitmentInfo<FieldLimit: Get<u32>> {
    pub fields: BoundedVec<Data, FieldLimit>,
}

/// What `CommitmentOf` stores. `deposit` is a u64 and `block` a u32 because clients skip a
/// fixed 14-byte header (8 + 4 + field count + tag) to reach the text of a `Raw` field.
#[derive(CloneNoBound, DefaultNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, MaxEncodedLen, TypeInfo)]
#[codec(mel_bound())]
#[scale_info(skip_type_params(MaxFields))]
pub struct Registration<MaxFields: Get<u32>> {
    pub deposit: u64,
    pub block: u32,
    pub info: CommitmentInfo<MaxFields>,
}

/// Lenient: a value cut short (an older, shorter layout) decodes with zeros in place of the
/// missing bytes instead of making the entry unreadable.
impl<MaxFields: Get<u32>> Decode for Registration<MaxFields> {
    fn decode<I: Input>(input: &mut I) -> Result<Self, Error> {
        let mut input = ZeroPadded(input);
        let deposit = u64::decode(&mut input)?;
        let block = u32::decode(&mut input)?;
        let info = CommitmentInfo::<MaxFields>::decode(&mut input)?;
        Ok(Self { deposit, block, info })
    }
}

impl<MaxFields: Get<u32>> DecodeWithMemTracking for Registration<MaxFields> {}

/// An input that reads as zeros past the end of the inner one.
///
/// It reports no remaining length, so decoders cap their preallocations; every length it can
/// produce is checked by a `BoundedVec` before anything is allocated.
struct ZeroPadded<'a, I: Input>(&'a mut I);

impl<I: Input> Input for ZeroPadded<'_, I> {
    fn remaining_len(&mut self) -> Result<Option<usize>, Error> {
        Ok(None)
    }

    fn read(&mut self, into: &mut [u8]) -> Result<(), Error> {
        match self.0.remaining_len()? {
            Some(left) => {
                let available = left.min(into.len());
                if let Some((head, tail)) = into.split_at_mut_checked(available) {
                    self.0.read(head)?;
                    tail.fill(0);
                }
            },
            None => {
                for byte in into.iter_mut() {
                    *byte = self.0.read_byte().unwrap_or(0);
                }
            },
        }
        Ok(())
    }

    fn descend_ref(&mut self) -> Result<(), Error> {
        self.0.descend_ref()
    }

    fn ascend_ref(&mut self) {
        self.0.ascend_ref()
    }

    fn on_before_alloc_mem(&mut self, size: usize) -> Result<(), Error> {
        self.0.on_before_alloc_mem(size)
    }
}

/// A hotkey's space budget on a subnet: bytes committed during epoch `last_epoch`.
#[derive(
    Clone, Copy, PartialEq, Eq, Default, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct UsageTracker {
    pub last_epoch: u64,
    pub used_space: u64,
}
