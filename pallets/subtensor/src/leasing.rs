//! Leased subnets (`pallets-2.md` §4.6): a crowdloan raises the lock cost, its finalization
//! registers a subnet owned by a keyless "lease coldkey", and a share of the owner cut is paid
//! to the contributors pro rata, the rest to the beneficiary (the crowdloan's creator), who
//! runs the subnet through a `SubnetLeaseBeneficiary` proxy and may take it over when a
//! lease with an end block ends.
//!
//! This pallet does not know the crowdloan or proxy pallets: the runtime supplies them through
//! [`LeaseCrowdloan`] and [`LeaseProxy`].

use crate::{pallet::*, AlphaBalance, NetUid, TaoBalance};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    storage::{with_transaction, TransactionOutcome},
    traits::{
        fungible::{Inspect, Mutate},
        tokens::{DepositConsequence, Preservation, Provenance},
        Get,
    },
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::crypto::AccountId32;
use sp_runtime::{traits::Zero, ArithmeticError, Percent};
use substrate_fixed::types::U64F64;

/// A lease's id.
pub type LeaseId = u32;

/// How many squatted lease ids a registration skips before giving up.
pub const MAX_SKIPPED_LEASE_IDS: u32 = 16;

/// What the crowdloan pallet tells about the crowdloan being finalized.
pub struct FinalizingCrowdloan<AccountId> {
    pub id: u32,
    pub creator: AccountId,
    pub raised: TaoBalance,
    pub funds_account: AccountId,
}

/// The crowdloan pallet, seen from leasing.
pub trait LeaseCrowdloan<AccountId> {
    /// The crowdloan whose stored call is being dispatched by `finalize`; the crowdloan
    /// pallet's own `InvalidCrowdloanId` when there is none.
    fn finalizing() -> Result<FinalizingCrowdloan<AccountId>, DispatchError>;
    /// Every (contributor, amount) of a crowdloan, the creator included.
    fn contributions(id: u32) -> Vec<(AccountId, TaoBalance)>;
    /// The most contributors a crowdloan can have: the bound of the lease calls' weights.
    fn max_contributors() -> u32;
    /// Benchmarks: makes `creator`'s crowdloan, funded by `contributions`, the one being
    /// finalized.
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_finalizing(creator: &AccountId, contributions: Vec<(AccountId, TaoBalance)>);
}

/// The proxy pallet, seen from leasing: the beneficiary's `SubnetLeaseBeneficiary` proxy.
pub trait LeaseProxy<AccountId> {
    fn add_lease_beneficiary_proxy(lease_coldkey: &AccountId, beneficiary: &AccountId) -> DispatchResult;
    fn remove_lease_beneficiary_proxy(lease_coldkey: &AccountId, beneficiary: &AccountId) -> DispatchResult;
}

/// A chain without crowdloans: no lease can be registered.
impl<AccountId> LeaseCrowdloan<AccountId> for () {
    fn finalizing() -> Result<FinalizingCrowdloan<AccountId>, DispatchError> {
        Err(DispatchError::Other("no crowdloan pallet"))
    }
    fn contributions(_: u32) -> Vec<(AccountId, TaoBalance)> {
        Vec::new()
    }
    fn max_contributors() -> u32 {
        0
    }
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_finalizing(_: &AccountId, _: Vec<(AccountId, TaoBalance)>) {}
}

impl<AccountId> LeaseProxy<AccountId> for () {
    fn add_lease_beneficiary_proxy(_: &AccountId, _: &AccountId) -> DispatchResult {
        Ok(())
    }
    fn remove_lease_beneficiary_proxy(_: &AccountId, _: &AccountId) -> DispatchResult {
        Ok(())
    }
}

/// A leased subnet, stored under upstream's field names and order.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
pub struct SubnetLease<AccountId, BlockNumber> {
    pub beneficiary: AccountId,
    pub coldkey: AccountId,
    pub hotkey: AccountId,
    pub emissions_share: Percent,
    pub end_block: Option<BlockNumber>,
    pub netuid: NetUid,
    pub cost: TaoBalance,
}

pub type SubnetLeaseOf<T> = SubnetLease<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// `blake2_256(SCALE((tag, id)))`: the tag is SCALE-encoded as a string (compact length
/// prefix), as upstream derives its lease accounts.
fn derive_lease_account(tag: &str, id: LeaseId) -> AccountId32 {
    AccountId32::new(sp_io::hashing::blake2_256(&(tag, id).encode()))
}

