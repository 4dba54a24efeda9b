//! # Commitments
//!
//! Hotkeys registered on a subnet publish small pieces of data there (`pallets-2.md` §3):
//! endpoints, hashes of off-chain artefacts, a bonds-reset request, or ciphertexts timelocked
//! to a drand round that this pallet decrypts and publishes once the round's pulse is on
//! chain. Commitments are free (`Pays::No`), so each (subnet, hotkey) has a per-epoch byte
//! budget (`MaxSpace`) instead of a fee, and the runtime's pool checks call
//! [`Pallet::validate_set_commitment`] to drop free calls that would fail.
//!
//! The pallet does not depend on SubtensorModule: registration, epochs, bonds and drand reach
//! it through the traits below, which the runtime implements.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use weights::WeightInfo;

use alloc::vec::Vec;

/// Subnets are plain `u16`s here, as in SubtensorModule's storage.
pub type NetUid = u16;

/// At most this many revealed plaintexts are kept per (subnet, hotkey); older ones go first.
pub const MAX_REVEALED_COMMITMENTS: usize = 10;

/// Every commitment is charged at least this many bytes of the space budget, so that empty
/// or tiny commitments cannot be sent for free without bound.
pub const MIN_COMMITMENT_CHARGE: u64 = 100;

/// Who may commit: the runtime answers from SubtensorModule's `Uids`.
pub trait CanCommit<AccountId> {
    /// Whether `who` is a hotkey with a uid on `netuid`.
    fn can_commit(netuid: NetUid, who: &AccountId) -> bool;
}

/// The space budget renews every epoch of the subnet.
pub trait GetEpochIndex {
    /// The subnet's `SubnetEpochIndex`.
    fn epoch_index(netuid: NetUid) -> u64;
}

/// Lets SubtensorModule act on commitments that carry instructions for it.
pub trait OnMetadataCommitment<AccountId> {
    /// `who` committed a `ResetBondsFlag` on `netuid` (`pallets-2.md` §3.6).
    fn on_bonds_reset(netuid: NetUid, who: &AccountId);
}

impl<AccountId> OnMetadataCommitment<AccountId> for () {
    fn on_bonds_reset(_netuid: NetUid, _who: &AccountId) {}
}

/// Drand access for the timelocked reveal. Kept behind a trait so the pallet carries no
/// pairing code and the runtime can run without a Drand pallet: with `()` no pulse is ever
/// found and timelocked fields stay stored until one is.
pub trait TimelockDecrypter {
    /// The stored pulse signature of `round`, `None` while the pulse is not on chain.
    fn pulse_signature(round: u64) -> Option<Vec<u8>>;
    /// The plaintext of a TLE ciphertext (`pallets-2.md` §2.9), `None` on any failure.
    fn decrypt(ciphertext: &[u8], signature: &[u8]) -> Option<Vec<u8>>;
}

impl TimelockDecrypter for () {
    fn pulse_signature(_round: u64) -> Option<Vec<u8>> {
        None
    }
    fn decrypt(_ciphertext: &[u8], _signature: &[u8]) -> Option<Vec<u8>> {
        None
    }
}

/// What the benchmarks need from the runtime, which alone knows how to register a hotkey
/// and (with a Drand pallet) how to store a pulse.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
    /// Make `who` a hotkey with a uid on `netuid`, so that `CanCommit` lets it commit.
    fn register_hotkey(netuid: NetUid, who: &AccountId);
    /// Store a pulse for `round` and return a ciphertext that `Timelock` decrypts with it.
    /// `None` when the runtime has no drand source; the reveal benchmark then measures
    /// fields that wait.
    fn prepare_reveal(_round: u64) -> Option<Vec<u8>> {
        None
    }
}

