//! The epoch (`yuma.md` §2.1–§2.4, §3.10; `economics.md` §2.6): when it is due, reading a
//! subnet's state into the Yuma engine (`tensorchain-yuma`), writing its outputs under
//! upstream's storage names, and paying out the pending emission: incentive staked to miners,
//! dividends through delegate take to nominators, root dividends made claimable, the owner
//! cut to the owner hotkey.

use crate::{pallet::*, set_weights::storage_index, AlphaBalance, NetUid, ROOT_NETUID};
use alloc::{
    collections::{BTreeMap, BTreeSet},
    vec::Vec,
};
use crate::WeightInfo;
use frame_support::{pallet_prelude::Weight, traits::Get};
use substrate_fixed::types::{I96F32, U96F32};
use tensorchain_economics::{
    childkeys::take_fraction,
    coinbase::{dividend_distribution, DividendInput},
};
use tensorchain_yuma::{
    epoch::{activity_cutoff, EpochInput, Hyperparameters},
    mechanism::{run_mechanisms, MechanismData},
};

/// An epoch is forced after this many blocks without one.
pub const MAX_BLOCKS_WITHOUT_EPOCH: u64 = 50_400;

/// The pending emission an epoch drains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    pub server: AlphaBalance,
    pub validator: AlphaBalance,
    pub root: AlphaBalance,
    pub owner: AlphaBalance,
}

impl Pending {
    pub fn total(&self) -> AlphaBalance {
        self.server.saturating_add(self.validator).saturating_add(self.root).saturating_add(self.owner)
    }
}

impl<T: Config> Pallet<T> {
    /// §2.1 step 2: whether the subnet's epoch is due at block `now`.
    pub fn should_run_epoch(netuid: NetUid, now: u64) -> bool {
        Self::epoch_due(netuid, now, BlocksSinceLastStep::<T>::get(netuid))
    }

    /// §2.1 step 2 with `blocks_since_last_step` given (the block step counts this block
    /// before it asks).
    fn epoch_due(netuid: NetUid, now: u64, blocks_since_last_step: u64) -> bool {
        let tempo = u64::from(Tempo::<T>::get(netuid));
        if tempo == 0 {
            return false;
        }
        let pending = PendingEpochAt::<T>::get(netuid);
        if pending > 0 && now >= pending {
            return true;
        }
        if blocks_since_last_step > MAX_BLOCKS_WITHOUT_EPOCH {
            return true;
        }
        now.saturating_sub(LastEpochBlock::<T>::get(netuid)) >= tempo
    }

    /// What the block step's epochs do this block, decided once before the block step starts
    /// (the timelocked reveal, which runs first, needs it; nothing the reveal or the coinbase
    /// writes changes it): each non-root subnet in order with `Some(true)` if its epoch runs,
    /// `Some(false)` if it is not due, and `None` if it is due but deferred by the cap.
    pub fn epoch_plan(now: u64) -> Vec<(NetUid, Option<bool>)> {
        let cap = u32::from(MaxEpochsPerBlock::<T>::get());
        let mut ran = 0u32;
        Self::added_netuids()
            .into_iter()
            .filter(|n| *n != ROOT_NETUID)
            .map(|netuid| {
                let counted = BlocksSinceLastStep::<T>::get(netuid).saturating_add(1);
                if !Self::epoch_due(netuid, now, counted) {
                    return (netuid, Some(false));
                }
                if ran >= cap {
                    return (netuid, None);
                }
                ran = ran.saturating_add(1);
                (netuid, Some(true))
            })
            .collect()
    }

    /// Every block: counts blocks since each subnet's last epoch and runs the due epochs of
    /// `plan` ([`Self::epoch_plan`]: at most `MaxEpochsPerBlock`), deferring the rest by a
    /// block. Returns the weight used.
    pub fn run_epochs(now: u64, plan: &[(NetUid, Option<bool>)]) -> Weight {
        let db = T::DbWeight::get();
        let mut weight = Weight::zero();
        for (netuid, runs) in plan.iter().copied() {
            BlocksSinceLastStep::<T>::mutate(netuid, |b| *b = b.saturating_add(1));
            weight = weight.saturating_add(db.reads_writes(5, 1));
            match runs {
                Some(false) => {},
                None => {
                    PendingEpochAt::<T>::insert(netuid, now.saturating_add(1));
                    Self::deposit_event(Event::EpochDeferred(netuid, now.saturating_add(1)));
                },
                Some(true) => weight = weight.saturating_add(Self::epoch_slot(netuid, now)),
            }
        }
        weight
    }

