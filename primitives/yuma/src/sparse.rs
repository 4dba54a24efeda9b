//! Sparse matrices as rows of `(column, value)` in stored order, and the operations the epoch
//! applies to them (`yuma.md` §1 helpers, §3.5–§3.8). Rows keep the caller's order and
//! explicit zeros unless an operation says otherwise, because both change results (§3.15).

use crate::math::{add, div, mul, sub, Fixed, ONE, ZERO};
use alloc::{vec, vec::Vec};

pub type Row = Vec<(u16, Fixed)>;
pub type Matrix = Vec<Row>;

#[inline]
fn at(v: &[Fixed], j: u16) -> Fixed {
    v.get(usize::from(j)).copied().unwrap_or(ZERO)
}

#[inline]
fn at_mut(v: &mut [Fixed], j: u16) -> Option<&mut Fixed> {
    v.get_mut(usize::from(j))
}

/// Each row divided by its sum, where the sum is positive.
pub fn row_normalize(m: &mut Matrix) {
    for row in m.iter_mut() {
        let s = row.iter().fold(ZERO, |acc, (_, v)| add(acc, *v));
        if s > ZERO {
            for (_, v) in row.iter_mut() {
                *v = div(*v, s);
            }
        }
    }
}

/// Column sums over the entries present.
pub fn col_sums(m: &Matrix, n: usize) -> Vec<Fixed> {
    let mut sums = vec![ZERO; n];
    for row in m {
        for (j, v) in row {
            if let Some(s) = at_mut(&mut sums, *j) {
                *s = add(*s, *v);
            }
        }
    }
    sums
}

/// Each entry divided by its column's sum, where that sum is not 0.
pub fn col_normalize(m: &mut Matrix, n: usize) {
    let sums = col_sums(m, n);
    for row in m.iter_mut() {
        for (j, v) in row.iter_mut() {
            let s = at(&sums, *j);
            if s != ZERO {
                *v = div(*v, s);
            }
        }
    }
}

/// Each entry divided by its column's maximum (starting from 0), where that is not 0.
pub fn col_max_upscale(m: &mut Matrix, n: usize) {
    let mut maxes = vec![ZERO; n];
    for row in m.iter() {
        for (j, v) in row {
            if let Some(mx) = at_mut(&mut maxes, *j) {
                if *v > *mx {
                    *mx = *v;
                }
            }
        }
    }
    for row in m.iter_mut() {
        for (j, v) in row.iter_mut() {
            let mx = at(&maxes, *j);
            if mx != ZERO {
                *v = div(*v, mx);
            }
        }
    }
}

/// `Σ_i mul(a_i, m_ij)` for every column j: the stake-weighted column sums.
pub fn col_weighted_sums(m: &Matrix, a: &[Fixed], n: usize) -> Vec<Fixed> {
    let mut out = vec![ZERO; n];
    for (i, row) in m.iter().enumerate() {
        let ai = a.get(i).copied().unwrap_or(ZERO);
        for (j, v) in row {
            if let Some(o) = at_mut(&mut out, *j) {
                *o = add(*o, mul(ai, *v));
            }
        }
    }
    out
}

/// `Σ_j mul(x_j, m_ij)` for every row i.
pub fn row_weighted_sums(m: &Matrix, x: &[Fixed]) -> Vec<Fixed> {
    m.iter()
        .map(|row| row.iter().fold(ZERO, |acc, (j, v)| add(acc, mul(at(x, *j), *v))))
        .collect()
}

/// The row as a dense vector of length n (entries beyond n ignored; duplicates add up).
pub fn dense_row(row: &Row, n: usize) -> Vec<Fixed> {
    let mut out = vec![ZERO; n];
    for (j, v) in row {
        if let Some(o) = at_mut(&mut out, *j) {
            *o = add(*o, *v);
        }
    }
    out
}

/// Stake-weighted median of each column (`weighted_median_col_sparse`, §3.6).
///
/// `stake` is the active stake; only positive entries take part, renormalised. `kappa` is the
/// majority; the minority `m = Σs − κ` may be negative (quirk Q5).
pub fn weighted_median_cols(stake: &[Fixed], w: &Matrix, n: usize, kappa: Fixed) -> Vec<Fixed> {
    let mut voters: Vec<usize> = Vec::new();
    let mut s: Vec<Fixed> = Vec::new();
    for (i, st) in stake.iter().enumerate() {
        if *st > ZERO {
            voters.push(i);
            s.push(*st);
        }
    }
    crate::math::normalize(&mut s);
    let total = crate::math::sum(&s);
    let minority = sub(total, kappa);

    // Column-major gather of the voters' weights: one dense row per voter.
    let mut columns: Vec<Vec<Fixed>> = vec![vec![ZERO; voters.len()]; n];
    for (k, &i) in voters.iter().enumerate() {
        if let Some(row) = w.get(i) {
            for (j, v) in row {
                if let Some(cell) = columns.get_mut(usize::from(*j)).and_then(|c| c.get_mut(k)) {
                    *cell = *v;
                }
            }
        }
    }
    columns.iter().map(|c| weighted_median(&s, c, total, minority)).collect()
}

