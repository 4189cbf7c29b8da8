//! zhudian (驻点): plans which township cadres are stationed at which villages
//! and communities, with which "1+2" teams, and when they visit.

pub mod assign;
