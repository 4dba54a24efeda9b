#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{
    assert_noop, assert_ok,
    dispatch::GetDispatchInfo,
    pallet_prelude::{InherentData, ProvideInherent},
    traits::Hooks,
};
use sp_runtime::{
    traits::{BlakeTwo256, DispatchTransaction, Hash},
    transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
    DispatchError,
};

fn key(n: u8) -> ShieldEncKey {
    vec![n; wire::MLKEM768_ENC_KEY_LEN].try_into().unwrap()
}

fn announce(block: u32, author: u64, in_two: Option<u64>, k: Option<ShieldEncKey>) -> sp_runtime::DispatchResult {
    System::set_block_number(block);
    set_authors(Some(author), in_two);
    MevShield::announce_next_key(RuntimeOrigin::none(), k)
}

type Row = (Option<ShieldEncKey>, Option<ShieldEncKey>, Option<ShieldEncKey>, Option<u32>, Option<u32>);

fn pipeline() -> Row {
    (
        CurrentKey::<Test>::get(),
        PendingKey::<Test>::get(),
        NextKey::<Test>::get(),
        PendingKeyExpiresAt::<Test>::get(),
        NextKeyExpiresAt::<Test>::get(),
    )
}

/// Upstream's `key_rotation_round_robin` (`pallets-2.md` §1.5).
#[test]
fn key_rotation_round_robin() {
    new_test_ext().execute_with(|| {
        let authors = [(1, Some(3)), (2, Some(1)), (3, Some(2)), (1, None), (2, None)];
        let expected: [Row; 5] = [
            (None, None, None, None, None),
            (None, None, Some(key(1)), None, Some(5)),
            (None, Some(key(1)), Some(key(2)), Some(5), Some(6)),
            (Some(key(1)), Some(key(2)), None, Some(6), None),
            (Some(key(2)), None, None, None, None),
        ];
        for (i, ((author, in_two), row)) in authors.into_iter().zip(expected).enumerate() {
            assert_ok!(announce(i as u32 + 1, author, in_two, Some(key(author as u8))));
            assert_eq!(pipeline(), row, "block {}", i + 1);
        }
    });
}

#[test]
fn one_author_keeps_its_old_key_next_and_then_settles() {
    new_test_ext().execute_with(|| {
        assert_ok!(announce(1, 1, Some(1), Some(key(7))));
        assert_eq!(NextKey::<Test>::get(), None);
        assert_ok!(announce(2, 1, Some(1), Some(key(8))));
        // Read before this block's announcement: the key announced at block 1.
        assert_eq!(NextKey::<Test>::get(), Some(key(7)));
        assert_eq!(AuthorKeys::<Test>::get(1), Some(key(8)));
        // A node with a fixed key: the pipeline holds it in every stage from block 3 on.
        new_fixed_chain();
    });
}

fn new_fixed_chain() {
    for b in 10..14 {
        assert_ok!(announce(b, 1, Some(1), Some(key(9))));
    }
    assert_eq!(pipeline(), (Some(key(9)), Some(key(9)), Some(key(9)), Some(15), Some(16)));
}

#[test]
fn bad_key_length_reverts_the_whole_rotation() {
    new_test_ext().execute_with(|| {
        assert_ok!(announce(1, 1, Some(1), Some(key(1))));
        assert_ok!(announce(2, 1, Some(1), Some(key(1))));
        let before = pipeline();
        let short: ShieldEncKey = vec![1u8; 100].try_into().unwrap();
        System::set_block_number(3);
        assert_noop!(MevShield::announce_next_key(RuntimeOrigin::none(), Some(short)), Error::<Test>::BadEncKeyLen);
        assert_eq!(pipeline(), before);
        assert_eq!(AuthorKeys::<Test>::get(1), Some(key(1)));
    });
}

