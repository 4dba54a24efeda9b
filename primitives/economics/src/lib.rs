//! Token economics as pure functions (`economics.md`), shared by the pallets and testable in
//! seconds: [`emission`] (issuance-driven halving), [`burn`] (registration price dynamics),
//! [`lock`] (subnet lock cost), [`conviction`] (stake-lock decay and conviction), [`childkeys`] (inherited stake and the parent/child dividend split) and [`price`] (the median pool price that seeds new subnets).
//!
//! No FRAME, no `std` required, no panics: arithmetic saturates or truncates as documented.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects))]

extern crate alloc;

pub mod burn;
pub mod childkeys;
pub mod coinbase;
pub mod conviction;
pub mod emission;
pub mod lock;
pub mod price;

/// 1 TAO in rao.
pub const TAO: u64 = 1_000_000_000;
/// The supply cap: 21 million TAO.
pub const MAX_SUPPLY: u64 = 21_000_000 * TAO;
