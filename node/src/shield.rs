//! The node's half of the MEV shield (`pallets-2.md` §1.6, §1.7, §1.13).
//!
//! - [`ShieldKeys`]: this node's ML-KEM-768 key pair. It lives in the node's keystore
//!   directory (`mev-shield-mlkem768`, created on first start; in memory for `--tmp` or an
//!   in-memory keystore), never in the runtime. The key is fixed per node: the runtime's
//!   pipeline then always holds, for the author of block `h`, the key that author decrypts
//!   with, whatever the number of authors (a per-block rotation needs at least three).
//! - [`ShieldInherent`]: puts the encapsulation key into every block this node authors; the
//!   runtime turns it into `MevShield.announce_next_key`.
//! - [`ShieldedPool`]: the transaction pool as the block proposer sees it. After each
//!   `submit_encrypted` wrapper addressed to this node's key it yields the decrypted inner
//!   extrinsic, so the inner transaction lands in the same block right after its wrapper,
//!   having never been visible in any pool. Wrappers for other keys are held back (they stay
//!   in the pool for their author); undecryptable payloads and inner extrinsics that are not
//!   signed are dropped with a log line, the wrapper's fee paid.

use chacha20poly1305::{
    aead::{Aead, KeyInit},
    XChaCha20Poly1305, XNonce,
};
use codec::{DecodeLimit, Encode};
use ml_kem::{kem::Decapsulate, EncodedSizeUser, KemCore, MlKem768};
use pallet_shield::wire::{self, ShieldedTransaction};
use sc_transaction_pool_api::{
    ImportNotificationStream, InPoolTransaction, PoolStatus, ReadyTransactions, TransactionFor, TransactionPool,
    TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::{
    generic::Preamble,
    traits::Block as BlockT,
    transaction_validity::{TransactionLongevity, TransactionPriority, TransactionTag},
    OpaqueExtrinsic,
};
use std::{collections::HashMap, path::Path, pin::Pin, sync::Arc};
use tensorchain_runtime::{RuntimeCall, UncheckedExtrinsic};

const LOG_TARGET: &str = "mev-shield";
const KEY_FILE: &str = "mev-shield-mlkem768";
/// Bytes of an ML-KEM-768 decapsulation key (FIPS 203 encoding).
const DEC_KEY_LEN: usize = 2400;
/// How deep a decoded call may nest (frame-executive's limit for extrinsics).
const MAX_DECODE_DEPTH: u32 = 256;

type DecapsulationKey = <MlKem768 as KemCore>::DecapsulationKey;

/// This node's shield key pair.
pub struct ShieldKeys {
    dk: DecapsulationKey,
    enc_key: Vec<u8>,
    key_hash: [u8; wire::KEY_HASH_LEN],
}

/// Why a shielded payload addressed to this node gave no inner extrinsic.
#[derive(Debug, PartialEq, Eq)]
pub enum UnshieldError {
    Decapsulation,
    Decryption,
    NotAnExtrinsic,
    NotSigned,
}

impl ShieldKeys {
    /// A fresh pair from the OS's randomness.
    pub fn generate() -> Self {
        let (dk, _) = MlKem768::generate(&mut rand_core::OsRng);
        Self::from_dk(dk)
    }

    fn from_dk(dk: DecapsulationKey) -> Self {
        let enc_key = dk.encapsulation_key().as_bytes().to_vec();
        let key_hash = wire::key_hash(&enc_key);
        Self { dk, enc_key, key_hash }
    }

    /// The pair kept in `dir`, made (and saved, readable only by this user) on first use.
    pub fn load_or_create(dir: &Path) -> std::io::Result<Self> {
        let path = dir.join(KEY_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let encoded = ml_kem::array::Array::try_from(bytes.as_slice()).map_err(|_| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("{} is not a {DEC_KEY_LEN}-byte ML-KEM-768 key", path.display()),
                    )
                })?;
                Ok(Self::from_dk(DecapsulationKey::from_bytes(&encoded)))
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let keys = Self::generate();
                std::fs::create_dir_all(dir)?;
                write_private(&path, keys.dk.as_bytes().as_slice())?;
                log::info!(target: LOG_TARGET, "🛡️  Created the MEV shield key {}", path.display());
                Ok(keys)
            },
            Err(e) => Err(e),
        }
    }

    /// What clients encrypt to once it reaches `MevShield.NextKey`.
    pub fn enc_key(&self) -> &[u8] {
        &self.enc_key
    }

    pub fn key_hash(&self) -> [u8; wire::KEY_HASH_LEN] {
        self.key_hash
    }

    /// The signed inner extrinsic of a payload made for this key, byte for byte as the client
    /// signed it (its hash is what the client looks for).
    pub fn unshield(&self, payload: &ShieldedTransaction) -> Result<OpaqueExtrinsic, UnshieldError> {
        let kem_ct = ml_kem::array::Array::try_from(payload.kem_ct.as_slice())
            .map_err(|_| UnshieldError::Decapsulation)?;
        let shared = self.dk.decapsulate(&kem_ct).map_err(|_| UnshieldError::Decapsulation)?;
        let cipher = XChaCha20Poly1305::new_from_slice(shared.as_slice()).map_err(|_| UnshieldError::Decryption)?;
        let plaintext = cipher
            .decrypt(XNonce::from_slice(&payload.nonce), payload.aead_ct.as_slice())
            .map_err(|_| UnshieldError::Decryption)?;
        // The plaintext is a length-prefixed extrinsic; anything after it is ignored.
        let inner = OpaqueExtrinsic::try_from_encoded_extrinsic(&plaintext).map_err(|_| UnshieldError::NotAnExtrinsic)?;
        let uxt = decode_extrinsic(&inner).ok_or(UnshieldError::NotAnExtrinsic)?;
        // A bare inner extrinsic could smuggle an inherent into the block's transaction phase.
        if !matches!(uxt.preamble, Preamble::Signed(..)) {
            return Err(UnshieldError::NotSigned);
        }
        Ok(inner)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

fn decode_extrinsic(xt: &OpaqueExtrinsic) -> Option<UncheckedExtrinsic> {
    let bytes = xt.encode();
    UncheckedExtrinsic::decode_with_depth_limit(MAX_DECODE_DEPTH, &mut bytes.as_slice()).ok()
}

/// The payload of a signed `MevShield.submit_encrypted`, if `xt` is one that parses.
fn shielded_payload(xt: &OpaqueExtrinsic) -> Option<ShieldedTransaction> {
    let uxt = decode_extrinsic(xt)?;
    if !matches!(uxt.preamble, Preamble::Signed(..)) {
        return None;
    }
    match uxt.function {
        RuntimeCall::MevShield(pallet_shield::Call::submit_encrypted { ciphertext }) => {
            ShieldedTransaction::parse(&ciphertext)
        },
        _ => None,
    }
}

/// Inherent data carrying this node's encapsulation key.
pub struct ShieldInherent(pub Option<Arc<ShieldKeys>>);

#[async_trait::async_trait]
impl sp_inherents::InherentDataProvider for ShieldInherent {
    async fn provide_inherent_data(&self, data: &mut sp_inherents::InherentData) -> Result<(), sp_inherents::Error> {
        if let Some(keys) = &self.0 {
            data.put_data(pallet_shield::INHERENT_IDENTIFIER, &Some(keys.enc_key().to_vec()))?;
        }
        Ok(())
    }

    async fn try_handle_error(
        &self,
        _identifier: &sp_inherents::InherentIdentifier,
        _error: &[u8],
    ) -> Option<Result<(), sp_inherents::Error>> {
        None
    }
}

/// A transaction as the proposer sees it: one from the pool, or an inner extrinsic revealed
/// right after its wrapper.
pub enum ShieldedTx<T: InPoolTransaction> {
    Pool(Arc<T>),
    Revealed { data: T::Transaction, hash: T::Hash, priority: TransactionPriority, longevity: TransactionLongevity },
}

impl<T: InPoolTransaction> InPoolTransaction for ShieldedTx<T> {
    type Transaction = T::Transaction;
    type Hash = T::Hash;

    fn data(&self) -> &Self::Transaction {
        match self {
            Self::Pool(tx) => tx.data(),
            Self::Revealed { data, .. } => data,
        }
    }
    fn hash(&self) -> &Self::Hash {
        match self {
            Self::Pool(tx) => tx.hash(),
            Self::Revealed { hash, .. } => hash,
        }
    }
    fn priority(&self) -> &TransactionPriority {
        match self {
            Self::Pool(tx) => tx.priority(),
            Self::Revealed { priority, .. } => priority,
        }
    }
    fn longevity(&self) -> &TransactionLongevity {
        match self {
            Self::Pool(tx) => tx.longevity(),
            Self::Revealed { longevity, .. } => longevity,
        }
    }
    fn requires(&self) -> &[TransactionTag] {
        match self {
            Self::Pool(tx) => tx.requires(),
            Self::Revealed { .. } => &[],
        }
    }
    fn provides(&self) -> &[TransactionTag] {
        match self {
            Self::Pool(tx) => tx.provides(),
            Self::Revealed { .. } => &[],
        }
    }
    fn is_propagable(&self) -> bool {
        match self {
            Self::Pool(tx) => tx.is_propagable(),
            Self::Revealed { .. } => false,
        }
    }
}

/// The pool, with shielded wrappers opened for the proposer (see the module docs).
pub struct ShieldedPool<P> {
    pool: Arc<P>,
    keys: Arc<ShieldKeys>,
}

impl<P> ShieldedPool<P> {
    pub fn new(pool: Arc<P>, keys: Arc<ShieldKeys>) -> Self {
        Self { pool, keys }
    }
}

type Ready<P> =
    Box<dyn ReadyTransactions<Item = Arc<<P as TransactionPool>::InPoolTransaction>> + Send>;

struct ShieldedReady<P: TransactionPool> {
    inner: Ready<P>,
    pool: Arc<P>,
    keys: Arc<ShieldKeys>,
    /// The inner extrinsic to yield next, with its wrapper's hash.
    revealed: Option<(TxHash<P>, Arc<ShieldedTx<P::InPoolTransaction>>)>,
}

impl<P> Iterator for ShieldedReady<P>
where
    P: TransactionPool,
    P::Block: BlockT<Extrinsic = OpaqueExtrinsic>,
{
    type Item = Arc<ShieldedTx<P::InPoolTransaction>>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((_, revealed)) = self.revealed.take() {
            return Some(revealed);
        }
        loop {
            let tx = self.inner.next()?;
            let Some(payload) = shielded_payload(tx.data()) else {
                return Some(Arc::new(ShieldedTx::Pool(tx)));
            };
            if payload.key_hash != self.keys.key_hash() {
                // Another author's: it stays in the pool, and so does whatever depends on it.
                self.inner.report_invalid(&tx);
                continue;
            }
            match self.keys.unshield(&payload) {
                Ok(inner) => {
                    let hash = self.pool.hash_of(&inner);
                    log::debug!(target: LOG_TARGET, "revealed {hash:?} after wrapper {:?}", tx.hash());
                    let revealed = ShieldedTx::Revealed {
                        data: Arc::new(inner),
                        hash,
                        priority: *tx.priority(),
                        longevity: *tx.longevity(),
                    };
                    self.revealed = Some((tx.hash().clone(), Arc::new(revealed)));
                },
                Err(e) => log::info!(target: LOG_TARGET, "wrapper {:?} gives no transaction: {e:?}", tx.hash()),
            }
            return Some(Arc::new(ShieldedTx::Pool(tx)));
        }
    }
}

