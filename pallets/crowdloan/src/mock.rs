//! A mock runtime: System, Balances, Preimage and Crowdloan with the upstream mock constants
//! (`pallets-2.md` §4.3), plus a small pallet whose calls serve as stored crowdloan calls.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate as pallet_crowdloan;
use frame_support::{derive_impl, parameter_types, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};

type Block = frame_system::mocking::MockBlockU32<Test>;
pub type AccountId = AccountId32;

frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system = 0,
        Balances: pallet_balances = 5,
        Preimage: pallet_preimage = 14,
        Crowdloan: pallet_crowdloan = 27,
        TestPallet: test_pallet = 100,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountId = AccountId;
    type Lookup = IdentityLookup<AccountId>;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
}

impl pallet_preimage::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type Currency = Balances;
    type ManagerOrigin = EnsureRoot<AccountId>;
    type Consideration = ();
}

parameter_types! {
    pub const CrowdloanPalletId: PalletId = PalletId(*b"bt/cloan");
    pub const MinimumDeposit: u64 = 50;
    pub const AbsoluteMinimumContribution: u64 = 10;
    pub const MinimumBlockDuration: u32 = 20;
    pub const MaximumBlockDuration: u32 = 100;
    pub const RefundContributorsLimit: u32 = 5;
    pub const MaxContributors: u32 = 10;
}

impl pallet_crowdloan::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type RuntimeCall = RuntimeCall;
    type Currency = Balances;
    type Preimages = Preimage;
    type PalletId = CrowdloanPalletId;
    type MinimumDeposit = MinimumDeposit;
    type AbsoluteMinimumContribution = AbsoluteMinimumContribution;
    type MinimumBlockDuration = MinimumBlockDuration;
    type MaximumBlockDuration = MaximumBlockDuration;
    type RefundContributorsLimit = RefundContributorsLimit;
    type MaxContributors = MaxContributors;
    type WeightInfo = ();
}

impl test_pallet::Config for Test {}

/// Calls that act like subnet leasing does: they only make sense as a crowdloan's stored call.
#[frame_support::pallet(dev_mode)]
pub mod test_pallet {
    use frame_support::{
        pallet_prelude::*,
        traits::{fungible::Mutate, tokens::Preservation},
    };
    use frame_system::pallet_prelude::*;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config + crate::Config {}

    /// What `observe` saw: (signer, current crowdloan id, its raised, its contributor count).
    #[pallet::storage]
    pub type Observed<T: Config> = StorageValue<_, (T::AccountId, u32, u64, u32), OptionQuery>;

    #[pallet::error]
    pub enum Error<T> {
        Refused,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Records the crowdloan being finalized; `pad` makes the call as long as a test needs.
        #[pallet::call_index(0)]
        #[pallet::weight(Weight::from_parts(7_000_000, 1_000))]
        pub fn observe(origin: OriginFor<T>, pad: Vec<u8>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let _ = pad;
            let (id, info) = crate::Pallet::<T>::current_crowdloan()?;
            let contributors = crate::Pallet::<T>::contributions(id).len() as u32;
            Observed::<T>::put((who, id, info.raised, contributors));
            Ok(())
        }

        /// Moves the whole `raised` from the funds account to the signer.
        #[pallet::call_index(1)]
        #[pallet::weight(Weight::from_parts(9_000_000, 0))]
        pub fn spend(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let (_, info) = crate::Pallet::<T>::current_crowdloan()?;
            <T as crate::Config>::Currency::transfer(&info.funds_account, &who, info.raised, Preservation::Expendable)?;
            Ok(())
        }

        #[pallet::call_index(2)]
        #[pallet::weight(Weight::from_parts(1_000, 0))]
        pub fn refuse(origin: OriginFor<T>) -> DispatchResult {
            ensure_signed(origin)?;
            Err(Error::<T>::Refused.into())
        }
    }
}

pub fn acc(n: u8) -> AccountId {
    AccountId32::new([n; 32])
}

/// Accounts 1..=20 hold 1 000 each, except the §4.5 vector accounts: 200 (creator) and 500.
pub const CREATOR: u8 = 200;
pub const RICH: u8 = 201;

pub fn new_test_ext() -> sp_io::TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let mut balances: Vec<(AccountId, u64)> = (1..=20u8).map(|n| (acc(n), 1_000)).collect();
    balances.push((acc(CREATOR), 200));
    balances.push((acc(RICH), 500));
    pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
        .assimilate_storage(&mut storage)
        .unwrap();
    let mut ext: sp_io::TestExternalities = storage.into();
    ext.execute_with(|| System::set_block_number(1));
    ext
}
