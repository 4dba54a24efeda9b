//! Hotkey swaps (`staking-2.md` §3): a coldkey replaces one of its hotkeys by a new one on
//! every subnet (`netuid = None`, costs `KeySwapCost`) or on one subnet (costs
//! `KeySwapOnSubnetCost`, once per `HotkeySwapOnSubnetInterval`). The uid, serving info,
//! commits, child relations, takes and (unless `keep_stake`) every stake follow the new key.

use crate::{pallet::*, set_weights::storage_index, NetUid, TaoBalance, ROOT_NETUID};
use alloc::{collections::BTreeMap, vec::Vec};
use substrate_fixed::types::I96F32;
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// The recycled price of a one-subnet swap (0.001 TAO).
pub const KEY_SWAP_ON_SUBNET_COST: TaoBalance = 1_000_000;

/// A hotkey's root dividend rates per subnet, and each coldkey's claims on them.
type RootClaims<T> = (BTreeMap<NetUid, I96F32>, Vec<(NetUid, <T as frame_system::Config>::AccountId, u128)>);

impl<T: Config> Pallet<T> {
    /// `swap_hotkey` / `swap_hotkey_v2` (§3.2), checks in upstream's order.
    pub fn do_swap_hotkey(
        coldkey: &T::AccountId,
        old: &T::AccountId,
        new: &T::AccountId,
        netuid: Option<NetUid>,
        keep_stake: bool,
    ) -> DispatchResult {
        ensure!(Self::is_hotkey_owner(coldkey, old), Error::<T>::NonAssociatedColdKey);
        if Self::hotkey_account_exists(new) {
            ensure!(Self::is_hotkey_owner(coldkey, new), Error::<T>::NonAssociatedColdKey);
        }
        ensure!(old != new, Error::<T>::NewHotKeyIsSameWithOld);
        let now = Self::current_block();
        let limit = TxRateLimit::<T>::get();
        let last = LastTxBlock::<T>::get(coldkey);
        ensure!(limit == 0 || last == 0 || now.saturating_sub(last) > limit, Error::<T>::HotKeySetTxRateLimitExceeded);
        Self::ensure_not_registered(new, netuid)?;
        if netuid.is_none() || netuid == Some(ROOT_NETUID) {
            let clean = RootClaimable::<T>::get(new).is_empty()
                && Self::root_stake(new) == 0
                && RootClaimed::<T>::iter_prefix((ROOT_NETUID, new)).next().is_none();
            ensure!(clean, Error::<T>::NewHotKeyNotCleanForRootSwap);
        }
        LastTxBlock::<T>::insert(new, LastTxBlock::<T>::get(old));
        LastTxBlockDelegateTake::<T>::insert(new, LastTxBlockDelegateTake::<T>::get(old));
        let interval = HotkeySwapOnSubnetInterval::<T>::get();
        match netuid {
            Some(netuid) => {
                ensure!(
                    LastHotkeySwapOnNetuid::<T>::get(netuid, coldkey).saturating_add(interval) < now,
                    Error::<T>::HotKeySwapOnSubnetIntervalNotPassed
                );
                ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
                Self::pay_hotkey_swap(coldkey, KEY_SWAP_ON_SUBNET_COST)?;
                Self::create_account_if_non_existent(coldkey, new);
                let claims = (netuid == ROOT_NETUID && !keep_stake).then(|| Self::take_root_claims(old));
                if netuid == ROOT_NETUID && !keep_stake && AutoParentDelegationEnabled::<T>::contains_key(old) {
                    AutoParentDelegationEnabled::<T>::insert(new, AutoParentDelegationEnabled::<T>::take(old));
                }
                Self::swap_hotkey_on_subnet(old, new, netuid, keep_stake)?;
                if let Some(claims) = claims {
                    Self::put_root_claims(new, claims);
                }
                LastTxBlock::<T>::insert(coldkey, now);
                LastHotkeySwapOnNetuid::<T>::insert(netuid, coldkey, now);
                Self::deposit_event(Event::HotkeySwappedOnSubnet {
                    coldkey: coldkey.clone(),
                    old_hotkey: old.clone(),
                    new_hotkey: new.clone(),
                    netuid,
                });
            },
            None => {
                let affected: Vec<NetUid> = Self::added_netuids()
                    .into_iter()
                    .filter(|i| IsNetworkMember::<T>::get(old, i) || ChildKeys::<T>::contains_key(old, i))
                    .collect();
                for i in &affected {
                    let record = LastHotkeySwapOnNetuid::<T>::get(i, coldkey);
                    ensure!(
                        record == 0 || record.saturating_add(interval) < now,
                        Error::<T>::HotKeySwapOnSubnetIntervalNotPassed
                    );
                }
                Self::pay_hotkey_swap(coldkey, crate::swap_coldkey::KEY_SWAP_COST)?;
                // The new key takes the old one's place in its coldkey's accounts.
                Owner::<T>::remove(old);
                Owner::<T>::insert(new, coldkey.clone());
                OwnedHotkeys::<T>::mutate(coldkey, |keys| {
                    keys.retain(|k| k != old);
                    if !keys.contains(new) {
                        keys.push(new.clone());
                    }
                });
                if Delegates::<T>::contains_key(old) {
                    Delegates::<T>::insert(new, Delegates::<T>::take(old));
                }
                LastTxBlock::<T>::remove(old);
                LastTxBlockDelegateTake::<T>::remove(old);
                let stakers: Vec<T::AccountId> = Alpha::<T>::iter_key_prefix((old,)).map(|(c, _)| c).collect();
                let claims = (!keep_stake).then(|| Self::take_root_claims(old));
                if !keep_stake && AutoParentDelegationEnabled::<T>::contains_key(old) {
                    AutoParentDelegationEnabled::<T>::insert(new, AutoParentDelegationEnabled::<T>::take(old));
                }
                for i in Self::added_netuids() {
                    Self::swap_hotkey_on_subnet(old, new, i, keep_stake)?;
                }
                if let Some(claims) = claims {
                    Self::put_root_claims(new, claims);
                    for staker in stakers {
                        StakingHotkeys::<T>::mutate(&staker, |keys| {
                            keys.retain(|k| k != old);
                            if !keys.contains(new) {
                                keys.push(new.clone());
                            }
                        });
                    }
                }
                for i in affected {
                    LastHotkeySwapOnNetuid::<T>::insert(i, coldkey, now);
                }
                LastTxBlock::<T>::insert(coldkey, now);
                Self::deposit_event(Event::HotkeySwapped {
                    coldkey: coldkey.clone(),
                    old_hotkey: old.clone(),
                    new_hotkey: new.clone(),
                });
            },
        }
        Ok(())
    }

