//! Stake locks and conviction (`staking-2.md` §5): the calls, what a lock forbids, the lock
//! aggregates, the conviction queries, ownership by conviction, and locks in key swaps. The
//! decay math itself is tested in `tensorchain_economics::conviction`.

use super::*;
use crate::locks::ACCEPT_LOCKED_ALPHA;
use frame_support::traits::fungible::Mutate;
use tensorchain_economics::conviction::ONE_YEAR;

/// A started subnet of owner 1 (owner hotkey 101) with hotkey 22 of coldkey 2 registered and
/// coldkey 3 staked 100 TAO to it. Returns (netuid, coldkey 3's alpha).
fn staked_subnet() -> (u16, u64) {
    let netuid = started_subnet(1);
    register_hotkey(netuid, 2, 22);
    assert_ok!(SubtensorModule::add_stake(signed(3), account(22), netuid, 100 * TAO));
    (netuid, SubtensorModule::alpha_stake(&account(22), &account(3), netuid))
}

fn lock_of(cold: u8, netuid: u16) -> Option<(AccountId32, crate::rpc_info::LockState)> {
    Lock::<Test>::iter_prefix((account(cold), netuid)).next()
}

fn advance(blocks: u64) {
    System::set_block_number(System::block_number() + blocks);
}

fn f(x: U64F64) -> f64 {
    x.to_num::<f64>()
}

#[test]
fn a_new_lock_starts_without_conviction_and_a_top_up_keeps_it() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        let now = System::block_number();
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha / 2));
        System::assert_last_event(
            Event::StakeLocked { coldkey: account(3), hotkey: account(22), netuid, amount: alpha / 2 }.into(),
        );
        let (hotkey, lock) = lock_of(3, netuid).unwrap();
        assert_eq!(hotkey, account(22));
        assert_eq!((lock.locked_mass, lock.conviction, lock.last_update), (alpha / 2, U64F64::from_num(0), now));
        assert!(LockingColdkeys::<Test>::contains_key((netuid, account(22), account(3))));
        assert_eq!(DecayingHotkeyLock::<Test>::get(netuid, account(22)).unwrap().locked_mass, alpha / 2);
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(22)), None);

        // A week later: the mass has decayed a little, the conviction grown; a top-up adds to
        // the rolled mass and keeps the conviction.
        advance(50_400);
        let rolled = SubtensorModule::coldkey_lock_view(&account(3), netuid).unwrap();
        assert!(rolled.locked_mass < alpha / 2 && rolled.conviction > U64F64::from_num(0));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, 1_000));
        let (_, lock) = lock_of(3, netuid).unwrap();
        assert_eq!(lock.locked_mass, rolled.locked_mass + 1_000);
        assert_eq!(lock.conviction, rolled.conviction);
        assert_eq!(lock.last_update, System::block_number());
        assert_issuance_consistent();
    });
}

#[test]
fn lock_stake_errors_change_nothing() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_noop!(SubtensorModule::lock_stake(signed(3), account(22), netuid, 0), Error::<Test>::AmountTooLow);
        assert_noop!(
            SubtensorModule::lock_stake(signed(3), account(77), netuid, 1_000),
            Error::<Test>::HotKeyAccountNotExists
        );
        assert_noop!(
            SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha + 1),
            Error::<Test>::InsufficientStakeForLock
        );
        // No subnet check: a subnet that does not exist holds no alpha.
        assert_noop!(
            SubtensorModule::lock_stake(signed(3), account(22), 9, 1_000),
            Error::<Test>::InsufficientStakeForLock
        );
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha - 10));
        assert_noop!(
            SubtensorModule::lock_stake(signed(3), account(101), netuid, 1),
            Error::<Test>::LockHotkeyMismatch
        );
        // A top-up beyond the alpha held.
        assert_noop!(
            SubtensorModule::lock_stake(signed(3), account(22), netuid, 11),
            Error::<Test>::InsufficientStakeForLock
        );
        assert_noop!(SubtensorModule::move_lock(signed(3), account(77), netuid), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(SubtensorModule::move_lock(signed(4), account(22), netuid), Error::<Test>::NoExistingLock);
    });
}

