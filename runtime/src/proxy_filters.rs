//! `ProxyFilterRuntimeApi` (`staking-2.md` §7.2): each proxy type's filter described for the
//! clients, in upstream's declaration order. It describes `ProxyType::filter`
//! (`configs.rs`); `tests.rs` checks the two agree.

use crate::{configs::ProxyType, AdminUtils, Balances, Runtime, SubtensorModule, Sudo, System};
use alloc::{vec, vec::Vec};
use frame_support::traits::{GetCallIndex, GetCallName, PalletInfoAccess};
use pallet_subtensor::proxy_filters::{CallCondition, CallInfo, FilterMode, ProxyFilterInfo, ProxyTypeInfo};

/// Every variant, by SCALE index.
pub const PROXY_TYPES: [(ProxyType, &str, bool); 18] = [
    (ProxyType::Any, "Any", false),
    (ProxyType::Owner, "Owner", false),
    (ProxyType::NonCritical, "NonCritical", false),
    (ProxyType::NonTransfer, "NonTransfer", false),
    (ProxyType::Senate, "Senate", true),
    (ProxyType::NonFungible, "NonFungible", false),
    (ProxyType::Triumvirate, "Triumvirate", true),
    (ProxyType::Governance, "Governance", true),
    (ProxyType::Staking, "Staking", false),
    (ProxyType::Registration, "Registration", false),
    (ProxyType::Transfer, "Transfer", false),
    (ProxyType::SmallTransfer, "SmallTransfer", false),
    (ProxyType::RootWeights, "RootWeights", true),
    (ProxyType::ChildKeys, "ChildKeys", false),
    (ProxyType::SudoUncheckedSetCode, "SudoUncheckedSetCode", false),
    (ProxyType::SwapHotkey, "SwapHotkey", false),
    (ProxyType::SubnetLeaseBeneficiary, "SubnetLeaseBeneficiary", false),
    (ProxyType::RootClaim, "RootClaim", false),
];

/// Upstream's order of the filter declarations, which `get_proxy_filter` keeps.
const FILTER_ORDER: [ProxyType; 18] = [
    ProxyType::Any,
    ProxyType::NonTransfer,
    ProxyType::NonFungible,
    ProxyType::Transfer,
    ProxyType::SmallTransfer,
    ProxyType::Owner,
    ProxyType::NonCritical,
    ProxyType::Triumvirate,
    ProxyType::Senate,
    ProxyType::Governance,
    ProxyType::Staking,
    ProxyType::Registration,
    ProxyType::RootWeights,
    ProxyType::ChildKeys,
    ProxyType::SudoUncheckedSetCode,
    ProxyType::SwapHotkey,
    ProxyType::SubnetLeaseBeneficiary,
    ProxyType::RootClaim,
];

