//! The runtime APIs the Bittensor SDK and btcli call through `state_call` for their views
//! (`client-compat.md` §3): names, methods and argument order as upstream; the returned
//! structs are in `pallet_subtensor::rpc_info` and `pallet_subtensor::rpc_metagraph`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use pallet_subtensor::{
    rpc_info::{
        DynamicInfo, HyperparamEntry, LockState, NeuronInfo, NeuronInfoLite, SimSwapResult, StakeInfo,
        SubnetPrice, SubnetState,
    },
    rpc_metagraph::{
        DelegateInfo, DelegatedStake, Metagraph, SelectiveMetagraph, StakeAvailabilities, SubnetInfov2,
    },
    proxy_filters::{ProxyFilterInfo, ProxyTypeInfo},
    AlphaBalance, MechId, NetUid, TaoBalance, U64F64,
};
use sp_core::crypto::AccountId32;

sp_api::decl_runtime_apis! {
    pub trait NeuronInfoRuntimeApi {
        fn get_neurons(netuid: NetUid) -> Vec<NeuronInfo>;
        fn get_neuron(netuid: NetUid, uid: u16) -> Option<NeuronInfo>;
        fn get_neurons_lite(netuid: NetUid) -> Vec<NeuronInfoLite>;
        fn get_neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite>;
    }

    pub trait SubnetInfoRuntimeApi {
        fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo>;
        fn get_all_dynamic_info() -> Vec<Option<DynamicInfo>>;
        fn get_subnet_state(netuid: NetUid) -> Option<SubnetState>;
        fn get_subnet_hyperparams_v3(netuid: NetUid) -> Option<Vec<HyperparamEntry>>;
        fn get_next_epoch_start_block(netuid: NetUid) -> Option<u64>;
        fn get_subnet_to_prune() -> Option<NetUid>;
        fn get_metagraph(netuid: NetUid) -> Option<Metagraph>;
        fn get_mechagraph(netuid: NetUid, mecid: MechId) -> Option<Metagraph>;
        fn get_all_metagraphs() -> Vec<Option<Metagraph>>;
        fn get_all_mechagraphs() -> Vec<Option<Metagraph>>;
        fn get_selective_metagraph(netuid: NetUid, metagraph_indexes: Vec<u16>) -> Option<SelectiveMetagraph>;
        fn get_selective_mechagraph(
            netuid: NetUid,
            subid: MechId,
            metagraph_indexes: Vec<u16>,
        ) -> Option<SelectiveMetagraph>;
        fn get_subnet_info_v2(netuid: NetUid) -> Option<SubnetInfov2>;
        fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2>>;
        fn get_coldkey_auto_stake_hotkey(coldkey: AccountId32, netuid: NetUid) -> Option<AccountId32>;
    }

    pub trait DelegateInfoRuntimeApi {
        fn get_delegates() -> Vec<DelegateInfo>;
        fn get_delegate(delegate_account: AccountId32) -> Option<DelegateInfo>;
        fn get_delegated(delegatee_account: AccountId32) -> Vec<DelegatedStake>;
    }

    pub trait SubnetRegistrationRuntimeApi {
        fn get_network_registration_cost() -> TaoBalance;
    }

    pub trait StakeInfoRuntimeApi {
        fn get_stake_info_for_coldkey(coldkey_account: AccountId32) -> Vec<StakeInfo>;
        fn get_stake_info_for_coldkeys(coldkey_accounts: Vec<AccountId32>) -> Vec<(AccountId32, Vec<StakeInfo>)>;
        fn get_stake_info_for_hotkey_coldkey_netuid(
            hotkey_account: AccountId32,
            coldkey_account: AccountId32,
            netuid: NetUid,
        ) -> Option<StakeInfo>;
        fn get_coldkey_lock(coldkey: AccountId32, netuid: NetUid) -> Option<LockState>;
        fn get_hotkey_conviction(hotkey: AccountId32, netuid: NetUid) -> U64F64;
        fn get_most_convicted_hotkey_on_subnet(netuid: NetUid) -> Option<AccountId32>;
        fn get_stake_availability_for_coldkeys(
            coldkey_accounts: Vec<AccountId32>,
            netuids: Option<Vec<NetUid>>,
        ) -> StakeAvailabilities;
    }

    pub trait ProxyFilterRuntimeApi {
        fn get_proxy_types() -> Vec<ProxyTypeInfo>;
        fn get_proxy_filter(proxy_type: Option<u8>) -> Vec<ProxyFilterInfo>;
    }

    pub trait SwapRuntimeApi {
        fn current_alpha_price(netuid: NetUid) -> u64;
        fn current_alpha_price_all() -> Vec<SubnetPrice>;
        fn sim_swap_tao_for_alpha(netuid: NetUid, tao: TaoBalance) -> SimSwapResult;
        fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: AlphaBalance) -> SimSwapResult;
    }
}