/// The pivot search of §3.6 on one column `c` with stakes `s`.
pub fn weighted_median(s: &[Fixed], c: &[Fixed], total: Fixed, minority: Fixed) -> Fixed {
    let k = s.len().min(c.len());
    let mut part: Vec<usize> = (0..k).collect();
    let mut lo = ZERO;
    let mut hi = total;
    let mut iterations = 0usize;
    let value = |i: usize| c.get(i).copied().unwrap_or(ZERO);
    let stake = |i: usize| s.get(i).copied().unwrap_or(ZERO);
    loop {
        match part.len() {
            0 => return ZERO,
            1 => return part.first().map(|&i| value(i)).unwrap_or(ZERO),
            len => {
                let pivot = part.get(len / 2).map(|&i| value(i)).unwrap_or(ZERO);
                let lower: Vec<usize> = part.iter().copied().filter(|&i| value(i) < pivot).collect();
                let upper: Vec<usize> = part.iter().copied().filter(|&i| value(i) > pivot).collect();
                let s_lower = lower.iter().fold(ZERO, |acc, &i| add(acc, stake(i)));
                let s_upper = upper.iter().fold(ZERO, |acc, &i| add(acc, stake(i)));
                if minority < add(lo, s_lower) && !lower.is_empty() {
                    hi = add(lo, s_lower);
                    part = lower;
                } else if sub(hi, s_upper) <= minority && !upper.is_empty() {
                    lo = sub(hi, s_upper);
                    part = upper;
                } else {
                    return pivot;
                }
            },
        }
        iterations = iterations.saturating_add(1);
        if iterations > k {
            return ZERO;
        }
    }
}

/// Clips each weight to its column's consensus (§3.7): above consensus becomes the
/// consensus, or disappears when the consensus is 0.
pub fn clip(w: &Matrix, consensus: &[Fixed]) -> Matrix {
    w.iter()
        .map(|row| {
            row.iter()
                .filter_map(|&(j, v)| {
                    let c = at(consensus, j);
                    if c < v {
                        (c > ZERO).then_some((j, c))
                    } else {
                        Some((j, v))
                    }
                })
                .collect()
        })
        .collect()
}

/// `W + β(W̄ − W)` (§3.8): exactly W for β = 0, exactly W̄ for β = 1, otherwise dense per
/// row keeping positive values in ascending column order.
pub fn interpolate(w: &Matrix, w_clipped: &Matrix, beta: Fixed, n: usize) -> Matrix {
    if beta == ZERO {
        return w.clone();
    }
    if beta == ONE {
        return w_clipped.clone();
    }
    w.iter()
        .zip(w_clipped.iter())
        .map(|(row, row_clipped)| {
            // Per column present in either row: x = w + β(w̄ − w); absent values are 0.
            let mut cols: Vec<(u16, Fixed, Fixed)> = row
                .iter()
                .map(|&(j, v)| (j, v, ZERO))
                .chain(row_clipped.iter().map(|&(j, v)| (j, ZERO, v)))
                .filter(|(j, _, _)| usize::from(*j) < n)
                .collect();
            cols.sort_by_key(|(j, _, _)| *j);
            let mut out: Row = Vec::new();
            let mut k = 0usize;
            while let Some(&(j, _, _)) = cols.get(k) {
                let (mut a, mut b) = (ZERO, ZERO);
                while let Some(&(jj, x, y)) = cols.get(k) {
                    if jj != j {
                        break;
                    }
                    a = add(a, x);
                    b = add(b, y);
                    k = k.saturating_add(1);
                }
                let mixed = add(a, mul(beta, sub(b, a)));
                if mixed > ZERO {
                    out.push((j, mixed));
                }
            }
            out
        })
        .collect()
}

/// Sums entries by column (sparse), keeping positive sums in ascending column order.
fn merge_positive(mut entries: Vec<(u16, Fixed)>, n: usize) -> Row {
    entries.retain(|(j, _)| usize::from(*j) < n);
    entries.sort_by_key(|(j, _)| *j);
    let mut out: Row = Vec::new();
    let mut k = 0usize;
    while let Some(&(j, _)) = entries.get(k) {
        let mut total = ZERO;
        while let Some(&(jj, v)) = entries.get(k) {
            if jj != j {
                break;
            }
            total = add(total, v);
            k = k.saturating_add(1);
        }
        if total > ZERO {
            out.push((j, total));
        }
    }
    out
}

