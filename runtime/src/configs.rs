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
    pub const ProxyDepositBase: Balance = deposit(1, 8);
    pub const ProxyDepositFactor: Balance = deposit(0, 33);
    pub const AnnouncementDepositBase: Balance = deposit(1, 8);
    pub const AnnouncementDepositFactor: Balance = deposit(0, 66);
}

/// The deposit for `items` storage items taking `bytes` bytes.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
    (items as Balance).saturating_mul(100 * MILLI_TAO).saturating_add(
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
    /// Everything except moving TAO out of the account.
    NonTransfer,
    /// Only balance transfers.
    Transfer,
    /// Proxy management and batches thereof.
    Governance,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
    fn filter(&self, call: &RuntimeCall) -> bool {
        match self {
            ProxyType::Any => true,
            ProxyType::NonTransfer => !matches!(
                call,
                RuntimeCall::Balances(..)
                    | RuntimeCall::Sudo(..)
                    | RuntimeCall::Multisig(..)
                    | RuntimeCall::SubtensorModule(pallet_subtensor::Call::transfer_stake { .. })
            ),
            ProxyType::Transfer => matches!(call, RuntimeCall::Balances(..)),
            ProxyType::Governance => matches!(call, RuntimeCall::Sudo(..)),
        }
    }

    fn is_superset(&self, other: &Self) -> bool {
        match (self, other) {
            (x, y) if x == y => true,
            (ProxyType::Any, _) => true,
            (_, ProxyType::Any) => false,
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
    type MaxProxies = ConstU32<32>;
    type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
    type MaxPending = ConstU32<32>;
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
    type BurnPalletId = BurnPalletId;
    type OnSubnetRemoved = pallet_admin_utils::RemoveSubnetState<Runtime>;
    type WeightInfo = crate::weights::pallet_subtensor::WeightInfo<Runtime>;
}

impl pallet_admin_utils::Config for Runtime {
    type WeightInfo = crate::weights::pallet_admin_utils::WeightInfo<Runtime>;
}