/// §5.9: a lock to the owner hotkey (by another coldkey) has conviction = mass at once and
/// sits in `OwnerLock`/`DecayingOwnerLock`, not in the hotkey buckets.
#[test]
fn a_lock_to_the_owner_hotkey_is_convicted_at_once() {
    checked(|| {
        let (netuid, _) = staked_subnet();
        assert_ok!(SubtensorModule::add_stake(signed(4), account(101), netuid, 10 * TAO));
        assert_ok!(SubtensorModule::lock_stake(signed(4), account(101), netuid, 5_000));
        let (_, lock) = lock_of(4, netuid).unwrap();
        assert_eq!((lock.locked_mass, lock.conviction), (5_000, U64F64::from_num(5_000)));
        let owner = DecayingOwnerLock::<Test>::get(netuid).unwrap();
        assert_eq!((owner.locked_mass, owner.conviction), (5_000, U64F64::from_num(5_000)));
        assert_eq!(OwnerLock::<Test>::get(netuid), None);
        assert_eq!(DecayingHotkeyLock::<Test>::get(netuid, account(101)), None);
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(101)), None);
        assert_eq!(SubtensorModule::hotkey_conviction(&account(101), netuid), U64F64::from_num(5_000));
        // Perpetual: the same in `OwnerLock`.
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(4), netuid, true));
        assert_eq!(DecayingOwnerLock::<Test>::get(netuid), None);
        assert_eq!(OwnerLock::<Test>::get(netuid).unwrap().locked_mass, 5_000);
    });
}

/// §5.9: with half locked, exactly the other half can be unstaked.
#[test]
fn locked_alpha_cannot_leave() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        let half = alpha / 2;
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, half));
        assert_eq!(SubtensorModule::available_to_unstake(&account(3), netuid), alpha - half);
        assert_noop!(
            SubtensorModule::remove_stake(signed(3), account(22), netuid, alpha - half + 1),
            Error::<Test>::StakeUnavailable
        );
        assert_noop!(
            SubtensorModule::remove_stake_limit(signed(3), account(22), netuid, alpha, 0, true),
            Error::<Test>::StakeUnavailable
        );
        assert_noop!(
            SubtensorModule::remove_stake_full_limit(signed(3), account(22), netuid, None),
            Error::<Test>::StakeUnavailable
        );
        assert_noop!(
            SubtensorModule::recycle_alpha(signed(3), account(22), alpha, netuid),
            Error::<Test>::StakeUnavailable
        );
        assert_noop!(SubtensorModule::burn_alpha(signed(3), account(22), alpha, netuid), Error::<Test>::StakeUnavailable);
        // To another subnet: only the unlocked part.
        let other = started_subnet(5);
        assert_noop!(
            SubtensorModule::swap_stake(signed(3), account(22), netuid, other, alpha - half + 1),
            Error::<Test>::StakeUnavailable
        );
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(22), account(105), netuid, other, alpha),
            Error::<Test>::StakeUnavailable
        );
        // Within the subnet, to another hotkey of any owner: the lock is per coldkey.
        assert_ok!(SubtensorModule::move_stake(signed(3), account(22), account(101), netuid, netuid, alpha));
        assert_eq!(SubtensorModule::locked_alpha(&account(3), netuid), half);
        // unstake_all leaves a position it cannot sell; the unlocked part can go.
        assert_ok!(SubtensorModule::unstake_all(signed(3), account(101)));
        assert!(SubtensorModule::alpha_stake(&account(101), &account(3), netuid) >= half);
        let left = SubtensorModule::alpha_stake(&account(101), &account(3), netuid);
        assert_ok!(SubtensorModule::remove_stake(signed(3), account(101), netuid, left - half));
        assert_eq!(SubtensorModule::available_to_unstake(&account(3), netuid), 0);
        assert_issuance_consistent();
    });
}

