//! How a development chain makes blocks: sealing modes and the stream of seal commands.

use futures::{channel::mpsc, Stream, StreamExt};
use sc_consensus_manual_seal::EngineCommand;
use std::{fmt, str::FromStr, time::Duration};

/// The default interval between blocks on `--dev`: upstream's fast localnet, 250 ms, which the
/// clients' own tests expect (they read `Aura.SlotDuration` and pick their timings from it).
pub const DEFAULT_INTERVAL_MS: u64 = tensorchain_runtime::genesis_config_presets::FAST_BLOCK_MILLIS;

/// A sealing mode, chosen at start with `--sealing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
    /// A block as soon as a transaction enters the pool (and none otherwise).
    Instant,
    /// Blocks only on the RPC call `engine_createBlock`.
    Manual,
    /// A block every this many milliseconds, empty or not.
    Interval(u64),
}

impl Default for Sealing {
    fn default() -> Self {
        Sealing::Interval(DEFAULT_INTERVAL_MS)
    }
}

impl FromStr for Sealing {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "instant" => Ok(Sealing::Instant),
            "manual" => Ok(Sealing::Manual),
            millis => match millis.parse::<u64>() {
                Ok(0) => Err("the block interval must be at least 1 ms".into()),
                Ok(ms) => Ok(Sealing::Interval(ms)),
                Err(_) => Err(format!(
                    "unknown sealing mode {s:?}: expected `instant`, `manual` or a number of \
                     milliseconds"
                )),
            },
        }
    }
}

impl fmt::Display for Sealing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sealing::Instant => write!(f, "instant"),
            Sealing::Manual => write!(f, "manual"),
            Sealing::Interval(ms) => write!(f, "every {ms} ms"),
        }
    }
}

fn seal_and_finalize<Hash>() -> EngineCommand<Hash> {
    EngineCommand::SealNewBlock { create_empty: true, finalize: true, parent_hash: None, sender: None }
}

/// The commands that drive block production for `mode`: the RPC's commands (always, so that
/// `engine_createBlock` and `engine_finalizeBlock` work in every mode) merged with the mode's
/// own trigger.
pub fn command_stream<Hash: Send + 'static>(
    mode: Sealing,
    rpc_commands: mpsc::Receiver<EngineCommand<Hash>>,
    pool_imports: impl Stream<Item = ()> + Send + Unpin + 'static,
) -> impl Stream<Item = EngineCommand<Hash>> + Send + Unpin + 'static {
    let trigger: std::pin::Pin<Box<dyn Stream<Item = EngineCommand<Hash>> + Send>> = match mode {
        Sealing::Manual => Box::pin(futures::stream::pending()),
        Sealing::Instant => Box::pin(pool_imports.map(|()| EngineCommand::SealNewBlock {
            create_empty: false,
            finalize: true,
            parent_hash: None,
            sender: None,
        })),
        Sealing::Interval(ms) => {
            let period = Duration::from_millis(ms);
            Box::pin(futures::stream::unfold((), move |()| async move {
                futures_timer::Delay::new(period).await;
                Some((seal_and_finalize(), ()))
            }))
        },
    };
    futures::stream::select(rpc_commands, trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_mode() {
        assert_eq!("instant".parse(), Ok(Sealing::Instant));
        assert_eq!("manual".parse(), Ok(Sealing::Manual));
        assert_eq!("250".parse(), Ok(Sealing::Interval(250)));
        assert!("0".parse::<Sealing>().is_err());
        assert!("fast".parse::<Sealing>().unwrap_err().contains("unknown sealing mode"));
    }

    #[test]
    fn default_is_the_documented_interval() {
        assert_eq!(Sealing::default(), Sealing::Interval(DEFAULT_INTERVAL_MS));
    }
}
