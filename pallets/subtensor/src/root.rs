//! The root network, netuid 0 (`economics.md` §4.6): TAO staked 1:1 (no fee, no slippage),
//! counted on every subnet through `TaoWeight`; up to 64 hotkeys hold root uids.

use crate::{pallet::*, NetUid, ROOT_NETUID};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use substrate_fixed::types::I64F64;

impl<T: Config> Pallet<T> {
    /// A hotkey's TAO on root, all its nominators together.
    pub fn root_stake(hotkey: &T::AccountId) -> u64 {
        TotalHotkeyAlpha::<T>::get(hotkey, ROOT_NETUID)
    }

    /// A hotkey's stake weight on `netuid`: its alpha there plus `TaoWeight` times its root
    /// TAO (§4.6), both with children and parents counted (`staking-2.md` §1.5), computed
    /// as the epoch computes it: the stake Yuma, validator permits and the weight gates use.
    pub fn stake_weight(hotkey: &T::AccountId, netuid: NetUid) -> I64F64 {
        if netuid == ROOT_NETUID {
            return I64F64::saturating_from_num(TotalHotkeyAlpha::<T>::get(hotkey, netuid));
        }
        let (alpha, tao) = Self::inherited_stakes(hotkey, netuid);
        let tao_weight = I64F64::saturating_from_num(tensorchain_economics::coinbase::tao_weight_fraction(TaoWeight::<T>::get()));
        I64F64::saturating_from_num(alpha).saturating_add(I64F64::saturating_from_num(tao).saturating_mul(tao_weight))
    }

    /// `root_register`: a root uid for `hotkey`, appended while there is room, otherwise in
    /// place of the hotkey with the least root stake if the new one has more. Limited to
    /// `MaxRegistrationsPerBlock` per block and three times `TargetRegistrationsPerInterval`
    /// per root tempo.
    pub fn do_root_register(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
        ensure!(Self::if_subnet_exist(ROOT_NETUID), Error::<T>::SubnetNotExists);
        ensure!(!Uids::<T>::contains_key(ROOT_NETUID, &hotkey), Error::<T>::HotKeyAlreadyRegisteredInSubNet);
        if Self::hotkey_account_exists(&hotkey) {
            ensure!(Owner::<T>::get(&hotkey) == coldkey, Error::<T>::NonAssociatedColdKey);
        }
        ensure!(
            RegistrationsThisBlock::<T>::get(ROOT_NETUID) < MaxRegistrationsPerBlock::<T>::get(ROOT_NETUID),
            Error::<T>::TooManyRegistrationsThisBlock
        );
        let per_interval = TargetRegistrationsPerInterval::<T>::get(ROOT_NETUID).saturating_mul(3);
        ensure!(
            RegistrationsThisInterval::<T>::get(ROOT_NETUID) < per_interval,
            Error::<T>::TooManyRegistrationsThisInterval
        );
        let now = Self::current_block();
        let n = SubnetworkN::<T>::get(ROOT_NETUID);
        let replace = if n >= MaxAllowedUids::<T>::get(ROOT_NETUID) {
            let (uid, lowest) = (0..n)
                .map(|uid| (uid, Self::root_stake(&Keys::<T>::get(ROOT_NETUID, uid))))
                .min_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .ok_or(Error::<T>::NoNeuronIdAvailable)?;
            ensure!(Self::root_stake(&hotkey) > lowest, Error::<T>::StakeTooLowForRoot);
            Some(uid)
        } else {
            None
        };

        Self::create_account_if_non_existent(&coldkey, &hotkey);
        let uid = match replace {
            Some(uid) => {
                Self::replace_neuron(ROOT_NETUID, uid, &hotkey, now);
                uid
            },
            None => Self::append_neuron(ROOT_NETUID, &hotkey, now),
        };
        if !Delegates::<T>::contains_key(&hotkey) {
            Delegates::<T>::insert(&hotkey, DefaultDelegateTake::get());
        }
        RegistrationsThisBlock::<T>::mutate(ROOT_NETUID, |r| *r = r.saturating_add(1));
        RegistrationsThisInterval::<T>::mutate(ROOT_NETUID, |r| *r = r.saturating_add(1));
        Self::deposit_event(Event::NeuronRegistered(ROOT_NETUID, uid, hotkey));
        Ok(())
    }

    /// Starts a new root registration interval once per root tempo.
    pub fn reset_root_interval(now: u64) {
        let tempo = u64::from(Tempo::<T>::get(ROOT_NETUID));
        if tempo > 0 && now.saturating_sub(LastAdjustmentBlock::<T>::get(ROOT_NETUID)) >= tempo {
            RegistrationsThisInterval::<T>::remove(ROOT_NETUID);
            LastAdjustmentBlock::<T>::insert(ROOT_NETUID, now);
        }
    }
}
