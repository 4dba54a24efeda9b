//! The node's JSON-RPC extensions on top of Substrate's standard methods: `system_*`
//! account nonces (`account_nextIndex`), fee queries (`payment_*`) and, on a sealing dev
//! chain, `engine_createBlock`/`engine_finalizeBlock`.

use futures::channel::mpsc;
use jsonrpsee::RpcModule;
use sc_consensus_manual_seal::{
    rpc::{ManualSeal, ManualSealApiServer},
    EngineCommand,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;
use tensorchain_runtime::{opaque::Block, AccountId, Balance, Hash, Nonce};

pub struct FullDeps<C, P> {
    pub client: Arc<C>,
    pub pool: Arc<P>,
    /// Where `engine_*` calls go; `None` when the chain is not sealed by the node itself.
    pub engine: Option<mpsc::Sender<EngineCommand<Hash>>>,
}

pub fn create_full<C, P>(
    deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + Send
        + Sync
        + 'static,
    C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
    C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
    C::Api: BlockBuilder<Block>,
    P: TransactionPool + 'static,
{
    use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
    use substrate_frame_rpc_system::{System, SystemApiServer};

    let mut module = RpcModule::new(());
    let FullDeps { client, pool, engine } = deps;

    module.merge(System::new(client.clone(), pool).into_rpc())?;
    module.merge(TransactionPayment::new(client).into_rpc())?;
    if let Some(engine) = engine {
        module.merge(ManualSeal::new(engine).into_rpc())?;
    }
    Ok(module)
}