    /// One consumed epoch slot (§2.1 steps 4–6).
    fn epoch_slot(netuid: NetUid, now: u64) -> Weight {
        let n = SubnetworkN::<T>::get(netuid);
        let keys: Vec<T::AccountId> = (0..n).map(|uid| Keys::<T>::get(netuid, uid)).collect();
        let distinct: BTreeSet<&T::AccountId> = keys.iter().collect();
        let mut weight = T::WeightInfo::epoch(u32::from(n));
        if distinct.len() == keys.len() {
            let pending = Pending {
                server: PendingServerEmission::<T>::take(netuid),
                validator: PendingValidatorEmission::<T>::take(netuid),
                root: PendingRootAlphaDivs::<T>::take(netuid),
                owner: PendingOwnerCut::<T>::take(netuid),
            };
            BlocksSinceLastStep::<T>::insert(netuid, 0);
            match Self::distribute_emission(netuid, now, pending) {
                Ok(()) => {
                    LastMechansimStepBlock::<T>::insert(netuid, now);
                    Self::deposit_event(Event::EpochRan {
                        netuid,
                        server: pending.server,
                        validator: pending.validator,
                        root: pending.root,
                        owner: pending.owner,
                    });
                },
                Err(e) => {
                    // Malformed state: nothing is credited; the drained alpha stays unowned.
                    SubnetAlphaBurned::<T>::mutate(netuid, |b| *b = b.saturating_add(pending.total()));
                    log::error!(target: "subtensor", "epoch of subnet {netuid} failed: {e:?}");
                },
            }
        } else {
            weight = T::DbWeight::get().reads(u64::from(n));
            Self::deposit_event(Event::EpochSkipped(netuid));
        }
        LastEpochBlock::<T>::insert(netuid, now);
        PendingEpochAt::<T>::insert(netuid, 0);
        SubnetEpochIndex::<T>::mutate(netuid, |i| *i = i.saturating_add(1));
        weight
    }

    /// The engine's input for the subnet as stored now (mechanism data is filled per
    /// mechanism).
    pub fn epoch_input(netuid: NetUid, now: u64, emission: AlphaBalance) -> EpochInput {
        let n = SubnetworkN::<T>::get(netuid);
        let keys: Vec<T::AccountId> = (0..n).map(|uid| Keys::<T>::get(netuid, uid)).collect();
        let tempo = Tempo::<T>::get(netuid);
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
        let params = Hyperparameters {
            yuma3: Yuma3On::<T>::get(netuid),
            kappa: Kappa::<T>::get(netuid),
            bonds_penalty: BondsPenalty::<T>::get(netuid),
            bonds_moving_average: BondsMovingAverage::<T>::get(netuid),
            liquid_alpha: LiquidAlphaOn::<T>::get(netuid),
            alpha_low,
            alpha_high,
            alpha_sigmoid_steepness: AlphaSigmoidSteepness::<T>::get(netuid),
            max_allowed_validators: MaxAllowedValidators::<T>::get(netuid),
            activity_cutoff: activity_cutoff(ActivityCutoffFactorMilli::<T>::get(netuid), tempo),
            stake_threshold: StakeThreshold::<T>::get(),
            tao_weight: TaoWeight::<T>::get(),
            commit_reveal_enabled: CommitRevealWeightsEnabled::<T>::get(netuid),
        };
        // With children and parents counted (`staking-2.md` §1.5).
        let stakes: Vec<(u64, u64)> = keys.iter().map(|h| Self::inherited_stakes(h, netuid)).collect();
        let pad = |mut v: Vec<bool>| {
            v.resize(usize::from(n), false);
            v
        };
        EpochInput {
            n,
            block: now,
            tempo,
            last_mechanism_step_block: LastMechansimStepBlock::<T>::get(netuid),
            alpha_stake: stakes.iter().map(|s| s.0).collect(),
            tao_stake: stakes.iter().map(|s| s.1).collect(),
            validator_permit: pad(ValidatorPermit::<T>::get(netuid)),
            last_update: Vec::new(),
            block_at_registration: (0..n).map(|uid| BlockAtRegistration::<T>::get(netuid, uid)).collect(),
            weights: Vec::new(),
            bonds: Vec::new(),
            owner_uid: Uids::<T>::get(netuid, SubnetOwnerHotkey::<T>::get(netuid)),
            commit_block: Vec::new(),
            params,
            emission,
        }
    }

