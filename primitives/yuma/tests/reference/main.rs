//! Differential test of the engine against an independent, slow, dense reference epoch
//! written from `yuma.md` (issue #14, item 1).
//!
//! - `fx`: the reference's own fixed-point arithmetic on raw integers (§1).
//! - `model`: one epoch, §3 loop by loop.
//! - `state`: registration, replacement and `set_weights` storage (§3.11, §4.1).
//! - `quirks`: targeted checks of every quirk of §3.15 (Q1–Q5) against the reference.
//!
//! The differential test drives the engine's `sim::Subnet` and the reference's own state
//! with the same seeded random actions over hundreds of multi-epoch scenarios, and requires
//! the epoch inputs they build and every output of every epoch to be equal, exactly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic,
    clippy::needless_range_loop,
    clippy::too_many_lines,
    clippy::cast_possible_truncation
)]

mod fx;
mod helpers;
mod model;
mod quirks;
mod state;

use state::{RefSubnet, Rng};
use tensorchain_yuma::{epoch::activity_cutoff, run_epoch, sim::Subnet, EpochInput, Hyperparameters};

const SCENARIOS: u64 = 1_000;
const MAX_N: usize = 24;

#[derive(Default, Debug)]
struct Coverage {
    scenarios: u64,
    epochs: u64,
    yuma2: u64,
    yuma3_fixed: u64,
    yuma3_liquid: u64,
    liquid_walk_skipped: u64,
    unsorted_rows: u64,
    inactive: u64,
    threshold_cut: u64,
    owner: u64,
    owner_self_weight_kept: u64,
    self_weight_dropped: u64,
    outdated_dropped: u64,
    commit_dropped: u64,
    recent_bond_dropped: u64,
    explicit_zero_weights: u64,
    fallback_stake: u64,
    fallback_active: u64,
    negative_minority: u64,
    permit_lost: u64,
    beta_zero: u64,
    beta_one: u64,
    beta_mid: u64,
    tao_weight: u64,
    replacements: u64,
    registrations: u64,
    shuffled_equal: u64,
    nonzero_consensus: u64,
    incentive_and_dividends: u64,
}

fn random_params(rng: &mut Rng) -> Hyperparameters {
    let (alpha_low, alpha_high) = match rng.below(4) {
        0 => (45_875, 58_982),
        1 => (6_553, 19_660),
        2 => {
            let a = rng.below(65_536) as u16;
            (a, a)
        },
        _ => {
            let a = rng.below(65_536) as u16;
            let b = rng.below(65_536) as u16;
            (a.min(b), a.max(b))
        },
    };
    Hyperparameters {
        kappa: match rng.below(20) {
            0 => 0,
            1 => 65_535,
            2..=5 => rng.below(65_536) as u16,
            _ => 32_767,
        },
        bonds_penalty: match rng.below(3) {
            0 => 0,
            1 => 65_535,
            _ => rng.range(1, 65_534) as u16,
        },
        bonds_moving_average: match rng.below(4) {
            0 => 900_000,
            1 => 975_000,
            2 => rng.range(0, 1_000_000),
            _ => rng.pick(&[0, 500_000, 999_999, 1_000_000]),
        },
        yuma3: rng.pct(55),
        liquid_alpha: rng.pct(55),
        alpha_low,
        alpha_high,
        alpha_sigmoid_steepness: match rng.below(5) {
            0 | 1 => 1_000,
            2 => 0,
            3 => rng.next() as i16,
            _ => rng.range(1, 3_000) as i16,
        },
        max_allowed_validators: if rng.pct(15) {
            rng.range(0, 3) as u16
        } else {
            rng.range(3, MAX_N as u64 + 2) as u16
        },
        activity_cutoff: 0, // set from the tempo below
        stake_threshold: 0, // set from the stakes below
        tao_weight: match rng.below(5) {
            0 | 1 => 0,
            2 => 971_718_665_099_567_868,
            3 => rng.pick(&[3_320_413_933_267_719_290, u64::MAX, 1]),
            _ => rng.next(),
        },
        commit_reveal_enabled: rng.pct(20),
    }
}

