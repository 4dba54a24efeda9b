//! Pallet configurations.

use crate::{
    AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo,
    Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
    RuntimeTask, SubtensorModule, Swap, System, EXISTENTIAL_DEPOSIT, MILLI_TAO, SS58_PREFIX, VERSION,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
    derive_impl, parameter_types,
    traits::{
        fungible::{Balanced, Credit},
        ConstBool, ConstU16, ConstU32, ConstU64, ConstU8, FindAuthor, Get, InstanceFilter, OnUnbalanced,
        VariantCountOf,
    },
    weights::{
        constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
        IdentityFee, Weight, WeightToFeeCoefficient, WeightToFeeCoefficients,
        WeightToFeePolynomial,
    },
};
use frame_support::dispatch::DispatchClass;
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use scale_info::TypeInfo;
use smallvec::smallvec;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};

/// A block may use three quarters of its weight for normal transactions; the rest is kept for
/// operational ones (sudo, inherents) so that the chain can always be administered.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
    pub const BlockHashCount: BlockNumber = 2400;
    pub const Version: sp_version::RuntimeVersion = VERSION;

    /// Two seconds of compute per 12-second block, as upstream: leaves room for import on
    /// modest hardware.
    pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
        Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
        NORMAL_DISPATCH_RATIO,
    );
    pub RuntimeBlockLength: BlockLength = BlockLength::builder()
        .max_length(5 * 1024 * 1024)
        .modify_max_length_for_class(DispatchClass::Normal, |max| {
            *max = NORMAL_DISPATCH_RATIO * *max
        })
        .build();
    pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type BlockWeights = RuntimeBlockWeights;
    type BlockLength = RuntimeBlockLength;
    type AccountId = AccountId;
    type Nonce = Nonce;
    type Hash = Hash;
    type BlockHashCount = BlockHashCount;
    // The node stores its state in ParityDB.
    type DbWeight = ParityDbWeight;
    // The transaction extensions' benchmarked weights, priced with this chain's database
    // (the default prices them with RocksDB's, twice as dear per write).
    type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
    type Version = Version;
    type AccountData = pallet_balances::AccountData<Balance>;
    type SS58Prefix = SS58Prefix;
    type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
    type AuthorityId = AuraId;
    type DisabledValidators = ();
    type MaxAuthorities = ConstU32<32>;
    type AllowMultipleBlocksPerSlot = ConstBool<false>;
    type SlotDuration = ChainSlotDuration;
}

/// The block time the chain spec chose (`SubtensorModule.SlotDurationMillis`): 12 s unless the
/// genesis says otherwise, 250 ms on the fast dev chain. Read from storage so that one runtime
/// serves both, and the `Aura.SlotDuration` constant the clients read is always the real one.
pub struct ChainSlotDuration;
impl Get<u64> for ChainSlotDuration {
    fn get() -> u64 {
        pallet_subtensor::SlotDurationMillis::<Runtime>::get()
    }
}

/// Half the slot: blocks must be at least this far apart in time.
pub struct HalfSlot;
impl Get<u64> for HalfSlot {
    fn get() -> u64 {
        ChainSlotDuration::get() / 2
    }
}

impl pallet_grandpa::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type MaxAuthorities = ConstU32<32>;
    type MaxNominators = ConstU32<0>;
    type MaxSetIdSessionEntries = ConstU64<0>;
    type KeyOwnerProof = sp_core::Void;
    type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
    type Moment = u64;
    type OnTimestampSet = Aura;
    type MinimumPeriod = HalfSlot;
    type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_balances::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeHoldReason = RuntimeHoldReason;
    type RuntimeFreezeReason = RuntimeFreezeReason;
    type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
    type Balance = Balance;
    // Dust of reaped accounts leaves the issuance, as upstream's `transfer_tao` does.
    type DustRemoval = RecycleCredit;
    type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
    type ReserveIdentifier = [u8; 8];
    type FreezeIdentifier = RuntimeFreezeReason;
    type MaxLocks = ConstU32<50>;
    type MaxReserves = ConstU32<50>;
    type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
    type DoneSlashHandler = ();
}