impl<P> ReadyTransactions for ShieldedReady<P>
where
    P: TransactionPool,
    P::Block: BlockT<Extrinsic = OpaqueExtrinsic>,
{
    fn report_invalid(&mut self, tx: &Self::Item) {
        if let ShieldedTx::Pool(pool_tx) = &**tx {
            // A wrapper that did not make it into the block takes its payload with it.
            if self.revealed.as_ref().is_some_and(|(wrapper, _)| wrapper == pool_tx.hash()) {
                self.revealed = None;
            }
            self.inner.report_invalid(pool_tx);
        }
    }
}

#[async_trait::async_trait]
impl<P> TransactionPool for ShieldedPool<P>
where
    P: TransactionPool + 'static,
    P::Block: BlockT<Extrinsic = OpaqueExtrinsic>,
    P::InPoolTransaction: Send + Sync,
{
    type Block = P::Block;
    type Hash = P::Hash;
    type InPoolTransaction = ShieldedTx<P::InPoolTransaction>;
    type Error = P::Error;

    async fn submit_at(
        &self,
        at: <Self::Block as BlockT>::Hash,
        source: TransactionSource,
        xts: Vec<TransactionFor<Self>>,
    ) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
        self.pool.submit_at(at, source, xts).await
    }

    async fn submit_one(
        &self,
        at: <Self::Block as BlockT>::Hash,
        source: TransactionSource,
        xt: TransactionFor<Self>,
    ) -> Result<TxHash<Self>, Self::Error> {
        self.pool.submit_one(at, source, xt).await
    }

    async fn submit_and_watch(
        &self,
        at: <Self::Block as BlockT>::Hash,
        source: TransactionSource,
        xt: TransactionFor<Self>,
    ) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
        self.pool.submit_and_watch(at, source, xt).await
    }

    async fn ready_at(
        &self,
        at: <Self::Block as BlockT>::Hash,
    ) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
        let inner = self.pool.ready_at(at).await;
        self.wrap(inner)
    }

    fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
        self.wrap(self.pool.ready())
    }

    async fn report_invalid(
        &self,
        at: Option<<Self::Block as BlockT>::Hash>,
        invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
    ) -> Vec<Arc<Self::InPoolTransaction>> {
        self.pool
            .report_invalid(at, invalid_tx_errors)
            .await
            .into_iter()
            .map(|tx| Arc::new(ShieldedTx::Pool(tx)))
            .collect()
    }

    fn futures(&self) -> Vec<Self::InPoolTransaction> {
        self.pool.futures().into_iter().map(|tx| ShieldedTx::Pool(Arc::new(tx))).collect()
    }

    fn status(&self) -> PoolStatus {
        self.pool.status()
    }

    fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
        self.pool.import_notification_stream()
    }

    fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
        self.pool.on_broadcasted(propagations)
    }

    fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
        self.pool.hash_of(xt)
    }

    fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
        self.pool.ready_transaction(hash).map(|tx| Arc::new(ShieldedTx::Pool(tx)))
    }

    async fn ready_at_with_timeout(
        &self,
        at: <Self::Block as BlockT>::Hash,
        timeout: std::time::Duration,
    ) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
        let inner = self.pool.ready_at_with_timeout(at, timeout).await;
        self.wrap(inner)
    }
}

