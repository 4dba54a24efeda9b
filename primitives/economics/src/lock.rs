//! The cost of registering a subnet (`economics.md` §6.1): twice the last lock, decaying
//! linearly back over the reduction interval, never below the minimum.

use crate::TAO;

/// The lock cost at block `now`.
///
/// * `last_lock`: `NetworkLastLockCost`; `last_lock_block`: the block of the last subnet
///   registration (0: none yet, and then the multiplier is 1);
/// * `reduction_interval`: `NetworkLockReductionInterval`, scaled by the current block
///   emission (it shrinks with each halving);
/// * `min_lock`: `NetworkMinLockCost`.
pub fn network_lock_cost(
    last_lock: u64,
    last_lock_block: u64,
    now: u64,
    min_lock: u64,
    reduction_interval: u64,
    block_emission: u64,
) -> u64 {
    let mult: u64 = if last_lock_block == 0 { 1 } else { 2 };
    let interval = effective_interval(reduction_interval, block_emission);
    // Upstream's safe division: a zero interval gives no decay.
    let per_block = last_lock.checked_div(interval).unwrap_or(0);
    let decayed = per_block.saturating_mul(now.saturating_sub(last_lock_block));
    last_lock.saturating_mul(mult).saturating_sub(decayed).max(min_lock)
}

/// `floor(interval · block_emission / 10^9)`.
pub fn effective_interval(reduction_interval: u64, block_emission: u64) -> u64 {
    let scaled = u128::from(reduction_interval)
        .saturating_mul(u128::from(block_emission))
        .checked_div(u128::from(TAO))
        .unwrap_or(0);
    u64::try_from(scaled).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `economics.md` §8 TV9: L = 1 250 TAO locked at `now` costs 2 500 TAO; one block later
    /// (mock interval 2) 1 875 TAO.
    #[test]
    fn tv9_doubling_then_linear_decay() {
        let l = 1_250 * TAO;
        let now = 1_000;
        assert_eq!(network_lock_cost(l, now, now, 100 * TAO, 2, TAO), 2_500 * TAO);
        assert_eq!(network_lock_cost(l, now, now + 1, 100 * TAO, 2, TAO), 1_875 * TAO);
        // Never below the minimum.
        assert_eq!(network_lock_cost(l, now, now + 10, 100 * TAO, 2, TAO), 100 * TAO);
    }

    #[test]
    fn first_registration_costs_the_minimum_or_last_lock() {
        assert_eq!(network_lock_cost(0, 0, 50, 1_000 * TAO, 100_800, TAO), 1_000 * TAO);
    }

    #[test]
    fn interval_shrinks_with_halvings() {
        assert_eq!(effective_interval(100_800, TAO), 100_800);
        assert_eq!(effective_interval(100_800, TAO / 2), 50_400);
        assert_eq!(effective_interval(100_800, 0), 0);
        // A zero interval (emission exhausted) means no decay, as upstream's safe division.
        assert_eq!(network_lock_cost(1_000, 10, 11, 1, 0, 0), 2_000);
    }
}