/// The account of the author of the block being built or executed, read from the Aura
/// pre-runtime digest. `None` before Aura has run or when no authority matches.
pub fn block_author() -> Option<AccountId> {
    let digest = System::digest();
    let pre_runtime = digest.logs().iter().filter_map(|item| item.as_pre_runtime());
    let authority: AuraId = pallet_aura::AuraAuthorId::<Runtime>::find_author(pre_runtime)?;
    let raw: &[u8] = authority.as_ref();
    let bytes: [u8; 32] = raw.try_into().ok()?;
    Some(AccountId::new(bytes))
}

/// Destroys a balances credit and lowers SubtensorModule's `TotalIssuance` mirror with it, so
/// that the two issuances never drift apart: dust removed when an account is reaped, and
/// fees that find no author.
pub struct RecycleCredit;
impl OnUnbalanced<Credit<AccountId, Balances>> for RecycleCredit {
    fn on_nonzero_unbalanced(credit: Credit<AccountId, Balances>) {
        let amount = frame_support::traits::Imbalance::peek(&credit);
        drop(credit);
        SubtensorModule::note_tao_destroyed(amount);
    }
}

/// Pays every transaction fee and tip to the block author; nothing is burned. Without a known
/// author (never the case on an Aura chain) the credit is recycled.
pub struct FeesToAuthor;
impl OnUnbalanced<Credit<AccountId, Balances>> for FeesToAuthor {
    fn on_unbalanceds(fees_then_tips: impl Iterator<Item = Credit<AccountId, Balances>>) {
        let mut total: Credit<AccountId, Balances> = Default::default();
        for credit in fees_then_tips {
            total = frame_support::traits::Imbalance::merge(total, credit);
        }
        Self::on_nonzero_unbalanced(total);
    }

    fn on_nonzero_unbalanced(credit: Credit<AccountId, Balances>) {
        let unpaid = match block_author() {
            Some(author) => <Balances as Balanced<AccountId>>::resolve(&author, credit).err(),
            None => Some(credit),
        };
        if let Some(credit) = unpaid {
            RecycleCredit::on_nonzero_unbalanced(credit);
        }
    }
}

/// Fee for compute, upstream's formula: 0.0005 rao per picosecond of benchmarked ref-time
/// (0.5 rao per nanosecond; a transfer costs about 0.00018 TAO), so that no paying call is free
/// to spam yet ordinary use costs what it costs on upstream's chain.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
    type Balance = Balance;
    fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
        smallvec![WeightToFeeCoefficient {
            coeff_integer: 0,
            coeff_frac: Perbill::from_parts(500_000),
            negative: false,
            degree: 1,
        }]
    }
}

parameter_types! {
    pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type OnChargeTransaction = FungibleAdapter<Balances, FeesToAuthor>;
    type WeightToFee = WeightToFee;
    /// One rao per byte of the encoded transaction.
    type LengthToFee = IdentityFee<Balance>;
    type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
    type OperationalFeeMultiplier = ConstU8<5>;
    type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type PalletsOrigin = OriginCaller;
    type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
    // Deposits are reserved for as long as a multisig operation or proxy exists, so that
    // storage is paid for: base for the item, factor per byte or entry.
    pub const DepositBase: Balance = deposit(1, 88);
    pub const DepositFactor: Balance = deposit(0, 32);
    // Upstream's proxy deposits (`staking-2.md` §7.3): a lease's proxy costs its coldkey
    // exactly 93 000 000 rao.
    pub const ProxyDepositBase: Balance = deposit(1, 40);
    pub const ProxyDepositFactor: Balance = deposit(0, 33);
    pub const AnnouncementDepositBase: Balance = deposit(1, 16);
    pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
}

/// The deposit for `items` storage items taking `bytes` bytes: upstream's 0.02 TAO per item
/// and 0.001 TAO per byte.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
    (items as Balance).saturating_mul(20 * MILLI_TAO).saturating_add(
        (bytes as Balance).saturating_mul(MILLI_TAO),
    )
}

