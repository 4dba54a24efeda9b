//! `CheckMortality`: the stock era check, plus the shield's rule that a `submit_encrypted`
//! must be mortal with a period of at most 8 blocks (`pallets-2.md` §1.8). A shielded payload
//! is addressed to one author's key; a short era makes an unmatched wrapper leave the pool
//! soon after that author's slot passes instead of lingering.
//!
//! Same identifier, data and metadata type as the stock extension, so clients see no change.

use crate::{Runtime, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::pallet_prelude::{TransactionSource, Weight};
use sp_runtime::{
    generic::Era,
    traits::{DispatchInfoOf, Dispatchable, PostDispatchInfoOf, TransactionExtension, ValidateResult},
    transaction_validity::{InvalidTransaction, TransactionValidityError},
    DispatchResult,
};

type Stock = frame_system::CheckMortality<Runtime>;

/// The longest era a shielded wrapper may carry.
pub const MAX_SHIELDED_ERA_PERIOD: u64 = 8;

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct CheckMortality(pub Stock);

impl CheckMortality {
    pub fn from(era: Era) -> Self {
        Self(Stock::from(era))
    }
}

impl core::fmt::Debug for CheckMortality {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

impl scale_info::TypeInfo for CheckMortality {
    type Identity = <Stock as scale_info::TypeInfo>::Identity;
    fn type_info() -> scale_info::Type {
        Stock::type_info()
    }
}

fn shielded_era_ok(era: &Era) -> bool {
    match era {
        Era::Immortal => false,
        Era::Mortal(period, _) => *period <= MAX_SHIELDED_ERA_PERIOD,
    }
}

impl TransactionExtension<RuntimeCall> for CheckMortality {
    const IDENTIFIER: &'static str = "CheckMortality";
    type Implicit = <Stock as TransactionExtension<RuntimeCall>>::Implicit;
    type Val = <Stock as TransactionExtension<RuntimeCall>>::Val;
    type Pre = <Stock as TransactionExtension<RuntimeCall>>::Pre;

    fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
        self.0.implicit()
    }

    fn weight(&self, call: &RuntimeCall) -> Weight {
        self.0.weight(call)
    }

    fn validate(
        &self,
        origin: <RuntimeCall as Dispatchable>::RuntimeOrigin,
        call: &RuntimeCall,
        info: &DispatchInfoOf<RuntimeCall>,
        len: usize,
        self_implicit: Self::Implicit,
        inherited_implication: &impl sp_runtime::traits::Implication,
        source: TransactionSource,
    ) -> ValidateResult<Self::Val, RuntimeCall> {
        if pallet_shield::extension::shielded_ciphertext::<Runtime>(call).is_some() && !shielded_era_ok(&self.0 .0) {
            return Err(InvalidTransaction::Stale.into());
        }
        self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
    }

    fn prepare(
        self,
        val: Self::Val,
        origin: &<RuntimeCall as Dispatchable>::RuntimeOrigin,
        call: &RuntimeCall,
        info: &DispatchInfoOf<RuntimeCall>,
        len: usize,
    ) -> Result<Self::Pre, TransactionValidityError> {
        self.0.prepare(val, origin, call, info, len)
    }

    fn post_dispatch_details(
        pre: Self::Pre,
        info: &DispatchInfoOf<RuntimeCall>,
        post_info: &PostDispatchInfoOf<RuntimeCall>,
        len: usize,
        result: &DispatchResult,
    ) -> Result<Weight, TransactionValidityError> {
        Stock::post_dispatch_details(pre, info, post_info, len, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shielded_wrappers_need_a_short_mortal_era() {
        assert!(!shielded_era_ok(&Era::Immortal));
        assert!(shielded_era_ok(&Era::mortal(8, 100)));
        assert!(shielded_era_ok(&Era::mortal(4, 100)));
        assert!(!shielded_era_ok(&Era::mortal(16, 100)));
        assert!(!shielded_era_ok(&Era::mortal(64, 100)));
    }

    #[test]
    fn the_metadata_type_is_the_stock_one() {
        use scale_info::TypeInfo;
        assert_eq!(CheckMortality::type_info(), Stock::type_info());
        assert_eq!(CheckMortality::from(Era::mortal(8, 3)).encode(), Stock::from(Era::mortal(8, 3)).encode());
    }
}
