//! Staking through the pools (`economics.md` §4): every amount checked against the pool
//! math, every error leaving state unchanged, and the accounting invariants after each call.

use super::*;
use crate::stake_calls::DEFAULT_MIN_STAKE;
use tensorchain_swap::pool::{Pool, Side};

const AUTHOR: u8 = 99;

/// A started subnet owned by coldkey `owner` (hotkey `owner + 100`).
fn pool(netuid: u16) -> Pool {
    Pool {
        tao: SubnetTAO::<Test>::get(netuid),
        alpha: SubnetAlphaIn::<Test>::get(netuid),
        quote_weight: pallet_subtensor_swap::SwapBalancer::<Test>::get(netuid).quote.deconstruct(),
    }
}

fn stake(hot: u8, cold: u8, netuid: u16) -> u64 {
    SubtensorModule::alpha_stake(&account(hot), &account(cold), netuid)
}

#[test]
fn add_stake_buys_alpha_at_the_pool_price() {
    checked(|| {
        let netuid = started_subnet(1);
        let amount = 10 * TAO;
        let expected = pool(netuid).swap(Side::Buy, amount, u64::MAX, 33).unwrap();
        let (before, author_before) = (free(2), free(AUTHOR));
        let (tao_before, alpha_before) = (SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid));

        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, amount));

        assert_eq!(free(2), before - amount);
        assert_eq!(stake(101, 2, netuid), expected.amount_out);
        assert_eq!(SubnetTAO::<Test>::get(netuid), tao_before + amount - expected.fee);
        assert_eq!(SubnetAlphaIn::<Test>::get(netuid), alpha_before - expected.amount_out);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), expected.amount_out);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(account(101), netuid), expected.amount_out);
        // The fee goes to the block author.
        assert_eq!(free(AUTHOR), author_before + expected.fee);
        assert!(expected.fee > 0);
        assert_eq!(StakingHotkeys::<Test>::get(account(2)), vec![account(101)]);
        System::assert_last_event(
            Event::StakeAdded(account(2), account(101), amount, expected.amount_out, netuid, expected.fee).into(),
        );
        assert_issuance_consistent();
    });
}

#[test]
fn add_stake_errors_change_nothing() {
    checked(|| {
        let netuid = add_subnet(1);
        assert_noop!(
            SubtensorModule::add_stake(signed(2), account(101), netuid, TAO),
            Error::<Test>::SubtokenDisabled
        );
        assert_ok!(SubtensorModule::start_call(signed(1), netuid));
        assert_noop!(
            SubtensorModule::add_stake(signed(2), account(101), netuid, DEFAULT_MIN_STAKE),
            Error::<Test>::AmountTooLow
        );
        assert_noop!(SubtensorModule::add_stake(signed(2), account(101), 9, TAO), Error::<Test>::SubnetNotExists);
        assert_noop!(
            SubtensorModule::add_stake(signed(2), account(101), netuid, 20_000 * TAO),
            Error::<Test>::NotEnoughBalanceToStake
        );
        assert_noop!(
            SubtensorModule::add_stake(signed(2), account(77), netuid, TAO),
            Error::<Test>::HotKeyAccountNotExists
        );
        assert_issuance_consistent();
    });
}

#[test]
fn remove_stake_sells_alpha_and_pays_the_author_in_tao() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let held = stake(101, 2, netuid);
        let part = held / 3;
        let p = pool(netuid);
        let sold = p.swap(Side::Sell, part, 0, 33).unwrap();
        let fee_sale = p.apply(Side::Sell, &sold).swap(Side::Sell, sold.fee, 0, 0).unwrap();
        let (before, author_before) = (free(2), free(AUTHOR));

        assert_ok!(SubtensorModule::remove_stake(signed(2), account(101), netuid, part));

        assert_eq!(free(2), before + sold.amount_out);
        assert_eq!(free(AUTHOR), author_before + fee_sale.amount_out);
        assert_eq!(stake(101, 2, netuid), held - part);
        System::assert_last_event(
            Event::StakeRemoved(account(2), account(101), sold.amount_out, part, netuid, fee_sale.amount_out).into(),
        );
        assert_issuance_consistent();

        // Asking for more than is held sells exactly the holding.
        assert_ok!(SubtensorModule::remove_stake(signed(2), account(101), netuid, u64::MAX));
        assert_eq!(stake(101, 2, netuid), 0);
        assert_eq!(TotalHotkeyAlpha::<Test>::get(account(101), netuid), 0);
        assert_eq!(SubnetAlphaOut::<Test>::get(netuid), 0);
        assert_issuance_consistent();
    });
}

