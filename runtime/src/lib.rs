//! The Tensorchain runtime.
//!
//! Pallet names and indices follow upstream Subtensor's runtime, because the Bittensor clients
//! look pallets up by name (and keeping the indices makes raw call bytes interchangeable).

#![cfg_attr(not(feature = "std"), no_std)]
// The `construct_runtime`/`impl_runtime_apis` expansions do arithmetic and indexing we do not
// control; our own runtime code below is written without them.
#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// The benchmark list macros are textually scoped: declared before the APIs that use them.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod check_mortality;
pub mod check_nonce;
pub mod configs;
pub mod genesis_config_presets;
pub mod proxy_filters;
pub mod subtensor_extension;
mod metadata;
pub mod weights;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use sp_runtime::{
    generic, impl_opaque_keys,
    traits::{BlakeTwo256, IdentifyAccount, Verify},
    MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_support::{
    construct_runtime, parameter_types,
    weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use sp_runtime::{Perbill, Permill};

/// Opaque types used by the node: it only needs to know a block's format, not its calls.
pub mod opaque {
    use super::*;
    use sp_runtime::{generic, traits::BlakeTwo256};

    pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

    pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
    pub type Block = generic::Block<Header, UncheckedExtrinsic>;
    pub type BlockId = generic::BlockId<Block>;

    impl_opaque_keys! {
        pub struct SessionKeys {
            pub aura: super::Aura,
            pub grandpa: super::Grandpa,
        }
    }
}

#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
    spec_name: alloc::borrow::Cow::Borrowed("tensorchain"),
    impl_name: alloc::borrow::Cow::Borrowed("tensorchain"),
    authoring_version: 1,
    // Clients cache decoded metadata per spec_version for a whole process: bump it on every
    // metadata change and never reuse a value.
    spec_version: 113,
    impl_version: 1,
    apis: apis::RUNTIME_API_VERSIONS,
    // Signed into every transaction: bump it whenever a call's encoding changes.
    transaction_version: 1,
    system_version: 1,
};

/// Block time of a real network, the default of `SubtensorModule.SlotDurationMillis`; a chain
/// spec may choose another (the dev chain: 250 ms), which Aura and the timestamp pallet follow.
pub const MILLISECS_PER_BLOCK: u64 = 12_000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// 1 TAO = 10^9 rao.
pub const TAO: Balance = 1_000_000_000;
pub const MILLI_TAO: Balance = TAO / 1_000;
pub const MICRO_TAO: Balance = TAO / 1_000_000;
pub const EXISTENTIAL_DEPOSIT: Balance = 500;
pub const TOKEN_SYMBOL: &str = "TAO";
pub const TOKEN_DECIMALS: u8 = 9;
pub const SS58_PREFIX: u16 = 42;

pub type BlockNumber = u32;
pub type Signature = MultiSignature;
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balances are u64 rao, as upstream: 21M TAO fits with room to spare.
pub type Balance = u64;
pub type Nonce = u32;
pub type Hash = sp_core::H256;
pub type Address = MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
pub type SignedBlock = generic::SignedBlock<Block>;
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, in the order the Bittensor clients emit their data (they
/// hard-code it; see `docs/client-compat.md`). `CheckMortality` is the stock era check plus the MEV shield's era rule.
pub type TxExtension = (
    frame_system::CheckNonZeroSender<Runtime>,
    frame_system::CheckSpecVersion<Runtime>,
    frame_system::CheckTxVersion<Runtime>,
    frame_system::CheckGenesis<Runtime>,
    check_mortality::CheckMortality,
    check_nonce::CheckNonce,
    frame_system::CheckWeight<Runtime>,
    pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
    pallet_shield::CheckShieldedTxValidity<Runtime>,
    subtensor_extension::SubtensorTransactionExtension,
    frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);

pub type UncheckedExtrinsic =
    generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on a runtime upgrade (none yet).
type Migrations = ();

pub type Executive = frame_executive::Executive<
    Runtime,
    Block,
    frame_system::ChainContext<Runtime>,
    Runtime,
    AllPalletsWithSystem,
    Migrations,
>;

#[frame_support::runtime]
mod runtime {
    #[runtime::runtime]
    #[runtime::derive(
        RuntimeCall,
        RuntimeEvent,
        RuntimeError,
        RuntimeOrigin,
        RuntimeFreezeReason,
        RuntimeHoldReason,
        RuntimeSlashReason,
        RuntimeLockId,
        RuntimeTask,
        RuntimeViewFunction
    )]
    pub struct Runtime;

    #[runtime::pallet_index(0)]
    pub type System = frame_system;

    #[runtime::pallet_index(2)]
    pub type Timestamp = pallet_timestamp;

    #[runtime::pallet_index(3)]
    pub type Aura = pallet_aura;

    #[runtime::pallet_index(4)]
    pub type Grandpa = pallet_grandpa;

    #[runtime::pallet_index(5)]
    pub type Balances = pallet_balances;

    #[runtime::pallet_index(6)]
    pub type TransactionPayment = pallet_transaction_payment;

    #[runtime::pallet_index(7)]
    pub type SubtensorModule = pallet_subtensor;

    #[runtime::pallet_index(11)]
    pub type Utility = pallet_utility;

    #[runtime::pallet_index(12)]
    pub type Sudo = pallet_sudo;

    #[runtime::pallet_index(13)]
    pub type Multisig = pallet_multisig;

    #[runtime::pallet_index(14)]
    pub type Preimage = pallet_preimage;

    #[runtime::pallet_index(16)]
    pub type Proxy = pallet_proxy;

    #[runtime::pallet_index(18)]
    pub type Commitments = pallet_commitments;

    #[runtime::pallet_index(19)]
    pub type AdminUtils = pallet_admin_utils;

    #[runtime::pallet_index(26)]
    pub type Drand = pallet_drand;

    #[runtime::pallet_index(27)]
    pub type Crowdloan = pallet_crowdloan;

    #[runtime::pallet_index(28)]
    pub type Swap = pallet_subtensor_swap;

    #[runtime::pallet_index(30)]
    pub type MevShield = pallet_shield;
}
