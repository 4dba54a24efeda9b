//! The offchain worker (`pallets-2.md` §2.8): fetch the latest round and the rounds since
//! `LastStoredRound` from the drand HTTP API, racing every endpoint, then submit one unsigned
//! `write_pulse` per round with a payload signed by a local `drnd` key.

use crate::{
    BeaconConfig, Call, Config, LastStoredRound, NextUnsignedAt, Pallet, Pulse, PulsesPayload,
    DEFAULT_ENDPOINTS, ENDPOINTS_STORAGE_KEY, MAX_PULSES_TO_FETCH,
};
use alloc::{format, string::String, vec, vec::Vec};
use codec::DecodeAll;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{
    offchain::{SendUnsignedTransaction, Signer},
    pallet_prelude::BlockNumberFor,
};
use sp_core::offchain::{Duration, StorageKind, Timestamp};
use sp_runtime::offchain::http::{PendingRequest, Request};

/// How long one poll of the pending requests waits before looking for a finished one.
const POLL_STEP: Duration = Duration::from_millis(10);

/// Responses longer than this are not drand pulses.
const MAX_BODY_LEN: usize = 16 * 1024;

/// The fields of drand's `/public/{round}` JSON the chain uses; others are ignored.
#[derive(serde::Deserialize)]
struct DrandResponseBody {
    round: u64,
    randomness: String,
    signature: String,
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => c.checked_sub(b'0'),
        b'a'..=b'f' => c.checked_sub(b'a').and_then(|d| d.checked_add(10)),
        b'A'..=b'F' => c.checked_sub(b'A').and_then(|d| d.checked_add(10)),
        _ => None,
    }
}

/// Decodes hex, with or without a `0x` prefix.
pub(crate) fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.strip_prefix("0x").unwrap_or(s).as_bytes();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    s.chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => hex_digit(*hi)?.checked_mul(16)?.checked_add(hex_digit(*lo)?),
            _ => None,
        })
        .collect()
}

pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            if let Some(d) = DIGITS.get(usize::from(nibble)) {
                out.push(char::from(*d));
            }
        }
    }
    out
}

/// A drand HTTP body as a pulse, `None` unless it has the expected fields and sizes.
pub(crate) fn parse_pulse(body: &[u8]) -> Option<Pulse> {
    let body: DrandResponseBody = serde_json::from_slice(body).ok()?;
    Some(Pulse {
        round: body.round,
        randomness: BoundedVec::try_from(decode_hex(&body.randomness)?).ok()?,
        signature: BoundedVec::try_from(decode_hex(&body.signature)?).ok()?,
    })
}

impl<T: Config> Pallet<T> {
    /// The base URLs the node configured ([`ENDPOINTS_STORAGE_KEY`]), or the defaults.
    /// An undecodable value disables fetching rather than silently using the defaults.
    pub fn endpoints() -> Vec<String> {
        match sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, ENDPOINTS_STORAGE_KEY) {
            None => DEFAULT_ENDPOINTS.iter().map(|e| String::from(*e)).collect(),
            Some(raw) => match Vec::<Vec<u8>>::decode_all(&mut raw.as_slice()) {
                Ok(list) => list.into_iter().filter_map(|url| String::from_utf8(url).ok()).collect(),
                Err(_) => {
                    log::warn!(target: "runtime::drand", "undecodable endpoint list in offchain storage");
                    Vec::new()
                },
            },
        }
    }

    pub(crate) fn fetch_and_submit(block_number: BlockNumberFor<T>) -> Result<(), &'static str> {
        if NextUnsignedAt::<T>::get() > block_number {
            return Ok(());
        }
        let endpoints = Self::endpoints();
        if endpoints.is_empty() {
            return Ok(());
        }
        let signer = Signer::<T, T::AuthorityId>::any_account();
        if !signer.can_sign() {
            return Err("no local drnd key");
        }
        let pulses = Self::fetch_new_pulses(&endpoints)?;
        for pulse in pulses {
            let round = pulse.round;
            let result = signer.send_unsigned_transaction(
                |account| PulsesPayload {
                    block_number,
                    pulses: vec![pulse.clone()],
                    public: account.public.clone(),
                },
                |pulses_payload, signature| Call::write_pulse { pulses_payload, signature: Some(signature) },
            );
            match result {
                Some((_, Ok(()))) => {},
                Some((_, Err(()))) => log::debug!(target: "runtime::drand", "pool refused the pulse of round {round}"),
                None => return Err("no local drnd key"),
            }
        }
        Ok(())
    }

    /// The latest round, then the rounds after `LastStoredRound` up to it, at most
    /// [`MAX_PULSES_TO_FETCH`], ascending. On a chain without pulses only the latest.
    pub(crate) fn fetch_new_pulses(endpoints: &[String]) -> Result<Vec<Pulse>, &'static str> {
        let chain_hash = encode_hex(&BeaconConfig::<T>::get().hash);
        let latest = Self::fetch_race(endpoints, &format!("/{chain_hash}/public/latest"))
            .ok_or("latest round unavailable")?;
        let stored = LastStoredRound::<T>::get();
        // Storage writes of a worker are discarded, so a fresh chain starts at the latest round.
        let last = if stored == 0 { latest.round.saturating_sub(1) } else { stored };
        let count = latest.round.saturating_sub(last).min(MAX_PULSES_TO_FETCH);
        let mut pulses = Vec::new();
        for offset in 1..=count {
            let round = last.saturating_add(offset);
            if round == latest.round {
                pulses.push(latest.clone());
                continue;
            }
            let pulse = Self::fetch_race(endpoints, &format!("/{chain_hash}/public/{round}"))
                .filter(|pulse| pulse.round == round)
                .ok_or("round unavailable")?;
            pulses.push(pulse);
        }
        Ok(pulses)
    }

    /// GETs `path` from every endpoint at once; the first HTTP 200 whose body parses wins.
    /// Gives up after `HttpFetchTimeout` milliseconds.
    pub(crate) fn fetch_race(endpoints: &[String], path: &str) -> Option<Pulse> {
        let timeout = T::HttpFetchTimeout::get();
        let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(timeout));
        let mut pending: Vec<PendingRequest> = endpoints
            .iter()
            .filter_map(|base| {
                let url = format!("{}{}", base.trim_end_matches('/'), path);
                Request::get(&url).deadline(deadline).send().ok()
            })
            .collect();

        // Each poll lasts at least POLL_STEP of the host's clock; the bound only guards
        // against a clock that does not move.
        let mut polls = timeout.checked_div(POLL_STEP.millis()).unwrap_or(0).saturating_add(2);
        while !pending.is_empty() && polls > 0 {
            polls = polls.saturating_sub(1);
            let now = sp_io::offchain::timestamp();
            if now >= deadline {
                break;
            }
            let step: Timestamp = now.add(POLL_STEP).min(deadline);
            let mut still_pending = Vec::new();
            for status in PendingRequest::try_wait_all(pending, Some(step)) {
                match status {
                    Err(request) => still_pending.push(request),
                    Ok(Ok(response)) if response.code == 200 => {
                        let mut body = response.body();
                        body.deadline(deadline);
                        let bytes: Vec<u8> = body.by_ref().take(MAX_BODY_LEN).collect();
                        if body.error().is_none() {
                            if let Some(pulse) = parse_pulse(&bytes) {
                                return Some(pulse);
                            }
                        }
                    },
                    Ok(_) => {},
                }
            }
            pending = still_pending;
        }
        None
    }
}
