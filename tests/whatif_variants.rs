//! What-if overrides: each variant is the base roster with its overrides, read
//! back through the validator; a bad override names its place in the scenarios file.

use zhudian::scenario::variants;
use zhudian::wording::Lang;

fn base() -> String {
    std::fs::read_to_string("instances/beijiao-example.toml").unwrap()
}

#[test]
fn the_shipped_scenarios_make_valid_rosters_with_their_overrides() {
    let scen = std::fs::read_to_string("instances/whatif/beijiao.toml").unwrap();
    let vs = variants::read(&base(), "base.toml", &scen, "whatif.toml").unwrap();
    assert_eq!(vs.len(), 3);
    let r0 = vs[0].roster.as_ref().unwrap();
    assert_eq!(r0.policy.units_per_leader, (2, 4));
    assert_eq!(r0.bounds_of(r0.cadre_index("he-jm").unwrap()), (1, 4));
    let r1 = vs[1].roster.as_ref().unwrap();
    let sanhong = &r1.units[r1.unit_index("sanhong").unwrap()];
    assert_eq!(sanhong.cadence, zhudian::model::Cadence::Biweekly);
    let r2 = vs[2].roster.as_ref().unwrap();
    assert_eq!(r2.cadres.len(), 2);
    assert!(r2.cadre_index("lao-gx").is_none());
}

#[test]
fn an_unknown_field_or_id_is_an_error_naming_its_place() {
    let scen = "[[variant]]\nname = \"x\"\npolicy = { units_per_leadr = [2, 4] }\n\n[[variant]]\nname = \"y\"\nunits = [{ id = \"nowhere\", cadence = \"biweekly\" }]\n";
    let p = variants::read(&base(), "base.toml", scen, "s.toml").unwrap_err();
    let lines: Vec<String> = p.0.iter().map(|p| p.render(Lang::En)).collect();
    assert_eq!(
        lines,
        vec![
            "s.toml:3: [[variant]] 'x', field 'policy.units_per_leadr': unknown field (did you mean 'units_per_leader'?)",
            "s.toml:7: [[variant]] 'y', field 'units.id': there is no unit 'nowhere'",
        ]
    );
}

#[test]
fn a_variant_that_breaks_the_roster_fails_alone() {
    let scen = "[[variant]]\nname = \"too few\"\npolicy = { units_per_leader = [1, 1] }\ncadres = [{ id = \"he-jm\", units = [1, 1] }]\n\n[[variant]]\nname = \"fine\"\nobjective = { travel = 2.0 }\n";
    let vs = variants::read(&base(), "base.toml", scen, "s.toml").unwrap();
    assert!(vs[0].roster.is_err());
    assert_eq!(vs[1].roster.as_ref().unwrap().objective.travel, 2.0);
}
