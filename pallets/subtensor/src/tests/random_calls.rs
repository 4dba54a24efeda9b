//! A long seeded run of mixed calls, good and bad, from many accounts: after every call the
//! accounting invariants hold, and a call that fails changes nothing (the state root is the
//! one before it); after every block the invariants hold again.

use super::*;
use frame_support::{dispatch::GetDispatchInfo, traits::UnfilteredDispatchable};
use sp_runtime::StateVersion;
use std::collections::BTreeSet;

/// splitmix64: small, seeded, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An amount spread over many magnitudes, zero and absurd ones included.
    fn amount(&mut self) -> u64 {
        match self.below(8) {
            0 => 0,
            1 => self.below(1_000),
            2 => self.below(10_000_000),
            3 => self.below(TAO),
            4 | 5 => self.below(50 * TAO),
            6 => self.below(20_000 * TAO),
            _ => u64::MAX - self.below(3),
        }
    }
}

/// Coldkeys 1..=9 are funded; hotkeys are 10..=40; netuid 0..=6 (some never exist).
fn random_call(rng: &mut Rng) -> (u8, Call<Test>) {
    let cold = rng.below(9) as u8 + 1;
    let hot = account(rng.below(31) as u8 + 10);
    let netuid = rng.below(7) as u16;
    let other = rng.below(7) as u16;
    let call = match rng.below(16) {
        0 => Call::register_network { hotkey: hot },
        1 => Call::start_call { netuid },
        2 | 3 => Call::burned_register { netuid, hotkey: hot },
        4 | 5 => Call::add_stake { hotkey: hot, netuid, amount_staked: rng.amount() },
        6 => Call::remove_stake { hotkey: hot, netuid, amount_unstaked: rng.amount() },
        7 => Call::add_stake_limit {
            hotkey: hot,
            netuid,
            amount_staked: rng.amount(),
            limit_price: rng.amount(),
            allow_partial: rng.below(2) == 0,
        },
        8 => Call::move_stake {
            origin_hotkey: hot,
            destination_hotkey: account(rng.below(31) as u8 + 10),
            origin_netuid: netuid,
            destination_netuid: other,
            alpha_amount: rng.amount(),
        },
        9 => Call::transfer_stake {
            destination_coldkey: account(rng.below(9) as u8 + 1),
            hotkey: hot,
            origin_netuid: netuid,
            destination_netuid: other,
            alpha_amount: rng.amount(),
        },
        10 => Call::swap_stake { hotkey: hot, origin_netuid: netuid, destination_netuid: other, alpha_amount: rng.amount() },
        11 => Call::unstake_all { hotkey: hot },
        12 => {
            let n = rng.below(5) as usize;
            let dests: Vec<u16> = (0..n).map(|_| rng.below(6) as u16).collect();
            let weights: Vec<u16> = (0..n + rng.below(2) as usize).map(|_| rng.below(65_536) as u16).collect();
            // Weights are signed by hotkeys: the caller is the hotkey.
            return (rng.below(31) as u8 + 10, Call::set_weights { netuid, dests, weights, version_key: 0 });
        },
        13 => return (
            rng.below(31) as u8 + 10,
            Call::serve_axon {
                netuid,
                version: 1,
                ip: rng.pick(&[0u128, 0x0a00_0001, u128::MAX]),
                port: rng.pick(&[0u16, 8091]),
                ip_type: rng.pick(&[4u8, 6, 5]),
                protocol: 0,
                placeholder1: 0,
                placeholder2: 0,
            },
        ),
        14 => Call::claim_root { subnets: BTreeSet::from([netuid, other]) },
        _ => Call::increase_take { hotkey: hot, take: rng.below(20_000) as u16 },
    };
    (cold, call)
}

fn run(seed: u64, steps: u32) -> (u32, u32) {
    let (mut ok, mut failed) = (0u32, 0u32);
    new_test_ext().execute_with(|| {
        let mut rng = Rng(seed);
        SubnetLimit::<Test>::put(6);
        for step in 0..steps {
            // Now and then root dissolves a subnet, and blocks go by (epochs run: tempo is short).
            if rng.below(60) == 0 {
                let netuid = rng.below(7) as u16;
                let _ = SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid);
                assert_eq!(SubtensorModule::check_accounting(), Ok(()), "seed {seed} step {step}: after dissolving {netuid}");
            }
            if step % 4 == 0 {
                for netuid in 1..7u16 {
                    if Tempo::<Test>::get(netuid) > 7 {
                        Tempo::<Test>::insert(netuid, 7);
                        CommitRevealWeightsEnabled::<Test>::insert(netuid, false);
                        WeightsSetRateLimit::<Test>::insert(netuid, 0);
                    }
                }
                run_to_block(System::block_number() + 1 + rng.below(3));
            }
            let (signer, call) = random_call(&mut rng);
            let name = format!("{call:?}");
            let _ = call.get_dispatch_info();
            let before = sp_io::storage::root(StateVersion::V1);
            match call.dispatch_bypass_filter(signed(signer)) {
                Ok(_) => ok += 1,
                Err(e) => {
                    failed += 1;
                    assert_eq!(
                        sp_io::storage::root(StateVersion::V1),
                        before,
                        "seed {seed} step {step}: {name} failed with {:?} but changed state",
                        e.error
                    );
                },
            }
            assert_eq!(SubtensorModule::check_accounting(), Ok(()), "seed {seed} step {step}: after {name}");
        }
    });
    (ok, failed)
}

#[test]
fn random_mixed_calls_keep_every_invariant() {
    let mut totals = (0u32, 0u32);
    for seed in 1..=4u64 {
        let (ok, failed) = run(seed, 1_500);
        totals = (totals.0 + ok, totals.1 + failed);
    }
    println!("random calls: {} succeeded, {} failed", totals.0, totals.1);
    // The run must exercise both sides, or it proves nothing.
    assert!(totals.0 > 300 && totals.1 > 300, "{totals:?}");
}
