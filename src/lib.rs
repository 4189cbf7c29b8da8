//! zhudian (驻点): plans which township cadres are stationed at which villages
//! and communities, with which "1+2" teams, and when they visit.
//!
//! The flow: `roster` (read and validate) → `model` (domain types) →
//! `network` (road travel times) → engines → plan → calendar → outputs.
//! `cli` is the command line; `wording` holds every sentence said to planners.

pub mod assign;
pub mod calendar;
pub mod cancelled;
pub mod cli;
pub mod days;
pub mod export;
pub mod generate;
pub mod input;
pub mod model;
pub mod network;
pub mod plan;
pub mod planner;
pub mod report;
pub mod roster;
pub mod scenario;
pub mod verify;
pub mod wording;
pub mod workbook;