impl pallet_multisig::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type Currency = Balances;
    type DepositBase = DepositBase;
    type DepositFactor = DepositFactor;
    type MaxSignatories = ConstU32<100>;
    type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
    type BlockNumberProvider = System;
}

/// What a proxy may do for its delegator.
#[derive(
    Copy,
    Clone,
    Eq,
    PartialEq,
    Ord,
    PartialOrd,
    Encode,
    Decode,
    DecodeWithMemTracking,
    Debug,
    MaxEncodedLen,
    TypeInfo,
    Default,
)]
pub enum ProxyType {
    /// Everything.
    #[default]
    Any,
    /// A subnet owner's hyperparameters, identity and symbol, but not its owner hotkey.
    Owner,
    /// Everything but dissolving subnets, root and neuron registration, and sudo.
    NonCritical,
    /// Everything that does not move TAO or stake to another coldkey.
    NonTransfer,
    /// Deprecated: allows nothing.
    Senate,
    /// Everything that does not touch balances, stake or registrations.
    NonFungible,
    /// Deprecated: allows nothing.
    Triumvirate,
    /// Deprecated: allows nothing.
    Governance,
    /// Staking calls.
    Staking,
    /// Neuron registration.
    Registration,
    /// Balance transfers and stake transfers.
    Transfer,
    /// Transfers of less than 0.5 TAO (or 0.5 alpha).
    SmallTransfer,
    /// Deprecated: allows nothing.
    RootWeights,
    /// Childkey settings.
    ChildKeys,
    /// `Sudo.sudo_unchecked_weight(System.set_code)` only.
    SudoUncheckedSetCode,
    /// Hotkey swaps.
    SwapHotkey,
    /// What a leased subnet's beneficiary may do as the lease's coldkey (`pallets-2.md` §4.6).
    SubnetLeaseBeneficiary,
    /// Root claims.
    RootClaim,
}

/// The most a `SmallTransfer` proxy may move at once (strictly less).
pub const SMALL_TRANSFER_LIMIT: Balance = 500_000_000;