    /// Every block, on the subnets whose turn it is (`netuid mod interval == now mod
    /// interval`), forgets the swap records older than the interval. Returns the weight.
    pub fn prune_hotkey_swap_records(now: u64) -> frame_support::pallet_prelude::Weight {
        use frame_support::traits::Get;
        let db = T::DbWeight::get();
        let interval = HotkeySwapOnSubnetInterval::<T>::get();
        let mut weight = db.reads(1);
        if interval == 0 {
            return weight;
        }
        for netuid in Self::added_netuids() {
            if u64::from(netuid).checked_rem(interval) != now.checked_rem(interval) {
                continue;
            }
            let stale: Vec<T::AccountId> = LastHotkeySwapOnNetuid::<T>::iter_prefix(netuid)
                .filter(|(_, record)| record.saturating_add(interval) < now)
                .map(|(coldkey, _)| coldkey)
                .collect();
            let count = u64::try_from(stale.len()).unwrap_or(u64::MAX);
            weight = weight.saturating_add(db.reads_writes(count.saturating_add(1), count));
            for coldkey in stale {
                LastHotkeySwapOnNetuid::<T>::remove(netuid, coldkey);
            }
        }
        weight
    }

    /// §3.2 step 4: the new key holds no uid on the subnet (or on any subnet).
    fn ensure_not_registered(new: &T::AccountId, netuid: Option<NetUid>) -> DispatchResult {
        let registered = match netuid {
            Some(i) => IsNetworkMember::<T>::get(new, i),
            None => IsNetworkMember::<T>::iter_prefix(new).any(|(_, member)| member),
        };
        ensure!(!registered, Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        Ok(())
    }

    /// Recycles the swap's cost from the coldkey, keeping it alive.
    fn pay_hotkey_swap(coldkey: &T::AccountId, cost: TaoBalance) -> DispatchResult {
        ensure!(Self::recycle_tao_exactly(coldkey, cost), Error::<T>::NotEnoughBalanceToPaySwapHotKey);
        Ok(())
    }

    /// The old key's root dividend rates and every coldkey's claims on them, taken before
    /// the root stake moves (so that moving the stake shifts no claims), for
    /// [`Self::put_root_claims`] once it has moved.
    fn take_root_claims(old: &T::AccountId) -> RootClaims<T> {
        let rates = RootClaimable::<T>::take(old);
        let mut rows = Vec::new();
        for netuid in rates.keys() {
            let claimed: Vec<(T::AccountId, u128)> = RootClaimed::<T>::iter_prefix((*netuid, old)).collect();
            for (coldkey, amount) in claimed {
                RootClaimed::<T>::remove((*netuid, old, &coldkey));
                rows.push((*netuid, coldkey, amount));
            }
        }
        (rates, rows)
    }

    /// The new key (clean of root dividends: the swap checked it) takes the old one's rates
    /// and claims, so every owed amount stays as it was.
    fn put_root_claims(new: &T::AccountId, (rates, rows): RootClaims<T>) {
        if rates.is_empty() {
            return;
        }
        for (netuid, coldkey, amount) in rows {
            RootClaimed::<T>::insert((netuid, new, &coldkey), amount);
        }
        RootClaimable::<T>::insert(new, rates);
    }

    /// §3.3 on one subnet.
    fn swap_hotkey_on_subnet(
        old: &T::AccountId,
        new: &T::AccountId,
        netuid: NetUid,
        keep_stake: bool,
    ) -> DispatchResult {
        // The uid and what hangs off it.
        if IsNetworkMember::<T>::take(old, netuid) {
            IsNetworkMember::<T>::insert(new, netuid, true);
        }
        if let Some(uid) = Uids::<T>::take(netuid, old) {
            Uids::<T>::insert(netuid, new, uid);
            Keys::<T>::insert(netuid, uid, new.clone());
            if let Some(axon) = Axons::<T>::take(netuid, old) {
                Axons::<T>::insert(netuid, new, axon);
            }
            if let Some(prometheus) = Prometheus::<T>::take(netuid, old) {
                Prometheus::<T>::insert(netuid, new, prometheus);
            }
            if let Some(certificate) = NeuronCertificates::<T>::take(netuid, old) {
                NeuronCertificates::<T>::insert(netuid, new, certificate);
            }
            for mecid in 0..MechanismCountCurrent::<T>::get(netuid).max(1) {
                let idx = storage_index(netuid, mecid);
                if let Some(commits) = WeightCommits::<T>::take(idx, old) {
                    WeightCommits::<T>::insert(idx, new, commits);
                }
            }
        }
        if ChildkeyTake::<T>::contains_key(old, netuid) {
            ChildkeyTake::<T>::insert(new, netuid, ChildkeyTake::<T>::take(old, netuid));
        }
        Self::swap_child_relations(old, new, netuid)?;
        // Coldkeys auto-staking to the old key now stake to the new one.
        let auto = AutoStakeDestinationColdkeys::<T>::take(old, netuid);
        for c in &auto {
            AutoStakeDestination::<T>::insert(c, netuid, new.clone());
        }
        if !auto.is_empty() {
            AutoStakeDestinationColdkeys::<T>::mutate(new, netuid, |list| {
                for c in auto {
                    if !list.contains(&c) {
                        list.push(c);
                    }
                }
            });
        }
        // Locks move while the owner hotkey still names the old key.
        Self::swap_hotkey_locks(old, new, netuid);
        if SubnetOwnerHotkey::<T>::get(netuid) == *old {
            SubnetOwnerHotkey::<T>::insert(netuid, new.clone());
            Self::deposit_event(Event::SubnetOwnerHotkeySet(netuid, new.clone()));
        }
        if !keep_stake {
            for (staker, _) in Self::share_holders(old, netuid) {
                let stake = Self::alpha_stake(old, &staker, netuid);
                let moved = Self::decrease_alpha_stake(old, &staker, netuid, stake);
                Self::increase_alpha_stake(new, &staker, netuid, moved);
            }
            // Holders whose shares were worth nothing keep no row on the old key.
            for (staker, _) in Self::share_holders(old, netuid) {
                Alpha::<T>::remove((old, &staker, netuid));
            }
            // Whatever is left on old has no holder (rounding): it follows too.
            let dust = TotalHotkeyAlpha::<T>::take(old, netuid);
            if dust > 0 {
                Self::increase_stake_for_hotkey_on_subnet(new, netuid, dust);
            }
            TotalHotkeyShares::<T>::remove(old, netuid);
            let dividends = AlphaDividendsPerSubnet::<T>::take(netuid, old);
            AlphaDividendsPerSubnet::<T>::mutate(netuid, new, |d| *d = d.saturating_add(dividends));
        }
        for tx in [crate::childkeys::TX_SET_CHILDREN, crate::childkeys::TX_SET_CHILDKEY_TAKE] {
            let stamp = TransactionKeyLastBlock::<T>::get((old, netuid, tx));
            if stamp > 0 {
                TransactionKeyLastBlock::<T>::insert((new, netuid, tx), stamp);
            }
        }
        Ok(())
    }

    /// Re-pivots the old key's children, parents and pending list onto the new key, and
    /// renames it in the lists that name it.
    fn swap_child_relations(old: &T::AccountId, new: &T::AccountId, netuid: NetUid) -> DispatchResult {
        let children = ChildKeys::<T>::get(old, netuid);
        let parents = ParentKeys::<T>::get(old, netuid);
        ensure!(
            children.iter().all(|(_, c)| c != new) && parents.iter().all(|(_, p)| p != new),
            Error::<T>::InvalidChild
        );
        // The new key takes the old one's place only if it has no relations of its own there
        // (merging two sets of relations could break the proportions or make cycles).
        ensure!(
            !ChildKeys::<T>::contains_key(new, netuid)
                && !ParentKeys::<T>::contains_key(new, netuid)
                && !PendingChildKeys::<T>::contains_key(netuid, new),
            Error::<T>::ChildParentInconsistency
        );
        ChildKeys::<T>::remove(old, netuid);
        ParentKeys::<T>::remove(old, netuid);
        for (_, child) in &children {
            ParentKeys::<T>::mutate(child, netuid, |list| {
                for entry in list.iter_mut().filter(|(_, p)| p == old) {
                    entry.1 = new.clone();
                }
            });
        }
        if !children.is_empty() {
            ChildKeys::<T>::insert(new, netuid, children);
        }
        for (_, parent) in &parents {
            ChildKeys::<T>::mutate(parent, netuid, |list| {
                for entry in list.iter_mut().filter(|(_, c)| c == old) {
                    entry.1 = new.clone();
                }
                // Kept sorted by child account, as stored.
                list.sort_by(|a, b| a.1.cmp(&b.1));
            });
        }
        if !parents.is_empty() {
            ParentKeys::<T>::insert(new, netuid, parents);
        }
        if PendingChildKeys::<T>::contains_key(netuid, old) {
            let (list, cooldown) = PendingChildKeys::<T>::take(netuid, old);
            ensure!(list.iter().all(|(_, c)| c != new), Error::<T>::InvalidChild);
            PendingChildKeys::<T>::insert(netuid, new, (list, cooldown));
        }
        let naming: Vec<T::AccountId> = PendingChildKeys::<T>::iter_prefix(netuid)
            .filter(|(_, (list, _))| list.iter().any(|(_, c)| c == old))
            .map(|(h, _)| h)
            .collect();
        for hotkey in naming {
            PendingChildKeys::<T>::mutate(netuid, &hotkey, |(list, _)| {
                let share = list.iter().find(|(_, c)| c == old).map(|(p, _)| *p).unwrap_or(0);
                list.retain(|(_, c)| c != old);
                list.push((share, new.clone()));
            });
        }
        Ok(())
    }
}
