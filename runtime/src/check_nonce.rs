//! `CheckNonce` as the Bittensor clients expect it: the standard nonce check, except that a
//! free call (`Pays::No`: serving an axon, setting weights) may come from an account that
//! holds nothing. Hotkeys sign those calls and are usually unfunded; the stock extension
//! refuses any account without a provider (`InvalidTransaction::Payment`).
//!
//! Free calls are rate limited by their pallets, and the accounts able to make them must
//! have paid to register, so letting them keep a nonce is not a spam vector. Identifier and
//! encoding (`Compact<u32>`) are the stock ones, so clients see no difference.

use crate::{Nonce, Runtime, RuntimeCall, RuntimeOrigin};
use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
    dispatch::{DispatchInfo, Pays},
    pallet_prelude::TransactionSource,
};
use scale_info::TypeInfo;
use sp_runtime::{
    traits::{AsSystemOriginSigner, DispatchInfoOf, PostDispatchInfoOf, TransactionExtension, ValidateResult},
    transaction_validity::{InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction},
    DispatchResult, Weight,
};

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Debug)]
pub struct CheckNonce(#[codec(compact)] pub Nonce);

/// What `validate` hands to `prepare`.
pub enum Val {
    /// A signed transaction from this account.
    Signed(crate::AccountId),
    /// Not signed: nothing to check, refund the extension's weight.
    Refund(Weight),
}

/// What `prepare` hands to `post_dispatch_details`.
pub enum Pre {
    Checked,
    Refund(Weight),
}

/// The benchmarked weight less its one read and write of the sender's `System::Account`:
/// `ChargeTransactionPayment`, in the same extension tuple of every signed transaction,
/// already pays for reading and writing that very item, and one extrinsic writes a key to
/// the database once.
fn check_weight() -> Weight {
    let benchmarked =
        <<Runtime as frame_system::Config>::ExtensionsWeightInfo as frame_system::ExtensionsWeightInfo>::check_nonce();
    let account = <Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1);
    benchmarked.saturating_sub(account)
}

impl CheckNonce {
    /// Validity tags for `who` sending `nonce`; `Payment` for an account without providers
    /// unless the call is free.
    pub fn validate_for(
        who: &crate::AccountId,
        nonce: Nonce,
        free: bool,
    ) -> Result<(Vec<Vec<u8>>, Vec<Vec<u8>>), TransactionValidityError> {
        let account = frame_system::Account::<Runtime>::get(who);
        if account.providers == 0 && account.sufficients == 0 && !free {
            return Err(InvalidTransaction::Payment.into());
        }
        if nonce < account.nonce {
            return Err(InvalidTransaction::Stale.into());
        }
        let provides = vec![Encode::encode(&(who.clone(), nonce))];
        let requires = if account.nonce < nonce {
            vec![Encode::encode(&(who.clone(), nonce.saturating_sub(1)))]
        } else {
            vec![]
        };
        Ok((provides, requires))
    }
}

impl TransactionExtension<RuntimeCall> for CheckNonce {
    const IDENTIFIER: &'static str = "CheckNonce";
    type Implicit = ();
    type Val = Val;
    type Pre = Pre;

    fn weight(&self, _: &RuntimeCall) -> Weight {
        check_weight()
    }

    fn validate(
        &self,
        origin: RuntimeOrigin,
        _call: &RuntimeCall,
        info: &DispatchInfoOf<RuntimeCall>,
        _len: usize,
        _self_implicit: Self::Implicit,
        _inherited_implication: &impl Encode,
        _source: TransactionSource,
    ) -> ValidateResult<Self::Val, RuntimeCall> {
        let Some(who) = origin.as_system_origin_signer() else {
            return Ok((Default::default(), Val::Refund(check_weight()), origin));
        };
        let free = info.pays_fee == Pays::No;
        let (provides, requires) = Self::validate_for(who, self.0, free)?;
        let validity = ValidTransaction {
            priority: 0,
            requires,
            provides,
            longevity: TransactionLongevity::MAX,
            propagate: true,
        };
        let who = who.clone();
        Ok((validity, Val::Signed(who), origin))
    }

    fn prepare(
        self,
        val: Self::Val,
        _origin: &RuntimeOrigin,
        _call: &RuntimeCall,
        _info: &DispatchInfoOf<RuntimeCall>,
        _len: usize,
    ) -> Result<Self::Pre, TransactionValidityError> {
        let who = match val {
            Val::Signed(who) => who,
            Val::Refund(weight) => return Ok(Pre::Refund(weight)),
        };
        let account = frame_system::Account::<Runtime>::get(&who);
        if self.0 > account.nonce {
            return Err(InvalidTransaction::Future.into());
        }
        if self.0 < account.nonce {
            return Err(InvalidTransaction::Stale.into());
        }
        frame_system::Account::<Runtime>::mutate(&who, |a| a.nonce = self.0.wrapping_add(1));
        Ok(Pre::Checked)
    }

    fn post_dispatch_details(
        pre: Self::Pre,
        _info: &DispatchInfo,
        _post_info: &PostDispatchInfoOf<RuntimeCall>,
        _len: usize,
        _result: &DispatchResult,
    ) -> Result<Weight, TransactionValidityError> {
        match pre {
            Pre::Checked => Ok(Weight::zero()),
            Pre::Refund(weight) => Ok(weight),
        }
    }
}
