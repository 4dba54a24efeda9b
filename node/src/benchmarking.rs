//! `tensorchain benchmark pallet ...`: runs the runtime's FRAME benchmarks to generate weights.
//! Only built with `--features runtime-benchmarks` (it pulls in much of Polkadot).

use crate::cli::Cli;
use frame_benchmarking_cli::BenchmarkCmd;
use sc_cli::SubstrateCli;
use sp_runtime::traits::HashingFor;
use tensorchain_runtime::opaque::Block;

pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
    let runner = cli.create_runner(cmd)?;
    match cmd {
        BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
            cmd.run_with_spec::<HashingFor<Block>, sp_io::SubstrateHostFunctions>(Some(
                config.chain_spec,
            ))
        }),
        _ => Err("only `benchmark pallet` is supported; use it to generate weights".into()),
    }
}
