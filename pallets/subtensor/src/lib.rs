//! # SubtensorModule
//!
//! Subnets, neuron registration with recycling, serving and hyperparameters, with the names
//! the Bittensor clients read (`economics.md` §5–§7, `client-compat.md` §2).
//!
//! The pallet is thin: this file declares configuration, storage, events, errors and calls;
//! the logic lives in one module per concern:
//! - [`subnets`]: creating and starting subnets, the lock cost, the pool seed;
//! - [`registration`]: registering neurons by burn, uids and pruning, the burn price;
//! - [`serving`]: axon and Prometheus endpoints;
//! - [`staking`]: stake held as share pools; [`stake_calls`], [`stake_moves`]: adding,
//!   removing and moving it; [`pools`]: trading against a subnet's pool through the Swap
//!   pallet; [`delegation`]: delegate take; [`root`]: the root network;
//! - [`set_weights`]: weights and commit-reveal; [`timelocked`]: drand-timelocked
//!   commit-reveal (v3/v4); [`coinbase`]: the per-block emission;
//!   [`epoch`]: the Yuma epoch every tempo and its payouts; [`root_claim`]: root dividends;
//! - [`dissolve`]: dissolving and pruning subnets; [`symbols`]: token symbols;
//! - [`invariants`]: the accounting checks tests and `try-state` run.
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
pub mod childkeys;
pub mod coinbase;
pub mod commitments;
pub mod delegation;
pub mod dissolve;
pub mod epoch;
pub mod free_calls;
pub mod identity;
pub mod invariants;
pub mod issuance;
pub mod leasing;
pub mod locks;
pub mod pools;
pub mod proxy_filters;
pub mod registration;
pub mod root;
pub mod root_claim;
pub mod rpc_info;
pub mod rpc_metagraph;
pub mod serving;
pub mod set_weights;
pub mod stake_burn;
pub mod stake_calls;
pub mod stake_moves;
pub mod staking;
pub mod subnet_storage;
pub mod subnets;
pub mod swap_coldkey;
pub mod swap_hotkey;
pub mod symbols;
#[cfg(test)]
mod tests;
pub mod timelocked;
pub mod weights;

pub use weights::WeightInfo;
/// The fixed-point type of conviction, as the runtime APIs return it.
pub use substrate_fixed::types::U64F64;