#[test]
fn without_an_author_fees_are_burned_not_lost() {
    checked(|| {
        let netuid = started_subnet(1);
        Author::set(None);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        assert!(free_of(&SubtensorModule::burn_account()) > 0);
        assert_ok!(SubtensorModule::remove_stake(signed(2), account(101), netuid, u64::MAX));
        Author::set(Some(account(AUTHOR)));
        assert_issuance_consistent();
    });
}

fn free_of(who: &AccountId32) -> u64 {
    Balances::free_balance(who)
}

#[test]
fn remove_stake_errors_change_nothing() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        assert_noop!(SubtensorModule::remove_stake(signed(2), account(101), netuid, 0), Error::<Test>::AmountTooLow);
        assert_noop!(
            SubtensorModule::remove_stake(signed(3), account(101), netuid, 1_000),
            Error::<Test>::NotEnoughStakeToWithdraw
        );
        assert_noop!(SubtensorModule::remove_stake(signed(2), account(101), 9, 1_000), Error::<Test>::SubnetNotExists);
        assert_noop!(
            SubtensorModule::remove_stake(signed(2), account(77), netuid, 1_000),
            Error::<Test>::HotKeyAccountNotExists
        );
        // Leaving a position open for a sale worth less than the minimum stake.
        assert_noop!(
            SubtensorModule::remove_stake(signed(2), account(101), netuid, 1_000),
            Error::<Test>::AmountTooLow
        );
        SubtokenEnabled::<Test>::insert(netuid, false);
        assert_noop!(
            SubtensorModule::remove_stake(signed(2), account(101), netuid, TAO),
            Error::<Test>::SubtokenDisabled
        );
    });
}

#[test]
fn limits_fill_up_to_the_price_or_refuse() {
    checked(|| {
        let netuid = started_subnet(1);
        // Price 1 TAO/alpha: a limit of 1.2 lets only part of 50 TAO through.
        let limit = 1_200_000_000;
        let max = pool(netuid).max_amount_add(limit, 33).unwrap();
        assert!(max < 50 * TAO);
        assert_noop!(
            SubtensorModule::add_stake_limit(signed(2), account(101), netuid, 50 * TAO, limit, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(
            SubtensorModule::add_stake_limit(signed(2), account(101), netuid, 50 * TAO, 900_000_000, true),
            Error::<Test>::PriceLimitExceeded
        );
        let expected = pool(netuid).swap(Side::Buy, max, limit, 33).unwrap();
        let before = free(2);
        assert_ok!(SubtensorModule::add_stake_limit(signed(2), account(101), netuid, 50 * TAO, limit, true));
        assert_eq!(free(2), before - expected.amount_paid_in);
        assert_eq!(stake(101, 2, netuid), expected.amount_out);
        assert!(SubtensorModule::spot_price(netuid) <= substrate_fixed::types::U64F64::from_num(1.2));
        assert_issuance_consistent();

        // Selling back down to 1.1 at most.
        let limit = 1_100_000_000;
        let max = pool(netuid).max_amount_remove(limit, 33).unwrap();
        let held = stake(101, 2, netuid);
        assert!(max < held);
        assert_noop!(
            SubtensorModule::remove_stake_limit(signed(2), account(101), netuid, held, limit, false),
            Error::<Test>::SlippageTooHigh
        );
        assert_noop!(
            SubtensorModule::remove_stake_full_limit(signed(2), account(101), netuid, Some(limit)),
            Error::<Test>::SlippageTooHigh
        );
        assert_ok!(SubtensorModule::remove_stake_limit(signed(2), account(101), netuid, held, limit, true));
        let left = stake(101, 2, netuid);
        assert!(left >= held - max && left < held, "{left} {held} {max}");
        // The sale stops at the limit; selling its alpha fee for the author (at any price, as
        // upstream) then nudges the price just below it.
        let price = SubtensorModule::spot_price(netuid);
        assert!(price < substrate_fixed::types::U64F64::from_num(1.1));
        assert!(price > substrate_fixed::types::U64F64::from_num(1.0999));
        assert_issuance_consistent();
        assert_ok!(SubtensorModule::remove_stake_full_limit(signed(2), account(101), netuid, None));
        assert_eq!(stake(101, 2, netuid), 0);
        assert_issuance_consistent();
    });
}

#[test]
fn emission_to_a_hotkey_accrues_to_its_nominators_pro_rata() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), netuid, 30 * TAO));
        let (a, b) = (stake(101, 2, netuid), stake(101, 3, netuid));
        let paid = 1_000_000;
        SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += paid);
        SubtensorModule::increase_stake_for_hotkey_on_subnet(&account(101), netuid, paid);
        let (a2, b2) = (stake(101, 2, netuid), stake(101, 3, netuid));
        let share = |x: u64| (u128::from(x) * u128::from(paid) / u128::from(a + b)) as u64;
        assert!(a2 - a >= share(a).saturating_sub(1) && a2 - a <= share(a) + 1);
        assert!(b2 - b >= share(b).saturating_sub(1) && b2 - b <= share(b) + 1);
        assert!(a2 + b2 <= TotalHotkeyAlpha::<Test>::get(account(101), netuid));
        assert_issuance_consistent();
    });
}

