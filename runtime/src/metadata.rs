//! The V15 metadata as the clients expect it: `AccountId32` at type id 0.
//!
//! Older Bittensor SDKs decode accounts as "scale_info::0", the id upstream's metadata gives
//! `sp_core::crypto::AccountId32`. This polkadot-sdk registers the extrinsic's types first
//! (so that the metadata hash is stable across versions), which puts `MultiAddress` at 0. The
//! served V15 metadata therefore swaps the two ids: the types are the same, every reference
//! to either id is rewritten, and the registry is re-sorted so that each type sits at its id.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_metadata::{
    v15::{RuntimeMetadataV15, StorageEntryType},
    RuntimeMetadata, RuntimeMetadataPrefixed,
};
use scale_info::{form::PortableForm, interner::UntrackedSymbol, TypeDef};

const ACCOUNT_ID_PATH: [&str; 3] = ["sp_core", "crypto", "AccountId32"];

/// Swaps type ids `a` and `b` wherever they are used.
struct Swap {
    a: u32,
    b: u32,
}

impl Swap {
    fn id(&self, id: u32) -> u32 {
        if id == self.a {
            self.b
        } else if id == self.b {
            self.a
        } else {
            id
        }
    }

    fn sym(&self, s: &mut UntrackedSymbol<core::any::TypeId>) {
        s.id = self.id(s.id);
    }

    fn fields(&self, fields: &mut [scale_info::Field<PortableForm>]) {
        for f in fields {
            self.sym(&mut f.ty);
        }
    }

    fn metadata(&self, m: &mut RuntimeMetadataV15) {
        for t in m.types.types.iter_mut() {
            t.id = self.id(t.id);
            for p in t.ty.type_params.iter_mut() {
                if let Some(ty) = p.ty.as_mut() {
                    self.sym(ty);
                }
            }
            match &mut t.ty.type_def {
                TypeDef::Composite(c) => self.fields(&mut c.fields),
                TypeDef::Variant(v) => {
                    for variant in v.variants.iter_mut() {
                        self.fields(&mut variant.fields);
                    }
                },
                TypeDef::Sequence(s) => self.sym(&mut s.type_param),
                TypeDef::Array(a) => self.sym(&mut a.type_param),
                TypeDef::Tuple(t) => t.fields.iter_mut().for_each(|f| self.sym(f)),
                TypeDef::Primitive(_) => {},
                TypeDef::Compact(c) => self.sym(&mut c.type_param),
                TypeDef::BitSequence(b) => {
                    self.sym(&mut b.bit_store_type);
                    self.sym(&mut b.bit_order_type);
                },
            }
        }
        m.types.types.sort_by_key(|t| t.id);
        for p in m.pallets.iter_mut() {
            if let Some(storage) = p.storage.as_mut() {
                for entry in storage.entries.iter_mut() {
                    match &mut entry.ty {
                        StorageEntryType::Plain(ty) => self.sym(ty),
                        StorageEntryType::Map { key, value, .. } => {
                            self.sym(key);
                            self.sym(value);
                        },
                    }
                }
            }
            if let Some(calls) = p.calls.as_mut() {
                self.sym(&mut calls.ty);
            }
            if let Some(event) = p.event.as_mut() {
                self.sym(&mut event.ty);
            }
            for c in p.constants.iter_mut() {
                self.sym(&mut c.ty);
            }
            if let Some(error) = p.error.as_mut() {
                self.sym(&mut error.ty);
            }
        }
        let x = &mut m.extrinsic;
        self.sym(&mut x.address_ty);
        self.sym(&mut x.call_ty);
        self.sym(&mut x.signature_ty);
        self.sym(&mut x.extra_ty);
        for e in x.signed_extensions.iter_mut() {
            self.sym(&mut e.ty);
            self.sym(&mut e.additional_signed);
        }
        self.sym(&mut m.ty);
        for api in m.apis.iter_mut() {
            for method in api.methods.iter_mut() {
                for input in method.inputs.iter_mut() {
                    self.sym(&mut input.ty);
                }
                self.sym(&mut method.output);
            }
        }
        self.sym(&mut m.outer_enums.call_enum_ty);
        self.sym(&mut m.outer_enums.event_enum_ty);
        self.sym(&mut m.outer_enums.error_enum_ty);
        for value in m.custom.map.values_mut() {
            self.sym(&mut value.ty);
        }
    }
}

/// The SCALE-encoded `RuntimeMetadataPrefixed` (V15) with `AccountId32` moved to id 0, or the
/// input unchanged if it is not V15 or has no `AccountId32`.
pub fn account_id_first(encoded: Vec<u8>) -> Vec<u8> {
    let Ok(RuntimeMetadataPrefixed(magic, RuntimeMetadata::V15(mut m))) =
        RuntimeMetadataPrefixed::decode(&mut &encoded[..])
    else {
        return encoded;
    };
    let Some(account) = m
        .types
        .types
        .iter()
        .find(|t| t.ty.path.segments.iter().map(|s| s.as_str()).eq(ACCOUNT_ID_PATH))
        .map(|t| t.id)
    else {
        return encoded;
    };
    if account != 0 {
        Swap { a: 0, b: account }.metadata(&mut m);
    }
    RuntimeMetadataPrefixed(magic, RuntimeMetadata::V15(m)).encode()
}