/// A subnet's id. Netuid 0 is the root network.
pub type NetUid = u16;
/// TAO amounts in rao.
pub type TaoBalance = u64;
/// Alpha amounts in rao of the subnet's alpha.
pub type AlphaBalance = u64;
/// A mechanism's storage index: `mechanism × 4096 + netuid` (`yuma.md` §2.3).
pub type NetUidStorageIndex = u16;
/// A mechanism (sub-subnet) id.
pub type MechId = u8;

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
    use substrate_fixed::types::{I64F64, I96F32, U64F64, U96F32};
    use alloc::collections::{BTreeMap, BTreeSet, VecDeque};
    use sp_core::H256;
    use codec::Compact;

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

    /// What a coldkey's root dividends become when claimed.
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, PartialEq, Eq, Debug, TypeInfo, Default)]
    pub enum RootClaimTypeEnum {
        /// Sold for TAO and staked on root (the default).
        #[default]
        Swap,
        /// Kept as alpha stake on the subnet.
        Keep,
        /// Kept on the listed subnets, swapped on the others.
        KeepSubnets { subnets: BTreeSet<NetUid> },
    }

    /// What happens to miner incentive withheld from the owner's own hotkeys.
    #[derive(
        Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, Default, MaxEncodedLen,
    )]
    pub enum RecycleOrBurnEnum {
        /// Destroyed; issuance unchanged (upstream's default).
        #[default]
        Burn,
        /// Destroyed and issuance lowered.
        Recycle,
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
        /// The pools' math and weights: the Swap pallet.
        type SwapInterface: tensorchain_swap::interface::SwapHandler;
        /// Other pallets' per-subnet state to remove when a subnet is dissolved.
        type OnSubnetRemoved: crate::subnet_storage::OnSubnetRemoved;
        /// The author of the current block, who receives swap fees.
        type BlockAuthor: Get<Option<Self::AccountId>>;
        /// Swap fees go to this pallet account when no author is known.
        #[pallet::constant]
        type BurnPalletId: Get<PalletId>;
        /// The crowdloan pallet, which funds leased subnets.
        type LeaseCrowdloan: crate::leasing::LeaseCrowdloan<Self::AccountId>;
        /// The proxy pallet, which gives a lease's beneficiary control of the subnet.
        type LeaseProxy: crate::leasing::LeaseProxy<Self::AccountId>;
        /// Leases pay out accumulated dividends on blocks that are multiples of this.
        #[pallet::constant]
        type LeaseDividendsDistributionInterval: Get<BlockNumberFor<Self>>;
        /// The Commitments pallet: the metagraph's commitments and the bonds reset.
        type Commitments: crate::commitments::SubnetCommitments<Self::AccountId>;
        /// Drand pulses and timelock decryption for timelocked commit-reveal (the Drand
        /// pallet; `()` without drand: nothing ever reveals).
        type Drand: crate::timelocked::DrandPulses;
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
    #[pallet::type_value]
    pub fn DefaultBlockEmission() -> u64 {
        1_000_000_000
    }
    /// The last computed block emission (informational: see `issuance`).
    #[pallet::storage]
    pub type BlockEmission<T> = StorageValue<_, u64, ValueQuery, DefaultBlockEmission>;
    /// TAO held in subnet pools and stakes.
    #[pallet::storage]
    pub type TotalStake<T> = StorageValue<_, TaoBalance, ValueQuery>;

    /// Number of subnets, root included.
    #[pallet::storage]
    pub type TotalNetworks<T> = StorageValue<_, u16, ValueQuery>;
    #[pallet::storage]
    pub type NetworksAdded<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    /// Where a coldkey's mining incentive on a subnet is staked (`staking-2.md` §4.2).
    #[pallet::storage]
    pub type AutoStakeDestination<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, T::AccountId, OptionQuery>;
    /// The coldkeys whose auto-stake destination on a subnet is this hotkey.
    #[pallet::storage]
    pub type AutoStakeDestinationColdkeys<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, Vec<T::AccountId>, ValueQuery>;

    // ----- Leased subnets (`pallets-2.md` §4.6). -----
    #[pallet::storage]
    pub type SubnetLeases<T: Config> =
        StorageMap<_, Twox64Concat, crate::leasing::LeaseId, crate::leasing::SubnetLeaseOf<T>, OptionQuery>;
    /// A contributor's share of a lease.
    #[pallet::storage]
    pub type SubnetLeaseShares<T: Config> =
        StorageDoubleMap<_, Twox64Concat, crate::leasing::LeaseId, Identity, T::AccountId, U64F64, ValueQuery>;
    #[pallet::storage]
    pub type SubnetUidToLeaseId<T> = StorageMap<_, Twox64Concat, NetUid, crate::leasing::LeaseId, OptionQuery>;
    #[pallet::storage]
    pub type NextSubnetLeaseId<T> = StorageValue<_, crate::leasing::LeaseId, ValueQuery>;
    #[pallet::storage]
    pub type AccumulatedLeaseDividends<T> = StorageMap<_, Twox64Concat, crate::leasing::LeaseId, AlphaBalance, ValueQuery>;

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

    // ----- Consensus hyperparameters (`yuma.md` §5), read by the epoch. -----

    #[pallet::type_value]
    pub fn DefaultRho() -> u16 {
        10
    }
    #[pallet::type_value]
    pub fn DefaultAlphaSigmoidSteepness() -> i16 {
        1_000
    }
    #[pallet::type_value]
    pub fn DefaultActivityCutoff() -> u16 {
        5_000
    }
    #[pallet::type_value]
    pub fn DefaultMinActivityCutoff() -> u16 {
        360
    }
    #[pallet::type_value]
    pub fn DefaultU16Max() -> u16 {
        u16::MAX
    }
    #[pallet::type_value]
    pub fn DefaultWeightsVersionKeyRateLimit() -> u64 {
        5
    }
    #[pallet::type_value]
    pub fn DefaultBondsMovingAverage() -> u64 {
        900_000
    }
    #[pallet::type_value]
    pub fn DefaultOne64() -> u64 {
        1
    }
    #[pallet::type_value]
    pub fn DefaultScalingLawPower() -> u16 {
        50
    }
    #[pallet::type_value]
    pub fn DefaultAlphaValues() -> (u16, u16) {
        (45_875, 58_982)
    }
    #[pallet::type_value]
    pub fn DefaultCommitRevealWeightsVersion() -> u16 {
        4
    }
    #[pallet::type_value]
    pub fn DefaultMechanismCount() -> u8 {
        1
    }
    #[pallet::type_value]
    pub fn DefaultMaxMechanismCount() -> u8 {
        2
    }

    #[pallet::storage]
    pub type Rho<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultRho>;
    #[pallet::storage]
    pub type AlphaSigmoidSteepness<T> = StorageMap<_, Identity, NetUid, i16, ValueQuery, DefaultAlphaSigmoidSteepness>;
    #[pallet::storage]
    pub type ActivityCutoff<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultActivityCutoff>;
    #[pallet::storage]
    pub type MinActivityCutoff<T> = StorageValue<_, u16, ValueQuery, DefaultMinActivityCutoff>;
    #[pallet::storage]
    pub type MaxWeightsLimit<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultU16Max>;
    #[pallet::storage]
    pub type WeightsVersionKey<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    /// How many tempos an owner waits between two changes of the weights version key.
    #[pallet::storage]
    pub type WeightsVersionKeyRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultWeightsVersionKeyRateLimit>;
    #[pallet::storage]
    pub type BondsMovingAverage<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultBondsMovingAverage>;
    #[pallet::storage]
    pub type BondsPenalty<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultU16Max>;
    #[pallet::storage]
    pub type BondsResetOn<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    #[pallet::storage]
    pub type ValidatorPruneLen<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultOne64>;
    #[pallet::storage]
    pub type ScalingLawPower<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultScalingLawPower>;
    #[pallet::storage]
    pub type LiquidAlphaOn<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    /// Liquid alpha's (low, high) bounds.
    #[pallet::storage]
    pub type AlphaValues<T> = StorageMap<_, Identity, NetUid, (u16, u16), ValueQuery, DefaultAlphaValues>;
    #[pallet::storage]
    pub type CommitRevealWeightsVersion<T> = StorageValue<_, u16, ValueQuery, DefaultCommitRevealWeightsVersion>;
    /// Epochs a commit waits before it may be revealed.
    #[pallet::storage]
    pub type RevealPeriodEpochs<T> = StorageMap<_, Twox64Concat, NetUid, u64, ValueQuery, DefaultOne64>;
    #[pallet::storage]
    pub type MechanismCountCurrent<T> = StorageMap<_, Twox64Concat, NetUid, u8, ValueQuery, DefaultMechanismCount>;
    #[pallet::storage]
    pub type MaxMechanismCount<T> = StorageValue<_, u8, ValueQuery, DefaultMaxMechanismCount>;
    /// Each mechanism's share of the subnet's emission (u16 parts of 65 535; none: even).
    #[pallet::storage]
    pub type MechanismEmissionSplit<T> = StorageMap<_, Twox64Concat, NetUid, Vec<u16>, OptionQuery>;
    /// Minimum stake (rao) to set weights or have children.
    #[pallet::storage]
    pub type StakeThreshold<T> = StorageValue<_, u64, ValueQuery>;

    // ----- Epoch scheduling (`yuma.md` §2.1) -----

    #[pallet::type_value]
    pub fn DefaultMaxEpochsPerBlock() -> u8 {
        2
    }
    /// When the owner's `trigger_epoch` is due (0: none).
    #[pallet::storage]
    pub type PendingEpochAt<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type SubnetEpochIndex<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type BlocksSinceLastStep<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type MaxEpochsPerBlock<T> = StorageValue<_, u8, ValueQuery, DefaultMaxEpochsPerBlock>;
    /// The block of the owner's last `trigger_epoch`, for its rate limit.
    #[pallet::storage]
    pub type LastEpochTrigger<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    // ----- Chain timing and the values new subnets start with (set by the chain spec) -----

    #[pallet::type_value]
    pub fn DefaultSlotDurationMillis() -> u64 {
        12_000
    }
    /// The chain's block time in milliseconds: Aura's slot duration and twice the timestamp
    /// pallet's minimum period. A storage value rather than a constant so that one runtime
    /// serves both 12-second chains and the 250 ms fast localnet the clients' tests expect; the
    /// chain spec's genesis decides.
    #[pallet::storage]
    pub type SlotDurationMillis<T> = StorageValue<_, u64, ValueQuery, DefaultSlotDurationMillis>;
    /// The tempo `register_network` gives a new subnet (upstream: 360, fast runtime 10).
    #[pallet::storage]
    pub type NewSubnetTempo<T> = StorageValue<_, u16, ValueQuery, DefaultTempo>;

    // ----- TAO flow (recorded by stake and unstake; its EMA is shown by btcli) -----

    #[pallet::type_value]
    pub fn DefaultFlowEmaSmoothingFactor() -> u64 {
        29_597_889_189_277
    }
    /// Net TAO staked into the subnet's pool this block (unstakes count negative).
    #[pallet::storage]
    pub type SubnetTaoFlow<T> = StorageMap<_, Identity, NetUid, i64, ValueQuery>;
    /// (block, EMA of the per-block net TAO flow), updated once per block by the coinbase.
    #[pallet::storage]
    pub type SubnetEmaTaoFlow<T> = StorageMap<_, Identity, NetUid, (u64, I64F64), OptionQuery>;
    /// The EMA's smoothing factor as a fraction of `i64::MAX`.
    #[pallet::storage]
    pub type FlowEmaSmoothingFactor<T> = StorageValue<_, u64, ValueQuery, DefaultFlowEmaSmoothingFactor>;

    // ----- Stake locks (`staking-2.md` §5.2; the logic is in `locks.rs`). -----

    #[pallet::type_value]
    pub fn DefaultLockRate() -> u64 {
        934_866
    }
    #[pallet::storage]
    pub type Lock<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Identity, NetUid>,
            NMapKey<Blake2_128Concat, T::AccountId>,
        ),
        crate::rpc_info::LockState,
        OptionQuery,
    >;
    #[pallet::storage]
    pub type LockingColdkeys<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Identity, NetUid>,
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Blake2_128Concat, T::AccountId>,
        ),
        (),
        OptionQuery,
    >;
    #[pallet::storage]
    pub type HotkeyLock<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, crate::rpc_info::LockState, OptionQuery>;
    #[pallet::storage]
    pub type DecayingHotkeyLock<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, crate::rpc_info::LockState, OptionQuery>;
    #[pallet::storage]
    pub type OwnerLock<T> = StorageMap<_, Identity, NetUid, crate::rpc_info::LockState, OptionQuery>;
    #[pallet::storage]
    pub type DecayingOwnerLock<T> = StorageMap<_, Identity, NetUid, crate::rpc_info::LockState, OptionQuery>;
    #[pallet::storage]
    pub type DecayingLock<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, bool, OptionQuery>;
    #[pallet::storage]
    pub type AccountFlags<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u128, ValueQuery>;
    #[pallet::storage]
    pub type UnlockRate<T> = StorageValue<_, u64, ValueQuery, DefaultLockRate>;
    #[pallet::storage]
    pub type MaturityRate<T> = StorageValue<_, u64, ValueQuery, DefaultLockRate>;

    // ----- Childkeys (`staking-2.md` §1.2; the logic is in `childkeys.rs`) -----

    #[pallet::storage]
    pub type ChildKeys<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, Vec<(u64, T::AccountId)>, ValueQuery>;
    #[pallet::storage]
    pub type ParentKeys<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, Vec<(u64, T::AccountId)>, ValueQuery>;
    #[pallet::storage]
    pub type ChildkeyTake<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type PendingChildKeys<T: Config> = StorageDoubleMap<
        _,
        Identity,
        NetUid,
        Blake2_128Concat,
        T::AccountId,
        (Vec<(u64, T::AccountId)>, u64),
        ValueQuery,
    >;
    #[pallet::type_value]
    pub fn DefaultPendingChildKeyCooldown() -> u64 {
        7_200
    }
    /// Blocks a scheduled child list waits before an epoch may apply it.
    #[pallet::storage]
    pub type PendingChildKeyCooldown<T> = StorageValue<_, u64, ValueQuery, DefaultPendingChildKeyCooldown>;
    #[pallet::type_value]
    pub fn DefaultTxChildkeyTakeRateLimit() -> u64 {
        216_000
    }
    /// Blocks between two raises of a childkey take.
    #[pallet::storage]
    pub type TxChildkeyTakeRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultTxChildkeyTakeRateLimit>;
    /// Whether a root validator is made a parent of every new subnet's owner hotkey.
    #[pallet::storage]
    pub type AutoParentDelegationEnabled<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, bool, ValueQuery, DefaultTrue>;
    /// Rate-limit stamps per (hotkey, netuid, transaction type): 0 set_children, 1
    /// set_childkey_take.
    #[pallet::storage]
    pub type TransactionKeyLastBlock<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Identity, NetUid>,
            NMapKey<Identity, u16>,
        ),
        u64,
        ValueQuery,
    >;

    // ----- Coldkey swaps (`staking-2.md` §2.2; the logic is in `swap_coldkey.rs`) -----

    /// An announced swap: (block from which it may execute, hash of the new coldkey).
    #[pallet::storage]
    pub type ColdkeySwapAnnouncements<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, (u32, H256), OptionQuery>;
    /// The block an announced swap was disputed in.
    #[pallet::storage]
    pub type ColdkeySwapDisputes<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, OptionQuery>;
    #[pallet::type_value]
    pub fn DefaultColdkeySwapAnnouncementDelay() -> u32 {
        36_000
    }
    /// Blocks between an announcement and the swap.
    #[pallet::storage]
    pub type ColdkeySwapAnnouncementDelay<T> = StorageValue<_, u32, ValueQuery, DefaultColdkeySwapAnnouncementDelay>;
    #[pallet::type_value]
    pub fn DefaultColdkeySwapReannouncementDelay() -> u32 {
        7_200
    }
    /// Blocks after the execution block before an announcement may be replaced or cleared.
    #[pallet::storage]
    pub type ColdkeySwapReannouncementDelay<T> =
        StorageValue<_, u32, ValueQuery, DefaultColdkeySwapReannouncementDelay>;

    // ----- Hotkey swaps (`staking-2.md` §3.1; the logic is in `swap_hotkey.rs`) -----

    /// The block of a coldkey's last hotkey swap (for `TxRateLimit`), and of a hotkey's,
    /// copied to its successor.
    #[pallet::storage]
    pub type LastTxBlock<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64, ValueQuery>;
    /// The block of a coldkey's last hotkey swap touching a subnet.
    #[pallet::storage]
    pub type LastHotkeySwapOnNetuid<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, u64, ValueQuery>;
    #[pallet::type_value]
    pub fn DefaultHotkeySwapOnSubnetInterval() -> u64 {
        7_200
    }
    /// Blocks between two hotkey swaps of one coldkey touching one subnet.
    #[pallet::storage]
    pub type HotkeySwapOnSubnetInterval<T> = StorageValue<_, u64, ValueQuery, DefaultHotkeySwapOnSubnetInterval>;

    // ----- Legacy registration parameters, stored for the clients (unused by the burn) -----

    #[pallet::type_value]
    pub fn DefaultTargetRegistrationsPerInterval() -> u16 {
        2
    }
    #[pallet::type_value]
    pub fn DefaultAdjustmentInterval() -> u16 {
        100
    }
    #[pallet::type_value]
    pub fn DefaultDifficulty() -> u64 {
        10_000_000
    }
    #[pallet::type_value]
    pub fn DefaultMaxDifficulty() -> u64 {
        u64::MAX / 4
    }
    #[pallet::type_value]
    pub fn DefaultMaxRegistrationsPerBlock() -> u16 {
        1
    }
    /// Enforced on root only, as upstream; dynamic subnets are limited by the burn's bump.
    #[pallet::storage]
    pub type MaxRegistrationsPerBlock<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultMaxRegistrationsPerBlock>;
    #[pallet::storage]
    pub type RegistrationsThisInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type BurnRegistrationsThisInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    #[pallet::storage]
    pub type TargetRegistrationsPerInterval<T> =
        StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultTargetRegistrationsPerInterval>;
    #[pallet::storage]
    pub type AdjustmentInterval<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery, DefaultAdjustmentInterval>;
    #[pallet::storage]
    pub type AdjustmentAlpha<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type LastAdjustmentBlock<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;
    #[pallet::storage]
    pub type Difficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultDifficulty>;
    #[pallet::storage]
    pub type MinDifficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultDifficulty>;
    #[pallet::storage]
    pub type MaxDifficulty<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultMaxDifficulty>;
    #[pallet::storage]
    pub type NetworkPowRegistrationAllowed<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;

    // ----- Emission bookkeeping and pool prices (`economics.md` §2–§3) -----

    #[pallet::type_value]
    pub fn DefaultSubnetMovingAlpha() -> I96F32 {
        // 0.000003 rounded to the nearest 2^-32.
        I96F32::from_bits(12_885)
    }
    #[pallet::type_value]
    pub fn DefaultEmaPriceHalvingBlocks() -> u64 {
        201_600
    }
    #[pallet::type_value]
    pub fn DefaultSubnetOwnerCut() -> u16 {
        11_796
    }
    #[pallet::type_value]
    pub fn DefaultTaoWeight() -> u64 {
        971_718_665_099_567_868
    }
    #[pallet::type_value]
    pub fn DefaultNetworkImmunityPeriod() -> u64 {
        1_296_000
    }
    #[pallet::storage]
    pub type SubnetMovingPrice<T> = StorageMap<_, Identity, NetUid, I96F32, ValueQuery>;
    #[pallet::storage]
    pub type SubnetMovingAlpha<T> = StorageValue<_, I96F32, ValueQuery, DefaultSubnetMovingAlpha>;
    #[pallet::storage]
    pub type EMAPriceHalvingBlocks<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery, DefaultEmaPriceHalvingBlocks>;
    /// Alpha bought by the protocol's chain buys.
    #[pallet::storage]
    pub type SubnetProtocolAlpha<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type SubnetVolume<T> = StorageMap<_, Identity, NetUid, u128, ValueQuery>;
    #[pallet::storage]
    pub type SubnetOwnerCut<T> = StorageValue<_, u16, ValueQuery, DefaultSubnetOwnerCut>;
    /// The weight of root stake in subnet stake (parts of u64::MAX).
    #[pallet::storage]
    pub type TaoWeight<T> = StorageValue<_, u64, ValueQuery, DefaultTaoWeight>;
    #[pallet::storage]
    pub type CKBurn<T> = StorageValue<_, u64, ValueQuery>;
    #[pallet::storage]
    pub type OwnerCutEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;
    #[pallet::storage]
    pub type OwnerCutAutoLockEnabled<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery>;
    #[pallet::storage]
    pub type RecycleOrBurn<T> = StorageMap<_, Identity, NetUid, RecycleOrBurnEnum, ValueQuery>;
    #[pallet::storage]
    pub type TransferToggle<T> = StorageMap<_, Identity, NetUid, bool, ValueQuery, DefaultTrue>;
    #[pallet::storage]
    pub type PendingServerEmission<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type PendingValidatorEmission<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type PendingRootAlphaDivs<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type PendingOwnerCut<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    /// Subnets younger than this (blocks) are never pruned to make room.
    #[pallet::storage]
    pub type NetworkImmunityPeriod<T> = StorageValue<_, u64, ValueQuery, DefaultNetworkImmunityPeriod>;
    #[pallet::storage]
    pub type NetworkRegistrationStartBlock<T> = StorageValue<_, u64, ValueQuery>;

    // ----- Stake as share pools (`economics.md` §4.1) -----

    #[pallet::type_value]
    pub fn DefaultDelegateTake() -> u16 {
        11_796
    }
    /// The alpha staked to a hotkey on a subnet, all coldkeys together.
    #[pallet::storage]
    pub type TotalHotkeyAlpha<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, AlphaBalance, ValueQuery>;
    /// The shares outstanding against `TotalHotkeyAlpha`.
    #[pallet::storage]
    pub type TotalHotkeyShares<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NetUid, U64F64, ValueQuery>;
    /// A coldkey's shares of a hotkey's stake on a subnet: (hotkey, coldkey, netuid).
    #[pallet::storage]
    pub type Alpha<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Identity, NetUid>,
        ),
        U64F64,
        ValueQuery,
    >;
    #[pallet::storage]
    pub type Delegates<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u16, ValueQuery, DefaultDelegateTake>;
    #[pallet::storage]
    pub type MaxDelegateTake<T> = StorageValue<_, u16, ValueQuery, DefaultDelegateTake>;
    #[pallet::storage]
    pub type MinDelegateTake<T> = StorageValue<_, u16, ValueQuery>;
    #[pallet::storage]
    pub type NominatorMinRequiredStake<T> = StorageValue<_, u64, ValueQuery>;
    #[pallet::storage]
    pub type TxDelegateTakeRateLimit<T> = StorageValue<_, u64, ValueQuery, DefaultTxDelegateTakeRateLimit>;
    #[pallet::type_value]
    pub fn DefaultTxDelegateTakeRateLimit() -> u64 {
        216_000
    }
    #[pallet::storage]
    pub type MaxChildkeyTake<T> = StorageValue<_, u16, ValueQuery, DefaultDelegateTake>;
    #[pallet::storage]
    pub type MinChildkeyTake<T> = StorageValue<_, u16, ValueQuery>;
    #[pallet::storage]
    pub type MinChildkeyTakePerSubnet<T> = StorageMap<_, Identity, NetUid, u16, ValueQuery>;
    /// The block of a hotkey's last take change, for the increase rate limit.
    #[pallet::storage]
    pub type LastTxBlockDelegateTake<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64, ValueQuery>;
    /// The block of a coldkey's last stake change on a hotkey.
    #[pallet::storage]
    pub type LastColdkeyHotkeyStakeBlock<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, u64, OptionQuery>;

    // ----- Weights and commit-reveal (`yuma.md` §4) -----

    /// A hotkey's unrevealed commits per mechanism index: (hash, commit epoch, commit block,
    /// reserved).
    #[pallet::storage]
    pub type WeightCommits<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        NetUidStorageIndex,
        Twox64Concat,
        T::AccountId,
        VecDeque<(H256, u64, u64, u64)>,
        OptionQuery,
    >;
    /// Timelocked commits per mechanism index and commit epoch (look-ahead): (hotkey, commit
    /// block, ciphertext, drand reveal round), in commit order (`pallets-2.md` §2.10).
    #[pallet::storage]
    pub type TimelockedWeightCommits<T: Config> = StorageDoubleMap<
        _,
        Twox64Concat,
        NetUidStorageIndex,
        Twox64Concat,
        u64,
        VecDeque<(T::AccountId, u64, crate::timelocked::TimelockedCommit, u64)>,
        ValueQuery,
    >;
    /// The block of the subnet's last successful epoch.
    #[pallet::storage]
    pub type LastMechansimStepBlock<T> = StorageMap<_, Identity, NetUid, u64, ValueQuery>;

    // ----- Coinbase bookkeeping (`economics.md` §2) -----

    #[pallet::storage]
    pub type SubnetTaoInEmission<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    #[pallet::storage]
    pub type SubnetAlphaInEmission<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type SubnetAlphaOutEmission<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type SubnetExcessTao<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    /// TAO that root claims of type `Swap` have taken out of the subnet's pool, in total.
    #[pallet::storage]
    pub type SubnetRootSellTao<T> = StorageMap<_, Identity, NetUid, TaoBalance, ValueQuery>;
    /// The root proportion used for the subnet in the last block (informational).
    #[pallet::storage]
    pub type RootProp<T> = StorageMap<_, Identity, NetUid, U96F32, ValueQuery>;
    /// The fraction of the last epoch's miner incentive that was withheld.
    #[pallet::storage]
    pub type MinerBurned<T> = StorageMap<_, Identity, NetUid, U96F32, ValueQuery>;
    /// Alpha counted in `SubnetAlphaOut` that nobody holds: burned incentive, emission an
    /// epoch could not credit, and rounding dust of distributions. (Not upstream: it keeps
    /// the alpha accounting checkable.)
    #[pallet::storage]
    pub type SubnetAlphaBurned<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type AlphaDividendsPerSubnet<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type RootAlphaDividendsPerSubnet<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Blake2_128Concat, T::AccountId, AlphaBalance, ValueQuery>;

    // ----- Root dividends and claims (`economics.md` §2.7) -----

    #[pallet::type_value]
    pub fn DefaultRootClaimableThreshold() -> I96F32 {
        I96F32::from_num(500_000)
    }
    #[pallet::type_value]
    pub fn DefaultNumRootClaim() -> u64 {
        5
    }
    /// Per hotkey and subnet: root alpha dividends owed per unit of root stake.
    #[pallet::storage]
    pub type RootClaimable<T: Config> =
        StorageMap<_, Blake2_128Concat, T::AccountId, BTreeMap<NetUid, I96F32>, ValueQuery>;
    /// Alpha already claimed (or not owed, for stake added later) per (subnet, hotkey, coldkey).
    #[pallet::storage]
    pub type RootClaimed<T: Config> = StorageNMap<
        _,
        (
            NMapKey<Identity, NetUid>,
            NMapKey<Blake2_128Concat, T::AccountId>,
            NMapKey<Blake2_128Concat, T::AccountId>,
        ),
        u128,
        ValueQuery,
    >;
    #[pallet::storage]
    pub type RootClaimType<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, RootClaimTypeEnum, ValueQuery>;
    #[pallet::storage]
    pub type RootClaimableThreshold<T> =
        StorageMap<_, Identity, NetUid, I96F32, ValueQuery, DefaultRootClaimableThreshold>;
    /// Root alpha dividends credited but not yet claimed, per subnet (for the accounting).
    #[pallet::storage]
    pub type RootClaimableAlpha<T> = StorageMap<_, Identity, NetUid, AlphaBalance, ValueQuery>;
    #[pallet::storage]
    pub type NumRootClaim<T> = StorageValue<_, u64, ValueQuery, DefaultNumRootClaim>;
    /// Coldkeys with root stake, indexed for the automatic claims.
    #[pallet::storage]
    pub type StakingColdkeys<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u64, OptionQuery>;
    #[pallet::storage]
    pub type StakingColdkeysByIndex<T: Config> = StorageMap<_, Identity, u64, T::AccountId, OptionQuery>;
    #[pallet::storage]
    pub type NumStakingColdkeys<T> = StorageValue<_, u64, ValueQuery>;

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
        /// Root's owner: (coldkey, hotkey). Upstream's localnet has //Alice and //Alice_hk.
        pub root_owner: Option<(T::AccountId, T::AccountId)>,
        /// Create netuid 1 with one neuron, as upstream's localnet does, so that the first
        /// subnet a user creates is netuid 2.
        pub genesis_subnet: bool,
        /// The block time (ms); see `SlotDurationMillis`. Absent: 12 000.
        pub slot_duration_millis: Option<u64>,
        /// The tempo of subnets created later (fast localnet: 10). Absent: 360.
        pub new_subnet_tempo: Option<u16>,
        /// Override `StartCallDelay` (default 0).
        pub start_call_delay: Option<u64>,
        /// Override `MaxEpochsPerBlock` (default 2; fast localnet 32).
        pub max_epochs_per_block: Option<u8>,
        /// Override `PendingChildKeyCooldown` (default 7 200; fast localnet 15).
        pub pending_childkey_cooldown: Option<u64>,
        /// Override `TxChildkeyTakeRateLimit` (default 216 000; fast localnet 5).
        pub tx_childkey_take_rate_limit: Option<u64>,
        /// Override `ColdkeySwapAnnouncementDelay` (default 36 000; fast localnet 50).
        pub coldkey_swap_announcement_delay: Option<u32>,
        /// Override `ColdkeySwapReannouncementDelay` (default 7 200; fast localnet 10).
        pub coldkey_swap_reannouncement_delay: Option<u32>,
        /// Override `HotkeySwapOnSubnetInterval` (default 7 200; fast localnet 1).
        pub hotkey_swap_on_subnet_interval: Option<u64>,
        #[serde(skip)]
        pub _phantom: core::marker::PhantomData<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            if let Some(millis) = self.slot_duration_millis {
                SlotDurationMillis::<T>::put(millis);
            }
            if let Some(tempo) = self.new_subnet_tempo {
                NewSubnetTempo::<T>::put(tempo);
            }
            if let Some(delay) = self.start_call_delay {
                StartCallDelay::<T>::put(delay);
            }
            if let Some(max) = self.max_epochs_per_block {
                MaxEpochsPerBlock::<T>::put(max);
            }
            if let Some(limit) = self.network_rate_limit {
                NetworkRateLimit::<T>::put(limit);
            }
            if let Some(cooldown) = self.pending_childkey_cooldown {
                PendingChildKeyCooldown::<T>::put(cooldown);
            }
            if let Some(limit) = self.tx_childkey_take_rate_limit {
                TxChildkeyTakeRateLimit::<T>::put(limit);
            }
            if let Some(delay) = self.coldkey_swap_announcement_delay {
                ColdkeySwapAnnouncementDelay::<T>::put(delay);
            }
            if let Some(delay) = self.coldkey_swap_reannouncement_delay {
                ColdkeySwapReannouncementDelay::<T>::put(delay);
            }
            if let Some(interval) = self.hotkey_swap_on_subnet_interval {
                HotkeySwapOnSubnetInterval::<T>::put(interval);
            }
            if self.root {
                Pallet::<T>::init_root_network();
                if let Some((coldkey, hotkey)) = &self.root_owner {
                    SubnetOwner::<T>::insert(ROOT_NETUID, coldkey.clone());
                    SubnetOwnerHotkey::<T>::insert(ROOT_NETUID, hotkey.clone());
                }
            }
            if self.genesis_subnet {
                // Genesis cannot fail gracefully: a spec that cannot build its subnet is unusable.
                #[allow(clippy::expect_used)]
                Pallet::<T>::init_genesis_subnet().expect("the genesis subnet's pool is minted");
            }
            // Last: the genesis subnet's pool is minted TAO.
            TotalIssuance::<T>::put(<T::Currency as Inspect<T::AccountId>>::total_issuance());
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
        /// A subnet was dissolved.
        NetworkRemoved(NetUid),
        /// A subnet's token symbol changed.
        SymbolUpdated(NetUid, Vec<u8>),
        /// The owner asked for an epoch: (netuid, block it runs at).
        EpochTriggered(NetUid, u64),
        /// Stake added: (coldkey, hotkey, TAO paid, alpha staked, netuid, fee in TAO).
        StakeAdded(T::AccountId, T::AccountId, TaoBalance, AlphaBalance, NetUid, TaoBalance),
        /// Stake removed: (coldkey, hotkey, TAO received, alpha unstaked, netuid, fee in TAO).
        StakeRemoved(T::AccountId, T::AccountId, TaoBalance, AlphaBalance, NetUid, TaoBalance),
        /// Stake moved: (coldkey, origin hotkey, origin netuid, destination hotkey,
        /// destination netuid, value in TAO).
        StakeMoved(T::AccountId, T::AccountId, NetUid, T::AccountId, NetUid, TaoBalance),
        /// Stake given to another coldkey: (origin coldkey, destination coldkey, hotkey,
        /// origin netuid, destination netuid, value in TAO).
        StakeTransferred(T::AccountId, T::AccountId, T::AccountId, NetUid, NetUid, TaoBalance),
        /// Stake moved between subnets: (coldkey, hotkey, origin netuid, destination netuid,
        /// value in TAO).
        StakeSwapped(T::AccountId, T::AccountId, NetUid, NetUid, TaoBalance),
        /// A delegate raised its take: (coldkey, hotkey, take).
        TakeIncreased(T::AccountId, T::AccountId, u16),
        /// A delegate lowered its take: (coldkey, hotkey, take).
        TakeDecreased(T::AccountId, T::AccountId, u16),
        /// Weights stored: (mechanism storage index, uid).
        WeightsSet(NetUidStorageIndex, u16),
        /// A weight commit queued: (hotkey, mechanism storage index, hash).
        WeightsCommitted(T::AccountId, NetUidStorageIndex, H256),
        /// A weight commit revealed: (hotkey, mechanism storage index, hash).
        WeightsRevealed(T::AccountId, NetUidStorageIndex, H256),
        /// An epoch ran and paid out the pending emission drained from its buckets.
        EpochRan {
            netuid: NetUid,
            server: AlphaBalance,
            validator: AlphaBalance,
            root: AlphaBalance,
            owner: AlphaBalance,
        },
        /// An epoch was skipped because the subnet's keys are inconsistent.
        EpochSkipped(NetUid),
        /// Too many epochs were due: this one moves to the given block.
        EpochDeferred(NetUid, u64),
        /// Root dividends claimed: (coldkey, hotkey, netuid, alpha).
        RootClaimed(T::AccountId, T::AccountId, NetUid, AlphaBalance),
        /// A coldkey chose what its root dividends become.
        RootClaimTypeSet(T::AccountId, RootClaimTypeEnum),
        /// A crowdloan registered a leased subnet.
        SubnetLeaseCreated {
            beneficiary: T::AccountId,
            lease_id: crate::leasing::LeaseId,
            netuid: NetUid,
            end_block: Option<BlockNumberFor<T>>,
        },
        /// A lease ended and its beneficiary took the subnet over.
        SubnetLeaseTerminated { beneficiary: T::AccountId, netuid: NetUid },
        /// Stake was destroyed and taken out of circulation: (coldkey, hotkey, alpha, netuid).
        AlphaRecycled(T::AccountId, T::AccountId, AlphaBalance, NetUid),
        /// Stake was burned: (coldkey, hotkey, alpha, netuid).
        AlphaBurned(T::AccountId, T::AccountId, AlphaBalance, NetUid),
        /// `add_stake_burn` bought `alpha` with `amount` TAO and burned it.
        AddStakeBurn { netuid: NetUid, hotkey: T::AccountId, amount: TaoBalance, alpha: AlphaBalance },
        /// A coldkey's mining incentive on the subnet now goes to `hotkey`.
        AutoStakeDestinationSet { coldkey: T::AccountId, netuid: NetUid, hotkey: T::AccountId },
        /// A miner's incentive was staked to its coldkey's auto-stake destination.
        AutoStakeAdded {
            netuid: NetUid,
            destination: T::AccountId,
            hotkey: T::AccountId,
            owner: T::AccountId,
            incentive: AlphaBalance,
        },
        /// A lease holder received its part of the lease's dividends (alpha).
        SubnetLeaseDividendsDistributed { lease_id: crate::leasing::LeaseId, contributor: T::AccountId, alpha: AlphaBalance },
        /// A timelocked weight commit queued: (hotkey, mechanism storage index,
        /// blake2_256 of the ciphertext, drand reveal round).
        TimelockedWeightsCommitted(T::AccountId, NetUidStorageIndex, H256, u64),
        /// A timelocked commit was decrypted and its weights applied: (mechanism storage
        /// index, hotkey).
        TimelockedWeightsRevealed(NetUidStorageIndex, T::AccountId),
        /// A child list was scheduled: (parent hotkey, netuid, block after which it may
        /// apply, children).
        SetChildrenScheduled(T::AccountId, NetUid, u64, Vec<(u64, T::AccountId)>),
        /// A child list took effect: (parent hotkey, netuid, children).
        SetChildren(T::AccountId, NetUid, Vec<(u64, T::AccountId)>),
        /// A childkey take was set: (hotkey, take).
        ChildKeyTakeSet(T::AccountId, u16),
        /// The childkey take rate limit changed (blocks).
        TxChildKeyTakeRateLimitSet(u64),
        /// The global minimum childkey take changed.
        MinChildKeyTakeSet(u16),
        /// A subnet's minimum childkey take changed.
        MinChildKeyTakePerSubnetSet(NetUid, u16),
        /// The maximum childkey take changed.
        MaxChildKeyTakeSet(u16),
        /// The minimum stake to set children and weights changed.
        StakeThresholdSet(u64),
        /// A root validator opted in or out of parenting new subnets' owners.
        AutoParentDelegationEnabledSet { hotkey: T::AccountId, enabled: bool },
        /// A coldkey announced a swap to the coldkey with this hash.
        ColdkeySwapAnnounced { who: T::AccountId, new_coldkey_hash: H256 },
        /// Root removed a coldkey's announcement and dispute.
        ColdkeySwapReset { who: T::AccountId },
        /// Everything of the old coldkey moved to the new one.
        ColdkeySwapped { old_coldkey: T::AccountId, new_coldkey: T::AccountId },
        /// A coldkey's announced swap was disputed: the coldkey is frozen until root resets it.
        ColdkeySwapDisputed { coldkey: T::AccountId },
        /// A coldkey withdrew its announcement.
        ColdkeySwapCleared { who: T::AccountId },
        /// The announcement delay changed (blocks).
        ColdkeySwapAnnouncementDelaySet(u32),
        /// The re-announcement delay changed (blocks).
        ColdkeySwapReannouncementDelaySet(u32),
        /// A hotkey was replaced on every subnet.
        HotkeySwapped { coldkey: T::AccountId, old_hotkey: T::AccountId, new_hotkey: T::AccountId },
        /// A hotkey was replaced on one subnet.
        HotkeySwappedOnSubnet { coldkey: T::AccountId, old_hotkey: T::AccountId, new_hotkey: T::AccountId, netuid: NetUid },
        /// A subnet's owner hotkey changed: (netuid, hotkey).
        SubnetOwnerHotkeySet(NetUid, T::AccountId),
        /// A coldkey locked (more of) its alpha on a subnet to a hotkey.
        StakeLocked { coldkey: T::AccountId, hotkey: T::AccountId, netuid: NetUid, amount: AlphaBalance },
        /// A coldkey's lock on a subnet now counts toward another hotkey.
        LockMoved { coldkey: T::AccountId, origin_hotkey: T::AccountId, destination_hotkey: T::AccountId, netuid: NetUid },
        /// A coldkey's lock on a subnet became perpetual (`enabled`) or decaying.
        PerpetualLockUpdated { coldkey: T::AccountId, netuid: NetUid, enabled: bool },
        /// A coldkey now refuses (`enabled`) or accepts locked alpha sent to it.
        RejectLockedAlphaUpdated { coldkey: T::AccountId, enabled: bool },
        /// The hotkey with the most conviction took the subnet over for its coldkey.
        SubnetOwnerChanged { netuid: NetUid, old_coldkey: T::AccountId, new_coldkey: T::AccountId },
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
        /// The root network cannot be dissolved.
        CannotDissolveRootSubnet,
        /// Not one of the listed symbols (or root's).
        SymbolDoesNotExist,
        /// Another subnet uses this symbol.
        SymbolAlreadyInUse,
        /// Epochs cannot be triggered while commit-reveal is on.
        CommitRevealEnabled,
        /// An epoch is already pending.
        EpochAlreadyPending,
        /// Below the minimum stake (0.002 TAO) or nothing to trade.
        AmountTooLow,
        /// The hotkey has no owner: it was never registered or associated.
        HotKeyAccountNotExists,
        /// Staking on the subnet has not started (`start_call`).
        SubtokenDisabled,
        /// The coldkey holds less stake than asked for.
        NotEnoughStakeToWithdraw,
        /// The whole amount would move the price past the limit and partial fills are off.
        SlippageTooHigh,
        /// Nothing can be traded within the price limit.
        ZeroMaxStakeAmount,
        /// The price is already at or past the limit.
        PriceLimitExceeded,
        /// The pool's output reserve is too low to trade.
        ReservesTooLow,
        /// The input is more than 1000 times the pool's reserve.
        SwapInputTooLarge,
        /// The pool cannot pay that much.
        InsufficientLiquidity,
        /// A subnet does not allow stake to change coldkey.
        TransferDisallowed,
        /// Origin and destination subnets are the same.
        SameNetuid,
        /// The take is not below the current one or below the minimum.
        DelegateTakeTooLow,
        /// The take is not above the current one or above the maximum.
        DelegateTakeTooHigh,
        /// The take was raised too recently.
        DelegateTxRateLimitExceeded,
        /// The per-block registration limit is reached.
        TooManyRegistrationsThisBlock,
        /// The per-interval registration limit is reached.
        TooManyRegistrationsThisInterval,
        /// Root is full and the hotkey's root stake is not above the lowest.
        StakeTooLowForRoot,
        /// Weights cannot be set on the root network.
        CanNotSetRootNetworkWeights,
        /// `uids` and `values` differ in length.
        WeightVecNotEqualSize,
        /// The subnet has no such mechanism.
        MechanismDoesNotExist,
        /// More uids than the subnet has.
        UidsLengthExceedUidsInSubNet,
        /// The hotkey has no uid on the subnet.
        HotKeyNotRegisteredInSubNet,
        /// The hotkey's stake is below `StakeThreshold`.
        NotEnoughStakeToSetWeights,
        /// The version key is below the subnet's `WeightsVersionKey`.
        IncorrectWeightVersionKey,
        /// Weights were set too recently (`WeightsSetRateLimit`).
        SettingWeightsTooFast,
        /// Only validators (with a permit) may weight other uids.
        NeuronNoValidatorPermit,
        /// A uid appears twice.
        DuplicateUids,
        /// A uid does not exist on the subnet.
        UidVecContainInvalidOne,
        /// Fewer weights than `MinAllowedWeights`.
        WeightVecLengthIsLow,
        /// A weight exceeds the subnet's maximum.
        MaxWeightExceeded,
        /// Commit-reveal is off on this subnet.
        CommitRevealDisabled,
        /// Committed too recently (`WeightsSetRateLimit`).
        CommittingWeightsTooFast,
        /// Ten commits are already waiting to be revealed.
        TooManyUnrevealedCommits,
        /// The hotkey has no commit waiting.
        NoWeightsCommitFound,
        /// No commit matches the revealed weights.
        InvalidRevealCommitHashNotMatch,
        /// The commit's reveal epoch has not come yet.
        RevealTooEarly,
        /// The batch's lists differ in length.
        InputLengthsUnequal,
        /// `claim_root` names 1 to 5 subnets.
        InvalidSubnetNumber,
        /// More than 50 automatic root claims per block.
        InvalidNumRootClaim,
        /// A root claim threshold above 10^7.
        InvalidRootClaimThreshold,
        /// Alpha values cannot be set while liquid alpha is disabled on the subnet.
        LiquidAlphaDisabled,
        /// `alpha_high` must be at least 1638 (65535 / 40).
        AlphaHighTooLow,
        /// `alpha_low` must be in 1638..=alpha_high.
        AlphaLowOutOfRange,
        /// Only the crowdloan's creator can be a lease's beneficiary.
        InvalidLeaseBeneficiary,
        /// A lease's end block must be in the future.
        LeaseCannotEndInThePast,
        /// The leased subnet was not found after its registration.
        LeaseNetuidNotFound,
        /// No lease with this id.
        LeaseDoesNotExist,
        /// A perpetual lease cannot be terminated.
        LeaseHasNoEndBlock,
        /// The lease's end block has not been reached.
        LeaseHasNotEnded,
        /// The new owner hotkey must belong to the beneficiary.
        BeneficiaryDoesNotOwnHotkey,
        /// Only the lease's beneficiary can do this.
        ExpectedBeneficiaryOrigin,
        /// Alpha cannot be burned or recycled on the root network.
        CannotBurnOrRecycleOnRootSubnet,
        /// This hotkey is already the coldkey's auto-stake destination on the subnet.
        SameAutoStakeHotkeyAlreadySet,
        /// The commit's version is not `CommitRevealWeightsVersion`.
        IncorrectCommitRevealVersion,
        /// The reveal round is before the last drand round the chain stored.
        InvalidRevealRound,
        /// A hotkey cannot be its own child.
        InvalidChild,
        /// A child appears twice in the list.
        DuplicateChild,
        /// The children's proportions add up to more than the whole.
        ProportionOverflow,
        /// More than 5 children.
        TooManyChildren,
        /// A child is already a parent of this hotkey.
        ChildParentInconsistency,
        /// The hotkey's stake (in TAO) is below `StakeThreshold`.
        NotEnoughStakeToSetChildkeys,
        /// The childkey take is outside the minimum and maximum.
        InvalidChildkeyTake,
        /// The childkey take was raised too recently.
        TxChildkeyTakeRateLimitExceeded,
        /// The new coldkey already has stake.
        ColdKeyAlreadyAssociated,
        /// The coldkey cannot pay the swap's cost.
        NotEnoughBalanceToPaySwapColdKey,
        /// The coldkey has announced no swap.
        ColdkeySwapAnnouncementNotFound,
        /// The announcement delay has not passed.
        ColdkeySwapTooEarly,
        /// The announcement cannot be replaced yet.
        ColdkeySwapReannouncedTooEarly,
        /// The new coldkey is not the announced one.
        AnnouncedColdkeyHashDoesNotMatch,
        /// The swap is already disputed.
        ColdkeySwapAlreadyDisputed,
        /// The new coldkey is a hotkey.
        NewColdKeyIsHotkey,
        /// The coldkey has announced a swap: only the swap's calls are allowed.
        ColdkeySwapAnnounced,
        /// The coldkey's swap is disputed: nothing is allowed until root resets it.
        ColdkeySwapDisputed,
        /// The announcement cannot be cleared yet.
        ColdkeySwapClearTooEarly,
        /// The call no longer exists.
        Deprecated,
        /// The new hotkey is the old one.
        NewHotKeyIsSameWithOld,
        /// The coldkey swapped a hotkey too recently (`TxRateLimit`).
        HotKeySetTxRateLimitExceeded,
        /// A swap touching root needs a new hotkey without root stake or root dividends.
        NewHotKeyNotCleanForRootSwap,
        /// The coldkey swapped a hotkey on this subnet too recently.
        HotKeySwapOnSubnetIntervalNotPassed,
        /// The coldkey cannot pay the hotkey swap.
        NotEnoughBalanceToPaySwapHotKey,
        /// The amount is locked: only the unlocked part of a coldkey's alpha on a subnet can
        /// be unstaked, moved to another subnet, recycled or burned.
        StakeUnavailable,
        /// The coldkey's lock on this subnet targets another hotkey (`move_lock` changes it).
        LockHotkeyMismatch,
        /// The coldkey does not hold that much alpha on the subnet.
        InsufficientStakeForLock,
        /// The coldkey has no lock on the subnet.
        NoExistingLock,
        /// The new coldkey of a swap still has a lock.
        ActiveLockExists,
        /// The receiving coldkey does not accept locked alpha (`set_reject_locked_alpha`).
        AccountRejectsLockedAlpha,
    }

    /// Bounds and defaults the clients read as constants (`client-compat.md` §2.5).
    #[pallet::extra_constants]
    impl<T: Config> Pallet<T> {
        /// The recycled cost of a coldkey swap announcement.
        #[pallet::constant_name(KeySwapCost)]
        fn key_swap_cost() -> u64 {
            swap_coldkey::KEY_SWAP_COST
        }
        /// The recycled cost of a hotkey swap on one subnet.
        #[pallet::constant_name(KeySwapOnSubnetCost)]
        fn key_swap_on_subnet_cost() -> u64 {
            swap_hotkey::KEY_SWAP_ON_SUBNET_COST
        }
        /// Blocks between two hotkey swaps of a coldkey on one subnet.
        #[pallet::constant_name(HotkeySwapOnSubnetInterval)]
        fn hotkey_swap_on_subnet_interval() -> u64 {
            HotkeySwapOnSubnetInterval::<T>::get()
        }
        /// The announcement delay of a new chain.
        #[pallet::constant_name(InitialColdkeySwapAnnouncementDelay)]
        fn initial_coldkey_swap_announcement_delay() -> u32 {
            DefaultColdkeySwapAnnouncementDelay::get()
        }
        /// The re-announcement delay of a new chain.
        #[pallet::constant_name(InitialColdkeySwapReannouncementDelay)]
        fn initial_coldkey_swap_reannouncement_delay() -> u32 {
            DefaultColdkeySwapReannouncementDelay::get()
        }
        /// The start-call delay of a new chain (equal to `StartCallDelay` until root changes it).
        #[pallet::constant_name(InitialStartCallDelay)]
        fn initial_start_call_delay() -> u64 {
            StartCallDelay::<T>::get()
        }
        /// The shortest tempo an owner may set.
        #[pallet::constant_name(MinTempo)]
        fn min_tempo() -> u16 {
            subnets::MIN_OWNER_TEMPO
        }
        /// The longest tempo an owner may set.
        #[pallet::constant_name(MaxTempo)]
        fn max_tempo() -> u16 {
            subnets::MAX_OWNER_TEMPO
        }
        #[pallet::constant_name(MinActivityCutoffFactorMilli)]
        fn min_activity_cutoff_factor_milli() -> u32 {
            1_000
        }
        #[pallet::constant_name(MaxActivityCutoffFactorMilli)]
        fn max_activity_cutoff_factor_milli() -> u32 {
            50_000
        }
        /// The most epochs run in one block on a new chain.
        #[pallet::constant_name(InitialMaxEpochsPerBlock)]
        fn initial_max_epochs_per_block() -> u8 {
            MaxEpochsPerBlock::<T>::get()
        }
        /// The SDK reads this name (upstream has only `InitialMaxEpochsPerBlock`); both report
        /// the value in force.
        #[pallet::constant_name(MaxEpochsPerBlock)]
        fn max_epochs_per_block_constant() -> u8 {
            MaxEpochsPerBlock::<T>::get()
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            let now = Self::block_number_u64(n);
            let _ = Self::sync_issuance();
            Self::reset_root_interval(now);
            Self::update_registration_prices(now)
                .saturating_add(T::DbWeight::get().reads_writes(4, 3))
                .saturating_add(Self::block_step(now))
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::check_accounting().map_err(|e| {
                log::error!(target: "subtensor", "accounting invariant broken: {e}");
                sp_runtime::TryRuntimeError::Other("SubtensorModule accounting invariant broken")
            })
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

        /// Sets the signing hotkey's weights on mechanism 0 of `netuid` (commit-reveal off).
        #[pallet::call_index(0)]
        #[pallet::weight((T::WeightInfo::set_weights(), DispatchClass::Normal, Pays::No))]
        pub fn set_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            dests: Vec<u16>,
            weights: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let call = set_weights::WeightsCall { netuid, mecid: 0, uids: &dests, values: &weights, version_key };
            Self::do_set_weights(hotkey, call)
        }

        /// `set_weights` on several subnets (mechanism 0 each).
        #[pallet::call_index(80)]
        #[pallet::weight((T::WeightInfo::set_weights().saturating_mul(netuids.len() as u64), DispatchClass::Normal, Pays::No))]
        pub fn batch_set_weights(
            origin: OriginFor<T>,
            netuids: Vec<Compact<NetUid>>,
            weights: Vec<Vec<(Compact<u16>, Compact<u16>)>>,
            version_keys: Vec<Compact<u64>>,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            ensure!(
                netuids.len() == weights.len() && netuids.len() == version_keys.len(),
                Error::<T>::InputLengthsUnequal
            );
            for ((netuid, row), version_key) in netuids.iter().zip(weights.iter()).zip(version_keys.iter()) {
                let uids: Vec<u16> = row.iter().map(|(u, _)| u.0).collect();
                let values: Vec<u16> = row.iter().map(|(_, v)| v.0).collect();
                let call = set_weights::WeightsCall {
                    netuid: netuid.0,
                    mecid: 0,
                    uids: &uids,
                    values: &values,
                    version_key: version_key.0,
                };
                Self::do_set_weights(hotkey.clone(), call)?;
            }
            Ok(())
        }

        /// Commits the hash of weights to reveal later (mechanism 0).
        #[pallet::call_index(96)]
        #[pallet::weight((T::WeightInfo::commit_weights(), DispatchClass::Normal, Pays::No))]
        pub fn commit_weights(origin: OriginFor<T>, netuid: NetUid, commit_hash: H256) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_commit_weights(hotkey, netuid, 0, commit_hash)
        }

        /// Reveals committed weights (mechanism 0).
        #[pallet::call_index(97)]
        #[pallet::weight((T::WeightInfo::reveal_weights(), DispatchClass::Normal, Pays::No))]
        pub fn reveal_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            uids: Vec<u16>,
            values: Vec<u16>,
            salt: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let call = set_weights::WeightsCall { netuid, mecid: 0, uids: &uids, values: &values, version_key };
            Self::do_reveal_weights(hotkey, call, &salt)
        }

        /// Reveals several commits on one subnet, in order; all or none.
        #[pallet::call_index(98)]
        #[pallet::weight((T::WeightInfo::reveal_weights().saturating_mul(uids_list.len() as u64), DispatchClass::Normal, Pays::No))]
        pub fn batch_reveal_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            uids_list: Vec<Vec<u16>>,
            values_list: Vec<Vec<u16>>,
            salts_list: Vec<Vec<u16>>,
            version_keys: Vec<u64>,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let n = uids_list.len();
            ensure!(
                values_list.len() == n && salts_list.len() == n && version_keys.len() == n,
                Error::<T>::InputLengthsUnequal
            );
            for (((uids, values), salt), version_key) in
                uids_list.iter().zip(values_list.iter()).zip(salts_list.iter()).zip(version_keys.iter())
            {
                let call = set_weights::WeightsCall { netuid, mecid: 0, uids, values, version_key: *version_key };
                Self::do_reveal_weights(hotkey.clone(), call, salt)?;
            }
            Ok(())
        }

        /// Commits on several subnets at once (mechanism 0 each).
        #[pallet::call_index(100)]
        #[pallet::weight((T::WeightInfo::commit_weights().saturating_mul(netuids.len() as u64), DispatchClass::Normal, Pays::No))]
        pub fn batch_commit_weights(
            origin: OriginFor<T>,
            netuids: Vec<Compact<NetUid>>,
            commit_hashes: Vec<H256>,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            ensure!(netuids.len() == commit_hashes.len(), Error::<T>::InputLengthsUnequal);
            for (netuid, hash) in netuids.iter().zip(commit_hashes.iter()) {
                Self::do_commit_weights(hotkey.clone(), netuid.0, 0, *hash)?;
            }
            Ok(())
        }

        /// `commit_weights` for mechanism `mecid`.
        #[pallet::call_index(115)]
        #[pallet::weight((T::WeightInfo::commit_weights(), DispatchClass::Normal, Pays::No))]
        pub fn commit_mechanism_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            mecid: MechId,
            commit_hash: H256,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            Self::do_commit_weights(hotkey, netuid, mecid, commit_hash)
        }

        /// `reveal_weights` for mechanism `mecid`.
        #[pallet::call_index(116)]
        #[pallet::weight((T::WeightInfo::reveal_weights(), DispatchClass::Normal, Pays::No))]
        pub fn reveal_mechanism_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            mecid: MechId,
            uids: Vec<u16>,
            values: Vec<u16>,
            salt: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let call = set_weights::WeightsCall { netuid, mecid, uids: &uids, values: &values, version_key };
            Self::do_reveal_weights(hotkey, call, &salt)
        }

        /// Commits weights encrypted to drand round `reveal_round` (mechanism 0); the chain
        /// decrypts and applies them in the reveal epoch once the pulse is stored.
        #[pallet::call_index(113)]
        #[pallet::weight((T::WeightInfo::commit_timelocked_weights(), DispatchClass::Normal, Pays::No))]
        pub fn commit_timelocked_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            commit: crate::timelocked::TimelockedCommit,
            reveal_round: u64,
            commit_reveal_version: u16,
        ) -> DispatchResult {
            Self::do_commit_timelocked_weights(origin, netuid, 0, commit, reveal_round, commit_reveal_version)
        }

        /// `commit_timelocked_weights` for mechanism `mecid`, at commit-reveal version 4.
        #[pallet::call_index(117)]
        #[pallet::weight((T::WeightInfo::commit_crv3_mechanism_weights(), DispatchClass::Normal, Pays::No))]
        pub fn commit_crv3_mechanism_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            mecid: MechId,
            commit: crate::timelocked::TimelockedCommit,
            reveal_round: u64,
        ) -> DispatchResult {
            let version = crate::timelocked::CRV3_MECHANISM_VERSION;
            Self::do_commit_timelocked_weights(origin, netuid, mecid, commit, reveal_round, version)
        }

        /// `commit_timelocked_weights` for mechanism `mecid` (what the SDK sends).
        #[pallet::call_index(118)]
        #[pallet::weight((T::WeightInfo::commit_timelocked_mechanism_weights(), DispatchClass::Normal, Pays::No))]
        pub fn commit_timelocked_mechanism_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            mecid: MechId,
            commit: crate::timelocked::TimelockedCommit,
            reveal_round: u64,
            commit_reveal_version: u16,
        ) -> DispatchResult {
            Self::do_commit_timelocked_weights(origin, netuid, mecid, commit, reveal_round, commit_reveal_version)
        }

        /// `set_weights` for mechanism `mecid`.
        #[pallet::call_index(119)]
        #[pallet::weight((T::WeightInfo::set_weights(), DispatchClass::Normal, Pays::No))]
        pub fn set_mechanism_weights(
            origin: OriginFor<T>,
            netuid: NetUid,
            mecid: MechId,
            dests: Vec<u16>,
            weights: Vec<u16>,
            version_key: u64,
        ) -> DispatchResult {
            let hotkey = ensure_signed(origin)?;
            let call = set_weights::WeightsCall { netuid, mecid, uids: &dests, values: &weights, version_key };
            Self::do_set_weights(hotkey, call)
        }

        /// Claims the caller's root dividends on 1 to 5 subnets.
        #[pallet::call_index(121)]
        #[pallet::weight(T::WeightInfo::claim_root().saturating_mul(subnets.len() as u64))]
        pub fn claim_root(origin: OriginFor<T>, subnets: BTreeSet<NetUid>) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_claim_root(coldkey, subnets)
        }

        /// Chooses what the caller's root dividends become when claimed.
        #[pallet::call_index(122)]
        #[pallet::weight(T::WeightInfo::set_root_claim_type())]
        pub fn set_root_claim_type(origin: OriginFor<T>, new_root_claim_type: RootClaimTypeEnum) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            RootClaimType::<T>::insert(&coldkey, new_root_claim_type.clone());
            Self::deposit_event(Event::RootClaimTypeSet(coldkey, new_root_claim_type));
            Ok(())
        }

        /// Root sets how many root stakers are claimed automatically each block (at most 50).
        #[pallet::call_index(123)]
        #[pallet::weight(T::WeightInfo::set_root_claim_type())]
        pub fn sudo_set_num_root_claims(origin: OriginFor<T>, new_value: u64) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(new_value <= root_claim::MAX_NUM_ROOT_CLAIMS, Error::<T>::InvalidNumRootClaim);
            NumRootClaim::<T>::put(new_value);
            Ok(())
        }

        /// The owner (or root) sets the smallest claim on a subnet (at most 10^7 alpha rao).
        #[pallet::call_index(124)]
        #[pallet::weight(T::WeightInfo::set_root_claim_type())]
        pub fn sudo_set_root_claim_threshold(origin: OriginFor<T>, netuid: NetUid, new_value: u64) -> DispatchResult {
            if ensure_root(origin.clone()).is_err() {
                let coldkey = ensure_signed(origin)?;
                ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
            }
            ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
            ensure!(new_value <= 10_000_000, Error::<T>::InvalidRootClaimThreshold);
            RootClaimableThreshold::<T>::insert(netuid, I96F32::from_num(new_value));
            Ok(())
        }

        /// Stakes `amount_staked` TAO to `hotkey` on `netuid`, buying alpha at any price.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::add_stake())]
        pub fn add_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_staked: TaoBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_add_stake(coldkey, hotkey, netuid, amount_staked)
        }

        /// Unstakes `amount_unstaked` alpha (capped at the holding), selling at any price.
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::remove_stake())]
        pub fn remove_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_unstaked: AlphaBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_remove_stake(coldkey, hotkey, netuid, amount_unstaked)
        }

        /// Claims an unowned hotkey for the signing coldkey (a no-op for its own hotkey).
        #[pallet::call_index(91)]
        #[pallet::weight(T::WeightInfo::try_associate_hotkey())]
        pub fn try_associate_hotkey(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            if Owner::<T>::contains_key(&hotkey) {
                ensure!(Owner::<T>::get(&hotkey) == coldkey, Error::<T>::NonAssociatedColdKey);
                return Ok(());
            }
            Self::create_account_if_non_existent(&coldkey, &hotkey);
            Ok(())
        }

        /// Root registration: a root uid for `hotkey`.
        #[pallet::call_index(62)]
        #[pallet::weight(T::WeightInfo::root_register())]
        pub fn root_register(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_root_register(coldkey, hotkey)
        }

        /// The hotkey's owner lowers its delegate take.
        #[pallet::call_index(65)]
        #[pallet::weight(T::WeightInfo::decrease_take())]
        pub fn decrease_take(origin: OriginFor<T>, hotkey: T::AccountId, take: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_decrease_take(coldkey, hotkey, take)
        }

        /// The hotkey's owner raises its delegate take (rate limited).
        #[pallet::call_index(66)]
        #[pallet::weight(T::WeightInfo::increase_take())]
        pub fn increase_take(origin: OriginFor<T>, hotkey: T::AccountId, take: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_increase_take(coldkey, hotkey, take)
        }

        /// Unstakes everything the caller holds on `hotkey`, on every subnet.
        #[pallet::call_index(83)]
        #[pallet::weight(T::WeightInfo::unstake_all())]
        pub fn unstake_all(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_unstake_all(coldkey, hotkey)
        }

        /// Unstakes everything the caller holds on `hotkey` off root, and stakes the TAO on root.
        #[pallet::call_index(84)]
        #[pallet::weight(T::WeightInfo::unstake_all_alpha())]
        pub fn unstake_all_alpha(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_unstake_all_alpha(coldkey, hotkey)
        }

        /// Moves stake to another hotkey and/or subnet, keeping the coldkey.
        #[pallet::call_index(85)]
        #[pallet::weight(T::WeightInfo::move_stake())]
        pub fn move_stake(
            origin: OriginFor<T>,
            origin_hotkey: T::AccountId,
            destination_hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: AlphaBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_move_stake(coldkey, origin_hotkey, destination_hotkey, origin_netuid, destination_netuid, alpha_amount)
        }

        /// Gives stake to another coldkey (possibly on another subnet).
        #[pallet::call_index(86)]
        #[pallet::weight(T::WeightInfo::move_stake())]
        pub fn transfer_stake(
            origin: OriginFor<T>,
            destination_coldkey: T::AccountId,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: AlphaBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_transfer_stake(coldkey, destination_coldkey, hotkey, origin_netuid, destination_netuid, alpha_amount)
        }

        /// Moves stake on `hotkey` from one subnet to another.
        #[pallet::call_index(87)]
        #[pallet::weight(T::WeightInfo::move_stake())]
        pub fn swap_stake(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: AlphaBalance,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_stake(coldkey, hotkey, origin_netuid, destination_netuid, alpha_amount, None)
        }

        /// `add_stake` up to the price `limit_price` (rao per alpha); all or nothing unless
        /// `allow_partial`.
        #[pallet::call_index(88)]
        #[pallet::weight(T::WeightInfo::add_stake())]
        pub fn add_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_staked: TaoBalance,
            limit_price: TaoBalance,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_add_stake_limit(coldkey, hotkey, netuid, amount_staked, limit_price, allow_partial)
        }

        /// `remove_stake` down to the price `limit_price`; all or nothing unless `allow_partial`.
        #[pallet::call_index(89)]
        #[pallet::weight(T::WeightInfo::remove_stake())]
        pub fn remove_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount_unstaked: AlphaBalance,
            limit_price: TaoBalance,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_remove_stake_limit(coldkey, hotkey, netuid, amount_unstaked, limit_price, allow_partial)
        }

        /// `swap_stake` while `P_origin/P_destination` stays above `limit_price` (×10^9).
        #[pallet::call_index(90)]
        #[pallet::weight(T::WeightInfo::move_stake())]
        pub fn swap_stake_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            origin_netuid: NetUid,
            destination_netuid: NetUid,
            alpha_amount: AlphaBalance,
            limit_price: TaoBalance,
            allow_partial: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_stake(
                coldkey,
                hotkey,
                origin_netuid,
                destination_netuid,
                alpha_amount,
                Some((limit_price, allow_partial)),
            )
        }

        /// Unstakes the whole position; with a limit price, fill or kill.
        #[pallet::call_index(103)]
        #[pallet::weight(T::WeightInfo::remove_stake())]
        pub fn remove_stake_full_limit(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            limit_price: Option<TaoBalance>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_remove_stake_full_limit(coldkey, hotkey, netuid, limit_price)
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
        #[pallet::weight(T::WeightInfo::register_network().saturating_add(Pallet::<T>::auto_parent_delegation_weight()))]
        pub fn register_network(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResultWithPostInfo {
            let coldkey = ensure_signed(origin)?;
            // Charged for the root validators there are, not the 64 there may be.
            let validators = SubnetworkN::<T>::get(ROOT_NETUID);
            Self::do_register_network(coldkey, hotkey)?;
            Ok(Some(T::WeightInfo::register_network().saturating_add(Self::auto_parent_delegation_weight_for(validators))).into())
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
        #[pallet::weight(T::WeightInfo::register_network().saturating_add(Pallet::<T>::auto_parent_delegation_weight()).saturating_add(T::WeightInfo::set_identity()))]
        pub fn register_network_with_identity(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            identity: Option<SubnetIdentityV3>,
        ) -> DispatchResultWithPostInfo {
            let coldkey = ensure_signed(origin)?;
            if let Some(identity) = &identity {
                ensure!(identity::is_valid_subnet_identity(identity), Error::<T>::InvalidIdentity);
            }
            let validators = SubnetworkN::<T>::get(ROOT_NETUID);
            let netuid = Self::do_register_network(coldkey.clone(), hotkey)?;
            if let Some(identity) = identity {
                Self::do_set_subnet_identity(coldkey, netuid, identity)?;
            }
            Ok(Some(
                T::WeightInfo::register_network()
                    .saturating_add(Self::auto_parent_delegation_weight_for(validators))
                    .saturating_add(T::WeightInfo::set_identity()),
            )
            .into())
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
            ensure!(
                (Self::min_activity_cutoff_factor_milli()..=Self::max_activity_cutoff_factor_milli()).contains(&factor_milli),
                Error::<T>::InvalidActivityCutoffFactor
            );
            ActivityCutoffFactorMilli::<T>::insert(netuid, factor_milli);
            Self::deposit_event(Event::ActivityCutoffFactorSet(netuid, factor_milli));
            Ok(())
        }

        /// Root dissolves a subnet: stakers are paid out of its pool, the rest is recycled,
        /// and all its storage goes. The coldkey argument is ignored, as upstream.
        #[pallet::call_index(61)]
        #[pallet::weight(T::WeightInfo::dissolve_network())]
        pub fn dissolve_network(origin: OriginFor<T>, _coldkey: T::AccountId, netuid: NetUid) -> DispatchResult {
            ensure_root(origin)?;
            Self::do_dissolve_network(netuid)
        }

        /// The owner (or root) sets the subnet's token symbol.
        #[pallet::call_index(112)]
        #[pallet::weight(T::WeightInfo::update_symbol())]
        pub fn update_symbol(origin: OriginFor<T>, netuid: NetUid, symbol: Vec<u8>) -> DispatchResult {
            if ensure_root(origin.clone()).is_err() {
                let coldkey = ensure_signed(origin)?;
                ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
                ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
            }
            Self::do_update_symbol(netuid, symbol)
        }

        /// Root dissolves a subnet (as `dissolve_network`).
        #[pallet::call_index(120)]
        #[pallet::weight(T::WeightInfo::dissolve_network())]
        pub fn root_dissolve_network(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
            ensure_root(origin)?;
            Self::do_dissolve_network(netuid)
        }

        /// The owner asks for the subnet's next epoch `AdminFreezeWindow` blocks from now.
        #[pallet::call_index(141)]
        #[pallet::weight(T::WeightInfo::trigger_epoch())]
        pub fn trigger_epoch(origin: OriginFor<T>, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_trigger_epoch(coldkey, netuid)
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

        /// Destroys up to `amount` of the caller's stake on `hotkey`, lowering the subnet's
        /// alpha in circulation.
        #[pallet::call_index(101)]
        #[pallet::weight(T::WeightInfo::destroy_alpha())]
        pub fn recycle_alpha(origin: OriginFor<T>, hotkey: T::AccountId, amount: AlphaBalance, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_destroy_alpha(coldkey, hotkey, amount, netuid, crate::stake_burn::Destroy::Recycle).map(|_| ())
        }

        /// Burns up to `amount` of the caller's stake on `hotkey`.
        #[pallet::call_index(102)]
        #[pallet::weight(T::WeightInfo::destroy_alpha())]
        pub fn burn_alpha(origin: OriginFor<T>, hotkey: T::AccountId, amount: AlphaBalance, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_destroy_alpha(coldkey, hotkey, amount, netuid, crate::stake_burn::Destroy::Burn).map(|_| ())
        }

        /// Stakes the caller's mining incentive on `netuid` to `hotkey` from now on.
        #[pallet::call_index(114)]
        #[pallet::weight(T::WeightInfo::set_coldkey_auto_stake_hotkey())]
        pub fn set_coldkey_auto_stake_hotkey(origin: OriginFor<T>, netuid: NetUid, hotkey: T::AccountId) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_auto_stake_hotkey(coldkey, netuid, hotkey)
        }

        /// Buys alpha with `amount` TAO (at most up to the price `limit`, all or nothing) and
        /// burns it.
        #[pallet::call_index(132)]
        #[pallet::weight(T::WeightInfo::add_stake().saturating_add(T::WeightInfo::destroy_alpha()))]
        pub fn add_stake_burn(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            amount: TaoBalance,
            limit: Option<TaoBalance>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_add_stake_burn(coldkey, hotkey, netuid, amount, limit)
        }

        /// Registers a subnet owned by a new lease; only as the stored call of a crowdloan
        /// being finalized, whose creator becomes the lease's beneficiary.
        #[pallet::call_index(110)]
        #[pallet::weight(T::WeightInfo::register_leased_network(<T::LeaseCrowdloan as crate::leasing::LeaseCrowdloan<T::AccountId>>::max_contributors()).saturating_add(Pallet::<T>::auto_parent_delegation_weight()))]
        pub fn register_leased_network(
            origin: OriginFor<T>,
            emissions_share: sp_runtime::Percent,
            end_block: Option<BlockNumberFor<T>>,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let validators = SubnetworkN::<T>::get(ROOT_NETUID);
            let refunded = Self::do_register_leased_network(who, emissions_share, end_block)?;
            Ok(Some(T::WeightInfo::register_leased_network(refunded).saturating_add(Self::auto_parent_delegation_weight_for(validators))).into())
        }

        /// The beneficiary of an ended lease takes the subnet over with `hotkey` as its owner
        /// hotkey.
        #[pallet::call_index(111)]
        #[pallet::weight(T::WeightInfo::terminate_lease(<T::LeaseCrowdloan as crate::leasing::LeaseCrowdloan<T::AccountId>>::max_contributors()))]
        pub fn terminate_lease(
            origin: OriginFor<T>,
            lease_id: crate::leasing::LeaseId,
            hotkey: T::AccountId,
        ) -> DispatchResultWithPostInfo {
            let who = ensure_signed(origin)?;
            let removed = Self::do_terminate_lease(who, lease_id, hotkey)?;
            Ok(Some(T::WeightInfo::terminate_lease(removed)).into())
        }

        /// Makes `children` (proportions of `u64::MAX`, at most 5) the children of the
        /// caller's `hotkey` on `netuid`, from the first epoch after `PendingChildKeyCooldown`
        /// blocks (at once while the subnet has not started). An empty list revokes them.
        #[pallet::call_index(67)]
        #[pallet::weight(T::WeightInfo::set_children())]
        pub fn set_children(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            netuid: NetUid,
            children: Vec<(u64, T::AccountId)>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_schedule_children(&coldkey, &hotkey, netuid, children)
        }

        /// Sets the share (of 65 535) of its parents' dividends the caller's `hotkey` keeps
        /// as their child on `netuid`.
        #[pallet::call_index(75)]
        #[pallet::weight(T::WeightInfo::set_childkey_take())]
        pub fn set_childkey_take(origin: OriginFor<T>, hotkey: T::AccountId, netuid: NetUid, take: u16) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_childkey_take(&coldkey, &hotkey, netuid, take)
        }

        /// Root: blocks between two raises of a childkey take.
        #[pallet::call_index(69)]
        #[pallet::weight(T::WeightInfo::sudo_set_childkey_parameter())]
        pub fn sudo_set_tx_childkey_take_rate_limit(origin: OriginFor<T>, tx_rate_limit: u64) -> DispatchResult {
            ensure_root(origin)?;
            TxChildkeyTakeRateLimit::<T>::put(tx_rate_limit);
            Self::deposit_event(Event::TxChildKeyTakeRateLimitSet(tx_rate_limit));
            Ok(())
        }

        /// Root: the global minimum childkey take.
        #[pallet::call_index(76)]
        #[pallet::weight(T::WeightInfo::sudo_set_childkey_parameter())]
        pub fn sudo_set_min_childkey_take(origin: OriginFor<T>, take: u16) -> DispatchResult {
            ensure_root(origin)?;
            MinChildkeyTake::<T>::put(take);
            Self::deposit_event(Event::MinChildKeyTakeSet(take));
            Ok(())
        }

        /// Root: the maximum childkey take.
        #[pallet::call_index(77)]
        #[pallet::weight(T::WeightInfo::sudo_set_childkey_parameter())]
        pub fn sudo_set_max_childkey_take(origin: OriginFor<T>, take: u16) -> DispatchResult {
            ensure_root(origin)?;
            MaxChildkeyTake::<T>::put(take);
            Self::deposit_event(Event::MaxChildKeyTakeSet(take));
            Ok(())
        }

        /// Root: blocks a scheduled child list waits.
        #[pallet::call_index(109)]
        #[pallet::weight(T::WeightInfo::sudo_set_childkey_parameter())]
        pub fn set_pending_childkey_cooldown(origin: OriginFor<T>, cooldown: u64) -> DispatchResult {
            ensure_root(origin)?;
            PendingChildKeyCooldown::<T>::put(cooldown);
            Ok(())
        }

        /// Announces a swap of the caller's coldkey to the coldkey whose BlakeTwo256 hash is
        /// `new_coldkey_hash`; the first announcement costs `KeySwapCost`, recycled.
        #[pallet::call_index(125)]
        #[pallet::weight(T::WeightInfo::announce_coldkey_swap())]
        pub fn announce_coldkey_swap(origin: OriginFor<T>, new_coldkey_hash: H256) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_announce_coldkey_swap(&who, new_coldkey_hash)
        }

        /// Executes the caller's announced swap to `new_coldkey` once its delay has passed.
        #[pallet::call_index(126)]
        #[pallet::weight(T::WeightInfo::swap_coldkey())]
        pub fn swap_coldkey_announced(origin: OriginFor<T>, new_coldkey: T::AccountId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_swap_coldkey_announced(&who, &new_coldkey)
        }

        /// Disputes the caller's announced swap: the coldkey is frozen until root resets it.
        #[pallet::call_index(127)]
        #[pallet::weight(T::WeightInfo::dispute_coldkey_swap())]
        pub fn dispute_coldkey_swap(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_dispute_coldkey_swap(&who)
        }

        /// Root: removes `coldkey`'s announcement and dispute.
        #[pallet::call_index(128)]
        #[pallet::weight(T::WeightInfo::dispute_coldkey_swap())]
        pub fn reset_coldkey_swap(origin: OriginFor<T>, coldkey: T::AccountId) -> DispatchResult {
            ensure_root(origin)?;
            Self::do_reset_coldkey_swap(&coldkey);
            Ok(())
        }

        /// Withdraws the caller's announcement (its cost is not refunded).
        #[pallet::call_index(133)]
        #[pallet::weight(T::WeightInfo::dispute_coldkey_swap())]
        pub fn clear_coldkey_swap_announcement(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_clear_coldkey_swap_announcement(&who)
        }

        /// Root: swaps `old_coldkey` to `new_coldkey` at once, recycling `swap_cost` from it.
        #[pallet::call_index(71)]
        #[pallet::weight(T::WeightInfo::swap_coldkey())]
        pub fn swap_coldkey(
            origin: OriginFor<T>,
            old_coldkey: T::AccountId,
            new_coldkey: T::AccountId,
            swap_cost: TaoBalance,
        ) -> DispatchResult {
            ensure_root(origin)?;
            Self::do_root_swap_coldkey(&old_coldkey, &new_coldkey, swap_cost)
        }

        /// Replaces the caller's `hotkey` by `new_hotkey` on every subnet (`netuid` none) or on
        /// one, moving its stake with it (`swap_hotkey_v2` with `keep_stake` false).
        #[pallet::call_index(70)]
        #[pallet::weight(T::WeightInfo::swap_hotkey())]
        pub fn swap_hotkey(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            new_hotkey: T::AccountId,
            netuid: Option<NetUid>,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_hotkey(&coldkey, &hotkey, &new_hotkey, netuid, false)
        }

        /// Replaces the caller's `hotkey` by `new_hotkey` on every subnet (`netuid` none) or on
        /// one; with `keep_stake` the stake stays on the old hotkey.
        #[pallet::call_index(72)]
        #[pallet::weight(T::WeightInfo::swap_hotkey())]
        pub fn swap_hotkey_v2(
            origin: OriginFor<T>,
            hotkey: T::AccountId,
            new_hotkey: T::AccountId,
            netuid: Option<NetUid>,
            keep_stake: bool,
        ) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_swap_hotkey(&coldkey, &hotkey, &new_hotkey, netuid, keep_stake)
        }

        /// Replaced by `announce_coldkey_swap`: always fails.
        #[pallet::call_index(73)]
        #[pallet::weight(T::WeightInfo::sudo_set_childkey_parameter())]
        pub fn schedule_swap_coldkey(origin: OriginFor<T>, _new_coldkey: T::AccountId) -> DispatchResult {
            ensure_signed_or_root(origin)?;
            Err(Error::<T>::Deprecated.into())
        }

        /// Locks `amount` more of the caller's alpha on `netuid` to `hotkey` (§5.4).
        #[pallet::call_index(136)]
        #[pallet::weight(T::WeightInfo::lock_stake())]
        pub fn lock_stake(origin: OriginFor<T>, hotkey: T::AccountId, netuid: NetUid, amount: AlphaBalance) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_lock_stake(&coldkey, &hotkey, netuid, amount)
        }

        /// Makes the caller's lock on `netuid` count toward `destination_hotkey`.
        #[pallet::call_index(137)]
        #[pallet::weight(T::WeightInfo::move_lock())]
        pub fn move_lock(origin: OriginFor<T>, destination_hotkey: T::AccountId, netuid: NetUid) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_move_lock(&coldkey, &destination_hotkey, netuid)
        }

        /// Whether the caller's lock on `netuid` is perpetual (its mass does not decay).
        #[pallet::call_index(138)]
        #[pallet::weight(T::WeightInfo::set_perpetual_lock())]
        pub fn set_perpetual_lock(origin: OriginFor<T>, netuid: NetUid, enabled: bool) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_perpetual_lock(&coldkey, netuid, enabled)
        }

        /// Whether the caller refuses locked alpha that others transfer to it (the default).
        #[pallet::call_index(142)]
        #[pallet::weight(T::WeightInfo::set_reject_locked_alpha())]
        pub fn set_reject_locked_alpha(origin: OriginFor<T>, enabled: bool) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_reject_locked_alpha(&coldkey, enabled)
        }

        /// Whether the caller's root validator `hotkey` becomes a parent of each new subnet's
        /// owner hotkey.
        #[pallet::call_index(135)]
        #[pallet::weight(T::WeightInfo::set_auto_parent_delegation_enabled())]
        pub fn set_auto_parent_delegation_enabled(origin: OriginFor<T>, hotkey: T::AccountId, enabled: bool) -> DispatchResult {
            let coldkey = ensure_signed(origin)?;
            Self::do_set_auto_parent_delegation(&coldkey, &hotkey, enabled)
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
