//! The node's services: a full node running Aura + GRANDPA, and a development node that seals
//! and finalizes its own blocks.

use crate::{
    sealing::{self, Sealing},
    shield::{ShieldInherent, ShieldKeys, ShieldedPool},
};
use futures::{channel::mpsc, FutureExt, StreamExt};
use sc_client_api::{Backend, BlockBackend};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool};
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};
use std::{sync::Arc, time::Duration};
use tensorchain_runtime::{apis::RuntimeApi, opaque::Block};

pub(crate) type FullClient = sc_service::TFullClient<
    Block,
    RuntimeApi,
    sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type GrandpaBlockImport =
    sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;

/// GRANDPA justifications are kept for every block that is a multiple of this, so that
/// syncing nodes can prove finality.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

pub type Service = sc_service::PartialComponents<
    FullClient,
    FullBackend,
    FullSelectChain,
    sc_consensus::DefaultImportQueue<Block>,
    sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
    (
        GrandpaBlockImport,
        sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
        Option<Telemetry>,
    ),
>;

/// Whether `config`'s chain is sealed by the node (a development chain) rather than by Aura.
/// Subcommands that import blocks need to know which import queue verifies them.
pub fn is_sealed_chain(config: &Configuration) -> bool {
    config.chain_spec.chain_type() == sc_service::ChainType::Development
}

/// The parts shared by every way of running the node and by the block subcommands.
/// `sealed` selects the import queue: sealed dev blocks carry no Aura signature.
pub fn new_partial(config: &Configuration, sealed: bool) -> Result<Service, ServiceError> {
    let telemetry = config
        .telemetry_endpoints
        .clone()
        .filter(|x| !x.is_empty())
        .map(|endpoints| -> Result<_, sc_telemetry::Error> {
            let worker = TelemetryWorker::new(16)?;
            let telemetry = worker.handle().new_telemetry(endpoints);
            Ok((worker, telemetry))
        })
        .transpose()?;

    let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
    let (client, backend, keystore_container, task_manager) =
        sc_service::new_full_parts::<Block, RuntimeApi, _>(
            config,
            telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
            executor,
            Vec::new(),
        )?;
    let client = Arc::new(client);

    let telemetry = telemetry.map(|(worker, telemetry)| {
        task_manager.spawn_handle().spawn("telemetry", None, worker.run());
        telemetry
    });

    let select_chain = sc_consensus::LongestChain::new(backend.clone());

    let transaction_pool = Arc::from(
        sc_transaction_pool::Builder::new(
            task_manager.spawn_essential_handle(),
            client.clone(),
            config.role.is_authority().into(),
        )
        .with_options(config.transaction_pool.clone())
        .with_prometheus(config.prometheus_registry())
        .build(),
    );

    let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
        client.clone(),
        GRANDPA_JUSTIFICATION_PERIOD,
        &client,
        select_chain.clone(),
        telemetry.as_ref().map(|x| x.handle()),
    )?;

    let import_queue = if sealed {
        sc_consensus_manual_seal::import_queue(
            Box::new(client.clone()),
            &task_manager.spawn_essential_handle(),
            config.prometheus_registry(),
        )
    } else {
        let cidp_client = client.clone();
        sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
            block_import: grandpa_block_import.clone(),
            justification_import: Some(Box::new(grandpa_block_import.clone())),
            client: client.clone(),
            create_inherent_data_providers: move |parent_hash, _| {
                let cidp_client = cidp_client.clone();
                async move {
                    let slot_duration = sc_consensus_aura::standalone::slot_duration_at::<AuraId, _, _>(
                        &*cidp_client,
                        parent_hash,
                    )?;
                    let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
                    let slot =
                        sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
                            *timestamp,
                            slot_duration,
                        );
                    Ok((slot, timestamp))
                }
            },
            spawner: &task_manager.spawn_essential_handle(),
            registry: config.prometheus_registry(),
            check_for_equivocation: Default::default(),
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            compatibility_mode: Default::default(),
        })?
    };

    Ok(sc_service::PartialComponents {
        client,
        backend,
        task_manager,
        import_queue,
        keystore_container,
        select_chain,
        transaction_pool,
        other: (grandpa_block_import, grandpa_link, telemetry),
    })
}

