//! Creating and starting subnets (`economics.md` §6.1–§6.2).

use crate::{pallet::*, NetUid, TaoBalance, ROOT_NETUID};
use alloc::vec::Vec;
use frame_support::{
    ensure,
    pallet_prelude::{DispatchError, DispatchResult},
    traits::fungible::{Inspect, Mutate},
};
use substrate_fixed::types::U64F64;
use tensorchain_economics::{emission::block_emission_for_issuance, lock::network_lock_cost, price};

/// 1.26 as U64F64 bits, rounded up so that 1 TAO bumps to exactly 1.26 TAO (as upstream's
/// float-initialised constant does): the default registration-burn multiplier.
pub const BURN_INCREASE_MULT_BITS: u128 = (126u128 << 64).div_ceil(100);
/// The tempo bounds for a subnet owner (root may set any tempo).
pub const MIN_OWNER_TEMPO: u16 = 360;
pub const MAX_OWNER_TEMPO: u16 = 50_400;
/// A new subnet's registration burn: 1 TAO.
pub const NEW_SUBNET_BURN: TaoBalance = 1_000_000_000;
/// The TAO in the genesis subnet's pool: 10 TAO.
pub const GENESIS_SUBNET_TAO: TaoBalance = 10_000_000_000;

impl<T: Config> Pallet<T> {
    /// Whether `netuid` names an existing subnet.
    pub fn if_subnet_exist(netuid: NetUid) -> bool {
        NetworksAdded::<T>::get(netuid)
    }

    /// Every added subnet, root included, in netuid order.
    pub fn added_netuids() -> Vec<NetUid> {
        let mut netuids: Vec<NetUid> = NetworksAdded::<T>::iter().filter(|(_, added)| *added).map(|(n, _)| n).collect();
        netuids.sort_unstable();
        netuids
    }

    /// The lock cost at the current block (§6.1).
    pub fn get_network_lock_cost() -> TaoBalance {
        network_lock_cost(
            NetworkLastLockCost::<T>::get(),
            NetworkLastLockBlock::<T>::get(),
            Self::current_block(),
            NetworkMinLockCost::<T>::get(),
            NetworkLockReductionInterval::<T>::get(),
            block_emission_for_issuance(TotalIssuance::<T>::get()),
        )
    }

    /// The median spot price over added, non-root subnets with a positive price; 1 if none.
    pub fn median_subnet_alpha_price() -> U64F64 {
        let prices: Vec<U64F64> = NetworksAdded::<T>::iter()
            .filter(|(netuid, added)| *added && *netuid != ROOT_NETUID)
            .map(|(netuid, _)| Self::spot_price(netuid))
            .collect();
        price::median_price(&prices)
    }

    /// The lowest free netuid above root; none at or past `MAX_NETUIDS`, whatever
    /// `SubnetLimit` says, so that mechanism storage indices never collide.
    fn next_netuid() -> Option<NetUid> {
        (1..crate::set_weights::MAX_NETUIDS).find(|n| !NetworksAdded::<T>::contains_key(n))
    }

    fn non_root_subnet_count() -> u16 {
        TotalNetworks::<T>::get().saturating_sub(u16::from(NetworksAdded::<T>::get(ROOT_NETUID)))
    }

    /// Root (netuid 0): the "stable" mechanism, tempo 100, 64 uids, every validator permitted.
    pub fn init_root_network() {
        if NetworksAdded::<T>::get(ROOT_NETUID) {
            return;
        }
        NetworksAdded::<T>::insert(ROOT_NETUID, true);
        TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
        SubnetMechanism::<T>::insert(ROOT_NETUID, 0);
        Tempo::<T>::insert(ROOT_NETUID, 100);
        MaxAllowedUids::<T>::insert(ROOT_NETUID, 64);
        MaxAllowedValidators::<T>::insert(ROOT_NETUID, 64);
        MinAllowedWeights::<T>::insert(ROOT_NETUID, 0);
        TargetRegistrationsPerInterval::<T>::insert(ROOT_NETUID, 1);
        NetworkRegisteredAt::<T>::insert(ROOT_NETUID, Self::current_block());
    }

