//! The seam between SubtensorModule, which holds each subnet's reserves and moves tokens, and
//! the Swap pallet, which holds each pool's weights and fee rate and does the pool math.
//! Neither pallet depends on the other: the runtime wires them through these traits.

use crate::pool::{Side, SwapError, SwapResult};
use substrate_fixed::types::U64F64;

/// A subnet id.
pub type NetUid = u16;

/// What the Swap pallet reads of a subnet (implemented by SubtensorModule).
pub trait SubnetReserves {
    /// Whether the subnet exists.
    fn exists(netuid: NetUid) -> bool;
    /// Whether the subnet trades 1:1 with no fee (root, the "stable" mechanism).
    fn is_stable(netuid: NetUid) -> bool;
    /// The pool's TAO reserve.
    fn tao_reserve(netuid: NetUid) -> u64;
    /// The pool's alpha reserve.
    fn alpha_reserve(netuid: NetUid) -> u64;
}

/// What SubtensorModule asks of the pools (implemented by the Swap pallet). No method moves
/// tokens or changes reserves: the caller applies a [`SwapResult`] itself.
pub trait SwapHandler {
    /// The spot price in TAO per alpha (1 for stable subnets).
    fn current_price(netuid: NetUid) -> U64F64;
    /// The swap computed against the current pool, changing nothing.
    fn sim_swap(netuid: NetUid, side: Side, amount: u64, limit: u64, drop_fees: bool)
        -> Result<SwapResult, SwapError>;
    /// The swap about to be applied: as `sim_swap`, and a pool's first swap initialises its
    /// weights.
    fn swap(netuid: NetUid, side: Side, amount: u64, limit: u64, drop_fees: bool) -> Result<SwapResult, SwapError>;
    /// The most TAO (fee included) stakeable before the price reaches `limit` (rao per alpha).
    fn max_amount_add(netuid: NetUid, limit: u64) -> Result<u64, SwapError>;
    /// The most alpha (fee included) unstakeable before the price falls to `limit`.
    fn max_amount_remove(netuid: NetUid, limit: u64) -> Result<u64, SwapError>;
    /// The most alpha movable from `origin` to `destination` before `P_o/P_d` falls to `limit`.
    fn max_amount_move(origin: NetUid, destination: NetUid, limit: u64) -> u64;
    /// Re-weights the pool for an injection of `(tao, alpha)` so that its price is unchanged;
    /// returns what may be injected (both 0 when the weights would leave [1 %, 99 %]).
    fn adjust_protocol_liquidity(netuid: NetUid, tao: u64, alpha: u64) -> (u64, u64);
    /// Forgets a dissolved subnet's pool.
    fn dissolve(netuid: NetUid);
}