/// Spawns offchain workers when enabled: shared by both services.
fn spawn_offchain_workers(
    config: &Configuration,
    task_manager: &TaskManager,
    client: &Arc<FullClient>,
    backend: &Arc<FullBackend>,
    keystore: sp_keystore::KeystorePtr,
    transaction_pool: Arc<sc_transaction_pool::TransactionPoolHandle<Block, FullClient>>,
    network: Arc<dyn sc_network::service::traits::NetworkService>,
    drand_endpoints: Option<Vec<String>>,
) -> Result<(), ServiceError> {
    if !config.offchain_worker.enabled {
        return Ok(());
    }
    configure_drand(config, backend, &keystore, drand_endpoints)?;
    let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
        runtime_api_provider: client.clone(),
        is_validator: config.role.is_authority(),
        keystore: Some(keystore),
        offchain_db: backend.offchain_storage(),
        transaction_pool: Some(OffchainTransactionPoolFactory::new(transaction_pool)),
        network_provider: Arc::new(network),
        enable_http_requests: true,
        custom_extensions: |_| vec![],
    })?;
    task_manager.spawn_handle().spawn(
        "offchain-workers-runner",
        "offchain-worker",
        offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
    );
    Ok(())
}

/// Tells the Drand pallet's offchain worker where to fetch pulses (offchain storage, read on
/// every run) and gives an authority the `drnd` key its pulse submissions are signed with.
fn configure_drand(
    config: &Configuration,
    backend: &Arc<FullBackend>,
    keystore: &sp_keystore::KeystorePtr,
    endpoints: Option<Vec<String>>,
) -> Result<(), ServiceError> {
    use codec::Encode;
    use sp_core::offchain::OffchainStorage;

    if let Some(mut storage) = backend.offchain_storage() {
        let prefix = sp_core::offchain::STORAGE_PREFIX;
        match endpoints {
            Some(list) => {
                let list: Vec<Vec<u8>> =
                    list.into_iter().map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()).map(String::into_bytes).collect();
                if list.is_empty() {
                    log::info!("🎲 Drand pulses: fetching disabled (--drand-endpoints is empty)");
                }
                storage.set(prefix, pallet_drand::ENDPOINTS_STORAGE_KEY, &list.encode());
            },
            None => storage.remove(prefix, pallet_drand::ENDPOINTS_STORAGE_KEY),
        }
    }
    if config.role.is_authority() && keystore.sr25519_public_keys(pallet_drand::KEY_TYPE).is_empty() {
        keystore
            .sr25519_generate_new(pallet_drand::KEY_TYPE, None)
            .map_err(|e| ServiceError::Other(format!("cannot create the drand key: {e}")))?;
    }
    Ok(())
}

