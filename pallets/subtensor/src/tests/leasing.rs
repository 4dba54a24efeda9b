//! Leased subnets (`pallets-2.md` §4.6): registration from a finalizing crowdloan, the
//! refunds, the dividends and termination, with the spec's vectors to the rao.

use super::*;
use crate::leasing::SubnetLease;
use sp_runtime::{DispatchError, Percent};

/// The spec's crowdloan: the beneficiary (account 1) put in 10 TAO, accounts 2 and 3 put in
/// 600 and 390 TAO; the cap of 1000 TAO is raised.
fn spec_crowdloan() {
    set_finalizing(0, account(1), vec![(account(1), 10 * TAO), (account(2), 600 * TAO), (account(3), 390 * TAO)]);
}

fn lease_origin() -> RuntimeOrigin {
    signed(1)
}

fn hex(account: AccountId32) -> String {
    let bytes: &[u8] = account.as_ref();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn lease_accounts_are_derived_from_the_lease_id() {
    assert_eq!(
        hex(SubtensorModule::lease_coldkey(0)),
        "7fa9a44897c4e39223a9a45b3da830b2b923a7654f7e810e5db169e50d2eb471"
    );
    assert_eq!(
        hex(SubtensorModule::lease_hotkey(0)),
        "a1eb3571088a08653ee5a8a22e00bdc8cb0c993caa767dbd7fac8d585d6496f6"
    );
}

#[test]
fn register_leased_network_creates_the_lease_and_refunds_pro_rata() {
    checked(|| {
        spec_crowdloan();
        let (before1, before2, before3) = (free(1), free(2), free(3));
        let lock = SubtensorModule::get_network_lock_cost();
        assert_eq!(lock, 100 * TAO);
        assert_ok!(SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), None));
        clear_finalizing();

        let coldkey = SubtensorModule::lease_coldkey(0);
        let hotkey = SubtensorModule::lease_hotkey(0);
        let netuid = 1;
        assert_eq!(SubnetOwner::<Test>::get(netuid), coldkey);
        assert_eq!(SubnetOwnerHotkey::<Test>::get(netuid), hotkey);
        assert_eq!(
            SubnetLeases::<Test>::get(0),
            Some(SubnetLease {
                beneficiary: account(1),
                coldkey: coldkey.clone(),
                hotkey: hotkey.clone(),
                emissions_share: Percent::from_percent(25),
                end_block: None,
                netuid,
                cost: lock,
            })
        );
        assert_eq!(SubnetUidToLeaseId::<Test>::get(netuid), Some(0));
        assert_eq!(NextSubnetLeaseId::<Test>::get(), 1);
        assert_eq!(Delegates::<Test>::get(&hotkey), 0);
        // Shares, raw U64F64 (spec vector); the beneficiary has none.
        assert_eq!(SubnetLeaseShares::<Test>::get(0, account(2)).to_bits(), 11_068_046_444_225_730_969);
        assert_eq!(SubnetLeaseShares::<Test>::get(0, account(3)).to_bits(), 7_194_230_188_746_725_130);
        assert!(!SubnetLeaseShares::<Test>::contains_key(0, account(1)));
        // The 900 TAO the lock did not use: floor(share × leftover), the rest to the beneficiary.
        assert_eq!(free(2) - before2, 539_999_999_999);
        assert_eq!(free(3) - before3, 350_999_999_999);
        assert_eq!(free(1) - before1, 900 * TAO - 539_999_999_999 - 350_999_999_999);
        assert_eq!(Balances::free_balance(&coldkey), 0);
        assert_eq!(PROXIES.with(|p| p.borrow().clone()), vec![(coldkey, account(1))]);
        System::assert_last_event(
            Event::SubnetLeaseCreated { beneficiary: account(1), lease_id: 0, netuid, end_block: None }.into(),
        );
        assert_issuance_consistent();
    });
}

#[test]
fn register_leased_network_errors_change_nothing() {
    checked(|| {
        // No crowdloan being finalized.
        assert_noop!(
            SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), None),
            DispatchError::Other("InvalidCrowdloanId")
        );
        spec_crowdloan();
        // Only the creator.
        assert_noop!(
            SubtensorModule::register_leased_network(signed(2), Percent::from_percent(25), None),
            Error::<Test>::InvalidLeaseBeneficiary
        );
        run_to_block(5);
        assert_noop!(
            SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), Some(5)),
            Error::<Test>::LeaseCannotEndInThePast
        );
        assert_noop!(
            SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), Some(4)),
            Error::<Test>::LeaseCannotEndInThePast
        );
        // Registration itself failing (raised below the lock) rolls everything back.
        set_finalizing(1, account(1), vec![(account(1), 50 * TAO)]);
        assert_noop!(
            SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), None),
            Error::<Test>::NotEnoughBalanceToLockSubnet
        );
        assert_eq!(NextSubnetLeaseId::<Test>::get(), 0);
    });
}