/// §5.9: a transfer of all the stake (half locked) to a coldkey that accepts locked alpha
/// takes the lock along; one that did not opt in refuses it.
#[test]
fn transferred_stake_takes_its_lock_along() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        let half = alpha / 2;
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, half));
        advance(7_200);
        let sender = SubtensorModule::coldkey_lock_view(&account(3), netuid).unwrap();
        assert_noop!(
            SubtensorModule::transfer_stake(signed(3), account(4), account(22), netuid, netuid, alpha),
            Error::<Test>::AccountRejectsLockedAlpha
        );
        // Only the unlocked part needs no consent.
        assert_ok!(SubtensorModule::transfer_stake(signed(3), account(4), account(22), netuid, netuid, 10_000_000));
        assert!(lock_of(4, netuid).is_none());

        assert_ok!(SubtensorModule::set_reject_locked_alpha(signed(4), false));
        System::assert_last_event(Event::RejectLockedAlphaUpdated { coldkey: account(4), enabled: false }.into());
        assert_eq!(AccountFlags::<Test>::get(account(4)), ACCEPT_LOCKED_ALPHA);
        let rest = SubtensorModule::alpha_stake(&account(22), &account(3), netuid);
        assert_ok!(SubtensorModule::transfer_stake(signed(3), account(4), account(22), netuid, netuid, rest));
        assert!(lock_of(3, netuid).is_none());
        let (hotkey, received) = lock_of(4, netuid).unwrap();
        assert_eq!(hotkey, account(22));
        assert_eq!(received.locked_mass, sender.locked_mass);
        assert!(received.conviction > U64F64::from_num(0) && received.conviction <= sender.conviction);
        assert!(!LockingColdkeys::<Test>::contains_key((netuid, account(22), account(3))));
        // The aggregate holds only the receiver's lock now.
        let bucket = DecayingHotkeyLock::<Test>::get(netuid, account(22)).unwrap();
        assert!(bucket.locked_mass.abs_diff(received.locked_mass) <= 1);
        // Rejecting again clears the flag and its row.
        assert_ok!(SubtensorModule::set_reject_locked_alpha(signed(4), true));
        assert!(!AccountFlags::<Test>::contains_key(account(4)));
        assert_issuance_consistent();
    });
}

#[test]
fn a_transfer_to_a_coldkey_locked_to_another_hotkey_is_refused() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::add_stake(signed(4), account(101), netuid, 10 * TAO));
        assert_ok!(SubtensorModule::lock_stake(signed(4), account(101), netuid, 1_000));
        assert_ok!(SubtensorModule::set_reject_locked_alpha(signed(4), false));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        assert_noop!(
            SubtensorModule::transfer_stake(signed(3), account(4), account(22), netuid, netuid, alpha),
            Error::<Test>::LockHotkeyMismatch
        );
    });
}

/// `move_lock` keeps the conviction between hotkeys of one owner and resets it otherwise;
/// the mass moves between the buckets.
#[test]
fn moving_a_lock() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        register_hotkey(netuid, 2, 23);
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        advance(100_000);
        let rolled = SubtensorModule::coldkey_lock_view(&account(3), netuid).unwrap();
        // 22 → 23: both of coldkey 2, the conviction stays.
        assert_ok!(SubtensorModule::move_lock(signed(3), account(23), netuid));
        System::assert_last_event(
            Event::LockMoved {
                coldkey: account(3),
                origin_hotkey: account(22),
                destination_hotkey: account(23),
                netuid,
            }
            .into(),
        );
        let (hotkey, lock) = lock_of(3, netuid).unwrap();
        assert_eq!(hotkey, account(23));
        assert_eq!((lock.locked_mass, lock.conviction), (rolled.locked_mass, rolled.conviction));
        assert!(!LockingColdkeys::<Test>::contains_key((netuid, account(22), account(3))));
        assert!(LockingColdkeys::<Test>::contains_key((netuid, account(23), account(3))));
        assert_eq!(SubtensorModule::hotkey_conviction(&account(22), netuid), U64F64::from_num(0));
        assert!(f(SubtensorModule::hotkey_conviction(&account(23), netuid)) > 0.0);
        // 23 → 101 (coldkey 1's): the conviction is reset, but a lock to the owner hotkey is
        // convicted at once.
        assert_ok!(SubtensorModule::move_lock(signed(3), account(101), netuid));
        let (_, lock) = lock_of(3, netuid).unwrap();
        assert_eq!(lock.conviction, U64F64::from_num(lock.locked_mass));
        assert_eq!(DecayingHotkeyLock::<Test>::get(netuid, account(23)), None);
        // Back to 22 (coldkey 2's): reset to 0.
        assert_ok!(SubtensorModule::move_lock(signed(3), account(22), netuid));
        let (_, lock) = lock_of(3, netuid).unwrap();
        assert_eq!(lock.conviction, U64F64::from_num(0));
        assert_eq!(DecayingOwnerLock::<Test>::get(netuid), None);
        assert_issuance_consistent();
    });
}

