//! The engine's building blocks against the reference's, on many raw inputs including the
//! boundaries an epoch rarely hits (exact equalities, extreme exponents). The reference never
//! calls these engine helpers; the tests only compare results.

use super::fx::{self, F};
use super::model;
use super::state::{max_upscale, Rng};
use tensorchain_yuma::{math, sparse, weights};

fn random_fixed(rng: &mut Rng) -> F {
    match rng.below(6) {
        0 => F::from_bits(rng.next() as i64),
        1 => F::from_bits((rng.next() as i64) >> 24),
        2 => F::from_bits(rng.below(1 << 33) as i64), // [0, 2)
        3 => F::from_bits(-(rng.below(1 << 33) as i64)),
        4 => fx::int(rng.range(0, 40) as i64 - 20),
        _ => F::from_bits(rng.below(1 << 32) as i64), // [0, 1)
    }
}

#[test]
fn arithmetic_matches_section_1() {
    let mut rng = Rng::new(1);
    for _ in 0..200_000 {
        let a = random_fixed(&mut rng);
        let b = random_fixed(&mut rng);
        // Saturation is outside the spec; compare where the exact result is in range.
        let wide = (i128::from(a.to_bits()) * i128::from(b.to_bits())) >> 32;
        if i64::try_from(wide).is_ok() {
            assert_eq!(math::mul(a, b), fx::mul(a, b), "mul {a:?} {b:?}");
        }
        if b.to_bits() != 0 {
            let q = (i128::from(a.to_bits()) << 32) / i128::from(b.to_bits());
            if i64::try_from(q).is_ok() {
                assert_eq!(math::div(a, b), fx::div(a, b), "div {a:?} {b:?}");
            }
        } else {
            assert_eq!(math::div(a, b), fx::zero());
        }
        assert_eq!(math::fixed_proportion_to_u16(a), fx::to_u16(a), "to_u16 {a:?}");
        let r = rng.next() >> rng.below(64);
        assert_eq!(math::amount(a, r), fx::amount(a, r), "amount {a:?} {r}");
    }
    for u in 0..=u16::MAX {
        assert_eq!(math::u16_proportion(u), fx::u16_proportion(u));
    }
}

#[test]
fn exp_matches_section_1() {
    let mut rng = Rng::new(2);
    for _ in 0..100_000 {
        let x = match rng.below(3) {
            0 => F::from_bits(rng.next() as i64),
            1 => F::from_bits((rng.next() as i64) >> 27), // about [−32, 32]
            _ => F::from_bits((rng.next() as i64) >> 30), // about [−4, 4]
        };
        assert_eq!(math::exp_safe(x), fx::exp_safe(x), "exp {x:?}");
    }
    for x in [-21, -20, -1, 0, 1, 2, 20, 21] {
        assert_eq!(math::exp_safe(fx::int(x)), fx::exp_safe(fx::int(x)), "exp {x}");
    }
}

#[test]
fn liquid_alpha_matches_section_3_8_3() {
    let mut rng = Rng::new(3);
    for _ in 0..100_000 {
        let unit = |rng: &mut Rng| match rng.below(4) {
            0 => fx::zero(),
            1 => fx::one(),
            _ => F::from_bits(rng.below((1 << 32) + 1) as i64),
        };
        let w = unit(&mut rng);
        let b = if rng.pct(10) { w } else { unit(&mut rng) };
        let c = if rng.pct(10) { w } else { unit(&mut rng) };
        let lo = rng.below(65_536) as u16;
        let hi = rng.below(65_536) as u16;
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        let steep = if rng.pct(50) { 1_000 } else { rng.next() as i16 };
        let params = sparse::LiquidAlpha {
            low: fx::u16_proportion(lo),
            high: fx::u16_proportion(hi),
            steepness: fx::int(i64::from(steep)),
        };
        let expected = model::liquid_alpha(w, b, c, params.low, params.high, params.steepness);
        assert_eq!(params.alpha(w, b, c), expected, "α({w:?}, {b:?}, {c:?}) {lo} {hi} {steep}");
    }
}

#[test]
fn median_matches_section_3_6_including_exact_boundaries() {
    let mut rng = Rng::new(4);
    for _ in 0..50_000 {
        let k = rng.range(0, 9) as usize;
        // Stakes from a coarse grid so partial sums meet the minority exactly.
        let mut s: Vec<F> = (0..k).map(|_| F::from_bits(rng.range(1, 8) as i64 * (1 << 28))).collect();
        let c: Vec<F> = (0..k).map(|_| F::from_bits(rng.range(0, 4) as i64 * (1 << 30))).collect();
        if rng.pct(50) {
            fx::normalize(&mut s);
        }
        let total = fx::sum(&s);
        let minority = match rng.below(4) {
            0 => F::from_bits(rng.range(0, 16) as i64 * (1 << 28) - (1 << 30)),
            1 => {
                // exactly a partial sum of the stakes
                let m = rng.below(k as u64 + 1) as usize;
                fx::sum(&s[..m])
            },
            2 => fx::sub(total, fx::u16_proportion(rng.below(65_536) as u16)),
            _ => F::from_bits(rng.below(1 << 33) as i64 - (1 << 31)),
        };
        assert_eq!(
            sparse::weighted_median(&s, &c, total, minority),
            model::weighted_median(&s, &c, minority, total),
            "median s {s:?} c {c:?} m {minority:?}"
        );
    }
}

#[test]
fn topk_matches_section_1() {
    let mut rng = Rng::new(5);
    for _ in 0..20_000 {
        let n = rng.range(0, 12) as usize;
        let v: Vec<F> = (0..n).map(|_| F::from_bits(rng.range(0, 3) as i64)).collect();
        let k = rng.range(0, 14) as usize;
        assert_eq!(math::is_topk_nonzero(&v, k), model::is_topk_nonzero(&v, k), "{v:?} {k}");
    }
}

#[test]
fn upscale_matches_section_4_1() {
    let mut rng = Rng::new(6);
    for _ in 0..50_000 {
        let n = rng.range(0, 6) as usize;
        let v: Vec<u16> = (0..n)
            .map(|_| match rng.below(4) {
                0 => 0,
                1 => rng.range(32_760, 32_776) as u16,
                2 => rng.range(0, 10) as u16,
                _ => rng.below(65_536) as u16,
            })
            .collect();
        assert_eq!(weights::max_upscale_to_u16(&v), max_upscale(&v), "{v:?}");
    }
}

/// Quirk Q2 at the row level: the engine's walked entries are exactly what the reference's
/// literal walk reads, on random unsorted rows with repeated columns.
#[test]
fn walked_entries_match_the_literal_walk() {
    let mut rng = Rng::new(7);
    for _ in 0..50_000 {
        let n = rng.range(1, 10) as usize;
        let len = rng.range(0, 12) as usize;
        let row: Vec<(u16, F)> =
            (0..len).map(|k| (rng.below(n as u64) as u16, fx::int(k as i64 + 1))).collect();
        let literal = model::walk(&row.iter().map(|&(j, v)| (usize::from(j), v)).collect::<Vec<_>>(), n);
        let mut dense = vec![fx::zero(); n];
        for (j, v) in sparse::walked_entries(&row) {
            dense[usize::from(j)] = v;
        }
        assert_eq!(dense, literal, "{row:?}");
    }
}
