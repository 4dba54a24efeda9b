//! Metagraph, subnet-info v2, delegate and stake-availability views (`client-compat.md` §3).
//!
//! Field names, order, compactness and types are upstream's, because the clients decode the
//! structs through the metadata by name. Values shared with [`crate::rpc_info`] views
//! (`DynamicInfo`, `SubnetState`, hyperparameters v3) are taken from the same storage with
//! the same rules, so that every view of a subnet agrees.
//!
//! Per-uid vectors that are kept per mechanism (`Incentive`, `LastUpdate`) are read at the
//! mechanism's storage index `netuid + mecid·4096`; the others (`Emission`, `Dividends`,
//! `Consensus`, `Active`, `ValidatorPermit`) are per subnet.
//!
//! The selective metagraph computes only the fields it is asked for (inputs shared by several
//! fields are read once); no field needs more than a few storage reads per uid, so a full
//! view over 256 uids stays cheap.

use crate::{
    pallet::*, set_weights::storage_index, AlphaBalance, MechId, NetUid, NetUidStorageIndex, TaoBalance,
};
use crate::rpc_info::{at, compact_n, flags_n, DynamicInfo};
use alloc::{
    collections::{BTreeMap, BTreeSet},
    vec::Vec,
};
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::crypto::AccountId32;
use substrate_fixed::types::{I96F32, U64F64};

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Metagraph {
    // Subnet
    pub netuid: Compact<NetUid>,
    pub name: Vec<Compact<u8>>,
    pub symbol: Vec<Compact<u8>>,
    pub identity: Option<SubnetIdentityV3>,
    pub network_registered_at: Compact<u64>,
    // Keys
    pub owner_hotkey: AccountId32,
    pub owner_coldkey: AccountId32,
    // Tempo
    pub block: Compact<u64>,
    pub tempo: Compact<u16>,
    pub last_step: Compact<u64>,
    pub blocks_since_last_step: Compact<u64>,
    // Emission and pool
    pub subnet_emission: Compact<u64>,
    pub alpha_in: Compact<AlphaBalance>,
    pub alpha_out: Compact<AlphaBalance>,
    pub tao_in: Compact<TaoBalance>,
    pub alpha_out_emission: Compact<AlphaBalance>,
    pub alpha_in_emission: Compact<AlphaBalance>,
    pub tao_in_emission: Compact<TaoBalance>,
    pub pending_alpha_emission: Compact<AlphaBalance>,
    pub pending_root_emission: Compact<TaoBalance>,
    pub subnet_volume: Compact<u128>,
    pub moving_price: I96F32,
    // Hyperparameters
    pub rho: Compact<u16>,
    pub kappa: Compact<u16>,
    pub min_allowed_weights: Compact<u16>,
    pub max_weights_limit: Compact<u16>,
    pub weights_version: Compact<u64>,
    pub weights_rate_limit: Compact<u64>,
    pub activity_cutoff: Compact<u64>,
    pub max_validators: Compact<u16>,
    // Registration
    pub num_uids: Compact<u16>,
    pub max_uids: Compact<u16>,
    pub burn: Compact<TaoBalance>,
    pub difficulty: Compact<u64>,
    pub registration_allowed: bool,
    pub pow_registration_allowed: bool,
    pub immunity_period: Compact<u16>,
    pub min_difficulty: Compact<u64>,
    pub max_difficulty: Compact<u64>,
    pub min_burn: Compact<TaoBalance>,
    pub max_burn: Compact<TaoBalance>,
    pub adjustment_alpha: Compact<u64>,
    pub adjustment_interval: Compact<u16>,
    pub target_regs_per_interval: Compact<u16>,
    pub max_regs_per_block: Compact<u16>,
    pub serving_rate_limit: Compact<u64>,
    // Commit-reveal and liquid alpha
    pub commit_reveal_weights_enabled: bool,
    pub commit_reveal_period: Compact<u64>,
    pub liquid_alpha_enabled: bool,
    pub alpha_high: Compact<u16>,
    pub alpha_low: Compact<u16>,
    pub bonds_moving_avg: Compact<u64>,
    // Per uid
    pub hotkeys: Vec<AccountId32>,
    pub coldkeys: Vec<AccountId32>,
    pub identities: Vec<Option<ChainIdentityV2>>,
    pub axons: Vec<AxonInfo>,
    pub active: Vec<bool>,
    pub validator_permit: Vec<bool>,
    pub pruning_score: Vec<Compact<u16>>,
    pub last_update: Vec<Compact<u64>>,
    pub emission: Vec<Compact<AlphaBalance>>,
    pub dividends: Vec<Compact<u16>>,
    pub incentives: Vec<Compact<u16>>,
    pub consensus: Vec<Compact<u16>>,
    pub trust: Vec<Compact<u16>>,
    pub rank: Vec<Compact<u16>>,
    pub block_at_registration: Vec<Compact<u64>>,
    pub alpha_stake: Vec<Compact<AlphaBalance>>,
    pub tao_stake: Vec<Compact<TaoBalance>>,
    pub total_stake: Vec<Compact<TaoBalance>>,
    // Dividends per hotkey
    pub tao_dividends_per_hotkey: Vec<(AccountId32, Compact<TaoBalance>)>,
    pub alpha_dividends_per_hotkey: Vec<(AccountId32, Compact<AlphaBalance>)>,
}