    fn mechanism_data(netuid: NetUid, mecid: u8, n: u16, now: u64) -> MechanismData {
        let idx = storage_index(netuid, mecid);
        let mut last_update = LastUpdate::<T>::get(idx);
        last_update.resize(usize::from(n), 0);
        MechanismData {
            weights: (0..n).map(|uid| Weights::<T>::get(idx, uid)).collect(),
            bonds: (0..n).map(|uid| Bonds::<T>::get(idx, uid)).collect(),
            last_update,
            commit_block: Self::commit_blocks(netuid, idx, n, now),
        }
    }

    /// Runs the engine over the drained emission and pays it out (§2.4, `economics.md` §2.6).
    pub fn distribute_emission(
        netuid: NetUid,
        now: u64,
        pending: Pending,
    ) -> Result<(), tensorchain_yuma::EpochError> {
        let total = pending.server.saturating_add(pending.validator).saturating_add(pending.root);
        let base = Self::epoch_input(netuid, now, total);
        let n = base.n;
        let count = MechanismCountCurrent::<T>::get(netuid).max(1);
        let mechanisms: Vec<MechanismData> = (0..count).map(|m| Self::mechanism_data(netuid, m, n, now)).collect();
        let split = MechanismEmissionSplit::<T>::get(netuid);
        let (outputs, agg) = run_mechanisms(&base, &mechanisms, split.as_deref())?;

        // Outputs, under upstream's names.
        for (m, out) in outputs.iter().enumerate() {
            let idx = storage_index(netuid, u8::try_from(m).unwrap_or(0));
            Incentive::<T>::insert(idx, out.incentive.clone());
            for (uid, row) in out.bonds.iter().enumerate() {
                let uid = u16::try_from(uid).unwrap_or(u16::MAX);
                if row.is_empty() {
                    Bonds::<T>::remove(idx, uid);
                } else {
                    Bonds::<T>::insert(idx, uid, row.clone());
                }
            }
        }
        Active::<T>::insert(netuid, agg.active.clone());
        Emission::<T>::insert(netuid, agg.emission.clone());
        Consensus::<T>::insert(netuid, agg.consensus.clone());
        Dividends::<T>::insert(netuid, agg.dividends.clone());
        ValidatorTrust::<T>::insert(netuid, agg.validator_trust.clone());
        ValidatorPermit::<T>::insert(netuid, agg.validator_permit.clone());
        StakeWeight::<T>::insert(netuid, agg.stake_weight.clone());

        let keys: Vec<T::AccountId> = (0..n).map(|uid| Keys::<T>::get(netuid, uid)).collect();
        // Before anything is paid, so that a new owner already gets this epoch's owner cut;
        // after the keys are read, so that a uid given to the new owner hotkey does not take
        // over what the epoch computed for the uid's previous hotkey.
        Self::change_subnet_owner_if_needed(netuid, now);
        let mut credited: AlphaBalance = 0;
        let total_incentive = agg.server_emission.iter().fold(0u64, |a, x| a.saturating_add(*x));

        // Dividends, computed on the stakes as they were before this epoch pays anything (as
        // upstream does): the validator pool (both halves when no miner earned anything) and the
        // root pool, split by each validator's root fraction.
        // Incentive is half of the whole emission while `server` is the floored half of each
        // block's: the few rao of rounding it may exceed `server` by come out of the
        // validators' pool, so nothing is credited twice.
        let validator_pool = if total_incentive == 0 {
            pending.validator.saturating_add(pending.server)
        } else {
            pending.validator.saturating_sub(total_incentive.saturating_sub(pending.server))
        };
        let (receivers, recycled) =
            Self::dividends_with_parents(netuid, &keys, &agg.validator_emission, validator_pool, pending.root);

        // Owner cut, staked to the owner hotkey.
        let owner = SubnetOwner::<T>::get(netuid);
        let owner_hotkey = SubnetOwnerHotkey::<T>::get(netuid);
        if pending.owner > 0 {
            Self::increase_alpha_stake(&owner_hotkey, &owner, netuid, pending.owner);
            credited = credited.saturating_add(pending.owner);
            Self::auto_lock_owner_cut(netuid, pending.owner);
        }
        // Also with no owner cut this epoch: what a lease accumulated is still paid out.
        Self::distribute_lease_dividends(netuid, pending.owner);

        // Incentive to miners; the owner's own hotkeys' incentive is withheld.
        let owner_hotkeys: BTreeSet<T::AccountId> =
            OwnedHotkeys::<T>::get(&owner).into_iter().chain(core::iter::once(owner_hotkey)).collect();
        let mut withheld: AlphaBalance = 0;
        for (hotkey, amount) in keys.iter().zip(agg.server_emission.iter()) {
            if *amount == 0 {
                continue;
            }
            if owner_hotkeys.contains(hotkey) {
                withheld = withheld.saturating_add(*amount);
                continue;
            }
            let miner_owner = Owner::<T>::get(hotkey);
            match AutoStakeDestination::<T>::get(&miner_owner, netuid) {
                Some(destination) => {
                    Self::increase_alpha_stake(&destination, &miner_owner, netuid, *amount);
                    Self::deposit_event(Event::AutoStakeAdded {
                        netuid,
                        destination,
                        hotkey: hotkey.clone(),
                        owner: miner_owner,
                        incentive: *amount,
                    });
                },
                _ => Self::increase_alpha_stake(hotkey, &miner_owner, netuid, *amount),
            }
            credited = credited.saturating_add(*amount);
        }
        if withheld > 0 {
            match RecycleOrBurn::<T>::get(netuid) {
                RecycleOrBurnEnum::Burn => SubnetAlphaBurned::<T>::mutate(netuid, |b| *b = b.saturating_add(withheld)),
                RecycleOrBurnEnum::Recycle => SubnetAlphaOut::<T>::mutate(netuid, |o| *o = o.saturating_sub(withheld)),
            }
            credited = credited.saturating_add(withheld);
        }
        let burned_fraction = U96F32::from_num(withheld)
            .checked_div(U96F32::from_num(total_incentive))
            .unwrap_or(U96F32::from_num(0));
        MinerBurned::<T>::insert(netuid, burned_fraction);

        if recycled > 0 {
            SubnetAlphaOut::<T>::mutate(netuid, |o| *o = o.saturating_sub(recycled));
            credited = credited.saturating_add(recycled);
        }
        // The dividend records are this epoch's, as upstream keeps them.
        let _ = AlphaDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
        let _ = RootAlphaDividendsPerSubnet::<T>::clear_prefix(netuid, u32::MAX, None);
        for (hotkey, alpha_div, root_div) in receivers.iter() {
            credited = credited.saturating_add(Self::pay_alpha_dividend(netuid, hotkey, *alpha_div));
            credited = credited.saturating_add(Self::pay_root_dividend(netuid, hotkey, *root_div));
        }

        // Whatever could not be credited (no stake, rounding) is counted as unowned alpha.
        let drained = pending.total();
        let dust = drained.saturating_sub(credited);
        if dust > 0 {
            SubnetAlphaBurned::<T>::mutate(netuid, |b| *b = b.saturating_add(dust));
        }
        Ok(())
    }