impl<T: Config> Pallet<T> {
    /// The keyless coldkey that owns the leased subnet and its stake.
    pub fn lease_coldkey(id: LeaseId) -> T::AccountId {
        derive_lease_account("leasing/coldkey", id)
    }

    /// The leased subnet's owner hotkey.
    pub fn lease_hotkey(id: LeaseId) -> T::AccountId {
        derive_lease_account("leasing/hotkey", id)
    }

    /// `register_leased_network`; returns the number of contributors refunded, for the
    /// call's actual weight.
    pub fn do_register_leased_network(
        who: T::AccountId,
        emissions_share: Percent,
        end_block: Option<BlockNumberFor<T>>,
    ) -> Result<u32, DispatchError> {
        let crowdloan = T::LeaseCrowdloan::finalizing()?;
        ensure!(who == crowdloan.creator, Error::<T>::InvalidLeaseBeneficiary);
        let now = frame_system::Pallet::<T>::block_number();
        if let Some(end) = end_block {
            ensure!(end > now, Error::<T>::LeaseCannotEndInThePast);
        }

        // The lease keys are public: anyone can associate the next lease hotkey with their own
        // coldkey, or fund the next lease coldkey, beforehand. Such ids are skipped, so that
        // squatting them cannot block leasing.
        let mut lease_id = NextSubnetLeaseId::<T>::get();
        let mut tries: u32 = 0;
        while Self::lease_keys_taken(lease_id) {
            tries = tries.saturating_add(1);
            ensure!(tries <= MAX_SKIPPED_LEASE_IDS, Error::<T>::LeaseNetuidNotFound);
            lease_id = lease_id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
        }
        NextSubnetLeaseId::<T>::put(lease_id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
        let coldkey = Self::lease_coldkey(lease_id);
        let hotkey = Self::lease_hotkey(lease_id);
        // Nobody holds these keys: providers keep the accounts alive whatever their balance.
        frame_system::Pallet::<T>::inc_providers(&coldkey);
        frame_system::Pallet::<T>::inc_providers(&hotkey);

        <T::Currency as Mutate<T::AccountId>>::transfer(
            &crowdloan.funds_account,
            &coldkey,
            crowdloan.raised,
            Preservation::Expendable,
        )?;
        let netuid = Self::do_register_network(coldkey.clone(), hotkey.clone())?;
        ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::LeaseNetuidNotFound);
        T::LeaseProxy::add_lease_beneficiary_proxy(&coldkey, &who)?;

        let leftover = <T::Currency as Inspect<T::AccountId>>::balance(&coldkey);
        let cost = crowdloan.raised.saturating_sub(leftover);
        SubnetLeases::<T>::insert(
            lease_id,
            SubnetLease {
                beneficiary: who.clone(),
                coldkey: coldkey.clone(),
                hotkey: hotkey.clone(),
                emissions_share,
                end_block,
                netuid,
                cost,
            },
        );
        SubnetUidToLeaseId::<T>::insert(netuid, lease_id);
        // The whole owner cut belongs to the lease's holders: the hotkey takes nothing.
        Delegates::<T>::insert(&hotkey, 0);

        // What the lock did not use goes back pro rata; shares round down, the beneficiary
        // gets the remainder.
        let mut refunded: TaoBalance = 0;
        let mut count: u32 = 0;
        let raised = U64F64::from_num(crowdloan.raised.max(1));
        for (contributor, amount) in T::LeaseCrowdloan::contributions(crowdloan.id) {
            if contributor == who {
                continue;
            }
            let share = U64F64::from_num(amount).checked_div(raised).unwrap_or(U64F64::from_num(0));
            SubnetLeaseShares::<T>::insert(lease_id, &contributor, share);
            let refund = share.saturating_mul(U64F64::from_num(leftover)).saturating_to_num::<u64>();
            // A refund the contributor's account cannot take (below the existential deposit of
            // a reaped account) goes to the beneficiary with the remainder rather than failing
            // the whole finalization.
            let takes = <T::Currency as Inspect<T::AccountId>>::can_deposit(&contributor, refund, Provenance::Extant)
                == DepositConsequence::Success;
            if refund > 0 && takes {
                <T::Currency as Mutate<T::AccountId>>::transfer(&coldkey, &contributor, refund, Preservation::Expendable)?;
                refunded = refunded.saturating_add(refund);
            }
            count = count.saturating_add(1);
        }
        let rest = leftover.saturating_sub(refunded);
        if rest > 0 {
            <T::Currency as Mutate<T::AccountId>>::transfer(&coldkey, &who, rest, Preservation::Expendable)?;
        }
        Self::deposit_event(Event::SubnetLeaseCreated { beneficiary: who, lease_id, netuid, end_block });
        Ok(count)
    }

