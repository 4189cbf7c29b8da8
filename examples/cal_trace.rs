use zhudian::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let r = roster::load(std::path::Path::new(&path)).unwrap();
    let mut p = calendar::simple::simple_plan(&r);
    calendar::build(&r, &mut p);
    let mut by_date: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for s in p.session.iter().filter(|s| s.kind == "station") {
        by_date.entry(s.date.clone()).or_default().push(format!("{}:{}", s.unit, s.people.iter().filter(|x| !x.ends_with("-sec")).cloned().collect::<Vec<_>>().join("+")));
    }
    for (d, v) in by_date { println!("{d} {}", v.join("  ")); }
}
