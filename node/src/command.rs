//! Dispatch of the command line to the service or to a subcommand.

use crate::{
    chain_spec,
    cli::{Cli, Subcommand},
    sealing::Sealing,
    service,
};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
    fn impl_name() -> String {
        "Tensorchain Node".into()
    }

    fn impl_version() -> String {
        env!("SUBSTRATE_CLI_IMPL_VERSION").into()
    }

    fn description() -> String {
        env!("CARGO_PKG_DESCRIPTION").into()
    }

    fn author() -> String {
        env!("CARGO_PKG_AUTHORS").into()
    }

    fn support_url() -> String {
        "https://example.invalid/tensorchain/issues".into()
    }

    fn copyright_start_year() -> i32 {
        2026
    }

    fn executable_name() -> String {
        "tensorchain".into()
    }

    fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
        Ok(match id {
            "dev" => {
                // The dev chain's block time follows `--sealing <ms>`; the other modes seal on
                // demand and keep the fast 250 ms slot.
                let millis = match self.run.sealing {
                    Some(Sealing::Interval(ms)) => ms,
                    _ => tensorchain_runtime::genesis_config_presets::FAST_BLOCK_MILLIS,
                };
                Box::new(chain_spec::development_chain_spec(millis)?)
            },
            "" | "local" => Box::new(chain_spec::local_chain_spec()?),
            path => {
                Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
            },
        })
    }
}

/// Parse and run the command line.
pub fn run() -> sc_cli::Result<()> {
    let cli = Cli::from_args();

    match &cli.subcommand {
        Some(Subcommand::Key(cmd)) => cmd.run(&cli),
        Some(Subcommand::BuildSpec(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
        },
        Some(Subcommand::ExportChainSpec(cmd)) => {
            let chain_spec = cli.load_spec(&cmd.chain)?;
            cmd.run(chain_spec)
        },
        Some(Subcommand::CheckBlock(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents { client, task_manager, import_queue, .. } =
                    service::new_partial(&config, service::is_sealed_chain(&config))?;
                Ok((cmd.run(client, import_queue), task_manager))
            })
        },
        Some(Subcommand::ExportBlocks(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents { client, task_manager, .. } =
                    service::new_partial(&config, service::is_sealed_chain(&config))?;
                Ok((cmd.run(client, config.database), task_manager))
            })
        },
        Some(Subcommand::ExportState(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents { client, task_manager, .. } =
                    service::new_partial(&config, service::is_sealed_chain(&config))?;
                Ok((cmd.run(client, config.chain_spec), task_manager))
            })
        },
        Some(Subcommand::ImportBlocks(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents { client, task_manager, import_queue, .. } =
                    service::new_partial(&config, service::is_sealed_chain(&config))?;
                Ok((cmd.run(client, import_queue), task_manager))
            })
        },
        Some(Subcommand::PurgeChain(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run(config.database))
        },
        Some(Subcommand::Revert(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.async_run(|config| {
                let PartialComponents { client, task_manager, backend, .. } =
                    service::new_partial(&config, service::is_sealed_chain(&config))?;
                let aux_revert = Box::new(|client, _, blocks| {
                    sc_consensus_grandpa::revert(client, blocks)?;
                    Ok(())
                });
                Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
            })
        },
        #[cfg(feature = "runtime-benchmarks")]
        Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
        Some(Subcommand::ChainInfo(cmd)) => {
            let runner = cli.create_runner(cmd)?;
            runner.sync_run(|config| cmd.run::<tensorchain_runtime::opaque::Block>(&config))
        },
        None => {
            let runner = cli.create_runner(&cli.run.base)?;
            let sealing = cli.run.sealing.clone();
            let drand = cli.run.drand_endpoints.clone();
            runner.run_node_until_exit(|config| async move {
                // A development chain seals on its own schedule unless told otherwise; every
                // other chain runs Aura + GRANDPA unless `--sealing` is given.
                let sealing = match (sealing, config.chain_spec.chain_type()) {
                    (Some(mode), _) => Some(mode),
                    (None, sc_service::ChainType::Development) => Some(Sealing::default()),
                    (None, _) => None,
                };
                match sealing {
                    Some(mode) => service::new_dev(config, mode, drand),
                    None => match config.network.network_backend {
                        sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
                            sc_network::NetworkWorker<
                                tensorchain_runtime::opaque::Block,
                                <tensorchain_runtime::opaque::Block as sp_runtime::traits::Block>::Hash,
                            >,
                        >(config, drand),
                        sc_network::config::NetworkBackendType::Litep2p => {
                            service::new_full::<sc_network::Litep2pNetworkBackend>(config, drand)
                        },
                    },
                }
                .map_err(sc_cli::Error::Service)
            })
        },
    }
}