impl InstanceFilter<RuntimeCall> for ProxyType {
    fn filter(&self, call: &RuntimeCall) -> bool {
        use pallet_admin_utils::Call as A;
        use pallet_subtensor::Call as S;
        match self {
            ProxyType::Any => true,
            ProxyType::Owner => match call {
                RuntimeCall::AdminUtils(A::sudo_set_sn_owner_hotkey { .. } | A::sudo_set_subnet_owner_hotkey { .. }) => {
                    false
                },
                RuntimeCall::AdminUtils(..) => true,
                RuntimeCall::SubtensorModule(S::set_subnet_identity { .. } | S::update_symbol { .. }) => true,
                _ => false,
            },
            ProxyType::NonCritical => !matches!(
                call,
                RuntimeCall::SubtensorModule(
                    S::dissolve_network { .. }
                        | S::root_register { .. }
                        | S::burned_register { .. }
                        | S::announce_coldkey_swap { .. }
                        | S::swap_coldkey_announced { .. }
                        | S::clear_coldkey_swap_announcement { .. }
                        | S::dispute_coldkey_swap { .. }
                ) | RuntimeCall::Sudo(..)
            ),
            ProxyType::NonTransfer => !matches!(
                call,
                RuntimeCall::Balances(..)
                    | RuntimeCall::SubtensorModule(
                        S::transfer_stake { .. }
                            | S::schedule_swap_coldkey { .. }
                            | S::swap_coldkey { .. }
                            | S::announce_coldkey_swap { .. }
                            | S::swap_coldkey_announced { .. }
                            | S::clear_coldkey_swap_announcement { .. }
                            | S::dispute_coldkey_swap { .. }
                    )
            ),
            ProxyType::NonFungible => !matches!(
                call,
                RuntimeCall::Balances(..)
                    | RuntimeCall::SubtensorModule(
                        S::add_stake { .. }
                            | S::add_stake_limit { .. }
                            | S::remove_stake { .. }
                            | S::remove_stake_limit { .. }
                            | S::remove_stake_full_limit { .. }
                            | S::unstake_all { .. }
                            | S::unstake_all_alpha { .. }
                            | S::swap_stake { .. }
                            | S::swap_stake_limit { .. }
                            | S::move_stake { .. }
                            | S::transfer_stake { .. }
                            | S::burned_register { .. }
                            | S::root_register { .. }
                            | S::schedule_swap_coldkey { .. }
                            | S::swap_coldkey { .. }
                            | S::announce_coldkey_swap { .. }
                            | S::swap_coldkey_announced { .. }
                            | S::clear_coldkey_swap_announcement { .. }
                            | S::dispute_coldkey_swap { .. }
                            | S::swap_hotkey { .. }
                            | S::swap_hotkey_v2 { .. }
                    )
            ),
            ProxyType::Senate | ProxyType::Triumvirate | ProxyType::Governance | ProxyType::RootWeights => false,
            ProxyType::Staking => matches!(
                call,
                RuntimeCall::SubtensorModule(
                    S::add_stake { .. }
                        | S::remove_stake { .. }
                        | S::unstake_all { .. }
                        | S::unstake_all_alpha { .. }
                        | S::swap_stake { .. }
                        | S::swap_stake_limit { .. }
                        | S::move_stake { .. }
                        | S::add_stake_limit { .. }
                        | S::remove_stake_limit { .. }
                        | S::remove_stake_full_limit { .. }
                        | S::set_root_claim_type { .. }
                )
            ),
            ProxyType::Registration => matches!(
                call,
                RuntimeCall::SubtensorModule(S::burned_register { .. } | S::register { .. } | S::register_limit { .. })
            ),
            ProxyType::Transfer => matches!(
                call,
                RuntimeCall::Balances(
                    pallet_balances::Call::transfer_keep_alive { .. }
                        | pallet_balances::Call::transfer_allow_death { .. }
                        | pallet_balances::Call::transfer_all { .. }
                ) | RuntimeCall::SubtensorModule(S::transfer_stake { .. })
            ),
            ProxyType::SmallTransfer => match call {
                RuntimeCall::Balances(
                    pallet_balances::Call::transfer_keep_alive { value, .. }
                    | pallet_balances::Call::transfer_allow_death { value, .. },
                ) => *value < SMALL_TRANSFER_LIMIT,
                RuntimeCall::SubtensorModule(S::transfer_stake { alpha_amount, .. }) => *alpha_amount < SMALL_TRANSFER_LIMIT,
                _ => false,
            },
            ProxyType::ChildKeys => {
                matches!(call, RuntimeCall::SubtensorModule(S::set_children { .. } | S::set_childkey_take { .. }))
            },
            ProxyType::SwapHotkey => {
                matches!(call, RuntimeCall::SubtensorModule(S::swap_hotkey { .. } | S::swap_hotkey_v2 { .. }))
            },
            ProxyType::SudoUncheckedSetCode => match call {
                RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight { call, .. }) => {
                    matches!(call.as_ref(), RuntimeCall::System(frame_system::Call::set_code { .. }))
                },
                _ => false,
            },
            ProxyType::SubnetLeaseBeneficiary => matches!(
                call,
                RuntimeCall::SubtensorModule(S::start_call { .. })
                    | RuntimeCall::AdminUtils(
                        A::sudo_set_serving_rate_limit { .. }
                            | A::sudo_set_min_difficulty { .. }
                            | A::sudo_set_max_difficulty { .. }
                            | A::sudo_set_weights_version_key { .. }
                            | A::sudo_set_adjustment_alpha { .. }
                            | A::sudo_set_immunity_period { .. }
                            | A::sudo_set_min_allowed_weights { .. }
                            | A::sudo_set_kappa { .. }
                            | A::sudo_set_rho { .. }
                            | A::sudo_set_activity_cutoff { .. }
                            | A::sudo_set_network_registration_allowed { .. }
                            | A::sudo_set_network_pow_registration_allowed { .. }
                            | A::sudo_set_max_burn { .. }
                            | A::sudo_set_bonds_moving_average { .. }
                            | A::sudo_set_bonds_penalty { .. }
                            | A::sudo_set_commit_reveal_weights_enabled { .. }
                            | A::sudo_set_liquid_alpha_enabled { .. }
                            | A::sudo_set_alpha_values { .. }
                            | A::sudo_set_commit_reveal_weights_interval { .. }
                            | A::sudo_set_toggle_transfer { .. }
                            | A::sudo_set_subnet_emission_enabled { .. }
                            | A::sudo_set_min_childkey_take_per_subnet { .. }
                    )
            ),
            ProxyType::RootClaim => matches!(call, RuntimeCall::SubtensorModule(S::claim_root { .. })),
        }
    }

    fn is_superset(&self, other: &Self) -> bool {
        match (self, other) {
            (x, y) if x == y => true,
            (ProxyType::Any, _) => true,
            (_, ProxyType::Any) => false,
            (ProxyType::NonTransfer, ProxyType::Transfer | ProxyType::SmallTransfer) => false,
            (ProxyType::NonTransfer, _) => true,
            (ProxyType::Transfer, ProxyType::SmallTransfer) => true,
            _ => false,
        }
    }
}

