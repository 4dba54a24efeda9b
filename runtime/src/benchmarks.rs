//! The pallets whose benchmarks the runtime exposes to `tensorchain benchmark pallet`.

frame_benchmarking::define_benchmarks!(
    [frame_benchmarking, BaselineBench::<Runtime>]
    [frame_system, SystemBench::<Runtime>]
    [pallet_balances, Balances]
    [pallet_timestamp, Timestamp]
    [pallet_sudo, Sudo]
    [pallet_utility, Utility]
    [pallet_multisig, Multisig]
    [pallet_proxy, Proxy]
    [pallet_subtensor, SubtensorModule]
    [pallet_admin_utils, AdminUtils]
    [pallet_subtensor_swap, Swap]
    [pallet_commitments, Commitments]
    [pallet_crowdloan, Crowdloan]
    [pallet_shield, MevShield]
    [pallet_drand, Drand]
);
