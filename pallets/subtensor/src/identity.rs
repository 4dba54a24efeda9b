//! Coldkey and subnet identities (`economics.md` §6.2): free-form fields with length limits.

use crate::{pallet::*, NetUid};
use frame_support::{ensure, pallet_prelude::DispatchResult};

/// Whether every field of a coldkey identity is within its limit.
pub fn is_valid_identity(identity: &ChainIdentityV2) -> bool {
    identity.name.len() <= 256
        && identity.url.len() <= 256
        && identity.github_repo.len() <= 256
        && identity.image.len() <= 1024
        && identity.discord.len() <= 256
        && identity.description.len() <= 1024
        && identity.additional.len() <= 1024
}

/// Whether every field of a subnet identity is within its limit.
pub fn is_valid_subnet_identity(identity: &SubnetIdentityV3) -> bool {
    identity.subnet_name.len() <= 256
        && identity.github_repo.len() <= 1024
        && identity.subnet_contact.len() <= 1024
        && identity.subnet_url.len() <= 1024
        && identity.discord.len() <= 256
        && identity.description.len() <= 1024
        && identity.logo_url.len() <= 1024
        && identity.additional.len() <= 1024
}

impl<T: Config> Pallet<T> {
    /// `set_identity`: the coldkey must own a hotkey registered on some subnet.
    pub fn do_set_identity(coldkey: T::AccountId, identity: ChainIdentityV2) -> DispatchResult {
        let registered = OwnedHotkeys::<T>::get(&coldkey)
            .iter()
            .any(|hotkey| IsNetworkMember::<T>::iter_prefix(hotkey).any(|(_, member)| member));
        ensure!(registered, Error::<T>::HotKeyNotRegisteredInNetwork);
        ensure!(is_valid_identity(&identity), Error::<T>::InvalidIdentity);
        IdentitiesV2::<T>::insert(&coldkey, identity);
        Self::deposit_event(Event::ChainIdentitySet(coldkey));
        Ok(())
    }

    /// `set_subnet_identity`: the subnet's owner only.
    pub fn do_set_subnet_identity(coldkey: T::AccountId, netuid: NetUid, identity: SubnetIdentityV3) -> DispatchResult {
        ensure!(Self::if_subnet_exist(netuid), Error::<T>::SubnetNotExists);
        ensure!(SubnetOwner::<T>::get(netuid) == coldkey, Error::<T>::NotSubnetOwner);
        ensure!(is_valid_subnet_identity(&identity), Error::<T>::InvalidIdentity);
        SubnetIdentitiesV3::<T>::insert(netuid, identity);
        Self::deposit_event(Event::SubnetIdentitySet(netuid));
        Ok(())
    }
}