/// A perpetual lock's mass stays; switching modes moves the lock between the buckets, and the
/// event is emitted even when nothing changes.
#[test]
fn perpetual_locks() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, true));
        System::assert_last_event(Event::PerpetualLockUpdated { coldkey: account(3), netuid, enabled: true }.into());
        assert_eq!(DecayingLock::<Test>::get(account(3), netuid), Some(false));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(22)).unwrap().locked_mass, alpha);
        advance(648_000);
        let rolled = SubtensorModule::coldkey_lock_view(&account(3), netuid).unwrap();
        assert_eq!(rolled.locked_mass, alpha);
        // Half of the way to full conviction after one maturity half-life.
        assert!((f(rolled.conviction) / alpha as f64 - 0.5).abs() < 1e-3);
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, false));
        assert_eq!(DecayingLock::<Test>::get(account(3), netuid), None);
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(22)), None);
        let bucket = DecayingHotkeyLock::<Test>::get(netuid, account(22)).unwrap();
        assert_eq!((bucket.locked_mass, bucket.conviction), (rolled.locked_mass, rolled.conviction));
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, false));
        System::assert_last_event(Event::PerpetualLockUpdated { coldkey: account(3), netuid, enabled: false }.into());
        // Now it decays.
        advance(648_000);
        assert!(SubtensorModule::locked_alpha(&account(3), netuid) < alpha / 2 + 1);
    });
}

/// §5.9: ten lockers over time, then 1 000 idle blocks: the aggregate conviction is the sum
/// of the rolled individual convictions.
#[test]
fn the_aggregate_conviction_is_the_sum_of_the_locks() {
    checked(|| {
        let (netuid, _) = staked_subnet();
        let lockers: Vec<u8> = (30..40).collect();
        for (i, cold) in lockers.iter().enumerate() {
            assert_ok!(<Balances as Mutate<AccountId32>>::transfer(
                &account(9),
                &account(*cold),
                100 * TAO,
                frame_support::traits::tokens::Preservation::Preserve
            ));
            assert_ok!(SubtensorModule::add_stake(signed(*cold), account(22), netuid, 10 * TAO));
            let alpha = SubtensorModule::alpha_stake(&account(22), &account(*cold), netuid);
            assert_ok!(SubtensorModule::lock_stake(signed(*cold), account(22), netuid, alpha / (i as u64 + 1)));
            advance(5_000);
        }
        advance(1_000);
        let sum: f64 = lockers
            .iter()
            .map(|c| f(SubtensorModule::coldkey_lock_view(&account(*c), netuid).unwrap().conviction))
            .sum();
        let total = f(SubtensorModule::convictions_on_subnet(netuid, System::block_number()).1);
        assert!(sum > 0.0);
        assert!((total - sum).abs() <= 1.0, "{total} vs {sum}");
        assert!((f(SubtensorModule::hotkey_conviction(&account(22), netuid)) - sum).abs() <= 1.0);
        assert_eq!(SubtensorModule::most_convicted_hotkey(netuid), Some(account(22)));
    });
}

/// The subnet king: the highest conviction, ties to the greatest account, none without locks.
#[test]
fn the_most_convicted_hotkey() {
    checked(|| {
        let (netuid, _) = staked_subnet();
        assert_eq!(SubtensorModule::most_convicted_hotkey(netuid), None);
        register_hotkey(netuid, 2, 23);
        assert_ok!(SubtensorModule::add_stake(signed(4), account(23), netuid, 100 * TAO));
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, true));
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(4), netuid, true));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, 1_000_000));
        assert_ok!(SubtensorModule::lock_stake(signed(4), account(23), netuid, 1_000_000));
        advance(1_000);
        // Equal perpetual locks: equal convictions, the greater account wins.
        assert_eq!(
            SubtensorModule::hotkey_conviction(&account(22), netuid),
            SubtensorModule::hotkey_conviction(&account(23), netuid)
        );
        assert_eq!(SubtensorModule::most_convicted_hotkey(netuid), Some(account(23)));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, 1_000));
        advance(1_000);
        assert_eq!(SubtensorModule::most_convicted_hotkey(netuid), Some(account(22)));
    });
}

/// §5.9: the availability view omits unknown subnet lists and shows one row per subnet with
/// the rolled lock.
#[test]
fn stake_availability_shows_the_lock() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha / 4));
        advance(10_000);
        let locked = SubtensorModule::locked_alpha(&account(3), netuid);
        assert!(locked < alpha / 4);
        let get = SubtensorModule::get_stake_availability_for_coldkeys;
        let all: Vec<u16> = (0..=TotalNetworks::<Test>::get()).collect();
        let view = get(vec![account(3)], Some(all));
        assert!(view[&account(3)].is_empty());
        let view = get(vec![account(3)], Some(vec![netuid]));
        let row = &view[&account(3)][&netuid];
        assert_eq!((row.total.0, row.locked.0, row.available.0), (alpha, locked, alpha - locked));
    });
}

