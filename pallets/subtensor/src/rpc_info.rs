//! What the clients' view APIs return (`client-compat.md` §3.3): field names, order and
//! shapes as upstream, because the clients decode them through the metadata by name.
//! Compact integers where upstream has them; accounts as `AccountId32`.

use crate::{pallet::*, set_weights::storage_index, AlphaBalance, NetUid, TaoBalance};
use alloc::vec::Vec;
use codec::{Compact, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::crypto::AccountId32;
use substrate_fixed::types::{I32F32, I96F32, U64F64};
use tensorchain_swap::{interface::SwapHandler, pool::Side};

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct NeuronInfo {
    pub hotkey: AccountId32,
    pub coldkey: AccountId32,
    pub uid: Compact<u16>,
    pub netuid: Compact<NetUid>,
    pub active: bool,
    pub axon_info: AxonInfo,
    pub prometheus_info: PrometheusInfo,
    pub stake: Vec<(AccountId32, Compact<AlphaBalance>)>,
    pub rank: Compact<u16>,
    pub emission: Compact<AlphaBalance>,
    pub incentive: Compact<u16>,
    pub consensus: Compact<u16>,
    pub trust: Compact<u16>,
    pub validator_trust: Compact<u16>,
    pub dividends: Compact<u16>,
    pub last_update: Compact<u64>,
    pub validator_permit: bool,
    pub weights: Vec<(Compact<u16>, Compact<u16>)>,
    pub bonds: Vec<(Compact<u16>, Compact<u16>)>,
    pub pruning_score: Compact<u16>,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct NeuronInfoLite {
    pub hotkey: AccountId32,
    pub coldkey: AccountId32,
    pub uid: Compact<u16>,
    pub netuid: Compact<NetUid>,
    pub active: bool,
    pub axon_info: AxonInfo,
    pub prometheus_info: PrometheusInfo,
    pub stake: Vec<(AccountId32, Compact<AlphaBalance>)>,
    pub rank: Compact<u16>,
    pub emission: Compact<AlphaBalance>,
    pub incentive: Compact<u16>,
    pub consensus: Compact<u16>,
    pub trust: Compact<u16>,
    pub validator_trust: Compact<u16>,
    pub dividends: Compact<u16>,
    pub last_update: Compact<u64>,
    pub validator_permit: bool,
    pub pruning_score: Compact<u16>,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct DynamicInfo {
    pub netuid: Compact<NetUid>,
    pub owner_hotkey: AccountId32,
    pub owner_coldkey: AccountId32,
    pub subnet_name: Vec<Compact<u8>>,
    pub token_symbol: Vec<Compact<u8>>,
    pub tempo: Compact<u16>,
    pub last_step: Compact<u64>,
    pub blocks_since_last_step: Compact<u64>,
    pub emission: Compact<u64>,
    pub alpha_in: Compact<AlphaBalance>,
    pub alpha_out: Compact<AlphaBalance>,
    pub tao_in: Compact<TaoBalance>,
    pub alpha_out_emission: Compact<AlphaBalance>,
    pub alpha_in_emission: Compact<AlphaBalance>,
    pub tao_in_emission: Compact<TaoBalance>,
    pub pending_alpha_emission: Compact<AlphaBalance>,
    pub pending_root_emission: Compact<TaoBalance>,
    pub subnet_volume: Compact<u128>,
    pub network_registered_at: Compact<u64>,
    pub subnet_identity: Option<SubnetIdentityV3>,
    pub moving_price: I96F32,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SubnetState {
    pub netuid: Compact<NetUid>,
    pub hotkeys: Vec<AccountId32>,
    pub coldkeys: Vec<AccountId32>,
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
    pub emission_history: Vec<Vec<Compact<AlphaBalance>>>,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct StakeInfo {
    pub hotkey: AccountId32,
    pub coldkey: AccountId32,
    pub netuid: Compact<NetUid>,
    pub stake: Compact<AlphaBalance>,
    pub locked: Compact<u64>,
    pub emission: Compact<AlphaBalance>,
    pub tao_emission: Compact<TaoBalance>,
    pub drain: Compact<u64>,
    pub is_registered: bool,
}

/// A hyperparameter's value, tagged with its type (variant names and order as upstream).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum HyperparamValue {
    Bool(bool),
    U16(Compact<u16>),
    U32(Compact<u32>),
    U64(Compact<u64>),
    U128(Compact<u128>),
    TaoBalance(Compact<u64>),
    I32F32(I32F32),
    U64F64(U64F64),
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct HyperparamEntry {
    pub name: Vec<u8>,
    pub value: HyperparamValue,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct LockState {
    pub locked_mass: AlphaBalance,
    pub conviction: U64F64,
    pub last_update: u64,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug, Default)]
pub struct SimSwapResult {
    pub tao_amount: TaoBalance,
    pub alpha_amount: AlphaBalance,
    pub tao_fee: TaoBalance,
    pub alpha_fee: AlphaBalance,
    pub tao_slippage: TaoBalance,
    pub alpha_slippage: AlphaBalance,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SubnetPrice {
    pub netuid: NetUid,
    pub price: u64,
}

/// `v[i]`, or the default past its end.
pub(crate) fn at<V: Copy + Default>(v: &[V], i: usize) -> V {
    v.get(i).copied().unwrap_or_default()
}

/// `v` padded (or cut) to `n` entries, each wrapped in `Compact`.
pub(crate) fn compact_n<V: Copy + Default>(v: &[V], n: u16) -> Vec<Compact<V>> {
    (0..usize::from(n)).map(|i| Compact(at(v, i))).collect()
}

/// `v` padded (or cut) to `n` flags.
pub(crate) fn flags_n(v: &[bool], n: u16) -> Vec<bool> {
    (0..usize::from(n)).map(|i| at(v, i)).collect()
}

fn pairs(row: &[(u16, u16)]) -> Vec<(Compact<u16>, Compact<u16>)> {
    row.iter().map(|(a, b)| (Compact(*a), Compact(*b))).collect()
}

impl<T: Config> Pallet<T> {
    fn neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite> {
        if !Keys::<T>::contains_key(netuid, uid) {
            return None;
        }
        let hotkey = Keys::<T>::get(netuid, uid);
        let i = usize::from(uid);
        let stake: Vec<(AccountId32, Compact<AlphaBalance>)> = Self::share_holders(&hotkey, netuid)
            .into_iter()
            .map(|(c, _)| {
                let amount = Self::alpha_stake(&hotkey, &c, netuid);
                (c, Compact(amount))
            })
            .collect();
        let incentive = at(&Incentive::<T>::get(netuid), i);
        Some(NeuronInfoLite {
            coldkey: Owner::<T>::get(&hotkey),
            uid: Compact(uid),
            netuid: Compact(netuid),
            active: at(&Active::<T>::get(netuid), i),
            axon_info: Axons::<T>::get(netuid, &hotkey).unwrap_or_default(),
            prometheus_info: Prometheus::<T>::get(netuid, &hotkey).unwrap_or_default(),
            stake,
            rank: Compact(incentive),
            emission: Compact(at(&Emission::<T>::get(netuid), i)),
            incentive: Compact(incentive),
            consensus: Compact(at(&Consensus::<T>::get(netuid), i)),
            trust: Compact(0),
            validator_trust: Compact(at(&ValidatorTrust::<T>::get(netuid), i)),
            dividends: Compact(at(&Dividends::<T>::get(netuid), i)),
            last_update: Compact(at(&LastUpdate::<T>::get(netuid), i)),
            validator_permit: at(&ValidatorPermit::<T>::get(netuid), i),
            pruning_score: Compact(0),
            hotkey,
        })
    }

    /// `NeuronInfoRuntimeApi::get_neuron_lite`.
    pub fn get_neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite> {
        Self::neuron_lite(netuid, uid)
    }

    /// `NeuronInfoRuntimeApi::get_neurons_lite`.
    pub fn get_neurons_lite(netuid: NetUid) -> Vec<NeuronInfoLite> {
        (0..SubnetworkN::<T>::get(netuid)).filter_map(|uid| Self::neuron_lite(netuid, uid)).collect()
    }

    /// `NeuronInfoRuntimeApi::get_neuron`.
    pub fn get_neuron(netuid: NetUid, uid: u16) -> Option<NeuronInfo> {
        let lite = Self::neuron_lite(netuid, uid)?;
        let idx = storage_index(netuid, 0);
        Some(NeuronInfo {
            hotkey: lite.hotkey,
            coldkey: lite.coldkey,
            uid: lite.uid,
            netuid: lite.netuid,
            active: lite.active,
            axon_info: lite.axon_info,
            prometheus_info: lite.prometheus_info,
            stake: lite.stake,
            rank: lite.rank,
            emission: lite.emission,
            incentive: lite.incentive,
            consensus: lite.consensus,
            trust: lite.trust,
            validator_trust: lite.validator_trust,
            dividends: lite.dividends,
            last_update: lite.last_update,
            validator_permit: lite.validator_permit,
            weights: pairs(&Weights::<T>::get(idx, uid)),
            bonds: pairs(&Bonds::<T>::get(idx, uid)),
            pruning_score: lite.pruning_score,
        })
    }

    /// `NeuronInfoRuntimeApi::get_neurons`.
    pub fn get_neurons(netuid: NetUid) -> Vec<NeuronInfo> {
        (0..SubnetworkN::<T>::get(netuid)).filter_map(|uid| Self::get_neuron(netuid, uid)).collect()
    }

    /// The subnet's TAO emission in the last block: injected into the pool or spent buying
    /// alpha (what `DynamicInfo.emission` and `SubnetInfov2.emission_value` report).
    pub(crate) fn subnet_tao_emission(netuid: NetUid) -> TaoBalance {
        SubnetTaoInEmission::<T>::get(netuid).saturating_add(SubnetExcessTao::<T>::get(netuid))
    }

    /// `SubnetInfoRuntimeApi::get_dynamic_info`.
    pub fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo> {
        if !Self::if_subnet_exist(netuid) {
            return None;
        }
        let identity = SubnetIdentitiesV3::<T>::get(netuid);
        let name = identity.as_ref().map(|i| i.subnet_name.clone()).unwrap_or_default();
        let compact_bytes = |v: Vec<u8>| v.into_iter().map(Compact).collect::<Vec<_>>();
        Some(DynamicInfo {
            netuid: Compact(netuid),
            owner_hotkey: SubnetOwnerHotkey::<T>::get(netuid),
            owner_coldkey: SubnetOwner::<T>::get(netuid),
            subnet_name: compact_bytes(name),
            token_symbol: compact_bytes(TokenSymbol::<T>::get(netuid)),
            tempo: Compact(Tempo::<T>::get(netuid)),
            last_step: Compact(LastEpochBlock::<T>::get(netuid)),
            blocks_since_last_step: Compact(BlocksSinceLastStep::<T>::get(netuid)),
            emission: Compact(Self::subnet_tao_emission(netuid)),
            alpha_in: Compact(SubnetAlphaIn::<T>::get(netuid)),
            alpha_out: Compact(SubnetAlphaOut::<T>::get(netuid)),
            tao_in: Compact(SubnetTAO::<T>::get(netuid)),
            alpha_out_emission: Compact(SubnetAlphaOutEmission::<T>::get(netuid)),
            alpha_in_emission: Compact(SubnetAlphaInEmission::<T>::get(netuid)),
            tao_in_emission: Compact(SubnetTaoInEmission::<T>::get(netuid)),
            pending_alpha_emission: Compact(
                PendingServerEmission::<T>::get(netuid).saturating_add(PendingValidatorEmission::<T>::get(netuid)),
            ),
            pending_root_emission: Compact(PendingRootAlphaDivs::<T>::get(netuid)),
            subnet_volume: Compact(SubnetVolume::<T>::get(netuid)),
            network_registered_at: Compact(NetworkRegisteredAt::<T>::get(netuid)),
            subnet_identity: identity,
            moving_price: SubnetMovingPrice::<T>::get(netuid),
        })
    }

    /// `SubnetInfoRuntimeApi::get_all_dynamic_info` (no `None` entries: the clients map them all).
    pub fn get_all_dynamic_info() -> Vec<Option<DynamicInfo>> {
        Self::added_netuids().into_iter().map(Self::get_dynamic_info).filter(Option::is_some).collect()
    }

    /// `SubnetInfoRuntimeApi::get_subnet_state`.
    pub fn get_subnet_state(netuid: NetUid) -> Option<SubnetState> {
        if !Self::if_subnet_exist(netuid) {
            return None;
        }
        let n = SubnetworkN::<T>::get(netuid);
        let hotkeys: Vec<AccountId32> = (0..n).map(|uid| Keys::<T>::get(netuid, uid)).collect();
        // With children and parents counted, as the epoch sees them (`staking-2.md` §1.5).
        let stakes: Vec<(u64, u64)> = hotkeys.iter().map(|h| Self::inherited_stakes(h, netuid)).collect();
        let alpha: Vec<u64> = stakes.iter().map(|s| s.0).collect();
        let tao: Vec<u64> = stakes.iter().map(|s| s.1).collect();
        Some(SubnetState {
            netuid: Compact(netuid),
            coldkeys: hotkeys.iter().map(Owner::<T>::get).collect(),
            active: flags_n(&Active::<T>::get(netuid), n),
            validator_permit: flags_n(&ValidatorPermit::<T>::get(netuid), n),
            pruning_score: compact_n::<u16>(&[], n),
            last_update: compact_n(&LastUpdate::<T>::get(netuid), n),
            emission: compact_n(&Emission::<T>::get(netuid), n),
            dividends: compact_n(&Dividends::<T>::get(netuid), n),
            incentives: compact_n(&Incentive::<T>::get(netuid), n),
            consensus: compact_n(&Consensus::<T>::get(netuid), n),
            trust: compact_n::<u16>(&[], n),
            rank: compact_n(&Incentive::<T>::get(netuid), n),
            block_at_registration: (0..n).map(|uid| Compact(BlockAtRegistration::<T>::get(netuid, uid))).collect(),
            alpha_stake: alpha.iter().map(|a| Compact(*a)).collect(),
            tao_stake: tao.iter().map(|t| Compact(*t)).collect(),
            total_stake: hotkeys.iter().map(|h| Compact(Self::raw_stake(h, netuid))).collect(),
            emission_history: Self::added_netuids()
                .into_iter()
                .map(|other| {
                    hotkeys.iter().map(|h| Compact(AlphaDividendsPerSubnet::<T>::get(other, h))).collect()
                })
                .collect(),
            hotkeys,
        })
    }

    /// `SubnetInfoRuntimeApi::get_subnet_hyperparams_v3`: the 33 entries upstream returns.
    pub fn get_subnet_hyperparams_v3(netuid: NetUid) -> Option<Vec<HyperparamEntry>> {
        if !Self::if_subnet_exist(netuid) {
            return None;
        }
        let steepness = substrate_fixed::types::I32F32::from_num(AlphaSigmoidSteepness::<T>::get(netuid));
        use HyperparamValue as V;
        let tempo = Tempo::<T>::get(netuid);
        let (alpha_low, alpha_high) = AlphaValues::<T>::get(netuid);
        let entries: Vec<(&str, HyperparamValue)> = alloc::vec![
            ("kappa", V::U16(Compact(Kappa::<T>::get(netuid)))),
            ("immunity_period", V::U16(Compact(ImmunityPeriod::<T>::get(netuid)))),
            ("min_allowed_weights", V::U16(Compact(MinAllowedWeights::<T>::get(netuid)))),
            ("max_weights_limit", V::U16(Compact(MaxWeightsLimit::<T>::get(netuid)))),
            ("tempo", V::U16(Compact(tempo))),
            ("weights_version", V::U64(Compact(WeightsVersionKey::<T>::get(netuid)))),
            ("weights_rate_limit", V::U64(Compact(WeightsSetRateLimit::<T>::get(netuid)))),
            (
                "activity_cutoff",
                V::U64(Compact(tensorchain_yuma::epoch::activity_cutoff(ActivityCutoffFactorMilli::<T>::get(netuid), tempo))),
            ),
            ("activity_cutoff_factor", V::U32(Compact(ActivityCutoffFactorMilli::<T>::get(netuid)))),
            ("registration_allowed", V::Bool(NetworkRegistrationAllowed::<T>::get(netuid))),
            ("target_regs_per_interval", V::U16(Compact(TargetRegistrationsPerInterval::<T>::get(netuid)))),
            ("min_burn", V::TaoBalance(Compact(MinBurn::<T>::get(netuid)))),
            ("max_burn", V::TaoBalance(Compact(MaxBurn::<T>::get(netuid)))),
            ("burn_half_life", V::U16(Compact(BurnHalfLife::<T>::get(netuid)))),
            ("burn_increase_mult", V::U64F64(BurnIncreaseMult::<T>::get(netuid))),
            ("bonds_moving_avg", V::U64(Compact(BondsMovingAverage::<T>::get(netuid)))),
            ("max_regs_per_block", V::U16(Compact(MaxRegistrationsPerBlock::<T>::get(netuid)))),
            ("serving_rate_limit", V::U64(Compact(ServingRateLimit::<T>::get(netuid)))),
            ("max_validators", V::U16(Compact(MaxAllowedValidators::<T>::get(netuid)))),
            ("commit_reveal_period", V::U64(Compact(RevealPeriodEpochs::<T>::get(netuid)))),
            ("commit_reveal_weights_enabled", V::Bool(CommitRevealWeightsEnabled::<T>::get(netuid))),
            ("alpha_high", V::U16(Compact(alpha_high))),
            ("alpha_low", V::U16(Compact(alpha_low))),
            ("liquid_alpha_enabled", V::Bool(LiquidAlphaOn::<T>::get(netuid))),
            ("alpha_sigmoid_steepness", V::I32F32(steepness)),
            ("yuma_version", V::U16(Compact(if Yuma3On::<T>::get(netuid) { 3 } else { 2 }))),
            ("subnet_is_active", V::Bool(FirstEmissionBlockNumber::<T>::get(netuid).is_some())),
            ("transfers_enabled", V::Bool(TransferToggle::<T>::get(netuid))),
            ("bonds_reset_enabled", V::Bool(BondsResetOn::<T>::get(netuid))),
            ("user_liquidity_enabled", V::Bool(false)),
            ("owner_cut_enabled", V::Bool(OwnerCutEnabled::<T>::get(netuid))),
            ("owner_cut_auto_lock_enabled", V::Bool(OwnerCutAutoLockEnabled::<T>::get(netuid))),
            ("min_childkey_take", V::U16(Compact(Self::effective_min_childkey_take(netuid)))),
        ];
        Some(entries.into_iter().map(|(name, value)| HyperparamEntry { name: name.as_bytes().to_vec(), value }).collect())
    }

    /// `SubnetInfoRuntimeApi::get_next_epoch_start_block`: the block of the next automatic
    /// epoch, or a pending triggered one if sooner.
    pub fn get_next_epoch_start_block(netuid: NetUid) -> Option<u64> {
        if !Self::if_subnet_exist(netuid) {
            return None;
        }
        let tempo = u64::from(Tempo::<T>::get(netuid));
        if tempo == 0 {
            return None;
        }
        let next = LastEpochBlock::<T>::get(netuid).saturating_add(tempo);
        let pending = PendingEpochAt::<T>::get(netuid);
        Some(if pending > 0 { pending.min(next) } else { next })
    }

    /// `SubnetInfoRuntimeApi::get_subnet_to_prune`.
    pub fn get_subnet_to_prune() -> Option<NetUid> {
        Self::get_network_to_prune(Self::current_block())
    }

    fn stake_info(hotkey: &AccountId32, coldkey: &AccountId32, netuid: NetUid) -> StakeInfo {
        let stake = Self::alpha_stake(hotkey, coldkey, netuid);
        StakeInfo {
            hotkey: hotkey.clone(),
            coldkey: coldkey.clone(),
            netuid: Compact(netuid),
            stake: Compact(stake),
            locked: Compact(0),
            emission: Compact(AlphaDividendsPerSubnet::<T>::get(netuid, hotkey)),
            tao_emission: Compact(0),
            drain: Compact(0),
            is_registered: Uids::<T>::contains_key(netuid, hotkey),
        }
    }

    /// `StakeInfoRuntimeApi::get_stake_info_for_coldkey`: every position of the coldkey.
    pub fn get_stake_info_for_coldkey(coldkey: AccountId32) -> Vec<StakeInfo> {
        StakingHotkeys::<T>::get(&coldkey)
            .iter()
            .flat_map(|hotkey| {
                Self::staked_netuids(hotkey, &coldkey)
                    .into_iter()
                    .map(|netuid| Self::stake_info(hotkey, &coldkey, netuid))
                    .filter(|info| info.stake.0 > 0)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// `StakeInfoRuntimeApi::get_stake_info_for_hotkey_coldkey_netuid`: the position, zero if
    /// there is none (the SDK reads it before staking); `None` only for a missing subnet.
    pub fn get_stake_info_for_hotkey_coldkey_netuid(
        hotkey: AccountId32,
        coldkey: AccountId32,
        netuid: NetUid,
    ) -> Option<StakeInfo> {
        Self::if_subnet_exist(netuid).then(|| Self::stake_info(&hotkey, &coldkey, netuid))
    }

    /// `SwapRuntimeApi::current_alpha_price`: rao per alpha.
    pub fn current_alpha_price(netuid: NetUid) -> u64 {
        T::SwapInterface::current_price(netuid).saturating_mul_int(1_000_000_000u128).saturating_to_num::<u64>()
    }

    /// `SwapRuntimeApi::current_alpha_price_all`.
    pub fn current_alpha_price_all() -> Vec<SubnetPrice> {
        Self::added_netuids()
            .into_iter()
            .map(|netuid| SubnetPrice { netuid, price: Self::current_alpha_price(netuid) })
            .collect()
    }

    /// `SwapRuntimeApi::sim_swap_tao_for_alpha`: a stake of `tao` as it would execute now.
    pub fn sim_swap_tao_for_alpha(netuid: NetUid, tao: TaoBalance) -> SimSwapResult {
        let price = T::SwapInterface::current_price(netuid);
        match T::SwapInterface::sim_swap(netuid, Side::Buy, tao, u64::MAX, false) {
            Ok(r) => {
                let ideal = U64F64::from_num(r.amount_paid_in.saturating_sub(r.fee))
                    .checked_div(price)
                    .map(|x| x.saturating_to_num::<u64>())
                    .unwrap_or(0);
                SimSwapResult {
                    tao_amount: r.amount_paid_in,
                    alpha_amount: r.amount_out,
                    tao_fee: r.fee,
                    alpha_fee: 0,
                    tao_slippage: 0,
                    alpha_slippage: ideal.saturating_sub(r.amount_out),
                }
            },
            Err(_) => SimSwapResult::default(),
        }
    }

    /// `SwapRuntimeApi::sim_swap_alpha_for_tao`: an unstake of `alpha` as it would execute now.
    pub fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: AlphaBalance) -> SimSwapResult {
        let price = T::SwapInterface::current_price(netuid);
        match T::SwapInterface::sim_swap(netuid, Side::Sell, alpha, 0, false) {
            Ok(r) => {
                let ideal = price.saturating_mul(U64F64::from_num(r.amount_paid_in.saturating_sub(r.fee)));
                SimSwapResult {
                    tao_amount: r.amount_out,
                    alpha_amount: r.amount_paid_in,
                    tao_fee: 0,
                    alpha_fee: r.fee,
                    tao_slippage: ideal.saturating_to_num::<u64>().saturating_sub(r.amount_out),
                    alpha_slippage: 0,
                }
            },
            Err(_) => SimSwapResult::default(),
        }
    }
}
