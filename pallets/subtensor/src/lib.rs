//! # SubtensorModule
//!
//! Subnets, neuron registration with recycling, serving and hyperparameters, with the names
//! the Bittensor clients read (`economics.md` §5–§7, `client-compat.md` §2).
//!
//! The pallet is thin: this file declares configuration, storage, events, errors and calls;
//! the logic lives in one module per concern:
//! - [`subnets`]: creating and starting subnets, the lock cost, the pool seed;
//! - [`registration`]: registering neurons by burn, uids and pruning, the burn price;
//! - [`serving`]: axon and Prometheus endpoints.
//!
//! Pure math (burn decay, lock cost, median price, pool swaps) comes from
//! `tensorchain-economics` and `tensorchain-swap`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod identity;
pub mod registration;
pub mod serving;
pub mod subnets;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

/// A subnet's id. Netuid 0 is the root network.
pub type NetUid = u16;
/// TAO amounts in rao.
pub type TaoBalance = u64;
/// Alpha amounts in rao of the subnet's alpha.
pub type AlphaBalance = u64;

/// The root network.
pub const ROOT_NETUID: NetUid = 0;

// The FRAME macros expand to `expect` calls and wide call signatures; this module only
// declares. The logic lives in the modules above, where the panic lints apply in full.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use alloc::vec::Vec;
    use frame_support::{
        pallet_prelude::*,
        traits::{
            fungible::{Inspect, Mutate},
            tokens::Preservation,
        },
        PalletId,
    };
    use frame_system::pallet_prelude::*;
    use substrate_fixed::types::U64F64;

    /// Where a neuron serves requests (`economics.md` §5.5).
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub struct AxonInfo {
        pub block: u64,
        pub version: u32,
        pub ip: u128,
        pub port: u16,
        pub ip_type: u8,
        pub protocol: u8,
        pub placeholder1: u8,
        pub placeholder2: u8,
    }

    /// Where a neuron exposes metrics.
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub struct PrometheusInfo {
        pub block: u64,
        pub version: u32,
        pub ip: u128,
        pub port: u16,
        pub ip_type: u8,
    }

    /// A TLS certificate served with an axon: `[algorithm][public key ≤ 64 bytes]`.
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub struct NeuronCertificate {
        pub public_key: BoundedVec<u8, ConstU32<64>>,
        pub algorithm: u8,
    }

    /// A coldkey's public identity (`IdentitiesV2`).
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub struct ChainIdentityV2 {
        pub name: Vec<u8>,
        pub url: Vec<u8>,
        pub github_repo: Vec<u8>,
        pub image: Vec<u8>,
        pub discord: Vec<u8>,
        pub description: Vec<u8>,
        pub additional: Vec<u8>,
    }

    /// A subnet's public identity (`SubnetIdentitiesV3`).
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub struct SubnetIdentityV3 {
        pub subnet_name: Vec<u8>,
        pub github_repo: Vec<u8>,
        pub subnet_contact: Vec<u8>,
        pub subnet_url: Vec<u8>,
        pub discord: Vec<u8>,
        pub description: Vec<u8>,
        pub logo_url: Vec<u8>,
        pub additional: Vec<u8>,
    }

    #[pallet::pallet]
    #[pallet::without_storage_info]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config<AccountId = sp_core::crypto::AccountId32> {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// TAO: the balances pallet.
        type Currency: Mutate<Self::AccountId, Balance = TaoBalance>;
        /// Subnet accounts are derived from this id and the netuid.
        #[pallet::constant]
        type SubnetPalletId: Get<PalletId>;
        /// Lock cost floor for new subnets (rao).
        #[pallet::constant]
        type InitialNetworkMinLockCost: Get<TaoBalance>;
        /// Blocks over which a doubled lock cost decays back.
        #[pallet::constant]
        type InitialNetworkLockReductionInterval: Get<u64>;
        /// Blocks between two subnet registrations.
        #[pallet::constant]
        type InitialNetworkRateLimit: Get<u64>;
        /// The most subnets besides root.
        #[pallet::constant]
        type InitialSubnetLimit: Get<u16>;
        type WeightInfo: WeightInfo;
    }

    // ----- Storage: names, keys and defaults as upstream (`economics.md` §7.5). -----

    #[pallet::type_value]
    pub fn DefaultTempo() -> u16 {
        360
    }
    #[pallet::type_value]
    pub fn DefaultBurn() -> TaoBalance {
        100_000_000
    }
    #[pallet::type_value]
    pub fn DefaultMinBurn() -> TaoBalance {
        500_000
    }
    #[pallet::type_value]
    pub fn DefaultMaxBurn() -> TaoBalance {
        100_000_000_000
    }
    #[pallet::type_value]
    pub fn DefaultBurnHalfLife() -> u16 {
        360
    }
    #[pallet::type_value]
    pub fn DefaultBurnIncreaseMult() -> U64F64 {
        U64F64::from_bits(subnets::BURN_INCREASE_MULT_BITS)
    }
    #[pallet::type_value]
    pub fn DefaultTrue() -> bool {
        true
    }
    #[pallet::type_value]
    pub fn DefaultImmunityPeriod() -> u16 {
        4_096
    }
    #[pallet::type_value]
    pub fn DefaultMaxAllowedUids() -> u16 {
        256
    }
    #[pallet::type_value]
    pub fn DefaultMaxAllowedValidators() -> u16 {
        128
    }
    #[pallet::type_value]
    pub fn DefaultMinAllowedWeights() -> u16 {
        1_024
    }
    #[pallet::type_value]
    pub fn DefaultMinNonImmuneUids() -> u16 {
        10
    }
    #[pallet::type_value]
    pub fn DefaultImmuneOwnerUidsLimit() -> u16 {
        1
    }
    #[pallet::type_value]
    pub fn DefaultServingRateLimit() -> u64 {
        50
    }
    #[pallet::type_value]
    pub fn DefaultNetworkMinLockCost<T: Config>() -> TaoBalance {
        T::InitialNetworkMinLockCost::get()
    }
    #[pallet::type_value]
    pub fn DefaultNetworkLockReductionInterval<T: Config>() -> u64 {
        T::InitialNetworkLockReductionInterval::get()
    }
    #[pallet::type_value]
    pub fn DefaultNetworkRateLimit<T: Config>() -> u64 {
        T::InitialNetworkRateLimit::get()
    }
    #[pallet::type_value]
    pub fn DefaultSubnetLimit<T: Config>() -> u16 {
        T::InitialSubnetLimit::get()
    }
    /// The all-zero account: what upstream returns for an absent account entry.
    #[pallet::type_value]
    pub fn DefaultAccount<T: Config>() -> T::AccountId {
        sp_core::crypto::AccountId32::new([0u8; 32])
    }
    #[pallet::type_value]
    pub fn DefaultTokenSymbol() -> Vec<u8> {
        "\u{1D70F}".as_bytes().to_vec()
    }

    /// TAO issued, mirrored from the balances pallet and lowered where TAO is recycled.
    #[pallet::storage]
    pub type TotalIssuance<T> = StorageValue<_, TaoBalance, ValueQuery>;
    /// TAO held in subnet pools and stakes.
    #[pallet::storage]
    pub type TotalStake<T> = StorageValue<_, TaoBalance, ValueQuery>;

    /// Number of subnets, root included.
    #[pallet::storage]
    pub type TotalNetworks<T> = StorageValue<_, u16, ValueQuery>;
    #[pallet::storage]
    pub type NetworksAdded<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    #[pallet::storage]
    pub type NetworkRegisteredAt<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    /// How many subnets have ever been registered, by netuid (for symbol and stagger).
    #[pallet::storage]
    pub type RegisteredSubnetCounter<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type SubnetOwner<T: Config> =
        StorageMap<_, Identity, NetUid, T::AccountId, ValueQuery, DefaultAccount<T>>;
    #[pallet::storage]
    pub type SubnetOwnerHotkey<T: Config> =
        StorageMap<_, Identity, NetUid, T::AccountId, ValueQuery, DefaultAccount<T>>;
    /// 0 for root ("stable"), 1 for dynamic subnets.
    #[pallet::storage]
    pub type SubnetMechanism<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type SubnetLocked<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    #[pallet::storage]
    pub type NetworkMinLockCost<T> = StorageValue<_, TaoBalance, ValueQuery, DefaultNetworkMinLockCost<T>>;
    #[pallet::storage]
    pub type NetworkLastLockCost<T> = StorageValue<_, TaoBalance, ValueQuery, DefaultNetworkMinLockCost<T>>;
    /// The block of the last subnet registration (0: none yet).
    #[pallet::storage]
    pub type NetworkLastLockBlock<T> = StorageValue<_, u64, ValueQuery>;
    #[pallet::storage]
    pub type NetworkLockReductionInterval<T> =
        StorageValue<_, u64, ValueQuery, DefaultNetworkLockReductionInterval<T>>;
    #[pallet::storage]
    pub type NetworkRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultNetworkRateLimit<T>>;
    #[pallet::storage]
    pub type SubnetLimit<T> = StorageValue<_, u16, ValueQuery, DefaultSubnetLimit<T>>;
    #[pallet::storage]
    pub type StartCallDelay<T> = StorageValue<_, u64, ValueQuery>;
    #[pallet::storage]
    pub type FirstEmissionBlockNumber<T> = StorageMap<_, Identity, NetUid, u64, OptionQuery>;
    #[pallet::storage]
    pub type SubtokenEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    #[pallet::storage]
    pub type SubnetEmissionEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;
    #[pallet::storage]
    pub type TokenSymbol<T> = StorageMap<_, Identity, NetUid, Vec<u8>, ValueQuery, DefaultTokenSymbol>;

    /// The pool's TAO reserve.
    #[pallet::storage]
    pub type SubnetTAO<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    /// The pool's alpha reserve.
    #[pallet::storage]
    pub type SubnetAlphaIn<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    /// Alpha outside the pool (stakes, pending emission).
    #[pallet::storage]
    pub type SubnetAlphaOut<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;

    #[pallet::storage]
    pub type Tempo<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultTempo>;

    #[pallet::type_value]
    pub fn DefaultAdminFreezeWindow() -> u16 {
        10
    }
    #[pallet::type_value]
    pub fn DefaultOwnerHyperparamRateLimit() -> u16 {
        2
    }
    #[pallet::type_value]
    pub fn DefaultWeightsSetRateLimit() -> u64 {
        100
    }
    #[pallet::type_value]
    pub fn DefaultTxRateLimit() -> u64 {
        1_000
    }
    #[pallet::type_value]
    pub fn DefaultKappa() -> u16 {
        32_767
    }
    #[pallet::type_value]
    pub fn DefaultMinAllowedUids() -> u16 {
        64
    }
    #[pallet::type_value]
    pub fn DefaultActivityCutoffFactorMilli() -> u32 {
        13_889
    }

    /// Blocks before each epoch during which hyperparameters are frozen.
    #[pallet::storage]
    pub type AdminFreezeWindow<T> = StorageValue<_, u16, ValueQuery, DefaultAdminFreezeWindow>;
    /// How many tempos a subnet owner waits between two changes of one hyperparameter.
    #[pallet::storage]
    pub type OwnerHyperparamRateLimit<T> = StorageValue<_, u16, ValueQuery, DefaultOwnerHyperparamRateLimit>;
    #[pallet::storage]
    pub type TxRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultTxRateLimit>;
    /// The block of the subnet's last epoch; a new subnet starts staggered by its netuid.
    #[pallet::storage]
    pub type LastEpochBlock<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type WeightsSetRateLimit<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultWeightsSetRateLimit>;
    #[pallet::storage]
    pub type CommitRevealWeightsEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;
    #[pallet::storage]
    pub type Kappa<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultKappa>;
    #[pallet::storage]
    pub type MinAllowedUids<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMinAllowedUids>;
    /// Activity cutoff as thousandths of the tempo (13 889 ⇒ 5 000 blocks at tempo 360).
    #[pallet::storage]
    pub type ActivityCutoffFactorMilli<T> =
        StorageMap<_, Identity, NetUid, u32, ValueQuery, DefaultActivityCutoffFactorMilli>;
    /// The block of the owner's last `set_tempo`, for its once-per-360-blocks limit.
    #[pallet::storage]
    pub type LastOwnerTempoChange<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    // ----- Neurons -----

    #[pallet::storage]
    pub type SubnetworkN<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type Uids<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, u16, OptionQuery>;
    #[pallet::storage]
    pub type Keys<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Identity, u16, T::AccountId, ValueQuery, DefaultAccount<T>>;
    #[pallet::storage]
    pub type IsNetworkMember<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, bool, ValueQuery>;
    #[pallet::storage]
    pub type BlockAtRegistration<T> = StorageDoubleMap<_, Identity, NetUid, Identity, u16, u64, ValueQuery>;
    /// A hotkey's coldkey.
    #[pallet::storage]
    pub type Owner<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, ValueQuery, DefaultAccount<T>>;
    /// A coldkey's hotkeys.
    #[pallet::storage]
    pub type OwnedHotkeys<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Vec<T::AccountId>, ValueQuery>;
    /// The hotkeys a coldkey has stake on.
    #[pallet::storage]
    pub type StakingHotkeys<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, Vec<T::AccountId>, ValueQuery>;

    #[pallet::storage]
    pub type Burn<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery, DefaultBurn>;
    #[pallet::storage]
    pub type MinBurn<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery, DefaultMinBurn>;
    #[pallet::storage]
    pub type MaxBurn<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery, DefaultMaxBurn>;
    #[pallet::storage]
    pub type BurnHalfLife<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultBurnHalfLife>;
    #[pallet::storage]
    pub type BurnIncreaseMult<T> = StorageMap<_, Identity, NetUid, U64F64, ValueQuery, DefaultBurnIncreaseMult>;
    /// The Q32 per-block decay factor for the subnet's `BurnHalfLife`, cached because finding
    /// it takes a binary search.
    #[pallet::storage]
    pub type BurnDecayFactor<T> = StorageMap<_, Identity, NetUid, u64, OptionQuery>;
    #[pallet::storage]
    pub type RAORecycledForRegistration<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    #[pallet::storage]
    pub type RegistrationsThisBlock<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type NetworkRegistrationAllowed<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;
    #[pallet::storage]
    pub type ImmunityPeriod<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultImmunityPeriod>;
    #[pallet::storage]
    pub type MaxAllowedUids<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxAllowedUids>;
    #[pallet::storage]
    pub type MaxAllowedValidators<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxAllowedValidators>;
    #[pallet::storage]
    pub type MinAllowedWeights<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMinAllowedWeights>;
    #[pallet::storage]
    pub type MinNonImmuneUids<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMinNonImmuneUids>;
    #[pallet::storage]
    pub type ImmuneOwnerUidsLimit<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultImmuneOwnerUidsLimit>;
    #[pallet::storage]
    pub type Yuma3On<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;

    // Per-uid vectors, one entry per uid.
    #[pallet::storage]
    pub type Active<T> = StorageMap<_, Identity, NetUid, Vec<bool>, ValueQuery>;
    #[pallet::storage]
    pub type Emission<T> = StorageMap<_, Identity, NetUid, Vec<AlphaBalance>, ValueQuery>;
    #[pallet::storage]
    pub type Consensus<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    #[pallet::storage]
    pub type Incentive<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    #[pallet::storage]
    pub type Dividends<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    #[pallet::storage]
    pub type ValidatorTrust<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    #[pallet::storage]
    pub type ValidatorPermit<T> = StorageMap<_, Identity, NetUid, Vec<bool>, ValueQuery>;
    #[pallet::storage]
    pub type StakeWeight<T> = StorageMap<_, Identity, NetUid, Vec<u16>, ValueQuery>;
    #[pallet::storage]
    pub type LastUpdate<T> = StorageMap<_, Identity, NetUid, Vec<u64>, ValueQuery>;
    #[pallet::storage]
    pub type Weights<T> = StorageDoubleMap<_, Identity, NetUid, Identity, u16, Vec<(u16, u16)>, ValueQuery>;
    #[pallet::storage]
    pub type Bonds<T> = StorageDoubleMap<_, Identity, NetUid, Identity, u16, Vec<(u16, u16)>, ValueQuery>;

    // ----- Identities -----

    #[pallet::storage]
    pub type IdentitiesV2<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ChainIdentityV2, OptionQuery>;
    #[pallet::storage]
    pub type SubnetIdentitiesV3<T> = StorageMap<_, Identity, NetUid, SubnetIdentityV3, OptionQuery>;

    // ----- Serving -----

    #[pallet::storage]
    pub type Axons<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, AxonInfo, OptionQuery>;
    #[pallet::storage]
    pub type NeuronCertificates<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, NeuronCertificate, OptionQuery>;
    #[pallet::storage]
    pub type Prometheus<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, PrometheusInfo, OptionQuery>;
    #[pallet::storage]
    pub type ServingRateLimit<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultServingRateLimit>;

    #[pallet::genesis_config]
    #[derive(frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Create the root network (netuid 0) at genesis.
        pub root: bool,
        /// Override `NetworkRateLimit` (dev chains use 0 so subnets can be created at once).
        pub network_rate_limit: Option<u64>,
        #[serde(skip)]
        pub _phantom: core::marker::PhantomData<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            TotalIssuance::<T>::put(<T::Currency as Inspect<T::AccountId>>::total_issuance());
            if self.root {
                Pallet::<T>::init_root_network();
            }
            if let Some(limit) = self.network_rate_limit {
                NetworkRateLimit::<T>::put(limit);
            }
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A subnet was created: (netuid, mechanism).
        NetworkAdded(NetUid, u16),
        /// A subnet's emission was started: (netuid, first emission block).
        FirstEmissionBlockNumberSet(NetUid, u64),
        /// A neuron registered: (netuid, uid, hotkey).
        NeuronRegistered(NetUid, u16, T::AccountId),
        /// An axon was served: (netuid, hotkey).
        AxonServed(NetUid, T::AccountId),
        /// A Prometheus endpoint was served: (netuid, hotkey).
        PrometheusServed(NetUid, T::AccountId),
        /// The registration burn changed: (netuid, burn).
        BurnSet(NetUid, TaoBalance),
        /// A coldkey set its identity.
        ChainIdentitySet(T::AccountId),
        /// A subnet's owner set its identity.
        SubnetIdentitySet(NetUid),
        /// A subnet's tempo changed: (netuid, tempo).
        TempoSet(NetUid, u16),
        /// A subnet's activity cutoff factor changed: (netuid, factor in thousandths).
        ActivityCutoffFactorSet(NetUid, u32),
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The subnet does not exist.
        SubnetNotExists,
        /// The call does not apply to the root network.
        RegistrationNotPermittedOnRootSubnet,
        /// Registration is switched off on this subnet.
        SubNetRegistrationDisabled,
        /// The hotkey already has a uid on this subnet.
        HotKeyAlreadyRegisteredInSubNet,
        /// The coldkey cannot pay the registration burn.
        NotEnoughBalanceToStake,
        /// The hotkey belongs to another coldkey.
        NonAssociatedColdKey,
        /// The subnet is full and no uid can be replaced.
        NoNeuronIdAvailable,
        /// The subnet admits no uids.
        SubnetMaxAllowedUidsZero,
        /// The burn is above the caller's limit.
        RegistrationPriceLimitExceeded,
        /// The coldkey cannot pay the lock cost.
        NotEnoughBalanceToLockSubnet,
        /// A subnet was registered too recently.
        NetworkTxRateLimitExceeded,
        /// All subnet slots are taken.
        SubnetLimitReached,
        /// The caller is not the subnet's owner.
        NotSubnetOwner,
        /// Emission has already been started.
        FirstEmissionBlockNumberAlreadySet,
        /// The start-call delay has not passed.
        NeedWaitingMoreBlocksToStarCall,
        /// The hotkey is not registered on the subnet.
        HotKeyNotRegisteredInNetwork,
        /// Not 4 or 6.
        InvalidIpType,
        /// A reserved or malformed address.
        InvalidIpAddress,
        /// Port 0.
        InvalidPort,
        /// Served too recently.
        ServingRateLimitExceeded,
        /// A balance transfer failed.
        BalanceWithdrawalError,
        /// An amount overflowed.
        Overflow,
        /// An identity field is too long.
        InvalidIdentity,
        /// Tempo outside 360..=50 400.
        InvalidTempo,
        /// The subnet's epoch is too close: hyperparameters are frozen.
        AdminActionProhibitedDuringWeightsWindow,
        /// Changed too recently.
        TxRateLimitExceeded,
        /// Activity cutoff factor outside 1 000..=50 000.
        InvalidActivityCutoffFactor,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            Self::update_registration_prices(Self::block_number_u64(n))
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Serves an axon for the signing hotkey on `netuid`.
        #[pallet::call_index(4)]
        #[pallet::weight((T::WeightInfo::serve_axon(), DispatchClass::Normal, Pays::No))]
        pub fn serve_axon(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
            protocol: u8,
            placeholder1: u8,
            placeholder2: u8,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let axon = AxonInfo { block: 0, version, ip, port, ip_type, protocol, placeholder1, placeholder2 };
            Self::do_serve_axon(hotkey, netuid, axon, None)
        }

        /// Serves a Prometheus endpoint for the signing hotkey on `netuid`.
        #[pallet::call_index(5)]
        #[pallet::weight((T::WeightInfo::serve_prometheus(), DispatchClass::Normal, Pays::No))]
        pub fn serve_prometheus(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_serve_prometheus(hotkey, netuid, PrometheusInfo { block: 0, version, ip, port, ip_type })
        }

        /// Registers `hotkey` on `netuid` for the current burn. The proof-of-work arguments are
        /// ignored, as upstream (proof-of-work registration no longer exists).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::burned_register())]
        pub fn register(
            origin: OriginFor<T>,
            netuid: NetUid,
            _block_number: u64,
            _nonce: u64,
            _work: Vec<u8>,
            hotkey: T::AccountId,
            _coldkey: T::AccountId,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_burned_register(coldkey, netuid, hotkey, None)
        }

        /// Registers `hotkey` on `netuid`, paying the current burn into the subnet's pool.
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::burned_register())]
        pub fn burned_register(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_burned_register(coldkey, netuid, hotkey, None)
        }

        /// Serves an axon with a TLS certificate (`[algorithm][public key]`, at most 65 bytes;
        /// a longer one is ignored, as upstream).
        #[pallet::call_index(40)]
        #[pallet::weight((T::WeightInfo::serve_axon_tls(), DispatchClass::Normal, Pays::No))]
        pub fn serve_axon_tls(
            origin: OriginFor<T>,
            netuid: NetUid,
            version: u32,
            ip: u128,
            port: u16,
            ip_type: u8,
            protocol: u8,
            placeholder1: u8,
            placeholder2: u8,
            certificate: Vec<u8>,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let axon = AxonInfo { block: 0, version, ip, port, ip_type, protocol, placeholder1, placeholder2 };
            Self::do_serve_axon(hotkey, netuid, axon, Some(certificate))
        }

        /// Creates a subnet owned by the signing coldkey, with `hotkey` as its owner hotkey,
        /// locking the current lock cost into its pool.
        #[pallet::call_index(59)]
        #[pallet::weight(T::WeightInfo::register_network())]
        pub fn register_network(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_register_network(coldkey, hotkey).map(|_| ())
        }

        /// Sets the signing coldkey's identity; it must own a registered hotkey.
        #[pallet::call_index(68)]
        #[pallet::weight(T::WeightInfo::set_identity())]
        pub fn set_identity(
            origin: OriginFor<T>,
            name: Vec<u8>,
            url: Vec<u8>,
            github_repo: Vec<u8>,
            image: Vec<u8>,
            discord: Vec<u8>,
            description: Vec<u8>,
            additional: Vec<u8>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            let identity = ChainIdentityV2 { name, url, github_repo, image, discord, description, additional };
            Self::do_set_identity(coldkey, identity)
        }

        /// Sets a subnet's identity (its owner).
        #[pallet::call_index(78)]
        #[pallet::weight(T::WeightInfo::set_identity())]
        pub fn set_subnet_identity(
            origin: OriginFor<T>,
            netuid: NetUid,
            subnet_name: Vec<u8>,
            github_repo: Vec<u8>,
            subnet_contact: Vec<u8>,
            subnet_url: Vec<u8>,
            discord: Vec<u8>,
            description: Vec<u8>,
            logo_url: Vec<u8>,
            additional: Vec<u8>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            let identity = SubnetIdentityV3 {
                subnet_name,
                github_repo,
                subnet_contact,
                subnet_url,
                discord,
                description,
                logo_url,
                additional,
            };
            Self::do_set_subnet_identity(coldkey, netuid, identity)
        }

        /// `register_network` that also sets the subnet's identity.
        #[pallet::call_index(79)]
        #[pallet::weight(T::WeightInfo::register_network().saturating_add(T::WeightInfo::set_identity()))]
        pub fn register_network_with_identity(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            identity: Option<SubnetIdentityV3>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            if let Some(identity) = &identity {
                ensure!(identity::is_valid_subnet_identity(identity), Error::<T>::InvalidIdentity);
            }
            let netuid = Self::do_register_network(coldkey.clone(), hotkey)?;
            if let Some(identity) = identity {
                Self::do_set_subnet_identity(coldkey, netuid, identity)?;
            }
            Ok(())
        }

        /// Starts emission to a subnet (its owner, once `StartCallDelay` has passed).
        #[pallet::call_index(92)]
        #[pallet::weight(T::WeightInfo::start_call())]
        pub fn start_call(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_start_call(coldkey, netuid)
        }

        /// The owner sets the subnet's tempo (360..=50 400 blocks), at most once per 360
        /// blocks and not in the freeze window before an epoch; the epoch clock restarts.
        #[pallet::call_index(139)]
        #[pallet::weight(T::WeightInfo::set_tempo())]
        pub fn set_tempo(origin: OriginFor<T>, netuid: NetUid, tempo: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_tempo(coldkey, netuid, tempo)
        }

        /// The owner (or root) sets the activity cutoff in thousandths of the tempo.
        #[pallet::call_index(140)]
        #[pallet::weight(T::WeightInfo::set_activity_cutoff_factor())]
        pub fn set_activity_cutoff_factor(origin: OriginFor<T>, netuid: NetUid, factor_milli: u32) -> DispatchResult {
            let is_root = ensure_root(origin.clone()).is_ok();
            ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
            if !is_root {
                let coldkey = ensure_signed(origin)?;
                ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
            }
            ensure!((1_000..=50_000).contains(&factor_milli), Error::<T>::InvalidActivityCutoffFactor);
            ActivityCutoffFactorMilli::<T>::insert(netuid, factor_milli);
            Self::deposit_event(Event::ActivityCutoffFactorSet(netuid, factor_milli));
            Ok(())
        }

        /// `burned_register` that fails if the burn is above `limit_price`.
        #[pallet::call_index(134)]
        #[pallet::weight(T::WeightInfo::burned_register())]
        pub fn register_limit(
            origin: OriginFor<T>,
            netuid: NetUid,
            hotkey: T::AccountId,
            limit_price: TaoBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_burned_register(coldkey, netuid, hotkey, Some(limit_price))
        }
    }

    impl<T: Config> Pallet<T> {
        pub fn block_number_u64(n: BlockNumberFor<T>) -> u64 {
            sp_runtime::traits::UniqueSaturatedInto::<u64>::unique_saturated_into(n)
        }

        pub fn current_block() -> u64 {
            Self::block_number_u64(frame_system::Pallet::<T>::block_number())
        }

        /// The account holding a subnet's pool TAO and lock.
        pub fn subnet_account(netuid: NetUid) -> T::AccountId {
            use sp_runtime::traits::AccountIdConversion;
            T::SubnetPalletId::get().into_sub_account_truncating(netuid)
        }

        /// Moves TAO keeping the sender alive; the whole amount or nothing.
        pub(crate) fn transfer_tao(
            from: &T::AccountId,
            to: &T::AccountId,
            amount: TaoBalance,
        ) -> Result<TaoBalance, DispatchError> {
            <T::Currency as Mutate<T::AccountId>>::transfer(from, to, amount, Preservation::Preserve)
                .map_err(|_| Error::<T>::BalanceWithdrawalError.into())
        }
    }
}