/// The metagraph with every field but `netuid` optional, plus `validators` and
/// `commitments`. `metagraph_indexes` are 0-based positions into these 74 fields, in
/// declaration order: 0 `netuid`, 1 `name`, …, 52 `hotkeys`, …, 71
/// `alpha_dividends_per_hotkey`, 72 `validators`, 73 `commitments`.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SelectiveMetagraph {
    pub netuid: Compact<NetUid>,
    pub name: Option<Vec<Compact<u8>>>,
    pub symbol: Option<Vec<Compact<u8>>>,
    pub identity: Option<Option<SubnetIdentityV3>>,
    pub network_registered_at: Option<Compact<u64>>,
    pub owner_hotkey: Option<AccountId32>,
    pub owner_coldkey: Option<AccountId32>,
    pub block: Option<Compact<u64>>,
    pub tempo: Option<Compact<u16>>,
    pub last_step: Option<Compact<u64>>,
    pub blocks_since_last_step: Option<Compact<u64>>,
    pub subnet_emission: Option<Compact<u64>>,
    pub alpha_in: Option<Compact<AlphaBalance>>,
    pub alpha_out: Option<Compact<AlphaBalance>>,
    pub tao_in: Option<Compact<TaoBalance>>,
    pub alpha_out_emission: Option<Compact<AlphaBalance>>,
    pub alpha_in_emission: Option<Compact<AlphaBalance>>,
    pub tao_in_emission: Option<Compact<TaoBalance>>,
    pub pending_alpha_emission: Option<Compact<AlphaBalance>>,
    pub pending_root_emission: Option<Compact<TaoBalance>>,
    pub subnet_volume: Option<Compact<u128>>,
    pub moving_price: Option<I96F32>,
    pub rho: Option<Compact<u16>>,
    pub kappa: Option<Compact<u16>>,
    pub min_allowed_weights: Option<Compact<u16>>,
    pub max_weights_limit: Option<Compact<u16>>,
    pub weights_version: Option<Compact<u64>>,
    pub weights_rate_limit: Option<Compact<u64>>,
    pub activity_cutoff: Option<Compact<u64>>,
    pub max_validators: Option<Compact<u16>>,
    pub num_uids: Option<Compact<u16>>,
    pub max_uids: Option<Compact<u16>>,
    pub burn: Option<Compact<TaoBalance>>,
    pub difficulty: Option<Compact<u64>>,
    pub registration_allowed: Option<bool>,
    pub pow_registration_allowed: Option<bool>,
    pub immunity_period: Option<Compact<u16>>,
    pub min_difficulty: Option<Compact<u64>>,
    pub max_difficulty: Option<Compact<u64>>,
    pub min_burn: Option<Compact<TaoBalance>>,
    pub max_burn: Option<Compact<TaoBalance>>,
    pub adjustment_alpha: Option<Compact<u64>>,
    pub adjustment_interval: Option<Compact<u16>>,
    pub target_regs_per_interval: Option<Compact<u16>>,
    pub max_regs_per_block: Option<Compact<u16>>,
    pub serving_rate_limit: Option<Compact<u64>>,
    pub commit_reveal_weights_enabled: Option<bool>,
    pub commit_reveal_period: Option<Compact<u64>>,
    pub liquid_alpha_enabled: Option<bool>,
    pub alpha_high: Option<Compact<u16>>,
    pub alpha_low: Option<Compact<u16>>,
    pub bonds_moving_avg: Option<Compact<u64>>,
    pub hotkeys: Option<Vec<AccountId32>>,
    pub coldkeys: Option<Vec<AccountId32>>,
    pub identities: Option<Vec<Option<ChainIdentityV2>>>,
    pub axons: Option<Vec<AxonInfo>>,
    pub active: Option<Vec<bool>>,
    pub validator_permit: Option<Vec<bool>>,
    pub pruning_score: Option<Vec<Compact<u16>>>,
    pub last_update: Option<Vec<Compact<u64>>>,
    pub emission: Option<Vec<Compact<AlphaBalance>>>,
    pub dividends: Option<Vec<Compact<u16>>>,
    pub incentives: Option<Vec<Compact<u16>>>,
    pub consensus: Option<Vec<Compact<u16>>>,
    pub trust: Option<Vec<Compact<u16>>>,
    pub rank: Option<Vec<Compact<u16>>>,
    pub block_at_registration: Option<Vec<Compact<u64>>>,
    pub alpha_stake: Option<Vec<Compact<AlphaBalance>>>,
    pub tao_stake: Option<Vec<Compact<TaoBalance>>>,
    pub total_stake: Option<Vec<Compact<TaoBalance>>>,
    pub tao_dividends_per_hotkey: Option<Vec<(AccountId32, Compact<TaoBalance>)>>,
    pub alpha_dividends_per_hotkey: Option<Vec<(AccountId32, Compact<AlphaBalance>)>>,
    /// Uids with a validator permit and at least `StakeThreshold` stake, most stake first.
    pub validators: Option<Vec<Compact<u16>>>,
    /// (hotkey, SCALE-encoded `Registration`) for every commitment on the subnet.
    pub commitments: Option<Vec<(AccountId32, Vec<Compact<u8>>)>>,
}

