//! A mock runtime: System and MevShield, with authors set by the tests (default: author 1,
//! alone, as on a one-author dev chain) and a decryptor that treats a stored "ciphertext" as
//! the SCALE encoding of a call, so the stored queue's dispatch path can be tested.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_shield;
use codec::Decode;
use core::cell::RefCell;
use frame_support::derive_impl;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlockU32<Test>;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        MevShield: pallet_shield = 30,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
}

thread_local! {
    /// (author of this block, author two blocks ahead).
    pub static AUTHORS: RefCell<(Option<u64>, Option<u64>)> = const { RefCell::new((Some(1), Some(1))) };
    /// Whether the stored-queue decryptor decodes (true) or fails like the runtime's (false).
    pub static DECRYPTS: RefCell<bool> = const { RefCell::new(false) };
}

pub fn set_authors(current: Option<u64>, in_two: Option<u64>) {
    AUTHORS.with(|a| *a.borrow_mut() = (current, in_two));
}

pub fn set_decrypts(on: bool) {
    DECRYPTS.with(|d| *d.borrow_mut() = on);
}

pub struct TestAuthors;
impl pallet_shield::FindAuthors<u64> for TestAuthors {
    fn current_author() -> Option<u64> {
        AUTHORS.with(|a| a.borrow().0)
    }
    fn author_in_two_blocks() -> Option<u64> {
        AUTHORS.with(|a| a.borrow().1)
    }
}

pub struct PlainDecryptor;
impl pallet_shield::ExtrinsicDecryptor<RuntimeCall> for PlainDecryptor {
    fn decrypt(ciphertext: &[u8]) -> Option<RuntimeCall> {
        if !DECRYPTS.with(|d| *d.borrow()) {
            return None;
        }
        RuntimeCall::decode(&mut &ciphertext[..]).ok()
    }
}

impl pallet_shield::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type AuthorityId = u64;
    type FindAuthors = TestAuthors;
    type ExtrinsicDecryptor = PlainDecryptor;
    type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
    set_authors(Some(1), Some(1));
    set_decrypts(false);
    let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let mut ext = sp_io::TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}