#[test]
fn moves_within_a_subnet_reassign_shares_without_fee() {
    checked(|| {
        let netuid = started_subnet(1);
        register_hotkey(netuid, 2, 12);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let held = stake(101, 2, netuid);
        let reserves = (SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid));
        assert_ok!(SubtensorModule::move_stake(signed(2), account(101), account(12), netuid, netuid, held / 2));
        assert_eq!(stake(12, 2, netuid), held / 2);
        assert_eq!(stake(101, 2, netuid), held - held / 2);
        assert_eq!((SubnetTAO::<Test>::get(netuid), SubnetAlphaIn::<Test>::get(netuid)), reserves);
        // And to another coldkey.
        assert_ok!(SubtensorModule::transfer_stake(signed(2), account(3), account(12), netuid, netuid, held / 4));
        assert_eq!(stake(12, 3, netuid), held / 4);
        assert_issuance_consistent();
    });
}

#[test]
fn moves_across_subnets_sell_then_buy_with_one_fee() {
    checked(|| {
        let a = started_subnet(1);
        let b = started_subnet(2);
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), a, 20 * TAO));
        let held = stake(101, 3, a);
        let sold = pool(a).swap(Side::Sell, held / 2, 0, 33).unwrap();
        let bought = pool(b).swap(Side::Buy, sold.amount_out, u64::MAX, 0).unwrap();
        let before = free(3);
        assert_ok!(SubtensorModule::move_stake(signed(3), account(101), account(102), a, b, held / 2));
        assert_eq!(stake(102, 3, b), bought.amount_out);
        assert_eq!(stake(101, 3, a), held - held / 2);
        assert_eq!(free(3), before);
        System::assert_last_event(
            Event::StakeMoved(account(3), account(101), a, account(102), b, sold.amount_out).into(),
        );
        assert_issuance_consistent();

        // swap_stake keeps the hotkey; the same subnet twice is refused.
        assert_noop!(SubtensorModule::swap_stake(signed(3), account(102), b, b, 1_000), Error::<Test>::SameNetuid);
        assert_ok!(SubtensorModule::swap_stake(signed(3), account(101), a, b, stake(101, 3, a)));
        assert_eq!(stake(101, 3, a), 0);
        assert!(stake(101, 3, b) > 0);
        assert_issuance_consistent();
    });
}

