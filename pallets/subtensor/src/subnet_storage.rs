//! Which storage keys belong to a subnet, derived from the storage declarations themselves,
//! so that dissolving a subnet removes all of it and an item added later cannot be forgotten.
//!
//! The rule, over a pallet's storage metadata: in a map's key, the first component of type
//! `u16` is a netuid or a mechanism storage index (`mecid × 4096 + netuid`); every key whose
//! such component `k` has `k % 4096 == netuid` belongs to that subnet. Every map of this
//! pallet, AdminUtils and Swap follows the convention (a `u16` that is not a netuid, such as
//! a uid, always comes after the netuid). Values that merely contain netuids (for example
//! `RootClaimable`'s per-subnet map) are handled by the dissolve code itself.

use crate::{set_weights::MECHANISM_STRIDE, NetUid};
use alloc::vec::Vec;
use frame_support::__private::metadata_ir::{PalletStorageMetadataIR, StorageEntryTypeIR, StorageHasherIR};
use scale_info::{form::MetaForm, MetaType, Type, TypeDef, TypeDefPrimitive};
use sp_io::hashing::twox_128;

/// Where a subnet's netuid sits in one storage item's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetuidKeyedItem {
    pub name: &'static str,
    /// `twox128(pallet) ++ twox128(item)`.
    pub prefix: Vec<u8>,
    /// Bytes from the end of `prefix` to the netuid's two bytes.
    pub offset: usize,
}

/// The SCALE length of a fixed-size key type, `None` if it has no fixed length.
fn fixed_len(ty: &Type<MetaForm>, depth: u8) -> Option<usize> {
    let depth = depth.checked_add(1).filter(|d| *d < 16)?;
    match &ty.type_def {
        TypeDef::Primitive(p) => match p {
            TypeDefPrimitive::Bool | TypeDefPrimitive::U8 | TypeDefPrimitive::I8 => Some(1),
            TypeDefPrimitive::U16 | TypeDefPrimitive::I16 => Some(2),
            TypeDefPrimitive::U32 | TypeDefPrimitive::I32 | TypeDefPrimitive::Char => Some(4),
            TypeDefPrimitive::U64 | TypeDefPrimitive::I64 => Some(8),
            TypeDefPrimitive::U128 | TypeDefPrimitive::I128 => Some(16),
            TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => Some(32),
            TypeDefPrimitive::Str => None,
        },
        TypeDef::Array(a) => {
            let elem = fixed_len(&a.type_param.type_info(), depth)?;
            elem.checked_mul(usize::try_from(a.len).ok()?)
        },
        TypeDef::Composite(c) => c
            .fields
            .iter()
            .try_fold(0usize, |acc, f| acc.checked_add(fixed_len(&f.ty.type_info(), depth)?)),
        TypeDef::Tuple(t) => {
            t.fields.iter().try_fold(0usize, |acc, f| acc.checked_add(fixed_len(&f.type_info(), depth)?))
        },
        _ => None,
    }
}

/// Where the first `u16` sits inside an encoded value of `ty`: `Ok(offset)` if it has one
/// at a fixed offset, `Err(Some(len))` if it has none and a fixed length, `Err(None)` if it
/// cannot be read past.
fn first_u16(ty: &Type<MetaForm>, depth: u8) -> Result<usize, Option<usize>> {
    let depth = depth.checked_add(1).filter(|d| *d < 16).ok_or(None)?;
    let fields: Vec<MetaType> = match &ty.type_def {
        TypeDef::Primitive(TypeDefPrimitive::U16) => return Ok(0),
        TypeDef::Tuple(t) => t.fields.clone(),
        TypeDef::Composite(c) => c.fields.iter().map(|f| f.ty).collect(),
        _ => return Err(fixed_len(ty, depth)),
    };
    let mut offset = 0usize;
    for field in fields {
        match first_u16(&field.type_info(), depth) {
            Ok(at) => return offset.checked_add(at).ok_or(None),
            Err(Some(len)) => offset = offset.checked_add(len).ok_or(None)?,
            Err(None) => return Err(None),
        }
    }
    Err(Some(offset))
}

/// Bytes a hasher puts before the key it hashes; `None` for hashers that hide the key.
fn hasher_prefix_len(hasher: &StorageHasherIR) -> Option<usize> {
    match hasher {
        StorageHasherIR::Identity => Some(0),
        StorageHasherIR::Twox64Concat => Some(8),
        StorageHasherIR::Blake2_128Concat => Some(16),
        _ => None,
    }
}

/// The offset of the netuid in a map's keys, if one of its readable components is a `u16`.
fn netuid_offset(hashers: &[StorageHasherIR], key: &MetaType) -> Option<usize> {
    let key_ty = key.type_info();
    let components: Vec<MetaType> = if hashers.len() == 1 {
        alloc::vec![*key]
    } else {
        match &key_ty.type_def {
            TypeDef::Tuple(t) => t.fields.clone(),
            _ => return None,
        }
    };
    let mut offset = 0usize;
    for (hasher, component) in hashers.iter().zip(components.iter()) {
        offset = offset.checked_add(hasher_prefix_len(hasher)?)?;
        match first_u16(&component.type_info(), 0) {
            Ok(at) => return offset.checked_add(at),
            Err(Some(len)) => offset = offset.checked_add(len)?,
            Err(None) => return None,
        }
    }
    None
}

