//! An independent, slow reference of one mechanism epoch, written from `yuma.md` §3 step by
//! step. Matrices are dense n × n (`Option` marks whether an entry is present, because
//! explicit zeros matter, §3.5) plus each row's stored order, because upstream's liquid-alpha
//! walk and Yuma3's bond rows depend on it (quirk Q2). Nothing here calls the engine: only
//! its plain data types (`EpochInput`, `EpochOutput`) are shared, so the outputs compare
//! field by field.

use super::fx::{self, add, div, int, mul, one, sub, zero, F};
use tensorchain_yuma::{EpochInput, EpochOutput};

/// A dense matrix with presence and the order in which each row's entries are stored.
#[derive(Clone, Debug)]
pub struct Mat {
    n: usize,
    val: Vec<Vec<Option<F>>>,
    order: Vec<Vec<usize>>,
}

impl Mat {
    pub fn new(n: usize) -> Self {
        Mat { n, val: vec![vec![None; n]; n], order: vec![Vec::new(); n] }
    }

    pub fn get(&self, i: usize, j: usize) -> Option<F> {
        self.val[i][j]
    }

    /// Adds an entry at the end of row i's order. Stored rows never repeat a column
    /// (set_weights refuses duplicates), and the reference does not define them.
    pub fn push(&mut self, i: usize, j: usize, v: F) {
        assert!(self.val[i][j].is_none(), "reference: duplicate column {j} in row {i}");
        self.val[i][j] = Some(v);
        self.order[i].push(j);
    }

    /// Replaces the value of a present entry, keeping its place.
    pub fn replace(&mut self, i: usize, j: usize, v: F) {
        assert!(self.val[i][j].is_some());
        self.val[i][j] = Some(v);
    }

    pub fn remove(&mut self, i: usize, j: usize) {
        if self.val[i][j].take().is_some() {
            self.order[i].retain(|&c| c != j);
        }
    }

    pub fn clear_row(&mut self, i: usize) {
        for j in 0..self.n {
            self.val[i][j] = None;
        }
        self.order[i].clear();
    }

    /// Row i's entries in stored order.
    pub fn row(&self, i: usize) -> Vec<(usize, F)> {
        self.order[i].iter().map(|&j| (j, self.val[i][j].unwrap())).collect()
    }

    pub fn row_is_sorted(&self, i: usize) -> bool {
        self.order[i].windows(2).all(|w| w[0] < w[1])
    }

    /// Column-normalise (§1): col_sum_j over present entries; divide where it is not 0.
    pub fn col_normalize(&mut self) {
        let n = self.n;
        let mut col_sum = vec![zero(); n];
        for i in 0..n {
            for j in 0..n {
                if let Some(v) = self.val[i][j] {
                    col_sum[j] = add(col_sum[j], v);
                }
            }
        }
        for i in 0..n {
            for j in 0..n {
                if let Some(v) = self.val[i][j] {
                    if col_sum[j] != zero() {
                        self.val[i][j] = Some(div(v, col_sum[j]));
                    }
                }
            }
        }
    }

    /// Column-max-upscale (§1): col_max_j starts at 0; divide where it is not 0.
    pub fn col_max_upscale(&mut self) {
        let n = self.n;
        let mut col_max = vec![zero(); n];
        for i in 0..n {
            for j in 0..n {
                if let Some(v) = self.val[i][j] {
                    if v > col_max[j] {
                        col_max[j] = v;
                    }
                }
            }
        }
        for i in 0..n {
            for j in 0..n {
                if let Some(v) = self.val[i][j] {
                    if col_max[j] != zero() {
                        self.val[i][j] = Some(div(v, col_max[j]));
                    }
                }
            }
        }
    }
}

/// What the reference saw, for coverage counts in the differential test.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub inactive: usize,
    pub threshold_cut: usize,
    pub owner: bool,
    pub self_weight_dropped: usize,
    pub owner_self_weight_kept: bool,
    pub outdated_dropped: usize,
    pub commit_dropped: usize,
    pub recent_bond_dropped: usize,
    pub explicit_zero_weights: usize,
    pub nonzero_consensus: bool,
    pub negative_minority: bool,
    pub liquid_path: bool,
    /// In the liquid path, some present weight or bond entry was read as 0 by the walk.
    pub walk_skipped: bool,
    pub unsorted_rows: bool,
    pub fallback_stake: bool,
    pub fallback_active: bool,
    pub permit_lost: bool,
}