impl pallet_proxy::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type Currency = Balances;
    type ProxyType = ProxyType;
    type ProxyDepositBase = ProxyDepositBase;
    type ProxyDepositFactor = ProxyDepositFactor;
    type MaxProxies = ConstU32<20>;
    type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
    type MaxPending = ConstU32<75>;
    type CallHasher = sp_runtime::traits::BlakeTwo256;
    type AnnouncementDepositBase = AnnouncementDepositBase;
    type AnnouncementDepositFactor = AnnouncementDepositFactor;
    type BlockNumberProvider = System;
}


parameter_types! {
    pub const SubtensorPalletId: frame_support::PalletId = frame_support::PalletId(*b"subtensr");
    pub const InitialNetworkMinLockCost: Balance = 1_000 * crate::TAO;
    /// Two weeks of blocks.
    pub const InitialNetworkLockReductionInterval: u64 = 14 * 7_200;
    /// One day of blocks between subnet registrations.
    pub const InitialNetworkRateLimit: u64 = 7_200;
    pub const InitialSubnetLimit: u16 = 128;
    pub const BurnPalletId: frame_support::PalletId = frame_support::PalletId(*b"burntnsr");
}

/// The current block's author, for swap fees.
pub struct CurrentBlockAuthor;
impl frame_support::traits::Get<Option<AccountId>> for CurrentBlockAuthor {
    fn get() -> Option<AccountId> {
        block_author()
    }
}

impl pallet_subtensor_swap::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type SubnetInfo = SubtensorModule;
    type MaxFeeRate = ConstU16<10_000>;
    type WeightInfo = crate::weights::pallet_subtensor_swap::WeightInfo<Runtime>;
}

impl pallet_subtensor::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type SubnetPalletId = SubtensorPalletId;
    type InitialNetworkMinLockCost = InitialNetworkMinLockCost;
    type InitialNetworkLockReductionInterval = InitialNetworkLockReductionInterval;
    type InitialNetworkRateLimit = InitialNetworkRateLimit;
    type InitialSubnetLimit = InitialSubnetLimit;
    type SwapInterface = Swap;
    type BlockAuthor = CurrentBlockAuthor;
    type Drand = DrandTimelock;
    type BurnPalletId = BurnPalletId;
    type OnSubnetRemoved = (pallet_admin_utils::RemoveSubnetState<Runtime>, CommitmentsOfSubnet);
    type LeaseCrowdloan = LeaseCrowdloans;
    type LeaseProxy = LeaseProxies;
    type LeaseDividendsDistributionInterval = ConstU32<100>;
    type Commitments = CommitmentsOfSubnet;
    type WeightInfo = crate::weights::pallet_subtensor::WeightInfo<Runtime>;
}

