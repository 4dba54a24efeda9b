//! # AdminUtils
//!
//! Hyperparameter setters with upstream's names and arguments (`economics.md` §7.4,
//! `client-compat.md` §2.4): root may set everything; a subnet's owner may set the
//! owner-settable ones, at most once per `OwnerHyperparamRateLimit` tempos per parameter, and
//! nobody may change a subnet's hyperparameters in the `AdminFreezeWindow` blocks before its
//! next epoch. Every value is range-checked with a named error. The values live in
//! SubtensorModule's storage.

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

/// Removes this pallet's state of a dissolved subnet (its owner rate-limit records), found
/// from the storage declarations as the subtensor pallet finds its own.
pub struct RemoveSubnetState<T>(core::marker::PhantomData<T>);
impl<T: Config> pallet_subtensor::subnet_storage::OnSubnetRemoved for RemoveSubnetState<T> {
    fn on_subnet_removed(netuid: u16) {
        pallet_subtensor::subnet_storage::remove_subnet_keys(&Pallet::<T>::storage_metadata(), netuid);
    }
}

/// The lowest liquid-alpha bound: ⌊65535 / 40⌋, as upstream.
pub const MIN_ALPHA_VALUE: u16 = 1_638;

#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::WeightInfo;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use pallet_subtensor::{self as subtensor, NetUid, TaoBalance, ROOT_NETUID};
    use substrate_fixed::types::{I96F32, U64F64};

    /// Which hyperparameter an owner changed, for the per-parameter rate limit.
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
    pub enum Hyperparameter {
        CommitRevealWeightsEnabled,
        ServingRateLimit,
        ImmunityPeriod,
        MinAllowedWeights,
        MaxAllowedUids,
        MinBurn,
        MaxBurn,
        BurnHalfLife,
        BurnIncreaseMult,
        MaxDifficulty,
        WeightsVersionKey,
        AdjustmentAlpha,
        Rho,
        ActivityCutoff,
        BondsMovingAverage,
        LiquidAlphaEnabled,
        AlphaValues,
        RevealPeriodEpochs,
        BondsPenalty,
        TransferToggle,
        AlphaSigmoidSteepness,
        Yuma3Enabled,
        BondsResetEnabled,
        ImmuneOwnerUidsLimit,
        MechanismCount,
        MechanismEmissionSplit,
        RecycleOrBurn,
        MinChildkeyTake,
    }

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config + pallet_subtensor::Config {
        type WeightInfo: WeightInfo;
    }

    /// The block of an owner's last change of a hyperparameter on a subnet.
    #[pallet::storage]
    pub type LastOwnerUpdate<T> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, Hyperparameter, u64, ValueQuery>;

    #[pallet::error]
    pub enum Error<T> {
        /// The subnet does not exist.
        SubnetDoesNotExist,
        /// The caller is neither root nor the subnet's owner.
        BadOrigin,
        /// Not allowed on the root network.
        NotPermittedOnRootSubnet,
        /// The subnet's epoch is too close: hyperparameters are frozen.
        AdminActionProhibitedDuringWeightsWindow,
        /// The owner changed this hyperparameter too recently.
        TxRateLimitExceeded,
        /// Validators cannot outnumber uids.
        MaxValidatorsLargerThanMaxUids,
        /// Below the current number of uids, the minimum, or above 256.
        MaxAllowedUidsNotAllowed,
        /// The minimum burn must be below 1 TAO and below the maximum.
        ValueNotInBounds,
        /// The half-life must be 1..=36 100 blocks.
        InvalidBurnHalfLife,
        /// The multiplier must be between 1 and 3.
        InvalidBurnIncreaseMult,
        /// Proof-of-work registration no longer exists.
        POWRegistrationDisabled,
        /// This call is deprecated and does nothing.
        Deprecated,
        /// The activity cutoff is below `MinActivityCutoff`.
        ActivityCutoffTooLow,
        /// The reveal period must be 1..=100 epochs.
        RevealPeriodOutOfBounds,
        /// Only root may set a negative sigmoid steepness.
        NegativeSigmoidSteepness,
        /// The owner's immune uids must number 1..=10.
        InvalidImmuneNeuronLimit,
        /// The mechanism count must be 1..=MaxMechanismCount, and that at most 16.
        InvalidMechanismCount,
        /// The split needs one share per mechanism summing to 65 535.
        InvalidMechanismEmissionSplit,
        /// The value is out of range (a subnet's minimum childkey take outside
        /// [MinChildkeyTake, MaxChildkeyTake]).
        InvalidValue,
        /// The minimum must not exceed the maximum or the current number of uids.
        MinAllowedUidsNotAllowed,
        /// At least one epoch must be allowed per block.
        InvalidMaxEpochsPerBlock,
        /// The owner hotkey was changed too recently.
        OwnerHotkeyRateLimitExceeded,
    }

    /// The block of the last change of a subnet's owner hotkey (one per 50 400 blocks).
    #[pallet::storage]
    pub type LastOwnerHotkeyChange<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    /// Blocks between two changes of a subnet's owner hotkey.
    pub const OWNER_HOTKEY_RATE_LIMIT: u64 = 50_400;

    /// The largest subnet allowed.
    pub const MAX_UIDS: u16 = 256;
    /// A minimum burn must stay below this.
    pub const MIN_BURN_UPPER_BOUND: TaoBalance = 1_000_000_000;
    /// A maximum burn must stay above this.
    pub const MAX_BURN_LOWER_BOUND: TaoBalance = 100_000_000;

    impl<T: Config> Pallet<T> {
        fn ensure_subnet(netuid: NetUid) -> DispatchResult {
            ensure!(subtensor::NetworksAdded::<T>::get(netuid), Error::<T>::SubnetDoesNotExist);
            Ok(())
        }

        fn ensure_not_frozen(netuid: NetUid) -> DispatchResult {
            let now = subtensor::Pallet::<T>::current_block();
            ensure!(
                !subtensor::Pallet::<T>::in_freeze_window(netuid, now),
                Error::<T>::AdminActionProhibitedDuringWeightsWindow
            );
            Ok(())
        }

        /// Root, or the subnet's owner within the per-parameter rate limit. Returns whether
        /// the caller is the owner (whose change must then be recorded).
        fn ensure_root_or_owner(
            origin: OriginFor<T>,
            netuid: NetUid,
            param: Hyperparameter,
        ) -> Result<bool, DispatchError> {
            if ensure_root(origin.clone()).is_ok() {
                return Ok(false);
            }
            let who = ensure_signed(origin).map_err(|_| Error::<T>::BadOrigin)?;
            ensure!(subtensor::SubnetOwner::<T>::get(netuid) == who, Error::<T>::BadOrigin);
            let now = subtensor::Pallet::<T>::current_block();
            let last = LastOwnerUpdate::<T>::get(netuid, param);
            let tempos = match param {
                Hyperparameter::WeightsVersionKey => subtensor::WeightsVersionKeyRateLimit::<T>::get(),
                _ => u64::from(subtensor::OwnerHyperparamRateLimit::<T>::get()),
            };
            let limit = tempos.saturating_mul(u64::from(subtensor::Tempo::<T>::get(netuid)));
            ensure!(last == 0 || now.saturating_sub(last) >= limit, Error::<T>::TxRateLimitExceeded);
            Ok(true)
        }

        fn record(is_owner: bool, netuid: NetUid, param: Hyperparameter) {
            if is_owner {
                LastOwnerUpdate::<T>::insert(netuid, param, subtensor::Pallet::<T>::current_block());
            }
        }

        /// The checks every owner-or-root subnet setter makes, in order.
        fn owner_or_root_setter(origin: OriginFor<T>, netuid: NetUid, param: Hyperparameter) -> Result<bool, DispatchError> {
            let is_owner = Self::ensure_root_or_owner(origin, netuid, param)?;
            Self::ensure_subnet(netuid)?;
            Self::ensure_not_frozen(netuid)?;
            Ok(is_owner)
        }

        /// Root, or the subnet's owner without a rate limit; the subnet exists and is not frozen.
        fn owner_or_root_unlimited(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
            if ensure_root(origin.clone()).is_err() {
                let who = ensure_signed(origin).map_err(|_| Error::<T>::BadOrigin)?;
                ensure!(subtensor::SubnetOwner::<T>::get(netuid) == who, Error::<T>::BadOrigin);
            }
            Self::ensure_subnet(netuid)?;
            Self::ensure_not_frozen(netuid)
        }

        /// Root only, on an existing subnet, optionally outside the freeze window.
        fn root_setter(origin: OriginFor<T>, netuid: NetUid, check_freeze: bool) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            if check_freeze {
                Self::ensure_not_frozen(netuid)?;
            }
            Ok(())
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_tx_rate_limit())]
        pub fn sudo_set_tx_rate_limit(origin: OriginFor<T>, tx_rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::TxRateLimit::<T>::put(tx_rate_limit);
            Ok(())
        }

        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_serving_rate_limit())]
        pub fn sudo_set_serving_rate_limit(
            origin: OriginFor<T>,
            netuid: NetUid,
            serving_rate_limit: u64,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::ServingRateLimit)?;
            subtensor::ServingRateLimit::<T>::insert(netuid, serving_rate_limit);
            Self::record(owner, netuid, Hyperparameter::ServingRateLimit);
            Ok(())
        }

        #[pallet::call_index(7)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_weights_set_rate_limit())]
        pub fn sudo_set_weights_set_rate_limit(
            origin: OriginFor<T>,
            netuid: NetUid,
            weights_set_rate_limit: u64,
        ) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            subtensor::WeightsSetRateLimit::<T>::insert(netuid, weights_set_rate_limit);
            Ok(())
        }

        #[pallet::call_index(13)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_immunity_period())]
        pub fn sudo_set_immunity_period(origin: OriginFor<T>, netuid: NetUid, immunity_period: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::ImmunityPeriod)?;
            subtensor::ImmunityPeriod::<T>::insert(netuid, immunity_period);
            Self::record(owner, netuid, Hyperparameter::ImmunityPeriod);
            Ok(())
        }

        #[pallet::call_index(14)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_allowed_weights())]
        pub fn sudo_set_min_allowed_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            min_allowed_weights: u16,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MinAllowedWeights)?;
            subtensor::MinAllowedWeights::<T>::insert(netuid, min_allowed_weights);
            Self::record(owner, netuid, Hyperparameter::MinAllowedWeights);
            Ok(())
        }

        #[pallet::call_index(15)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_allowed_uids())]
        pub fn sudo_set_max_allowed_uids(origin: OriginFor<T>, netuid: NetUid, max_allowed_uids: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MaxAllowedUids)?;
            ensure!(
                max_allowed_uids >= subtensor::SubnetworkN::<T>::get(netuid)
                    && max_allowed_uids >= subtensor::MinAllowedUids::<T>::get(netuid)
                    && max_allowed_uids <= MAX_UIDS,
                Error::<T>::MaxAllowedUidsNotAllowed
            );
            subtensor::MaxAllowedUids::<T>::insert(netuid, max_allowed_uids);
            Self::record(owner, netuid, Hyperparameter::MaxAllowedUids);
            Ok(())
        }

        #[pallet::call_index(16)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_kappa())]
        pub fn sudo_set_kappa(origin: OriginFor<T>, netuid: NetUid, kappa: u16) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            subtensor::Kappa::<T>::insert(netuid, kappa);
            Ok(())
        }

        #[pallet::call_index(19)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_registration_allowed())]
        pub fn sudo_set_network_registration_allowed(
            origin: OriginFor<T>,
            netuid: NetUid,
            registration_allowed: bool,
        ) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            subtensor::NetworkRegistrationAllowed::<T>::insert(netuid, registration_allowed);
            Ok(())
        }

        #[pallet::call_index(22)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_burn())]
        pub fn sudo_set_min_burn(origin: OriginFor<T>, netuid: NetUid, min_burn: TaoBalance) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MinBurn)?;
            ensure!(
                min_burn < MIN_BURN_UPPER_BOUND && min_burn < subtensor::MaxBurn::<T>::get(netuid),
                Error::<T>::ValueNotInBounds
            );
            subtensor::MinBurn::<T>::insert(netuid, min_burn);
            Self::record(owner, netuid, Hyperparameter::MinBurn);
            Ok(())
        }

        #[pallet::call_index(23)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_burn())]
        pub fn sudo_set_max_burn(origin: OriginFor<T>, netuid: NetUid, max_burn: TaoBalance) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MaxBurn)?;
            ensure!(
                max_burn > MAX_BURN_LOWER_BOUND && max_burn > subtensor::MinBurn::<T>::get(netuid),
                Error::<T>::ValueNotInBounds
            );
            subtensor::MaxBurn::<T>::insert(netuid, max_burn);
            Self::record(owner, netuid, Hyperparameter::MaxBurn);
            Ok(())
        }

        #[pallet::call_index(25)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_allowed_validators())]
        pub fn sudo_set_max_allowed_validators(
            origin: OriginFor<T>,
            netuid: NetUid,
            max_allowed_validators: u16,
        ) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            Self::ensure_not_frozen(netuid)?;
            ensure!(
                max_allowed_validators <= subtensor::MaxAllowedUids::<T>::get(netuid),
                Error::<T>::MaxValidatorsLargerThanMaxUids
            );
            subtensor::MaxAllowedValidators::<T>::insert(netuid, max_allowed_validators);
            Ok(())
        }

        #[pallet::call_index(29)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_rate_limit())]
        pub fn sudo_set_network_rate_limit(origin: OriginFor<T>, rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkRateLimit::<T>::put(rate_limit);
            Ok(())
        }

        /// Root sets any tempo (no bounds) and restarts the epoch clock.
        #[pallet::call_index(30)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_tempo())]
        pub fn sudo_set_tempo(origin: OriginFor<T>, netuid: NetUid, tempo: u16) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            Self::ensure_not_frozen(netuid)?;
            subtensor::Pallet::<T>::restart_tempo(netuid, tempo, subtensor::Pallet::<T>::current_block());
            Ok(())
        }

        #[pallet::call_index(36)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_min_lock_cost())]
        pub fn sudo_set_network_min_lock_cost(origin: OriginFor<T>, lock_cost: TaoBalance) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkMinLockCost::<T>::put(lock_cost);
            Ok(())
        }

        #[pallet::call_index(37)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_limit())]
        pub fn sudo_set_subnet_limit(origin: OriginFor<T>, max_subnets: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::SubnetLimit::<T>::put(max_subnets);
            Ok(())
        }

        #[pallet::call_index(38)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_lock_reduction_interval())]
        pub fn sudo_set_lock_reduction_interval(origin: OriginFor<T>, interval: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkLockReductionInterval::<T>::put(interval);
            Ok(())
        }

        #[pallet::call_index(49)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_commit_reveal_weights_enabled())]
        pub fn sudo_set_commit_reveal_weights_enabled(
            origin: OriginFor<T>,
            netuid: NetUid,
            enabled: bool,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::CommitRevealWeightsEnabled)?;
            subtensor::CommitRevealWeightsEnabled::<T>::insert(netuid, enabled);
            Self::record(owner, netuid, Hyperparameter::CommitRevealWeightsEnabled);
            Ok(())
        }

        #[pallet::call_index(74)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_admin_freeze_window())]
        pub fn sudo_set_admin_freeze_window(origin: OriginFor<T>, window: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::AdminFreezeWindow::<T>::put(window);
            Ok(())
        }

        #[pallet::call_index(75)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_hparam_rate_limit())]
        pub fn sudo_set_owner_hparam_rate_limit(origin: OriginFor<T>, epochs: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::OwnerHyperparamRateLimit::<T>::put(epochs);
            Ok(())
        }

        #[pallet::call_index(85)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_start_call_delay())]
        pub fn sudo_set_start_call_delay(origin: OriginFor<T>, delay: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::StartCallDelay::<T>::put(delay);
            Ok(())
        }

        #[pallet::call_index(89)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_burn_half_life())]
        pub fn sudo_set_burn_half_life(origin: OriginFor<T>, netuid: NetUid, burn_half_life: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BurnHalfLife)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            ensure!((1..=36_100).contains(&burn_half_life), Error::<T>::InvalidBurnHalfLife);
            subtensor::Pallet::<T>::set_burn_half_life(netuid, burn_half_life);
            Self::record(owner, netuid, Hyperparameter::BurnHalfLife);
            Ok(())
        }

        #[pallet::call_index(90)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_burn_increase_mult())]
        pub fn sudo_set_burn_increase_mult(
            origin: OriginFor<T>,
            netuid: NetUid,
            burn_increase_mult: U64F64,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BurnIncreaseMult)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            ensure!(
                burn_increase_mult >= U64F64::from_num(1) && burn_increase_mult <= U64F64::from_num(3),
                Error::<T>::InvalidBurnIncreaseMult
            );
            subtensor::BurnIncreaseMult::<T>::insert(netuid, burn_increase_mult);
            Self::record(owner, netuid, Hyperparameter::BurnIncreaseMult);
            Ok(())
        }

        #[pallet::call_index(94)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_emission_enabled())]
        pub fn sudo_set_subnet_emission_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            subtensor::SubnetEmissionEnabled::<T>::insert(netuid, enabled);
            Ok(())
        }

        /// Sets the maximum delegate take (`MaxDelegateTake`).
        #[pallet::call_index(1)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_default_take())]
        pub fn sudo_set_default_take(origin: OriginFor<T>, default_take: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::MaxDelegateTake::<T>::put(default_take);
            Ok(())
        }

        #[pallet::call_index(4)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_difficulty())]
        pub fn sudo_set_min_difficulty(origin: OriginFor<T>, netuid: NetUid, min_difficulty: u64) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            subtensor::MinDifficulty::<T>::insert(netuid, min_difficulty);
            Ok(())
        }

        #[pallet::call_index(5)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_difficulty())]
        pub fn sudo_set_max_difficulty(origin: OriginFor<T>, netuid: NetUid, max_difficulty: u64) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MaxDifficulty)?;
            subtensor::MaxDifficulty::<T>::insert(netuid, max_difficulty);
            Self::record(owner, netuid, Hyperparameter::MaxDifficulty);
            Ok(())
        }

        /// The owner may change it once per `WeightsVersionKeyRateLimit` tempos.
        #[pallet::call_index(6)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_weights_version_key())]
        pub fn sudo_set_weights_version_key(
            origin: OriginFor<T>,
            netuid: NetUid,
            weights_version_key: u64,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::WeightsVersionKey)?;
            subtensor::WeightsVersionKey::<T>::insert(netuid, weights_version_key);
            Self::record(owner, netuid, Hyperparameter::WeightsVersionKey);
            Ok(())
        }

        /// Legacy: stored for the clients, unused by the burn.
        #[pallet::call_index(8)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_adjustment_interval())]
        pub fn sudo_set_adjustment_interval(
            origin: OriginFor<T>,
            netuid: NetUid,
            adjustment_interval: u16,
        ) -> DispatchResult {
            Self::root_setter(origin, netuid, false)?;
            subtensor::AdjustmentInterval::<T>::insert(netuid, adjustment_interval);
            Ok(())
        }

        /// Legacy: stored for the clients, unused by the burn.
        #[pallet::call_index(9)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_adjustment_alpha())]
        pub fn sudo_set_adjustment_alpha(origin: OriginFor<T>, netuid: NetUid, adjustment_alpha: u64) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::AdjustmentAlpha)?;
            subtensor::AdjustmentAlpha::<T>::insert(netuid, adjustment_alpha);
            Self::record(owner, netuid, Hyperparameter::AdjustmentAlpha);
            Ok(())
        }

        #[pallet::call_index(17)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_rho())]
        pub fn sudo_set_rho(origin: OriginFor<T>, netuid: NetUid, rho: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::Rho)?;
            subtensor::Rho::<T>::insert(netuid, rho);
            Self::record(owner, netuid, Hyperparameter::Rho);
            Ok(())
        }

        #[pallet::call_index(18)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_activity_cutoff())]
        pub fn sudo_set_activity_cutoff(origin: OriginFor<T>, netuid: NetUid, activity_cutoff: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::ActivityCutoff)?;
            ensure!(activity_cutoff >= subtensor::MinActivityCutoff::<T>::get(), Error::<T>::ActivityCutoffTooLow);
            subtensor::ActivityCutoff::<T>::insert(netuid, activity_cutoff);
            Self::record(owner, netuid, Hyperparameter::ActivityCutoff);
            Ok(())
        }

        /// Always fails: proof-of-work registration no longer exists.
        #[pallet::call_index(20)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_pow_registration_allowed())]
        pub fn sudo_set_network_pow_registration_allowed(
            _origin: OriginFor<T>,
            _netuid: NetUid,
            _registration_allowed: bool,
        ) -> DispatchResult {
            Err(Error::<T>::POWRegistrationDisabled.into())
        }

        /// Legacy: used only for root admission.
        #[pallet::call_index(21)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_target_registrations_per_interval())]
        pub fn sudo_set_target_registrations_per_interval(
            origin: OriginFor<T>,
            netuid: NetUid,
            target_registrations_per_interval: u16,
        ) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            subtensor::TargetRegistrationsPerInterval::<T>::insert(netuid, target_registrations_per_interval);
            Ok(())
        }

        #[pallet::call_index(24)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_difficulty())]
        pub fn sudo_set_difficulty(origin: OriginFor<T>, netuid: NetUid, difficulty: u64) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            subtensor::Difficulty::<T>::insert(netuid, difficulty);
            Ok(())
        }

        #[pallet::call_index(26)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_moving_average())]
        pub fn sudo_set_bonds_moving_average(
            origin: OriginFor<T>,
            netuid: NetUid,
            bonds_moving_average: u64,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BondsMovingAverage)?;
            subtensor::BondsMovingAverage::<T>::insert(netuid, bonds_moving_average);
            Self::record(owner, netuid, Hyperparameter::BondsMovingAverage);
            Ok(())
        }

        /// Enforced on root only, as upstream.
        #[pallet::call_index(27)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_registrations_per_block())]
        pub fn sudo_set_max_registrations_per_block(
            origin: OriginFor<T>,
            netuid: NetUid,
            max_registrations_per_block: u16,
        ) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            subtensor::MaxRegistrationsPerBlock::<T>::insert(netuid, max_registrations_per_block);
            Ok(())
        }

        #[pallet::call_index(28)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_owner_cut())]
        pub fn sudo_set_subnet_owner_cut(origin: OriginFor<T>, subnet_owner_cut: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::SubnetOwnerCut::<T>::put(subnet_owner_cut);
            Ok(())
        }

        /// Always fails: issuance follows the balances pallet.
        #[pallet::call_index(33)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_total_issuance())]
        pub fn sudo_set_total_issuance(_origin: OriginFor<T>, _total_issuance: TaoBalance) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }

        #[pallet::call_index(35)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_network_immunity_period())]
        pub fn sudo_set_network_immunity_period(origin: OriginFor<T>, immunity_period: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkImmunityPeriod::<T>::put(immunity_period);
            Ok(())
        }

        #[pallet::call_index(39)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_rao_recycled())]
        pub fn sudo_set_rao_recycled(origin: OriginFor<T>, netuid: NetUid, rao_recycled: TaoBalance) -> DispatchResult {
            Self::root_setter(origin, netuid, false)?;
            subtensor::RAORecycledForRegistration::<T>::insert(netuid, rao_recycled);
            Ok(())
        }

        #[pallet::call_index(42)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_stake_threshold())]
        pub fn sudo_set_stake_threshold(origin: OriginFor<T>, min_stake: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::Pallet::<T>::set_stake_threshold(min_stake);
            Ok(())
        }

        #[pallet::call_index(43)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_nominator_min_required_stake())]
        pub fn sudo_set_nominator_min_required_stake(origin: OriginFor<T>, min_stake: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::Pallet::<T>::set_nominator_min_required_stake(min_stake);
            Ok(())
        }

        #[pallet::call_index(45)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_tx_delegate_take_rate_limit())]
        pub fn sudo_set_tx_delegate_take_rate_limit(origin: OriginFor<T>, tx_rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::TxDelegateTakeRateLimit::<T>::put(tx_rate_limit);
            Ok(())
        }

        #[pallet::call_index(46)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_delegate_take())]
        pub fn sudo_set_min_delegate_take(origin: OriginFor<T>, take: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::MinDelegateTake::<T>::put(take);
            Ok(())
        }

        #[pallet::call_index(50)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_liquid_alpha_enabled())]
        pub fn sudo_set_liquid_alpha_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::LiquidAlphaEnabled)?;
            subtensor::LiquidAlphaOn::<T>::insert(netuid, enabled);
            Self::record(owner, netuid, Hyperparameter::LiquidAlphaEnabled);
            Ok(())
        }

        #[pallet::call_index(51)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_alpha_values())]
        pub fn sudo_set_alpha_values(origin: OriginFor<T>, netuid: NetUid, alpha_low: u16, alpha_high: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::AlphaValues)?;
            // Upstream's order and errors (`staking-2.md` §8.2).
            ensure!(subtensor::LiquidAlphaOn::<T>::get(netuid), subtensor::Error::<T>::LiquidAlphaDisabled);
            ensure!(alpha_high >= crate::MIN_ALPHA_VALUE, subtensor::Error::<T>::AlphaHighTooLow);
            ensure!(
                (crate::MIN_ALPHA_VALUE..=alpha_high).contains(&alpha_low),
                subtensor::Error::<T>::AlphaLowOutOfRange
            );
            subtensor::AlphaValues::<T>::insert(netuid, (alpha_low, alpha_high));
            Self::record(owner, netuid, Hyperparameter::AlphaValues);
            Ok(())
        }

        /// Epochs a weight commit waits before it can be revealed (1..=100).
        #[pallet::call_index(57)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_commit_reveal_weights_interval())]
        pub fn sudo_set_commit_reveal_weights_interval(origin: OriginFor<T>, netuid: NetUid, interval: u64) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::RevealPeriodEpochs)?;
            ensure!((1..=100).contains(&interval), Error::<T>::RevealPeriodOutOfBounds);
            subtensor::RevealPeriodEpochs::<T>::insert(netuid, interval);
            Self::record(owner, netuid, Hyperparameter::RevealPeriodEpochs);
            Ok(())
        }

        #[pallet::call_index(60)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_penalty())]
        pub fn sudo_set_bonds_penalty(origin: OriginFor<T>, netuid: NetUid, bonds_penalty: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BondsPenalty)?;
            subtensor::BondsPenalty::<T>::insert(netuid, bonds_penalty);
            Self::record(owner, netuid, Hyperparameter::BondsPenalty);
            Ok(())
        }

        /// Whether `transfer_stake` may move this subnet's stake to another coldkey.
        #[pallet::call_index(61)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_toggle_transfer())]
        pub fn sudo_set_toggle_transfer(origin: OriginFor<T>, netuid: NetUid, toggle: bool) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::TransferToggle)?;
            subtensor::TransferToggle::<T>::insert(netuid, toggle);
            Self::record(owner, netuid, Hyperparameter::TransferToggle);
            Ok(())
        }

        /// The global EMA factor of subnet moving prices.
        #[pallet::call_index(63)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_moving_alpha())]
        pub fn sudo_set_subnet_moving_alpha(origin: OriginFor<T>, alpha: I96F32) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::SubnetMovingAlpha::<T>::put(alpha);
            Ok(())
        }

        #[pallet::call_index(64)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subnet_owner_hotkey())]
        pub fn sudo_set_subnet_owner_hotkey(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            Self::set_owner_hotkey(origin, netuid, hotkey)
        }

        #[pallet::call_index(65)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_ema_price_halving_period())]
        pub fn sudo_set_ema_price_halving_period(origin: OriginFor<T>, netuid: NetUid, ema_halving: u64) -> DispatchResult {
            Self::root_setter(origin, netuid, false)?;
            subtensor::EMAPriceHalvingBlocks::<T>::insert(netuid, ema_halving);
            Ok(())
        }

        #[pallet::call_index(66)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_subtoken_enabled())]
        pub fn sudo_set_subtoken_enabled(origin: OriginFor<T>, netuid: NetUid, subtoken_enabled: bool) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            subtensor::SubtokenEnabled::<T>::insert(netuid, subtoken_enabled);
            Ok(())
        }

        #[pallet::call_index(67)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_sn_owner_hotkey())]
        pub fn sudo_set_sn_owner_hotkey(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            Self::set_owner_hotkey(origin, netuid, hotkey)
        }

        /// Negative steepness (inverted liquid alpha) is root's alone.
        #[pallet::call_index(68)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_alpha_sigmoid_steepness())]
        pub fn sudo_set_alpha_sigmoid_steepness(origin: OriginFor<T>, netuid: NetUid, steepness: i16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::AlphaSigmoidSteepness)?;
            ensure!(!(owner && steepness < 0), Error::<T>::NegativeSigmoidSteepness);
            subtensor::AlphaSigmoidSteepness::<T>::insert(netuid, steepness);
            Self::record(owner, netuid, Hyperparameter::AlphaSigmoidSteepness);
            Ok(())
        }

        #[pallet::call_index(69)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_yuma3_enabled())]
        pub fn sudo_set_yuma3_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::Yuma3Enabled)?;
            subtensor::Yuma3On::<T>::insert(netuid, enabled);
            Self::record(owner, netuid, Hyperparameter::Yuma3Enabled);
            Ok(())
        }

        #[pallet::call_index(70)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_bonds_reset_enabled())]
        pub fn sudo_set_bonds_reset_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BondsResetEnabled)?;
            subtensor::BondsResetOn::<T>::insert(netuid, enabled);
            Self::record(owner, netuid, Hyperparameter::BondsResetEnabled);
            Ok(())
        }

        #[pallet::call_index(71)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_commit_reveal_version())]
        pub fn sudo_set_commit_reveal_version(origin: OriginFor<T>, version: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::CommitRevealWeightsVersion::<T>::put(version);
            Ok(())
        }

        #[pallet::call_index(72)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_immune_neuron_limit())]
        pub fn sudo_set_owner_immune_neuron_limit(origin: OriginFor<T>, netuid: NetUid, immune_neurons: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::ImmuneOwnerUidsLimit)?;
            ensure!((1..=10).contains(&immune_neurons), Error::<T>::InvalidImmuneNeuronLimit);
            subtensor::ImmuneOwnerUidsLimit::<T>::insert(netuid, immune_neurons);
            Self::record(owner, netuid, Hyperparameter::ImmuneOwnerUidsLimit);
            Ok(())
        }

        /// The share (of u64::MAX) of cross-coldkey parent dividends that is recycled.
        #[pallet::call_index(73)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_ck_burn())]
        pub fn sudo_set_ck_burn(origin: OriginFor<T>, burn: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::CKBurn::<T>::put(burn);
            Ok(())
        }

        #[pallet::call_index(76)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_mechanism_count())]
        pub fn sudo_set_mechanism_count(origin: OriginFor<T>, netuid: NetUid, mechanism_count: u8) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MechanismCount)?;
            ensure!(
                mechanism_count >= 1 && mechanism_count <= subtensor::MaxMechanismCount::<T>::get(),
                Error::<T>::InvalidMechanismCount
            );
            let before = subtensor::MechanismCountCurrent::<T>::get(netuid);
            subtensor::MechanismCountCurrent::<T>::insert(netuid, mechanism_count);
            // Weights, bonds and pending commits of mechanisms that no longer exist would
            // otherwise linger and come back if the count is raised again.
            if mechanism_count < before {
                subtensor::Pallet::<T>::remove_mechanisms_from(netuid, mechanism_count);
            }
            // A split for another number of mechanisms no longer applies.
            if subtensor::MechanismEmissionSplit::<T>::get(netuid).is_some_and(|s| s.len() != usize::from(mechanism_count)) {
                subtensor::MechanismEmissionSplit::<T>::remove(netuid);
            }
            Self::record(owner, netuid, Hyperparameter::MechanismCount);
            Ok(())
        }

        /// One u16 share per mechanism, summing to 65 535; `None` splits evenly.
        #[pallet::call_index(77)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_mechanism_emission_split())]
        pub fn sudo_set_mechanism_emission_split(
            origin: OriginFor<T>,
            netuid: NetUid,
            maybe_split: Option<alloc::vec::Vec<u16>>,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MechanismEmissionSplit)?;
            match maybe_split {
                Some(split) => {
                    let sum = split.iter().fold(0u32, |acc, x| acc.saturating_add(u32::from(*x)));
                    ensure!(
                        split.len() == usize::from(subtensor::MechanismCountCurrent::<T>::get(netuid))
                            && sum == u32::from(u16::MAX),
                        Error::<T>::InvalidMechanismEmissionSplit
                    );
                    subtensor::MechanismEmissionSplit::<T>::insert(netuid, split);
                },
                None => subtensor::MechanismEmissionSplit::<T>::remove(netuid),
            }
            Self::record(owner, netuid, Hyperparameter::MechanismEmissionSplit);
            Ok(())
        }

        #[pallet::call_index(79)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_allowed_uids())]
        pub fn sudo_set_min_allowed_uids(origin: OriginFor<T>, netuid: NetUid, min_allowed_uids: u16) -> DispatchResult {
            Self::root_setter(origin, netuid, true)?;
            ensure!(
                min_allowed_uids <= subtensor::MaxAllowedUids::<T>::get(netuid)
                    && min_allowed_uids <= subtensor::SubnetworkN::<T>::get(netuid),
                Error::<T>::MinAllowedUidsNotAllowed
            );
            subtensor::MinAllowedUids::<T>::insert(netuid, min_allowed_uids);
            Ok(())
        }

        #[pallet::call_index(80)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_recycle_or_burn())]
        pub fn sudo_set_recycle_or_burn(
            origin: OriginFor<T>,
            netuid: NetUid,
            recycle_or_burn: subtensor::RecycleOrBurnEnum,
        ) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::RecycleOrBurn)?;
            subtensor::RecycleOrBurn::<T>::insert(netuid, recycle_or_burn);
            Self::record(owner, netuid, Hyperparameter::RecycleOrBurn);
            Ok(())
        }

        #[pallet::call_index(84)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_non_immune_uids())]
        pub fn sudo_set_min_non_immune_uids(origin: OriginFor<T>, netuid: NetUid, min: u16) -> DispatchResult {
            Self::root_setter(origin, netuid, false)?;
            subtensor::MinNonImmuneUids::<T>::insert(netuid, min);
            Ok(())
        }

        #[pallet::call_index(88)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_mechanism_count())]
        pub fn sudo_set_max_mechanism_count(origin: OriginFor<T>, max_mechanism_count: u8) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(
                (1..=subtensor::set_weights::MAX_MECHANISMS).contains(&max_mechanism_count),
                Error::<T>::InvalidMechanismCount
            );
            subtensor::MaxMechanismCount::<T>::put(max_mechanism_count);
            Ok(())
        }

        #[pallet::call_index(92)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_cut_enabled())]
        pub fn sudo_set_owner_cut_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            Self::owner_or_root_unlimited(origin, netuid)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            subtensor::OwnerCutEnabled::<T>::insert(netuid, enabled);
            Ok(())
        }

        /// Root: blocks between a coldkey swap announcement and the swap.
        #[pallet::call_index(86)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_ck_burn())]
        pub fn sudo_set_coldkey_swap_announcement_delay(origin: OriginFor<T>, duration: u32) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::Pallet::<T>::set_coldkey_swap_announcement_delay(duration);
            Ok(())
        }

        /// Root: blocks after a swap's execution block before its announcement may be
        /// replaced or cleared.
        #[pallet::call_index(87)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_ck_burn())]
        pub fn sudo_set_coldkey_swap_reannouncement_delay(origin: OriginFor<T>, duration: u32) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::Pallet::<T>::set_coldkey_swap_reannouncement_delay(duration);
            Ok(())
        }

        #[pallet::call_index(93)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_min_childkey_take_per_subnet())]
        pub fn sudo_set_min_childkey_take_per_subnet(origin: OriginFor<T>, netuid: NetUid, take: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::MinChildkeyTake)?;
            ensure!(
                take >= subtensor::MinChildkeyTake::<T>::get() && take <= subtensor::MaxChildkeyTake::<T>::get(),
                Error::<T>::InvalidValue
            );
            subtensor::Pallet::<T>::set_min_childkey_take_per_subnet(netuid, take);
            Self::record(owner, netuid, Hyperparameter::MinChildkeyTake);
            Ok(())
        }

        #[pallet::call_index(95)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_owner_cut_auto_lock_enabled())]
        pub fn sudo_set_owner_cut_auto_lock_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            Self::owner_or_root_unlimited(origin, netuid)?;
            subtensor::OwnerCutAutoLockEnabled::<T>::insert(netuid, enabled);
            Ok(())
        }

        #[pallet::call_index(96)]
        #[pallet::weight(<T as Config>::WeightInfo::sudo_set_max_epochs_per_block())]
        pub fn sudo_set_max_epochs_per_block(origin: OriginFor<T>, max_epochs_per_block: u8) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(max_epochs_per_block >= 1, Error::<T>::InvalidMaxEpochsPerBlock);
            subtensor::MaxEpochsPerBlock::<T>::put(max_epochs_per_block);
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// Owner or root set the subnet's owner hotkey, once per `OWNER_HOTKEY_RATE_LIMIT`.
        fn set_owner_hotkey(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            Self::owner_or_root_unlimited(origin, netuid)?;
            let now = subtensor::Pallet::<T>::current_block();
            let last = LastOwnerHotkeyChange::<T>::get(netuid);
            ensure!(
                last == 0 || now.saturating_sub(last) >= OWNER_HOTKEY_RATE_LIMIT,
                Error::<T>::OwnerHotkeyRateLimitExceeded
            );
            subtensor::SubnetOwnerHotkey::<T>::insert(netuid, hotkey);
            LastOwnerHotkeyChange::<T>::insert(netuid, now);
            Ok(())
        }
    }
}
