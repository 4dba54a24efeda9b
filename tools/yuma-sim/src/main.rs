//! `yuma-sim SCENARIO.json`: replays a subnet's history — registrations, stake and weight
//! changes, epochs — through the Yuma engine and prints each epoch's results as JSON.
//! The format is documented in `docs/yuma-sim.md`; `-` reads the scenario from stdin.

use serde::{Deserialize, Serialize};
use std::{io::Read, process::ExitCode};
use tensorchain_yuma::{
    epoch::EpochOutput,
    sim::{SimError, Subnet},
    Hyperparameters,
};

/// Hyperparameters in the scenario file; anything omitted takes the value a new subnet gets
/// on chain (Yuma3 on, 64 validators, κ = 0.5, β = 1, α = 0.1, liquid alpha off).
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Params {
    kappa: u16,
    bonds_penalty: u16,
    bonds_moving_average: u64,
    yuma3: bool,
    liquid_alpha: bool,
    alpha_low: u16,
    alpha_high: u16,
    alpha_sigmoid_steepness: i16,
    max_allowed_validators: u16,
    activity_cutoff: u64,
    stake_threshold: u64,
    tao_weight: u64,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            kappa: 32_767,
            bonds_penalty: 65_535,
            bonds_moving_average: 900_000,
            yuma3: true,
            liquid_alpha: false,
            alpha_low: 45_875,
            alpha_high: 58_982,
            alpha_sigmoid_steepness: 1_000,
            max_allowed_validators: 64,
            activity_cutoff: 5_000,
            stake_threshold: 0,
            tao_weight: 0,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    #[serde(default)]
    hyperparameters: Params,
    #[serde(default = "default_tempo")]
    tempo: u16,
    /// Alpha (rao) distributed by an epoch step that does not give its own.
    #[serde(default = "default_emission")]
    emission: u64,
    /// Whether epochs remember their block for the recently-registered bond mask, as on
    /// chain (`true`), or not, as upstream's unit tests call the epoch (`false`).
    #[serde(default = "default_true")]
    track_step_block: bool,
    #[serde(default)]
    owner_uid: Option<u16>,
    steps: Vec<Step>,
}

fn default_tempo() -> u16 {
    360
}
fn default_emission() -> u64 {
    1_000_000_000
}
fn default_true() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Step {
    /// Appends a neuron registered at `block` with the given stake.
    Register {
        block: u64,
        #[serde(default)]
        stake: u64,
        #[serde(default)]
        tao_stake: u64,
    },
    /// A new hotkey takes over `uid` at `block`.
    Replace { uid: u16, block: u64 },
    /// Sets a uid's alpha and root TAO stake.
    Stake {
        uid: u16,
        stake: u64,
        #[serde(default)]
        tao_stake: u64,
    },
    /// `set_weights` by `uid` at `block`: values are max-upscaled as on chain.
    Weights { uid: u16, block: u64, uids: Vec<u16>, values: Vec<u16> },
    /// Runs an epoch at `block`; bonds and permits carry over to the next.
    Epoch {
        block: u64,
        #[serde(default)]
        emission: Option<u64>,
    },
}

impl Step {
    fn name(&self) -> &'static str {
        match self {
            Step::Register { .. } => "register",
            Step::Replace { .. } => "replace",
            Step::Stake { .. } => "stake",
            Step::Weights { .. } => "weights",
            Step::Epoch { .. } => "epoch",
        }
    }
}

#[derive(Serialize)]
struct EpochReport {
    step: usize,
    block: u64,
    emission: u64,
    active: Vec<bool>,
    stake: Vec<u64>,
    stake_weight: Vec<u16>,
    consensus: Vec<u16>,
    incentive: Vec<u16>,
    dividends: Vec<u16>,
    validator_trust: Vec<u16>,
    validator_permit: Vec<bool>,
    bonds: Vec<Vec<(u16, u16)>>,
    server_emission: Vec<u64>,
    validator_emission: Vec<u64>,
    neuron_emission: Vec<u64>,
}

impl EpochReport {
    fn new(step: usize, block: u64, emission: u64, out: EpochOutput) -> Self {
        Self {
            step,
            block,
            emission,
            active: out.active,
            stake: out.stake,
            stake_weight: out.stake_weight,
            consensus: out.consensus,
            incentive: out.incentive,
            dividends: out.dividends,
            validator_trust: out.validator_trust,
            validator_permit: out.validator_permit,
            bonds: out.bonds,
            server_emission: out.server_emission,
            validator_emission: out.validator_emission,
            neuron_emission: out.emission,
        }
    }
}