fn random_stake(rng: &mut Rng) -> (u64, u64) {
    // Equal stakes (from a small set) exercise the permit tie-break towards the higher uid.
    if rng.pct(20) {
        return (rng.pick(&[1_000_000_000, 2_000_000_000, 5]), 0);
    }
    let alpha = match rng.below(10) {
        0 => 0,
        1 => rng.range(1, 1_000),
        2 => rng.range(1, 1_000_000_000_000_000),
        _ => rng.range(1_000_000_000, 1_000_000_000_000),
    };
    let tao = if rng.pct(30) { rng.range(1, 1_000_000_000_000_000) } else { 0 };
    (alpha, tao)
}

/// A weight row as a caller would send it: a subset of uids (biased towards a popular set so
/// that consensus forms), shuffled unless the scenario keeps rows sorted, explicit zeros and
/// self-weights allowed.
fn random_row(rng: &mut Rng, n: usize, uid: u16, popular: &[bool], sorted: bool) -> (Vec<u16>, Vec<u16>) {
    match rng.below(24) {
        0 => return (vec![uid], vec![rng.range(1, 65_535) as u16]),
        1 => return (Vec::new(), Vec::new()),
        // A single weight normalises to exactly 1, which meets saturated bonds (w == b).
        2 | 3 => return (vec![rng.below(n as u64) as u16], vec![rng.range(1, 65_535) as u16]),
        _ => {},
    }
    let mut uids: Vec<u16> = (0..n as u16)
        .filter(|&j| if popular[usize::from(j)] { rng.pct(85) } else { rng.pct(25) })
        .collect();
    if !sorted {
        rng.shuffle(&mut uids);
    }
    let all_zero = rng.pct(4);
    let values = uids
        .iter()
        .map(|_| {
            if all_zero {
                0
            } else {
                match rng.below(10) {
                    0 | 1 => 0,
                    2 | 3 => 65_535,
                    4 => rng.range(1, 10) as u16,
                    _ => rng.below(65_536) as u16,
                }
            }
        })
        .collect();
    (uids, values)
}

fn random_bond_row(rng: &mut Rng, n: usize) -> Vec<(u16, u16)> {
    let mut cols: Vec<u16> = (0..n as u16).filter(|_| rng.pct(40)).collect();
    rng.shuffle(&mut cols);
    cols.into_iter()
        .map(|j| {
            let v = match rng.below(8) {
                0 => 0,
                1 | 2 => 65_535,
                _ => rng.below(65_536) as u16,
            };
            (j, v)
        })
        .collect()
}

/// Every weight and bond row of the input shuffled: upstream's results depend on row order
/// only through the liquid-alpha walk (Q2).
fn shuffle_rows(rng: &mut Rng, input: &EpochInput) -> EpochInput {
    let mut out = input.clone();
    for row in out.weights.iter_mut().chain(out.bonds.iter_mut()) {
        rng.shuffle(row);
    }
    out
}