/// §1 is_topk_nonzero: r_i = (v_i ≠ 0); if n < k return r; otherwise sort the indices
/// stably ascending by v (an insertion sort, which is stable) and clear the first n − k.
pub fn is_topk_nonzero(v: &[F], k: usize) -> Vec<bool> {
    let n = v.len();
    let mut r: Vec<bool> = v.iter().map(|x| *x != zero()).collect();
    if n < k {
        return r;
    }
    let mut idx: Vec<usize> = Vec::new();
    for i in 0..n {
        let mut pos = idx.len();
        while pos > 0 && v[idx[pos - 1]] > v[i] {
            pos -= 1;
        }
        idx.insert(pos, i);
    }
    for &i in idx.iter().take(n - k) {
        r[i] = false;
    }
    r
}

/// §3.6 step 3, literally.
pub fn weighted_median(s: &[F], c: &[F], m: F, total: F) -> F {
    let k = s.len();
    let mut p: Vec<usize> = (0..k).collect();
    let mut lo = zero();
    let mut hi = total;
    let mut iterations = 0usize;
    loop {
        if p.is_empty() {
            return zero();
        }
        if p.len() == 1 {
            return c[p[0]];
        }
        let pivot = c[p[p.len() / 2]];
        let l: Vec<usize> = p.iter().copied().filter(|&i| c[i] < pivot).collect();
        let u: Vec<usize> = p.iter().copied().filter(|&i| c[i] > pivot).collect();
        let mut sl = zero();
        for &i in &l {
            sl = add(sl, s[i]);
        }
        let mut su = zero();
        for &i in &u {
            su = add(su, s[i]);
        }
        if m < add(lo, sl) && !l.is_empty() {
            hi = add(lo, sl);
            p = l;
        } else if sub(hi, su) <= m && !u.is_empty() {
            lo = sub(hi, su);
            p = u;
        } else {
            return pivot;
        }
        iterations += 1;
        if iterations > k {
            return zero();
        }
    }
}

/// The merge-walk of §3.8.3 (a) as quirk Q2 describes it, on a row in stored order: visit
/// columns j = 0..n ascending; for each j skip entries whose column is < j, and read the
/// entry whose column == j without consuming it. Everything not read is 0.
pub fn walk(row: &[(usize, F)], n: usize) -> Vec<F> {
    let mut read = vec![zero(); n];
    let mut k = 0usize;
    for j in 0..n {
        while k < row.len() && row[k].0 < j {
            k += 1;
        }
        if k < row.len() && row[k].0 == j {
            read[j] = row[k].1;
        }
    }
    read
}

fn clamp01(x: F) -> F {
    if x < zero() {
        zero()
    } else if x > one() {
        one()
    } else {
        x
    }
}

/// §3.8.3 (a): the per-entry liquid α.
pub fn liquid_alpha(w: F, b: F, c: F, low: F, high: F, steepness: F) -> F {
    let diff_buy = clamp01(sub(w, c));
    let diff_sell = clamp01(sub(b, w));
    let d = if w >= b { diff_buy } else { diff_sell };
    let x = mul(div(steepness, int(-100)), sub(d, fx::half()));
    let sigma = div(one(), add(one(), fx::exp_safe(x)));
    let a = add(low, mul(sigma, sub(high, low)));
    assert!(low <= high, "reference: clamp with α_low > α_high is undefined");
    if a < low {
        low
    } else if a > high {
        high
    } else {
        a
    }
}

/// The fixed-α dense EMA (§3.8.1 step 3, §3.8.3 b): per row, for j = 0..n ascending,
/// acc_j = mul(α, new_ij) + mul(1 − α, old_ij) (absent = 0); keep acc_j > 0.
fn fixed_ema(new: &Mat, old: &Mat, alpha: F, n: usize) -> Mat {
    let mut out = Mat::new(n);
    let one_minus = sub(one(), alpha);
    for i in 0..n {
        for j in 0..n {
            let a = new.get(i, j).unwrap_or(zero());
            let b = old.get(i, j).unwrap_or(zero());
            let acc = add(mul(alpha, a), mul(one_minus, b));
            if acc > zero() {
                out.push(i, j, acc);
            }
        }
    }
    out
}