#[test]
fn none_removes_the_authors_key_and_no_author_is_unreachable() {
    new_test_ext().execute_with(|| {
        assert_ok!(announce(1, 1, Some(1), Some(key(1))));
        assert_ok!(announce(2, 1, Some(1), None));
        assert_eq!(AuthorKeys::<Test>::get(1), None);
        // An author two blocks ahead without a key clears NextKey.
        assert_ok!(announce(3, 1, Some(2), Some(key(1))));
        assert_eq!(NextKey::<Test>::get(), None);
    });
}

#[test]
fn unknown_author_is_unreachable() {
    new_test_ext().execute_with(|| {
        System::set_block_number(1);
        set_authors(None, Some(1));
        assert_noop!(MevShield::announce_next_key(RuntimeOrigin::none(), Some(key(1))), Error::<Test>::Unreachable);
        assert_noop!(
            MevShield::announce_next_key(RuntimeOrigin::signed(1), Some(key(1))),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn the_inherent_comes_from_the_nodes_key() {
    let mut data = InherentData::new();
    assert_eq!(MevShield::create_inherent(&data), None);
    data.put_data(INHERENT_IDENTIFIER, &Some(key(4))).unwrap();
    let call = MevShield::create_inherent(&data).unwrap();
    assert_eq!(call, Call::announce_next_key { enc_key: Some(key(4)) });
    assert!(MevShield::is_inherent(&call));
    assert!(!MevShield::is_inherent(&Call::submit_encrypted { ciphertext: Default::default() }));
    let mut none = InherentData::new();
    none.put_data(INHERENT_IDENTIFIER, &Option::<ShieldEncKey>::None).unwrap();
    assert_eq!(MevShield::create_inherent(&none), Some(Call::announce_next_key { enc_key: None }));
}

#[test]
fn submit_encrypted_emits_its_id_and_stores_nothing() {
    new_test_ext().execute_with(|| {
        let ciphertext: Ciphertext = vec![5u8; 1151].try_into().unwrap();
        assert_ok!(MevShield::submit_encrypted(RuntimeOrigin::signed(7), ciphertext.clone()));
        let id = BlakeTwo256::hash_of(&(7u64, &ciphertext));
        System::assert_last_event(Event::EncryptedSubmitted { id, who: 7 }.into());
        assert_eq!(PendingExtrinsics::<Test>::count(), 0);
        assert_noop!(MevShield::submit_encrypted(RuntimeOrigin::none(), ciphertext), DispatchError::BadOrigin);
        let info = Call::<Test>::submit_encrypted { ciphertext: Default::default() }.get_dispatch_info();
        assert_eq!(info.pays_fee, frame_support::dispatch::Pays::Yes);
    });
}

fn validate(origin: RuntimeOrigin, ciphertext: Vec<u8>) -> Result<(), TransactionValidityError> {
    let call: RuntimeCall = Call::<Test>::submit_encrypted { ciphertext: ciphertext.try_into().unwrap() }.into();
    let info = call.get_dispatch_info();
    CheckShieldedTxValidity::<Test>::new()
        .validate_only(origin, &call, &info, 0, TransactionSource::External, 0)
        .map(|_| ())
}

#[test]
fn the_extension_refuses_unparseable_payloads() {
    new_test_ext().execute_with(|| {
        assert_eq!(
            validate(RuntimeOrigin::signed(1), vec![0; 5]),
            Err(InvalidTransaction::Custom(extension::FAILED_SHIELDED_TX_PARSING).into())
        );
        let mut framed = vec![0u8; 16];
        framed.extend_from_slice(&4u16.to_le_bytes());
        framed.extend_from_slice(&[0xAA; 4]);
        framed.extend_from_slice(&[0xBB; 24]);
        assert_eq!(validate(RuntimeOrigin::signed(1), framed), Ok(()));
        // Other calls pass untouched.
        let call: RuntimeCall = frame_system::Call::<Test>::remark { remark: vec![] }.into();
        let info = call.get_dispatch_info();
        assert!(CheckShieldedTxValidity::<Test>::new()
            .validate_only(RuntimeOrigin::signed(1), &call, &info, 0, TransactionSource::External, 0)
            .is_ok());
    });
}

fn remark_bytes() -> Ciphertext {
    let call: RuntimeCall = frame_system::Call::<Test>::remark_with_event { remark: vec![1, 2, 3] }.into();
    call.encode().try_into().unwrap()
}

#[test]
fn stored_calls_fail_to_decode_without_a_decryptor() {
    new_test_ext().execute_with(|| {
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        System::assert_last_event(Event::ExtrinsicStored { index: 0, who: 3 }.into());
        MevShield::on_initialize(2);
        System::assert_last_event(Event::ExtrinsicDecodeFailed { index: 0 }.into());
        assert_eq!(PendingExtrinsics::<Test>::count(), 0);
    });
}

#[test]
fn stored_calls_dispatch_expire_and_respect_the_limits() {
    new_test_ext().execute_with(|| {
        set_decrypts(true);
        // Stored at block 1 with lifetime 10: processed at 11, expired at 12.
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        MevShield::on_initialize(11);
        System::assert_has_event(Event::ExtrinsicDispatched { index: 0 }.into());
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        MevShield::on_initialize(12);
        System::assert_last_event(Event::ExtrinsicExpired { index: 1 }.into());
        // A call heavier than MaxExtrinsicWeight is dropped; one over the block budget waits.
        assert_ok!(MevShield::set_max_extrinsic_weight(RuntimeOrigin::root(), 0));
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        MevShield::on_initialize(2);
        System::assert_last_event(Event::ExtrinsicWeightExceeded { index: 2 }.into());
        assert_ok!(MevShield::set_max_extrinsic_weight(RuntimeOrigin::root(), 50_000_000_000));
        assert_ok!(MevShield::set_on_initialize_weight(RuntimeOrigin::root(), 0));
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        MevShield::on_initialize(2);
        System::assert_last_event(Event::ExtrinsicPostponed { index: 3 }.into());
        assert_eq!(PendingExtrinsics::<Test>::count(), 1);
        // A call that fails reports its error.
        assert_ok!(MevShield::set_on_initialize_weight(RuntimeOrigin::root(), 500_000_000_000));
        PendingExtrinsics::<Test>::remove(3);
        let root_only: RuntimeCall = Call::<Test>::set_stored_extrinsic_lifetime { value: 1 }.into();
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), root_only.encode().try_into().unwrap()));
        MevShield::on_initialize(2);
        System::assert_last_event(Event::ExtrinsicDispatchFailed { index: 4, error: DispatchError::BadOrigin }.into());
    });
}

#[test]
fn the_queue_is_bounded() {
    new_test_ext().execute_with(|| {
        assert_ok!(MevShield::set_max_pending_extrinsics_number(RuntimeOrigin::root(), 1));
        assert_ok!(MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()));
        assert_noop!(
            MevShield::store_encrypted(RuntimeOrigin::signed(3), remark_bytes()),
            Error::<Test>::TooManyPendingExtrinsics
        );
    });
}

#[test]
fn settings_are_root_only_and_bounded() {
    new_test_ext().execute_with(|| {
        assert_noop!(MevShield::set_stored_extrinsic_lifetime(RuntimeOrigin::signed(1), 3), DispatchError::BadOrigin);
        assert_ok!(MevShield::set_stored_extrinsic_lifetime(RuntimeOrigin::root(), 3));
        System::assert_last_event(Event::ExtrinsicLifetimeSet { value: 3 }.into());
        assert_noop!(
            MevShield::set_on_initialize_weight(RuntimeOrigin::root(), 2_000_000_000_001),
            Error::<Test>::WeightExceedsAbsoluteMax
        );
        assert_noop!(
            MevShield::set_max_extrinsic_weight(RuntimeOrigin::root(), 2_000_000_000_001),
            Error::<Test>::WeightExceedsAbsoluteMax
        );
        assert_ok!(MevShield::set_max_extrinsic_weight(RuntimeOrigin::root(), 2_000_000_000_000));
        System::assert_last_event(Event::MaxExtrinsicWeightSet { value: 2_000_000_000_000 }.into());
    });
}
