//! Benchmarks of every AdminUtils call. Owner-settable values are set by the subnet's owner,
//! whose path (origin, per-parameter rate limit, freeze window) is the longer one; root-only
//! values by root; the retired calls fail at once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;
use pallet_subtensor as st;
use substrate_fixed::types::{I96F32, U64F64};

fn owned_subnet<T: Config>() -> (u16, T::AccountId) {
    let owner: T::AccountId = account("owner", 0, 0);
    <T as st::Config>::Currency::set_balance(&owner, 1_000_000_000_000_000);
    st::NetworkRateLimit::<T>::put(0);
    st::NetworkLastLockBlock::<T>::put(0);
    let netuid = st::Pallet::<T>::do_register_network(owner.clone(), account("hotkey", 0, 0)).unwrap();
    st::AdminFreezeWindow::<T>::put(0);
    (netuid, owner)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn sudo_set_tx_rate_limit() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5);
    }

    #[benchmark]
    fn sudo_set_serving_rate_limit() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_weights_set_rate_limit() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_immunity_period() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 7);
    }

    #[benchmark]
    fn sudo_set_min_allowed_weights() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 1);
    }

    #[benchmark]
    fn sudo_set_max_allowed_uids() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 256);
    }

    #[benchmark]
    fn sudo_set_kappa() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_network_registration_allowed() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, true);
    }

    #[benchmark]
    fn sudo_set_min_burn() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 1_000_000);
    }

    #[benchmark]
    fn sudo_set_max_burn() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 10_000_000_000);
    }

    #[benchmark]
    fn sudo_set_max_allowed_validators() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 10);
    }

    #[benchmark]
    fn sudo_set_network_rate_limit() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5);
    }

    #[benchmark]
    fn sudo_set_tempo() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 720);
    }

    #[benchmark]
    fn sudo_set_network_min_lock_cost() {
        #[extrinsic_call]
        _(RawOrigin::Root, 1_000_000_000);
    }

    #[benchmark]
    fn sudo_set_subnet_limit() {
        #[extrinsic_call]
        _(RawOrigin::Root, 128);
    }

    #[benchmark]
    fn sudo_set_lock_reduction_interval() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5);
    }

    #[benchmark]
    fn sudo_set_commit_reveal_weights_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, false);
    }

    #[benchmark]
    fn sudo_set_admin_freeze_window() {
        #[extrinsic_call]
        _(RawOrigin::Root, 0);
    }

    #[benchmark]
    fn sudo_set_owner_hparam_rate_limit() {
        #[extrinsic_call]
        _(RawOrigin::Root, 2);
    }

    #[benchmark]
    fn sudo_set_start_call_delay() {
        #[extrinsic_call]
        _(RawOrigin::Root, 0);
    }

    #[benchmark]
    fn sudo_set_burn_half_life() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 36_100);
    }

    #[benchmark]
    fn sudo_set_burn_increase_mult() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, U64F64::from_num(2));
    }

    #[benchmark]
    fn sudo_set_subnet_emission_enabled() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, true);
    }

    #[benchmark]
    fn sudo_set_default_take() {
        #[extrinsic_call]
        _(RawOrigin::Root, 11_796);
    }

    #[benchmark]
    fn sudo_set_min_difficulty() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_max_difficulty() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_weights_version_key() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_adjustment_interval() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_adjustment_alpha() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_rho() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_activity_cutoff() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5_000);
    }

    #[benchmark]
    fn sudo_set_network_pow_registration_allowed() {
        let (netuid, _) = owned_subnet::<T>();
        #[block]
        {
            assert!(Pallet::<T>::sudo_set_network_pow_registration_allowed(RawOrigin::Root.into(), netuid, true).is_err());
        }
    }

    #[benchmark]
    fn sudo_set_target_registrations_per_interval() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_difficulty() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_bonds_moving_average() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_max_registrations_per_block() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_subnet_owner_cut() {
        #[extrinsic_call]
        _(RawOrigin::Root, 11_796);
    }

    #[benchmark]
    fn sudo_set_total_issuance() {
        #[block]
        {
            assert!(Pallet::<T>::sudo_set_total_issuance(RawOrigin::Root.into(), 5).is_err());
        }
    }

    #[benchmark]
    fn sudo_set_network_immunity_period() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5);
    }

    #[benchmark]
    fn sudo_set_rao_recycled() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_stake_threshold() {
        #[extrinsic_call]
        _(RawOrigin::Root, 0);
    }

    #[benchmark]
    fn sudo_set_nominator_min_required_stake() {
        // Raising the minimum sweeps every stake position: measure a sweep, not a no-op.
        let _ = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, 1_000_000);
    }

    #[benchmark]
    fn sudo_set_tx_delegate_take_rate_limit() {
        #[extrinsic_call]
        _(RawOrigin::Root, 5);
    }

    #[benchmark]
    fn sudo_set_min_delegate_take() {
        #[extrinsic_call]
        _(RawOrigin::Root, 0);
    }

    #[benchmark]
    fn sudo_set_liquid_alpha_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, true);
    }

    #[benchmark]
    fn sudo_set_alpha_values() {
        let (netuid, owner) = owned_subnet::<T>();
        pallet_subtensor::LiquidAlphaOn::<T>::insert(netuid, true);
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 26_001, 54_099);
    }

    #[benchmark]
    fn sudo_set_commit_reveal_weights_interval() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 3);
    }

    #[benchmark]
    fn sudo_set_bonds_penalty() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_toggle_transfer() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, false);
    }

    #[benchmark]
    fn sudo_set_subnet_moving_alpha() {
        #[extrinsic_call]
        _(RawOrigin::Root, I96F32::from_bits(1 << 31));
    }

    #[benchmark]
    fn sudo_set_subnet_owner_hotkey() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, account("new_hotkey", 0, 0));
    }

    #[benchmark]
    fn sudo_set_ema_price_halving_period() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_subtoken_enabled() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, true);
    }

    #[benchmark]
    fn sudo_set_sn_owner_hotkey() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, account("new_hotkey", 0, 0));
    }

    #[benchmark]
    fn sudo_set_alpha_sigmoid_steepness() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 5);
    }

    #[benchmark]
    fn sudo_set_yuma3_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, false);
    }

    #[benchmark]
    fn sudo_set_bonds_reset_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, true);
    }

    #[benchmark]
    fn sudo_set_commit_reveal_version() {
        #[extrinsic_call]
        _(RawOrigin::Root, 4);
    }

    #[benchmark]
    fn sudo_set_owner_immune_neuron_limit() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 3);
    }

    #[benchmark]
    fn sudo_set_ck_burn() {
        #[extrinsic_call]
        _(RawOrigin::Root, 0);
    }

    #[benchmark]
    fn sudo_set_mechanism_count() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 2);
    }

    #[benchmark]
    fn sudo_set_mechanism_emission_split() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, Some(vec![u16::MAX]));
    }

    #[benchmark]
    fn sudo_set_min_allowed_uids() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 1);
    }

    #[benchmark]
    fn sudo_set_recycle_or_burn() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, st::RecycleOrBurnEnum::Recycle);
    }

    #[benchmark]
    fn sudo_set_min_non_immune_uids() {
        let (netuid, _) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Root, netuid, 5);
    }

    #[benchmark]
    fn sudo_set_max_mechanism_count() {
        #[extrinsic_call]
        _(RawOrigin::Root, 2);
    }

    #[benchmark]
    fn sudo_set_owner_cut_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, false);
    }

    #[benchmark]
    fn sudo_set_min_childkey_take_per_subnet() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, 100);
    }

    #[benchmark]
    fn sudo_set_owner_cut_auto_lock_enabled() {
        let (netuid, owner) = owned_subnet::<T>();
        #[extrinsic_call]
        _(RawOrigin::Signed(owner), netuid, true);
    }

    #[benchmark]
    fn sudo_set_max_epochs_per_block() {
        #[extrinsic_call]
        _(RawOrigin::Root, 2);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
