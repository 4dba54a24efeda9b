//! # Crowdloan
//!
//! Pools TAO from many accounts toward a goal that no single account wants to (or can) fund
//! alone, most prominently a subnet lease (`SubtensorModule.register_leased_network`).
//!
//! Lifecycle (`pallets-2.md` §4.5):
//!
//! 1. `create`: the creator locks a deposit in a keyless per-crowdloan funds account and fixes
//!    a cap, a minimum contribution, an end block and what happens on success: either a stored
//!    call (dispatched as the creator) or a plain transfer to a target address.
//! 2. While `now < end` and `raised < cap` anyone contributes; the last contribution is cut
//!    down to what the cap still allows. Contributors may withdraw at any time until the
//!    crowdloan is finalized (even after `end`), the creator down to the deposit.
//! 3. Success: once `raised == cap` the creator calls `finalize`, which dispatches the stored
//!    call (the call can find the crowdloan through [`Pallet::current_crowdloan`]) or pays the
//!    target. Finalized crowdloans are terminal and stay in storage as a record.
//! 4. Failure: the creator `refund`s contributors in bounded batches, then `dissolve`s the
//!    crowdloan, which returns the deposit and removes it.
//!
//! Accounting: every contribution sits in the funds account, which holds exactly `raised` until
//! finalization, so the TAO is always either spent by `finalize` or given back
//! ([`Pallet::check_invariants`], [`Pallet::total_held`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use frame_support::traits::Bounded;
use frame_system::pallet_prelude::BlockNumberFor;

/// The stored success call: inline when it encodes to at most 128 bytes, else a preimage.
pub type BoundedCallOf<T> = Bounded<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hashing>;

/// A crowdloan as stored in `Crowdloans`.
pub type CrowdloanInfoOf<T> = CrowdloanInfo<
    <T as frame_system::Config>::AccountId,
    BlockNumberFor<T>,
    BoundedCallOf<T>,
>;

/// The state of one crowdloan. Field names and order are read by btcli and the bittensor SDK.
#[derive(
    codec::Encode,
    codec::Decode,
    codec::MaxEncodedLen,
    scale_info::TypeInfo,
    Clone,
    PartialEq,
    Eq,
    Debug,
)]
pub struct CrowdloanInfo<AccountId, BlockNumber, Call> {
    /// Who created it; the only account allowed to finalize, refund, dissolve or update it.
    pub creator: AccountId,
    /// The creator's locked stake, which only `dissolve` returns, so the creator always has
    /// skin in the game and the crowdloan can never be emptied by withdrawals.
    pub deposit: u64,
    pub min_contribution: u64,
    /// Contributions are accepted while the current block is below this one.
    pub end: BlockNumber,
    pub cap: u64,
    /// Keyless account holding the contributions (see [`Pallet::funds_account`]).
    pub funds_account: AccountId,
    /// Sum of all current contributions, the creator's included.
    pub raised: u64,
    /// Receives `raised` on finalize when there is no call.
    pub target_address: Option<AccountId>,
    /// Dispatched as the creator on finalize when there is no target.
    pub call: Option<Call>,
    pub finalized: bool,
    /// Number of `Contributions` entries, the creator's included.
    pub contributors_count: u32,
}