    /// A new subnet's hyperparameters (`init_new_network`).
    fn init_new_network(netuid: NetUid, now: u64) {
        let tempo = NewSubnetTempo::<T>::get();
        NetworksAdded::<T>::insert(netuid, true);
        TotalNetworks::<T>::mutate(|n| *n = n.saturating_add(1));
        SubnetMechanism::<T>::insert(netuid, 1);
        Tempo::<T>::insert(netuid, tempo);
        MaxAllowedUids::<T>::insert(netuid, 256);
        MaxAllowedValidators::<T>::insert(netuid, 64);
        MinAllowedWeights::<T>::insert(netuid, 1);
        ImmunityPeriod::<T>::insert(netuid, 5_000);
        Yuma3On::<T>::insert(netuid, true);
        Burn::<T>::insert(netuid, NEW_SUBNET_BURN);
        NetworkRegistrationAllowed::<T>::insert(netuid, true);
        NetworkRegisteredAt::<T>::insert(netuid, now);
        // Stagger epochs across subnets (`yuma.md` §2.1 step 7).
        let stagger = u64::from(netuid).checked_rem(u64::from(tempo)).unwrap_or(0);
        LastEpochBlock::<T>::insert(netuid, now.saturating_sub(stagger));
        Self::set_burn_half_life(netuid, BurnHalfLife::<T>::get(netuid));
    }

    /// Netuid 1 at genesis, as on upstream's localnet: a subnet with one neuron whose owner,
    /// coldkey and hotkey are the all-zero account (no user holds it, so no dev account starts
    /// with stake or ownership), and a small pool minted into its account at the price new
    /// pools start at. It is not started: it earns no emission until root starts it.
    pub fn init_genesis_subnet() -> DispatchResult {
        let netuid: NetUid = 1;
        if NetworksAdded::<T>::get(netuid) {
            return Ok(());
        }
        let nobody: T::AccountId = sp_core::crypto::AccountId32::new([0u8; 32]);
        let median = Self::median_subnet_alpha_price();
        Self::init_new_network(netuid, 0);
        SubnetOwner::<T>::insert(netuid, nobody.clone());
        SubnetOwnerHotkey::<T>::insert(netuid, nobody.clone());
        Self::create_account_if_non_existent(&nobody, &nobody);
        Self::append_neuron(netuid, &nobody, 0);
        <T::Currency as Mutate<T::AccountId>>::mint_into(&Self::subnet_account(netuid), GENESIS_SUBNET_TAO)?;
        SubnetTAO::<T>::insert(netuid, GENESIS_SUBNET_TAO);
        SubnetAlphaIn::<T>::insert(netuid, price::seed_alpha(GENESIS_SUBNET_TAO, median));
        TotalStake::<T>::mutate(|s| *s = s.saturating_add(GENESIS_SUBNET_TAO));
        SubnetEmissionEnabled::<T>::insert(netuid, false);
        if let Some(symbol) = Self::free_symbol_for(netuid) {
            TokenSymbol::<T>::insert(netuid, symbol);
        }
        Ok(())
    }

