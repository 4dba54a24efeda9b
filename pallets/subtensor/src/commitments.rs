//! What SubtensorModule needs from the Commitments pallet, and what it does for it: the
//! metagraph's `commitments` field, forgetting a deregistered hotkey's commitment, and the
//! bonds reset a commitment with `ResetBondsFlag` asks for (`yuma.md` §3.12).

use crate::{pallet::*, set_weights::storage_index, NetUid};
use alloc::vec::Vec;

/// The Commitments pallet, seen from SubtensorModule.
pub trait SubnetCommitments<AccountId> {
    /// Every (hotkey, SCALE-encoded `Registration`) committed on the subnet.
    fn subnet_commitments(netuid: NetUid) -> Vec<(AccountId, Vec<u8>)>;
    /// The hotkey lost its uid on the subnet: its commitment there goes with it.
    fn on_deregistered(netuid: NetUid, hotkey: &AccountId);
}

impl<AccountId> SubnetCommitments<AccountId> for () {
    fn subnet_commitments(_: NetUid) -> Vec<(AccountId, Vec<u8>)> {
        Vec::new()
    }
    fn on_deregistered(_: NetUid, _: &AccountId) {}
}

impl<T: Config> Pallet<T> {
    /// Whether `hotkey` holds a uid on the subnet: who may commit there.
    pub fn is_hotkey_registered_on_network(netuid: NetUid, hotkey: &T::AccountId) -> bool {
        Uids::<T>::contains_key(netuid, hotkey)
    }

    /// A commitment with `ResetBondsFlag`: when the subnet resets bonds on commit, every bond
    /// held to the hotkey's uid is dropped, in every mechanism.
    pub fn reset_bonds_on_commit(netuid: NetUid, hotkey: &T::AccountId) {
        if !BondsResetOn::<T>::get(netuid) {
            return;
        }
        let Some(uid) = Uids::<T>::get(netuid, hotkey) else { return };
        for mecid in 0..MechanismCountCurrent::<T>::get(netuid).max(1) {
            let idx = storage_index(netuid, mecid);
            let rows: Vec<(u16, Vec<(u16, u16)>)> = Bonds::<T>::iter_prefix(idx).collect();
            for (i, row) in rows {
                if !row.iter().any(|(j, _)| *j == uid) {
                    continue;
                }
                let kept: Vec<(u16, u16)> = row.into_iter().filter(|(j, _)| *j != uid).collect();
                if kept.is_empty() {
                    Bonds::<T>::remove(idx, i);
                } else {
                    Bonds::<T>::insert(idx, i, kept);
                }
            }
        }
    }
}