/// `mul(m_ij, a_i)` for every entry (zeros kept).
pub fn scale_rows(m: &Matrix, a: &[Fixed]) -> Matrix {
    m.iter()
        .enumerate()
        .map(|(i, row)| {
            let ai = a.get(i).copied().unwrap_or(ZERO);
            row.iter().map(|&(j, v)| (j, mul(v, ai))).collect()
        })
        .collect()
}

/// Fixed-α EMA: `α·new + (1−α)·old` per column of each row; positive values kept, ascending.
pub fn ema(new: &Matrix, old: &Matrix, alpha: Fixed, n: usize) -> Matrix {
    let one_minus = sub(ONE, alpha);
    let empty: Row = Vec::new();
    (0..new.len().max(old.len()))
        .map(|i| {
            let new_row = new.get(i).unwrap_or(&empty);
            let old_row = old.get(i).unwrap_or(&empty);
            let entries: Vec<(u16, Fixed)> = new_row
                .iter()
                .map(|&(j, v)| (j, mul(alpha, v)))
                .chain(old_row.iter().map(|&(j, v)| (j, mul(one_minus, v))))
                .collect();
            merge_positive(entries, n)
        })
        .collect()
}

/// The entries of a row that upstream's liquid-alpha merge-walk actually reads (quirk Q2).
///
/// The walk assumes ascending columns: for each column j = 0..n it skips entries with a
/// column below j and reads the entry whose column is j without consuming it. On an unsorted
/// row this reads an entry **iff its column is strictly greater than every column before it
/// in the row** (the running maximum); a repeated column is read at its first occurrence
/// only. Every other entry is read as 0. The result is strictly ascending by column.
pub fn walked_entries(row: &Row) -> Row {
    let mut out: Row = Vec::new();
    let mut max: Option<u16> = None;
    for &(j, v) in row.iter() {
        if max.is_none_or(|m| j > m) {
            max = Some(j);
            out.push((j, v));
        }
    }
    out
}

/// Liquid-alpha parameters (§3.8.3 a).
#[derive(Clone, Copy, Debug)]
pub struct LiquidAlpha {
    pub low: Fixed,
    pub high: Fixed,
    pub steepness: Fixed,
}

impl LiquidAlpha {
    /// `α` for a weight `w`, an old bond `b` and the column's consensus `c`.
    pub fn alpha(&self, w: Fixed, b: Fixed, c: Fixed) -> Fixed {
        let clamp01 = |x: Fixed| if x < ZERO { ZERO } else if x > ONE { ONE } else { x };
        let diff_buy = clamp01(sub(w, c));
        let diff_sell = clamp01(sub(b, w));
        let d = if w >= b { diff_buy } else { diff_sell };
        let half = Fixed::from_bits(1 << 31);
        let x = mul(div(self.steepness, Fixed::from_num(-100)), sub(d, half));
        let sigma = div(ONE, add(ONE, crate::math::exp_safe(x)));
        let alpha = add(self.low, mul(sigma, sub(self.high, self.low)));
        if alpha < self.low {
            self.low
        } else if alpha > self.high {
            self.high
        } else {
            alpha
        }
    }
}