    /// `terminate_lease`: the beneficiary takes the subnet over once the lease has ended.
    pub fn do_terminate_lease(who: T::AccountId, lease_id: LeaseId, hotkey: T::AccountId) -> Result<u32, DispatchError> {
        let lease = SubnetLeases::<T>::get(lease_id).ok_or(Error::<T>::LeaseDoesNotExist)?;
        ensure!(who == lease.beneficiary, Error::<T>::ExpectedBeneficiaryOrigin);
        let end = lease.end_block.ok_or(Error::<T>::LeaseHasNoEndBlock)?;
        ensure!(frame_system::Pallet::<T>::block_number() >= end, Error::<T>::LeaseHasNotEnded);
        ensure!(
            Self::is_hotkey_owner(&who, &hotkey),
            Error::<T>::BeneficiaryDoesNotOwnHotkey
        );
        SubnetOwner::<T>::insert(lease.netuid, who.clone());
        SubnetOwnerHotkey::<T>::insert(lease.netuid, hotkey);
        let removed = Self::remove_lease(lease_id, &lease)?;
        Self::deposit_event(Event::SubnetLeaseTerminated { beneficiary: who, netuid: lease.netuid });
        Ok(removed)
    }

    /// Whether a lease id's derived keys are already in use.
    fn lease_keys_taken(lease_id: LeaseId) -> bool {
        let (coldkey, hotkey) = (Self::lease_coldkey(lease_id), Self::lease_hotkey(lease_id));
        Owner::<T>::contains_key(&hotkey)
            || Owner::<T>::contains_key(&coldkey)
            || frame_system::Pallet::<T>::account_exists(&coldkey)
            || frame_system::Pallet::<T>::account_exists(&hotkey)
    }

    /// Forgets a lease: proxy, shares, undistributed dividends' record, the providers of its
    /// keys. The lease coldkey's stake stays where it is. Returns the shares removed. The
    /// proxy and providers are released as far as they exist: a lease must always be
    /// removable, or its subnet could not be dissolved.
    pub(crate) fn remove_lease(lease_id: LeaseId, lease: &SubnetLeaseOf<T>) -> Result<u32, DispatchError> {
        let _ = T::LeaseProxy::remove_lease_beneficiary_proxy(&lease.coldkey, &lease.beneficiary);
        let _ = frame_system::Pallet::<T>::dec_providers(&lease.coldkey);
        let _ = frame_system::Pallet::<T>::dec_providers(&lease.hotkey);
        let limit = T::LeaseCrowdloan::max_contributors().max(1);
        let removed = SubnetLeaseShares::<T>::clear_prefix(lease_id, limit, None).unique;
        AccumulatedLeaseDividends::<T>::remove(lease_id);
        SubnetLeases::<T>::remove(lease_id);
        Ok(removed)
    }

    /// A leased subnet is being dissolved: the lease ends with it.
    pub(crate) fn remove_lease_of_subnet(netuid: NetUid) -> DispatchResult {
        let Some(lease_id) = SubnetUidToLeaseId::<T>::get(netuid) else { return Ok(()) };
        if let Some(lease) = SubnetLeases::<T>::get(lease_id).filter(|l| l.netuid == netuid) {
            Self::remove_lease(lease_id, &lease)?;
        }
        SubnetUidToLeaseId::<T>::remove(netuid);
        Ok(())
    }

