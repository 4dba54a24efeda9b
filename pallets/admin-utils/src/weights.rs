//! Weights for AdminUtils' calls.
//!
//! Estimates (compute base plus the storage each call reads and writes) for the mock runtime;
//! the runtime charges the generated `runtime/src/weights/pallet_admin_utils.rs`
//! (`scripts/benchmark-weights.sh`). Setting the burn half-life finds its decay
//! factor by binary search, which is why it costs more.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

pub trait WeightInfo {
    fn sudo_set_tx_rate_limit() -> Weight;
    fn sudo_set_serving_rate_limit() -> Weight;
    fn sudo_set_weights_set_rate_limit() -> Weight;
    fn sudo_set_immunity_period() -> Weight;
    fn sudo_set_min_allowed_weights() -> Weight;
    fn sudo_set_max_allowed_uids() -> Weight;
    fn sudo_set_kappa() -> Weight;
    fn sudo_set_network_registration_allowed() -> Weight;
    fn sudo_set_min_burn() -> Weight;
    fn sudo_set_max_burn() -> Weight;
    fn sudo_set_max_allowed_validators() -> Weight;
    fn sudo_set_network_rate_limit() -> Weight;
    fn sudo_set_tempo() -> Weight;
    fn sudo_set_network_min_lock_cost() -> Weight;
    fn sudo_set_subnet_limit() -> Weight;
    fn sudo_set_lock_reduction_interval() -> Weight;
    fn sudo_set_commit_reveal_weights_enabled() -> Weight;
    fn sudo_set_admin_freeze_window() -> Weight;
    fn sudo_set_owner_hparam_rate_limit() -> Weight;
    fn sudo_set_start_call_delay() -> Weight;
    fn sudo_set_burn_half_life() -> Weight;
    fn sudo_set_burn_increase_mult() -> Weight;
    fn sudo_set_subnet_emission_enabled() -> Weight;
    fn sudo_set_default_take() -> Weight;
    fn sudo_set_min_difficulty() -> Weight;
    fn sudo_set_max_difficulty() -> Weight;
    fn sudo_set_weights_version_key() -> Weight;
    fn sudo_set_adjustment_interval() -> Weight;
    fn sudo_set_adjustment_alpha() -> Weight;
    fn sudo_set_rho() -> Weight;
    fn sudo_set_activity_cutoff() -> Weight;
    fn sudo_set_network_pow_registration_allowed() -> Weight;
    fn sudo_set_target_registrations_per_interval() -> Weight;
    fn sudo_set_difficulty() -> Weight;
    fn sudo_set_bonds_moving_average() -> Weight;
    fn sudo_set_max_registrations_per_block() -> Weight;
    fn sudo_set_subnet_owner_cut() -> Weight;
    fn sudo_set_total_issuance() -> Weight;
    fn sudo_set_network_immunity_period() -> Weight;
    fn sudo_set_rao_recycled() -> Weight;
    fn sudo_set_stake_threshold() -> Weight;
    fn sudo_set_nominator_min_required_stake() -> Weight;
    fn sudo_set_tx_delegate_take_rate_limit() -> Weight;
    fn sudo_set_min_delegate_take() -> Weight;
    fn sudo_set_liquid_alpha_enabled() -> Weight;
    fn sudo_set_alpha_values() -> Weight;
    fn sudo_set_commit_reveal_weights_interval() -> Weight;
    fn sudo_set_bonds_penalty() -> Weight;
    fn sudo_set_toggle_transfer() -> Weight;
    fn sudo_set_subnet_moving_alpha() -> Weight;
    fn sudo_set_subnet_owner_hotkey() -> Weight;
    fn sudo_set_ema_price_halving_period() -> Weight;
    fn sudo_set_subtoken_enabled() -> Weight;
    fn sudo_set_sn_owner_hotkey() -> Weight;
    fn sudo_set_alpha_sigmoid_steepness() -> Weight;
    fn sudo_set_yuma3_enabled() -> Weight;
    fn sudo_set_bonds_reset_enabled() -> Weight;
    fn sudo_set_commit_reveal_version() -> Weight;
    fn sudo_set_owner_immune_neuron_limit() -> Weight;
    fn sudo_set_ck_burn() -> Weight;
    fn sudo_set_mechanism_count() -> Weight;
    fn sudo_set_mechanism_emission_split() -> Weight;
    fn sudo_set_min_allowed_uids() -> Weight;
    fn sudo_set_recycle_or_burn() -> Weight;
    fn sudo_set_min_non_immune_uids() -> Weight;
    fn sudo_set_max_mechanism_count() -> Weight;
    fn sudo_set_owner_cut_enabled() -> Weight;
    fn sudo_set_min_childkey_take_per_subnet() -> Weight;
    fn sudo_set_owner_cut_auto_lock_enabled() -> Weight;
    fn sudo_set_max_epochs_per_block() -> Weight;
}

