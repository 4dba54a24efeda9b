//! Childkeys (`staking-2.md` §1): a hotkey (the parent) gives proportions of its stake on a
//! subnet to up to five other hotkeys (its children), which then validate with it. The math
//! is `tensorchain_economics::childkeys`; this module keeps the relations, schedules and
//! applies them, and reads the stake and dividend split the epoch uses.

use crate::{pallet::*, NetUid, ROOT_NETUID};
use alloc::{
    collections::{BTreeMap, BTreeSet},
    vec::Vec,
};
use frame_support::{
    ensure,
    pallet_prelude::{DispatchResult, Weight},
    traits::Get,
};
use substrate_fixed::types::U64F64;
use tensorchain_economics::childkeys::{inherited_stake, split_dividend, DividendSplit, ParentStake, SplittingHotkey};

/// `TransactionKeyLastBlock` transaction types.
pub const TX_SET_CHILDREN: u16 = 0;
pub const TX_SET_CHILDKEY_TAKE: u16 = 1;
/// Blocks between two `set_children` of one hotkey on one subnet (fixed upstream).
pub const SET_CHILDREN_RATE_LIMIT: u64 = 150;
/// The most children a hotkey may have on a subnet.
pub const MAX_CHILDREN: usize = 5;
/// Root's uids, each a validator that may become a new subnet's parent.
pub const ROOT_MAX_UIDS: u16 = 64;

/// A scheduled child list and the block after which it may apply.
type PendingChildren<T> = (Vec<(u64, <T as frame_system::Config>::AccountId)>, u64);

