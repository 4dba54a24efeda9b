//! One epoch on full subnets where every validator weights every uid.
//!
//! `cargo bench -p tensorchain-yuma` prints the median per case; the weight entries per case
//! are validators × n, so the time per entry shows whether cost grows linearly.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use tensorchain_yuma::{epoch::empty_input, run_epoch, EpochInput, Hyperparameters};

fn full_subnet(n: u16, validators: u16, yuma3: bool, liquid: bool) -> EpochInput {
    let params = Hyperparameters {
        max_allowed_validators: validators,
        yuma3,
        liquid_alpha: liquid,
        activity_cutoff: 5_000,
        ..Hyperparameters::upstream_mock()
    };
    let mut input = empty_input(n, params);
    input.block = 1_000;
    input.tempo = 360;
    input.emission = 360_000_000_000;
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..usize::from(n) {
        let validator = i < usize::from(validators);
        input.alpha_stake[i] = if validator { 1_000_000_000 + next() % 1_000_000_000_000 } else { next() % 1_000 };
        input.validator_permit[i] = validator;
        input.last_update[i] = 999;
        input.block_at_registration[i] = 1;
        if validator {
            input.weights[i] = (0..n).map(|j| (j, (next() % 65_536) as u16)).collect();
            input.bonds[i] = (0..n).map(|j| (j, (next() % 65_536) as u16)).collect();
        }
    }
    input
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("epoch");
    group.sample_size(10);
    for (n, validators) in [(256u16, 64u16), (1024, 256), (4096, 256)] {
        for (name, yuma3, liquid) in [("yuma2", false, false), ("yuma3_liquid", true, true)] {
            let input = full_subnet(n, validators, yuma3, liquid);
            group.throughput(Throughput::Elements(u64::from(n) * u64::from(validators)));
            group.bench_with_input(
                BenchmarkId::new(name, format!("n{n}_v{validators}")),
                &input,
                |b, input| b.iter(|| run_epoch(black_box(input)).unwrap()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
