//! `SubtensorTransactionExtension` (zero-sized, as upstream's, so the clients send nothing
//! for it). Three jobs:
//!
//! - **No free spam.** A free call (`Pays::No`: weights, commits, reveals, serving) is
//!   checked before it enters a block and again at inclusion (`free_calls.rs`: registered
//!   hotkey, rate limits, stake threshold, vectors bounded by the subnet's uid count);
//!   a refused one is a pool error and costs the network nothing. One that still fails at
//!   dispatch is charged the fee a paying call of its weight and length would pay, as far as
//!   the signer's free balance allows.
//! - **Frozen coldkeys.** A coldkey that announced a swap may only make the swap's calls
//!   until it executes; a disputed one nothing (`swap_coldkey.rs`).
//! - **One issuance.** After every transaction the pallet's `TotalIssuance` mirror is set to
//!   the balances pallet's issuance, so no call (`Balances.burn`, root's force calls, dust,
//!   fees) can leave them apart.

use crate::{configs::FeesToAuthor, AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin, SubtensorModule};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
    dispatch::{DispatchInfo, Pays, PostDispatchInfo},
    pallet_prelude::TransactionSource,
    traits::{
        fungible::{Balanced, Inspect},
        tokens::{Fortitude, Precision, Preservation},
        OnUnbalanced,
    },
};
use scale_info::TypeInfo;
use sp_runtime::{
    traits::{AsSystemOriginSigner, DispatchInfoOf, PostDispatchInfoOf, TransactionExtension, ValidateResult},
    transaction_validity::{TransactionValidityError, ValidTransaction},
    DispatchResult, Weight,
};

#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Debug, Default)]
pub struct SubtensorTransactionExtension;

/// The checks of a free call read about eight items; syncing the issuance reads the two
/// issuances (the rare write, when they differ, is added to the block's weight then); the
/// coldkey-swap guard reads the signer's announcement and dispute.
fn extension_weight(free: bool) -> Weight {
    let db = <Runtime as frame_system::Config>::DbWeight::get();
    let sync = db.reads(4);
    if free {
        sync.saturating_add(db.reads(8))
    } else {
        sync
    }
}

fn is_free(info: &DispatchInfo) -> bool {
    info.pays_fee == Pays::No
}

/// Charges `who` for a free call that failed at dispatch: the fee of the same call paying,
/// capped at what `who` can spend without being reaped; paid to the block author.
fn charge_failed_free_call(who: &AccountId, info: &DispatchInfo, post_info: &PostDispatchInfo, len: usize) {
    let mut paying = *info;
    paying.pays_fee = Pays::Yes;
    let mut post = *post_info;
    post.pays_fee = Pays::Yes;
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    let fee = pallet_transaction_payment::Pallet::<Runtime>::compute_actual_fee(len, &paying, &post, 0);
    let spendable = <Balances as Inspect<AccountId>>::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
    let amount = fee.min(spendable);
    if amount == 0 {
        return;
    }
    if let Ok(credit) =
        <Balances as Balanced<AccountId>>::withdraw(who, amount, Precision::Exact, Preservation::Preserve, Fortitude::Polite)
    {
        FeesToAuthor::on_unbalanced(credit);
    }
}

/// `Commitments.set_commitment` is free: the pool refuses one that would fail, with the
/// codes the SubtensorModule pool checks use (10: not registered, 6: this epoch's space is
/// used up, 18: too many fields).
fn validate_commitment(
    who: &AccountId,
    netuid: u16,
    info: &pallet_commitments::CommitmentInfoOf<Runtime>,
) -> Result<(), TransactionValidityError> {
    use pallet_commitments::Error as E;
    use sp_runtime::transaction_validity::InvalidTransaction;
    pallet_commitments::Pallet::<Runtime>::validate_set_commitment(who, netuid, info).map_err(|e| {
        let code = match e {
            E::AccountNotAllowedCommit => 10,
            E::SpaceLimitExceeded => 6,
            E::TooManyFieldsInCommitmentInfo => 18,
            _ => 255,
        };
        InvalidTransaction::Custom(code).into()
    })
}

/// How deep proxies and batches are searched for calls made on behalf of another account.
const MAX_GUARD_DEPTH: u8 = 4;

/// The coldkey-swap guard for the signer and for every account a proxy acts for inside the
/// call (through batches too): an announced or disputed coldkey cannot act through its
/// proxies either. Upstream lets such a proxied call fail inside `Proxy.proxy`; here the
/// whole transaction is refused in the pool with the same codes, so nothing is paid for it.
fn check_coldkey_swap_guards(who: &AccountId, call: &RuntimeCall, depth: u8) -> Result<(), TransactionValidityError> {
    use sp_runtime::traits::StaticLookup;
    use sp_runtime::transaction_validity::InvalidTransaction;
    check_coldkey_swap_guard(who, call)?;
    let Some(depth) = depth.checked_sub(1) else { return Ok(()) };
    match call {
        RuntimeCall::Proxy(pallet_proxy::Call::proxy { real, call, .. })
        | RuntimeCall::Proxy(pallet_proxy::Call::proxy_announced { real, call, .. }) => {
            let real = <Runtime as frame_system::Config>::Lookup::lookup(real.clone())
                .map_err(|_| TransactionValidityError::from(InvalidTransaction::Call))?;
            check_coldkey_swap_guards(&real, call, depth)
        },
        RuntimeCall::Utility(pallet_utility::Call::batch { calls })
        | RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
        | RuntimeCall::Utility(pallet_utility::Call::force_batch { calls }) => {
            calls.iter().try_for_each(|c| check_coldkey_swap_guards(who, c, depth))
        },
        _ => Ok(()),
    }
}

