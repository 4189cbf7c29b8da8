//! Planning with the future in mind: comparing plans side by side, rerunning
//! after staff changes, and what-if variants of a roster.

pub mod city;
pub mod compare;
pub mod in_post;
pub mod leader_turns;
pub mod replan;
pub mod select;
pub mod short;
pub mod transfer;
pub mod variants;
pub mod whatif;
pub mod year;
