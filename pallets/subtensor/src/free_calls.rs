//! Validity of the free calls (`Pays::No`: weights, commits, reveals, serving) before they
//! enter a block. Hotkeys sign them and are usually unfunded, so nothing stops spam but
//! these checks, which the runtime's `SubtensorTransactionExtension` runs in the pool and
//! again at inclusion: the signer is registered on the subnet, within its rate limit and
//! stake threshold, and every vector is bounded by the subnet's uid count. Failures are
//! `InvalidTransaction::Custom(n)` with upstream's numbering (`client-compat.md` §2.6), so a
//! refused call costs the network nothing and the clients print what they know.
//!
//! What these cheap checks do not cover (duplicate uids, too few weights, a missing permit)
//! fails at dispatch with the pallet's named error, and the extension then charges the fee.

use crate::{
    pallet::*,
    set_weights::{storage_index, MAX_UNREVEALED_COMMITS},
    timelocked::DrandPulses,
    MechId, NetUid, ROOT_NETUID,
};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

/// Upstream's `CustomTransactionError` codes used here.
pub mod code {
    pub const STAKE_AMOUNT_TOO_LOW: u8 = 1;
    pub const SUBNET_NOT_EXISTS: u8 = 3;
    pub const RATE_LIMIT_EXCEEDED: u8 = 6;
    pub const HOTKEY_NOT_REGISTERED_IN_NETWORK: u8 = 10;
    pub const SERVING_RATE_LIMIT_EXCEEDED: u8 = 12;
    pub const INVALID_REVEAL_ROUND: u8 = 15;
    pub const INPUT_LENGTHS_UNEQUAL: u8 = 18;
    pub const BAD_REQUEST: u8 = 255;
}

/// The longest salt a reveal may carry (the SDK uses 8).
pub const MAX_SALT_LEN: usize = 64;
/// The longest TLS certificate accepted in the pool (a valid one is at most 65 bytes; longer
/// ones are ignored at dispatch, as upstream, but need not be carried).
pub const MAX_CERTIFICATE_LEN: usize = 1024;

fn refuse(code: u8) -> TransactionValidityError {
    InvalidTransaction::Custom(code).into()
}

fn ensure(ok: bool, code: u8) -> Result<(), TransactionValidityError> {
    if ok {
        Ok(())
    } else {
        Err(refuse(code))
    }
}

/// What a weights-family call asks of the checks.
struct WeightsUse {
    /// The call stamps `LastUpdate` and so is rate limited (set and commit; not reveal).
    rate_limited: bool,
}

impl<T: Config> Pallet<T> {
    /// `Ok` if `who` may send `call` for free; otherwise the pool error. Calls that pay
    /// their fee are not checked here.
    pub fn validate_free_call(who: &T::AccountId, call: &Call<T>) -> Result<(), TransactionValidityError> {
        const SET: WeightsUse = WeightsUse { rate_limited: true };
        const REVEAL: WeightsUse = WeightsUse { rate_limited: false };
        match call {
            Call::set_weights { netuid, dests, weights, .. } => {
                ensure(dests.len() == weights.len(), code::INPUT_LENGTHS_UNEQUAL)?;
                Self::check_weights_use(who, *netuid, 0, dests.len(), &SET)
            },
            Call::set_mechanism_weights { netuid, mecid, dests, weights, .. } => {
                ensure(dests.len() == weights.len(), code::INPUT_LENGTHS_UNEQUAL)?;
                Self::check_weights_use(who, *netuid, *mecid, dests.len(), &SET)
            },
            Call::batch_set_weights { netuids, weights, version_keys } => {
                ensure(
                    netuids.len() == weights.len() && netuids.len() == version_keys.len(),
                    code::INPUT_LENGTHS_UNEQUAL,
                )?;
                ensure(netuids.len() <= usize::from(TotalNetworks::<T>::get()), code::BAD_REQUEST)?;
                for (netuid, row) in netuids.iter().zip(weights.iter()) {
                    Self::check_weights_use(who, netuid.0, 0, row.len(), &SET)?;
                }
                Ok(())
            },
            Call::commit_weights { netuid, .. } => Self::check_weights_use(who, *netuid, 0, 0, &SET),
            Call::commit_mechanism_weights { netuid, mecid, .. } => {
                Self::check_weights_use(who, *netuid, *mecid, 0, &SET)
            },
            Call::batch_commit_weights { netuids, commit_hashes } => {
                ensure(netuids.len() == commit_hashes.len(), code::INPUT_LENGTHS_UNEQUAL)?;
                ensure(netuids.len() <= usize::from(TotalNetworks::<T>::get()), code::BAD_REQUEST)?;
                for netuid in netuids {
                    Self::check_weights_use(who, netuid.0, 0, 0, &SET)?;
                }
                Ok(())
            },
            Call::commit_timelocked_weights { netuid, reveal_round, .. } => {
                Self::check_timelocked_commit(who, *netuid, 0, *reveal_round)
            },
            Call::commit_crv3_mechanism_weights { netuid, mecid, reveal_round, .. }
            | Call::commit_timelocked_mechanism_weights { netuid, mecid, reveal_round, .. } => {
                Self::check_timelocked_commit(who, *netuid, *mecid, *reveal_round)
            },
            Call::reveal_weights { netuid, uids, values, salt, .. } => {
                Self::check_reveal(who, *netuid, 0, uids.len(), values.len(), salt.len())
            },
            Call::reveal_mechanism_weights { netuid, mecid, uids, values, salt, .. } => {
                Self::check_reveal(who, *netuid, *mecid, uids.len(), values.len(), salt.len())
            },
            Call::batch_reveal_weights { netuid, uids_list, values_list, salts_list, version_keys } => {
                let n = uids_list.len();
                ensure(
                    values_list.len() == n && salts_list.len() == n && version_keys.len() == n,
                    code::INPUT_LENGTHS_UNEQUAL,
                )?;
                ensure(n <= MAX_UNREVEALED_COMMITS, code::BAD_REQUEST)?;
                for ((uids, values), salt) in uids_list.iter().zip(values_list.iter()).zip(salts_list.iter()) {
                    Self::check_reveal(who, *netuid, 0, uids.len(), values.len(), salt.len())?;
                }
                Self::check_weights_use(who, *netuid, 0, 0, &REVEAL)
            },
            Call::serve_axon { netuid, .. } => Self::check_serving(who, *netuid, true),
            Call::serve_axon_tls { netuid, certificate, .. } => {
                ensure(certificate.len() <= MAX_CERTIFICATE_LEN, code::BAD_REQUEST)?;
                Self::check_serving(who, *netuid, true)
            },
            Call::serve_prometheus { netuid, .. } => Self::check_serving(who, *netuid, false),
            _ => Ok(()),
        }
    }