    /// `staking-2.md` §1.8 steps A and B: each validator's epoch dividend (`dividends`, one
    /// per key) is shared with its parents; the receivers, parents that hold no uid
    /// included, then split theirs by their own stakes into shares of the validator and
    /// root pools. Returns each receiver's (alpha, root) amount, unfloored, and the alpha
    /// `CKBurn` recycles. That alpha comes out of the validator pool (then the root pool), so
    /// that what is paid and what is recycled together are what was drained.
    pub fn dividends_with_parents(
        netuid: NetUid,
        keys: &[T::AccountId],
        dividends: &[u64],
        validator_pool: AlphaBalance,
        root_pool: AlphaBalance,
    ) -> (Vec<(T::AccountId, U96F32, U96F32)>, AlphaBalance) {
        let mut received: BTreeMap<T::AccountId, U96F32> = BTreeMap::new();
        let mut burned: AlphaBalance = 0;
        for (hotkey, d) in keys.iter().zip(dividends.iter()) {
            let (parents, split) = Self::split_with_parents(hotkey, netuid, *d);
            for (parent, part) in parents.into_iter().zip(split.parents.iter()) {
                let entry = received.entry(parent).or_insert(U96F32::from_num(0));
                *entry = entry.saturating_add(U96F32::from_num(*part));
            }
            let entry = received.entry(hotkey.clone()).or_insert(U96F32::from_num(0));
            *entry = entry.saturating_add(U96F32::from_num(split.own));
            burned = burned.saturating_add(split.burned);
        }
        let from_validators = burned.min(validator_pool);
        let from_root = burned.saturating_sub(from_validators).min(root_pool);
        let receivers: Vec<(T::AccountId, U96F32)> = received.into_iter().collect();
        let inputs: Vec<DividendInput> = receivers
            .iter()
            .map(|(h, d)| DividendInput {
                dividend: d.saturating_to_num::<u64>(),
                alpha_stake: TotalHotkeyAlpha::<T>::get(h, netuid),
                root_stake: Self::root_stake(h),
            })
            .collect();
        let shares = dividend_distribution(
            &inputs,
            TaoWeight::<T>::get(),
            validator_pool.saturating_sub(from_validators),
            root_pool.saturating_sub(from_root),
        );
        let paid = receivers.into_iter().zip(shares).map(|((h, _), (alpha, root))| (h, alpha, root)).collect();
        (paid, from_validators.saturating_add(from_root))
    }

