use zhudian::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let r = roster::load(std::path::Path::new(&path)).unwrap();
    let mut p = calendar::simple::simple_plan(&r);
    let t = std::time::Instant::now();
    calendar::build(&r, &mut p);
    eprintln!("build {:?}", t.elapsed());
    for a in &p.assignment { println!("{:?}", a); }
    println!("{:?}", p.plan.metrics);
    let mut kinds = std::collections::BTreeMap::new();
    for w in &p.warning { *kinds.entry(w.kind.clone()).or_insert(0) += 1; }
    println!("{:?}", kinds);
    for w in p.warning.iter().take(3) { println!("{}", w.message); }
    for w in p.warning.iter().filter(|w| w.kind != "shortfall").take(8) { println!("{}", w.message); }
    for s in p.session.iter().filter(|s| s.kind != "household_visit").take(12) { println!("{:?}", s); }
    for s in p.session.iter().filter(|s| s.kind == "makeup") { println!("{:?}", s); }
}
#[allow(dead_code)]
fn _x() {}