// The FRAME macros expand to `expect` calls.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::*;
    use alloc::{boxed::Box, collections::btree_map::BTreeMap, collections::btree_set::BTreeSet};
    use frame_support::{
        pallet_prelude::*,
        traits::{Currency, ReservableCurrency},
    };
    use frame_system::pallet_prelude::*;
    use sp_runtime::traits::{Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero};

    pub type BalanceOf<T> = <<T as Config>::Currency as Currency<<T as frame_system::Config>::AccountId>>::Balance;
    pub type RegistrationOf<T> = Registration<<T as Config>::MaxFields>;
    pub type CommitmentInfoOf<T> = CommitmentInfo<<T as Config>::MaxFields>;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// Holds the deposits.
        type Currency: ReservableCurrency<Self::AccountId>;
        /// Fields per commitment; clients put a `RawN` text first and may add a flag.
        #[pallet::constant]
        type MaxFields: Get<u32>;
        /// Reserved for holding a commitment at all.
        #[pallet::constant]
        type InitialDeposit: Get<BalanceOf<Self>>;
        /// Reserved per field on top of `InitialDeposit`.
        #[pallet::constant]
        type FieldDeposit: Get<BalanceOf<Self>>;
        type CanCommit: CanCommit<Self::AccountId>;
        type TempoInterface: GetEpochIndex;
        type OnMetadataCommitment: OnMetadataCommitment<Self::AccountId>;
        type Timelock: TimelockDecrypter;
        type WeightInfo: WeightInfo;
        #[cfg(feature = "runtime-benchmarks")]
        type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
    }

    #[pallet::type_value]
    pub fn DefaultMaxSpace() -> u32 {
        3100
    }

    /// (subnet, hotkey) pairs whose commitment holds a timelocked field: the reveal hook walks
    /// this instead of every commitment.
    #[pallet::storage]
    #[pallet::unbounded]
    pub type TimelockedIndex<T: Config> = StorageValue<_, BTreeSet<(NetUid, T::AccountId)>, ValueQuery>;

    #[pallet::storage]
    pub type CommitmentOf<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, RegistrationOf<T>, OptionQuery>;

    /// The block of the hotkey's last `set_commitment` on the subnet.
    #[pallet::storage]
    pub type LastCommitment<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

    /// The block of the hotkey's last commitment carrying `ResetBondsFlag`; clients read it.
    #[pallet::storage]
    pub type LastBondsReset<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

    /// Revealed timelock plaintexts with their reveal block, oldest first, at most
    /// `MAX_REVEALED_COMMITMENTS`. A plain `Vec` because clients decode it as one.
    #[pallet::storage]
    #[pallet::unbounded]
    pub type RevealedCommitments<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, Vec<(Vec<u8>, u64)>, OptionQuery>;

    #[pallet::storage]
    pub type UsedSpaceOf<T: Config> =
        StorageDoubleMap<_, Identity, NetUid, Twox64Concat, T::AccountId, UsageTracker, OptionQuery>;

    /// Bytes each (subnet, hotkey) may commit per epoch.
    #[pallet::storage]
    pub type MaxSpace<T> = StorageValue<_, u32, ValueQuery, DefaultMaxSpace>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A commitment without timelocked fields was stored.
        Commitment { netuid: NetUid, who: T::AccountId },
        /// A commitment with timelocked fields was stored; `reveal_round` is its first one's.
        TimelockCommitment { netuid: NetUid, who: T::AccountId, reveal_round: u64 },
        /// A timelocked field was decrypted into `RevealedCommitments`.
        CommitmentRevealed { netuid: NetUid, who: T::AccountId },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// More fields than `MaxFields`.
        TooManyFieldsInCommitmentInfo,
        /// The account is not a hotkey registered on the subnet.
        AccountNotAllowedCommit,
        /// The commitment does not fit in what is left of this epoch's `MaxSpace`.
        SpaceLimitExceeded,
        /// Less was reserved than the deposit being returned.
        UnexpectedUnreserveLeftover,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(n: BlockNumberFor<T>) -> Weight {
            Self::reveal_timelocked(n)
        }

        #[cfg(feature = "try-runtime")]
        fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
            Self::check_invariants().map_err(|e| {
                log::error!(target: "commitments", "invariant broken: {e}");
                sp_runtime::TryRuntimeError::Other(e)
            })
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Replaces the signing hotkey's commitment on `netuid` (all of its fields, including
        /// timelocked ones not yet revealed).
        #[pallet::call_index(0)]
        #[pallet::weight((T::WeightInfo::set_commitment(), DispatchClass::Normal, Pays::No))]
        pub fn set_commitment(origin: OriginFor<T>, netuid: NetUid, info: Box<CommitmentInfoOf<T>>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let usage = Self::check_commitment(&who, netuid, &info)?;

            let now = frame_system::Pallet::<T>::block_number();
            let old_deposit = CommitmentOf::<T>::get(netuid, &who).map(|r| r.deposit).unwrap_or(0);
            let field_count = u32::try_from(info.fields.len()).unwrap_or(u32::MAX);
            let new_deposit = T::InitialDeposit::get()
                .saturating_add(T::FieldDeposit::get().saturating_mul(BalanceOf::<T>::from(field_count)));
            Self::settle_deposit(&who, BalanceOf::<T>::unique_saturated_from(old_deposit), new_deposit)?;

            // Nothing below can fail.
            if info.fields.iter().any(|f| matches!(f, Data::ResetBondsFlag)) {
                LastBondsReset::<T>::insert(netuid, &who, now);
                T::OnMetadataCommitment::on_bonds_reset(netuid, &who);
            }
            UsedSpaceOf::<T>::insert(netuid, &who, usage);
            let first_round = info.fields.iter().find_map(Data::reveal_round);
            let registration = Registration {
                deposit: new_deposit.unique_saturated_into(),
                block: now.unique_saturated_into(),
                info: *info,
            };
            CommitmentOf::<T>::insert(netuid, &who, registration);
            LastCommitment::<T>::insert(netuid, &who, now);

            let key = (netuid, who.clone());
            let mut index = TimelockedIndex::<T>::get();
            match first_round {
                Some(reveal_round) => {
                    if index.insert(key) {
                        TimelockedIndex::<T>::put(index);
                    }
                    Self::deposit_event(Event::TimelockCommitment { netuid, who, reveal_round });
                },
                None => {
                    if index.remove(&key) {
                        TimelockedIndex::<T>::put(index);
                    }
                    Self::deposit_event(Event::Commitment { netuid, who });
                },
            }
            Ok(())
        }

        /// Root sets the per-epoch space budget. Budgets already used above a lowered limit
        /// stay as they are; they only block further commitments until the next epoch.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::set_max_space())]
        pub fn set_max_space(origin: OriginFor<T>, new_limit: u32) -> DispatchResult {
            ensure_root(origin)?;
            MaxSpace::<T>::put(new_limit);
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// Checks 1–6 of `pallets-2.md` §3.4 without writing: the pool uses it to refuse free
        /// calls that would fail.
        pub fn validate_set_commitment(
            who: &T::AccountId,
            netuid: NetUid,
            info: &CommitmentInfoOf<T>,
        ) -> Result<(), Error<T>> {
            Self::check_commitment(who, netuid, info).map(|_| ())
        }

        /// The checks, returning the space budget as it will be after the commitment.
        fn check_commitment(
            who: &T::AccountId,
            netuid: NetUid,
            info: &CommitmentInfoOf<T>,
        ) -> Result<UsageTracker, Error<T>> {
            ensure!(T::CanCommit::can_commit(netuid, who), Error::<T>::AccountNotAllowedCommit);
            let field_count = u32::try_from(info.fields.len()).unwrap_or(u32::MAX);
            ensure!(field_count <= T::MaxFields::get(), Error::<T>::TooManyFieldsInCommitmentInfo);

            let required = info
                .fields
                .iter()
                .fold(0u64, |sum, field| sum.saturating_add(field.len_for_rate_limit()))
                .max(MIN_COMMITMENT_CHARGE);
            let epoch = T::TempoInterface::epoch_index(netuid);
            let mut usage = UsedSpaceOf::<T>::get(netuid, who).unwrap_or_default();
            if usage.last_epoch != epoch {
                usage = UsageTracker { last_epoch: epoch, used_space: 0 };
            }
            let used = usage.used_space.saturating_add(required);
            ensure!(used <= u64::from(MaxSpace::<T>::get()), Error::<T>::SpaceLimitExceeded);
            usage.used_space = used;
            Ok(usage)
        }

        /// Moves the reserve from `old` to `new`. Checks before unreserving, so a failure
        /// leaves the balance untouched.
        fn settle_deposit(who: &T::AccountId, old: BalanceOf<T>, new: BalanceOf<T>) -> DispatchResult {
            if new > old {
                T::Currency::reserve(who, new.saturating_sub(old))?;
            } else if old > new {
                let refund = old.saturating_sub(new);
                ensure!(T::Currency::reserved_balance(who) >= refund, Error::<T>::UnexpectedUnreserveLeftover);
                let leftover = T::Currency::unreserve(who, refund);
                ensure!(leftover.is_zero(), Error::<T>::UnexpectedUnreserveLeftover);
            }
            Ok(())
        }

        /// Returns the deposit of a commitment that ceased to exist without a call of its own
        /// (fully revealed, deregistered, subnet dissolved), so no reserve is stranded.
        fn release_deposit(who: &T::AccountId, deposit: u64) {
            if deposit == 0 {
                return;
            }
            let leftover = T::Currency::unreserve(who, BalanceOf::<T>::unique_saturated_from(deposit));
            if !leftover.is_zero() {
                log::warn!(target: "commitments", "deposit of a removed commitment was not fully reserved");
            }
        }

        /// The timelocked reveal of `pallets-2.md` §3.5, run at the start of every block.
        pub fn reveal_timelocked(now: BlockNumberFor<T>) -> Weight {
            let index = TimelockedIndex::<T>::get();
            let reveal_block: u64 = now.unique_saturated_into();
            // Many fields share a round; each pulse is read once per block.
            let mut signatures: BTreeMap<u64, Option<Vec<u8>>> = BTreeMap::new();
            let mut unindex: Vec<(NetUid, T::AccountId)> = Vec::new();
            let mut visited: u32 = 0;
            let mut consumed: u32 = 0;

            for key in index.iter() {
                visited = visited.saturating_add(1);
                let (netuid, who) = key;
                let Some(Registration { deposit, block, info }) = CommitmentOf::<T>::get(netuid, who) else {
                    unindex.push(key.clone());
                    continue;
                };

                let mut kept: Vec<Data> = Vec::new();
                let mut plaintexts: Vec<Vec<u8>> = Vec::new();
                let (mut any_timelocked, mut still_locked, mut any_consumed) = (false, false, false);
                for field in info.fields.into_iter() {
                    let Data::TimelockEncrypted { encrypted, reveal_round } = &field else {
                        kept.push(field);
                        continue;
                    };
                    any_timelocked = true;
                    let signature =
                        signatures.entry(*reveal_round).or_insert_with(|| T::Timelock::pulse_signature(*reveal_round));
                    let Some(signature) = signature else {
                        still_locked = true;
                        kept.push(field);
                        continue;
                    };
                    any_consumed = true;
                    consumed = consumed.saturating_add(1);
                    // A field that cannot be decrypted with its round's pulse never will be:
                    // it is dropped without a trace.
                    match T::Timelock::decrypt(encrypted, signature) {
                        Some(plaintext) if !plaintext.is_empty() => plaintexts.push(plaintext),
                        _ => log::debug!(target: "commitments", "dropped an undecryptable timelocked field"),
                    }
                }

                if !any_timelocked {
                    unindex.push(key.clone());
                    continue;
                }
                if !any_consumed {
                    continue;
                }

                if !plaintexts.is_empty() {
                    let count = plaintexts.len();
                    RevealedCommitments::<T>::mutate(netuid, who, |revealed| {
                        let list = revealed.get_or_insert_with(Vec::new);
                        list.extend(plaintexts.into_iter().map(|p| (p, reveal_block)));
                        let excess = list.len().saturating_sub(MAX_REVEALED_COMMITMENTS);
                        list.drain(..excess);
                    });
                    for _ in 0..count {
                        Self::deposit_event(Event::CommitmentRevealed { netuid: *netuid, who: who.clone() });
                    }
                }

                if kept.is_empty() {
                    CommitmentOf::<T>::remove(netuid, who);
                    Self::release_deposit(who, deposit);
                    unindex.push(key.clone());
                } else {
                    // `kept` is a subset of a bounded list, so nothing is truncated.
                    let fields = BoundedVec::truncate_from(kept);
                    CommitmentOf::<T>::insert(
                        netuid,
                        who,
                        Registration { deposit, block, info: CommitmentInfo { fields } },
                    );
                    if !still_locked {
                        unindex.push(key.clone());
                    }
                }
            }

            if !unindex.is_empty() {
                let mut index = index;
                for key in &unindex {
                    index.remove(key);
                }
                TimelockedIndex::<T>::put(index);
            }
            let pulse_reads = u64::try_from(signatures.len()).unwrap_or(u64::MAX);
            T::WeightInfo::on_initialize_reveal(visited, consumed).saturating_add(T::DbWeight::get().reads(pulse_reads))
        }

        /// Forgets a dissolved subnet: its five double maps and its index entries. Deposits
        /// go back to the hotkeys.
        pub fn purge_netuid(netuid: NetUid) {
            for (who, registration) in CommitmentOf::<T>::drain_prefix(netuid) {
                Self::release_deposit(&who, registration.deposit);
            }
            let _ = LastCommitment::<T>::clear_prefix(netuid, u32::MAX, None);
            let _ = LastBondsReset::<T>::clear_prefix(netuid, u32::MAX, None);
            let _ = RevealedCommitments::<T>::clear_prefix(netuid, u32::MAX, None);
            let _ = UsedSpaceOf::<T>::clear_prefix(netuid, u32::MAX, None);
            let mut index = TimelockedIndex::<T>::get();
            let before = index.len();
            index.retain(|(n, _)| *n != netuid);
            if index.len() != before {
                TimelockedIndex::<T>::put(index);
            }
        }

        /// Forgets a hotkey deregistered from `netuid`: its commitment there would otherwise
        /// outlive its uid (and reveal for a stranger holding the uid next).
        pub fn purge_account(netuid: NetUid, who: &T::AccountId) {
            if let Some(registration) = CommitmentOf::<T>::take(netuid, who) {
                Self::release_deposit(who, registration.deposit);
            }
            LastCommitment::<T>::remove(netuid, who);
            LastBondsReset::<T>::remove(netuid, who);
            RevealedCommitments::<T>::remove(netuid, who);
            UsedSpaceOf::<T>::remove(netuid, who);
            let mut index = TimelockedIndex::<T>::get();
            if index.remove(&(netuid, who.clone())) {
                TimelockedIndex::<T>::put(index);
            }
        }

        /// The metagraph's `commitments` field (`pallets-2.md` §3.7): each commitment of the
        /// subnet as its stored bytes, which clients parse themselves.
        pub fn subnet_commitments(netuid: NetUid) -> Vec<(T::AccountId, Vec<u8>)> {
            CommitmentOf::<T>::iter_prefix(netuid).map(|(who, registration)| (who, registration.encode())).collect()
        }

        /// The storage invariants, for try-runtime and tests.
        ///
        /// `used_space ≤ MaxSpace` is not one: root may lower `MaxSpace` below budgets already
        /// used this epoch. What always holds is that a stored budget recorded at least one
        /// accepted commitment (≥ `MIN_COMMITMENT_CHARGE`) and never exceeded a `u32` limit.
        pub fn check_invariants() -> Result<(), &'static str> {
            let index = TimelockedIndex::<T>::get();
            for (netuid, who) in index.iter() {
                let registration =
                    CommitmentOf::<T>::get(netuid, who).ok_or("TimelockedIndex entry without a commitment")?;
                ensure!(
                    registration.info.fields.iter().any(Data::is_timelocked),
                    "TimelockedIndex entry whose commitment has no timelocked field"
                );
            }
            for (netuid, who, registration) in CommitmentOf::<T>::iter() {
                let timelocked = registration.info.fields.iter().any(Data::is_timelocked);
                ensure!(
                    !timelocked || index.contains(&(netuid, who.clone())),
                    "timelocked commitment missing from TimelockedIndex"
                );
                ensure!(LastCommitment::<T>::contains_key(netuid, &who), "commitment without LastCommitment");
            }
            for (_, _, revealed) in RevealedCommitments::<T>::iter() {
                ensure!(!revealed.is_empty(), "empty RevealedCommitments entry");
                ensure!(revealed.len() <= MAX_REVEALED_COMMITMENTS, "more than 10 revealed commitments");
            }
            for (_, _, usage) in UsedSpaceOf::<T>::iter() {
                ensure!(usage.used_space >= MIN_COMMITMENT_CHARGE, "space budget below one commitment");
                ensure!(usage.used_space <= u64::from(u32::MAX), "space budget above any MaxSpace");
            }
            Ok(())
        }
    }
}
