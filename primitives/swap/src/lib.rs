//! The dTAO pool math (`economics.md` §3): a weighted ("balancer") pool per subnet between
//! TAO (the quote, weight `w_q`) and the subnet's alpha (the base, weight `w_b = 1 − w_q`).
//!
//! Pure and deterministic: reserves are u64 rao, weights are parts of 10^18, and powers are
//! computed by [`pow::pow_ratio_scaled`] on 256/512-bit integers. No call panics or overflows
//! for any reserves up to the full supply (or beyond: results saturate or return `None`).

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects))]

extern crate alloc;

pub mod interface;
pub mod moving;
pub mod pool;
pub mod pow;