/// One scenario: a subnet evolving over several epochs. Panics on the first difference.
fn run_scenario(seed: u64, cov: &mut Coverage) {
    let mut rng = Rng::new(seed);
    let mut params = random_params(&mut rng);
    let tempo = rng.range(1, 12) as u16;
    let factor_milli = if rng.pct(20) { 13_889 } else { rng.range(1_000, 5_000) as u32 };
    // §3.0: cutoff = max(1, floor(factor × tempo / 1000)).
    let cutoff = (u64::from(factor_milli) * u64::from(tempo) / 1_000).max(1);
    assert_eq!(activity_cutoff(factor_milli, tempo), cutoff);
    params.activity_cutoff = cutoff;
    let track = rng.pct(70);
    let emission = match rng.below(4) {
        0 => 1_000_000_000,
        1 => u64::MAX,
        _ => rng.range(0, 10_000_000_000_000),
    };
    let sorted_rows = rng.pct(25);

    let mut sim = Subnet::new(params.clone(), tempo);
    sim.track_step_block = track;
    let mut rf = RefSubnet::new(params.clone(), tempo, track);

    // Initial neurons, registered one block apart.
    let mut block = rng.range(200, 5_000);
    let n0 = rng.range(2, 12) as usize;
    for _ in 0..n0 {
        block += rng.below(3);
        assert_eq!(sim.register(block).unwrap(), rf.register(block));
    }
    for uid in 0..n0 as u16 {
        let (a, t) = random_stake(&mut rng);
        sim.set_stake(uid, a, t).unwrap();
        rf.alpha[usize::from(uid)] = a;
        rf.tao[usize::from(uid)] = t;
    }
    // Stake threshold: often exactly someone's stake (the comparison is strict).
    let threshold = match rng.below(10) {
        0..=4 => 0,
        5..=7 => rf.alpha[rng.below(n0 as u64) as usize],
        _ => rng.range(0, 200_000_000_000),
    };
    sim.params.stake_threshold = threshold;
    rf.params.stake_threshold = threshold;
    if rng.pct(35) {
        let o = rng.below(n0 as u64) as u16;
        sim.owner_uid = Some(o);
        rf.owner_uid = Some(o);
    }
    // As if earlier epochs had run: permits, bonds (unsorted, explicit zeros), step block.
    block += rng.range(1, 20);
    for i in 0..n0 {
        let p = rng.pct(60);
        sim.validator_permit[i] = p;
        rf.permit[i] = p;
        if p && rng.pct(50) {
            let row = random_bond_row(&mut rng, n0);
            sim.bonds[i] = row.clone();
            rf.bonds[i] = row;
        }
    }
    if track && rng.pct(60) {
        let lms = block - rng.below(5).min(block - 1);
        sim.last_mechanism_step_block = lms;
        rf.lms = lms;
    }
    // Weights set before the scenario starts.
    for uid in 0..n0 as u16 {
        let i = usize::from(uid);
        if (rf.alpha[i] > 0 || rf.tao[i] > 0) && rng.pct(70) {
            let t = block - rng.below(3);
            let popular: Vec<bool> = (0..n0).map(|j| j % 3 != 0).collect();
            let (uids, values) = random_row(&mut rng, n0, uid, &popular, sorted_rows);
            sim.set_weights(uid, &uids, &values, t).unwrap();
            rf.set_weights(uid, &uids, &values, t, true);
        }
    }
    // Validators that stop setting weights (they go inactive after the cutoff).
    let lazy: Vec<bool> = (0..MAX_N).map(|_| rng.pct(20)).collect();
    let mut popular: Vec<bool> = (0..MAX_N).map(|_| rng.pct(40)).collect();

    let epochs = rng.range(3, 10);
    for e in 0..epochs {
        let next = block + u64::from(tempo) + if rng.pct(20) { rng.below(4) } else { 0 };
        // Actions, in block order, in (block, next].
        let mut times: Vec<u64> = (0..rng.range(1, 8)).map(|_| rng.range(block + 1, next)).collect();
        times.sort_unstable();
        for t in times {
            let n = rf.n();
            match rng.below(20) {
                0 if n < MAX_N => {
                    assert_eq!(sim.register(t).unwrap(), rf.register(t));
                    cov.registrations += 1;
                    if rng.pct(50) {
                        let uid = (n) as u16;
                        let (a, ta) = random_stake(&mut rng);
                        sim.set_stake(uid, a, ta).unwrap();
                        rf.alpha[n] = a;
                        rf.tao[n] = ta;
                    }
                },
                1 => {
                    let uid = rng.below(n as u64) as u16;
                    sim.replace(uid, t).unwrap();
                    rf.replace(uid, t);
                    cov.replacements += 1;
                    if rf.owner_uid == Some(uid) && rng.pct(50) {
                        sim.owner_uid = None;
                        rf.owner_uid = None;
                    }
                },
                2 | 3 => {
                    let uid = rng.below(n as u64) as u16;
                    let (a, ta) = random_stake(&mut rng);
                    sim.set_stake(uid, a, ta).unwrap();
                    rf.alpha[usize::from(uid)] = a;
                    rf.tao[usize::from(uid)] = ta;
                },
                4 if rng.pct(25) => {
                    // The owner toggles a hyperparameter mid-life.
                    match rng.below(3) {
                        0 => rf.params.yuma3 = !rf.params.yuma3,
                        1 => rf.params.liquid_alpha = !rf.params.liquid_alpha,
                        _ => rf.params.bonds_penalty = rng.pick(&[0, 65_535, 30_000]),
                    }
                    sim.params = rf.params.clone();
                },
                5 if rng.pct(25) => {
                    let o = if rng.pct(70) { Some(rng.below(n as u64) as u16) } else { None };
                    sim.owner_uid = o;
                    rf.owner_uid = o;
                },
                6 => {
                    let k = rng.below(n as u64) as usize;
                    popular[k] = !popular[k];
                },
                _ => {
                    // Weights from a few uids, mostly the staked and permitted ones.
                    for uid in 0..n as u16 {
                        let i = usize::from(uid);
                        let staked = rf.alpha[i] > 0 || rf.tao[i] > 0 || rf.permit[i];
                        let p = if lazy[i] { 4 } else if staked { 45 } else { 8 };
                        if !rng.pct(p) {
                            continue;
                        }
                        let cr = rf.params.commit_reveal_enabled;
                        if cr && rng.pct(50) {
                            // commit: LastUpdate = b and the earliest unexpired commit block.
                            sim.last_update[i] = t;
                            rf.last_update[i] = t;
                            let cb = Some(rf.commit_block[i].map_or(t, |c| c.min(t)));
                            sim.commit_block[i] = cb;
                            rf.commit_block[i] = cb;
                            continue;
                        }
                        let (uids, values) = random_row(&mut rng, n, uid, &popular, sorted_rows);
                        if cr {
                            // A reveal stores the weights without touching LastUpdate.
                            let lu = sim.last_update[i];
                            sim.set_weights(uid, &uids, &values, t).unwrap();
                            sim.last_update[i] = lu;
                            rf.set_weights(uid, &uids, &values, t, false);
                            if rng.pct(40) {
                                sim.commit_block[i] = None;
                                rf.commit_block[i] = None;
                            }
                        } else {
                            sim.set_weights(uid, &uids, &values, t).unwrap();
                            rf.set_weights(uid, &uids, &values, t, true);
                        }
                    }
                },
            }
        }

        let r = if rng.pct(10) { rng.range(0, 1_000) } else { emission };
        let input = rf.input(next, r);
        assert_eq!(sim.input(next, r), input, "seed {seed} epoch {e}: the simulator's state differs");
        let (expected, trace) = model::epoch(&input);
        let actual = sim.epoch(next, r).unwrap();
        if actual != expected {
            panic!(
                "seed {seed} epoch {e}: engine and reference differ\n{}\ninput: {input:#?}",
                diff(&actual, &expected)
            );
        }

        // Row order: the engine and the reference agree on a shuffled copy too, and outside
        // the liquid-alpha path the results do not depend on order at all.
        let shuffled = shuffle_rows(&mut rng, &input);
        let (ref_shuffled, trace_shuffled) = model::epoch(&shuffled);
        let eng_shuffled = run_epoch(&shuffled).unwrap();
        if eng_shuffled != ref_shuffled {
            panic!(
                "seed {seed} epoch {e} (rows shuffled): engine and reference differ\n{}\ninput: {shuffled:#?}",
                diff(&eng_shuffled, &ref_shuffled)
            );
        }
        if !trace.liquid_path && !trace_shuffled.liquid_path {
            assert_eq!(eng_shuffled, actual, "seed {seed} epoch {e}: order changed a non-liquid result");
            cov.shuffled_equal += 1;
        }

        rf.after_epoch(&expected, next);
        block = next;

        cov.epochs += 1;
        let p = &input.params;
        if !p.yuma3 {
            cov.yuma2 += 1;
        } else if trace.liquid_path {
            cov.yuma3_liquid += 1;
        } else {
            cov.yuma3_fixed += 1;
        }
        match p.bonds_penalty {
            0 => cov.beta_zero += 1,
            65_535 => cov.beta_one += 1,
            _ => cov.beta_mid += 1,
        }
        cov.tao_weight += u64::from(p.tao_weight != 0 && input.tao_stake.iter().any(|t| *t > 0));
        cov.liquid_walk_skipped += u64::from(trace.walk_skipped || trace_shuffled.walk_skipped);
        cov.unsorted_rows += u64::from(trace.unsorted_rows);
        cov.inactive += u64::from(trace.inactive > 0);
        cov.threshold_cut += u64::from(trace.threshold_cut > 0);
        cov.owner += u64::from(trace.owner);
        cov.owner_self_weight_kept += u64::from(trace.owner_self_weight_kept);
        cov.self_weight_dropped += u64::from(trace.self_weight_dropped > 0);
        cov.outdated_dropped += u64::from(trace.outdated_dropped > 0);
        cov.commit_dropped += u64::from(trace.commit_dropped > 0);
        cov.recent_bond_dropped += u64::from(trace.recent_bond_dropped > 0);
        cov.explicit_zero_weights += u64::from(trace.explicit_zero_weights > 0);
        cov.fallback_stake += u64::from(trace.fallback_stake);
        cov.fallback_active += u64::from(trace.fallback_active);
        cov.negative_minority += u64::from(trace.negative_minority);
        cov.permit_lost += u64::from(trace.permit_lost);
        cov.nonzero_consensus += u64::from(trace.nonzero_consensus);
        cov.incentive_and_dividends += u64::from(
            expected.incentive.iter().any(|x| *x > 0) && expected.dividends.iter().any(|x| *x > 0),
        );
    }
    cov.scenarios += 1;
}