/// A year after registration, the most convicted hotkey takes the subnet over for its
/// coldkey at the next epoch, before the epoch pays the owner cut.
#[test]
fn conviction_takes_a_subnet_over() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        Tempo::<Test>::insert(netuid, 1);
        // Fast maturity: the conviction is (nearly) the mass long before a year.
        MaturityRate::<Test>::put(10);
        UnlockRate::<Test>::put(u64::MAX / 4);
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, true));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        // Before a year: nothing happens.
        run_to_block(System::block_number() + 3);
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(1));
        let registered = NetworkRegisteredAt::<Test>::get(netuid);
        System::set_block_number(registered + ONE_YEAR);
        let total = SubtensorModule::convictions_on_subnet(netuid, System::block_number()).1;
        assert!(f(total) * 10.0 >= SubnetAlphaOut::<Test>::get(netuid) as f64);
        let before = SubtensorModule::alpha_stake(&account(22), &account(2), netuid);
        run_to_block(System::block_number() + 2);
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(2));
        assert_eq!(SubnetOwnerHotkey::<Test>::get(netuid), account(22));
        assert!(System::events().iter().any(|e| e.event
            == Event::SubnetOwnerChanged { netuid, old_coldkey: account(1), new_coldkey: account(2) }.into()));
        // The king's bucket became the owner's; the lock itself is unchanged.
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(22)), None);
        assert_eq!(OwnerLock::<Test>::get(netuid).unwrap().locked_mass, alpha);
        assert_eq!(lock_of(3, netuid).unwrap().0, account(22));
        // The new owner collects the owner cut on its hotkey.
        assert!(SubtensorModule::alpha_stake(&account(22), &account(2), netuid) > before);
        assert_issuance_consistent();
    });
}

/// Too little of the subnet's alpha convicted: no takeover, even after a year.
#[test]
fn a_weak_conviction_takes_nothing_over() {
    checked(|| {
        let (netuid, _) = staked_subnet();
        Tempo::<Test>::insert(netuid, 1);
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, 1_000_000));
        System::set_block_number(NetworkRegisteredAt::<Test>::get(netuid) + ONE_YEAR);
        run_to_block(System::block_number() + 2);
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(1));
    });
}

/// With `OwnerCutAutoLockEnabled`, the owner cut is locked by the owner to its hotkey.
#[test]
fn the_owner_cut_can_lock_itself() {
    checked(|| {
        let (netuid, _) = staked_subnet();
        Tempo::<Test>::insert(netuid, 1);
        OwnerCutAutoLockEnabled::<Test>::insert(netuid, true);
        run_to_block(System::block_number() + 5);
        let (hotkey, lock) = lock_of(1, netuid).unwrap();
        assert_eq!(hotkey, account(101));
        assert!(lock.locked_mass > 0);
        // A top-up keeps the conviction it had; rolled, a lock to the owner hotkey has its
        // whole mass as conviction.
        assert!(lock.conviction <= U64F64::from_num(lock.locked_mass));
        let rolled = SubtensorModule::coldkey_lock_view(&account(1), netuid).unwrap();
        assert_eq!(rolled.conviction, U64F64::from_num(rolled.locked_mass));
        assert!(DecayingOwnerLock::<Test>::get(netuid).is_some());
    });
}

/// The nominator sweep is not held back by a lock; the lock shrinks with it.
#[test]
fn the_nominator_sweep_reduces_the_lock() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        SubtensorModule::set_nominator_min_required_stake(u64::MAX / 1_000_000);
        assert_eq!(SubtensorModule::alpha_stake(&account(22), &account(3), netuid), 0);
        assert!(lock_of(3, netuid).is_none());
        assert!(DecayingHotkeyLock::<Test>::get(netuid, account(22)).is_none());
    });
}