#[test]
fn move_errors_change_nothing() {
    checked(|| {
        let a = started_subnet(1);
        let b = started_subnet(2);
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), a, 20 * TAO));
        let held = stake(101, 3, a);
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(101), account(102), a, b, held + 1),
            Error::<Test>::NotEnoughStakeToWithdraw
        );
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(101), account(77), a, b, held),
            Error::<Test>::HotKeyAccountNotExists
        );
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(101), account(102), a, b, 0),
            Error::<Test>::AmountTooLow
        );
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(101), account(102), a, b, 1_000),
            Error::<Test>::AmountTooLow
        );
        assert_noop!(
            SubtensorModule::move_stake(signed(3), account(101), account(102), a, 9, held),
            Error::<Test>::SubnetNotExists
        );
        TransferToggle::<Test>::insert(b, false);
        assert_noop!(
            SubtensorModule::transfer_stake(signed(3), account(4), account(101), a, b, held),
            Error::<Test>::TransferDisallowed
        );
        // A ratio limit the pools are already past moves nothing.
        assert_noop!(
            SubtensorModule::swap_stake_limit(signed(3), account(101), a, b, held, 100 * TAO, true),
            Error::<Test>::ZeroMaxStakeAmount
        );
    });
}

#[test]
fn root_stake_is_one_to_one_and_unstake_all_alpha_lands_there() {
    checked(|| {
        let netuid = started_subnet(1);
        let before = free(2);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), 0, 5 * TAO));
        assert_eq!(stake(101, 2, 0), 5 * TAO);
        assert_eq!(free(2), before - 5 * TAO);
        assert_eq!(SubnetTAO::<Test>::get(0), 5 * TAO);
        assert_issuance_consistent();

        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let held = stake(101, 2, netuid);
        let sold = pool(netuid).swap(Side::Sell, held, 0, 33).unwrap();
        assert_ok!(SubtensorModule::unstake_all_alpha(signed(2), account(101)));
        assert_eq!(stake(101, 2, netuid), 0);
        assert_eq!(stake(101, 2, 0), 5 * TAO + sold.amount_out);
        assert_issuance_consistent();

        assert_ok!(SubtensorModule::unstake_all(signed(2), account(101)));
        assert_eq!(stake(101, 2, 0), 0);
        assert_issuance_consistent();
    });
}

#[test]
fn root_registration_limits_and_replacement() {
    checked(|| {
        assert_ok!(SubtensorModule::root_register(signed(1), account(11)));
        assert_eq!(Uids::<Test>::get(0, account(11)), Some(0));
        assert_eq!(Delegates::<Test>::get(account(11)), 11_796);
        assert!(Delegates::<Test>::contains_key(account(11)));
        assert_noop!(
            SubtensorModule::root_register(signed(1), account(12)),
            Error::<Test>::TooManyRegistrationsThisBlock
        );
        assert_noop!(
            SubtensorModule::root_register(signed(2), account(11)),
            Error::<Test>::HotKeyAlreadyRegisteredInSubNet
        );
        run_to_block(2);
        assert_ok!(SubtensorModule::root_register(signed(1), account(12)));
        run_to_block(3);
        assert_ok!(SubtensorModule::root_register(signed(1), account(13)));
        run_to_block(4);
        // Three per root tempo (100 blocks).
        assert_noop!(
            SubtensorModule::root_register(signed(1), account(14)),
            Error::<Test>::TooManyRegistrationsThisInterval
        );
        run_to_block(101);
        // Root full: the newcomer needs more root stake than the weakest.
        MaxAllowedUids::<Test>::insert(0, 3);
        assert_ok!(SubtensorModule::add_stake(signed(1), account(11), 0, TAO));
        assert_ok!(SubtensorModule::add_stake(signed(1), account(13), 0, TAO));
        assert_noop!(SubtensorModule::root_register(signed(1), account(14)), Error::<Test>::StakeTooLowForRoot);
        assert_ok!(SubtensorModule::try_associate_hotkey(signed(1), account(14)));
        assert_noop!(SubtensorModule::try_associate_hotkey(signed(2), account(14)), Error::<Test>::NonAssociatedColdKey);
        assert_ok!(SubtensorModule::add_stake(signed(1), account(14), 0, TAO));
        assert_ok!(SubtensorModule::root_register(signed(1), account(14)));
        assert_eq!(Uids::<Test>::get(0, account(14)), Some(1));
        assert_eq!(Uids::<Test>::get(0, account(12)), None);
        assert_issuance_consistent();
    });
}

