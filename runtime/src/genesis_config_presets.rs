//! Genesis presets served through `sp-genesis-builder`: `dev` and `local`.
//!
//! `build-spec --chain dev|local` turns these into chain specs, which may be edited and
//! started with `--chain path.json`.

use crate::{
    AccountId, AuraConfig, Balance, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig,
    SubtensorModuleConfig, SudoConfig, TAO,
};
use alloc::{vec, vec::Vec};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The well-known accounts that the Bittensor test suites fund generously.
pub const RICH_BALANCE: Balance = 1_000_000 * TAO;
/// The other well-known development accounts.
pub const DEV_BALANCE: Balance = 2_000 * TAO;

fn genesis(
    authorities: Vec<(Sr25519Keyring, Ed25519Keyring)>,
    endowed: Vec<(AccountId, Balance)>,
    root: AccountId,
) -> RuntimeGenesisConfig {
    RuntimeGenesisConfig {
        balances: BalancesConfig { balances: endowed, ..Default::default() },
        aura: AuraConfig {
            authorities: authorities.iter().map(|(aura, _)| AuraId::from(aura.public())).collect(),
        },
        grandpa: GrandpaConfig {
            authorities: authorities
                .iter()
                .map(|(_, grandpa)| (GrandpaId::from(grandpa.public()), 1))
                .collect(),
            ..Default::default()
        },
        sudo: SudoConfig { key: Some(root) },
        // Root exists from genesis; on these test chains subnets may be created back to back.
        subtensor_module: SubtensorModuleConfig {
            root: true,
            network_rate_limit: Some(0),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn endowed_accounts() -> Vec<(AccountId, Balance)> {
    use Sr25519Keyring::*;
    let mut accounts: Vec<(AccountId, Balance)> =
        [Alice, Bob, Charlie].iter().map(|k| (k.to_account_id(), RICH_BALANCE)).collect();
    accounts.extend(
        [Dave, Eve, Ferdie, One, Two].iter().map(|k| (k.to_account_id(), DEV_BALANCE)),
    );
    accounts
}

/// One authority (Alice), who is also the sudo key.
pub fn development_config_genesis() -> RuntimeGenesisConfig {
    genesis(
        vec![(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
        endowed_accounts(),
        Sr25519Keyring::Alice.to_account_id(),
    )
}

/// Two authorities (Alice and Bob), Alice as sudo; meant for a network of several nodes on one
/// machine.
pub fn local_config_genesis() -> RuntimeGenesisConfig {
    genesis(
        vec![
            (Sr25519Keyring::Alice, Ed25519Keyring::Alice),
            (Sr25519Keyring::Bob, Ed25519Keyring::Bob),
        ],
        endowed_accounts(),
        Sr25519Keyring::Alice.to_account_id(),
    )
}

/// The JSON of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let config = match id.as_ref() {
        sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
        sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
        _ => return None,
    };
    serde_json::to_string(&config).ok().map(|json| json.into_bytes())
}

pub fn preset_names() -> Vec<PresetId> {
    vec![
        PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
        PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
    ]
}