    /// A validator's alpha dividend: its take staked to its owner, the rest to all its
    /// stakers pro rata, and recorded (net of the take, as upstream records it). The take
    /// and the rest are each floored from the fixed-point amount. Returns the alpha credited.
    pub(crate) fn pay_alpha_dividend(netuid: NetUid, hotkey: &T::AccountId, amount: U96F32) -> AlphaBalance {
        let (take, rest) = Self::take_of(hotkey, amount);
        if take == 0 && rest == 0 {
            return 0;
        }
        Self::increase_alpha_stake(hotkey, &Owner::<T>::get(hotkey), netuid, take);
        if rest > 0 {
            if TotalHotkeyShares::<T>::get(hotkey, netuid) == substrate_fixed::types::U64F64::from_num(0) {
                // No nominators to share with: the owner keeps it.
                Self::increase_alpha_stake(hotkey, &Owner::<T>::get(hotkey), netuid, rest);
            } else {
                Self::increase_stake_for_hotkey_on_subnet(hotkey, netuid, rest);
            }
        }
        AlphaDividendsPerSubnet::<T>::mutate(netuid, hotkey, |d| *d = d.saturating_add(rest));
        take.saturating_add(rest)
    }

    /// A validator's root dividend: its take staked to its owner on the subnet, the rest
    /// made claimable per unit of its root stake (§2.7) and recorded. A rest larger than the
    /// hotkey's root stake (in rao; in particular any rest without root stake) is staked to
    /// the owner on the subnet instead (`staking-2.md` §1.8 step C). Returns the alpha
    /// credited.
    pub(crate) fn pay_root_dividend(netuid: NetUid, hotkey: &T::AccountId, amount: U96F32) -> AlphaBalance {
        let (take, rest) = Self::take_of(hotkey, amount);
        if take == 0 && rest == 0 {
            return 0;
        }
        let owner = Owner::<T>::get(hotkey);
        Self::increase_alpha_stake(hotkey, &owner, netuid, take);
        let root_stake = Self::root_stake(hotkey);
        if rest > root_stake {
            Self::increase_alpha_stake(hotkey, &owner, netuid, rest);
        } else if rest > 0 {
            let rate = I96F32::from_num(rest).checked_div(I96F32::from_num(root_stake)).unwrap_or(I96F32::from_num(0));
            RootClaimable::<T>::mutate(hotkey, |m| {
                let entry = m.entry(netuid).or_insert(I96F32::from_num(0));
                *entry = entry.saturating_add(rate);
            });
            RootClaimableAlpha::<T>::mutate(netuid, |a| *a = a.saturating_add(rest));
        }
        RootAlphaDividendsPerSubnet::<T>::mutate(netuid, hotkey, |d| *d = d.saturating_add(rest));
        take.saturating_add(rest)
    }

    /// A delegate's take of `amount` (`Delegates[hotkey]/65535` of it) and the rest, each
    /// floored from the fixed-point values (`staking-2.md` §1.9).
    fn take_of(hotkey: &T::AccountId, amount: U96F32) -> (AlphaBalance, AlphaBalance) {
        let take = take_fraction(Delegates::<T>::get(hotkey)).saturating_mul(amount);
        (take.saturating_to_num::<u64>(), amount.saturating_sub(take).saturating_to_num::<u64>())
    }
}