#[test]
fn delegate_take_bounds_and_rate_limit() {
    checked(|| {
        let _ = add_subnet(1);
        let hot = || account(101);
        assert_ok!(SubtensorModule::decrease_take(signed(1), hot(), 1_000));
        assert_eq!(Delegates::<Test>::get(hot()), 1_000);
        assert_noop!(SubtensorModule::decrease_take(signed(1), hot(), 1_000), Error::<Test>::DelegateTakeTooLow);
        assert_noop!(SubtensorModule::decrease_take(signed(2), hot(), 10), Error::<Test>::NonAssociatedColdKey);
        assert_noop!(SubtensorModule::increase_take(signed(1), account(77), 10), Error::<Test>::HotKeyAccountNotExists);
        assert_noop!(SubtensorModule::increase_take(signed(1), hot(), 11_797), Error::<Test>::DelegateTakeTooHigh);
        // Lowering recorded the block: raising waits the rate limit.
        assert_noop!(SubtensorModule::increase_take(signed(1), hot(), 2_000), Error::<Test>::DelegateTxRateLimitExceeded);
        TxDelegateTakeRateLimit::<Test>::put(5);
        run_to_block(7);
        assert_ok!(SubtensorModule::increase_take(signed(1), hot(), 2_000));
        assert_eq!(Delegates::<Test>::get(hot()), 2_000);
        System::assert_last_event(Event::TakeIncreased(account(1), hot(), 2_000).into());
        assert_noop!(SubtensorModule::increase_take(signed(1), hot(), 1_500), Error::<Test>::DelegateTakeTooLow);
        MinDelegateTake::<Test>::put(1_800);
        assert_noop!(SubtensorModule::decrease_take(signed(1), hot(), 1_500), Error::<Test>::DelegateTakeTooLow);
    });
}

#[test]
fn dissolve_pays_real_stakers() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 10 * TAO));
        let before = free(2);
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        let got = free(2) - before;
        // Roughly the 10 TAO back, less the price impact and fee of the round trip's share.
        assert!(got > 9 * TAO && got < 10 * TAO, "{got}");
        assert_issuance_consistent();
    });
}

#[test]
fn raising_the_nominator_minimum_clears_small_nominations() {
    checked(|| {
        let netuid = started_subnet(1);
        assert_ok!(SubtensorModule::add_stake(signed(2), account(101), netuid, 1_000 * TAO));
        assert_ok!(SubtensorModule::add_stake(signed(3), account(101), netuid, 10 * TAO));
        // The hotkey's owner is never swept, however small its stake.
        assert_ok!(SubtensorModule::add_stake(signed(1), account(101), netuid, TAO));
        let (big, small, own) = (stake(101, 2, netuid), stake(101, 3, netuid), stake(101, 1, netuid));
        let sale = pool(netuid).swap(Side::Sell, small, 0, 33).unwrap();
        let before = free(3);

        // Factor 5·10^10 per million of DefaultMinStake = 100 TAO; from 0, any rise sweeps.
        SubtensorModule::set_nominator_min_required_stake(50_000_000_000);
        assert_eq!(SubtensorModule::nominator_min_stake_rao(), 100 * u128::from(TAO));
        assert_eq!(stake(101, 3, netuid), 0);
        assert_eq!(free(3), before + sale.amount_out);
        // The clearing is an ordinary unstake, with its event.
        let removed = System::events().iter().find_map(|r| match &r.event {
            RuntimeEvent::SubtensorModule(Event::StakeRemoved(c, h, tao, alpha, n, _)) if *c == account(3) => {
                Some((h.clone(), *tao, *alpha, *n))
            },
            _ => None,
        });
        assert_eq!(removed, Some((account(101), sale.amount_out, small, netuid)));
        assert_eq!((stake(101, 2, netuid), stake(101, 1, netuid)), (big, own));

        // Upstream compares the new raw factor with the old minimum in rao: 6·10^10 is not
        // above 10^11 rao, so this rise sweeps nothing, though the minimum is now 120 TAO.
        assert_ok!(SubtensorModule::add_stake(signed(4), account(101), netuid, 10 * TAO));
        let later = stake(101, 4, netuid);
        SubtensorModule::set_nominator_min_required_stake(60_000_000_000);
        assert_eq!(stake(101, 4, netuid), later);
        // 2·10^11 is above 1.2·10^11: swept.
        SubtensorModule::set_nominator_min_required_stake(200_000_000_000);
        assert_eq!(stake(101, 4, netuid), 0);
        assert_eq!(stake(101, 2, netuid), big);
        assert_issuance_consistent();
    });
}