/// The first differing field, for a readable failure.
fn diff(a: &tensorchain_yuma::EpochOutput, b: &tensorchain_yuma::EpochOutput) -> String {
    macro_rules! field {
        ($($f:ident),*) => {{
            let mut s = String::new();
            $( if a.$f != b.$f {
                s += &format!("{}:\n  engine    {:?}\n  reference {:?}\n", stringify!($f), a.$f, b.$f);
            } )*
            s
        }};
    }
    field!(
        active,
        stake,
        stake_weight,
        consensus,
        incentive,
        dividends,
        validator_trust,
        validator_permit,
        bonds,
        server_emission,
        validator_emission,
        emission
    )
}

#[test]
fn engine_matches_reference_over_random_scenarios() {
    let start = std::time::Instant::now();
    let mut cov = Coverage::default();
    let base: u64 = std::env::var("YUMA_REF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x14);
    let count: u64 =
        std::env::var("YUMA_REF_SCENARIOS").ok().and_then(|s| s.parse().ok()).unwrap_or(SCENARIOS);
    for k in 0..count {
        run_scenario(base.wrapping_mul(1_000_003).wrapping_add(k), &mut cov);
    }
    println!("{cov:#?}\nin {:?}", start.elapsed());
    // The scenarios must actually reach what the issue lists.
    if count != SCENARIOS {
        return;
    }
    let at_least = |what: &str, count: u64, min: u64| {
        assert!(count >= min, "only {count} epochs with {what} (want ≥ {min}): {cov:#?}");
    };
    at_least("non-zero consensus", cov.nonzero_consensus, 4_000);
    at_least("incentive and dividends", cov.incentive_and_dividends, 4_000);
    at_least("Yuma2", cov.yuma2, 300);
    at_least("Yuma3 fixed α", cov.yuma3_fixed, 200);
    at_least("Yuma3 liquid α", cov.yuma3_liquid, 200);
    at_least("a liquid walk skipping an entry", cov.liquid_walk_skipped, 100);
    at_least("unsorted rows", cov.unsorted_rows, 300);
    at_least("inactive validators", cov.inactive, 200);
    at_least("stake below the threshold", cov.threshold_cut, 100);
    at_least("an owner", cov.owner, 200);
    at_least("the owner's self-weight kept", cov.owner_self_weight_kept, 10);
    at_least("outdated weights", cov.outdated_dropped, 50);
    at_least("commit-reveal masking", cov.commit_dropped, 5);
    at_least("recently registered bonds masked", cov.recent_bond_dropped, 50);
    at_least("explicit zero weights", cov.explicit_zero_weights, 300);
    at_least("the stake fallback", cov.fallback_stake, 20);
    at_least("the active-stake fallback", cov.fallback_active, 5);
    at_least("a negative minority", cov.negative_minority, 20);
    at_least("β = 0", cov.beta_zero, 200);
    at_least("β = 1", cov.beta_one, 200);
    at_least("0 < β < 1", cov.beta_mid, 200);
    at_least("TAO weight", cov.tao_weight, 200);
    at_least("a lost permit", cov.permit_lost, 50);
    at_least("replacements", cov.replacements, 100);
    at_least("registrations", cov.registrations, 100);
}
