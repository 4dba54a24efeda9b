//! # Swap
//!
//! Each subnet's TAO/alpha pool is a weighted ("balancer") pool (`economics.md` §3): its
//! reserves live in SubtensorModule (`SubnetTAO`, `SubnetAlphaIn`), its quote weight and fee
//! rate here. This pallet answers prices, simulated swaps, slippage limits and the re-weighting
//! that lets emission inject liquidity without moving the price; it never moves tokens: the
//! caller applies the result. The math is `tensorchain-swap`'s.
//!
//! The user-liquidity calls of the retired concentrated-liquidity design keep their indices
//! and fail with `Deprecated`, as upstream.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

// The FRAME macros expand to `expect` calls; this module only declares.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
    use super::WeightInfo;
    use frame_support::pallet_prelude::*;
    use frame_system::pallet_prelude::*;
    use sp_runtime::Perquintill;
    use substrate_fixed::types::U64F64;
    use tensorchain_swap::{
        interface::{NetUid, SubnetReserves, SwapHandler},
        pool::{self, Market, Pool, Side, SwapError, SwapResult, HALF, PRICE_SCALE},
    };

    /// A pool's weights: the quote (TAO) weight; the base (alpha) weight is the rest.
    #[derive(Encode, Decode, DecodeWithMemTracking, Clone, Copy, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
    pub struct Balancer {
        pub quote: Perquintill,
    }

    impl Default for Balancer {
        fn default() -> Self {
            Self { quote: Perquintill::from_parts(HALF) }
        }
    }

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    #[pallet::config]
    pub trait Config: frame_system::Config {
        /// The overarching event type.
        #[allow(deprecated)]
        type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
        /// Where the reserves are.
        type SubnetInfo: SubnetReserves;
        /// The highest fee rate root may set (parts of 65 535).
        #[pallet::constant]
        type MaxFeeRate: Get<u16>;
        type WeightInfo: WeightInfo;
    }

    #[pallet::type_value]
    pub fn DefaultFeeRate() -> u16 {
        pool::DEFAULT_FEE_RATE
    }

    /// The fee on each swap, parts of 65 535 (33 ≈ 0.05 %).
    #[pallet::storage]
    pub type FeeRate<T> = StorageMap<_, Twox64Concat, NetUid, u16, ValueQuery, DefaultFeeRate>;
    /// The pool's weights.
    #[pallet::storage]
    pub type SwapBalancer<T> = StorageMap<_, Twox64Concat, NetUid, Balancer, ValueQuery>;
    /// Whether the pool's weights were initialised (by its first swap or injection).
    #[pallet::storage]
    pub type PalSwapInitialized<T> = StorageMap<_, Twox64Concat, NetUid, bool, ValueQuery>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// A subnet's fee rate changed.
        FeeRateSet { netuid: NetUid, rate: u16 },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// Above `MaxFeeRate`.
        FeeRateTooHigh,
        /// The subnet does not exist.
        SubNetworkDoesNotExist,
        /// User liquidity positions no longer exist.
        Deprecated,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Root sets a subnet's swap fee rate.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::set_fee_rate())]
        pub fn set_fee_rate(origin: OriginFor<T>, netuid: NetUid, rate: u16) -> DispatchResult {
            ensure_root(origin)?;
            ensure!(T::SubnetInfo::exists(netuid), Error::<T>::SubNetworkDoesNotExist);
            ensure!(rate <= T::MaxFeeRate::get(), Error::<T>::FeeRateTooHigh);
            FeeRate::<T>::insert(netuid, rate);
            Self::deposit_event(Event::FeeRateSet { netuid, rate });
            Ok(())
        }

        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::deprecated())]
        pub fn add_liquidity(
            _origin: OriginFor<T>,
            _hotkey: T::AccountId,
            _netuid: NetUid,
            _tick_low: i32,
            _tick_high: i32,
            _liquidity: u64,
        ) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }

        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::deprecated())]
        pub fn remove_liquidity(
            _origin: OriginFor<T>,
            _hotkey: T::AccountId,
            _netuid: NetUid,
            _position_id: u128,
        ) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }

        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::deprecated())]
        pub fn modify_position(
            _origin: OriginFor<T>,
            _hotkey: T::AccountId,
            _netuid: NetUid,
            _position_id: u128,
            _liquidity_delta: i64,
        ) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }

        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::deprecated())]
        pub fn toggle_user_liquidity(_origin: OriginFor<T>, _netuid: NetUid, _enable: bool) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }

        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::deprecated())]
        pub fn disable_lp(_origin: OriginFor<T>) -> DispatchResult {
            Err(Error::<T>::Deprecated.into())
        }
    }

    impl<T: Config> Pallet<T> {
        /// The pool of a dynamic subnet as it stands.
        pub fn pool(netuid: NetUid) -> Pool {
            Pool {
                tao: T::SubnetInfo::tao_reserve(netuid),
                alpha: T::SubnetInfo::alpha_reserve(netuid),
                quote_weight: SwapBalancer::<T>::get(netuid).quote.deconstruct(),
            }
        }

        fn market(netuid: NetUid) -> Market {
            if T::SubnetInfo::is_stable(netuid) {
                Market::Stable
            } else {
                Market::Dynamic(Self::pool(netuid))
            }
        }

        fn fee_rate(netuid: NetUid, drop_fees: bool) -> u16 {
            if drop_fees || T::SubnetInfo::is_stable(netuid) {
                0
            } else {
                FeeRate::<T>::get(netuid)
            }
        }

        fn ensure_initialized(netuid: NetUid) {
            if !PalSwapInitialized::<T>::get(netuid) {
                PalSwapInitialized::<T>::insert(netuid, true);
                SwapBalancer::<T>::insert(netuid, Balancer::default());
            }
        }

        /// A stable subnet trades 1:1 within its limit (price 1 = 10^9 rao per alpha).
        fn stable_swap(side: Side, amount: u64, limit: u64) -> Result<SwapResult, SwapError> {
            let allowed = match side {
                Side::Buy => limit >= PRICE_SCALE,
                Side::Sell => limit <= PRICE_SCALE,
            };
            if !allowed {
                return Err(SwapError::PriceLimitExceeded);
            }
            Ok(SwapResult { amount_paid_in: amount, fee: 0, amount_out: amount })
        }
    }

    impl<T: Config> SwapHandler for Pallet<T> {
        fn current_price(netuid: NetUid) -> U64F64 {
            match Self::market(netuid) {
                Market::Stable => U64F64::from_num(1),
                Market::Dynamic(pool) => pool.price(),
            }
        }

        fn sim_swap(
            netuid: NetUid,
            side: Side,
            amount: u64,
            limit: u64,
            drop_fees: bool,
        ) -> Result<SwapResult, SwapError> {
            match Self::market(netuid) {
                Market::Stable => Self::stable_swap(side, amount, limit),
                Market::Dynamic(pool) => pool.swap(side, amount, limit, Self::fee_rate(netuid, drop_fees)),
            }
        }

        fn swap(netuid: NetUid, side: Side, amount: u64, limit: u64, drop_fees: bool) -> Result<SwapResult, SwapError> {
            let result = Self::sim_swap(netuid, side, amount, limit, drop_fees)?;
            if !T::SubnetInfo::is_stable(netuid) {
                Self::ensure_initialized(netuid);
            }
            Ok(result)
        }

        fn max_amount_add(netuid: NetUid, limit: u64) -> Result<u64, SwapError> {
            match Self::market(netuid) {
                Market::Stable => Ok(if limit >= PRICE_SCALE { u64::MAX } else { 0 }),
                Market::Dynamic(pool) => pool.max_amount_add(limit, Self::fee_rate(netuid, false)),
            }
        }

        fn max_amount_remove(netuid: NetUid, limit: u64) -> Result<u64, SwapError> {
            match Self::market(netuid) {
                Market::Stable => Ok(if limit <= PRICE_SCALE { u64::MAX } else { 0 }),
                Market::Dynamic(pool) => pool.max_amount_remove(limit, Self::fee_rate(netuid, false)),
            }
        }

        fn max_amount_move(origin: NetUid, destination: NetUid, limit: u64) -> u64 {
            pool::max_amount_move(Self::market(origin), Self::market(destination), limit, Self::fee_rate(origin, false))
        }

        fn adjust_protocol_liquidity(netuid: NetUid, tao: u64, alpha: u64) -> (u64, u64) {
            if T::SubnetInfo::is_stable(netuid) {
                return (tao, alpha);
            }
            Self::ensure_initialized(netuid);
            match Self::pool(netuid).inject(tao, alpha) {
                Some(after) => {
                    SwapBalancer::<T>::insert(netuid, Balancer { quote: Perquintill::from_parts(after.quote_weight) });
                    (tao, alpha)
                },
                None => (0, 0),
            }
        }

        fn dissolve(netuid: NetUid) {
            FeeRate::<T>::remove(netuid);
            SwapBalancer::<T>::remove(netuid);
            PalSwapInitialized::<T>::remove(netuid);
        }
    }
}