impl SelectiveMetagraph {
    /// The full metagraph, if every one of its 72 fields was selected.
    pub fn into_metagraph(self) -> Option<Metagraph> {
        Some(Metagraph {
            netuid: self.netuid,
            name: self.name?,
            symbol: self.symbol?,
            identity: self.identity?,
            network_registered_at: self.network_registered_at?,
            owner_hotkey: self.owner_hotkey?,
            owner_coldkey: self.owner_coldkey?,
            block: self.block?,
            tempo: self.tempo?,
            last_step: self.last_step?,
            blocks_since_last_step: self.blocks_since_last_step?,
            subnet_emission: self.subnet_emission?,
            alpha_in: self.alpha_in?,
            alpha_out: self.alpha_out?,
            tao_in: self.tao_in?,
            alpha_out_emission: self.alpha_out_emission?,
            alpha_in_emission: self.alpha_in_emission?,
            tao_in_emission: self.tao_in_emission?,
            pending_alpha_emission: self.pending_alpha_emission?,
            pending_root_emission: self.pending_root_emission?,
            subnet_volume: self.subnet_volume?,
            moving_price: self.moving_price?,
            rho: self.rho?,
            kappa: self.kappa?,
            min_allowed_weights: self.min_allowed_weights?,
            max_weights_limit: self.max_weights_limit?,
            weights_version: self.weights_version?,
            weights_rate_limit: self.weights_rate_limit?,
            activity_cutoff: self.activity_cutoff?,
            max_validators: self.max_validators?,
            num_uids: self.num_uids?,
            max_uids: self.max_uids?,
            burn: self.burn?,
            difficulty: self.difficulty?,
            registration_allowed: self.registration_allowed?,
            pow_registration_allowed: self.pow_registration_allowed?,
            immunity_period: self.immunity_period?,
            min_difficulty: self.min_difficulty?,
            max_difficulty: self.max_difficulty?,
            min_burn: self.min_burn?,
            max_burn: self.max_burn?,
            adjustment_alpha: self.adjustment_alpha?,
            adjustment_interval: self.adjustment_interval?,
            target_regs_per_interval: self.target_regs_per_interval?,
            max_regs_per_block: self.max_regs_per_block?,
            serving_rate_limit: self.serving_rate_limit?,
            commit_reveal_weights_enabled: self.commit_reveal_weights_enabled?,
            commit_reveal_period: self.commit_reveal_period?,
            liquid_alpha_enabled: self.liquid_alpha_enabled?,
            alpha_high: self.alpha_high?,
            alpha_low: self.alpha_low?,
            bonds_moving_avg: self.bonds_moving_avg?,
            hotkeys: self.hotkeys?,
            coldkeys: self.coldkeys?,
            identities: self.identities?,
            axons: self.axons?,
            active: self.active?,
            validator_permit: self.validator_permit?,
            pruning_score: self.pruning_score?,
            last_update: self.last_update?,
            emission: self.emission?,
            dividends: self.dividends?,
            incentives: self.incentives?,
            consensus: self.consensus?,
            trust: self.trust?,
            rank: self.rank?,
            block_at_registration: self.block_at_registration?,
            alpha_stake: self.alpha_stake?,
            tao_stake: self.tao_stake?,
            total_stake: self.total_stake?,
            tao_dividends_per_hotkey: self.tao_dividends_per_hotkey?,
            alpha_dividends_per_hotkey: self.alpha_dividends_per_hotkey?,
        })
    }
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SubnetInfov2 {
    pub netuid: Compact<NetUid>,
    pub rho: Compact<u16>,
    pub kappa: Compact<u16>,
    pub difficulty: Compact<u64>,
    pub immunity_period: Compact<u16>,
    pub max_allowed_validators: Compact<u16>,
    pub min_allowed_weights: Compact<u16>,
    pub max_weights_limit: Compact<u16>,
    pub scaling_law_power: Compact<u16>,
    pub subnetwork_n: Compact<u16>,
    pub max_allowed_uids: Compact<u16>,
    pub blocks_since_last_step: Compact<u64>,
    pub tempo: Compact<u16>,
    pub network_modality: Compact<u16>,
    pub network_connect: Vec<[u16; 2]>,
    pub emission_value: Compact<u64>,
    pub burn: Compact<TaoBalance>,
    pub owner: AccountId32,
    pub identity: Option<SubnetIdentityV3>,
}

/// A nominator of a delegate: the coldkey and its (netuid, stake) positions.
pub type Nominator = (AccountId32, Vec<(Compact<NetUid>, Compact<u64>)>);

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DelegateInfo {
    pub delegate_ss58: AccountId32,
    pub take: Compact<u16>,
    pub nominators: Vec<Nominator>,
    pub owner_ss58: AccountId32,
    pub registrations: Vec<Compact<NetUid>>,
    pub validator_permits: Vec<Compact<NetUid>>,
    pub return_per_1000: Compact<u64>,
    pub total_daily_return: Compact<u64>,
}

/// One row of `get_delegated`: the delegate (without nominators) and the delegatee's stake
/// on one subnet.
pub type DelegatedStake = (DelegateInfo, (Compact<NetUid>, Compact<AlphaBalance>));

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct StakeAvailability {
    pub total: Compact<AlphaBalance>,
    pub locked: Compact<AlphaBalance>,
    pub available: Compact<AlphaBalance>,
}

/// `get_stake_availability_for_coldkeys`' answer: per coldkey, per subnet.
pub type StakeAvailabilities = BTreeMap<AccountId32, BTreeMap<NetUid, StakeAvailability>>;

/// How many fields `SelectiveMetagraph` has (`metagraph_indexes` run 0..74).
pub const SELECTIVE_METAGRAPH_FIELDS: usize = 74;
/// How many of them make up `Metagraph` (0..72).
pub const METAGRAPH_FIELDS: usize = 72;

/// The set of selected field positions.
struct Selection([bool; SELECTIVE_METAGRAPH_FIELDS]);

impl Selection {
    fn of(indexes: impl IntoIterator<Item = usize>) -> Self {
        let mut flags = [false; SELECTIVE_METAGRAPH_FIELDS];
        for i in indexes {
            // Unknown positions are ignored.
            if let Some(flag) = flags.get_mut(i) {
                *flag = true;
            }
        }
        Selection(flags)
    }