impl<T: Config> Pallet<T> {
    /// `set_children` (§1.3), checks in upstream's order.
    pub fn do_schedule_children(
        coldkey: &T::AccountId,
        hotkey: &T::AccountId,
        netuid: NetUid,
        children: Vec<(u64, T::AccountId)>,
    ) -> DispatchResult {
        let now = Self::current_block();
        let last = TransactionKeyLastBlock::<T>::get((hotkey, netuid, TX_SET_CHILDREN));
        ensure!(last == 0 || now.saturating_sub(last) >= SET_CHILDREN_RATE_LIMIT, Error::<T>::TxRateLimitExceeded);
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(Self::is_hotkey_owner(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
        let mut seen = BTreeSet::new();
        for (_, child) in &children {
            ensure!(seen.insert(child), Error::<T>::DuplicateChild);
        }
        ensure!(!seen.contains(hotkey), Error::<T>::InvalidChild);
        ensure!(children.len() <= MAX_CHILDREN, Error::<T>::TooManyChildren);
        Self::check_children(hotkey, netuid, &children)?;
        if !children.is_empty() {
            ensure!(
                Self::total_stake_tao(hotkey) >= StakeThreshold::<T>::get() || *hotkey == SubnetOwnerHotkey::<T>::get(netuid),
                Error::<T>::NotEnoughStakeToSetChildkeys
            );
        }
        TransactionKeyLastBlock::<T>::insert((hotkey, netuid, TX_SET_CHILDREN), now);
        if SubtokenEnabled::<T>::get(netuid) {
            let cooldown_block = now.saturating_add(PendingChildKeyCooldown::<T>::get());
            PendingChildKeys::<T>::insert(netuid, hotkey, (children.clone(), cooldown_block));
            Self::deposit_event(Event::SetChildrenScheduled(hotkey.clone(), netuid, cooldown_block, children));
        } else {
            // Before `start_call` there are no epochs to wait for.
            Self::persist_children(hotkey, netuid, &children)?;
            Self::deposit_event(Event::SetChildren(hotkey.clone(), netuid, children));
        }
        Ok(())
    }

    /// The checks a child list must pass against the current relations, both when it is set
    /// and when it applies: the proportions fit in the whole and no child is already a parent
    /// of the hotkey.
    fn check_children(hotkey: &T::AccountId, netuid: NetUid, children: &[(u64, T::AccountId)]) -> DispatchResult {
        let total = children.iter().fold(0u128, |acc, (p, _)| acc.saturating_add(u128::from(*p)));
        ensure!(total <= u128::from(u64::MAX), Error::<T>::ProportionOverflow);
        let parents: BTreeSet<T::AccountId> = ParentKeys::<T>::get(hotkey, netuid).into_iter().map(|(_, p)| p).collect();
        ensure!(children.iter().all(|(_, c)| !parents.contains(c)), Error::<T>::ChildParentInconsistency);
        Ok(())
    }

    /// §1.4 persist: `children` (self-links dropped, the last proportion of a repeated
    /// child kept) become the hotkey's children, and every child's parents follow.
    pub(crate) fn persist_children(
        hotkey: &T::AccountId,
        netuid: NetUid,
        children: &[(u64, T::AccountId)],
    ) -> DispatchResult {
        let wanted: BTreeMap<T::AccountId, u64> =
            children.iter().filter(|(_, c)| c != hotkey).map(|(p, c)| (c.clone(), *p)).collect();
        let listed: Vec<(u64, T::AccountId)> = wanted.iter().map(|(c, p)| (*p, c.clone())).collect();
        Self::check_children(hotkey, netuid, &listed)?;
        let old = ChildKeys::<T>::get(hotkey, netuid);
        // Sorted by child account, as upstream stores them.
        if listed.is_empty() {
            ChildKeys::<T>::remove(hotkey, netuid);
        } else {
            ChildKeys::<T>::insert(hotkey, netuid, listed);
        }
        for (child, p) in &wanted {
            ParentKeys::<T>::mutate(child, netuid, |parents| match parents.iter_mut().find(|(_, h)| h == hotkey) {
                Some(entry) => entry.0 = *p,
                None => parents.push((*p, hotkey.clone())),
            });
        }
        for (_, child) in old.iter().filter(|(_, c)| !wanted.contains_key(c)) {
            let mut parents = ParentKeys::<T>::get(child, netuid);
            parents.retain(|(_, h)| h != hotkey);
            if parents.is_empty() {
                ParentKeys::<T>::remove(child, netuid);
            } else {
                ParentKeys::<T>::insert(child, netuid, parents);
            }
        }
        Ok(())
    }

    /// §1.4: in a block where a subnet's epoch slot was used, the child lists whose cooldown
    /// has passed (all of them while the subnet has not started) apply; a list that no longer
    /// fits the relations is dropped. Returns the weight used.
    pub fn apply_pending_children(now: u64) -> Weight {
        let db = T::DbWeight::get();
        let mut weight = Weight::zero();
        for netuid in Self::added_netuids().into_iter().filter(|n| *n != ROOT_NETUID) {
            weight = weight.saturating_add(db.reads(1));
            if LastEpochBlock::<T>::get(netuid) != now {
                continue;
            }
            let started = SubtokenEnabled::<T>::get(netuid);
            let pending: Vec<(T::AccountId, PendingChildren<T>)> = PendingChildKeys::<T>::iter_prefix(netuid).collect();
            weight = weight.saturating_add(db.reads(1u64.saturating_add(u64::try_from(pending.len()).unwrap_or(u64::MAX))));
            for (hotkey, (children, cooldown_block)) in pending {
                if started && cooldown_block >= now {
                    continue;
                }
                PendingChildKeys::<T>::remove(netuid, &hotkey);
                let count = u64::try_from(children.len()).unwrap_or(u64::MAX);
                weight = weight.saturating_add(db.reads_writes(count.saturating_add(2), count.saturating_add(2)));
                if Self::persist_children(&hotkey, netuid, &children).is_ok() {
                    Self::deposit_event(Event::SetChildren(hotkey, netuid, children));
                }
            }
        }
        weight
    }

    /// After an unstake: a hotkey that fell below `StakeThreshold` loses its scheduled child
    /// lists on every subnet.
    pub(crate) fn drop_pending_children_below_threshold(hotkey: &T::AccountId) {
        if Self::total_stake_tao(hotkey) >= StakeThreshold::<T>::get() {
            return;
        }
        for netuid in Self::added_netuids() {
            PendingChildKeys::<T>::remove(netuid, hotkey);
        }
    }

    /// A hotkey's stake on every subnet valued in TAO at the pools' spot prices (root 1:1),
    /// floored.
    pub fn total_stake_tao(hotkey: &T::AccountId) -> u64 {
        TotalHotkeyAlpha::<T>::iter_prefix(hotkey)
            .fold(U64F64::from_num(0), |acc, (netuid, alpha)| {
                let price = if netuid == ROOT_NETUID {
                    U64F64::from_num(1)
                } else {
                    <T::SwapInterface as tensorchain_swap::interface::SwapHandler>::current_price(netuid)
                };
                acc.saturating_add(U64F64::from_num(alpha).saturating_mul(price))
            })
            .saturating_to_num::<u64>()
    }

    /// §1.5: the hotkey's (alpha on `netuid`, root TAO) once its children and parents on
    /// `netuid` are counted: what Yuma, validator permits and the weight gates use.
    pub fn inherited_stakes(hotkey: &T::AccountId, netuid: NetUid) -> (u64, u64) {
        let children: Vec<u64> = ChildKeys::<T>::get(hotkey, netuid).into_iter().map(|(p, _)| p).collect();
        let parents = ParentKeys::<T>::get(hotkey, netuid);
        let alpha_parents: Vec<(u64, u64)> =
            parents.iter().map(|(p, parent)| (*p, TotalHotkeyAlpha::<T>::get(parent, netuid))).collect();
        let tao_parents: Vec<(u64, u64)> = parents.iter().map(|(p, parent)| (*p, Self::root_stake(parent))).collect();
        (
            inherited_stake(TotalHotkeyAlpha::<T>::get(hotkey, netuid), &children, &alpha_parents),
            inherited_stake(Self::root_stake(hotkey), &children, &tao_parents),
        )
    }

    /// §1.8 step A for one hotkey's epoch dividend `d`: its parents' parts, in `ParentKeys`
    /// order, and its own.
    pub fn split_with_parents(hotkey: &T::AccountId, netuid: NetUid, d: u64) -> (Vec<T::AccountId>, DividendSplit) {
        let parents = ParentKeys::<T>::get(hotkey, netuid);
        if parents.is_empty() {
            return (Vec::new(), DividendSplit { parents: Vec::new(), own: d, burned: 0 });
        }
        let owner = Owner::<T>::get(hotkey);
        let stakes: Vec<ParentStake> = parents
            .iter()
            .map(|(p, parent)| ParentStake {
                proportion: *p,
                alpha: TotalHotkeyAlpha::<T>::get(parent, netuid),
                tao: Self::root_stake(parent),
                same_coldkey: Owner::<T>::get(parent) == owner,
            })
            .collect();
        let children: Vec<u64> = ChildKeys::<T>::get(hotkey, netuid).into_iter().map(|(p, _)| p).collect();
        let splitting = SplittingHotkey {
            alpha: TotalHotkeyAlpha::<T>::get(hotkey, netuid),
            tao: Self::root_stake(hotkey),
            children: &children,
            childkey_take: Self::childkey_take(hotkey, netuid),
        };
        let split = split_dividend(d, &splitting, &stakes, CKBurn::<T>::get(), TaoWeight::<T>::get());
        (parents.into_iter().map(|(_, p)| p).collect(), split)
    }

    /// The floor on childkey takes on a subnet: the global and the subnet minimum.
    pub fn effective_min_childkey_take(netuid: NetUid) -> u16 {
        MinChildkeyTake::<T>::get().max(MinChildkeyTakePerSubnet::<T>::get(netuid))
    }

    /// A hotkey's childkey take on a subnet: the stored value, raised to the floor.
    pub fn childkey_take(hotkey: &T::AccountId, netuid: NetUid) -> u16 {
        ChildkeyTake::<T>::get(hotkey, netuid).max(Self::effective_min_childkey_take(netuid))
    }

    /// `set_childkey_take` (§1.6).
    pub fn do_set_childkey_take(coldkey: &T::AccountId, hotkey: &T::AccountId, netuid: NetUid, take: u16) -> DispatchResult {
        ensure!(Self::is_hotkey_owner(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
        ensure!(
            take >= Self::effective_min_childkey_take(netuid) && take <= MaxChildkeyTake::<T>::get(),
            Error::<T>::InvalidChildkeyTake
        );
        let now = Self::current_block();
        if take > Self::childkey_take(hotkey, netuid) {
            let last = TransactionKeyLastBlock::<T>::get((hotkey, netuid, TX_SET_CHILDKEY_TAKE));
            ensure!(
                last == 0 || now.saturating_sub(last) >= TxChildkeyTakeRateLimit::<T>::get(),
                Error::<T>::TxChildkeyTakeRateLimitExceeded
            );
        }
        // Stamped on every change, lowering included, as upstream does.
        TransactionKeyLastBlock::<T>::insert((hotkey, netuid, TX_SET_CHILDKEY_TAKE), now);
        ChildkeyTake::<T>::insert(hotkey, netuid, take);
        Self::deposit_event(Event::ChildKeyTakeSet(hotkey.clone(), take));
        Ok(())
    }

    /// AdminUtils' `sudo_set_min_childkey_take_per_subnet`, once its checks have passed.
    pub fn set_min_childkey_take_per_subnet(netuid: NetUid, take: u16) {
        MinChildkeyTakePerSubnet::<T>::insert(netuid, take);
        Self::deposit_event(Event::MinChildKeyTakePerSubnetSet(netuid, take));
    }

    /// AdminUtils' `sudo_set_stake_threshold`.
    pub fn set_stake_threshold(min_stake: u64) {
        StakeThreshold::<T>::put(min_stake);
        Self::deposit_event(Event::StakeThresholdSet(min_stake));
    }

    /// `set_auto_parent_delegation_enabled` (§1.7).
    pub fn do_set_auto_parent_delegation(coldkey: &T::AccountId, hotkey: &T::AccountId, enabled: bool) -> DispatchResult {
        ensure!(Self::is_hotkey_owner(coldkey, hotkey), Error::<T>::NonAssociatedColdKey);
        ensure!(Uids::<T>::contains_key(ROOT_NETUID, hotkey), Error::<T>::HotKeyNotRegisteredInSubNet);
        AutoParentDelegationEnabled::<T>::insert(hotkey, enabled);
        Self::deposit_event(Event::AutoParentDelegationEnabledSet { hotkey: hotkey.clone(), enabled });
        Ok(())
    }

    /// §1.7: at the end of a subnet's registration every root validator that has not opted
    /// out becomes the whole parent of the new owner hotkey, as if its owner had asked; one
    /// that cannot (rate limit, stake threshold, …) is skipped. The subnet has not started,
    /// so the lists apply at once.
    pub(crate) fn auto_parent_delegation(netuid: NetUid, owner_hotkey: &T::AccountId) {
        let validators: Vec<T::AccountId> = Keys::<T>::iter_prefix_values(ROOT_NETUID).collect();
        for validator in validators {
            if validator == *owner_hotkey || !AutoParentDelegationEnabled::<T>::get(&validator) {
                continue;
            }
            let owner = Owner::<T>::get(&validator);
            let _ = frame_support::storage::with_storage_layer(|| {
                Self::do_schedule_children(&owner, &validator, netuid, alloc::vec![(u64::MAX, owner_hotkey.clone())])
            });
        }
    }

    /// What a registration's auto parent delegation may cost: a `set_children` for each of
    /// root's 64 uids.
    pub fn auto_parent_delegation_weight() -> Weight {
        Self::auto_parent_delegation_weight_for(ROOT_MAX_UIDS)
    }

    /// The same for `validators` root uids.
    pub fn auto_parent_delegation_weight_for(validators: u16) -> Weight {
        <T::WeightInfo as crate::WeightInfo>::set_children().saturating_mul(u64::from(validators))
    }

    /// That every child relation is recorded on both sides with the same proportion.
    pub fn check_child_relations() -> Result<(), alloc::string::String> {
        for (parent, netuid, children) in ChildKeys::<T>::iter() {
            for (p, child) in &children {
                if !ParentKeys::<T>::get(child, netuid).iter().any(|(q, h)| q == p && *h == parent) {
                    return Err(alloc::format!("subnet {netuid}: a child is missing its parent entry"));
                }
            }
        }
        for (child, netuid, parents) in ParentKeys::<T>::iter() {
            for (p, parent) in &parents {
                if !ChildKeys::<T>::get(parent, netuid).iter().any(|(q, c)| q == p && *c == child) {
                    return Err(alloc::format!("subnet {netuid}: a parent is missing its child entry"));
                }
            }
        }
        Ok(())
    }
}