/// `staking-2.md` §2.5: a coldkey with an announced swap may only make the swap's own calls
/// and send shielded wrappers (whose inner transaction is checked in turn); a disputed one
/// may do nothing. Upstream's pool codes: 0 (announced), 21 (disputed).
fn check_coldkey_swap_guard(who: &AccountId, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
    use pallet_subtensor::{swap_coldkey::SwapGuard, Call as S};
    use sp_runtime::transaction_validity::InvalidTransaction;
    match SubtensorModule::coldkey_swap_guard(who) {
        SwapGuard::Free => Ok(()),
        SwapGuard::Disputed => Err(InvalidTransaction::Custom(21).into()),
        SwapGuard::Announced => {
            let allowed = matches!(
                call,
                RuntimeCall::SubtensorModule(
                    S::announce_coldkey_swap { .. }
                        | S::swap_coldkey_announced { .. }
                        | S::dispute_coldkey_swap { .. }
                        | S::clear_coldkey_swap_announcement { .. }
                ) | RuntimeCall::MevShield(pallet_shield::Call::submit_encrypted { .. })
            );
            if allowed {
                Ok(())
            } else {
                Err(InvalidTransaction::Custom(0).into())
            }
        },
    }
}

/// Syncs the issuance mirror; a write, when one was needed, counts towards the block.
fn sync_issuance() {
    if SubtensorModule::sync_issuance() {
        let db = <Runtime as frame_system::Config>::DbWeight::get();
        frame_system::Pallet::<Runtime>::register_extra_weight_unchecked(
            db.writes(1),
            frame_support::dispatch::DispatchClass::Mandatory,
        );
    }
}

impl TransactionExtension<RuntimeCall> for SubtensorTransactionExtension {
    const IDENTIFIER: &'static str = "SubtensorTransactionExtension";
    type Implicit = ();
    /// The signer of a free call.
    type Val = Option<AccountId>;
    type Pre = Option<AccountId>;

    fn weight(&self, call: &RuntimeCall) -> Weight {
        extension_weight(is_free(&frame_support::dispatch::GetDispatchInfo::get_dispatch_info(call)))
    }

    fn validate(
        &self,
        origin: RuntimeOrigin,
        call: &RuntimeCall,
        info: &DispatchInfoOf<RuntimeCall>,
        _len: usize,
        _self_implicit: Self::Implicit,
        _inherited_implication: &impl Encode,
        _source: TransactionSource,
    ) -> ValidateResult<Self::Val, RuntimeCall> {
        let signer = origin.as_system_origin_signer().cloned();
        if let Some(who) = signer.as_ref() {
            check_coldkey_swap_guards(who, call, MAX_GUARD_DEPTH)?;
        }
        let Some(who) = signer.filter(|_| is_free(info)) else {
            return Ok((ValidTransaction::default(), None, origin));
        };
        match call {
            RuntimeCall::SubtensorModule(inner) => SubtensorModule::validate_free_call(&who, inner)?,
            RuntimeCall::Commitments(pallet_commitments::Call::set_commitment { netuid, info }) => {
                validate_commitment(&who, *netuid, info)?
            },
            _ => {},
        }
        Ok((ValidTransaction::default(), Some(who), origin))
    }

    fn prepare(
        self,
        val: Self::Val,
        _origin: &RuntimeOrigin,
        _call: &RuntimeCall,
        _info: &DispatchInfoOf<RuntimeCall>,
        _len: usize,
    ) -> Result<Self::Pre, TransactionValidityError> {
        Ok(val)
    }

    fn post_dispatch_details(
        pre: Self::Pre,
        info: &DispatchInfo,
        post_info: &PostDispatchInfoOf<RuntimeCall>,
        len: usize,
        result: &DispatchResult,
    ) -> Result<Weight, TransactionValidityError> {
        if let (Some(who), Err(_)) = (pre, result) {
            charge_failed_free_call(&who, info, post_info, len);
        }
        sync_issuance();
        Ok(Weight::zero())
    }

    fn bare_post_dispatch(
        _info: &DispatchInfoOf<RuntimeCall>,
        _post_info: &mut PostDispatchInfoOf<RuntimeCall>,
        _len: usize,
        _result: &DispatchResult,
    ) -> Result<(), TransactionValidityError> {
        sync_issuance();
        Ok(())
    }
}
