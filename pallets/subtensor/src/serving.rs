//! Axon and Prometheus endpoints (`economics.md` §5.5). The signer is the hotkey; the calls
//! are free (`Pays::No`) because hotkeys are usually unfunded, so they are rate limited.

use crate::{pallet::*, NetUid};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};

/// 127.0.0.1 as a u128.
const IPV4_LOOPBACK: u128 = 0x7f00_0001;

/// Whether `ip` is a usable address of type `ip_type` (4 or 6); 0 only where `allow_zero`.
pub fn is_valid_ip(ip_type: u8, ip: u128, allow_zero: bool) -> bool {
    if ip == 0 {
        return allow_zero;
    }
    match ip_type {
        4 => ip < u128::from(u32::MAX) && ip != IPV4_LOOPBACK,
        6 => ip != u128::MAX && ip != 1,
        _ => false,
    }
}

pub fn is_valid_ip_type(ip_type: u8) -> bool {
    ip_type == 4 || ip_type == 6
}

impl<T: Config> Pallet<T> {
    /// Whether the serving rate limit lets an endpoint last served at `last_block` be served
    /// again now (the pool's check and the dispatch's).
    pub(crate) fn serving_rate_passes(netuid: NetUid, last_block: Option<u64>, now: u64) -> bool {
        let limit = ServingRateLimit::<T>::get(netuid);
        last_block.is_none_or(|last| limit == 0 || now.saturating_sub(last) >= limit)
    }

    fn ensure_serving_rate(netuid: NetUid, last_block: Option<u64>, now: u64) -> DispatchResult {
        ensure!(Self::serving_rate_passes(netuid, last_block, now), Error::<T>::ServingRateLimitExceeded);
        Ok(())
    }

    /// `serve_axon` / `serve_axon_tls`.
    pub fn do_serve_axon(
        hotkey: T::AccountId,
        netuid: NetUid,
        mut axon: AxonInfo,
        certificate: Option<Vec<u8>>,
    ) -> DispatchResult {
        ensure!(Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotKeyNotRegisteredInNetwork);
        ensure!(is_valid_ip_type(axon.ip_type), Error::<T>::InvalidIpType);
        ensure!(is_valid_ip(axon.ip_type, axon.ip, true), Error::<T>::InvalidIpAddress);
        ensure!(axon.port != 0, Error::<T>::InvalidPort);
        let now = Self::current_block();
        Self::ensure_serving_rate(netuid, Axons::<T>::get(netuid, &hotkey).map(|a| a.block), now)?;

        if let Some(certificate) = certificate {
            // `[algorithm][public key]`; anything longer than 65 bytes is ignored, as upstream.
            if let Some((algorithm, key)) = certificate.split_first() {
                if let Ok(public_key) = BoundedVec::try_from(key.to_vec()) {
                    NeuronCertificates::<T>::insert(
                        netuid,
                        &hotkey,
                        NeuronCertificate { public_key, algorithm: *algorithm },
                    );
                }
            }
        }
        axon.block = now;
        Axons::<T>::insert(netuid, &hotkey, axon);
        Self::deposit_event(Event::AxonServed(netuid, hotkey));
        Ok(())
    }

    /// `serve_prometheus`: like an axon, but the address may not be 0.
    pub fn do_serve_prometheus(hotkey: T::AccountId, netuid: NetUid, mut info: PrometheusInfo) -> DispatchResult {
        ensure!(Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::HotKeyNotRegisteredInNetwork);
        ensure!(is_valid_ip_type(info.ip_type), Error::<T>::InvalidIpType);
        ensure!(is_valid_ip(info.ip_type, info.ip, false), Error::<T>::InvalidIpAddress);
        ensure!(info.port != 0, Error::<T>::InvalidPort);
        let now = Self::current_block();
        Self::ensure_serving_rate(netuid, Prometheus::<T>::get(netuid, &hotkey).map(|p| p.block), now)?;
        info.block = now;
        Prometheus::<T>::insert(netuid, &hotkey, info);
        Self::deposit_event(Event::PrometheusServed(netuid, hotkey));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_rules() {
        assert!(is_valid_ip(4, 0x0a00_0001, false));
        assert!(!is_valid_ip(4, IPV4_LOOPBACK, true));
        assert!(!is_valid_ip(4, u128::from(u32::MAX), true));
        assert!(!is_valid_ip(4, 1u128 << 40, true));
        assert!(is_valid_ip(4, 0, true));
        assert!(!is_valid_ip(4, 0, false));
        assert!(is_valid_ip(6, 1u128 << 100, false));
        assert!(!is_valid_ip(6, 1, false));
        assert!(!is_valid_ip(6, u128::MAX, false));
        assert!(!is_valid_ip(5, 7, false));
    }
}