fn estimate<W: Get<frame_support::weights::RuntimeDbWeight>>(name: &str) -> Weight {
    let db = W::get();
    match name {
        "sudo_set_burn_half_life" => Weight::from_parts(60_000_000, 4_000).saturating_add(db.reads_writes(8, 3)),
        _ => Weight::from_parts(20_000_000, 4_000).saturating_add(db.reads_writes(8, 2)),
    }
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
    fn sudo_set_tx_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_tx_rate_limit")
    }
    fn sudo_set_serving_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_serving_rate_limit")
    }
    fn sudo_set_weights_set_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_weights_set_rate_limit")
    }
    fn sudo_set_immunity_period() -> Weight {
        estimate::<T::DbWeight>("sudo_set_immunity_period")
    }
    fn sudo_set_min_allowed_weights() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_allowed_weights")
    }
    fn sudo_set_max_allowed_uids() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_allowed_uids")
    }
    fn sudo_set_kappa() -> Weight {
        estimate::<T::DbWeight>("sudo_set_kappa")
    }
    fn sudo_set_network_registration_allowed() -> Weight {
        estimate::<T::DbWeight>("sudo_set_network_registration_allowed")
    }
    fn sudo_set_min_burn() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_burn")
    }
    fn sudo_set_max_burn() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_burn")
    }
    fn sudo_set_max_allowed_validators() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_allowed_validators")
    }
    fn sudo_set_network_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_network_rate_limit")
    }
    fn sudo_set_tempo() -> Weight {
        estimate::<T::DbWeight>("sudo_set_tempo")
    }
    fn sudo_set_network_min_lock_cost() -> Weight {
        estimate::<T::DbWeight>("sudo_set_network_min_lock_cost")
    }
    fn sudo_set_subnet_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subnet_limit")
    }
    fn sudo_set_lock_reduction_interval() -> Weight {
        estimate::<T::DbWeight>("sudo_set_lock_reduction_interval")
    }
    fn sudo_set_commit_reveal_weights_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_commit_reveal_weights_enabled")
    }
    fn sudo_set_admin_freeze_window() -> Weight {
        estimate::<T::DbWeight>("sudo_set_admin_freeze_window")
    }
    fn sudo_set_owner_hparam_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_owner_hparam_rate_limit")
    }
    fn sudo_set_start_call_delay() -> Weight {
        estimate::<T::DbWeight>("sudo_set_start_call_delay")
    }
    fn sudo_set_burn_half_life() -> Weight {
        estimate::<T::DbWeight>("sudo_set_burn_half_life")
    }
    fn sudo_set_burn_increase_mult() -> Weight {
        estimate::<T::DbWeight>("sudo_set_burn_increase_mult")
    }
    fn sudo_set_subnet_emission_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subnet_emission_enabled")
    }
    fn sudo_set_default_take() -> Weight {
        estimate::<T::DbWeight>("sudo_set_default_take")
    }
    fn sudo_set_min_difficulty() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_difficulty")
    }
    fn sudo_set_max_difficulty() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_difficulty")
    }
    fn sudo_set_weights_version_key() -> Weight {
        estimate::<T::DbWeight>("sudo_set_weights_version_key")
    }
    fn sudo_set_adjustment_interval() -> Weight {
        estimate::<T::DbWeight>("sudo_set_adjustment_interval")
    }
    fn sudo_set_adjustment_alpha() -> Weight {
        estimate::<T::DbWeight>("sudo_set_adjustment_alpha")
    }
    fn sudo_set_rho() -> Weight {
        estimate::<T::DbWeight>("sudo_set_rho")
    }
    fn sudo_set_activity_cutoff() -> Weight {
        estimate::<T::DbWeight>("sudo_set_activity_cutoff")
    }
    fn sudo_set_network_pow_registration_allowed() -> Weight {
        estimate::<T::DbWeight>("sudo_set_network_pow_registration_allowed")
    }
    fn sudo_set_target_registrations_per_interval() -> Weight {
        estimate::<T::DbWeight>("sudo_set_target_registrations_per_interval")
    }
    fn sudo_set_difficulty() -> Weight {
        estimate::<T::DbWeight>("sudo_set_difficulty")
    }
    fn sudo_set_bonds_moving_average() -> Weight {
        estimate::<T::DbWeight>("sudo_set_bonds_moving_average")
    }
    fn sudo_set_max_registrations_per_block() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_registrations_per_block")
    }
    fn sudo_set_subnet_owner_cut() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subnet_owner_cut")
    }
    fn sudo_set_total_issuance() -> Weight {
        estimate::<T::DbWeight>("sudo_set_total_issuance")
    }
    fn sudo_set_network_immunity_period() -> Weight {
        estimate::<T::DbWeight>("sudo_set_network_immunity_period")
    }
    fn sudo_set_rao_recycled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_rao_recycled")
    }
    fn sudo_set_stake_threshold() -> Weight {
        estimate::<T::DbWeight>("sudo_set_stake_threshold")
    }
    fn sudo_set_nominator_min_required_stake() -> Weight {
        estimate::<T::DbWeight>("sudo_set_nominator_min_required_stake")
    }
    fn sudo_set_tx_delegate_take_rate_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_tx_delegate_take_rate_limit")
    }
    fn sudo_set_min_delegate_take() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_delegate_take")
    }
    fn sudo_set_liquid_alpha_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_liquid_alpha_enabled")
    }
    fn sudo_set_alpha_values() -> Weight {
        estimate::<T::DbWeight>("sudo_set_alpha_values")
    }
    fn sudo_set_commit_reveal_weights_interval() -> Weight {
        estimate::<T::DbWeight>("sudo_set_commit_reveal_weights_interval")
    }
    fn sudo_set_bonds_penalty() -> Weight {
        estimate::<T::DbWeight>("sudo_set_bonds_penalty")
    }
    fn sudo_set_toggle_transfer() -> Weight {
        estimate::<T::DbWeight>("sudo_set_toggle_transfer")
    }
    fn sudo_set_subnet_moving_alpha() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subnet_moving_alpha")
    }
    fn sudo_set_subnet_owner_hotkey() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subnet_owner_hotkey")
    }
    fn sudo_set_ema_price_halving_period() -> Weight {
        estimate::<T::DbWeight>("sudo_set_ema_price_halving_period")
    }
    fn sudo_set_subtoken_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_subtoken_enabled")
    }
    fn sudo_set_sn_owner_hotkey() -> Weight {
        estimate::<T::DbWeight>("sudo_set_sn_owner_hotkey")
    }
    fn sudo_set_alpha_sigmoid_steepness() -> Weight {
        estimate::<T::DbWeight>("sudo_set_alpha_sigmoid_steepness")
    }
    fn sudo_set_yuma3_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_yuma3_enabled")
    }
    fn sudo_set_bonds_reset_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_bonds_reset_enabled")
    }
    fn sudo_set_commit_reveal_version() -> Weight {
        estimate::<T::DbWeight>("sudo_set_commit_reveal_version")
    }
    fn sudo_set_owner_immune_neuron_limit() -> Weight {
        estimate::<T::DbWeight>("sudo_set_owner_immune_neuron_limit")
    }
    fn sudo_set_ck_burn() -> Weight {
        estimate::<T::DbWeight>("sudo_set_ck_burn")
    }
    fn sudo_set_mechanism_count() -> Weight {
        estimate::<T::DbWeight>("sudo_set_mechanism_count")
    }
    fn sudo_set_mechanism_emission_split() -> Weight {
        estimate::<T::DbWeight>("sudo_set_mechanism_emission_split")
    }
    fn sudo_set_min_allowed_uids() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_allowed_uids")
    }
    fn sudo_set_recycle_or_burn() -> Weight {
        estimate::<T::DbWeight>("sudo_set_recycle_or_burn")
    }
    fn sudo_set_min_non_immune_uids() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_non_immune_uids")
    }
    fn sudo_set_max_mechanism_count() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_mechanism_count")
    }
    fn sudo_set_owner_cut_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_owner_cut_enabled")
    }
    fn sudo_set_min_childkey_take_per_subnet() -> Weight {
        estimate::<T::DbWeight>("sudo_set_min_childkey_take_per_subnet")
    }
    fn sudo_set_owner_cut_auto_lock_enabled() -> Weight {
        estimate::<T::DbWeight>("sudo_set_owner_cut_auto_lock_enabled")
    }
    fn sudo_set_max_epochs_per_block() -> Weight {
        estimate::<T::DbWeight>("sudo_set_max_epochs_per_block")
    }
}

