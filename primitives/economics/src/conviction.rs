//! Stake locks and conviction (`staking-2.md` §5.3): a lock's mass decays exponentially with
//! the unlock time constant (unless the lock is perpetual) while its conviction matures toward
//! the mass with the maturity time constant. Both are computed in closed form over any number
//! of blocks, so a lock is only touched when something reads or changes it.
//!
//! The operations and their truncation points are upstream's: fixed-point division truncates,
//! `exp` is `substrate_fixed`'s Taylor series (its last bits differ from the true exponential,
//! and the chain's numbers depend on them).

use substrate_fixed::{
    transcendental,
    types::{I64F64, U64F64},
};

/// A lock whose mass and conviction are both below this is dust and reads as empty.
pub const LOCK_STATE_ZERO_THRESHOLD: u64 = 100;
/// Blocks in a year (365.25 days of 12 s blocks): a subnet can change owner by conviction
/// only this long after it was registered.
pub const ONE_YEAR: u64 = 7_200 * 365 + 1_800;
/// `exp` is evaluated no further out than `e^-40` (about 4e-18): beyond it, nothing of a
/// u64 mass is left anyway, and the Taylor series would overflow.
const MIN_EXPONENT: i64 = -40;

/// A lock, or an aggregate of locks: the locked alpha, its conviction, and the block both
/// were last rolled to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct LockState {
    pub mass: u64,
    pub conviction: U64F64,
    pub last_update: u64,
}

/// What a roll took away from a lock: the part of the mass that decayed and the conviction
/// that was lost (each saturating at 0, so a conviction that grew shows as 0).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct RollDelta {
    pub mass: u64,
    pub conviction: U64F64,
}

impl RollDelta {
    pub fn is_zero(&self) -> bool {
        self.mass == 0 && self.conviction == U64F64::from_num(0)
    }
}

/// The two time constants, in blocks (`UnlockRate`, `MaturityRate`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Rates {
    pub unlock: u64,
    pub maturity: u64,
}

impl LockState {
    pub fn new(mass: u64, conviction: U64F64, last_update: u64) -> Self {
        Self { mass, conviction, last_update }
    }

    /// An empty state as of `now`.
    pub fn empty(now: u64) -> Self {
        Self::new(0, U64F64::from_num(0), now)
    }

    /// Dust: both the mass and the conviction are below [`LOCK_STATE_ZERO_THRESHOLD`].
    pub fn is_zero(&self) -> bool {
        self.mass < LOCK_STATE_ZERO_THRESHOLD && self.conviction < U64F64::from_num(LOCK_STATE_ZERO_THRESHOLD)
    }

    /// Whether anything at all is left (an aggregate is stored only then).
    pub fn is_nonempty(&self) -> bool {
        self.mass != 0 || self.conviction > U64F64::from_num(0)
    }

    /// `self + other` (saturating), dated `now`.
    pub fn plus(&self, mass: u64, conviction: U64F64, now: u64) -> Self {
        Self::new(self.mass.saturating_add(mass), self.conviction.saturating_add(conviction), now)
    }

    /// `self − other` (saturating at 0), dated `now`.
    pub fn minus(&self, mass: u64, conviction: U64F64, now: u64) -> Self {
        Self::new(self.mass.saturating_sub(mass), self.conviction.saturating_sub(conviction), now)
    }
}

/// `e^(−dt/τ)`: 1 for `dt = 0`, 0 for `τ = 0`; the exponent is truncated to 64 fractional
/// bits and clamped at −40; an `exp` that fails or comes out negative gives 0.
pub fn decay_factor(dt: u64, tau: u64) -> U64F64 {
    if dt == 0 {
        return U64F64::from_num(1);
    }
    if tau == 0 {
        return U64F64::from_num(0);
    }
    let x = I64F64::saturating_from_num(dt)
        .saturating_neg()
        .checked_div(I64F64::saturating_from_num(tau))
        .unwrap_or(I64F64::from_num(MIN_EXPONENT))
        .max(I64F64::from_num(MIN_EXPONENT));
    match transcendental::exp::<I64F64, I64F64>(x) {
        Ok(e) if e >= I64F64::from_num(0) => U64F64::saturating_from_num(e),
        _ => U64F64::from_num(0),
    }
}