    fn check_reveal(
        who: &T::AccountId,
        netuid: NetUid,
        mecid: MechId,
        uids: usize,
        values: usize,
        salt: usize,
    ) -> Result<(), TransactionValidityError> {
        ensure(uids == values, code::INPUT_LENGTHS_UNEQUAL)?;
        ensure(salt <= MAX_SALT_LEN, code::BAD_REQUEST)?;
        const REVEAL: WeightsUse = WeightsUse { rate_limited: false };
        Self::check_weights_use(who, netuid, mecid, uids, &REVEAL)
    }

    /// A timelocked commit: as any commit, and aimed at a drand round not before the last
    /// one stored (one that old would never be revealed).
    fn check_timelocked_commit(
        who: &T::AccountId,
        netuid: NetUid,
        mecid: MechId,
        reveal_round: u64,
    ) -> Result<(), TransactionValidityError> {
        const COMMIT: WeightsUse = WeightsUse { rate_limited: true };
        Self::check_weights_use(who, netuid, mecid, 0, &COMMIT)?;
        ensure(reveal_round >= T::Drand::last_stored_round(), code::INVALID_REVEAL_ROUND)
    }

    /// The subnet and mechanism exist, `who` is registered on it, `len` uids fit in it, the
    /// signer holds the stake threshold (the owner is exempt) and, for calls that stamp
    /// `LastUpdate`, the rate limit has passed.
    fn check_weights_use(
        who: &T::AccountId,
        netuid: NetUid,
        mecid: MechId,
        len: usize,
        use_: &WeightsUse,
    ) -> Result<(), TransactionValidityError> {
        ensure(netuid != ROOT_NETUID && Self::if_subnet_exist(netuid), code::SUBNET_NOT_EXISTS)?;
        ensure(mecid < MechanismCountCurrent::<T>::get(netuid), code::SUBNET_NOT_EXISTS)?;
        let uid = Uids::<T>::get(netuid, who).ok_or_else(|| refuse(code::HOTKEY_NOT_REGISTERED_IN_NETWORK))?;
        ensure(len <= usize::from(SubnetworkN::<T>::get(netuid)), code::BAD_REQUEST)?;
        let is_owner = SubnetOwnerHotkey::<T>::get(netuid) == *who;
        ensure(Self::passes_stake_threshold(who, netuid, is_owner), code::STAKE_AMOUNT_TOO_LOW)?;
        if use_.rate_limited {
            let idx = storage_index(netuid, mecid);
            ensure(Self::passes_rate_limit(netuid, idx, uid, Self::current_block()), code::RATE_LIMIT_EXCEEDED)?;
        }
        Ok(())
    }

    /// `who` is registered on the subnet and within the serving rate limit.
    fn check_serving(who: &T::AccountId, netuid: NetUid, axon: bool) -> Result<(), TransactionValidityError> {
        ensure(Uids::<T>::contains_key(netuid, who), code::HOTKEY_NOT_REGISTERED_IN_NETWORK)?;
        let last = if axon {
            Axons::<T>::get(netuid, who).map(|a| a.block)
        } else {
            Prometheus::<T>::get(netuid, who).map(|p| p.block)
        };
        ensure(Self::serving_rate_passes(netuid, last, Self::current_block()), code::SERVING_RATE_LIMIT_EXCEEDED)
    }
}
