//! The shapes of `ProxyFilterRuntimeApi` (`staking-2.md` §7.2): which calls each proxy type
//! lets a proxy make, described for clients. The runtime fills them from its `ProxyType`.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ProxyTypeInfo {
    pub name: Vec<u8>,
    pub index: u8,
    pub deprecated: bool,
}

#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum FilterMode {
    AllowAll,
    DenyAll,
    Allow,
    Deny,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum CallCondition {
    ParamLessThan { param_name: Vec<u8>, limit: u128 },
    NestedCallMustBe { pallet_name: Vec<u8>, call_name: Vec<u8> },
}

/// A call (or, with no call name, a whole pallet) a filter names.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct CallInfo {
    pub pallet_name: Vec<u8>,
    pub pallet_index: u8,
    pub call_name: Option<Vec<u8>>,
    pub call_index: Option<u8>,
    pub condition: Option<CallCondition>,
}

#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ProxyFilterInfo {
    pub proxy_type: u8,
    pub name: Vec<u8>,
    pub deprecated: bool,
    pub filter_mode: FilterMode,
    pub calls: Vec<CallInfo>,
    pub exceptions: Vec<CallInfo>,
}