fn index_of(t: ProxyType) -> u8 {
    PROXY_TYPES.iter().position(|(p, _, _)| *p == t).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

fn pallet<P: PalletInfoAccess>() -> CallInfo {
    CallInfo {
        pallet_name: P::name().as_bytes().to_vec(),
        pallet_index: u8::try_from(P::index()).unwrap_or(u8::MAX),
        call_name: None,
        call_index: None,
        condition: None,
    }
}

/// A named call of pallet `P` whose call enum is `C`; its index read from the call enum, so a
/// renamed or missing call shows as `call_index: None` (a test checks there is none).
fn call<P: PalletInfoAccess, C: GetCallName + GetCallIndex>(name: &str) -> CallInfo {
    let index = C::get_call_names()
        .iter()
        .position(|n| *n == name)
        .and_then(|i| C::get_call_indices().get(i).copied());
    CallInfo { call_name: Some(name.as_bytes().to_vec()), call_index: index, ..pallet::<P>() }
}

fn subtensor(names: &[&str]) -> Vec<CallInfo> {
    names.iter().map(|n| call::<SubtensorModule, pallet_subtensor::Call<Runtime>>(n)).collect()
}

fn admin(names: &[&str]) -> Vec<CallInfo> {
    names.iter().map(|n| call::<AdminUtils, pallet_admin_utils::Call<Runtime>>(n)).collect()
}

fn balances(names: &[&str]) -> Vec<CallInfo> {
    names.iter().map(|n| call::<Balances, pallet_balances::Call<Runtime>>(n)).collect()
}

fn less_than(mut info: CallInfo, param: &str) -> CallInfo {
    info.condition = Some(CallCondition::ParamLessThan {
        param_name: param.as_bytes().to_vec(),
        limit: u128::from(crate::configs::SMALL_TRANSFER_LIMIT),
    });
    info
}

/// The calls a filter names: allowed (`Allow`) or denied (`Deny`), and its exceptions.
fn describe(t: ProxyType) -> (FilterMode, Vec<CallInfo>, Vec<CallInfo>) {
    use FilterMode::*;
    match t {
        ProxyType::Any => (AllowAll, vec![], vec![]),
        ProxyType::Senate | ProxyType::Triumvirate | ProxyType::Governance | ProxyType::RootWeights => {
            (DenyAll, vec![], vec![])
        },
        ProxyType::Owner => {
            let mut calls = vec![pallet::<AdminUtils>()];
            calls.extend(subtensor(&["set_subnet_identity", "update_symbol"]));
            (Allow, calls, admin(&["sudo_set_sn_owner_hotkey", "sudo_set_subnet_owner_hotkey"]))
        },
        ProxyType::NonCritical => {
            let mut calls = subtensor(&[
                "dissolve_network",
                "root_register",
                "burned_register",
                "announce_coldkey_swap",
                "swap_coldkey_announced",
                "clear_coldkey_swap_announcement",
                "dispute_coldkey_swap",
            ]);
            calls.push(pallet::<Sudo>());
            (Deny, calls, vec![])
        },
        ProxyType::NonTransfer => {
            let mut calls = vec![pallet::<Balances>()];
            calls.extend(subtensor(&[
                "transfer_stake",
                "schedule_swap_coldkey",
                "swap_coldkey",
                "announce_coldkey_swap",
                "swap_coldkey_announced",
                "clear_coldkey_swap_announcement",
                "dispute_coldkey_swap",
            ]));
            (Deny, calls, vec![])
        },
        ProxyType::NonFungible => {
            let mut calls = vec![pallet::<Balances>()];
            calls.extend(subtensor(&[
                "add_stake",
                "add_stake_limit",
                "remove_stake",
                "remove_stake_limit",
                "remove_stake_full_limit",
                "unstake_all",
                "unstake_all_alpha",
                "swap_stake",
                "swap_stake_limit",
                "move_stake",
                "transfer_stake",
                "burned_register",
                "root_register",
                "schedule_swap_coldkey",
                "swap_coldkey",
                "announce_coldkey_swap",
                "swap_coldkey_announced",
                "clear_coldkey_swap_announcement",
                "dispute_coldkey_swap",
                "swap_hotkey",
                "swap_hotkey_v2",
            ]));
            (Deny, calls, vec![])
        },
        ProxyType::Staking => (
            Allow,
            subtensor(&[
                "add_stake",
                "remove_stake",
                "unstake_all",
                "unstake_all_alpha",
                "swap_stake",
                "swap_stake_limit",
                "move_stake",
                "add_stake_limit",
                "remove_stake_limit",
                "remove_stake_full_limit",
                "set_root_claim_type",
            ]),
            vec![],
        ),
        ProxyType::Registration => (Allow, subtensor(&["burned_register", "register", "register_limit"]), vec![]),
        ProxyType::Transfer => {
            let mut calls = balances(&["transfer_keep_alive", "transfer_allow_death", "transfer_all"]);
            calls.extend(subtensor(&["transfer_stake"]));
            (Allow, calls, vec![])
        },
        ProxyType::SmallTransfer => {
            let mut calls: Vec<CallInfo> =
                balances(&["transfer_keep_alive", "transfer_allow_death"]).into_iter().map(|c| less_than(c, "value")).collect();
            calls.extend(subtensor(&["transfer_stake"]).into_iter().map(|c| less_than(c, "alpha_amount")));
            (Allow, calls, vec![])
        },
        ProxyType::ChildKeys => (Allow, subtensor(&["set_children", "set_childkey_take"]), vec![]),
        ProxyType::SwapHotkey => (Allow, subtensor(&["swap_hotkey", "swap_hotkey_v2"]), vec![]),
        ProxyType::SudoUncheckedSetCode => {
            let mut info = call::<Sudo, pallet_sudo::Call<Runtime>>("sudo_unchecked_weight");
            let set_code = call::<System, frame_system::Call<Runtime>>("set_code");
            info.condition = Some(CallCondition::NestedCallMustBe {
                pallet_name: set_code.pallet_name,
                call_name: set_code.call_name.unwrap_or_default(),
            });
            (Allow, vec![info], vec![])
        },
        ProxyType::SubnetLeaseBeneficiary => {
            let mut calls = subtensor(&["start_call"]);
            calls.extend(admin(&[
                "sudo_set_serving_rate_limit",
                "sudo_set_min_difficulty",
                "sudo_set_max_difficulty",
                "sudo_set_weights_version_key",
                "sudo_set_adjustment_alpha",
                "sudo_set_immunity_period",
                "sudo_set_min_allowed_weights",
                "sudo_set_kappa",
                "sudo_set_rho",
                "sudo_set_activity_cutoff",
                "sudo_set_network_registration_allowed",
                "sudo_set_network_pow_registration_allowed",
                "sudo_set_max_burn",
                "sudo_set_bonds_moving_average",
                "sudo_set_bonds_penalty",
                "sudo_set_commit_reveal_weights_enabled",
                "sudo_set_liquid_alpha_enabled",
                "sudo_set_alpha_values",
                "sudo_set_commit_reveal_weights_interval",
                "sudo_set_toggle_transfer",
                "sudo_set_subnet_emission_enabled",
                "sudo_set_min_childkey_take_per_subnet",
            ]));
            (Allow, calls, vec![])
        },
        ProxyType::RootClaim => (Allow, subtensor(&["claim_root"]), vec![]),
    }
}

pub fn proxy_types() -> Vec<ProxyTypeInfo> {
    PROXY_TYPES
        .iter()
        .map(|(t, name, deprecated)| ProxyTypeInfo { name: name.as_bytes().to_vec(), index: index_of(*t), deprecated: *deprecated })
        .collect()
}

pub fn proxy_filters(only: Option<u8>) -> Vec<ProxyFilterInfo> {
    FILTER_ORDER
        .iter()
        .filter(|t| only.is_none_or(|i| index_of(**t) == i))
        .map(|t| {
            let (name, deprecated) = PROXY_TYPES
                .iter()
                .find(|(p, _, _)| p == t)
                .map(|(_, n, d)| (n.as_bytes().to_vec(), *d))
                .unwrap_or_default();
            let (filter_mode, calls, exceptions) = describe(*t);
            ProxyFilterInfo { proxy_type: index_of(*t), name, deprecated, filter_mode, calls, exceptions }
        })
        .collect()
}
