//! # MevShield
//!
//! Transactions nobody can read before they are ordered. Every block author holds ML-KEM-768
//! key pairs in its node (never in the runtime) and announces an encapsulation key with the
//! inherent [`Call::announce_next_key`]. The runtime keeps a three-stage pipeline of those
//! keys (`pallets-2.md` §1.5):
//!
//! - `NextKey`: the key of the author two blocks ahead, which clients encrypt to;
//! - `PendingKey`: the next block's author's key, which its proposer matches payloads with;
//! - `CurrentKey`: this block's author's key (informational).
//!
//! A user signs an ordinary extrinsic, encrypts it to `NextKey` ([`wire`] has the layout) and
//! submits it wrapped in [`Call::submit_encrypted`], signed by the same account with the
//! preceding nonce. The wrapper only emits `EncryptedSubmitted`; the author it is addressed to
//! decrypts the payload while building its block and places the inner extrinsic right after
//! the wrapper, where it is validated and applied like any other (the node's `shield` module).
//!
//! Validity (`extension.rs`): a `submit_encrypted` must parse (`Custom(23)` otherwise) and,
//! in the runtime's `CheckMortality`, carry a mortal era of at most 8 blocks.
//!
//! The stored queue (`store_encrypted` and `on_initialize`) is upstream's second path, which no
//! client uses: its items are decrypted by [`Config::ExtrinsicDecryptor`], which upstream's
//! runtime (and ours) leaves without a key, so every stored item ends `ExtrinsicDecodeFailed`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;
pub mod wire;

pub use extension::CheckShieldedTxValidity;
pub use weights::WeightInfo;

use frame_support::{pallet_prelude::ConstU32, BoundedVec};

/// An announced ML-KEM-768 encapsulation key; valid ones are exactly
/// [`wire::MLKEM768_ENC_KEY_LEN`] bytes.
pub type ShieldEncKey = BoundedVec<u8, ConstU32<2048>>;

/// The ciphertext of a shielded or stored transaction.
pub type Ciphertext = BoundedVec<u8, ConstU32<8192>>;

/// Where the node puts its next encapsulation key in the inherent data (`Option<ShieldEncKey>`).
pub const INHERENT_IDENTIFIER: sp_inherents::InherentIdentifier = *b"shieldpk";

/// Who authors blocks: this one and the one two blocks ahead, whose key clients encrypt to.
pub trait FindAuthors<AuthorityId> {
    /// The author of the block being built.
    fn current_author() -> Option<AuthorityId>;
    /// The author expected two blocks after this one.
    fn author_in_two_blocks() -> Option<AuthorityId>;
}

/// Turns a stored encrypted call into a call to dispatch. The runtime holds no decapsulation
/// key, so `()` (which never succeeds) is what a runtime uses.
pub trait ExtrinsicDecryptor<Call> {
    fn decrypt(ciphertext: &[u8]) -> Option<Call>;
}

impl<Call> ExtrinsicDecryptor<Call> for () {
    fn decrypt(_ciphertext: &[u8]) -> Option<Call> {
        None
    }
}

/// One stored encrypted call (`store_encrypted`).
#[derive(
    codec::Encode,
    codec::Decode,
    codec::DecodeWithMemTracking,
    codec::MaxEncodedLen,
    scale_info::TypeInfo,
    Clone,
    PartialEq,
    Eq,
    Debug,
)]
pub struct PendingExtrinsic<AccountId, BlockNumber> {
    pub who: AccountId,
    pub encrypted_call: Ciphertext,
    pub submitted_at: BlockNumber,
}