    fn has(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }

    fn any(&self, mut range: core::ops::RangeInclusive<usize>) -> bool {
        range.any(|i| self.has(i))
    }

    /// `f()` if field `i` is selected.
    fn pick<X>(&self, i: usize, f: impl FnOnce() -> X) -> Option<X> {
        self.has(i).then(f)
    }

    /// `f(source)` if field `i` is selected (and the source was read).
    fn pick_from<S, X>(&self, i: usize, source: Option<&S>, f: impl FnOnce(&S) -> X) -> Option<X> {
        if self.has(i) {
            source.map(f)
        } else {
            None
        }
    }
}

impl<T: Config> Pallet<T> {
    /// Whether mechanism `mecid` exists on `netuid` (`MechanismCountCurrent`, at least one).
    fn mechanism_exists(netuid: NetUid, mecid: MechId) -> bool {
        mecid < MechanismCountCurrent::<T>::get(netuid).max(1)
    }

    /// The selected fields of mechanism `mecid`'s metagraph; `None` for a missing subnet or
    /// mechanism.
    fn build_selective(netuid: NetUid, mecid: MechId, sel: &Selection) -> Option<SelectiveMetagraph> {
        if !Self::if_subnet_exist(netuid) || !Self::mechanism_exists(netuid, mecid) {
            return None;
        }
        let idx: NetUidStorageIndex = storage_index(netuid, mecid);
        let n = SubnetworkN::<T>::get(netuid);

        // The subnet, pool and emission fields come from the dynamic info, so both views agree.
        let dynamic: Option<DynamicInfo> =
            if sel.any(1..=6) || sel.any(8..=21) { Self::get_dynamic_info(netuid) } else { None };
        let d = dynamic.as_ref();

        // Per-uid inputs shared by several fields, read only when one of them is selected.
        let hotkeys: Vec<AccountId32> = if sel.any(52..=55) || sel.any(67..=72) {
            (0..n).map(|uid| Keys::<T>::get(netuid, uid)).collect()
        } else {
            Vec::new()
        };
        let coldkeys: Vec<AccountId32> =
            if sel.any(53..=54) { hotkeys.iter().map(Owner::<T>::get).collect() } else { Vec::new() };
        let total_stake: Vec<u64> = if sel.has(69) || sel.has(72) {
            hotkeys.iter().map(|h| Self::raw_stake(h, netuid)).collect()
        } else {
            Vec::new()
        };
        // With children and parents counted, read once for both stake fields.
        let inherited: Vec<(u64, u64)> = if sel.any(67..=68) {
            hotkeys.iter().map(|h| Self::inherited_stakes(h, netuid)).collect()
        } else {
            Vec::new()
        };
        let permits: Vec<bool> = if sel.has(57) || sel.has(72) {
            flags_n(&ValidatorPermit::<T>::get(netuid), n)
        } else {
            Vec::new()
        };
        let incentive: Vec<u16> = if sel.has(62) || sel.has(65) { Incentive::<T>::get(idx) } else { Vec::new() };
        let tempo = Tempo::<T>::get(netuid);
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);

