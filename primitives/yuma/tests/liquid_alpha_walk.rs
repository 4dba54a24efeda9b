//! Issue #14, item 1: upstream's liquid-alpha walk on unsorted rows (`yuma.md` quirk Q2).
//!
//! `set_weights` stores uids in the caller's order and Yuma3 writes bond rows in the weight
//! rows' order, so rows are often unsorted. The walk reads an entry iff its column is
//! strictly greater than every column before it in the row. Stopping at the first
//! out-of-order entry instead gave 4575 below.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use tensorchain_yuma::{epoch::activity_cutoff, sim::Subnet, Hyperparameters};

/// A new subnet's defaults (`yuma.md` §5: Yuma3 on, MaxAllowedValidators 64, runtime κ, β,
/// BondsMovingAverage, AlphaValues and steepness; cutoff from the factor 13 889 at tempo
/// 360) plus liquid alpha, with commit-reveal off so that weights are set directly.
fn defaults_plus_liquid_alpha() -> Hyperparameters {
    Hyperparameters {
        kappa: 32_767,
        bonds_penalty: 65_535,
        bonds_moving_average: 900_000,
        yuma3: true,
        liquid_alpha: true,
        alpha_low: 45_875,
        alpha_high: 58_982,
        alpha_sigmoid_steepness: 1_000,
        max_allowed_validators: 64,
        activity_cutoff: activity_cutoff(13_889, 360),
        stake_threshold: 0,
        tao_weight: 971_718_665_099_567_868,
        commit_reveal_enabled: false,
    }
}

/// The smallest case: 4 neurons, validator 0 holds all the stake and sets uids
/// [2, 1, 3] values [1, 1, 1], then [1, 1, 0]. The first epoch only hands out the permit.
/// At the third epoch the bond to uid 3 is 4396 (upstream); the prefix walk gave 4575.
#[test]
fn unsorted_rows_read_every_entry_above_the_running_maximum() {
    let mut s = Subnet::new(defaults_plus_liquid_alpha(), 360);
    for _ in 0..4 {
        s.register(1).unwrap();
    }
    s.set_stake(0, 1_000_000_000, 0).unwrap();
    const R: u64 = 1_000_000_000;

    let first = s.epoch(1_000, R).unwrap();
    assert_eq!(first.validator_permit, [true, false, false, false]);

    s.set_weights(0, &[2, 1, 3], &[1, 1, 1], 1_300).unwrap();
    let second = s.epoch(1_360, R).unwrap();
    assert_eq!(second.bonds[0], vec![(2, 15_320), (1, 15_320), (3, 15_320)]);

    s.set_weights(0, &[2, 1, 3], &[1, 1, 0], 1_600).unwrap();
    let third = s.epoch(1_720, R).unwrap();
    // Column 3 follows 1 < 2 in the row, but 3 > 2 = the running maximum, so the walk reads
    // both the weight (0) and the old bond there.
    assert_eq!(third.bonds[0], vec![(2, 27_556), (1, 27_556), (3, 4_396)]);
}
