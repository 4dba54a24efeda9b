//! # AdminUtils
//!
//! Hyperparameter setters with upstream's names and arguments (`economics.md` §7.4,
//! `client-compat.md` §2.4): root may set everything; a subnet's owner may set the
//! owner-settable ones, at most once per `OwnerHyperparamRateLimit` tempos per parameter, and
//! nobody may change a subnet's hyperparameters in the `AdminFreezeWindow` blocks before its
//! next epoch. Every value is range-checked with a named error. The values live in
//! SubtensorModule's storage.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::WeightInfo;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use pallet_subtensor::{self as subtensor, NetUid, TaoBalance, ROOT_NETUID};
    use substrate_fixed::types::U64F64;

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
    }

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
            let limit = u64::from(subtensor::OwnerHyperparamRateLimit::<T>::get())
                .saturating_mul(u64::from(subtensor::Tempo::<T>::get(netuid)));
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
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        #[pallet::call_index(2)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_tx_rate_limit(origin: OriginFor<T>, tx_rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::TxRateLimit::<T>::put(tx_rate_limit);
            Ok(())
        }

        #[pallet::call_index(3)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
        pub fn sudo_set_immunity_period(origin: OriginFor<T>, netuid: NetUid, immunity_period: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::ImmunityPeriod)?;
            subtensor::ImmunityPeriod::<T>::insert(netuid, immunity_period);
            Self::record(owner, netuid, Hyperparameter::ImmunityPeriod);
            Ok(())
        }

        #[pallet::call_index(14)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
        pub fn sudo_set_kappa(origin: OriginFor<T>, netuid: NetUid, kappa: u16) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            subtensor::Kappa::<T>::insert(netuid, kappa);
            Ok(())
        }

        #[pallet::call_index(19)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_network_rate_limit(origin: OriginFor<T>, rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkRateLimit::<T>::put(rate_limit);
            Ok(())
        }

        /// Root sets any tempo (no bounds) and restarts the epoch clock.
        #[pallet::call_index(30)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
        pub fn sudo_set_tempo(origin: OriginFor<T>, netuid: NetUid, tempo: u16) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            Self::ensure_not_frozen(netuid)?;
            subtensor::Pallet::<T>::restart_tempo(netuid, tempo, subtensor::Pallet::<T>::current_block());
            Ok(())
        }

        #[pallet::call_index(36)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_network_min_lock_cost(origin: OriginFor<T>, lock_cost: TaoBalance) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkMinLockCost::<T>::put(lock_cost);
            Ok(())
        }

        #[pallet::call_index(37)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_subnet_limit(origin: OriginFor<T>, max_subnets: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::SubnetLimit::<T>::put(max_subnets);
            Ok(())
        }

        #[pallet::call_index(38)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_lock_reduction_interval(origin: OriginFor<T>, interval: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::NetworkLockReductionInterval::<T>::put(interval);
            Ok(())
        }

        #[pallet::call_index(49)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_admin_freeze_window(origin: OriginFor<T>, window: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::AdminFreezeWindow::<T>::put(window);
            Ok(())
        }

        #[pallet::call_index(75)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_owner_hparam_rate_limit(origin: OriginFor<T>, epochs: u16) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::OwnerHyperparamRateLimit::<T>::put(epochs);
            Ok(())
        }

        #[pallet::call_index(85)]
        #[pallet::weight(<T as Config>::WeightInfo::set_global())]
        pub fn sudo_set_start_call_delay(origin: OriginFor<T>, delay: u64) -> DispatchResult {
            ensure_root(origin)?;
            subtensor::StartCallDelay::<T>::put(delay);
            Ok(())
        }

        #[pallet::call_index(89)]
        #[pallet::weight(<T as Config>::WeightInfo::set_burn_half_life())]
        pub fn sudo_set_burn_half_life(origin: OriginFor<T>, netuid: NetUid, burn_half_life: u16) -> DispatchResult {
            let owner = Self::owner_or_root_setter(origin, netuid, Hyperparameter::BurnHalfLife)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            ensure!((1..=36_100).contains(&burn_half_life), Error::<T>::InvalidBurnHalfLife);
            subtensor::Pallet::<T>::set_burn_half_life(netuid, burn_half_life);
            Self::record(owner, netuid, Hyperparameter::BurnHalfLife);
            Ok(())
        }

        #[pallet::call_index(90)]
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
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
        #[pallet::weight(<T as Config>::WeightInfo::set_subnet())]
        pub fn sudo_set_subnet_emission_enabled(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            ensure_root(origin)?;
            Self::ensure_subnet(netuid)?;
            ensure!(netuid != ROOT_NETUID, Error::<T>::NotPermittedOnRootSubnet);
            subtensor::SubnetEmissionEnabled::<T>::insert(netuid, enabled);
            Ok(())
        }
    }
}