        Some(SelectiveMetagraph {
            netuid: Compact(netuid),
            name: sel.pick_from(1, d, |d| d.subnet_name.clone()),
            symbol: sel.pick_from(2, d, |d| d.token_symbol.clone()),
            identity: sel.pick_from(3, d, |d| d.subnet_identity.clone()),
            network_registered_at: sel.pick_from(4, d, |d| d.network_registered_at),
            owner_hotkey: sel.pick_from(5, d, |d| d.owner_hotkey.clone()),
            owner_coldkey: sel.pick_from(6, d, |d| d.owner_coldkey.clone()),
            block: sel.pick(7, || Compact(Self::current_block())),
            tempo: sel.pick_from(8, d, |d| d.tempo),
            last_step: sel.pick_from(9, d, |d| d.last_step),
            blocks_since_last_step: sel.pick_from(10, d, |d| d.blocks_since_last_step),
            subnet_emission: sel.pick_from(11, d, |d| d.emission),
            alpha_in: sel.pick_from(12, d, |d| d.alpha_in),
            alpha_out: sel.pick_from(13, d, |d| d.alpha_out),
            tao_in: sel.pick_from(14, d, |d| d.tao_in),
            alpha_out_emission: sel.pick_from(15, d, |d| d.alpha_out_emission),
            alpha_in_emission: sel.pick_from(16, d, |d| d.alpha_in_emission),
            tao_in_emission: sel.pick_from(17, d, |d| d.tao_in_emission),
            pending_alpha_emission: sel.pick_from(18, d, |d| d.pending_alpha_emission),
            pending_root_emission: sel.pick_from(19, d, |d| d.pending_root_emission),
            subnet_volume: sel.pick_from(20, d, |d| d.subnet_volume),
            moving_price: sel.pick_from(21, d, |d| d.moving_price),
            rho: sel.pick(22, || Compact(Rho::<T>::get(netuid))),
            kappa: sel.pick(23, || Compact(Kappa::<T>::get(netuid))),
            min_allowed_weights: sel.pick(24, || Compact(MinAllowedWeights::<T>::get(netuid))),
            max_weights_limit: sel.pick(25, || Compact(MaxWeightsLimit::<T>::get(netuid))),
            weights_version: sel.pick(26, || Compact(WeightsVersionKey::<T>::get(netuid))),
            weights_rate_limit: sel.pick(27, || Compact(WeightsSetRateLimit::<T>::get(netuid))),
            // As hyperparameters v3 report it: derived from the owner's factor and the tempo.
            activity_cutoff: sel.pick(28, || {
                Compact(tensorchain_yuma::epoch::activity_cutoff(ActivityCutoffFactorMilli::<T>::get(netuid), tempo))
            }),
            max_validators: sel.pick(29, || Compact(MaxAllowedValidators::<T>::get(netuid))),
            num_uids: sel.pick(30, || Compact(n)),
            max_uids: sel.pick(31, || Compact(MaxAllowedUids::<T>::get(netuid))),
            burn: sel.pick(32, || Compact(Burn::<T>::get(netuid))),
            difficulty: sel.pick(33, || Compact(Difficulty::<T>::get(netuid))),
            registration_allowed: sel.pick(34, || NetworkRegistrationAllowed::<T>::get(netuid)),
            pow_registration_allowed: sel.pick(35, || NetworkPowRegistrationAllowed::<T>::get(netuid)),
            immunity_period: sel.pick(36, || Compact(ImmunityPeriod::<T>::get(netuid))),
            min_difficulty: sel.pick(37, || Compact(MinDifficulty::<T>::get(netuid))),
            max_difficulty: sel.pick(38, || Compact(MaxDifficulty::<T>::get(netuid))),
            min_burn: sel.pick(39, || Compact(MinBurn::<T>::get(netuid))),
            max_burn: sel.pick(40, || Compact(MaxBurn::<T>::get(netuid))),
            adjustment_alpha: sel.pick(41, || Compact(AdjustmentAlpha::<T>::get(netuid))),
            adjustment_interval: sel.pick(42, || Compact(AdjustmentInterval::<T>::get(netuid))),
            target_regs_per_interval: sel.pick(43, || Compact(TargetRegistrationsPerInterval::<T>::get(netuid))),
            max_regs_per_block: sel.pick(44, || Compact(MaxRegistrationsPerBlock::<T>::get(netuid))),
            serving_rate_limit: sel.pick(45, || Compact(ServingRateLimit::<T>::get(netuid))),
            commit_reveal_weights_enabled: sel.pick(46, || CommitRevealWeightsEnabled::<T>::get(netuid)),
            commit_reveal_period: sel.pick(47, || Compact(RevealPeriodEpochs::<T>::get(netuid))),
            liquid_alpha_enabled: sel.pick(48, || LiquidAlphaOn::<T>::get(netuid)),
            alpha_high: sel.pick(49, || Compact(alpha_high)),
            alpha_low: sel.pick(50, || Compact(alpha_low)),
            bonds_moving_avg: sel.pick(51, || Compact(BondsMovingAverage::<T>::get(netuid))),
            hotkeys: sel.pick(52, || hotkeys.clone()),
            coldkeys: sel.pick(53, || coldkeys.clone()),
            // Identities belong to coldkeys.
            identities: sel.pick(54, || coldkeys.iter().map(IdentitiesV2::<T>::get).collect()),
            axons: sel.pick(55, || hotkeys.iter().map(|h| Axons::<T>::get(netuid, h).unwrap_or_default()).collect()),
            active: sel.pick(56, || flags_n(&Active::<T>::get(netuid), n)),
            validator_permit: sel.pick(57, || permits.clone()),
            pruning_score: sel.pick(58, || compact_n::<u16>(&[], n)),
            last_update: sel.pick(59, || compact_n(&LastUpdate::<T>::get(idx), n)),
            emission: sel.pick(60, || compact_n(&Emission::<T>::get(netuid), n)),
            dividends: sel.pick(61, || compact_n(&Dividends::<T>::get(netuid), n)),
            incentives: sel.pick(62, || compact_n(&incentive, n)),
            consensus: sel.pick(63, || compact_n(&Consensus::<T>::get(netuid), n)),
            trust: sel.pick(64, || compact_n::<u16>(&[], n)),
            // Rank is the incentive, as in the neuron and subnet-state views.
            rank: sel.pick(65, || compact_n(&incentive, n)),
            block_at_registration: sel
                .pick(66, || (0..n).map(|uid| Compact(BlockAtRegistration::<T>::get(netuid, uid))).collect()),
            alpha_stake: sel.pick(67, || inherited.iter().map(|s| Compact(s.0)).collect()),
            tao_stake: sel.pick(68, || inherited.iter().map(|s| Compact(s.1)).collect()),
            total_stake: sel.pick(69, || total_stake.iter().map(|s| Compact(*s)).collect()),
            tao_dividends_per_hotkey: sel.pick(70, || {
                hotkeys
                    .iter()
                    .map(|h| (h.clone(), Compact(RootAlphaDividendsPerSubnet::<T>::get(netuid, h))))
                    .collect()
            }),
            alpha_dividends_per_hotkey: sel.pick(71, || {
                hotkeys.iter().map(|h| (h.clone(), Compact(AlphaDividendsPerSubnet::<T>::get(netuid, h)))).collect()
            }),
            validators: sel.pick(72, || Self::validators(&permits, &total_stake)),
            commitments: sel.pick(73, || {
                <T::Commitments as crate::commitments::SubnetCommitments<T::AccountId>>::subnet_commitments(netuid)
                    .into_iter()
                    .map(|(who, bytes)| (who, bytes.into_iter().map(Compact).collect()))
                    .collect()
            }),
        })
    }

