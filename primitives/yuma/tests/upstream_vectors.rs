//! The multi-epoch vectors of `yuma.md` §6, replayed through the simulator with upstream's
//! mock configuration, asserting the exact numbers given there.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use tensorchain_yuma::{sim::Subnet, Hyperparameters};

const R: u64 = 1_000_000_000;

/// Upstream tests call the epoch directly, so the step block stays 0.
fn subnet(params: Hyperparameters, tempo: u16) -> Subnet {
    let mut s = Subnet::new(params, tempo);
    s.track_step_block = false;
    s
}

/// V4 (`test_10_graph`): all self-weights, no permits yet: emission falls back to stake.
#[test]
fn v4_self_weights_fall_back_to_stake() {
    let mut s = subnet(Hyperparameters::upstream_mock(), 360);
    for uid in 0..10u16 {
        s.register(0).unwrap();
        s.set_stake(uid, 1, 0).unwrap();
    }
    for uid in 0..10u16 {
        s.set_weights(uid, &[uid], &[u16::MAX], 0).unwrap();
    }
    let out = s.epoch(0, R).unwrap();
    assert_eq!(out.emission, vec![99_999_999; 10]);
    assert_eq!(out.consensus, vec![0; 10]);
    assert_eq!(out.incentive, vec![0; 10]);
    assert_eq!(out.dividends, vec![0; 10]);
}

/// V5 (`test_zero_weights`): no weights, self-weights, outdated weights, re-set weights.
#[test]
fn v5_zero_outdated_and_reset_weights() {
    let mut s = subnet(Hyperparameters::upstream_mock(), u16::MAX - 1);
    s.register(0).unwrap();
    s.register(0).unwrap();
    s.set_stake(0, 1, 0).unwrap();

    // 1. No weights.
    assert_eq!(s.epoch(0, R).unwrap().emission, [R, 0]);

    // 2. The server's self-weight only.
    s.set_weights(1, &[1], &[u16::MAX], 0).unwrap();
    assert_eq!(s.epoch(0, R).unwrap().emission, [R, 0]);

    // 3. The validator weights uid 1 at block 2, then uid 1 is replaced at block 2.
    s.set_weights(0, &[1], &[u16::MAX], 2).unwrap();
    s.replace(1, 2).unwrap();
    assert_eq!(s.epoch(2, R).unwrap().emission, [R, 0]);

    // 4. The validator re-sets the weight at block 3.
    s.set_weights(0, &[1], &[u16::MAX], 3).unwrap();
    let out = s.epoch(3, R).unwrap();
    assert_eq!(out.incentive, [0, 65535]);
    assert_eq!(out.dividends, [65535, 0]);
    assert_eq!(out.emission, [500_000_000, 500_000_000]);
}

fn column(s: &Subnet, col: u16, rows: usize) -> Vec<u16> {
    (0..rows)
        .map(|i| s.bonds[i].iter().find(|(j, _)| *j == col).map_or(0, |(_, v)| *v))
        .collect()
}

/// V8 (`test_bonds`): classic bond EMA over seven epochs, exact.
#[test]
fn v8_classic_bonds_over_epochs() {
    let params = Hyperparameters { max_allowed_validators: 8, ..Hyperparameters::upstream_mock() };
    let mut s = subnet(params, 1);
    let stakes = [1u64, 2, 3, 4, 0, 0, 0, 0];
    for (uid, stake) in stakes.iter().enumerate() {
        s.register(1).unwrap();
        s.set_stake(uid as u16, *stake, 0).unwrap();
    }
    // The first epoch only hands out permits.
    s.epoch(1, R).unwrap();

    let mut block = 2;
    let servers = [4u16, 5, 6, 7];
    let values = [u16::MAX / 4, u16::MAX / 2, (u16::MAX / 4) * 3, u16::MAX];
    for uid in 0..4u16 {
        s.set_weights(uid, &servers, &values, block).unwrap();
    }
    assert_eq!(s.weights[0], vec![(4, 16383), (5, 32767), (6, 49149), (7, 65535)]);
    let out = s.epoch(block, R).unwrap();
    assert_eq!(
        out.emission,
        [49_999_998, 99_999_999, 150_000_000, 200_000_001, 49_998_779, 100_000_610, 149_996_337, 200_004_272]
    );
    assert_eq!(column(&s, 4, 4), [16383, 32767, 49151, 65535]);

    let next = |s: &mut Subnet, block: &mut u64| {
        *block += 1;
        s.epoch(*block, R).unwrap()
    };

    // Epoch 2: uid 0 switches to a self-weight.
    s.set_weights(0, &[0], &[u16::MAX], block).unwrap();
    next(&mut s, &mut block);
    assert_eq!(column(&s, 4, 4), [14582, 32767, 49151, 65535]);

    // Epoch 3: uid 1 switches to a self-weight.
    s.set_weights(1, &[1], &[u16::MAX], block).unwrap();
    next(&mut s, &mut block);
    assert_eq!(column(&s, 4, 4), [12603, 28321, 49151, 65535]);

    // Epoch 4: uid 2 switches to a self-weight; only uid 3 votes (0.4 < κ, so C = 0).
    s.set_weights(2, &[2], &[u16::MAX], block).unwrap();
    let out = next(&mut s, &mut block);
    assert_eq!(column(&s, 7, 4), [12602, 28320, 49150, 65535]);
    assert_eq!(out.emission, [99_999_999, 199_999_999, 299_999_999, 399_999_999, 0, 0, 0, 0]);

    // Epoch 5: uid 2 weights server 7.
    s.set_weights(2, &[7], &[u16::MAX], block).unwrap();
    let out = next(&mut s, &mut block);
    assert_eq!(column(&s, 7, 4), [10951, 24609, 49150, 65535]);
    assert_eq!(out.emission, [36_443_733, 81_898_628, 163_565_493, 218_092_144, 0, 0, 0, 500_000_000]);

    // Epochs 6 and 7: no change.
    next(&mut s, &mut block);
    assert_eq!(column(&s, 7, 4), [9559, 21482, 49150, 65535]);
    next(&mut s, &mut block);
    assert_eq!(column(&s, 7, 4), [8376, 18824, 49150, 65535]);
}