/// A full node of a real network: Aura authoring (when a validator) and a GRANDPA voter.
pub fn new_full<N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>>(
    config: Configuration,
    drand_endpoints: Option<Vec<String>>,
) -> Result<TaskManager, ServiceError> {
    let sc_service::PartialComponents {
        client,
        backend,
        mut task_manager,
        import_queue,
        keystore_container,
        select_chain,
        transaction_pool,
        other: (block_import, grandpa_link, mut telemetry),
    } = new_partial(&config, false)?;

    let mut net_config = sc_network::config::FullNetworkConfiguration::<
        Block,
        <Block as sp_runtime::traits::Block>::Hash,
        N,
    >::new(&config.network, config.prometheus_registry().cloned());
    let metrics = N::register_notification_metrics(config.prometheus_registry());

    let peer_store_handle = net_config.peer_store_handle();
    let genesis_hash = client
        .block_hash(0)
        .ok()
        .flatten()
        .ok_or_else(|| ServiceError::Other("the genesis block is missing".into()))?;
    let grandpa_protocol_name =
        sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
    let (grandpa_protocol_config, grandpa_notification_service) =
        sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
            grandpa_protocol_name.clone(),
            metrics.clone(),
            peer_store_handle,
        );
    net_config.add_notification_protocol(grandpa_protocol_config);

    let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
        backend.clone(),
        grandpa_link.shared_authority_set().clone(),
        Vec::default(),
    ));

    let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
        sc_service::build_network(sc_service::BuildNetworkParams {
            config: &config,
            net_config,
            client: client.clone(),
            transaction_pool: transaction_pool.clone(),
            spawn_handle: task_manager.spawn_handle(),
            spawn_essential_handle: task_manager.spawn_essential_handle(),
            import_queue,
            block_announce_validator_builder: None,
            warp_sync_config: Some(WarpSyncConfig::WithProvider(warp_sync)),
            block_relay: None,
            metrics,
            gap_sync_body_policy: None,
        })?;

    spawn_offchain_workers(
        &config,
        &task_manager,
        &client,
        &backend,
        keystore_container.keystore(),
        transaction_pool.clone(),
        network.clone(),
        drand_endpoints.clone(),
    )?;

    let role = config.role;
    let shield_keys = if role.is_authority() { Some(shield_keys(&config)?) } else { None };
    let force_authoring = config.force_authoring;
    let name = config.network.node_name.clone();
    let enable_grandpa = !config.disable_grandpa;
    let prometheus_registry = config.prometheus_registry().cloned();

    let rpc_extensions_builder = {
        let client = client.clone();
        let pool = transaction_pool.clone();
        Box::new(move |_| {
            let deps =
                crate::rpc::FullDeps { client: client.clone(), pool: pool.clone(), engine: None };
            crate::rpc::create_full(deps).map_err(Into::into)
        })
    };

    sc_service::spawn_tasks(sc_service::SpawnTasksParams {
        network: network.clone(),
        client: client.clone(),
        keystore: keystore_container.keystore(),
        task_manager: &mut task_manager,
        transaction_pool: transaction_pool.clone(),
        rpc_builder: rpc_extensions_builder,
        backend,
        system_rpc_tx,
        tx_handler_controller,
        sync_service: sync_service.clone(),
        config,
        telemetry: telemetry.as_mut(),
        tracing_execute_block: None,
    })?;

    if role.is_authority() {
        let shield_keys = shield_keys
            .ok_or_else(|| ServiceError::Other("an authority needs its MEV shield key".into()))?;
        let proposer_factory = sc_basic_authorship::ProposerFactory::new(
            task_manager.spawn_handle(),
            client.clone(),
            Arc::new(ShieldedPool::new(transaction_pool.clone(), shield_keys.clone())),
            prometheus_registry.as_ref(),
            telemetry.as_ref().map(|x| x.handle()),
        );

        let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*client)?;

        let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
            StartAuraParams {
                slot_duration,
                client,
                select_chain,
                block_import,
                proposer_factory,
                create_inherent_data_providers: move |_, ()| {
                    let shield = ShieldInherent(Some(shield_keys.clone()));
                    async move {
                        let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
                        let slot =
                            sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
                                *timestamp,
                                slot_duration,
                            );
                        Ok((slot, timestamp, shield))
                    }
                },
                force_authoring,
                backoff_authoring_blocks: Option::<()>::None,
                keystore: keystore_container.keystore(),
                sync_oracle: sync_service.clone(),
                justification_sync_link: sync_service.clone(),
                block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
                max_block_proposal_slot_portion: None,
                telemetry: telemetry.as_ref().map(|x| x.handle()),
                compatibility_mode: Default::default(),
            },
        )?;

        // Authoring is essential: if it fails, the node stops rather than idling silently.
        task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
    }

    if enable_grandpa {
        // Only an authority votes; other full nodes still follow finality through the
        // voter, which gives better availability of vote data than the observer.
        let keystore = if role.is_authority() { Some(keystore_container.keystore()) } else { None };

        let grandpa_config = sc_consensus_grandpa::Config {
            gossip_duration: Duration::from_millis(333),
            justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
            name: Some(name),
            observer_enabled: false,
            keystore,
            local_role: role,
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            protocol_name: grandpa_protocol_name,
        };

        let grandpa_params = sc_consensus_grandpa::GrandpaParams {
            config: grandpa_config,
            link: grandpa_link,
            network,
            sync: Arc::new(sync_service),
            notification_service: grandpa_notification_service,
            voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
            prometheus_registry,
            shared_voter_state: SharedVoterState::empty(),
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
        };

        task_manager.spawn_essential_handle().spawn_blocking(
            "grandpa-voter",
            None,
            sc_consensus_grandpa::run_grandpa_voter(grandpa_params)?,
        );
    }

    Ok(task_manager)
}

