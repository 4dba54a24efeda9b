//! Runtime APIs served to the node and, through `state_call`, to clients.

use crate::{
    opaque::SessionKeys, AccountId, Aura, Balance, Block, Executive,
    Grandpa, InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, System,
    TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
    genesis_builder_helper::{build_state, get_preset},
    weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
    traits::{Block as BlockT, NumberFor},
    transaction_validity::{TransactionSource, TransactionValidity},
    ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;
use pallet_subtensor::{
    rpc_info::{
        DynamicInfo, HyperparamEntry, LockState, NeuronInfo, NeuronInfoLite, SimSwapResult, StakeInfo,
        SubnetPrice, SubnetState,
    },
    rpc_metagraph::{
        DelegateInfo, DelegatedStake, Metagraph, SelectiveMetagraph, StakeAvailabilities, SubnetInfov2,
    },
    AlphaBalance, MechId, NetUid, TaoBalance, U64F64,
};
use crate::SubtensorModule;

impl_runtime_apis! {
    impl subtensor_runtime_api::NeuronInfoRuntimeApi<Block> for Runtime {
        fn get_neurons(netuid: NetUid) -> Vec<NeuronInfo> {
            SubtensorModule::get_neurons(netuid)
        }
        fn get_neuron(netuid: NetUid, uid: u16) -> Option<NeuronInfo> {
            SubtensorModule::get_neuron(netuid, uid)
        }
        fn get_neurons_lite(netuid: NetUid) -> Vec<NeuronInfoLite> {
            SubtensorModule::get_neurons_lite(netuid)
        }
        fn get_neuron_lite(netuid: NetUid, uid: u16) -> Option<NeuronInfoLite> {
            SubtensorModule::get_neuron_lite(netuid, uid)
        }
    }

    impl subtensor_runtime_api::ProxyFilterRuntimeApi<Block> for Runtime {
        fn get_proxy_types() -> Vec<pallet_subtensor::proxy_filters::ProxyTypeInfo> {
            crate::proxy_filters::proxy_types()
        }
        fn get_proxy_filter(proxy_type: Option<u8>) -> Vec<pallet_subtensor::proxy_filters::ProxyFilterInfo> {
            crate::proxy_filters::proxy_filters(proxy_type)
        }
    }

    impl subtensor_runtime_api::SubnetInfoRuntimeApi<Block> for Runtime {
        fn get_dynamic_info(netuid: NetUid) -> Option<DynamicInfo> {
            SubtensorModule::get_dynamic_info(netuid)
        }
        fn get_all_dynamic_info() -> Vec<Option<DynamicInfo>> {
            SubtensorModule::get_all_dynamic_info()
        }
        fn get_subnet_state(netuid: NetUid) -> Option<SubnetState> {
            SubtensorModule::get_subnet_state(netuid)
        }
        fn get_subnet_hyperparams_v3(netuid: NetUid) -> Option<Vec<HyperparamEntry>> {
            SubtensorModule::get_subnet_hyperparams_v3(netuid)
        }
        fn get_next_epoch_start_block(netuid: NetUid) -> Option<u64> {
            SubtensorModule::get_next_epoch_start_block(netuid)
        }
        fn get_subnet_to_prune() -> Option<NetUid> {
            SubtensorModule::get_subnet_to_prune()
        }
        fn get_metagraph(netuid: NetUid) -> Option<Metagraph> {
            SubtensorModule::get_metagraph(netuid)
        }
        fn get_mechagraph(netuid: NetUid, mecid: MechId) -> Option<Metagraph> {
            SubtensorModule::get_mechagraph(netuid, mecid)
        }
        fn get_all_metagraphs() -> Vec<Option<Metagraph>> {
            SubtensorModule::get_all_metagraphs()
        }
        fn get_all_mechagraphs() -> Vec<Option<Metagraph>> {
            SubtensorModule::get_all_mechagraphs()
        }
        fn get_selective_metagraph(netuid: NetUid, metagraph_indexes: Vec<u16>) -> Option<SelectiveMetagraph> {
            SubtensorModule::get_selective_metagraph(netuid, metagraph_indexes)
        }
        fn get_selective_mechagraph(
            netuid: NetUid,
            subid: MechId,
            metagraph_indexes: Vec<u16>,
        ) -> Option<SelectiveMetagraph> {
            SubtensorModule::get_selective_mechagraph(netuid, subid, metagraph_indexes)
        }
        fn get_subnet_info_v2(netuid: NetUid) -> Option<SubnetInfov2> {
            SubtensorModule::get_subnet_info_v2(netuid)
        }
        fn get_subnets_info_v2() -> Vec<Option<SubnetInfov2>> {
            SubtensorModule::get_subnets_info_v2()
        }
        fn get_coldkey_auto_stake_hotkey(coldkey: AccountId, netuid: NetUid) -> Option<AccountId> {
            pallet_subtensor::AutoStakeDestination::<Runtime>::get(coldkey, netuid)
        }
    }

    impl subtensor_runtime_api::DelegateInfoRuntimeApi<Block> for Runtime {
        fn get_delegates() -> Vec<DelegateInfo> {
            SubtensorModule::get_delegates()
        }
        fn get_delegate(delegate_account: AccountId) -> Option<DelegateInfo> {
            SubtensorModule::get_delegate(delegate_account)
        }
        fn get_delegated(delegatee_account: AccountId) -> Vec<DelegatedStake> {
            SubtensorModule::get_delegated(delegatee_account)
        }
    }

    impl subtensor_runtime_api::SubnetRegistrationRuntimeApi<Block> for Runtime {
        fn get_network_registration_cost() -> TaoBalance {
            SubtensorModule::get_network_lock_cost()
        }
    }

    impl subtensor_runtime_api::StakeInfoRuntimeApi<Block> for Runtime {
        fn get_stake_info_for_coldkey(coldkey_account: AccountId) -> Vec<StakeInfo> {
            SubtensorModule::get_stake_info_for_coldkey(coldkey_account)
        }
        fn get_stake_info_for_coldkeys(coldkey_accounts: Vec<AccountId>) -> Vec<(AccountId, Vec<StakeInfo>)> {
            coldkey_accounts
                .into_iter()
                .map(|c| (c.clone(), SubtensorModule::get_stake_info_for_coldkey(c)))
                .collect()
        }
        fn get_stake_info_for_hotkey_coldkey_netuid(
            hotkey_account: AccountId,
            coldkey_account: AccountId,
            netuid: NetUid,
        ) -> Option<StakeInfo> {
            SubtensorModule::get_stake_info_for_hotkey_coldkey_netuid(hotkey_account, coldkey_account, netuid)
        }
        fn get_coldkey_lock(coldkey: AccountId, netuid: NetUid) -> Option<LockState> {
            SubtensorModule::coldkey_lock_view(&coldkey, netuid)
        }
        fn get_hotkey_conviction(hotkey: AccountId, netuid: NetUid) -> U64F64 {
            SubtensorModule::hotkey_conviction(&hotkey, netuid)
        }
        fn get_most_convicted_hotkey_on_subnet(netuid: NetUid) -> Option<AccountId> {
            SubtensorModule::most_convicted_hotkey(netuid)
        }
        fn get_stake_availability_for_coldkeys(
            coldkey_accounts: Vec<AccountId>,
            netuids: Option<Vec<NetUid>>,
        ) -> StakeAvailabilities {
            SubtensorModule::get_stake_availability_for_coldkeys(coldkey_accounts, netuids)
        }
    }

    impl subtensor_runtime_api::SwapRuntimeApi<Block> for Runtime {
        fn current_alpha_price(netuid: NetUid) -> u64 {
            SubtensorModule::current_alpha_price(netuid)
        }
        fn current_alpha_price_all() -> Vec<SubnetPrice> {
            SubtensorModule::current_alpha_price_all()
        }
        fn sim_swap_tao_for_alpha(netuid: NetUid, tao: TaoBalance) -> SimSwapResult {
            SubtensorModule::sim_swap_tao_for_alpha(netuid, tao)
        }
        fn sim_swap_alpha_for_tao(netuid: NetUid, alpha: AlphaBalance) -> SimSwapResult {
            SubtensorModule::sim_swap_alpha_for_tao(netuid, alpha)
        }
    }

    impl sp_api::Core<Block> for Runtime {
        fn version() -> RuntimeVersion {
            VERSION
        }

        fn execute_block(block: <Block as BlockT>::LazyBlock) {
            Executive::execute_block(block);
        }

        fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
            Executive::initialize_block(header)
        }
    }

    impl sp_api::Metadata<Block> for Runtime {
        fn metadata() -> OpaqueMetadata {
            OpaqueMetadata::new(Runtime::metadata().into())
        }

        fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
            let metadata = Runtime::metadata_at_version(version)?;
            Some(if version == 15 {
                OpaqueMetadata::new(crate::metadata::account_id_first(metadata.to_vec()))
            } else {
                metadata
            })
        }

        fn metadata_versions() -> Vec<u32> {
            Runtime::metadata_versions()
        }
    }

    impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
        fn execute_view_function(
            id: frame_support::view_functions::ViewFunctionId,
            input: Vec<u8>,
        ) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
            Runtime::execute_view_function(id, input)
        }
    }

    impl sp_block_builder::BlockBuilder<Block> for Runtime {
        fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
            Executive::apply_extrinsic(extrinsic)
        }

        fn finalize_block() -> <Block as BlockT>::Header {
            Executive::finalize_block()
        }

        fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
            data.create_extrinsics()
        }

        fn check_inherents(
            block: <Block as BlockT>::LazyBlock,
            data: sp_inherents::InherentData,
        ) -> sp_inherents::CheckInherentsResult {
            data.check_extrinsics(&block)
        }
    }

    impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
        fn validate_transaction(
            source: TransactionSource,
            tx: <Block as BlockT>::Extrinsic,
            block_hash: <Block as BlockT>::Hash,
        ) -> TransactionValidity {
            Executive::validate_transaction(source, tx, block_hash)
        }
    }

    impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
        fn offchain_worker(header: &<Block as BlockT>::Header) {
            Executive::offchain_worker(header)
        }
    }

    impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
        fn slot_duration() -> sp_consensus_aura::SlotDuration {
            sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
        }

        fn authorities() -> Vec<AuraId> {
            pallet_aura::Authorities::<Runtime>::get().into_inner()
        }
    }

    impl sp_session::SessionKeys<Block> for Runtime {
        fn generate_session_keys(
            owner: Vec<u8>,
            seed: Option<Vec<u8>>,
        ) -> sp_session::OpaqueGeneratedSessionKeys {
            SessionKeys::generate(&owner, seed).into()
        }

        fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
            SessionKeys::decode_into_raw_public_keys(&encoded)
        }
    }

    impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
        fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
            Grandpa::grandpa_authorities()
        }

        fn current_set_id() -> sp_consensus_grandpa::SetId {
            Grandpa::current_set_id()
        }

        fn submit_report_equivocation_unsigned_extrinsic(
            _equivocation_proof: sp_consensus_grandpa::EquivocationProof<
                <Block as BlockT>::Hash,
                NumberFor<Block>,
            >,
            _key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
        ) -> Option<()> {
            // Equivocation reporting needs a session/offences pallet; this chain has neither.
            None
        }

        fn generate_key_ownership_proof(
            _set_id: sp_consensus_grandpa::SetId,
            _authority_id: sp_consensus_grandpa::AuthorityId,
        ) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
            None
        }
    }

    impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
        fn account_nonce(account: AccountId) -> Nonce {
            System::account_nonce(account)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
        fn query_info(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_info(uxt, len)
        }

        fn query_fee_details(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_fee_details(uxt, len)
        }

        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }

        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
        for Runtime
    {
        fn query_call_info(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_call_info(call, len)
        }

        fn query_call_fee_details(
            call: RuntimeCall,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_call_fee_details(call, len)
        }

        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }

        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
        fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
            build_state::<RuntimeGenesisConfig>(config)
        }

        fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
            get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
        }

        fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
            crate::genesis_config_presets::preset_names()
        }
    }

    #[cfg(feature = "runtime-benchmarks")]
    impl frame_benchmarking::Benchmark<Block> for Runtime {
        fn benchmark_metadata(extra: bool) -> (
            Vec<frame_benchmarking::BenchmarkList>,
            Vec<frame_support::traits::StorageInfo>,
        ) {
            use frame_benchmarking::{baseline, BenchmarkList};
            use frame_support::traits::StorageInfoTrait;
            use frame_system_benchmarking::Pallet as SystemBench;
            use baseline::Pallet as BaselineBench;
            use crate::*;

            let mut list = Vec::<BenchmarkList>::new();
            list_benchmarks!(list, extra);
            let storage_info = crate::AllPalletsWithSystem::storage_info();
            (list, storage_info)
        }

        #[allow(non_local_definitions)]
        fn dispatch_benchmark(
            config: frame_benchmarking::BenchmarkConfig
        ) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
            use frame_benchmarking::{baseline, BenchmarkBatch};
            use frame_support::traits::TrackedStorageKey;
            use frame_system_benchmarking::Pallet as SystemBench;
            use baseline::Pallet as BaselineBench;
            use frame_support::traits::WhitelistedStorageKeys;
            use crate::*;

            impl frame_system_benchmarking::Config for Runtime {}
            impl baseline::Config for Runtime {}

            let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
            let mut batches = Vec::<BenchmarkBatch>::new();
            let params = (&config, &whitelist);
            add_benchmarks!(params, batches);
            Ok(batches)
        }
    }

    #[cfg(feature = "try-runtime")]
    impl frame_try_runtime::TryRuntime<Block> for Runtime {
        fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
            let weight = Executive::try_runtime_upgrade(checks)
                .map_err(|e| alloc::format!("{e:?}"))
                .unwrap_or_default();
            (weight, crate::configs::RuntimeBlockWeights::get().max_block)
        }

        fn execute_block(
            block: <Block as BlockT>::LazyBlock,
            state_root_check: bool,
            signature_check: bool,
            select: frame_try_runtime::TryStateSelect,
        ) -> Weight {
            Executive::try_execute_block(block, state_root_check, signature_check, select)
                .unwrap_or_default()
        }
    }
}