// The FRAME macros expand to `expect` calls; this module only declares.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::{BoundedCallOf, CrowdloanInfo, CrowdloanInfoOf, WeightInfo};
    use alloc::{boxed::Box, vec::Vec};
    use codec::Encode;
    use frame_support::{
        dispatch::{GetDispatchInfo, PostDispatchInfo},
        pallet_prelude::*,
        traits::{
            fungible::{Inspect, Mutate},
            tokens::{Fortitude, Preservation},
            Bounded, QueryPreimage, StorePreimage,
        },
        PalletId,
    };
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::{AccountIdConversion, Dispatchable, Hash, Saturating, Zero};

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// The call a crowdloan stores and `finalize` dispatches.
        type RuntimeCall: Parameter
            + Dispatchable<RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin, PostInfo = PostDispatchInfo>
            + GetDispatchInfo
            + From<frame_system::Call<Self>>;
        /// TAO, in rao.
        type Currency: Mutate<Self::AccountId, Balance = u64>;
        /// Holds stored calls too long to inline.
        type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;
        /// Seeds the funds accounts (`bt/cloan`).
        #[pallet::constant]
        type PalletId: Get<PalletId>;
        /// Smallest deposit a creator must lock.
        #[pallet::constant]
        type MinimumDeposit: Get<u64>;
        /// Floor for every crowdloan's `min_contribution`.
        #[pallet::constant]
        type AbsoluteMinimumContribution: Get<u64>;
        /// Shortest allowed `end − now` at create and update_end.
        #[pallet::constant]
        type MinimumBlockDuration: Get<BlockNumberFor<Self>>;
        /// Longest allowed `end − now` at create and update_end.
        #[pallet::constant]
        type MaximumBlockDuration: Get<BlockNumberFor<Self>>;
        /// Contributors refunded per `refund` call, which bounds its weight.
        #[pallet::constant]
        type RefundContributorsLimit: Get<u32>;
        /// Most `Contributions` entries per crowdloan (the creator's included), which bounds
        /// every iteration over them.
        #[pallet::constant]
        type MaxContributors: Get<u32>;
        type WeightInfo: WeightInfo;
    }

    /// Every crowdloan by id; finalized ones stay as a record, dissolved ones are removed.
    #[pallet::storage]
    pub type Crowdloans<T: Config> = StorageMap<_, Twox64Concat, u32, CrowdloanInfoOf<T>, OptionQuery>;

    /// The id the next `create` takes.
    #[pallet::storage]
    pub type NextCrowdloanId<T> = StorageValue<_, u32, ValueQuery>;

    /// Each contributor's current total per crowdloan. The account key is stored in clear
    /// (Identity) so that clients can list contributors with a prefix query.
    #[pallet::storage]
    pub type Contributions<T: Config> =
        StorageDoubleMap<_, Twox64Concat, u32, Identity, T::AccountId, u64, OptionQuery>;

    /// Optional per-contributor cumulative cap, set by the creator.
    #[pallet::storage]
    pub type MaxContributions<T> = StorageMap<_, Twox64Concat, u32, u64, OptionQuery>;

    /// The crowdloan whose stored call `finalize` is dispatching right now; absent otherwise.
    /// Lets the dispatched call find the funds it is meant to spend.
    #[pallet::storage]
    pub type CurrentCrowdloanId<T> = StorageValue<_, u32, OptionQuery>;

    /// Names of migrations already applied (kept for storage layout compatibility).
    #[pallet::storage]
    pub type HasMigrationRun<T> = StorageMap<_, Identity, BoundedVec<u8, ConstU32<128>>, bool, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        Created { crowdloan_id: u32, creator: T::AccountId, end: BlockNumberFor<T>, cap: u64 },
        /// `amount` is what was accepted, which the cap or `MaxContributions` may have cut.
        Contributed { crowdloan_id: u32, contributor: T::AccountId, amount: u64 },
        Withdrew { crowdloan_id: u32, contributor: T::AccountId, amount: u64 },
        /// A batch was refunded and more contributors remain: call `refund` again.
        PartiallyRefunded { crowdloan_id: u32 },
        /// Only the creator remains: the crowdloan can be dissolved.
        AllRefunded { crowdloan_id: u32 },
        Finalized { crowdloan_id: u32 },
        Dissolved { crowdloan_id: u32 },
        MinContributionUpdated { crowdloan_id: u32, new_min_contribution: u64 },
        EndUpdated { crowdloan_id: u32, new_end: BlockNumberFor<T> },
        CapUpdated { crowdloan_id: u32, new_cap: u64 },
        MaxContributionUpdated { crowdloan_id: u32, new_max_contribution: Option<u64> },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The deposit is below `MinimumDeposit`.
        DepositTooLow,
        /// The cap must exceed the deposit (at create) or cover what is raised (update_cap).
        CapTooLow,
        /// Below `AbsoluteMinimumContribution`.
        MinimumContributionTooLow,
        /// The end block is not in the future.
        CannotEndInPast,
        /// `end − now` is below `MinimumBlockDuration`.
        BlockDurationTooShort,
        /// `end − now` is above `MaximumBlockDuration`.
        BlockDurationTooLong,
        /// The account cannot pay the amount.
        InsufficientBalance,
        /// A counter or sum would overflow.
        Overflow,
        /// No such crowdloan (or none is being finalized).
        InvalidCrowdloanId,
        /// The cap is already raised.
        CapRaised,
        /// The end block has passed.
        ContributionPeriodEnded,
        /// Below the crowdloan's `min_contribution`.
        ContributionTooLow,
        /// Only the creator may do this.
        InvalidOrigin,
        /// The crowdloan is finalized.
        AlreadyFinalized,
        /// Never returned (kept for metadata compatibility).
        ContributionPeriodNotEnded,
        /// The account has no contribution to this crowdloan.
        NoContribution,
        /// `raised` has not reached `cap`.
        CapNotRaised,
        /// A counter or sum would underflow.
        Underflow,
        /// The stored call's preimage is missing or does not decode.
        CallUnavailable,
        /// Contributors other than the creator remain: refund them first.
        NotReadyToDissolve,
        /// The creator can only withdraw what exceeds the deposit.
        DepositCannotBeWithdrawn,
        /// The crowdloan has `MaxContributors` contributors.
        MaxContributorsReached,
        /// Exactly one of a call and a target address is required.
        InvalidFinalizationConfig,
        /// The contributor has reached `MaxContributions`.
        MaxContributionReached,
        /// The maximum is below the minimum contribution or the creator's contribution.
        MaximumContributionTooLow,
        /// The minimum is above `MaxContributions`.
        MinimumContributionTooHigh,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn integrity_test() {
            assert!(
                T::MinimumBlockDuration::get() <= T::MaximumBlockDuration::get(),
                "no end block could satisfy both duration bounds"
            );
            // A zero minimum would let empty contributions take contributor slots.
            assert!(T::AbsoluteMinimumContribution::get() > 0, "AbsoluteMinimumContribution must be positive");
            assert!(T::RefundContributorsLimit::get() > 0, "refund could never make progress");
            assert!(T::MaxContributors::get() > 0, "the creator is a contributor");
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::check_invariants().map_err(Into::into)
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Opens a crowdloan funded by the creator's `deposit`.
        ///
        /// The weight includes the stored call's own weight: it is paid here, by the creator,
        /// because `finalize` does not charge for it.
        #[pallet::call_index(0)]
        #[pallet::weight({
            let len = call.as_ref().map_or(0, |c| u32::try_from(c.encoded_size()).unwrap_or(u32::MAX));
            let inner = call.as_ref().map(|c| c.get_dispatch_info().call_weight).unwrap_or_default();
            T::WeightInfo::create(len).saturating_add(inner)
        })]
        pub fn create(
            origin: OriginFor<T>,
            #[pallet::compact] deposit: u64,
            #[pallet::compact] min_contribution: u64,
            #[pallet::compact] cap: u64,
            #[pallet::compact] end: BlockNumberFor<T>,
            call: Option<Box<<T as Config>::RuntimeCall>>,
            target_address: Option<T::AccountId>,
        ) -> DispatchResult {
            let creator = ensure_signed(origin)?;
            ensure!(deposit >= T::MinimumDeposit::get(), Error::<T>::DepositTooLow);
            ensure!(cap > deposit, Error::<T>::CapTooLow);
            ensure!(
                min_contribution >= T::AbsoluteMinimumContribution::get(),
                Error::<T>::MinimumContributionTooLow
            );
            ensure!(call.is_some() != target_address.is_some(), Error::<T>::InvalidFinalizationConfig);
            Self::ensure_valid_end(end)?;
            ensure!(Self::spendable(&creator) >= deposit, Error::<T>::InsufficientBalance);

            let crowdloan_id = NextCrowdloanId::<T>::get();
            let next = crowdloan_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
            let call = call.map(|c| Self::bound_call(*c)).transpose()?;
            let funds_account = Self::funds_account(crowdloan_id);
            // Keeps the keyless account alive whatever its balance until `dissolve`.
            frame_system::Pallet::<T>::inc_providers(&funds_account);
            T::Currency::transfer(&creator, &funds_account, deposit, Preservation::Expendable)?;

            Crowdloans::<T>::insert(
                crowdloan_id,
                CrowdloanInfo {
                    creator: creator.clone(),
                    deposit,
                    min_contribution,
                    end,
                    cap,
                    funds_account,
                    raised: deposit,
                    target_address,
                    call,
                    finalized: false,
                    contributors_count: 1,
                },
            );
            Contributions::<T>::insert(crowdloan_id, &creator, deposit);
            NextCrowdloanId::<T>::put(next);
            Self::deposit_event(Event::Created { crowdloan_id, creator, end, cap });
            Ok(())
        }

        /// Adds to the caller's contribution; the accepted amount is capped by what the
        /// crowdloan still needs and by `MaxContributions`, and may thus be below the minimum.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::contribute())]
        pub fn contribute(
            origin: OriginFor<T>,
            #[pallet::compact] crowdloan_id: u32,
            #[pallet::compact] amount: u64,
        ) -> DispatchResult {
            let contributor = ensure_signed(origin)?;
            let mut info = Self::crowdloan(crowdloan_id)?;
            ensure!(frame_system::Pallet::<T>::block_number() < info.end, Error::<T>::ContributionPeriodEnded);
            ensure!(info.raised < info.cap, Error::<T>::CapRaised);
            ensure!(amount >= info.min_contribution, Error::<T>::ContributionTooLow);
            ensure!(info.contributors_count < T::MaxContributors::get(), Error::<T>::MaxContributorsReached);

            let existing = Contributions::<T>::get(crowdloan_id, &contributor);
            let current = existing.unwrap_or(0);
            let mut accepted = amount.min(info.cap.saturating_sub(info.raised));
            if let Some(max) = MaxContributions::<T>::get(crowdloan_id) {
                ensure!(current < max, Error::<T>::MaxContributionReached);
                accepted = accepted.min(max.saturating_sub(current));
            }
            if existing.is_none() {
                info.contributors_count = info.contributors_count.checked_add(1).ok_or(Error::<T>::Overflow)?;
            }
            ensure!(Self::spendable(&contributor) >= accepted, Error::<T>::InsufficientBalance);

            info.raised = info.raised.checked_add(accepted).ok_or(Error::<T>::Overflow)?;
            let total = current.checked_add(accepted).ok_or(Error::<T>::Overflow)?;
            T::Currency::transfer(&contributor, &info.funds_account, accepted, Preservation::Expendable)?;
            Contributions::<T>::insert(crowdloan_id, &contributor, total);
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(Event::Contributed { crowdloan_id, contributor, amount: accepted });
            Ok(())
        }

        /// Takes the caller's contribution back, before or after `end`, as long as the
        /// crowdloan is not finalized. The creator can only take back what exceeds the deposit.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::withdraw())]
        pub fn withdraw(origin: OriginFor<T>, #[pallet::compact] crowdloan_id: u32) -> DispatchResult {
            let contributor = ensure_signed(origin)?;
            let mut info = Self::crowdloan(crowdloan_id)?;
            ensure!(!info.finalized, Error::<T>::AlreadyFinalized);
            let contribution = Contributions::<T>::get(crowdloan_id, &contributor).unwrap_or(0);
            ensure!(contribution > 0, Error::<T>::NoContribution);

            let amount = if contributor == info.creator {
                let amount = contribution.saturating_sub(info.deposit);
                ensure!(amount > 0, Error::<T>::DepositCannotBeWithdrawn);
                Contributions::<T>::insert(crowdloan_id, &contributor, info.deposit);
                amount
            } else {
                Contributions::<T>::remove(crowdloan_id, &contributor);
                info.contributors_count = info.contributors_count.checked_sub(1).ok_or(Error::<T>::Underflow)?;
                contribution
            };
            info.raised = info.raised.checked_sub(amount).ok_or(Error::<T>::Underflow)?;
            T::Currency::transfer(&info.funds_account, &contributor, amount, Preservation::Expendable)?;
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(Event::Withdrew { crowdloan_id, contributor, amount });
            Ok(())
        }

        /// Spends a fully raised crowdloan: dispatches its call as the creator, or pays its
        /// target. Does not wait for `end`: a raised cap is final enough.
        ///
        /// The stored call's weight was charged at `create`, so it is not part of this weight.
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::finalize())]
        pub fn finalize(origin: OriginFor<T>, #[pallet::compact] crowdloan_id: u32) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let mut info = Self::crowdloan(crowdloan_id)?;
            ensure!(who == info.creator, Error::<T>::InvalidOrigin);
            ensure!(info.raised == info.cap, Error::<T>::CapNotRaised);
            ensure!(!info.finalized, Error::<T>::AlreadyFinalized);

            match (info.call.clone(), info.target_address.clone()) {
                (Some(bounded), None) => {
                    // One stored call at a time: a stored call that finalizes another
                    // crowdloan could otherwise nest dispatches without bound.
                    ensure!(CurrentCrowdloanId::<T>::get().is_none(), Error::<T>::InvalidOrigin);
                    let (call, _) = T::Preimages::peek(&bounded).map_err(|_| Error::<T>::CallUnavailable)?;
                    // Marked before dispatching so the call cannot re-enter this crowdloan
                    // (finalize again, withdraw, refund, update): everything sees it final.
                    info.finalized = true;
                    Crowdloans::<T>::insert(crowdloan_id, &info);
                    CurrentCrowdloanId::<T>::put(crowdloan_id);
                    let result = call.dispatch(frame_system::RawOrigin::Signed(who).into());
                    CurrentCrowdloanId::<T>::kill();
                    result.map_err(|e| e.error)?;
                    // The call is spent; nothing will need its preimage again.
                    T::Preimages::drop(&bounded);
                }
                (None, Some(target)) => {
                    T::Currency::transfer(&info.funds_account, &target, info.raised, Preservation::Expendable)?;
                    info.finalized = true;
                    Crowdloans::<T>::insert(crowdloan_id, &info);
                }
                _ => return Err(Error::<T>::InvalidFinalizationConfig.into()),
            }
            Self::deposit_event(Event::Finalized { crowdloan_id });
            Ok(())
        }

        /// Gives up to `RefundContributorsLimit` contributors (never the creator) their
        /// contributions back, so a failed crowdloan can be wound down in bounded steps before
        /// `dissolve`. Creator only, so contributors are not refunded against the creator's
        /// plans.
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::refund(T::RefundContributorsLimit::get()))]
        pub fn refund(origin: OriginFor<T>, #[pallet::compact] crowdloan_id: u32) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let mut info = Self::crowdloan(crowdloan_id)?;
            ensure!(!info.finalized, Error::<T>::AlreadyFinalized);
            ensure!(who == info.creator, Error::<T>::InvalidOrigin);

            let limit = T::RefundContributorsLimit::get();
            let mut batch = Vec::new();
            let mut refunded: u32 = 0;
            let mut more = false;
            for (contributor, amount) in Contributions::<T>::iter_prefix(crowdloan_id) {
                if contributor == info.creator {
                    continue;
                }
                if refunded >= limit {
                    more = true;
                    break;
                }
                batch.push((contributor, amount));
                refunded = refunded.saturating_add(1);
            }
            for (contributor, amount) in batch {
                T::Currency::transfer(&info.funds_account, &contributor, amount, Preservation::Expendable)?;
                Contributions::<T>::remove(crowdloan_id, &contributor);
                info.raised = info.raised.checked_sub(amount).ok_or(Error::<T>::Underflow)?;
                info.contributors_count = info.contributors_count.checked_sub(1).ok_or(Error::<T>::Underflow)?;
            }
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(if more {
                Event::PartiallyRefunded { crowdloan_id }
            } else {
                Event::AllRefunded { crowdloan_id }
            });
            Ok(Some(T::WeightInfo::refund(refunded)).into())
        }

        /// Removes a crowdloan nobody but the creator funds any more, returning the deposit
        /// (and whatever the creator added) and releasing the funds account and the preimage.
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::dissolve())]
        pub fn dissolve(origin: OriginFor<T>, #[pallet::compact] crowdloan_id: u32) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let info = Self::crowdloan(crowdloan_id)?;
            ensure!(!info.finalized, Error::<T>::AlreadyFinalized);
            ensure!(who == info.creator, Error::<T>::InvalidOrigin);
            let contribution = Contributions::<T>::get(crowdloan_id, &who).ok_or(Error::<T>::NoContribution)?;
            ensure!(contribution == info.raised, Error::<T>::NotReadyToDissolve);

            T::Currency::transfer(&info.funds_account, &who, contribution, Preservation::Expendable)?;
            if let Some(bounded) = &info.call {
                T::Preimages::drop(bounded);
            }
            frame_system::Pallet::<T>::dec_providers(&info.funds_account)?;
            Contributions::<T>::remove(crowdloan_id, &who);
            MaxContributions::<T>::remove(crowdloan_id);
            Crowdloans::<T>::remove(crowdloan_id);
            Self::deposit_event(Event::Dissolved { crowdloan_id });
            Ok(())
        }

        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::update_min_contribution())]
        pub fn update_min_contribution(
            origin: OriginFor<T>,
            #[pallet::compact] crowdloan_id: u32,
            #[pallet::compact] new_min_contribution: u64,
        ) -> DispatchResult {
            let (_, mut info) = Self::updatable(origin, crowdloan_id)?;
            ensure!(
                new_min_contribution >= T::AbsoluteMinimumContribution::get(),
                Error::<T>::MinimumContributionTooLow
            );
            if let Some(max) = MaxContributions::<T>::get(crowdloan_id) {
                ensure!(new_min_contribution <= max, Error::<T>::MinimumContributionTooHigh);
            }
            info.min_contribution = new_min_contribution;
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(Event::MinContributionUpdated { crowdloan_id, new_min_contribution });
            Ok(())
        }

        /// Moves the end under the same bounds as `create`, measured from now.
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::update_end())]
        pub fn update_end(
            origin: OriginFor<T>,
            #[pallet::compact] crowdloan_id: u32,
            #[pallet::compact] new_end: BlockNumberFor<T>,
        ) -> DispatchResult {
            let (_, mut info) = Self::updatable(origin, crowdloan_id)?;
            Self::ensure_valid_end(new_end)?;
            info.end = new_end;
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(Event::EndUpdated { crowdloan_id, new_end });
            Ok(())
        }

        /// Changes the cap; setting it to `raised` makes the crowdloan finalizable at once.
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::update_cap())]
        pub fn update_cap(
            origin: OriginFor<T>,
            #[pallet::compact] crowdloan_id: u32,
            #[pallet::compact] new_cap: u64,
        ) -> DispatchResult {
            let (_, mut info) = Self::updatable(origin, crowdloan_id)?;
            ensure!(new_cap >= info.raised, Error::<T>::CapTooLow);
            info.cap = new_cap;
            Crowdloans::<T>::insert(crowdloan_id, info);
            Self::deposit_event(Event::CapUpdated { crowdloan_id, new_cap });
            Ok(())
        }

        /// Sets (or with `None` removes) a cumulative cap per contributor, to keep a crowdloan
        /// from being dominated by a few accounts. It cannot undercut the creator's own stake.
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::set_max_contribution())]
        pub fn set_max_contribution(
            origin: OriginFor<T>,
            #[pallet::compact] crowdloan_id: u32,
            new_max_contribution: Option<u64>,
        ) -> DispatchResult {
            let (creator, info) = Self::updatable(origin, crowdloan_id)?;
            match new_max_contribution {
                Some(max) => {
                    let creator_contribution = Contributions::<T>::get(crowdloan_id, &creator).unwrap_or(0);
                    ensure!(
                        max >= info.min_contribution && max >= creator_contribution,
                        Error::<T>::MaximumContributionTooLow
                    );
                    MaxContributions::<T>::insert(crowdloan_id, max);
                }
                None => MaxContributions::<T>::remove(crowdloan_id),
            }
            Self::deposit_event(Event::MaxContributionUpdated { crowdloan_id, new_max_contribution });
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// The keyless account holding crowdloan `id`'s contributions:
        /// `"modl" ‖ PalletId ‖ id (u32 LE)`, zero-padded. Deterministic so that clients and
        /// other pallets can derive it without reading storage.
        pub fn funds_account(id: u32) -> T::AccountId {
            T::PalletId::get().into_sub_account_truncating(id)
        }

        /// The crowdloan whose stored call is being dispatched by `finalize`, for the call to
        /// know which funds (and contributors) it acts on; subnet leasing relies on this.
        /// Outside that dispatch, or if the crowdloan is missing: `InvalidCrowdloanId`.
        pub fn current_crowdloan() -> Result<(u32, CrowdloanInfoOf<T>), DispatchError> {
            let id = CurrentCrowdloanId::<T>::get().ok_or(Error::<T>::InvalidCrowdloanId)?;
            let info = Crowdloans::<T>::get(id).ok_or(Error::<T>::InvalidCrowdloanId)?;
            Ok((id, info))
        }

        /// Every contributor of crowdloan `id` with its contribution (the creator included), in
        /// storage order; at most `MaxContributors` entries. Lets a stored call share out what
        /// it obtains with the funds (e.g. lease shares).
        pub fn contributions(id: u32) -> Vec<(T::AccountId, u64)> {
            Contributions::<T>::iter_prefix(id).collect()
        }

        /// TAO currently held in funds accounts on behalf of contributors (the `raised` of all
        /// crowdloans not yet finalized), for issuance accounting in the runtime.
        pub fn total_held() -> u64 {
            Crowdloans::<T>::iter_values()
                .filter(|info| !info.finalized)
                .fold(0u64, |acc, info| acc.saturating_add(info.raised))
        }

        /// Checks the accounting: each unfinalized funds account holds exactly `raised` (and is
        /// kept alive) and its stored call is available, contributions sum to `raised` and number `contributors_count`, the
        /// creator never holds less than the deposit, no contribution or cap outlives its
        /// crowdloan, and no stored call is being dispatched.
        pub fn check_invariants() -> Result<(), &'static str> {
            let next = NextCrowdloanId::<T>::get();
            for (id, info) in Crowdloans::<T>::iter() {
                if id >= next {
                    return Err("crowdloan id not below NextCrowdloanId");
                }
                if info.funds_account != Self::funds_account(id) {
                    return Err("stored funds account differs from the derived one");
                }
                let mut sum: u64 = 0;
                let mut count: u32 = 0;
                for (_, amount) in Contributions::<T>::iter_prefix(id) {
                    sum = sum.checked_add(amount).ok_or("contributions overflow")?;
                    count = count.checked_add(1).ok_or("contributor count overflow")?;
                    if amount == 0 {
                        return Err("zero contribution stored");
                    }
                }
                if sum != info.raised {
                    return Err("contributions do not sum to raised");
                }
                if count != info.contributors_count {
                    return Err("contributors_count differs from the contribution entries");
                }
                if count > T::MaxContributors::get() {
                    return Err("more contributors than MaxContributors");
                }
                if info.raised > info.cap {
                    return Err("raised above cap");
                }
                if info.call.is_some() == info.target_address.is_some() {
                    return Err("not exactly one of call and target address");
                }
                if !info.finalized {
                    if let Some(call) = &info.call {
                        if !T::Preimages::have(call) {
                            return Err("stored call preimage missing");
                        }
                    }
                    // At least: anyone may send TAO to a funds account, which harms nobody.
                    if T::Currency::balance(&info.funds_account) < info.raised {
                        return Err("funds account holds less than raised");
                    }
                    if frame_system::Pallet::<T>::providers(&info.funds_account).is_zero() {
                        return Err("funds account not kept alive");
                    }
                    let creator = Contributions::<T>::get(id, &info.creator).unwrap_or(0);
                    if creator < info.deposit {
                        return Err("creator holds less than the deposit");
                    }
                }
            }
            for id in Contributions::<T>::iter_keys().map(|(id, _)| id) {
                if !Crowdloans::<T>::contains_key(id) {
                    return Err("contribution to a missing crowdloan");
                }
            }
            for id in MaxContributions::<T>::iter_keys() {
                if !Crowdloans::<T>::contains_key(id) {
                    return Err("MaxContributions of a missing crowdloan");
                }
            }
            if CurrentCrowdloanId::<T>::get().is_some() {
                return Err("CurrentCrowdloanId set outside finalize");
            }
            Ok(())
        }

        /// Benchmarks of calls that only work inside `finalize` (subnet leasing): puts the chain
        /// in the state such a call sees, a fully raised crowdloan by `creator` with these
        /// contributions (the creator's is the deposit) whose stored call is being dispatched,
        /// its funds account holding `raised`. Returns the crowdloan's id.
        #[cfg(feature = "runtime-benchmarks")]
        pub fn benchmark_set_finalizing(creator: &T::AccountId, contributions: Vec<(T::AccountId, u64)>) -> u32 {
            let id = NextCrowdloanId::<T>::get();
            NextCrowdloanId::<T>::put(id.saturating_add(1));
            let raised = contributions.iter().fold(0u64, |acc, (_, amount)| acc.saturating_add(*amount));
            let deposit = contributions
                .iter()
                .find(|(who, _)| who == creator)
                .map_or(0, |(_, amount)| *amount);
            let funds_account = Self::funds_account(id);
            frame_system::Pallet::<T>::inc_providers(&funds_account);
            T::Currency::set_balance(&funds_account, raised);
            let mut count: u32 = 0;
            for (who, amount) in contributions {
                Contributions::<T>::insert(id, who, amount);
                count = count.saturating_add(1);
            }
            let call: <T as Config>::RuntimeCall = frame_system::Call::<T>::remark { remark: Vec::new() }.into();
            Crowdloans::<T>::insert(
                id,
                CrowdloanInfo {
                    creator: creator.clone(),
                    deposit,
                    min_contribution: T::AbsoluteMinimumContribution::get(),
                    end: frame_system::Pallet::<T>::block_number().saturating_add(T::MaximumBlockDuration::get()),
                    cap: raised,
                    funds_account,
                    raised,
                    target_address: None,
                    call: T::Preimages::bound(call).ok(),
                    finalized: true,
                    contributors_count: count,
                },
            );
            CurrentCrowdloanId::<T>::put(id);
            id
        }

        fn crowdloan(id: u32) -> Result<CrowdloanInfoOf<T>, DispatchError> {
            Crowdloans::<T>::get(id).ok_or_else(|| Error::<T>::InvalidCrowdloanId.into())
        }

        /// What `who` can send without being stopped by locks or holds.
        fn spendable(who: &T::AccountId) -> u64 {
            T::Currency::reducible_balance(who, Preservation::Expendable, Fortitude::Polite)
        }

        /// The common gate of the update calls: exists, not finalized, caller is the creator.
        fn updatable(origin: OriginFor<T>, id: u32) -> Result<(T::AccountId, CrowdloanInfoOf<T>), DispatchError> {
            let who = ensure_signed(origin)?;
            let info = Self::crowdloan(id)?;
            ensure!(!info.finalized, Error::<T>::AlreadyFinalized);
            ensure!(who == info.creator, Error::<T>::InvalidOrigin);
            Ok((who, info))
        }

        fn ensure_valid_end(end: BlockNumberFor<T>) -> DispatchResult {
            let now = frame_system::Pallet::<T>::block_number();
            ensure!(now < end, Error::<T>::CannotEndInPast);
            let duration = end.saturating_sub(now);
            ensure!(duration >= T::MinimumBlockDuration::get(), Error::<T>::BlockDurationTooShort);
            ensure!(duration <= T::MaximumBlockDuration::get(), Error::<T>::BlockDurationTooLong);
            Ok(())
        }

        /// Stores a call inline or as a preimage. Noting a preimage that is already requested
        /// does not count a new request, so one is added here: two crowdloans with the same
        /// long call must each keep it alive until their own finalize or dissolve.
        fn bound_call(call: <T as Config>::RuntimeCall) -> Result<BoundedCallOf<T>, DispatchError> {
            let encoded = call.encode();
            if encoded.len() <= 128 {
                return T::Preimages::bound(call);
            }
            let hash = T::Hashing::hash(&encoded);
            let already = T::Preimages::is_requested(&hash);
            let len = u32::try_from(encoded.len()).map_err(|_| DispatchError::Exhausted)?;
            let noted = T::Preimages::note(encoded.into())?;
            if already {
                T::Preimages::request(&noted);
            }
            Ok(Bounded::Lookup { hash: noted, len })
        }
    }
}