/// `(mass, conviction)` after `dt` blocks (§5.3 `decay`): the mass decays unless the lock is
/// perpetual; the conviction decays with the maturity constant and gains the mass's
/// contribution over the interval, integrated in closed form.
pub fn decay(mass: u64, conviction: U64F64, dt: u64, rates: Rates, perpetual: bool) -> (u64, U64F64) {
    let ud = decay_factor(dt, rates.unlock);
    let md = decay_factor(dt, rates.maturity);
    let m = U64F64::from_num(mass);
    let mass_after = if perpetual { mass } else { ud.saturating_mul(m).saturating_to_num::<u64>() };
    let zero = U64F64::from_num(0);
    let gained = if perpetual {
        m.saturating_mul(U64F64::from_num(1).saturating_sub(md))
    } else if rates.unlock == rates.maturity {
        let elapsed = U64F64::saturating_from_num(dt).checked_div(U64F64::saturating_from_num(rates.maturity));
        elapsed.map_or(zero, |t| m.saturating_mul(t.saturating_mul(md)))
    } else if rates.unlock == 0 || rates.maturity == 0 {
        zero
    } else {
        let tau_u = I64F64::saturating_from_num(rates.unlock);
        let span = I64F64::saturating_from_num(i128::from(rates.unlock).saturating_sub(i128::from(rates.maturity)));
        let diff = I64F64::saturating_from_num(ud).saturating_sub(I64F64::saturating_from_num(md));
        let gamma = tau_u.saturating_mul(diff).checked_div(span).unwrap_or(I64F64::from_num(0));
        if gamma <= I64F64::from_num(0) {
            zero
        } else {
            m.saturating_mul(U64F64::saturating_from_num(gamma))
        }
    };
    (mass_after, md.saturating_mul(conviction).saturating_add(gained))
}

/// Rolls `lock` forward to `now` (§5.3 `roll`); a lock to the subnet owner's hotkey has
/// conviction equal to its mass at once, and dust becomes empty. Returns the rolled state and
/// what the roll took away.
pub fn roll(lock: LockState, now: u64, rates: Rates, owner: bool, perpetual: bool) -> (LockState, RollDelta) {
    let mut rolled = lock;
    if now > lock.last_update {
        let (mass, conviction) =
            decay(lock.mass, lock.conviction, now.saturating_sub(lock.last_update), rates, perpetual);
        rolled = LockState::new(mass, conviction, now);
    }
    if owner {
        rolled.conviction = U64F64::from_num(rolled.mass);
    }
    if rolled.mass < LOCK_STATE_ZERO_THRESHOLD && rolled.conviction < U64F64::from_num(LOCK_STATE_ZERO_THRESHOLD) {
        rolled.mass = 0;
        rolled.conviction = U64F64::from_num(0);
    }
    let delta = RollDelta {
        mass: lock.mass.saturating_sub(rolled.mass),
        conviction: lock.conviction.saturating_sub(rolled.conviction),
    };
    (rolled, delta)
}

/// `part · num / den` of a conviction (the share of it that goes with `num` of `den` alpha),
/// truncated; all of it when `den` is 0 or `num ≥ den`.
pub fn conviction_share(conviction: U64F64, num: u64, den: u64) -> U64F64 {
    if den == 0 || num >= den {
        return conviction;
    }
    let ratio = U64F64::from_num(num).checked_div(U64F64::from_num(den)).unwrap_or(U64F64::from_num(1));
    conviction.saturating_mul(ratio)
}