parameter_types! {
    pub const PreimageBaseDeposit: Balance = deposit(2, 64);
    pub const PreimageByteDeposit: Balance = deposit(0, 1);
    pub const PreimageHoldReason: RuntimeHoldReason = RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

/// Stores the calls of crowdloans too long to keep inline. Users noting a preimage pay a
/// deposit per byte, held for as long as it is stored.
impl pallet_preimage::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
    type Currency = Balances;
    type ManagerOrigin = frame_system::EnsureRoot<AccountId>;
    type Consideration = frame_support::traits::fungible::HoldConsideration<
        AccountId,
        Balances,
        PreimageHoldReason,
        frame_support::traits::LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
    >;
}

/// Whether this chain runs upstream's fast-runtime values: its genesis chose blocks shorter
/// than production's 12 s (the dev chain). Constants that differ between the two read it, so
/// that one runtime serves both and the clients read the values in force.
pub fn fast_blocks() -> bool {
    ChainSlotDuration::get() < 12_000
}

/// `MinimumBlockDuration`: 7 days of 12 s blocks, 50 blocks on the fast chain.
pub struct CrowdloanMinimumBlockDuration;
impl Get<BlockNumber> for CrowdloanMinimumBlockDuration {
    fn get() -> BlockNumber {
        if fast_blocks() { 50 } else { 50_400 }
    }
}

/// `MaximumBlockDuration`: 60 days of 12 s blocks, 20 000 blocks on the fast chain.
pub struct CrowdloanMaximumBlockDuration;
impl Get<BlockNumber> for CrowdloanMaximumBlockDuration {
    fn get() -> BlockNumber {
        if fast_blocks() { 20_000 } else { 432_000 }
    }
}

parameter_types! {
    pub const CrowdloanPalletId: frame_support::PalletId = frame_support::PalletId(*b"bt/cloan");
    pub const CrowdloanMinimumDeposit: Balance = 10 * crate::TAO;
    pub const CrowdloanAbsoluteMinimumContribution: Balance = 100 * MILLI_TAO;
    pub const CrowdloanRefundContributorsLimit: u32 = 50;
    pub const CrowdloanMaxContributors: u32 = 500;
}

impl pallet_crowdloan::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type Currency = Balances;
    type Preimages = crate::Preimage;
    type PalletId = CrowdloanPalletId;
    type MinimumDeposit = CrowdloanMinimumDeposit;
    type AbsoluteMinimumContribution = CrowdloanAbsoluteMinimumContribution;
    type MinimumBlockDuration = CrowdloanMinimumBlockDuration;
    type MaximumBlockDuration = CrowdloanMaximumBlockDuration;
    type RefundContributorsLimit = CrowdloanRefundContributorsLimit;
    type MaxContributors = CrowdloanMaxContributors;
    type WeightInfo = pallet_crowdloan::weights::SubstrateWeight<Runtime>;
}

/// Leasing's view of the Crowdloan pallet.
pub struct LeaseCrowdloans;
impl pallet_subtensor::leasing::LeaseCrowdloan<AccountId> for LeaseCrowdloans {
    fn finalizing() -> Result<pallet_subtensor::leasing::FinalizingCrowdloan<AccountId>, sp_runtime::DispatchError> {
        let (id, info) = pallet_crowdloan::Pallet::<Runtime>::current_crowdloan()?;
        Ok(pallet_subtensor::leasing::FinalizingCrowdloan {
            id,
            creator: info.creator,
            raised: info.raised,
            funds_account: info.funds_account,
        })
    }
    fn contributions(id: u32) -> alloc::vec::Vec<(AccountId, Balance)> {
        pallet_crowdloan::Pallet::<Runtime>::contributions(id)
    }
    fn max_contributors() -> u32 {
        CrowdloanMaxContributors::get()
    }
    #[cfg(feature = "runtime-benchmarks")]
    fn benchmark_finalizing(creator: &AccountId, contributions: alloc::vec::Vec<(AccountId, Balance)>) {
        pallet_crowdloan::Pallet::<Runtime>::benchmark_set_finalizing(creator, contributions);
    }
}