/// Converts stored rows (uids < n only) into a matrix, keeping stored order.
fn from_stored(rows: &[Vec<(u16, u16)>], n: usize, conv: impl Fn(u16) -> F) -> Mat {
    let mut m = Mat::new(n);
    for (i, row) in rows.iter().enumerate().take(n) {
        for &(j, v) in row {
            if usize::from(j) < n {
                m.push(i, usize::from(j), conv(v));
            }
        }
    }
    m
}

/// One mechanism epoch (§3.0–§3.10).
pub fn epoch(inp: &EpochInput) -> (EpochOutput, Trace) {
    let mut t = Trace::default();
    let n = usize::from(inp.n);
    let p = &inp.params;
    let b = inp.block;
    let owner: Option<usize> = inp.owner_uid.map(usize::from);
    t.owner = owner.is_some();

    // §3.1 Activity: inactive_i = (LU_i + cutoff < b).
    let mut active = vec![false; n];
    for i in 0..n {
        let inactive = u128::from(inp.last_update[i]) + u128::from(p.activity_cutoff) < u128::from(b);
        active[i] = !inactive;
        if inactive {
            t.inactive += 1;
        }
    }

    // §3.2 Stake. tao_weight = TaoWeight / (2^64 − 1) computed in U96F32 (32 fractional
    // bits; staking-2.md gives the runtime value's bits as 226 245 882), then widened to
    // I64F64 exactly.
    let tw32: u128 = (u128::from(p.tao_weight) << 32) / u128::from(u64::MAX);
    let tw64: u128 = tw32 << 32;
    let mut s_raw = vec![0u128; n];
    let mut stake_floor = vec![0u64; n];
    for j in 0..n {
        // I64F64 mul of the integer tao_j by tw: (tao_j·2^64)·tw64 >> 64 = tao_j·tw64, exact.
        s_raw[j] = fx::int64(inp.alpha_stake[j]) + u128::from(inp.tao_stake[j]) * tw64;
        stake_floor[j] = u64::try_from(s_raw[j] >> 64).unwrap();
    }
    let mut filtered = vec![0u128; n];
    for j in 0..n {
        if Some(j) != owner && stake_floor[j] < p.stake_threshold {
            filtered[j] = 0;
            if s_raw[j] > 0 {
                t.threshold_cut += 1;
            }
        } else {
            filtered[j] = s_raw[j];
        }
    }
    let total: u128 = filtered.iter().sum();
    if total != 0 {
        for x in filtered.iter_mut() {
            *x = fx::div64(*x, total);
        }
    }
    let stake: Vec<F> = filtered.iter().map(|x| fx::trunc64(*x)).collect();
    let stake_weight: Vec<u16> = stake.iter().map(|x| fx::to_u16(*x)).collect();

    // §3.3 New permits; old permits (forced for the owner) mask this epoch.
    let mut new_permit = is_topk_nonzero(&stake, usize::from(p.max_allowed_validators));
    let mut old_permit = inp.validator_permit.clone();
    if let Some(o) = owner {
        new_permit[o] = true;
        old_permit[o] = true;
    }
    t.permit_lost = (0..n).any(|i| old_permit[i] && !new_permit[i]);

    // §3.4 Active stake.
    let mut a = vec![zero(); n];
    for i in 0..n {
        a[i] = if active[i] && old_permit[i] { stake[i] } else { zero() };
    }
    fx::normalize(&mut a);

    // §3.5 Weights and masks.
    let mut w = from_stored(&inp.weights, n, |u| int(i64::from(u)));
    for i in 0..n {
        // 2. Permit mask.
        if !old_permit[i] {
            w.clear_row(i);
            continue;
        }
        // 3. Self-weight mask, except the owner.
        if w.get(i, i).is_some() {
            if Some(i) == owner {
                t.owner_self_weight_kept = true;
            } else {
                w.remove(i, i);
                t.self_weight_dropped += 1;
            }
        }
        // 4. Outdated mask: LU_i ≤ REG_j.
        for j in 0..n {
            if w.get(i, j).is_some() && inp.last_update[i] <= inp.block_at_registration[j] {
                w.remove(i, j);
                t.outdated_dropped += 1;
            }
        }
        // 5. Commit-reveal mask: cb_i < REG_j (cb_i = +∞ without commits).
        if p.commit_reveal_enabled {
            if let Some(cb) = inp.commit_block[i] {
                for j in 0..n {
                    if w.get(i, j).is_some() && cb < inp.block_at_registration[j] {
                        w.remove(i, j);
                        t.commit_dropped += 1;
                    }
                }
            }
        }
    }
    // 6. Row-normalise where the row sum is positive.
    for i in 0..n {
        let mut s = zero();
        for (_, v) in w.row(i) {
            s = add(s, v);
        }
        if s > zero() {
            for (j, v) in w.row(i) {
                w.replace(i, j, div(v, s));
            }
        }
        t.explicit_zero_weights += w.row(i).iter().filter(|(_, v)| *v == zero()).count();
        if !w.row_is_sorted(i) {
            t.unsorted_rows = true;
        }
    }

    // §3.6 Consensus.
    let voters: Vec<usize> = (0..n).filter(|&i| a[i] > zero()).collect();
    let mut s: Vec<F> = voters.iter().map(|&i| a[i]).collect();
    fx::normalize(&mut s);
    let s_total = fx::sum(&s);
    let kappa = fx::u16_proportion(p.kappa);
    let minority = sub(s_total, kappa);
    t.negative_minority = minority < zero();
    let mut consensus = vec![zero(); n];
    for j in 0..n {
        let c: Vec<F> = voters.iter().map(|&i| w.get(i, j).unwrap_or(zero())).collect();
        consensus[j] = weighted_median(&s, &c, minority, s_total);
    }
    t.nonzero_consensus = consensus.iter().any(|c| *c != zero());

    // §3.7 Clip, validator trust, rank, incentive.
    let mut clipped = Mat::new(n);
    for i in 0..n {
        for (j, v) in w.row(i) {
            if consensus[j] < v {
                if consensus[j] > zero() {
                    clipped.push(i, j, consensus[j]);
                }
            } else {
                clipped.push(i, j, v);
            }
        }
    }
    let mut vt = vec![zero(); n];
    for i in 0..n {
        for j in 0..n {
            if let Some(v) = clipped.get(i, j) {
                vt[i] = add(vt[i], v);
            }
        }
    }
    let mut incentive = vec![zero(); n];
    for j in 0..n {
        for i in 0..n {
            if let Some(v) = clipped.get(i, j) {
                incentive[j] = add(incentive[j], mul(a[i], v));
            }
        }
    }
    fx::normalize(&mut incentive);

    // §3.8 Weights for bonds.
    let beta = fx::u16_proportion(p.bonds_penalty);
    let wb = if beta == zero() {
        w.clone()
    } else if beta == one() {
        clipped.clone()
    } else {
        let mut m = Mat::new(n);
        for i in 0..n {
            for j in 0..n {
                let x0 = w.get(i, j).unwrap_or(zero());
                let x1 = clipped.get(i, j).unwrap_or(zero());
                let x = add(x0, mul(beta, sub(x1, x0)));
                if x > zero() {
                    m.push(i, j, x);
                }
            }
        }
        m
    };

    // Recently-registered bond mask.
    let last_tempo = if inp.last_mechanism_step_block == 0 {
        b.checked_sub(u64::from(inp.tempo)).expect("reference: block below tempo is undefined")
    } else {
        inp.last_mechanism_step_block + 1
    };
    let mask_recent = |m: &mut Mat, t: &mut Trace| {
        for i in 0..n {
            for j in 0..n {
                if m.get(i, j).is_some() && last_tempo <= inp.block_at_registration[j] {
                    m.remove(i, j);
                    t.recent_bond_dropped += 1;
                }
            }
        }
    };

    // Fixed α = 1 − I32F32(I64F64(BMA) / I64F64(1e6)).
    let ratio64: u128 = (u128::from(p.bonds_moving_average) << 64) / 1_000_000;
    let alpha = sub(one(), fx::trunc64(ratio64));

    let mut dividends = vec![zero(); n];
    let mut stored: Vec<Vec<(u16, u16)>> = vec![Vec::new(); n];
    if !p.yuma3 {
        // §3.8.1 Classic.
        let mut old = from_stored(&inp.bonds, n, |u| int(i64::from(u)));
        mask_recent(&mut old, &mut t);
        old.col_normalize();
        let mut delta = Mat::new(n);
        for i in 0..n {
            for (j, v) in wb.row(i) {
                delta.push(i, j, mul(v, a[i]));
            }
        }
        delta.col_normalize();
        let mut eb = fixed_ema(&delta, &old, alpha, n);
        eb.col_normalize();
        for i in 0..n {
            for j in 0..n {
                if let Some(v) = eb.get(i, j) {
                    dividends[i] = add(dividends[i], mul(incentive[j], v));
                }
            }
        }
        fx::normalize(&mut dividends);
        eb.col_max_upscale();
        for i in 0..n {
            stored[i] = eb.row(i).iter().map(|&(j, v)| (j as u16, fx::to_u16(v))).collect();
        }
    } else {
        // §3.8.2 Yuma3.
        let mut old = from_stored(&inp.bonds, n, fx::u16_proportion);
        mask_recent(&mut old, &mut t);
        for i in 0..n {
            if !old.row_is_sorted(i) {
                t.unsorted_rows = true;
            }
        }
        let eb = if p.liquid_alpha && consensus.iter().any(|c| *c != zero()) {
            // §3.8.3 (a).
            t.liquid_path = true;
            let low = fx::u16_proportion(p.alpha_low);
            let high = fx::u16_proportion(p.alpha_high);
            let steep = int(i64::from(p.alpha_sigmoid_steepness));
            let mut out = Mat::new(n);
            for i in 0..n {
                let w_row = wb.row(i);
                let b_row = old.row(i);
                let w_read = walk(&w_row, n);
                let b_read = walk(&b_row, n);
                if w_row.iter().any(|&(j, v)| w_read[j] != v) || b_row.iter().any(|&(j, v)| b_read[j] != v) {
                    t.walk_skipped = true;
                }
                let al: Vec<F> = (0..n)
                    .map(|j| liquid_alpha(w_read[j], b_read[j], consensus[j], low, high, steep))
                    .collect();
                let mut dec = vec![zero(); n];
                for &(j, bv) in &b_row {
                    dec[j] = mul(sub(one(), al[j]), bv);
                }
                for &(j, wv) in &w_row {
                    let mut grow = mul(al[j], wv);
                    if grow < zero() {
                        grow = zero();
                    }
                    let mut v = add(dec[j], grow);
                    if v > one() {
                        v = one();
                    }
                    if v > zero() {
                        out.push(i, j, v);
                    }
                }
            }
            out
        } else {
            // §3.8.3 (b).
            fixed_ema(&wb, &old, alpha, n)
        };
        let mut ebn = eb.clone();
        ebn.col_normalize();
        for i in 0..n {
            let mut tb = zero();
            for j in 0..n {
                if let Some(v) = ebn.get(i, j) {
                    tb = add(tb, mul(v, incentive[j]));
                }
            }
            dividends[i] = fx::checked_mul(tb, a[i]).unwrap_or(zero());
        }
        fx::normalize(&mut dividends);
        for i in 0..n {
            stored[i] = eb.row(i).iter().map(|&(j, v)| (j as u16, fx::to_u16(v))).collect();
        }
    }

    // §3.9 Emission scores.
    let mut e = vec![zero(); n];
    for i in 0..n {
        e[i] = add(incentive[i], dividends[i]);
    }
    let sigma = fx::sum(&e);
    let mut se = incentive.clone();
    let mut ve = dividends.clone();
    if sigma != zero() {
        for i in 0..n {
            se[i] = div(incentive[i], sigma);
            ve[i] = div(dividends[i], sigma);
        }
    }
    let mut ce = e.clone();
    fx::normalize(&mut ce);
    if sigma == zero() {
        if fx::sum(&a) == zero() {
            ve = stake.clone();
            ce = stake.clone();
            t.fallback_stake = true;
        } else {
            ve = a.clone();
            ce = a.clone();
            t.fallback_active = true;
        }
    }
    let r = inp.emission;

    // §3.10 Outputs.
    let bonds: Vec<Vec<(u16, u16)>> =
        (0..n).map(|i| if new_permit[i] { stored[i].clone() } else { Vec::new() }).collect();
    let out = EpochOutput {
        active,
        stake: stake_floor,
        stake_weight,
        consensus: consensus.iter().map(|x| fx::to_u16(*x)).collect(),
        incentive: incentive.iter().map(|x| fx::to_u16(*x)).collect(),
        dividends: dividends.iter().map(|x| fx::to_u16(*x)).collect(),
        validator_trust: vt.iter().map(|x| fx::to_u16(*x)).collect(),
        validator_permit: new_permit,
        bonds,
        server_emission: se.iter().map(|x| fx::amount(*x, r)).collect(),
        validator_emission: ve.iter().map(|x| fx::amount(*x, r)).collect(),
        emission: ce.iter().map(|x| fx::amount(*x, r)).collect(),
    };
    (out, t)
}