/// Every map of a pallet whose keys carry a netuid, and where.
pub fn netuid_keyed_items(metadata: &PalletStorageMetadataIR) -> Vec<NetuidKeyedItem> {
    let pallet = twox_128(metadata.prefix.as_bytes());
    metadata
        .entries
        .iter()
        .filter_map(|entry| match &entry.ty {
            StorageEntryTypeIR::Map { hashers, key, .. } => netuid_offset(hashers, key).map(|offset| {
                let mut prefix = pallet.to_vec();
                prefix.extend_from_slice(&twox_128(entry.name.as_bytes()));
                NetuidKeyedItem { name: entry.name, prefix, offset }
            }),
            StorageEntryTypeIR::Plain(_) => None,
        })
        .collect()
}

/// Whether a raw key of `item` belongs to `netuid` (any of its mechanisms).
pub fn key_is_of_subnet(item: &NetuidKeyedItem, key: &[u8], netuid: NetUid) -> bool {
    let at = item.prefix.len().saturating_add(item.offset);
    match key.get(at..at.saturating_add(2)) {
        Some([lo, hi]) => u16::from_le_bytes([*lo, *hi]).checked_rem(MECHANISM_STRIDE) == Some(netuid),
        _ => false,
    }
}

/// Raw keys under `prefix` (the prefix itself included: a map's whole key can be its
/// prefix), in order.
fn keys_under(prefix: &[u8]) -> Vec<Vec<u8>> {
    let mut keys = Vec::new();
    if sp_io::storage::exists(prefix) {
        keys.push(prefix.to_vec());
    }
    let mut cursor = prefix.to_vec();
    while let Some(next) = sp_io::storage::next_key(&cursor) {
        if !next.starts_with(prefix) {
            break;
        }
        keys.push(next.clone());
        cursor = next;
    }
    keys
}

/// Removes every key of every netuid-keyed map of a pallet that belongs to `netuid`;
/// returns how many keys went.
pub fn remove_subnet_keys(metadata: &PalletStorageMetadataIR, netuid: NetUid) -> u32 {
    let mut removed = 0u32;
    for item in netuid_keyed_items(metadata) {
        let doomed: Vec<Vec<u8>> = if item.offset == 0 {
            // The netuid leads the key: visit only its mechanisms' ranges.
            (0..crate::set_weights::MAX_MECHANISMS)
                .map(|m| crate::set_weights::storage_index(netuid, m))
                .flat_map(|idx| {
                    let mut p = item.prefix.clone();
                    p.extend_from_slice(&idx.to_le_bytes());
                    keys_under(&p)
                })
                .collect()
        } else {
            keys_under(&item.prefix).into_iter().filter(|k| key_is_of_subnet(&item, k, netuid)).collect()
        };
        for key in doomed {
            sp_io::storage::clear(&key);
            removed = removed.saturating_add(1);
        }
    }
    removed
}

/// Removes every key of every netuid-keyed map of a pallet whose leading `u16` is exactly
/// `idx`; returns how many keys went. For a mechanism index `idx ≥ 4096` (mechanism 1 and
/// up) only per-mechanism items match, since no netuid reaches 4096.
pub fn remove_index_keys(metadata: &PalletStorageMetadataIR, idx: u16) -> u32 {
    let mut removed = 0u32;
    for item in netuid_keyed_items(metadata) {
        let doomed: Vec<Vec<u8>> = if item.offset == 0 {
            let mut p = item.prefix.clone();
            p.extend_from_slice(&idx.to_le_bytes());
            keys_under(&p)
        } else {
            let at = item.prefix.len().saturating_add(item.offset);
            let wanted = idx.to_le_bytes();
            keys_under(&item.prefix)
                .into_iter()
                .filter(|k| k.get(at..at.saturating_add(2)) == Some(wanted.as_slice()))
                .collect()
        };
        for key in doomed {
            sp_io::storage::clear(&key);
            removed = removed.saturating_add(1);
        }
    }
    removed
}

/// Other pallets' per-subnet state, removed when a subnet is dissolved.
pub trait OnSubnetRemoved {
    fn on_subnet_removed(netuid: NetUid);
}

impl OnSubnetRemoved for () {
    fn on_subnet_removed(_netuid: NetUid) {}
}

impl<A: OnSubnetRemoved, B: OnSubnetRemoved> OnSubnetRemoved for (A, B) {
    fn on_subnet_removed(netuid: NetUid) {
        A::on_subnet_removed(netuid);
        B::on_subnet_removed(netuid);
    }
}