impl WeightInfo for () {
    fn sudo_set_tx_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_tx_rate_limit")
    }
    fn sudo_set_serving_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_serving_rate_limit")
    }
    fn sudo_set_weights_set_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_weights_set_rate_limit")
    }
    fn sudo_set_immunity_period() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_immunity_period")
    }
    fn sudo_set_min_allowed_weights() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_allowed_weights")
    }
    fn sudo_set_max_allowed_uids() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_allowed_uids")
    }
    fn sudo_set_kappa() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_kappa")
    }
    fn sudo_set_network_registration_allowed() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_network_registration_allowed")
    }
    fn sudo_set_min_burn() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_burn")
    }
    fn sudo_set_max_burn() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_burn")
    }
    fn sudo_set_max_allowed_validators() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_allowed_validators")
    }
    fn sudo_set_network_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_network_rate_limit")
    }
    fn sudo_set_tempo() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_tempo")
    }
    fn sudo_set_network_min_lock_cost() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_network_min_lock_cost")
    }
    fn sudo_set_subnet_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subnet_limit")
    }
    fn sudo_set_lock_reduction_interval() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_lock_reduction_interval")
    }
    fn sudo_set_commit_reveal_weights_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_commit_reveal_weights_enabled")
    }
    fn sudo_set_admin_freeze_window() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_admin_freeze_window")
    }
    fn sudo_set_owner_hparam_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_owner_hparam_rate_limit")
    }
    fn sudo_set_start_call_delay() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_start_call_delay")
    }
    fn sudo_set_burn_half_life() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_burn_half_life")
    }
    fn sudo_set_burn_increase_mult() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_burn_increase_mult")
    }
    fn sudo_set_subnet_emission_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subnet_emission_enabled")
    }
    fn sudo_set_default_take() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_default_take")
    }
    fn sudo_set_min_difficulty() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_difficulty")
    }
    fn sudo_set_max_difficulty() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_difficulty")
    }
    fn sudo_set_weights_version_key() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_weights_version_key")
    }
    fn sudo_set_adjustment_interval() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_adjustment_interval")
    }
    fn sudo_set_adjustment_alpha() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_adjustment_alpha")
    }
    fn sudo_set_rho() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_rho")
    }
    fn sudo_set_activity_cutoff() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_activity_cutoff")
    }
    fn sudo_set_network_pow_registration_allowed() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_network_pow_registration_allowed")
    }
    fn sudo_set_target_registrations_per_interval() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_target_registrations_per_interval")
    }
    fn sudo_set_difficulty() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_difficulty")
    }
    fn sudo_set_bonds_moving_average() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_bonds_moving_average")
    }
    fn sudo_set_max_registrations_per_block() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_registrations_per_block")
    }
    fn sudo_set_subnet_owner_cut() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subnet_owner_cut")
    }
    fn sudo_set_total_issuance() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_total_issuance")
    }
    fn sudo_set_network_immunity_period() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_network_immunity_period")
    }
    fn sudo_set_rao_recycled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_rao_recycled")
    }
    fn sudo_set_stake_threshold() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_stake_threshold")
    }
    fn sudo_set_nominator_min_required_stake() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_nominator_min_required_stake")
    }
    fn sudo_set_tx_delegate_take_rate_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_tx_delegate_take_rate_limit")
    }
    fn sudo_set_min_delegate_take() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_delegate_take")
    }
    fn sudo_set_liquid_alpha_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_liquid_alpha_enabled")
    }
    fn sudo_set_alpha_values() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_alpha_values")
    }
    fn sudo_set_commit_reveal_weights_interval() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_commit_reveal_weights_interval")
    }
    fn sudo_set_bonds_penalty() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_bonds_penalty")
    }
    fn sudo_set_toggle_transfer() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_toggle_transfer")
    }
    fn sudo_set_subnet_moving_alpha() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subnet_moving_alpha")
    }
    fn sudo_set_subnet_owner_hotkey() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subnet_owner_hotkey")
    }
    fn sudo_set_ema_price_halving_period() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_ema_price_halving_period")
    }
    fn sudo_set_subtoken_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_subtoken_enabled")
    }
    fn sudo_set_sn_owner_hotkey() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_sn_owner_hotkey")
    }
    fn sudo_set_alpha_sigmoid_steepness() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_alpha_sigmoid_steepness")
    }
    fn sudo_set_yuma3_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_yuma3_enabled")
    }
    fn sudo_set_bonds_reset_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_bonds_reset_enabled")
    }
    fn sudo_set_commit_reveal_version() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_commit_reveal_version")
    }
    fn sudo_set_owner_immune_neuron_limit() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_owner_immune_neuron_limit")
    }
    fn sudo_set_ck_burn() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_ck_burn")
    }
    fn sudo_set_mechanism_count() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_mechanism_count")
    }
    fn sudo_set_mechanism_emission_split() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_mechanism_emission_split")
    }
    fn sudo_set_min_allowed_uids() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_allowed_uids")
    }
    fn sudo_set_recycle_or_burn() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_recycle_or_burn")
    }
    fn sudo_set_min_non_immune_uids() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_non_immune_uids")
    }
    fn sudo_set_max_mechanism_count() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_mechanism_count")
    }
    fn sudo_set_owner_cut_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_owner_cut_enabled")
    }
    fn sudo_set_min_childkey_take_per_subnet() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_min_childkey_take_per_subnet")
    }
    fn sudo_set_owner_cut_auto_lock_enabled() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_owner_cut_auto_lock_enabled")
    }
    fn sudo_set_max_epochs_per_block() -> Weight {
        estimate::<RocksDbWeight>("sudo_set_max_epochs_per_block")
    }
}