    /// Permitted uids with at least `StakeThreshold` stake, most stake first (ties by uid).
    fn validators(permits: &[bool], stake: &[u64]) -> Vec<Compact<u16>> {
        let threshold = StakeThreshold::<T>::get();
        let mut chosen: Vec<(u16, u64)> = stake
            .iter()
            .enumerate()
            .filter(|(i, s)| at(permits, *i) && **s >= threshold)
            .filter_map(|(i, s)| u16::try_from(i).ok().map(|uid| (uid, *s)))
            .collect();
        chosen.sort_by_key(|(_, stake)| core::cmp::Reverse(*stake));
        chosen.into_iter().map(|(uid, _)| Compact(uid)).collect()
    }

    /// `SubnetInfoRuntimeApi::get_metagraph`: mechanism 0.
    pub fn get_metagraph(netuid: NetUid) -> Option<Metagraph> {
        Self::get_mechagraph(netuid, 0)
    }

    /// `SubnetInfoRuntimeApi::get_mechagraph`: the metagraph with mechanism `mecid`'s per-uid
    /// vectors; `None` if the subnet or the mechanism does not exist.
    pub fn get_mechagraph(netuid: NetUid, mecid: MechId) -> Option<Metagraph> {
        Self::build_selective(netuid, mecid, &Selection::of(0..METAGRAPH_FIELDS))?.into_metagraph()
    }

    /// `SubnetInfoRuntimeApi::get_all_metagraphs` (no `None` entries).
    pub fn get_all_metagraphs() -> Vec<Option<Metagraph>> {
        Self::added_netuids().into_iter().map(Self::get_metagraph).filter(Option::is_some).collect()
    }

    /// `SubnetInfoRuntimeApi::get_all_mechagraphs`: every mechanism of every subnet (no
    /// `None` entries).
    pub fn get_all_mechagraphs() -> Vec<Option<Metagraph>> {
        Self::added_netuids()
            .into_iter()
            .flat_map(|netuid| {
                let count = MechanismCountCurrent::<T>::get(netuid).max(1);
                (0..count).map(move |mecid| Self::get_mechagraph(netuid, mecid))
            })
            .filter(Option::is_some)
            .collect()
    }

    /// `SubnetInfoRuntimeApi::get_selective_metagraph`: mechanism 0.
    pub fn get_selective_metagraph(netuid: NetUid, metagraph_indexes: Vec<u16>) -> Option<SelectiveMetagraph> {
        Self::get_selective_mechagraph(netuid, 0, metagraph_indexes)
    }

    /// `SubnetInfoRuntimeApi::get_selective_mechagraph`: the fields at `metagraph_indexes`
    /// (0-based; unknown ones ignored), the others `None`; `netuid` always.
    pub fn get_selective_mechagraph(
        netuid: NetUid,
        mecid: MechId,
        metagraph_indexes: Vec<u16>,
    ) -> Option<SelectiveMetagraph> {
        let sel = Selection::of(metagraph_indexes.into_iter().map(usize::from));
        Self::build_selective(netuid, mecid, &sel)
    }

