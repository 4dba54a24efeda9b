//! Chain specifications: the built-in `dev` and `local` chains come from the runtime's genesis
//! presets; any other id is read as a chain spec JSON file.

use sc_service::ChainType;
use tensorchain_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};

pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> sc_chain_spec::Properties {
    let mut properties = sc_chain_spec::Properties::new();
    properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
    properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
    properties.insert("ss58Format".into(), SS58_PREFIX.into());
    properties
}

fn wasm() -> Result<&'static [u8], String> {
    WASM_BINARY.ok_or_else(|| {
        "the runtime's wasm is not in this binary: rebuild without SKIP_WASM_BUILD".to_string()
    })
}

/// The dev chain with blocks every `block_millis`: the runtime's `dev` preset (250 ms), or that
/// preset with another block time, so that `Aura.SlotDuration` and the block timestamps agree
/// with the interval `--sealing` seals at.
pub fn development_chain_spec(block_millis: u64) -> Result<ChainSpec, String> {
    use tensorchain_runtime::genesis_config_presets as presets;
    let builder = ChainSpec::builder(wasm()?, None)
        .with_name("Tensorchain Development")
        .with_id("dev")
        .with_chain_type(ChainType::Development)
        .with_properties(properties());
    let builder = if block_millis == presets::FAST_BLOCK_MILLIS {
        builder.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
    } else {
        let genesis = presets::development_config_genesis_with_block_time(block_millis);
        builder.with_genesis_config_patch(serde_json::to_value(genesis).map_err(|e| e.to_string())?)
    };
    Ok(builder.build())
}

pub fn local_chain_spec() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm()?, None)
        .with_name("Tensorchain Local Testnet")
        .with_id("local_testnet")
        .with_chain_type(ChainType::Local)
        .with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}
