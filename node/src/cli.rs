//! Command-line interface: the standard Substrate subcommands and flags, plus the dev-chain
//! sealing mode.

use crate::sealing::Sealing;

#[derive(Debug, clap::Parser)]
#[command(
    propagate_version = true,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub subcommand: Option<Subcommand>,

    #[clap(flatten)]
    pub run: RunCmd,
}

#[derive(Debug, clap::Parser)]
pub struct RunCmd {
    #[clap(flatten)]
    pub base: sc_cli::RunCmd,

    /// How a `--dev` chain (or any chain started with `--sealing`) makes blocks, instead of
    /// Aura slots: `instant` (a block for each transaction), `manual` (only on the RPC
    /// `engine_createBlock`), or a number of milliseconds between blocks. Every sealed block
    /// is finalized at once. Defaults to 250 on `--dev` chains, whose slot duration
    /// (`Aura.SlotDuration`) then follows the interval given; other chains use Aura and
    /// GRANDPA unless this flag is given.
    #[arg(long, value_name = "MODE")]
    pub sealing: Option<Sealing>,

    /// The drand HTTP endpoints this node's offchain worker fetches quicknet pulses from,
    /// comma-separated (e.g. `https://api.drand.sh,https://drand.cloudflare.com`). An empty
    /// value disables fetching. Default: drand's five public endpoints. Pulses are what
    /// timelocked weight commits and commitments are revealed with.
    #[arg(long, value_name = "URLS", value_delimiter = ',')]
    pub drand_endpoints: Option<Vec<String>>,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
    /// Key management cli utilities
    #[command(subcommand)]
    Key(sc_cli::KeySubcommand),

    /// Build a chain specification.
    /// DEPRECATED: `build-spec` will be removed after 1/06/2026. Use `export-chain-spec`
    /// instead.
    BuildSpec(sc_cli::BuildSpecCmd),

    /// Export the chain specification.
    ExportChainSpec(sc_cli::ExportChainSpecCmd),

    /// Validate blocks.
    CheckBlock(sc_cli::CheckBlockCmd),

    /// Export blocks.
    ExportBlocks(sc_cli::ExportBlocksCmd),

    /// Export the state of a given block into a chain spec.
    ExportState(sc_cli::ExportStateCmd),

    /// Import blocks.
    ImportBlocks(sc_cli::ImportBlocksCmd),

    /// Remove the whole chain.
    PurgeChain(sc_cli::PurgeChainCmd),

    /// Revert the chain to a previous state.
    Revert(sc_cli::RevertCmd),

    /// Sub-commands concerned with benchmarking (needs the `runtime-benchmarks` feature).
    #[cfg(feature = "runtime-benchmarks")]
    #[command(subcommand)]
    Benchmark(frame_benchmarking_cli::BenchmarkCmd),

    /// Db meta columns information.
    ChainInfo(sc_cli::ChainInfoCmd),
}
