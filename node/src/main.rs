//! The `tensorchain` node binary.

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod sealing;
mod service;
mod shield;

fn main() -> sc_cli::Result<()> {
    command::run()
}