/// A coldkey swap moves every lock with its mode; a new coldkey with a live lock is refused.
#[test]
fn a_coldkey_swap_moves_the_locks() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, true));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha / 2));
        advance(1_000);
        // A new coldkey with a live lock of its own cannot receive. (Staking is what makes a
        // lock, and a new coldkey with stake is refused first, so the lock is planted here.)
        let planted = crate::rpc_info::LockState { locked_mass: 1_000, conviction: U64F64::from_num(0), last_update: 1 };
        Lock::<Test>::insert((account(44), netuid, account(22)), planted);
        assert_noop!(SubtensorModule::do_swap_coldkey(&account(3), &account(44)), Error::<Test>::ActiveLockExists);
        Lock::<Test>::remove((account(44), netuid, account(22)));

        let rolled = SubtensorModule::coldkey_lock_view(&account(3), netuid).unwrap();
        let bucket_before = HotkeyLock::<Test>::get(netuid, account(22)).unwrap();
        assert_ok!(SubtensorModule::do_swap_coldkey(&account(3), &account(44)));
        assert!(lock_of(3, netuid).is_none());
        let (hotkey, lock) = lock_of(44, netuid).unwrap();
        assert_eq!(hotkey, account(22));
        assert_eq!((lock.locked_mass, lock.conviction), (rolled.locked_mass, rolled.conviction));
        assert!(SubtensorModule::lock_is_perpetual(&account(44), netuid));
        assert_eq!(DecayingLock::<Test>::get(account(3), netuid), None);
        assert!(LockingColdkeys::<Test>::contains_key((netuid, account(22), account(44))));
        assert_eq!(HotkeyLock::<Test>::get(netuid, account(22)).unwrap().locked_mass, bucket_before.locked_mass);
        assert_eq!(SubtensorModule::available_to_unstake(&account(44), netuid), alpha - alpha / 2);
        assert_issuance_consistent();
    });
}

/// A hotkey swap re-targets the locks to the old key and moves its aggregates; to the owner
/// hotkey's new key, the owner buckets stay.
#[test]
fn a_hotkey_swap_moves_the_locks() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        assert_ok!(SubtensorModule::add_stake(signed(4), account(101), netuid, 10 * TAO));
        assert_ok!(SubtensorModule::lock_stake(signed(4), account(101), netuid, 5_000));
        advance(1_000);
        let before = SubtensorModule::hotkey_conviction(&account(22), netuid);
        TxRateLimit::<Test>::put(0);
        assert_ok!(SubtensorModule::swap_hotkey(signed(2), account(22), account(62), None));
        assert_eq!(lock_of(3, netuid).unwrap().0, account(62));
        assert!(LockingColdkeys::<Test>::contains_key((netuid, account(62), account(3))));
        assert!(!LockingColdkeys::<Test>::contains_key((netuid, account(22), account(3))));
        assert_eq!(DecayingHotkeyLock::<Test>::get(netuid, account(22)), None);
        assert_eq!(SubtensorModule::hotkey_conviction(&account(62), netuid), before);
        // The owner hotkey: its lockers follow, the owner buckets stay where they are.
        let owner_bucket = DecayingOwnerLock::<Test>::get(netuid).unwrap();
        assert_ok!(SubtensorModule::swap_hotkey(signed(1), account(101), account(161), None));
        assert_eq!(lock_of(4, netuid).unwrap().0, account(161));
        assert_eq!(DecayingOwnerLock::<Test>::get(netuid).unwrap().locked_mass, owner_bucket.locked_mass);
        assert_eq!(DecayingHotkeyLock::<Test>::get(netuid, account(161)), None);
        let rolled = SubtensorModule::coldkey_lock_view(&account(4), netuid).unwrap();
        assert_eq!(rolled.conviction, U64F64::from_num(rolled.locked_mass));
        assert_eq!(SubtensorModule::hotkey_conviction(&account(161), netuid), rolled.conviction);
        assert_issuance_consistent();
    });
}

/// Dissolving a subnet removes its locks, their index, aggregates and modes.
#[test]
fn dissolving_a_subnet_removes_its_locks() {
    checked(|| {
        let (netuid, alpha) = staked_subnet();
        assert_ok!(SubtensorModule::set_perpetual_lock(signed(3), netuid, true));
        assert_ok!(SubtensorModule::lock_stake(signed(3), account(22), netuid, alpha));
        assert_ok!(SubtensorModule::add_stake(signed(4), account(101), netuid, 10 * TAO));
        assert_ok!(SubtensorModule::lock_stake(signed(4), account(101), netuid, 5_000));
        assert_ok!(SubtensorModule::do_dissolve_network(netuid));
        assert_eq!(Lock::<Test>::iter().count(), 0);
        assert_eq!(LockingColdkeys::<Test>::iter().count(), 0);
        assert_eq!(HotkeyLock::<Test>::iter().count(), 0);
        assert_eq!(DecayingOwnerLock::<Test>::iter().count(), 0);
        assert_eq!(DecayingLock::<Test>::iter().count(), 0);
        assert_issuance_consistent();
    });
}