/// Leasing's view of the Proxy pallet: the beneficiary's proxy over the lease coldkey.
pub struct LeaseProxies;
impl pallet_subtensor::leasing::LeaseProxy<AccountId> for LeaseProxies {
    fn add_lease_beneficiary_proxy(lease_coldkey: &AccountId, beneficiary: &AccountId) -> sp_runtime::DispatchResult {
        pallet_proxy::Pallet::<Runtime>::add_proxy_delegate(
            lease_coldkey,
            beneficiary.clone(),
            ProxyType::SubnetLeaseBeneficiary,
            0,
        )
    }
    fn remove_lease_beneficiary_proxy(lease_coldkey: &AccountId, beneficiary: &AccountId) -> sp_runtime::DispatchResult {
        pallet_proxy::Pallet::<Runtime>::remove_proxy_delegate(
            lease_coldkey,
            beneficiary.clone(),
            ProxyType::SubnetLeaseBeneficiary,
            0,
        )
    }
}

/// Commitments: free (`InitialDeposit` = `FieldDeposit` = 0), at most 3 fields, as upstream.
impl pallet_commitments::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type Currency = Balances;
    type MaxFields = ConstU32<3>;
    type InitialDeposit = ConstU64<0>;
    type FieldDeposit = ConstU64<0>;
    type CanCommit = CommitmentsOfSubnet;
    type TempoInterface = CommitmentsOfSubnet;
    type OnMetadataCommitment = CommitmentsOfSubnet;
    // Timelocked fields wait until the Drand pallet holds their round's pulse.
    type Timelock = DrandTimelock;
    type WeightInfo = pallet_commitments::weights::SubstrateWeight<Runtime>;
    #[cfg(feature = "runtime-benchmarks")]
    type BenchmarkHelper = CommitmentsOfSubnet;
}

