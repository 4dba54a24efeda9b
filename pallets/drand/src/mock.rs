//! A mock runtime: System and Drand, with `MultiSigner`/`MultiSignature` signing types and a
//! bare `TestXt` extrinsic for the offchain worker's submissions.
//!
//! The verifier is quicknet's, except that a pulse whose signature starts with `fake` is
//! accepted: the pruning tests need rounds far beyond the two recorded pulses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate as pallet_drand;
use crate::{BeaconConfiguration, Pulse, QuicknetVerifier, Verifier};
use frame_support::{derive_impl, traits::ConstU64};
use frame_system::offchain::{CreateBare, CreateTransactionBase, SigningTypes};
use sp_core::{
    offchain::{testing, OffchainDbExt, OffchainWorkerExt, TransactionPoolExt},
    sr25519,
};
use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
use sp_runtime::{
    testing::TestXt,
    traits::{IdentifyAccount, IdentityLookup, Verify},
    BuildStorage, MultiSignature,
};
use std::sync::Arc;
use tensorchain_drand_primitives::VerifyError;

pub type Signature = MultiSignature;
pub type Public = <Signature as Verify>::Signer;
pub type AccountId = <Public as IdentifyAccount>::AccountId;
pub type Extrinsic = TestXt<RuntimeCall, ()>;
type Block = frame_system::mocking::MockBlockU32<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Drand: pallet_drand = 26,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId;
    type Lookup = IdentityLookup<AccountId>;
}

impl SigningTypes for Test {
    type Public = Public;
    type Signature = Signature;
}

impl<LocalCall> CreateTransactionBase<LocalCall> for Test
where
    RuntimeCall: From<LocalCall>,
{
    type Extrinsic = Extrinsic;
    type RuntimeCall = RuntimeCall;
}

impl<LocalCall> CreateBare<LocalCall> for Test
where
    RuntimeCall: From<LocalCall>,
{
    fn create_bare(call: RuntimeCall) -> Extrinsic {
        Extrinsic::new_bare(call)
    }
}

pub struct MockVerifier;
impl Verifier for MockVerifier {
    fn verify(config: &BeaconConfiguration, pulse: &Pulse) -> Result<bool, VerifyError> {
        if pulse.signature.starts_with(b"fake") {
            return Ok(true);
        }
        QuicknetVerifier::verify(config, pulse)
    }
}

pub const UNSIGNED_PRIORITY: u64 = 1 << 20;

impl pallet_drand::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type AuthorityId = crate::crypto::AuthId;
    type Verifier = MockVerifier;
    type UnsignedPriority = ConstU64<UNSIGNED_PRIORITY>;
    type HttpFetchTimeout = ConstU64<1_000>;
    type WeightInfo = ();
}

/// Block 1, empty Drand storage.
pub fn new_test_ext() -> sp_io::TestExternalities {
    let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let mut ext: sp_io::TestExternalities = storage.into();
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// What an offchain-worker test inspects after running the worker.
pub struct OffchainEnv {
    pub ext: sp_io::TestExternalities,
    pub http: Arc<parking_lot::RwLock<testing::OffchainState>>,
    pub pool: Arc<parking_lot::RwLock<testing::PoolState>>,
    /// The worker's `drnd` key, `None` when the keystore is empty.
    pub key: Option<sr25519::Public>,
}

/// [`new_test_ext`] with offchain, pool and keystore extensions; `with_key` puts one `drnd`
/// key in the keystore.
pub fn offchain_ext(with_key: bool) -> OffchainEnv {
    let (offchain, http) = testing::TestOffchainExt::new();
    let (pool, pool_state) = testing::TestTransactionPoolExt::new();
    let keystore = MemoryKeystore::new();
    let key = with_key.then(|| keystore.sr25519_generate_new(crate::KEY_TYPE, Some("//Drand")).unwrap());
    let mut ext = new_test_ext();
    ext.register_extension(OffchainWorkerExt::new(offchain.clone()));
    ext.register_extension(OffchainDbExt::new(offchain));
    ext.register_extension(TransactionPoolExt::new(pool));
    ext.register_extension(KeystoreExt::new(keystore));
    OffchainEnv { ext, http, pool: pool_state, key }
}