// The pallet macros expand to `expect`s on values they construct themselves.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use frame_support::{
        dispatch::{GetDispatchInfo, PostDispatchInfo},
        pallet_prelude::*,
        traits::IsSubType,
    };
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::{Dispatchable, Hash, Saturating};

    /// Upper bound for the queue's per-block and per-item weights (2 s of ref-time).
    pub const ABSOLUTE_MAX_WEIGHT: u64 = 2_000_000_000_000;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// The calls stored encrypted calls decrypt to, and which the extension inspects.
        type RuntimeCall: Parameter
            + Dispatchable<RuntimeOrigin = <Self as frame_system::Config>::RuntimeOrigin, PostInfo = PostDispatchInfo>
            + GetDispatchInfo
            + From<Call<Self>>
            + IsSubType<Call<Self>>
            + IsType<<Self as frame_system::Config>::RuntimeCall>;
        /// A block author's identity (Aura's sr25519 public key).
        type AuthorityId: Parameter + MaxEncodedLen;
        type FindAuthors: FindAuthors<Self::AuthorityId>;
        type ExtrinsicDecryptor: ExtrinsicDecryptor<<Self as Config>::RuntimeCall>;
        type WeightInfo: WeightInfo;
    }

    #[pallet::type_value]
    pub fn DefaultMaxPendingExtrinsicsLimit() -> u32 {
        100
    }
    #[pallet::type_value]
    pub fn DefaultExtrinsicLifetime() -> u32 {
        10
    }
    #[pallet::type_value]
    pub fn DefaultOnInitializeWeight() -> u64 {
        500_000_000_000
    }
    #[pallet::type_value]
    pub fn DefaultMaxExtrinsicWeight() -> u64 {
        50_000_000_000
    }

    /// This block's author's key (informational: nothing is encrypted to it any more).
    #[pallet::storage]
    pub type CurrentKey<T> = StorageValue<_, ShieldEncKey, OptionQuery>;

    /// The next block's author's key: the payloads its proposer can decrypt carry its hash.
    #[pallet::storage]
    pub type PendingKey<T> = StorageValue<_, ShieldEncKey, OptionQuery>;

    /// The key of the author two blocks ahead: what clients encrypt to.
    #[pallet::storage]
    pub type NextKey<T> = StorageValue<_, ShieldEncKey, OptionQuery>;

    /// The last key each author announced.
    #[pallet::storage]
    pub type AuthorKeys<T: Config> = StorageMap<_, Twox64Concat, T::AuthorityId, ShieldEncKey, OptionQuery>;

    /// First block at which `PendingKey` no longer applies (exclusive bound).
    #[pallet::storage]
    pub type PendingKeyExpiresAt<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

    /// First block at which `NextKey` no longer applies (exclusive bound).
    #[pallet::storage]
    pub type NextKeyExpiresAt<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

    /// Names of migrations already applied (kept for storage layout compatibility).
    #[pallet::storage]
    pub type HasMigrationRun<T> = StorageMap<_, Identity, BoundedVec<u8, ConstU32<128>>, bool, ValueQuery>;

    #[pallet::storage]
    pub type MaxPendingExtrinsicsLimit<T> = StorageValue<_, u32, ValueQuery, DefaultMaxPendingExtrinsicsLimit>;

    /// Blocks a stored call may wait before it expires.
    #[pallet::storage]
    pub type ExtrinsicLifetime<T> = StorageValue<_, u32, ValueQuery, DefaultExtrinsicLifetime>;

    /// Ref-time the stored queue may use per block.
    #[pallet::storage]
    pub type OnInitializeWeight<T> = StorageValue<_, u64, ValueQuery, DefaultOnInitializeWeight>;

    /// Ref-time above which a stored call is dropped.
    #[pallet::storage]
    pub type MaxExtrinsicWeight<T> = StorageValue<_, u64, ValueQuery, DefaultMaxExtrinsicWeight>;

    #[pallet::storage]
    pub type PendingExtrinsics<T: Config> =
        CountedStorageMap<_, Identity, u32, PendingExtrinsic<T::AccountId, BlockNumberFor<T>>, OptionQuery>;

    #[pallet::storage]
    pub type NextPendingExtrinsicIndex<T> = StorageValue<_, u32, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A shielded transaction was included; its payload follows if the author could
        /// decrypt it. `id` is `blake2_256(SCALE(who, ciphertext))`.
        EncryptedSubmitted { id: T::Hash, who: T::AccountId },
        ExtrinsicStored { index: u32, who: T::AccountId },
        ExtrinsicDecodeFailed { index: u32 },
        ExtrinsicDispatchFailed { index: u32, error: DispatchError },
        ExtrinsicDispatched { index: u32 },
        ExtrinsicExpired { index: u32 },
        ExtrinsicPostponed { index: u32 },
        MaxPendingExtrinsicsNumberSet { value: u32 },
        OnInitializeWeightSet { value: u64 },
        ExtrinsicLifetimeSet { value: u32 },
        MaxExtrinsicWeightSet { value: u64 },
        ExtrinsicWeightExceeded { index: u32 },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// An announced key is not 1 184 bytes long.
        BadEncKeyLen,
        /// The block's author could not be determined.
        Unreachable,
        /// The stored queue is full.
        TooManyPendingExtrinsics,
        /// A weight above 2 000 000 000 000 ref-time.
        WeightExceedsAbsoluteMax,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            Self::process_stored_queue(now)
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Rotates the key pipeline and records the key this block's author will decrypt with
        /// when its turn comes again. An inherent: the node adds it to every block it authors.
        #[pallet::call_index(0)]
        #[pallet::weight((T::WeightInfo::announce_next_key(), DispatchClass::Normal, Pays::No))]
        pub fn announce_next_key(origin: OriginFor<T>, enc_key: Option<ShieldEncKey>) -> DispatchResult {
            ensure_none(origin)?;
            let author = T::FindAuthors::current_author().ok_or(Error::<T>::Unreachable)?;
            if let Some(key) = &enc_key {
                ensure!(key.len() == wire::MLKEM768_ENC_KEY_LEN, Error::<T>::BadEncKeyLen);
            }
            // Read before this block's announcement: with one author, A2 is A itself and
            // clients must keep encrypting to the key its node already holds.
            let next = T::FindAuthors::author_in_two_blocks().and_then(AuthorKeys::<T>::get);
            CurrentKey::<T>::set(PendingKey::<T>::get());
            PendingKey::<T>::set(NextKey::<T>::get());
            NextKey::<T>::set(next);
            match enc_key {
                Some(key) => AuthorKeys::<T>::insert(&author, key),
                None => AuthorKeys::<T>::remove(&author),
            }
            let now = frame_system::Pallet::<T>::block_number();
            let expiry = |set: bool, ahead: u32| set.then(|| now.saturating_add(ahead.into()));
            PendingKeyExpiresAt::<T>::set(expiry(PendingKey::<T>::exists(), 2));
            NextKeyExpiresAt::<T>::set(expiry(NextKey::<T>::exists(), 3));
            Ok(())
        }

        /// A transaction encrypted to `NextKey`. Nothing here reads the payload: the author
        /// it is addressed to decrypts it and includes the inner transaction after this one.
        #[pallet::call_index(1)]
        #[pallet::weight((T::WeightInfo::submit_encrypted(), DispatchClass::Normal, Pays::Yes))]
        pub fn submit_encrypted(origin: OriginFor<T>, ciphertext: Ciphertext) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let id = T::Hashing::hash_of(&(&who, &ciphertext));
            Self::deposit_event(Event::EncryptedSubmitted { id, who });
            Ok(())
        }

        /// Queues an encrypted call for `on_initialize` (see the module docs: without a
        /// runtime decryptor every item fails to decode).
        #[pallet::call_index(2)]
        #[pallet::weight((T::WeightInfo::store_encrypted(), DispatchClass::Normal, Pays::Yes))]
        pub fn store_encrypted(origin: OriginFor<T>, encrypted_call: Ciphertext) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(
                PendingExtrinsics::<T>::count() < MaxPendingExtrinsicsLimit::<T>::get(),
                Error::<T>::TooManyPendingExtrinsics
            );
            let index = NextPendingExtrinsicIndex::<T>::get();
            let submitted_at = frame_system::Pallet::<T>::block_number();
            PendingExtrinsics::<T>::insert(
                index,
                PendingExtrinsic { who: who.clone(), encrypted_call, submitted_at },
            );
            NextPendingExtrinsicIndex::<T>::put(index.wrapping_add(1));
            Self::deposit_event(Event::ExtrinsicStored { index, who });
            Ok(())
        }

        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::set_max_pending_extrinsics_number())]
        pub fn set_max_pending_extrinsics_number(origin: OriginFor<T>, value: u32) -> DispatchResult {
            ensure_root(origin)?;
            MaxPendingExtrinsicsLimit::<T>::put(value);
            Self::deposit_event(Event::MaxPendingExtrinsicsNumberSet { value });
            Ok(())
        }

        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::set_on_initialize_weight())]
        pub fn set_on_initialize_weight(origin: OriginFor<T>, value: u64) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(value <= ABSOLUTE_MAX_WEIGHT, Error::<T>::WeightExceedsAbsoluteMax);
            OnInitializeWeight::<T>::put(value);
            Self::deposit_event(Event::OnInitializeWeightSet { value });
            Ok(())
        }

        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::set_stored_extrinsic_lifetime())]
        pub fn set_stored_extrinsic_lifetime(origin: OriginFor<T>, value: u32) -> DispatchResult {
            ensure_root(origin)?;
            ExtrinsicLifetime::<T>::put(value);
            Self::deposit_event(Event::ExtrinsicLifetimeSet { value });
            Ok(())
        }

        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::set_max_extrinsic_weight())]
        pub fn set_max_extrinsic_weight(origin: OriginFor<T>, value: u64) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(value <= ABSOLUTE_MAX_WEIGHT, Error::<T>::WeightExceedsAbsoluteMax);
            MaxExtrinsicWeight::<T>::put(value);
            Self::deposit_event(Event::MaxExtrinsicWeightSet { value });
            Ok(())
        }
    }

    #[pallet::inherent]
    impl<T: Config> ProvideInherent for Pallet<T> {
        type Call = Call<T>;
        type Error = sp_inherents::MakeFatalError<()>;
        const INHERENT_IDENTIFIER: InherentIdentifier = INHERENT_IDENTIFIER;

        fn create_inherent(data: &InherentData) -> Option<Self::Call> {
            // No data (a node without a shield key store): no inherent, the block stays valid.
            let enc_key = data.get_data::<Option<ShieldEncKey>>(&INHERENT_IDENTIFIER).ok().flatten()?;
            Some(Call::announce_next_key { enc_key })
        }

        fn is_inherent(call: &Self::Call) -> bool {
            matches!(call, Call::announce_next_key { .. })
        }
    }

    impl<T: Config> Pallet<T> {
        /// The stored queue, oldest first (`pallets-2.md` §1.10).
        pub(crate) fn process_stored_queue(now: BlockNumberFor<T>) -> Weight {
            let db = T::DbWeight::get();
            let count = PendingExtrinsics::<T>::count();
            let mut used = db.reads(2);
            if count == 0 {
                return used;
            }
            let budget = Weight::from_parts(OnInitializeWeight::<T>::get(), u64::MAX);
            let max_item = MaxExtrinsicWeight::<T>::get();
            let lifetime: BlockNumberFor<T> = ExtrinsicLifetime::<T>::get().into();
            let end = NextPendingExtrinsicIndex::<T>::get();
            let start = end.wrapping_sub(count);
            used.saturating_accrue(db.reads(3));
            let mut index = start;
            while index != end {
                let this = index;
                index = index.wrapping_add(1);
                used.saturating_accrue(T::WeightInfo::stored_queue_item());
                let Some(item) = PendingExtrinsics::<T>::get(this) else { continue };
                if now.saturating_sub(item.submitted_at) > lifetime {
                    PendingExtrinsics::<T>::remove(this);
                    Self::deposit_event(Event::ExtrinsicExpired { index: this });
                    continue;
                }
                let Some(call) = T::ExtrinsicDecryptor::decrypt(&item.encrypted_call) else {
                    PendingExtrinsics::<T>::remove(this);
                    Self::deposit_event(Event::ExtrinsicDecodeFailed { index: this });
                    continue;
                };
                let call_weight = call.get_dispatch_info().call_weight;
                if call_weight.ref_time() > max_item {
                    PendingExtrinsics::<T>::remove(this);
                    Self::deposit_event(Event::ExtrinsicWeightExceeded { index: this });
                    continue;
                }
                if used.saturating_add(db.writes(2)).saturating_add(call_weight).any_gt(budget) {
                    Self::deposit_event(Event::ExtrinsicPostponed { index: this });
                    break;
                }
                PendingExtrinsics::<T>::remove(this);
                let origin = frame_system::RawOrigin::Signed(item.who).into();
                let actual = match call.dispatch(origin) {
                    Ok(post) => {
                        Self::deposit_event(Event::ExtrinsicDispatched { index: this });
                        post.actual_weight.map_or(call_weight, |w| w.min(call_weight))
                    },
                    Err(e) => {
                        Self::deposit_event(Event::ExtrinsicDispatchFailed { index: this, error: e.error });
                        e.post_info.actual_weight.map_or(call_weight, |w| w.min(call_weight))
                    },
                };
                used.saturating_accrue(actual.saturating_add(db.writes(2)));
            }
            used
        }
    }
}