    /// The lease's share of an owner cut just staked to (lease hotkey, lease coldkey):
    /// accumulated, and paid out on blocks that are multiples of
    /// `LeaseDividendsDistributionInterval`. Contributors' amounts round up, the beneficiary
    /// gets the rest. A payout that cannot be made whole (a transfer below the minimum stake,
    /// say) is undone and retried at the next payout block.
    pub fn distribute_lease_dividends(netuid: NetUid, owner_cut: AlphaBalance) {
        let Some(lease_id) = SubnetUidToLeaseId::<T>::get(netuid) else { return };
        let Some(lease) = SubnetLeases::<T>::get(lease_id) else { return };
        let now = frame_system::Pallet::<T>::block_number();
        if lease.end_block.is_some_and(|end| end <= now) {
            return;
        }
        let total = AccumulatedLeaseDividends::<T>::get(lease_id)
            .saturating_add(lease.emissions_share.mul_ceil(owner_cut));
        if total.is_zero() {
            return;
        }
        let interval = Self::block_number_u64(T::LeaseDividendsDistributionInterval::get()).max(1);
        let now_u64 = Self::block_number_u64(now);
        if now_u64.checked_rem(interval).unwrap_or(1) != 0 {
            AccumulatedLeaseDividends::<T>::insert(lease_id, total);
            return;
        }
        let paid = with_transaction(|| match Self::pay_lease_dividends(lease_id, &lease, total) {
            Ok(()) => TransactionOutcome::Commit(Ok::<bool, DispatchError>(true)),
            Err(_) => TransactionOutcome::Rollback(Ok(false)),
        });
        let left = if paid.unwrap_or(false) { 0 } else { total };
        AccumulatedLeaseDividends::<T>::insert(lease_id, left);
    }

    fn pay_lease_dividends(lease_id: LeaseId, lease: &SubnetLeaseOf<T>, total: AlphaBalance) -> DispatchResult {
        let total_fixed = U64F64::from_num(total);
        let mut distributed: AlphaBalance = 0;
        for (contributor, share) in SubnetLeaseShares::<T>::iter_prefix(lease_id) {
            let amount = share
                .saturating_mul(total_fixed)
                .checked_ceil()
                .ok_or(ArithmeticError::Overflow)?
                .saturating_to_num::<u64>();
            Self::pay_lease_holder(lease_id, lease, &contributor, amount)?;
            distributed = distributed.saturating_add(amount);
        }
        let rest = total.checked_sub(distributed).ok_or(ArithmeticError::Underflow)?;
        Self::pay_lease_holder(lease_id, lease, &lease.beneficiary, rest)
    }

    fn pay_lease_holder(lease_id: LeaseId, lease: &SubnetLeaseOf<T>, to: &T::AccountId, alpha: AlphaBalance) -> DispatchResult {
        // A zero amount has nothing to move; moving it would fail the minimum-stake check and
        // hold up everyone else's payout.
        if alpha == 0 {
            return Ok(());
        }
        Self::transition_stake(
            crate::stake_moves::StakeTransition {
                origin_coldkey: &lease.coldkey,
                destination_coldkey: to,
                origin_hotkey: &lease.hotkey,
                destination_hotkey: &lease.hotkey,
                origin_netuid: lease.netuid,
                destination_netuid: lease.netuid,
            },
            alpha,
        )?;
        Self::deposit_event(Event::SubnetLeaseDividendsDistributed { lease_id, contributor: to.clone(), alpha });
        Ok(())
    }

    /// Leasing's invariants: shares of a lease sum to at most one; each lease's subnet is
    /// indexed back to it; the undistributed dividends are still staked on the lease coldkey.
    pub fn check_leases() -> Result<(), alloc::string::String> {
        use alloc::format;
        for (lease_id, lease) in SubnetLeases::<T>::iter() {
            let sum = SubnetLeaseShares::<T>::iter_prefix(lease_id)
                .fold(U64F64::from_num(0), |a, (_, share)| a.saturating_add(share));
            if sum > U64F64::from_num(1) {
                return Err(format!("lease {lease_id}: shares sum to {sum}"));
            }
            if SubnetUidToLeaseId::<T>::get(lease.netuid) != Some(lease_id) {
                return Err(format!("lease {lease_id}: subnet {} not indexed to it", lease.netuid));
            }
            let accumulated = AccumulatedLeaseDividends::<T>::get(lease_id);
            let staked = Self::alpha_stake(&lease.hotkey, &lease.coldkey, lease.netuid);
            if accumulated > staked {
                return Err(format!("lease {lease_id}: {accumulated} alpha accumulated, {staked} staked"));
            }
        }
        Ok(())
    }
}
