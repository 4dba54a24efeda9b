//! Yuma consensus for Tensorchain: one subnet epoch as a pure function, bit-exact with
//! upstream Subtensor (`yuma.md` in the specifications).
//!
//! - [`epoch::run_epoch`]: one mechanism's epoch, from stakes, weights and bonds to
//!   consensus, incentive, dividends, new bonds and emission.
//! - [`mechanism`]: splitting a subnet's emission across sub-mechanisms and aggregating
//!   their results.
//! - [`weights`]: the weight normalisation `set_weights` applies before storing.
//! - [`sim`]: multi-epoch scenarios where bonds and permits carry over, used by the
//!   `yuma-sim` tool and the upstream test vectors.
//!
//! No FRAME, no `std` required, and no panics: every input yields an output or a typed error.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::panic
    )
)]

extern crate alloc;

pub mod epoch;
pub mod math;
pub mod mechanism;
pub mod sim;
pub mod sparse;
pub mod weights;

pub use epoch::{run_epoch, EpochError, EpochInput, EpochOutput, Hyperparameters};