fn run(scenario: Scenario) -> Result<Vec<EpochReport>, String> {
    let p = scenario.hyperparameters;
    if p.alpha_low > p.alpha_high {
        return Err(format!(
            "hyperparameters.alpha_low: {} is above alpha_high {}",
            p.alpha_low, p.alpha_high
        ));
    }
    let params = Hyperparameters {
        kappa: p.kappa,
        bonds_penalty: p.bonds_penalty,
        bonds_moving_average: p.bonds_moving_average.min(1_000_000),
        yuma3: p.yuma3,
        liquid_alpha: p.liquid_alpha,
        alpha_low: p.alpha_low,
        alpha_high: p.alpha_high,
        alpha_sigmoid_steepness: p.alpha_sigmoid_steepness,
        max_allowed_validators: p.max_allowed_validators,
        activity_cutoff: p.activity_cutoff,
        stake_threshold: p.stake_threshold,
        tao_weight: p.tao_weight,
        commit_reveal_enabled: false,
    };
    if p.bonds_moving_average > 1_000_000 {
        return Err(format!(
            "hyperparameters.bonds_moving_average: {} is above 1000000",
            p.bonds_moving_average
        ));
    }
    let mut subnet = Subnet::new(params, scenario.tempo);
    subnet.track_step_block = scenario.track_step_block;
    let mut reports = Vec::new();
    for (k, step) in scenario.steps.into_iter().enumerate() {
        let at = |e: SimError| format!("steps[{k}] ({}): {e}", step.name());
        match &step {
            Step::Register { block, stake, tao_stake } => {
                let uid = subnet.register(*block).map_err(at)?;
                subnet.set_stake(uid, *stake, *tao_stake).map_err(at)?;
            },
            Step::Replace { uid, block } => subnet.replace(*uid, *block).map_err(at)?,
            Step::Stake { uid, stake, tao_stake } => {
                subnet.set_stake(*uid, *stake, *tao_stake).map_err(at)?
            },
            Step::Weights { uid, block, uids, values } => {
                subnet.set_weights(*uid, uids, values, *block).map_err(at)?
            },
            Step::Epoch { block, emission } => {
                // The owner uid is checked when the epoch runs, against the subnet's size then.
                subnet.owner_uid = scenario.owner_uid;
                let emission = emission.unwrap_or(scenario.emission);
                let out = subnet.epoch(*block, emission).map_err(at)?;
                reports.push(EpochReport::new(k, *block, emission, out));
            },
        }
    }
    Ok(reports)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = match args.as_slice() {
        [path] if path != "-h" && path != "--help" => path.clone(),
        _ => {
            eprintln!("usage: yuma-sim SCENARIO.json   (or - for stdin); see docs/yuma-sim.md");
            return ExitCode::from(2);
        },
    };
    let text = if path == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("error: reading stdin: {e}");
            return ExitCode::from(2);
        }
        s
    } else {
        match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: reading {path}: {e}");
                return ExitCode::from(2);
            },
        }
    };
    let mut de = serde_json::Deserializer::from_str(&text);
    let scenario: Scenario = match serde_path_to_error::deserialize(&mut de) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {path}: {}: {}", e.path(), e.inner());
            return ExitCode::from(1);
        },
    };
    match run(scenario) {
        Ok(reports) => match serde_json::to_string_pretty(&reports) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            },
            Err(e) => {
                eprintln!("error: writing results: {e}");
                ExitCode::from(1)
            },
        },
        Err(e) => {
            eprintln!("error: {path}: {e}");
            ExitCode::from(1)
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn parse(json: &str) -> Result<Scenario, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(&mut de).map_err(|e| format!("{}: {}", e.path(), e.inner()))
    }

    #[test]
    fn the_documented_example_runs() {
        let text = include_str!("../examples/two-validators.json");
        let reports = run(parse(text).unwrap()).unwrap();
        assert_eq!(reports.len(), 2);
        let last = &reports[1];
        // The miner both validators weight most earns the most incentive.
        assert!(last.incentive[2] > last.incentive[3]);
        assert!(last.dividends[0] > 0 && last.dividends[1] > 0);
    }

    #[test]
    fn errors_name_the_field() {
        let err = parse(r#"{"steps": [{"weights": {"uid": 0, "block": 1, "uids": [1], "values": ["x"]}}]}"#)
            .err()
            .unwrap();
        assert!(err.starts_with("steps[0].weights.values[0]"), "{err}");
        let err = parse(r#"{"tempo": 10, "steps": [{"epoch": {"blok": 1}}]}"#).err().unwrap();
        assert!(err.contains("blok"), "{err}");
        let err = run(parse(r#"{"steps": [{"register": {"block": 0}}, {"weights": {"uid": 0, "block": 1, "uids": [3], "values": [1]}}]}"#).unwrap())
            .err()
            .unwrap();
        assert_eq!(err, "steps[1] (weights): uid 3 is not registered");
    }
}
