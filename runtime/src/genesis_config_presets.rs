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
/// The fast dev chain's block time, upstream's fast-runtime value: the clients treat
/// `Aura.SlotDuration == 250` as "fast blocks" and pick their test timings from it.
pub const FAST_BLOCK_MILLIS: u64 = 250;

/// `//Alice_hk`, root's owner hotkey on upstream's localnet (sr25519 public key; the runtime
/// cannot derive keys from a URI without `std`).
pub const ALICE_HK: [u8; 32] = [
    0x50, 0x6c, 0x5a, 0x28, 0xf5, 0x1e, 0x84, 0x1b, 0x4d, 0xf2, 0x6a, 0xce, 0x64, 0xa2, 0x3d, 0x69, 0x05, 0x7f, 0xef,
    0xda, 0x24, 0xbc, 0x9a, 0x53, 0xcb, 0x74, 0x19, 0x7f, 0x90, 0x1e, 0x71, 0x28,
];
/// `//Three`, funded on upstream's localnet (not in `sp-keyring`).
pub const THREE: [u8; 32] = [
    0x90, 0x26, 0x94, 0x1b, 0x7a, 0xa2, 0x32, 0x8a, 0x8c, 0x5e, 0xa4, 0xe2, 0x5b, 0xb7, 0x47, 0xa2, 0xbf, 0x92, 0xa0,
    0x66, 0xfa, 0xe0, 0xcc, 0x37, 0x22, 0xfa, 0xf5, 0x8c, 0xf4, 0x4d, 0x35, 0x02,
];

/// What differs between the production-valued chains and the fast dev chain.
struct Timing {
    slot_duration_millis: Option<u64>,
    new_subnet_tempo: Option<u16>,
    max_epochs_per_block: Option<u8>,
    network_rate_limit: Option<u64>,
    pending_childkey_cooldown: Option<u64>,
    tx_childkey_take_rate_limit: Option<u64>,
    coldkey_swap_announcement_delay: Option<u32>,
    coldkey_swap_reannouncement_delay: Option<u32>,
    hotkey_swap_on_subnet_interval: Option<u64>,
}

/// Production values: every item keeps its runtime default.
const PRODUCTION: Timing = Timing {
    slot_duration_millis: None,
    new_subnet_tempo: None,
    max_epochs_per_block: None,
    network_rate_limit: None,
    pending_childkey_cooldown: None,
    tx_childkey_take_rate_limit: None,
    coldkey_swap_announcement_delay: None,
    coldkey_swap_reannouncement_delay: None,
    hotkey_swap_on_subnet_interval: None,
};

/// Upstream's `fast-runtime` localnet values (`client-compat.md` §4.1), as genesis values.
const FAST: Timing = Timing {
    slot_duration_millis: Some(FAST_BLOCK_MILLIS),
    new_subnet_tempo: Some(10),
    max_epochs_per_block: Some(32),
    network_rate_limit: Some(0),
    pending_childkey_cooldown: Some(15),
    tx_childkey_take_rate_limit: Some(5),
    coldkey_swap_announcement_delay: Some(50),
    coldkey_swap_reannouncement_delay: Some(10),
    hotkey_swap_on_subnet_interval: Some(1),
};

fn genesis(
    authorities: Vec<(Sr25519Keyring, Ed25519Keyring)>,
    endowed: Vec<(AccountId, Balance)>,
    root: AccountId,
    timing: Timing,
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
        sudo: SudoConfig { key: Some(root.clone()) },
        // Upstream's localnet layout: root owned by the sudo key, netuid 1 with one neuron, so
        // the first subnet a user creates is netuid 2.
        subtensor_module: SubtensorModuleConfig {
            root: true,
            root_owner: Some((root, AccountId::new(ALICE_HK))),
            genesis_subnet: true,
            slot_duration_millis: timing.slot_duration_millis,
            new_subnet_tempo: timing.new_subnet_tempo,
            start_call_delay: Some(0),
            max_epochs_per_block: timing.max_epochs_per_block,
            network_rate_limit: timing.network_rate_limit,
            pending_childkey_cooldown: timing.pending_childkey_cooldown,
            tx_childkey_take_rate_limit: timing.tx_childkey_take_rate_limit,
            coldkey_swap_announcement_delay: timing.coldkey_swap_announcement_delay,
            coldkey_swap_reannouncement_delay: timing.coldkey_swap_reannouncement_delay,
            hotkey_swap_on_subnet_interval: timing.hotkey_swap_on_subnet_interval,
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
    accounts.push((AccountId::new(THREE), DEV_BALANCE));
    accounts
}

/// The fast dev chain: one authority (//One, as upstream's localnet authors with keys other
/// than the sudo key //Alice, so a client measuring Alice's fee sees it paid), 250 ms blocks,
/// fast-runtime values. `tensorchain --dev --sealing <ms>` changes only the block time.
pub fn development_config_genesis() -> RuntimeGenesisConfig {
    development_config_genesis_with_block_time(FAST_BLOCK_MILLIS)
}

/// The dev chain with another block time.
pub fn development_config_genesis_with_block_time(millis: u64) -> RuntimeGenesisConfig {
    genesis(
        vec![(Sr25519Keyring::One, Ed25519Keyring::One)],
        endowed_accounts(),
        Sr25519Keyring::Alice.to_account_id(),
        Timing { slot_duration_millis: Some(millis), ..FAST },
    )
}

/// Two authorities (Alice and Bob), Alice as sudo, production values (12 s blocks, tempo 360);
/// meant for a network of several nodes on one machine.
pub fn local_config_genesis() -> RuntimeGenesisConfig {
    genesis(
        vec![
            (Sr25519Keyring::Alice, Ed25519Keyring::Alice),
            (Sr25519Keyring::Bob, Ed25519Keyring::Bob),
        ],
        endowed_accounts(),
        Sr25519Keyring::Alice.to_account_id(),
        PRODUCTION,
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