/// Yuma3 liquid-alpha EMA (§3.8.3 a): per-entry α from the walked weights and bonds; old
/// bonds decay only where the new row has an entry (even an explicit 0), others are dropped;
/// results clamp at 1 and only positive values are kept, in the new row's order.
pub fn ema_liquid(
    wb: &Matrix,
    bonds: &Matrix,
    consensus: &[Fixed],
    params: &LiquidAlpha,
    n: usize,
) -> Matrix {
    let empty: Row = Vec::new();
    (0..wb.len().max(bonds.len()))
        .map(|i| {
            let w_row = wb.get(i).unwrap_or(&empty);
            let b_row = bonds.get(i).unwrap_or(&empty);
            let w_walk = walked_entries(w_row);
            let b_walk = walked_entries(b_row);
            let walked = |walk: &Row, j: u16| {
                walk.binary_search_by_key(&j, |(c, _)| *c)
                    .ok()
                    .and_then(|k| walk.get(k))
                    .map(|(_, v)| *v)
                    .unwrap_or(ZERO)
            };
            let alpha_at = |j: u16| {
                params.alpha(walked(&w_walk, j), walked(&b_walk, j), at(consensus, j))
            };
            // Decayed old bonds by column (columns ≥ n are not part of the subnet; for a
            // repeated column the last entry counts), kept sparse so that cost follows the
            // number of entries rather than n.
            let mut decayed: Vec<(u16, Fixed)> = b_row
                .iter()
                .filter(|(j, _)| usize::from(*j) < n)
                .map(|&(j, b)| (j, mul(sub(ONE, alpha_at(j)), b)))
                .collect();
            decayed.reverse();
            decayed.sort_by_key(|(j, _)| *j);
            decayed.dedup_by_key(|(j, _)| *j);
            let decayed_at = |j: u16| {
                decayed
                    .binary_search_by_key(&j, |(c, _)| *c)
                    .ok()
                    .and_then(|k| decayed.get(k))
                    .map_or(ZERO, |(_, v)| *v)
            };
            w_row
                .iter()
                .filter(|(j, _)| usize::from(*j) < n)
                .filter_map(|&(j, w)| {
                    let grow = mul(alpha_at(j), w);
                    let grow = if grow > ZERO { grow } else { ZERO };
                    let v = add(decayed_at(j), grow);
                    let v = if v > ONE { ONE } else { v };
                    (v > ZERO).then_some((j, v))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> Fixed {
        Fixed::from_num(x)
    }

    fn dense_to_sparse(rows: &[&[f64]]) -> Matrix {
        rows.iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(_, v)| **v != 0.0)
                    .map(|(j, v)| (j as u16, f(*v)))
                    .collect()
            })
            .collect()
    }

    fn median(stake: &[f64], w: &[&[f64]], kappa: f64) -> Vec<f64> {
        let stake: Vec<Fixed> = stake.iter().map(|x| f(*x)).collect();
        let n = w.first().map_or(0, |r| r.len());
        weighted_median_cols(&stake, &dense_to_sparse(w), n, f(kappa))
            .iter()
            .map(|x| x.to_num::<f64>())
            .collect()
    }

    fn close(a: &[f64], b: &[f64], eps: f64) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() <= eps, "{a:?} != {b:?}");
        }
    }

    /// `yuma.md` §6 V1, column medians.
    #[test]
    fn v1_weighted_median_columns() {
        let w: &[&[f64]] = &[&[0.0, 0.1, 0.0], &[0.0, 0.2, 0.4], &[0.0, 0.3, 0.1], &[0.0, 0.4, 0.5]];
        let stake = [0.0, 0.75, 0.25, 0.0];
        close(&median(&stake, w, 0.24), &[0.0, 0.3, 0.4], 1e-9);
        close(&median(&stake, w, 0.26), &[0.0, 0.2, 0.4], 1e-9);
        close(&median(&stake, w, 0.76), &[0.0, 0.2, 0.1], 1e-9);

        let w: &[&[f64]] = &[&[0.0, 0.1, 0.0], &[0.0, 0.2, 0.4], &[0.0, 0.3, 0.1], &[0.0, 0.0, 0.5]];
        close(&median(&[0.0, 0.3, 0.2, 0.5], w, 0.51), &[0.0, 0.0, 0.4], 1e-9);
    }

    /// `yuma.md` §6 V1, scalar medians with minority = 1 − 0.51.
    #[test]
    fn v1_weighted_median_scalar() {
        let cases: &[(&[f64], &[f64], f64)] = &[
            (&[0.49, 0.51], &[0.5, 1.0], 1.0),
            (&[0.51, 0.49], &[0.5, 1.0], 0.5),
            (&[0.49, 0.01, 0.5], &[0.5, 0.7, 1.0], 0.7),
            (&[0.2; 5], &[0.8, 0.2, 1.0, 0.6, 0.4], 0.6),
            (&[0.1; 10], &[0.8, 0.8, 0.2, 0.2, 1.0, 1.0, 0.6, 0.6, 0.4, 0.4], 0.6),
        ];
        for (stake, score, expected) in cases {
            let s: Vec<Fixed> = stake.iter().map(|x| f(*x)).collect();
            let c: Vec<Fixed> = score.iter().map(|x| f(*x)).collect();
            let total = crate::math::sum(&s);
            let minority = sub(ONE, f(0.51));
            assert_eq!(weighted_median(&s, &c, total, minority), f(*expected), "{stake:?}");
        }
    }

    /// `yuma.md` §6 V3: a bond whose column is absent from the new row is dropped.
    #[test]
    fn v3_liquid_ema_drops_absent_columns() {
        let old = dense_to_sparse(&[&[1.0, 0.0, 0.0], &[0.0; 3], &[0.0; 3], &[0.0; 3]]);
        let new = dense_to_sparse(&[&[0.0; 3], &[0.0, 2.0, 0.0], &[0.0; 3], &[0.0; 3]]);
        // α = 0.1 everywhere: low = high = 0.1.
        let params = LiquidAlpha { low: f(0.1), high: f(0.1), steepness: f(1000.0) };
        let out = ema_liquid(&new, &old, &[ZERO; 3], &params, 3);
        assert!(out[0].is_empty());
        assert_eq!(out[1].len(), 1);
        assert_eq!(out[1][0].0, 1);
        assert!((out[1][0].1.to_num::<f64>() - 0.2).abs() < 1e-6);
    }

    /// `yuma.md` §6 V3: dense liquid EMA with α = 0.1 and the clamp at 1.
    #[test]
    fn v3_liquid_ema_dense_case() {
        let old = dense_to_sparse(&[
            &[0.1, 0.2, 3.0],
            &[0.04, 0.05, 0.06],
            &[0.07, 0.08, 0.09],
            &[0.1, 0.11, 0.12],
        ]);
        let new = dense_to_sparse(&[
            &[1.0, 2.0, 3.0],
            &[4.0, 5.0, 6.0],
            &[7.0, 8.0, 9.0],
            &[10.0, 11.0, 12.0],
        ]);
        // Upstream's "α = 0.1" here is the u16 proportion 6553/65535 (0.099992…), which is
        // what makes 0.6539 and 0.8719 the expected values.
        let a = crate::math::u16_proportion(6553);
        let params = LiquidAlpha { low: a, high: a, steepness: f(1000.0) };
        let out = ema_liquid(&new, &old, &[ZERO; 3], &params, 3);
        let expected = [
            [0.19, 0.38, 1.0],
            [0.436, 0.545, 0.6539],
            [0.763, 0.8719, 0.981],
            [1.0, 1.0, 1.0],
        ];
        for (row, exp) in out.iter().zip(expected.iter()) {
            let dense: Vec<f64> = dense_row(row, 3).iter().map(|x| x.to_num()).collect();
            close(&dense, exp, 1e-4);
        }
    }

    #[test]
    fn liquid_alpha_example() {
        // w = 1, C = 1, b = 0, steepness 1000, (low, high) = (6553, 19660) as u16.
        let params = LiquidAlpha {
            low: crate::math::u16_proportion(6553),
            high: crate::math::u16_proportion(19660),
            steepness: f(1000.0),
        };
        let a: f64 = params.alpha(ONE, ZERO, ONE).to_num();
        assert!((a - 0.1013309).abs() < 1e-6, "{a}");
    }

    fn walked_columns(cols: &[u16]) -> Vec<u16> {
        let row: Row = cols.iter().map(|&j| (j, ONE)).collect();
        walked_entries(&row).iter().map(|(j, _)| *j).collect()
    }

    /// Quirk Q2: an entry is read iff its column exceeds every column before it.
    #[test]
    fn walk_reads_entries_above_the_running_maximum() {
        assert_eq!(walked_columns(&[2, 1, 3]), [2, 3]);
        assert_eq!(walked_columns(&[1, 4, 3, 5]), [1, 4, 5]);
        assert_eq!(walked_columns(&[0, 1, 2, 3]), [0, 1, 2, 3]);
        assert_eq!(walked_columns(&[3, 2, 1, 0]), [3]);
        assert_eq!(walked_columns(&[5, 0, 6, 1, 7]), [5, 6, 7]);
        assert_eq!(walked_columns(&[]), Vec::<u16>::new());
    }

    /// Quirk Q2: a repeated column is read at its first occurrence only, with that value.
    #[test]
    fn walk_reads_a_repeated_column_once() {
        assert_eq!(walked_columns(&[2, 2]), [2]);
        assert_eq!(walked_columns(&[1, 3, 1, 3, 4]), [1, 3, 4]);
        let row: Row = vec![(2, f(0.25)), (2, f(0.5)), (3, f(0.75))];
        assert_eq!(walked_entries(&row), vec![(2, f(0.25)), (3, f(0.75))]);
    }

    #[test]
    fn interpolate_extremes_keep_rows_exactly() {
        let w: Matrix = vec![vec![(1, ZERO), (0, f(0.5))]];
        let c: Matrix = vec![vec![(0, f(0.25))]];
        assert_eq!(interpolate(&w, &c, ZERO, 2), w);
        assert_eq!(interpolate(&w, &c, ONE, 2), c);
        let half = interpolate(&w, &c, f(0.5), 2);
        assert_eq!(half, vec![vec![(0, f(0.375))]]);
    }
}