    /// `SubnetInfoRuntimeApi::get_subnet_info_v2`.
    pub fn get_subnet_info_v2(netuid: NetUid) -> Option<SubnetInfov2> {
        if !Self::if_subnet_exist(netuid) {
            return None;
        }
        Some(SubnetInfov2 {
            netuid: Compact(netuid),
            rho: Compact(Rho::<T>::get(netuid)),
            kappa: Compact(Kappa::<T>::get(netuid)),
            difficulty: Compact(Difficulty::<T>::get(netuid)),
            immunity_period: Compact(ImmunityPeriod::<T>::get(netuid)),
            max_allowed_validators: Compact(MaxAllowedValidators::<T>::get(netuid)),
            min_allowed_weights: Compact(MinAllowedWeights::<T>::get(netuid)),
            max_weights_limit: Compact(MaxWeightsLimit::<T>::get(netuid)),
            scaling_law_power: Compact(ScalingLawPower::<T>::get(netuid)),
            subnetwork_n: Compact(SubnetworkN::<T>::get(netuid)),
            max_allowed_uids: Compact(MaxAllowedUids::<T>::get(netuid)),
            blocks_since_last_step: Compact(BlocksSinceLastStep::<T>::get(netuid)),
            tempo: Compact(Tempo::<T>::get(netuid)),
            // No modalities or subnet connections exist; upstream's defaults.
            network_modality: Compact(0),
            network_connect: Vec::new(),
            emission_value: Compact(Self::subnet_tao_emission(netuid)),
            burn: Compact(Burn::<T>::get(netuid)),
            owner: SubnetOwner::<T>::get(netuid),
            identity: SubnetIdentitiesV3::<T>::get(netuid),
        })
    }

    /// `SubnetInfoRuntimeApi::get_subnets_info_v2` (no `None` entries).
    pub fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2>> {
        Self::added_netuids().into_iter().map(Self::get_subnet_info_v2).filter(Option::is_some).collect()
    }

    /// `DelegateInfo` of `delegate` (`staking-2.md` §6). `pools` are the netuids in
    /// `NetworksAdded` iteration order, used for the nominators; `None` leaves them empty.
    fn delegate_info(delegate: &AccountId32, pools: Option<&[NetUid]>) -> DelegateInfo {
        let take = Delegates::<T>::get(delegate);

        let mut nominators: Vec<Nominator> = Vec::new();
        if let Some(pools) = pools {
            let mut by_coldkey: BTreeMap<AccountId32, Vec<(NetUid, u64)>> = BTreeMap::new();
            for ((coldkey, netuid), shares) in Alpha::<T>::iter_prefix((delegate,)) {
                if shares.to_bits() == 0 {
                    continue;
                }
                // Upstream values each position with the pool at position `netuid` of the
                // subnet list: the true pool while netuids are contiguous from 0; a position
                // past the end drops the entry.
                let Some(pool) = pools.get(usize::from(netuid)).copied() else { continue };
                let stake = if pool == netuid {
                    Self::alpha_stake(delegate, &coldkey, netuid)
                } else {
                    Self::shares_value(delegate, shares, pool)
                };
                by_coldkey.entry(coldkey).or_default().push((netuid, stake));
            }
            nominators = by_coldkey
                .into_iter()
                .map(|(coldkey, mut stakes)| {
                    stakes.sort_by_key(|(netuid, _)| *netuid);
                    (coldkey, stakes.into_iter().map(|(n, s)| (Compact(n), Compact(s))).collect())
                })
                .collect();
        }

        let mut registrations: Vec<Compact<NetUid>> = Vec::new();
        let mut validator_permits: Vec<Compact<NetUid>> = Vec::new();
        let mut emissions_per_day = U64F64::from_num(0);
        for (netuid, member) in IsNetworkMember::<T>::iter_prefix(delegate) {
            if !member {
                continue;
            }
            registrations.push(Compact(netuid));
            let Some(uid) = Uids::<T>::get(netuid, delegate) else { continue };
            let i = usize::from(uid);
            if at(&ValidatorPermit::<T>::get(netuid), i) {
                validator_permits.push(Compact(netuid));
            }
            let tempo = Tempo::<T>::get(netuid);
            if tempo > 0 {
                let epochs_per_day = U64F64::from_num(7200u32)
                    .checked_div(U64F64::from_num(tempo))
                    .unwrap_or(U64F64::from_num(0));
                let emission = U64F64::from_num(at(&Emission::<T>::get(netuid), i));
                emissions_per_day = emissions_per_day.saturating_add(emission.saturating_mul(epochs_per_day));
            }
        }

        DelegateInfo {
            delegate_ss58: delegate.clone(),
            take: Compact(take),
            nominators,
            owner_ss58: Owner::<T>::get(delegate),
            registrations,
            validator_permits,
            return_per_1000: Compact(Self::return_per_1000(take, Self::root_stake(delegate), emissions_per_day)),
            total_daily_return: Compact(emissions_per_day.saturating_to_num::<u64>()),
        }
    }

    /// `E·(1 − take/65535) / (T / 10¹²)` floored, in U64F64; 0 without root stake `T`.
    pub fn return_per_1000(take: u16, root_stake: u64, emissions_per_day: U64F64) -> u64 {
        if root_stake == 0 {
            return 0;
        }
        let take = U64F64::from_num(take).checked_div(U64F64::from_num(u16::MAX)).unwrap_or(U64F64::from_num(0));
        let kept = emissions_per_day.saturating_mul(U64F64::from_num(1).saturating_sub(take));
        let per_1000_tao =
            U64F64::from_num(root_stake).checked_div(U64F64::from_num(1_000_000_000_000u64)).unwrap_or(U64F64::from_num(0));
        if per_1000_tao == U64F64::from_num(0) {
            return 0;
        }
        kept.saturating_div(per_1000_tao).saturating_to_num::<u64>()
    }