/// Registers the spec's lease (30 %) on netuid 1, with emission started.
fn spec_lease(end_block: Option<u64>) -> (u16, AccountId32, AccountId32) {
    spec_crowdloan();
    assert_ok!(SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(30), end_block));
    clear_finalizing();
    let coldkey = SubtensorModule::lease_coldkey(0);
    let netuid = 1;
    run_to_block(System::block_number() + StartCallDelay::<Test>::get() + 1);
    assert_ok!(SubtensorModule::start_call(RuntimeOrigin::signed(coldkey.clone()), netuid));
    (netuid, coldkey, SubtensorModule::lease_hotkey(0))
}

/// Stakes `alpha` of owner cut to the lease's keys, as the epoch's payout does.
fn owner_cut_staked(netuid: u16, coldkey: &AccountId32, hotkey: &AccountId32, alpha: u64) {
    SubtensorModule::increase_alpha_stake(hotkey, coldkey, netuid, alpha);
    SubnetAlphaOut::<Test>::mutate(netuid, |o| *o += alpha);
}

#[test]
fn dividends_accumulate_then_pay_contributors_rounded_up() {
    checked(|| {
        let (netuid, coldkey, hotkey) = spec_lease(None);
        // Before: 10 TAO of dividends accumulated (and staked on the lease coldkey).
        owner_cut_staked(netuid, &coldkey, &hotkey, 10 * TAO);
        AccumulatedLeaseDividends::<Test>::insert(0, 10 * TAO);
        // An owner cut of 5 TAO off a payout block only accumulates: 30 % rounded up.
        System::set_block_number(199);
        owner_cut_staked(netuid, &coldkey, &hotkey, 5 * TAO);
        SubtensorModule::distribute_lease_dividends(netuid, 5 * TAO);
        assert_eq!(AccumulatedLeaseDividends::<Test>::get(0), 11_500_000_000);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &account(2), netuid), 0);

        // The spec's vector: total 11.5 TAO on a payout block.
        AccumulatedLeaseDividends::<Test>::insert(0, 10 * TAO);
        System::set_block_number(200);
        SubtensorModule::distribute_lease_dividends(netuid, 5 * TAO);
        assert_eq!(AccumulatedLeaseDividends::<Test>::get(0), 0);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &account(2), netuid), 6_900_000_000);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &account(3), netuid), 4_485_000_000);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &account(1), netuid), 115_000_000);
        // 15 TAO of owner cut was staked; 11.5 went out, 70 % of the last cut stays.
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &coldkey, netuid), 15 * TAO - 11_500_000_000);
        System::assert_has_event(
            Event::SubnetLeaseDividendsDistributed { lease_id: 0, contributor: account(2), alpha: 6_900_000_000 }.into(),
        );
        System::assert_last_event(
            Event::SubnetLeaseDividendsDistributed { lease_id: 0, contributor: account(1), alpha: 115_000_000 }.into(),
        );
        assert_issuance_consistent();
    });
}

#[test]
fn a_payout_that_cannot_be_made_whole_is_undone_and_kept() {
    checked(|| {
        let (netuid, coldkey, hotkey) = spec_lease(None);
        // 1000 rao: every transfer is below the minimum stake.
        owner_cut_staked(netuid, &coldkey, &hotkey, 1_000);
        System::set_block_number(300);
        SubtensorModule::distribute_lease_dividends(netuid, 1_000);
        assert_eq!(AccumulatedLeaseDividends::<Test>::get(0), 300);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &account(2), netuid), 0);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &coldkey, netuid), 1_000);
    });
}

#[test]
fn an_ended_lease_earns_nothing_more() {
    checked(|| {
        let (netuid, coldkey, hotkey) = spec_lease(Some(50));
        owner_cut_staked(netuid, &coldkey, &hotkey, 5 * TAO);
        System::set_block_number(400);
        SubtensorModule::distribute_lease_dividends(netuid, 5 * TAO);
        assert_eq!(AccumulatedLeaseDividends::<Test>::get(0), 0);
        assert_eq!(SubtensorModule::alpha_stake(&hotkey, &coldkey, netuid), 5 * TAO);
    });
}