/// A single development node that seals and finalizes its own blocks on the schedule given by
/// `mode`. Blocks carry an Aura pre-digest and a wall-clock, slot-aligned timestamp (see
/// `sealed_block_timestamp`), so the runtime's Aura and timestamp checks hold in every mode.
pub fn new_dev(
    config: Configuration,
    mode: Sealing,
    drand_endpoints: Option<Vec<String>>,
) -> Result<TaskManager, ServiceError> {
    let sc_service::PartialComponents {
        client,
        backend,
        mut task_manager,
        import_queue,
        keystore_container,
        select_chain,
        transaction_pool,
        other: (_grandpa_block_import, _grandpa_link, mut telemetry),
    } = new_partial(&config, true)?;

    log::info!("🔨 Sealing blocks {mode}; each sealed block is finalized at once");

    // A dev node needs no peers but still serves the standard network-backed RPCs.
    let net_config = sc_network::config::FullNetworkConfiguration::<
        Block,
        <Block as sp_runtime::traits::Block>::Hash,
        sc_network::Litep2pNetworkBackend,
    >::new(&config.network, config.prometheus_registry().cloned());
    let metrics = <sc_network::Litep2pNetworkBackend as sc_network::NetworkBackend<
        Block,
        <Block as sp_runtime::traits::Block>::Hash,
    >>::register_notification_metrics(config.prometheus_registry());

    let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
        sc_service::build_network(sc_service::BuildNetworkParams {
            config: &config,
            net_config,
            client: client.clone(),
            transaction_pool: transaction_pool.clone(),
            spawn_handle: task_manager.spawn_handle(),
            spawn_essential_handle: task_manager.spawn_essential_handle(),
            import_queue,
            block_announce_validator_builder: None,
            warp_sync_config: None,
            block_relay: None,
            metrics,
            gap_sync_body_policy: None,
        })?;

    spawn_offchain_workers(
        &config,
        &task_manager,
        &client,
        &backend,
        keystore_container.keystore(),
        transaction_pool.clone(),
        network.clone(),
        drand_endpoints.clone(),
    )?;

    let prometheus_registry = config.prometheus_registry().cloned();
    let shield_keys = shield_keys(&config)?;
    let (engine_sink, engine_commands) = mpsc::channel(1024);

    let rpc_extensions_builder = {
        let client = client.clone();
        let pool = transaction_pool.clone();
        Box::new(move |_| {
            let deps = crate::rpc::FullDeps {
                client: client.clone(),
                pool: pool.clone(),
                engine: Some(engine_sink.clone()),
            };
            crate::rpc::create_full(deps).map_err(Into::into)
        })
    };

    sc_service::spawn_tasks(sc_service::SpawnTasksParams {
        network,
        client: client.clone(),
        keystore: keystore_container.keystore(),
        task_manager: &mut task_manager,
        transaction_pool: transaction_pool.clone(),
        rpc_builder: rpc_extensions_builder,
        backend,
        system_rpc_tx,
        tx_handler_controller,
        sync_service,
        config,
        telemetry: telemetry.as_mut(),
        tracing_execute_block: None,
    })?;

    let proposer_factory = sc_basic_authorship::ProposerFactory::new(
        task_manager.spawn_handle(),
        client.clone(),
        Arc::new(ShieldedPool::new(transaction_pool.clone(), shield_keys.clone())),
        prometheus_registry.as_ref(),
        telemetry.as_ref().map(|x| x.handle()),
    );

    let pool_imports = transaction_pool.import_notification_stream().map(|_| ());
    let commands_stream = sealing::command_stream(mode, engine_commands, pool_imports);

    let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*client)?;
    let cidp_client = client.clone();
    let sealer = sc_consensus_manual_seal::run_manual_seal(sc_consensus_manual_seal::ManualSealParams {
        block_import: client.clone(),
        env: proposer_factory,
        client: client.clone(),
        pool: transaction_pool,
        commands_stream,
        select_chain,
        consensus_data_provider: Some(Box::new(
            sc_consensus_manual_seal::consensus::aura::AuraConsensusDataProvider::new_with_slot_duration(
                slot_duration,
            ),
        )),
        create_inherent_data_providers: move |parent, ()| {
            let client = cidp_client.clone();
            let shield = ShieldInherent(Some(shield_keys.clone()));
            async move {
                let timestamp = sealed_block_timestamp(&*client, parent, slot_duration)?;
                Ok((sp_timestamp::InherentDataProvider::new(timestamp.into()), shield))
            }
        },
    });

    task_manager.spawn_essential_handle().spawn_blocking("manual-seal", None, sealer);
    Ok(task_manager)
}

/// This node's MEV shield key pair, kept beside its other keys.
fn shield_keys(config: &Configuration) -> Result<Arc<ShieldKeys>, ServiceError> {
    let keys = match config.keystore.path() {
        Some(dir) => ShieldKeys::load_or_create(dir)
            .map_err(|e| ServiceError::Other(format!("the MEV shield key in {}: {e}", dir.display())))?,
        None => ShieldKeys::generate(),
    };
    Ok(Arc::new(keys))
}

/// The timestamp of a sealed dev block built on `parent`: the start of the current wall-clock
/// slot, or one slot after the parent's if blocks come faster than slots (instant sealing,
/// bursts of `engine_createBlock`). Aura needs the slot to grow and the timestamp pallet at
/// least half a slot between blocks; with the slot equal to the sealing interval, block times
/// track the wall clock.
fn sealed_block_timestamp(
    client: &FullClient,
    parent: <Block as sp_runtime::traits::Block>::Hash,
    slot_duration: sp_consensus_aura::SlotDuration,
) -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
    use sp_runtime::traits::Header as _;

    let millis = slot_duration.as_millis();
    if millis == 0 {
        return Err("the runtime's Aura slot duration is zero".into());
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?;
    let now_slot = u64::try_from(now.as_millis())? / millis;
    let header = client
        .header(parent)?
        .ok_or_else(|| format!("parent block {parent} is not in the database"))?;
    if header.number() == &0 {
        return Ok(now_slot.saturating_mul(millis));
    }
    let parent_slot: u64 = *sc_consensus_aura::find_pre_digest::<
        Block,
        sp_consensus_aura::sr25519::AuthoritySignature,
    >(&header)
    .map_err(|e| format!("parent block {parent} has no Aura slot: {e}"))?;
    Ok(now_slot.max(parent_slot.saturating_add(1)).saturating_mul(millis))
}