    /// `register_network` (§6.1): checks, lock, netuid, hyperparameters, owner hotkey as uid 0,
    /// and the pool seeded at the median price. Returns the new netuid.
    pub fn do_register_network(coldkey: T::AccountId, hotkey: T::AccountId) -> Result<NetUid, DispatchError> {
        let now = Self::current_block();
        // The hotkey must be new or the caller's own.
        if Owner::<T>::contains_key(&hotkey) {
            ensure!(Owner::<T>::get(&hotkey) == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        let last = NetworkLastLockBlock::<T>::get();
        ensure!(
            last == 0 || now.saturating_sub(last) >= NetworkRateLimit::<T>::get(),
            Error::<T>::NetworkTxRateLimitExceeded
        );
        // When every slot is taken, the weakest subnet past its immunity makes room.
        let prune = if Self::non_root_subnet_count() >= SubnetLimit::<T>::get() {
            Some(Self::get_network_to_prune(now).ok_or(Error::<T>::SubnetLimitReached)?)
        } else {
            None
        };
        let lock = Self::get_network_lock_cost();
        let spendable = <T::Currency as Inspect<T::AccountId>>::reducible_balance(
            &coldkey,
            frame_support::traits::tokens::Preservation::Preserve,
            frame_support::traits::tokens::Fortitude::Polite,
        );
        ensure!(spendable >= lock, Error::<T>::NotEnoughBalanceToLockSubnet);

        // From here on every step succeeds or the whole call is rolled back.
        let netuid = match prune {
            Some(netuid) => {
                Self::do_dissolve_network(netuid)?;
                netuid
            },
            None => Self::next_netuid().ok_or(Error::<T>::SubnetLimitReached)?,
        };
        // The seed price is the median of the subnets that remain.
        let median = Self::median_subnet_alpha_price();
        let locked = Self::transfer_tao(&coldkey, &Self::subnet_account(netuid), lock)?;
        NetworkLastLockCost::<T>::put(locked);
        NetworkLastLockBlock::<T>::put(now);
        Self::init_new_network(netuid, now);
        RegisteredSubnetCounter::<T>::insert(netuid, RegisteredSubnetCounter::<T>::get(netuid).saturating_add(1));

        SubnetOwner::<T>::insert(netuid, coldkey.clone());
        SubnetOwnerHotkey::<T>::insert(netuid, hotkey.clone());
        Self::create_account_if_non_existent(&coldkey, &hotkey);
        Self::append_neuron(netuid, &hotkey, now);

        // The pool: T0 = max(locked, NetworkMinLockCost) TAO against T0/median alpha.
        let seed_tao = locked.max(NetworkMinLockCost::<T>::get());
        SubnetTAO::<T>::insert(netuid, seed_tao);
        SubnetAlphaIn::<T>::insert(netuid, price::seed_alpha(seed_tao, median));
        SubnetAlphaOut::<T>::insert(netuid, 0);
        SubnetLocked::<T>::insert(netuid, locked);
        TotalStake::<T>::mutate(|s| *s = s.saturating_add(seed_tao));
        // New subnets earn no TAO emission until the owner or root enables it.
        SubnetEmissionEnabled::<T>::insert(netuid, false);
        if let Some(symbol) = Self::free_symbol_for(netuid) {
            TokenSymbol::<T>::insert(netuid, symbol);
        }

        Self::auto_parent_delegation(netuid, &hotkey);
        Self::deposit_event(Event::NetworkAdded(netuid, 1));
        Ok(netuid)
    }

    /// `start_call` (§6.2): the owner starts emission once `StartCallDelay` has passed.
    pub fn do_start_call(coldkey: T::AccountId, netuid: NetUid) -> Result<(), DispatchError> {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
        ensure!(
            FirstEmissionBlockNumber::<T>::get(netuid).is_none(),
            Error::<T>::FirstEmissionBlockNumberAlreadySet
        );
        let now = Self::current_block();
        let ready_at = NetworkRegisteredAt::<T>::get(netuid).saturating_add(StartCallDelay::<T>::get());
        ensure!(now >= ready_at, Error::<T>::NeedWaitingMoreBlocksToStarCall);
        let first = now.saturating_add(1);
        FirstEmissionBlockNumber::<T>::insert(netuid, first);
        SubtokenEnabled::<T>::insert(netuid, true);
        Self::deposit_event(Event::FirstEmissionBlockNumberSet(netuid, first));
        Ok(())
    }

    /// Whether `now` is within `AdminFreezeWindow` blocks before the subnet's next epoch,
    /// when hyperparameters may not change.
    pub fn in_freeze_window(netuid: NetUid, now: u64) -> bool {
        let tempo = u64::from(Tempo::<T>::get(netuid));
        if tempo == 0 {
            return false;
        }
        let next = LastEpochBlock::<T>::get(netuid).saturating_add(tempo);
        let window = u64::from(AdminFreezeWindow::<T>::get());
        now <= next && next.saturating_sub(now) <= window
    }

    /// The owner's `set_tempo` (§6.2).
    pub fn do_set_tempo(coldkey: T::AccountId, netuid: NetUid, tempo: u16) -> Result<(), DispatchError> {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
        ensure!((MIN_OWNER_TEMPO..=MAX_OWNER_TEMPO).contains(&tempo), Error::<T>::InvalidTempo);
        let now = Self::current_block();
        ensure!(!Self::in_freeze_window(netuid, now), Error::<T>::AdminActionProhibitedDuringWeightsWindow);
        let last = LastOwnerTempoChange::<T>::get(netuid);
        ensure!(last == 0 || now.saturating_sub(last) >= u64::from(MIN_OWNER_TEMPO), Error::<T>::TxRateLimitExceeded);
        Self::restart_tempo(netuid, tempo, now);
        LastOwnerTempoChange::<T>::insert(netuid, now);
        Self::deposit_event(Event::TempoSet(netuid, tempo));
        Ok(())
    }

    /// Sets a subnet's tempo and restarts its epoch clock at `now` (owner and root paths).
    pub fn restart_tempo(netuid: NetUid, tempo: u16, now: u64) {
        Tempo::<T>::insert(netuid, tempo);
        LastEpochBlock::<T>::insert(netuid, now);
    }

    /// Sets a subnet's burn half-life together with its cached decay factor, so that the two
    /// never disagree.
    pub fn set_burn_half_life(netuid: NetUid, half_life: u16) {
        BurnHalfLife::<T>::insert(netuid, half_life);
        BurnDecayFactor::<T>::insert(netuid, tensorchain_economics::burn::half_life_factor(u32::from(half_life)));
    }

    /// Records `coldkey` as `hotkey`'s owner the first time the hotkey is seen.
    pub fn create_account_if_non_existent(coldkey: &T::AccountId, hotkey: &T::AccountId) {
        if Owner::<T>::contains_key(hotkey) {
            return;
        }
        Owner::<T>::insert(hotkey, coldkey.clone());
        OwnedHotkeys::<T>::mutate(coldkey, |keys| {
            if !keys.contains(hotkey) {
                keys.push(hotkey.clone());
            }
        });
        StakingHotkeys::<T>::mutate(coldkey, |keys| {
            if !keys.contains(hotkey) {
                keys.push(hotkey.clone());
            }
        });
    }

    /// The symbol a new subnet gets: the one at its netuid if no other subnet uses it, else
    /// the first free one after root's.
    fn free_symbol_for(netuid: NetUid) -> Option<Vec<u8>> {
        let used: Vec<Vec<u8>> = NetworksAdded::<T>::iter_keys()
            .filter(|n| *n != netuid && TokenSymbol::<T>::contains_key(n))
            .map(TokenSymbol::<T>::get)
            .collect();
        let own = crate::symbols::symbol(netuid).filter(|s| netuid != ROOT_NETUID && !used.contains(s));
        own.or_else(|| {
            (1..crate::symbols::SYMBOL_COUNT).filter_map(crate::symbols::symbol).find(|s| !used.contains(s))
        })
    }

    /// `update_symbol` (§6.2): the owner or root picks a listed, unused symbol (not root's).
    pub fn do_update_symbol(netuid: NetUid, symbol: Vec<u8>) -> Result<(), DispatchError> {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        let index = crate::symbols::index_of(&symbol).ok_or(Error::<T>::SymbolDoesNotExist)?;
        ensure!(index != 0, Error::<T>::SymbolDoesNotExist);
        let taken = NetworksAdded::<T>::iter_keys()
            .any(|n| n != netuid && TokenSymbol::<T>::contains_key(n) && TokenSymbol::<T>::get(n) == symbol);
        ensure!(!taken, Error::<T>::SymbolAlreadyInUse);
        TokenSymbol::<T>::insert(netuid, symbol.clone());
        Self::deposit_event(Event::SymbolUpdated(netuid, symbol));
        Ok(())
    }

    /// The owner's `trigger_epoch` (§6.2): asks for an epoch `AdminFreezeWindow` blocks from
    /// now, when commit-reveal is off, nothing is pending, the automatic epoch is not due
    /// sooner, and the owner's last trigger is `OwnerHyperparamRateLimit` tempos ago.
    pub fn do_trigger_epoch(coldkey: T::AccountId, netuid: NetUid) -> Result<(), DispatchError> {
        ensure!(netuid != ROOT_NETUID, Error::<T>::RegistrationNotPermittedOnRootSubnet);
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
        ensure!(!CommitRevealWeightsEnabled::<T>::get(netuid), Error::<T>::CommitRevealEnabled);
        ensure!(PendingEpochAt::<T>::get(netuid) == 0, Error::<T>::EpochAlreadyPending);
        let now = Self::current_block();
        let tempo = u64::from(Tempo::<T>::get(netuid));
        let window = u64::from(AdminFreezeWindow::<T>::get());
        let next_auto = LastEpochBlock::<T>::get(netuid).saturating_add(tempo);
        ensure!(next_auto.saturating_sub(now) >= window, Error::<T>::AdminActionProhibitedDuringWeightsWindow);
        let last = LastEpochTrigger::<T>::get(netuid);
        let limit = u64::from(OwnerHyperparamRateLimit::<T>::get()).saturating_mul(tempo);
        ensure!(last == 0 || now.saturating_sub(last) >= limit, Error::<T>::TxRateLimitExceeded);
        let at = now.saturating_add(window);
        PendingEpochAt::<T>::insert(netuid, at);
        LastEpochTrigger::<T>::insert(netuid, now);
        Self::deposit_event(Event::EpochTriggered(netuid, at));
        Ok(())
    }
}