#[test]
fn terminate_lease_hands_the_subnet_to_the_beneficiary() {
    checked(|| {
        let end = System::block_number() + 10;
        let (netuid, coldkey, _) = spec_lease(Some(end));
        // The beneficiary's new owner hotkey: registered to it elsewhere.
        let other = add_subnet(4);
        register_hotkey(other, 1, 21);
        assert_noop!(SubtensorModule::terminate_lease(signed(2), 0, account(21)), Error::<Test>::ExpectedBeneficiaryOrigin);
        assert_noop!(SubtensorModule::terminate_lease(signed(1), 7, account(21)), Error::<Test>::LeaseDoesNotExist);
        assert_noop!(SubtensorModule::terminate_lease(signed(1), 0, account(21)), Error::<Test>::LeaseHasNotEnded);
        run_to_block(end);
        assert_noop!(
            SubtensorModule::terminate_lease(signed(1), 0, account(104)),
            Error::<Test>::BeneficiaryDoesNotOwnHotkey
        );
        assert_noop!(
            SubtensorModule::terminate_lease(signed(1), 0, account(77)),
            Error::<Test>::BeneficiaryDoesNotOwnHotkey
        );
        AccumulatedLeaseDividends::<Test>::insert(0, 0);
        assert_ok!(SubtensorModule::terminate_lease(signed(1), 0, account(21)));
        assert_eq!(SubnetOwner::<Test>::get(netuid), account(1));
        assert_eq!(SubnetOwnerHotkey::<Test>::get(netuid), account(21));
        assert!(SubnetLeases::<Test>::get(0).is_none());
        assert_eq!(SubnetLeaseShares::<Test>::iter_prefix(0).count(), 0);
        assert!(PROXIES.with(|p| p.borrow().is_empty()));
        // The lease's providers are released: the keyless accounts no longer pin themselves.
        assert_eq!(System::providers(&coldkey), 0);
        System::assert_last_event(Event::SubnetLeaseTerminated { beneficiary: account(1), netuid }.into());
    });
}

#[test]
fn terminate_lease_waits_for_the_end_block() {
    checked(|| {
        let (_, _, _) = spec_lease(Some(1_000));
        assert_noop!(SubtensorModule::terminate_lease(signed(1), 0, account(101)), Error::<Test>::LeaseHasNotEnded);
    });
}

#[test]
fn a_perpetual_lease_cannot_be_terminated() {
    checked(|| {
        spec_lease(None);
        assert_noop!(SubtensorModule::terminate_lease(signed(1), 0, account(101)), Error::<Test>::LeaseHasNoEndBlock);
    });
}

#[test]
fn dissolving_a_leased_subnet_ends_the_lease() {
    checked(|| {
        let (netuid, coldkey, _) = spec_lease(None);
        assert_ok!(SubtensorModule::root_dissolve_network(RuntimeOrigin::root(), netuid));
        assert!(SubnetLeases::<Test>::get(0).is_none());
        assert!(SubnetUidToLeaseId::<Test>::get(netuid).is_none());
        assert_eq!(SubnetLeaseShares::<Test>::iter_prefix(0).count(), 0);
        assert!(PROXIES.with(|p| p.borrow().is_empty()));
        assert!(!PROXIES.with(|p| p.borrow().iter().any(|(c, _)| c == &coldkey)));
        assert_issuance_consistent();
    });
}

#[test]
fn squatted_lease_keys_are_skipped() {
    checked(|| {
        // Someone associates the next lease hotkey with their own coldkey beforehand.
        assert_ok!(SubtensorModule::try_associate_hotkey(signed(5), SubtensorModule::lease_hotkey(0)));
        spec_crowdloan();
        assert_ok!(SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), None));
        clear_finalizing();
        assert!(SubnetLeases::<Test>::get(0).is_none());
        let lease = SubnetLeases::<Test>::get(1).expect("lease 1");
        assert_eq!(lease.coldkey, SubtensorModule::lease_coldkey(1));
        assert_eq!(SubnetOwner::<Test>::get(lease.netuid), lease.coldkey);
        assert_eq!(NextSubnetLeaseId::<Test>::get(), 2);
    });
}

#[test]
fn a_refund_the_contributor_cannot_take_goes_to_the_beneficiary() {
    checked(|| {
        // Account 60 was reaped; its refund of a few hundred rao is below the existential deposit.
        let lock = SubtensorModule::get_network_lock_cost();
        set_finalizing(0, account(1), vec![(account(1), lock - 2_900_000), (account(60), 3_000_000)]);
        let raised = lock + 100_000;
        let refund = (U64F64::from_num(3_000_000) / U64F64::from_num(raised) * U64F64::from_num(100_000)).to_num::<u64>();
        assert!(refund > 0 && refund < 500, "{refund}");
        let before = free(1);
        assert_ok!(SubtensorModule::register_leased_network(lease_origin(), Percent::from_percent(25), None));
        clear_finalizing();
        assert_eq!(Balances::free_balance(account(60)), 0);
        // The beneficiary got the whole leftover: 100 000 rao raised beyond the lock.
        assert_eq!(free(1) - before, 100_000);
        assert_issuance_consistent();
    });
}