/// The glue between SubtensorModule and Commitments, both ways.
pub struct CommitmentsOfSubnet;
impl pallet_commitments::CanCommit<AccountId> for CommitmentsOfSubnet {
    fn can_commit(netuid: u16, who: &AccountId) -> bool {
        SubtensorModule::is_hotkey_registered_on_network(netuid, who)
    }
}
impl pallet_commitments::GetEpochIndex for CommitmentsOfSubnet {
    fn epoch_index(netuid: u16) -> u64 {
        pallet_subtensor::SubnetEpochIndex::<Runtime>::get(netuid)
    }
}
impl pallet_commitments::OnMetadataCommitment<AccountId> for CommitmentsOfSubnet {
    fn on_bonds_reset(netuid: u16, who: &AccountId) {
        SubtensorModule::reset_bonds_on_commit(netuid, who)
    }
}
impl pallet_subtensor::commitments::SubnetCommitments<AccountId> for CommitmentsOfSubnet {
    fn subnet_commitments(netuid: u16) -> alloc::vec::Vec<(AccountId, alloc::vec::Vec<u8>)> {
        pallet_commitments::Pallet::<Runtime>::subnet_commitments(netuid)
    }
    fn on_deregistered(netuid: u16, hotkey: &AccountId) {
        pallet_commitments::Pallet::<Runtime>::purge_account(netuid, hotkey)
    }
}
impl pallet_subtensor::subnet_storage::OnSubnetRemoved for CommitmentsOfSubnet {
    fn on_subnet_removed(netuid: u16) {
        pallet_commitments::Pallet::<Runtime>::purge_netuid(netuid)
    }
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_commitments::BenchmarkHelper<AccountId> for CommitmentsOfSubnet {
    fn register_hotkey(netuid: u16, who: &AccountId) {
        if !SubtensorModule::if_subnet_exist(netuid) {
            let owner: AccountId = frame_benchmarking::account("commitments_owner", 0, 0);
            let _ = <Balances as frame_support::traits::fungible::Mutate<AccountId>>::set_balance(
                &owner,
                1_000_000 * crate::TAO,
            );
            pallet_subtensor::NetworkRateLimit::<Runtime>::put(0);
            let _ = SubtensorModule::do_register_network(owner, who.clone());
            return;
        }
        SubtensorModule::append_neuron(netuid, who, SubtensorModule::current_block());
    }
}

impl pallet_admin_utils::Config for Runtime {
    type WeightInfo = crate::weights::pallet_admin_utils::WeightInfo<Runtime>;
}

/// Aura's round robin: the author of slot `s` is `authorities[s % n]`.
pub struct AuraAuthors;
impl AuraAuthors {
    fn at_slot_offset(offset: u64) -> Option<AuraId> {
        let authorities = pallet_aura::Authorities::<Runtime>::get();
        let n = u64::try_from(authorities.len()).ok().filter(|n| *n > 0)?;
        let slot = u64::from(pallet_aura::CurrentSlot::<Runtime>::get()).checked_add(offset)?;
        let index = usize::try_from(slot.checked_rem(n)?).ok()?;
        authorities.get(index).cloned()
    }
}
impl pallet_shield::FindAuthors<AuraId> for AuraAuthors {
    fn current_author() -> Option<AuraId> {
        Self::at_slot_offset(0)
    }
    fn author_in_two_blocks() -> Option<AuraId> {
        Self::at_slot_offset(2)
    }
}

impl pallet_shield::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type AuthorityId = AuraId;
    type FindAuthors = AuraAuthors;
    // The runtime never holds a decapsulation key: the stored queue cannot decrypt, as upstream.
    type ExtrinsicDecryptor = ();
    type WeightInfo = pallet_shield::weights::SubstrateWeight<Runtime>;
}

impl frame_system::offchain::SigningTypes for Runtime {
    type Public = <crate::Signature as sp_runtime::traits::Verify>::Signer;
    type Signature = crate::Signature;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
    RuntimeCall: From<C>,
{
    type Extrinsic = crate::UncheckedExtrinsic;
    type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
    RuntimeCall: From<C>,
{
    fn create_bare(call: RuntimeCall) -> crate::UncheckedExtrinsic {
        crate::UncheckedExtrinsic::new_bare(call)
    }
}

impl pallet_drand::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type AuthorityId = pallet_drand::crypto::AuthId;
    type Verifier = pallet_drand::QuicknetVerifier;
    type UnsignedPriority = frame_support::traits::ConstU64<{ 1 << 20 }>;
    type HttpFetchTimeout = frame_support::traits::ConstU64<1_000>;
    type WeightInfo = pallet_drand::weights::SubstrateWeight<Runtime>;
}

/// Timelocked ciphertexts (TLE, `pallets-2.md` §2.9) opened with the Drand pallet's verified
/// pulses: for SubtensorModule's weight commits and for timelocked commitments.
pub struct DrandTimelock;
impl pallet_subtensor::timelocked::DrandPulses for DrandTimelock {
    fn last_stored_round() -> u64 {
        crate::Drand::last_stored_round()
    }
    fn pulse_signature(round: u64) -> Option<alloc::vec::Vec<u8>> {
        crate::Drand::pulse_signature(round)
    }
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<alloc::vec::Vec<u8>> {
        tensorchain_drand_primitives::tle_decrypt(ciphertext, signature).ok()
    }
}
impl pallet_commitments::TimelockDecrypter for DrandTimelock {
    fn pulse_signature(round: u64) -> Option<alloc::vec::Vec<u8>> {
        <Self as pallet_subtensor::timelocked::DrandPulses>::pulse_signature(round)
    }
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<alloc::vec::Vec<u8>> {
        <Self as pallet_subtensor::timelocked::DrandPulses>::decrypt(ciphertext, signature)
    }
}
