//! `CheckShieldedTxValidity`: a signed `submit_encrypted` whose ciphertext does not parse
//! ([`crate::wire`]) never enters the pool, so a malformed payload costs nobody a block slot.
//! Zero-sized (clients send nothing for it), no priority, no tags.

use crate::{wire::ShieldedTransaction, Call, Config};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
    pallet_prelude::{TransactionSource, Weight},
    traits::{Get, IsSubType, OriginTrait},
    DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
    impl_tx_ext_default,
    traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
    transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// The pool error of an unparseable shielded payload (upstream's `FailedShieldedTxParsing`),
/// which both clients turn into "Failed to parse shielded transaction".
pub const FAILED_SHIELDED_TX_PARSING: u8 = 23;
/// Upstream's `InvalidShieldedTxPubKeyHash`: declared by the clients, never emitted (a payload
/// for another key stays in the pool until its era ends).
pub const INVALID_SHIELDED_TX_PUB_KEY_HASH: u8 = 24;

#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckShieldedTxValidity<T>(PhantomData<T>);

impl<T> CheckShieldedTxValidity<T> {
    pub fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T> core::fmt::Debug for CheckShieldedTxValidity<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        write!(f, "CheckShieldedTxValidity")
    }
}

/// The ciphertext of `call` if it is a `submit_encrypted`.
pub fn shielded_ciphertext<T: Config>(call: &<T as frame_system::Config>::RuntimeCall) -> Option<&[u8]>
where
    <T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
    match call.is_sub_type()? {
        Call::submit_encrypted { ciphertext } => Some(ciphertext.as_slice()),
        _ => None,
    }
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
    for CheckShieldedTxValidity<T>
where
    <T as frame_system::Config>::RuntimeCall: IsSubType<Call<T>>,
{
    const IDENTIFIER: &'static str = "CheckShieldedTxValidity";
    type Implicit = ();
    type Val = ();
    type Pre = ();

    fn weight(&self, _: &<T as frame_system::Config>::RuntimeCall) -> Weight {
        // Parsing a ≤ 8 KiB payload; the read stands for the pipeline lookup upstream charges.
        Weight::from_parts(1_000_000, 0).saturating_add(T::DbWeight::get().reads(1))
    }

    fn validate(
        &self,
        origin: <T as frame_system::Config>::RuntimeOrigin,
        call: &<T as frame_system::Config>::RuntimeCall,
        _info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
        _len: usize,
        _self_implicit: Self::Implicit,
        _inherited_implication: &impl Encode,
        _source: TransactionSource,
    ) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
        if origin.as_signer().is_some() {
            if let Some(ciphertext) = shielded_ciphertext::<T>(call) {
                if ShieldedTransaction::parse(ciphertext).is_none() {
                    return Err(InvalidTransaction::Custom(FAILED_SHIELDED_TX_PARSING).into());
                }
            }
        }
        Ok((ValidTransaction::default(), (), origin))
    }

    impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