impl<P> ShieldedPool<P>
where
    P: TransactionPool + 'static,
    P::Block: BlockT<Extrinsic = OpaqueExtrinsic>,
    P::InPoolTransaction: Send + Sync,
{
    fn wrap(&self, inner: Ready<P>) -> Box<dyn ReadyTransactions<Item = Arc<ShieldedTx<P::InPoolTransaction>>> + Send> {
        Box::new(ShieldedReady::<P> { inner, pool: self.pool.clone(), keys: self.keys.clone(), revealed: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ml_kem::kem::Encapsulate;

    /// The clients' recipe (`pallets-2.md` §1.7), with the same crates.
    fn encrypt(enc_key: &[u8], plaintext: &[u8]) -> Vec<u8> {
        let ek = <MlKem768 as KemCore>::EncapsulationKey::from_bytes(
            &ml_kem::array::Array::try_from(enc_key).expect("1184 bytes"),
        );
        let (kem_ct, shared) = ek.encapsulate(&mut rand_core::OsRng).expect("encapsulates");
        let nonce = [7u8; 24];
        let aead = XChaCha20Poly1305::new_from_slice(shared.as_slice())
            .expect("32-byte key")
            .encrypt(XNonce::from_slice(&nonce), plaintext)
            .expect("encrypts");
        let mut out = wire::key_hash(enc_key).to_vec();
        out.extend_from_slice(&(kem_ct.len() as u16).to_le_bytes());
        out.extend_from_slice(kem_ct.as_slice());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&aead);
        out
    }

    fn signed_remark() -> Vec<u8> {
        use sp_keyring::Sr25519Keyring;
        let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] });
        let tx_ext: tensorchain_runtime::TxExtension = (
            frame_system::CheckNonZeroSender::new(),
            frame_system::CheckSpecVersion::new(),
            frame_system::CheckTxVersion::new(),
            frame_system::CheckGenesis::new(),
            tensorchain_runtime::check_mortality::CheckMortality::from(sp_runtime::generic::Era::Immortal),
            tensorchain_runtime::check_nonce::CheckNonce(1),
            frame_system::CheckWeight::new(),
            pallet_transaction_payment::ChargeTransactionPayment::from(0),
            pallet_shield::CheckShieldedTxValidity::new(),
            tensorchain_runtime::subtensor_extension::SubtensorTransactionExtension,
            frame_metadata_hash_extension::CheckMetadataHash::new(false),
        );
        let signature = Sr25519Keyring::Alice.sign(b"not checked here");
        UncheckedExtrinsic::new_signed(call, Sr25519Keyring::Alice.to_account_id().into(), signature.into(), tx_ext)
            .encode()
    }

    #[test]
    fn a_payload_for_this_key_gives_back_the_signed_bytes() {
        let keys = ShieldKeys::generate();
        assert_eq!(keys.enc_key().len(), wire::MLKEM768_ENC_KEY_LEN);
        let inner = signed_remark();
        let ciphertext = encrypt(keys.enc_key(), &inner);
        assert_eq!(ciphertext.len(), 1146 + inner.len());
        let payload = ShieldedTransaction::parse(&ciphertext).expect("parses");
        assert_eq!(payload.key_hash, keys.key_hash());
        let revealed = keys.unshield(&payload).expect("decrypts");
        assert_eq!(revealed.encode(), inner);
        // Trailing bytes after the extrinsic are ignored.
        let mut padded = inner.clone();
        padded.extend_from_slice(&[0xFF; 9]);
        let payload = ShieldedTransaction::parse(&encrypt(keys.enc_key(), &padded)).expect("parses");
        assert_eq!(keys.unshield(&payload).expect("decrypts").encode(), inner);
    }

    #[test]
    fn other_keys_corruption_and_unsigned_payloads_give_nothing() {
        let keys = ShieldKeys::generate();
        let other = ShieldKeys::generate();
        let payload = ShieldedTransaction::parse(&encrypt(other.enc_key(), &signed_remark())).expect("parses");
        assert_eq!(keys.unshield(&payload), Err(UnshieldError::Decryption));

        let mut corrupt = ShieldedTransaction::parse(&encrypt(keys.enc_key(), &signed_remark())).expect("parses");
        if let Some(byte) = corrupt.aead_ct.get_mut(5) {
            *byte ^= 1;
        }
        assert_eq!(keys.unshield(&corrupt), Err(UnshieldError::Decryption));
        let mut short = corrupt.clone();
        short.kem_ct.truncate(10);
        assert_eq!(keys.unshield(&short), Err(UnshieldError::Decapsulation));

        let junk = ShieldedTransaction::parse(&encrypt(keys.enc_key(), &[4, 1, 2])).expect("parses");
        assert_eq!(keys.unshield(&junk), Err(UnshieldError::NotAnExtrinsic));

        let bare = UncheckedExtrinsic::new_bare(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
        let bare = ShieldedTransaction::parse(&encrypt(keys.enc_key(), &bare.encode())).expect("parses");
        assert_eq!(keys.unshield(&bare), Err(UnshieldError::NotSigned));
    }

    #[test]
    fn keys_persist_in_the_keystore_directory() {
        let dir = std::env::temp_dir().join(format!("tensorchain-shield-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = ShieldKeys::load_or_create(&dir).expect("creates");
        let again = ShieldKeys::load_or_create(&dir).expect("loads");
        assert_eq!(first.enc_key(), again.enc_key());
        std::fs::write(dir.join(KEY_FILE), [0u8; 12]).expect("writes");
        assert!(ShieldKeys::load_or_create(&dir).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_signed_submit_encrypted_calls_are_wrappers() {
        let keys = ShieldKeys::generate();
        let remark = OpaqueExtrinsic::try_from_encoded_extrinsic(&signed_remark()).expect("decodes");
        assert!(shielded_payload(&remark).is_none());
        let ciphertext = encrypt(keys.enc_key(), &signed_remark());
        let call = RuntimeCall::MevShield(pallet_shield::Call::submit_encrypted {
            ciphertext: ciphertext.clone().try_into().expect("fits"),
        });
        let bare = UncheckedExtrinsic::new_bare(call);
        let bare = OpaqueExtrinsic::try_from_encoded_extrinsic(&bare.encode()).expect("decodes");
        assert!(shielded_payload(&bare).is_none());
    }
}