fn yuma3_scenario() -> Subnet {
    let params = Hyperparameters {
        max_allowed_validators: 3,
        bonds_penalty: 0,
        bonds_moving_average: 975_000,
        kappa: 32_767,
        alpha_sigmoid_steepness: 1_000,
        yuma3: true,
        liquid_alpha: true,
        // set_alpha_values_32(0.1, 0.3)
        alpha_low: 6_553,
        alpha_high: 19_660,
        ..Hyperparameters::upstream_mock()
    };
    let mut s = subnet(params, 1);
    for (uid, stake) in [8u64, 1, 1, 0, 0].iter().enumerate() {
        s.register(1).unwrap();
        s.set_stake(uid as u16, *stake, 0).unwrap();
    }
    s.epoch(2, R).unwrap();
    s
}

fn close(actual: &[u16], expected: &[f64], what: &str) {
    for (a, e) in actual.iter().zip(expected) {
        let a = f64::from(*a) / 65535.0;
        assert!((a - e).abs() <= 1e-3, "{what}: {actual:?} vs {expected:?}");
    }
}

/// V9 (`test_yuma_3_kappa_moves_first`): Yuma3 with liquid alpha, dividends and bonds.
#[test]
fn v9_yuma3_liquid_alpha_dividends_and_bonds() {
    let mut s = yuma3_scenario();
    const MAX: u16 = u16::MAX;
    let weights: [[[u16; 2]; 3]; 6] = [
        [[MAX, 0], [MAX, 0], [MAX, 0]],
        [[0, MAX], [MAX, 0], [MAX, 0]],
        [[0, MAX], [0, MAX], [MAX, 0]],
        [[0, MAX], [0, MAX], [0, MAX]],
        [[0, MAX], [0, MAX], [0, MAX]],
        [[0, MAX], [0, MAX], [0, MAX]],
    ];
    let dividends = [
        [0.8000, 0.1000, 0.1000, 0.0, 0.0],
        [1.0000, 0.0, 0.0, 0.0, 0.0],
        [0.9382, 0.0618, 0.0, 0.0, 0.0],
        [0.8819, 0.0773, 0.0407, 0.0, 0.0],
        [0.8564, 0.0844, 0.0592, 0.0, 0.0],
        [0.8418, 0.0884, 0.0697, 0.0, 0.0],
    ];
    let bonds: [[[f64; 2]; 3]; 4] = [
        [[0.1013, 0.0], [0.1013, 0.0], [0.1013, 0.0]],
        [[0.0908, 0.1013], [0.3697, 0.0], [0.3697, 0.0]],
        [[0.0815, 0.1924], [0.3170, 0.1013], [0.5580, 0.0]],
        [[0.0731, 0.2742], [0.2765, 0.1924], [0.4306, 0.1013]],
    ];
    let mut block = 2;
    for epoch in 0..6 {
        for uid in 0..3u16 {
            s.set_weights(uid, &[3, 4], &weights[epoch][usize::from(uid)], block).unwrap();
        }
        block += 1;
        let out = s.epoch(block, R).unwrap();
        close(&out.dividends, &dividends[epoch], &format!("dividends at epoch {epoch}"));
        if let Some(expected) = bonds.get(epoch) {
            for (v, expected_row) in expected.iter().enumerate() {
                let row = [3u16, 4].map(|j| {
                    s.bonds[v].iter().find(|(c, _)| *c == j).map_or(0, |(_, b)| *b)
                });
                close(&row, expected_row, &format!("bonds of validator {v} at epoch {epoch}"));
            }
        }
    }
}