    /// The netuids in `NetworksAdded` iteration order, as upstream indexes pools by position.
    fn pool_positions() -> Vec<NetUid> {
        NetworksAdded::<T>::iter_keys().collect()
    }

    /// `DelegateInfoRuntimeApi::get_delegates`: every key of `Delegates`, in storage order.
    pub fn get_delegates() -> Vec<DelegateInfo> {
        let pools = Self::pool_positions();
        Delegates::<T>::iter_keys().map(|d| Self::delegate_info(&d, Some(&pools))).collect()
    }

    /// `DelegateInfoRuntimeApi::get_delegate`: `None` unless `Delegates` holds the key.
    pub fn get_delegate(delegate_account: AccountId32) -> Option<DelegateInfo> {
        if !Delegates::<T>::contains_key(&delegate_account) {
            return None;
        }
        Some(Self::delegate_info(&delegate_account, Some(&Self::pool_positions())))
    }

    /// `DelegateInfoRuntimeApi::get_delegated`: per delegate (storage order) and subnet where
    /// `delegatee_account` holds shares of it (netuid ascending), the delegate's info without
    /// nominators and the stake.
    pub fn get_delegated(delegatee_account: AccountId32) -> Vec<DelegatedStake> {
        let mut out: Vec<DelegatedStake> = Vec::new();
        for delegate in Delegates::<T>::iter_keys() {
            let mut netuids: Vec<NetUid> = Alpha::<T>::iter_prefix((&delegate, &delegatee_account))
                .filter(|(_, shares)| shares.to_bits() != 0)
                .map(|(netuid, _)| netuid)
                .collect();
            if netuids.is_empty() {
                continue;
            }
            netuids.sort_unstable();
            let info = Self::delegate_info(&delegate, None);
            for netuid in netuids {
                let stake = Self::alpha_stake(&delegate, &delegatee_account, netuid);
                out.push((info.clone(), (Compact(netuid), Compact(stake))));
            }
        }
        out
    }

    /// `StakeInfoRuntimeApi::get_stake_availability_for_coldkeys` (`staking-2.md` §5.7): per
    /// coldkey and subnet, the alpha held through all its staking hotkeys, the locked part
    /// and the rest. `None` asks for every subnet; a list is sorted and deduplicated, and if
    /// it is empty or longer than the number of subnets every coldkey maps to `{}`,
    /// otherwise missing subnets are dropped. Rows with nothing staked or locked are left out.
    pub fn get_stake_availability_for_coldkeys(
        coldkey_accounts: Vec<AccountId32>,
        netuids: Option<Vec<NetUid>>,
    ) -> StakeAvailabilities {
        let mut out: StakeAvailabilities = BTreeMap::new();
        if coldkey_accounts.is_empty() {
            return out;
        }
        let existing = Self::added_netuids();
        let wanted: BTreeSet<NetUid> = match netuids {
            None => existing.into_iter().collect(),
            Some(mut list) => {
                list.sort_unstable();
                list.dedup();
                if list.is_empty() || list.len() > existing.len() {
                    BTreeSet::new()
                } else {
                    list.into_iter().filter(|n| Self::if_subnet_exist(*n)).collect()
                }
            },
        };
        for coldkey in coldkey_accounts {
            let rows = if wanted.is_empty() { BTreeMap::new() } else { Self::stake_availability(&coldkey, &wanted) };
            out.insert(coldkey, rows);
        }
        out
    }

    fn stake_availability(coldkey: &AccountId32, wanted: &BTreeSet<NetUid>) -> BTreeMap<NetUid, StakeAvailability> {
        let mut totals: BTreeMap<NetUid, AlphaBalance> = BTreeMap::new();
        let hotkeys: BTreeSet<AccountId32> = StakingHotkeys::<T>::get(coldkey).into_iter().collect();
        for hotkey in hotkeys {
            for (netuid, shares) in Alpha::<T>::iter_prefix((&hotkey, coldkey)) {
                if shares.to_bits() == 0 || !wanted.contains(&netuid) {
                    continue;
                }
                let stake = Self::alpha_stake(&hotkey, coldkey, netuid);
                let total = totals.entry(netuid).or_default();
                *total = total.saturating_add(stake);
            }
        }
        // Locks: at most one per (coldkey, subnet), rolled to the current block.
        let mut locked: BTreeMap<NetUid, AlphaBalance> = BTreeMap::new();
        let netuids_locked: Vec<NetUid> = Lock::<T>::iter_key_prefix((coldkey,)).map(|(netuid, _)| netuid).collect();
        for netuid in netuids_locked {
            if wanted.contains(&netuid) {
                let mass = locked.entry(netuid).or_default();
                *mass = mass.saturating_add(Self::locked_alpha(coldkey, netuid));
            }
        }
        let netuids: BTreeSet<NetUid> = totals.keys().chain(locked.keys()).copied().collect();
        netuids
            .into_iter()
            .filter_map(|netuid| {
                let total = totals.get(&netuid).copied().unwrap_or(0);
                let locked = locked.get(&netuid).copied().unwrap_or(0);
                (total > 0 || locked > 0).then(|| {
                    (
                        netuid,
                        StakeAvailability {
                            total: Compact(total),
                            locked: Compact(locked),
                            available: Compact(total.saturating_sub(locked)),
                        },
                    )
                })
            })
            .collect()
    }
}