/// `conviction · (1 − removed/mass)`: what a conviction keeps when `removed` of `mass` alpha
/// leaves the lock (`force_reduce_lock`).
pub fn conviction_after_reduction(conviction: U64F64, removed: u64, mass: u64) -> U64F64 {
    if mass == 0 || removed >= mass {
        return U64F64::from_num(0);
    }
    let gone = U64F64::from_num(removed).checked_div(U64F64::from_num(mass)).unwrap_or(U64F64::from_num(1));
    conviction.saturating_mul(U64F64::from_num(1).saturating_sub(gone))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: Rates = Rates { unlock: 934_866, maturity: 934_866 };

    fn f(x: U64F64) -> f64 {
        x.to_num::<f64>()
    }

    /// §5.9: `E(0, τ) = 1`, `E(dt, 0) = 0`, `E(τ, τ) ≈ 1/e`.
    #[test]
    fn decay_factor_vectors() {
        assert_eq!(decay_factor(0, 216_000), U64F64::from_num(1));
        assert_eq!(decay_factor(1_000, 0), U64F64::from_num(0));
        assert!((f(decay_factor(216_000, 216_000)) - 0.367_879_44).abs() < 0.001);
    }

    /// §5.9: the exponent is clamped at −40, so `E(40τ, τ)` and `E(100τ, τ)` agree and are
    /// positive.
    #[test]
    fn decay_factor_is_clamped() {
        let tau = 1_000;
        let a = decay_factor(40 * tau, tau);
        let b = decay_factor(100 * tau, tau);
        assert!(a > U64F64::from_num(0) && b > U64F64::from_num(0));
        assert!((f(a) - f(b)).abs() < 1e-9);
        assert_eq!(a, b);
    }

    /// §5.9: dust is what lies below 100 in both mass and conviction.
    #[test]
    fn dust_threshold() {
        assert!(LockState::new(99, U64F64::from_num(99), 0).is_zero());
        assert!(!LockState::new(100, U64F64::from_num(99), 0).is_zero());
        assert!(!LockState::new(99, U64F64::from_num(100), 0).is_zero());
    }

    /// §5.9: unlock 200 000, maturity 240 000, mass 10 000, 10 000 blocks: conviction
    /// 10 000·γ = 398.0016 (±1e-7), mass 9 512.
    #[test]
    fn different_rates_vector() {
        let rates = Rates { unlock: 200_000, maturity: 240_000 };
        let (mass, conviction) = decay(10_000, U64F64::from_num(0), 10_000, rates, false);
        assert_eq!(mass, 9_512);
        assert!((f(conviction) - 398.0016).abs() < 1e-4, "{}", f(conviction));
        // The closed form, computed independently in floating point.
        let (tu, tm, t) = (200_000f64, 240_000f64, 10_000f64);
        let gamma = tu * ((-t / tu).exp() - (-t / tm).exp()) / (tu - tm);
        assert!((f(conviction) - 10_000.0 * gamma).abs() < 1e-7, "{} vs {}", f(conviction), 10_000.0 * gamma);
    }

    /// §5.9 with the default rates: 10^12 rao decaying for a day and for a half-life.
    #[test]
    fn default_rates_vectors() {
        let m = 1_000_000_000_000u64;
        let zero = U64F64::from_num(0);
        let (mass, conviction) = decay(m, zero, 7_200, DEFAULT, false);
        assert!(mass.abs_diff(992_327_943_103) <= 1, "{mass}");
        assert!((f(conviction) / 7.6426e9 - 1.0).abs() < 1e-4, "{}", f(conviction));

        let (mass, conviction) = decay(m, zero, 648_000, DEFAULT, false);
        assert!(mass.abs_diff(499_999_856_718) <= 1, "{mass}");
        assert!((f(conviction) / 3.46574e11 - 1.0).abs() < 1e-5, "{}", f(conviction));

        let (mass, conviction) = decay(m, zero, 648_000, DEFAULT, true);
        assert_eq!(mass, m);
        assert!((f(conviction) / 5.000001e11 - 1.0).abs() < 1e-6, "{}", f(conviction));
    }

    /// Rolling in two steps gives (within rounding) what one roll gives: the closed form
    /// composes, which is what lets a lock be rolled only when touched.
    #[test]
    fn rolls_compose() {
        let start = LockState::new(1_000_000_000_000, U64F64::from_num(0), 10);
        let (once, _) = roll(start, 10 + 20_000, DEFAULT, false, false);
        let (half, _) = roll(start, 10 + 10_000, DEFAULT, false, false);
        let (twice, _) = roll(half, 10 + 20_000, DEFAULT, false, false);
        assert!(once.mass.abs_diff(twice.mass) <= 2);
        assert!((f(once.conviction) - f(twice.conviction)).abs() / f(once.conviction) < 1e-9);
    }

    #[test]
    fn roll_owner_and_dust_and_delta() {
        let lock = LockState::new(5_000, U64F64::from_num(0), 7);
        // An owner lock has conviction = mass, even without time passing.
        let (rolled, delta) = roll(lock, 7, DEFAULT, true, false);
        assert_eq!(rolled, LockState::new(5_000, U64F64::from_num(5_000), 7));
        assert!(delta.is_zero());
        // Time not moving forward leaves a lock as it is.
        let (same, delta) = roll(lock, 3, DEFAULT, false, false);
        assert_eq!(same, lock);
        assert!(delta.is_zero());
        // Dust is emptied, and the delta reports what went.
        let (gone, delta) = roll(LockState::new(99, U64F64::from_num(3), 0), 1, DEFAULT, false, false);
        assert_eq!(gone, LockState::new(0, U64F64::from_num(0), 1));
        assert_eq!(delta.mass, 99);
        assert_eq!(delta.conviction, U64F64::from_num(3));
    }

    #[test]
    fn shares_of_conviction() {
        let c = U64F64::from_num(1_000);
        assert_eq!(conviction_share(c, 1, 4), U64F64::from_num(250));
        assert_eq!(conviction_share(c, 5, 4), c);
        assert_eq!(conviction_share(c, 1, 0), c);
        assert_eq!(conviction_after_reduction(c, 1, 4), U64F64::from_num(750));
        assert_eq!(conviction_after_reduction(c, 4, 4), U64F64::from_num(0));
        assert_eq!(conviction_after_reduction(c, 1, 0), U64F64::from_num(0));
    }
}
