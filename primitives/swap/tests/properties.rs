//! Properties of the pool math over reserves up to the full supply.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

use proptest::prelude::*;
use tensorchain_swap::pool::{Pool, Side, DEFAULT_FEE_RATE, MIN_WEIGHT};

const SUPPLY: u64 = 21_000_000_000_000_000;

fn pool() -> impl Strategy<Value = Pool> {
    (1_000_000u64..=SUPPLY, 1_000_000u64..=SUPPLY, MIN_WEIGHT..=(1_000_000_000_000_000_000 - MIN_WEIGHT))
        .prop_map(|(tao, alpha, w)| Pool { tao, alpha, quote_weight: w })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn swaps_never_panic_and_never_create_value(p in pool(), amount in 0u64..=SUPPLY, limit in any::<u64>()) {
        for side in [Side::Buy, Side::Sell] {
            if let Ok(r) = p.swap(side, amount, limit, DEFAULT_FEE_RATE) {
                prop_assert!(r.amount_paid_in <= amount);
                prop_assert!(r.fee <= r.amount_paid_in);
                let after = p.apply(side, &r);
                match side {
                    Side::Buy => prop_assert!(r.amount_out <= p.alpha && after.price() >= p.price()),
                    Side::Sell => prop_assert!(r.amount_out <= p.tao && after.price() <= p.price()),
                }
            }
        }
    }

    #[test]
    fn a_round_trip_returns_no_more_than_was_paid(p in pool(), amount in 1_000u64..=1_000_000_000_000_000) {
        if let Ok(bought) = p.swap(Side::Buy, amount, u64::MAX, DEFAULT_FEE_RATE) {
            let mid = p.apply(Side::Buy, &bought);
            if let Ok(sold) = mid.swap(Side::Sell, bought.amount_out, 0, DEFAULT_FEE_RATE) {
                prop_assert!(sold.amount_out <= bought.amount_paid_in);
            }
        }
    }

    #[test]
    fn injection_keeps_the_price(p in pool(), tao in 0u64..=1_000_000_000_000, alpha in 0u64..=1_000_000_000_000) {
        if let Some(after) = p.inject(tao, alpha) {
            let (p0, p1): (f64, f64) = (p.price().to_num(), after.price().to_num());
            prop_assert!(((p1 - p0) / p0).abs() < 1e-9, "{} -> {}", p0, p1);
        }
    }
}
