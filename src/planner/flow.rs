//! A small min-cost flow (successive shortest paths, Bellman–Ford queue) on
//! integer costs. Stage 2 fills team slots with it: integer costs keep the
//! lexicographic weights exact, and a fixed arc order keeps results
//! deterministic. After a run, the residual graph's reach from the source
//! names a Hall-type bottleneck when not every slot could be filled.
//! Under a deadline the costs are dropped once it passes: the rest of the
//! flow is sent by Dinic's blocking flows, still a maximum flow, so every
//! slot the exact run would fill is filled (the run's best so far).

use std::collections::VecDeque;
use std::time::Instant;

#[derive(Debug, Clone)]
struct Arc {
    to: usize,
    cap: i64,
    cost: i64,
}

#[derive(Debug, Clone)]
pub struct Flow {
    arcs: Vec<Arc>,
    /// Arc ids leaving each node, in insertion order (for determinism).
    out: Vec<Vec<usize>>,
}

impl Flow {
    pub fn new(nodes: usize) -> Flow {
        Flow {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    pub fn add_node(&mut self) -> usize {
        self.out.push(Vec::new());
        self.out.len() - 1
    }

    /// Adds an arc and its reverse; returns the forward arc's id.
    pub fn add_arc(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let id = self.arcs.len();
        self.arcs.push(Arc { to, cap, cost });
        self.arcs.push(Arc {
            to: from,
            cap: 0,
            cost: -cost,
        });
        self.out[from].push(id);
        self.out[to].push(id + 1);
        id
    }

    /// Flow on a forward arc.
    pub fn flow(&self, arc: usize) -> i64 {
        self.arcs[arc + 1].cap
    }

    /// Sends as much flow as possible from `s` to `t` at least cost;
    /// returns (flow, cost). Costs may be negative but the graph must have no
    /// negative cycle (stage 2's graph is acyclic before any flow is sent).
    pub fn run(&mut self, s: usize, t: usize) -> (i64, i64) {
        let (flow, cost, _) = self.run_until(s, t, None);
        (flow, cost)
    }

    /// As `run`, weighing costs until `until` only; returns also whether
    /// the deadline cut the weighing. `Some` of a past instant gives a plain
    /// maximum flow, whose residual reach from `s` (the bottleneck) is the
    /// same as any maximum flow's.
    pub fn run_until(&mut self, s: usize, t: usize, until: Option<Instant>) -> (i64, i64, bool) {
        let n = self.out.len();
        let (mut flow, mut cost) = (0i64, 0i64);
        loop {
            if until.is_some_and(|u| Instant::now() >= u) {
                let (more, more_cost) = self.fill(s, t);
                return (flow + more, cost + more_cost, true);
            }
            // Bellman–Ford with a FIFO queue: shortest path by cost.
            let mut dist = vec![i64::MAX; n];
            let mut via = vec![usize::MAX; n];
            let mut queued = vec![false; n];
            let mut queue = VecDeque::new();
            dist[s] = 0;
            queue.push_back(s);
            queued[s] = true;
            while let Some(v) = queue.pop_front() {
                queued[v] = false;
                for &a in &self.out[v] {
                    let arc = &self.arcs[a];
                    if arc.cap > 0 && dist[v] + arc.cost < dist[arc.to] {
                        dist[arc.to] = dist[v] + arc.cost;
                        via[arc.to] = a;
                        if !queued[arc.to] {
                            queued[arc.to] = true;
                            queue.push_back(arc.to);
                        }
                    }
                }
            }
            if dist[t] == i64::MAX {
                return (flow, cost, false);
            }
            let mut push = i64::MAX;
            let mut v = t;
            while v != s {
                let a = via[v];
                push = push.min(self.arcs[a].cap);
                v = self.arcs[a ^ 1].to;
            }
            let mut v = t;
            while v != s {
                let a = via[v];
                self.arcs[a].cap -= push;
                self.arcs[a ^ 1].cap += push;
                cost += push * self.arcs[a].cost;
                v = self.arcs[a ^ 1].to;
            }
            flow += push;
        }
    }

    /// Sends what more can go from `s` to `t`, costs aside (Dinic: levels
    /// by breadth-first search, then paths along rising levels); returns
    /// the flow added and its cost.
    fn fill(&mut self, s: usize, t: usize) -> (i64, i64) {
        let n = self.out.len();
        let (mut flow, mut cost) = (0i64, 0i64);
        let mut level = vec![usize::MAX; n];
        let mut next = vec![0usize; n];
        let mut queue = VecDeque::new();
        loop {
            level.iter_mut().for_each(|l| *l = usize::MAX);
            level[s] = 0;
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                for &a in &self.out[v] {
                    let arc = &self.arcs[a];
                    if arc.cap > 0 && level[arc.to] == usize::MAX {
                        level[arc.to] = level[v] + 1;
                        queue.push_back(arc.to);
                    }
                }
            }
            if level[t] == usize::MAX {
                return (flow, cost);
            }
            next.iter_mut().for_each(|i| *i = 0);
            // Paths along rising levels until none is left (a blocking flow).
            let mut path: Vec<usize> = Vec::new();
            let mut v = s;
            loop {
                if v == t {
                    let push = path.iter().map(|&a| self.arcs[a].cap).min().unwrap_or(0);
                    for &a in &path {
                        self.arcs[a].cap -= push;
                        self.arcs[a ^ 1].cap += push;
                        cost += push * self.arcs[a].cost;
                    }
                    flow += push;
                    path.clear();
                    v = s;
                    continue;
                }
                let mut step = None;
                while let Some(&a) = self.out[v].get(next[v]) {
                    let arc = &self.arcs[a];
                    if arc.cap > 0 && level[arc.to] == level[v] + 1 {
                        step = Some(a);
                        break;
                    }
                    next[v] += 1;
                }
                match step {
                    Some(a) => {
                        path.push(a);
                        v = self.arcs[a].to;
                    }
                    None => {
                        // A dead end: back up and try the next arc there.
                        let Some(a) = path.pop() else { break };
                        v = self.arcs[a ^ 1].to;
                        next[v] += 1;
                    }
                }
            }
        }
    }

    /// Nodes reachable from `s` in the residual graph (after `run`).
    pub fn reachable(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.out.len()];
        let mut stack = vec![s];
        seen[s] = true;
        while let Some(v) = stack.pop() {
            for &a in &self.out[v] {
                let arc = &self.arcs[a];
                if arc.cap > 0 && !seen[arc.to] {
                    seen[arc.to] = true;
                    stack.push(arc.to);
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_takes_the_cheaper_pairing() {
        // s=0, a=1, b=2, x=3, y=4, t=5
        let mut f = Flow::new(6);
        f.add_arc(0, 1, 1, 0);
        f.add_arc(0, 2, 1, 0);
        let ax = f.add_arc(1, 3, 1, 1);
        let ay = f.add_arc(1, 4, 1, 5);
        let bx = f.add_arc(2, 3, 1, 2);
        let by = f.add_arc(2, 4, 1, 10);
        f.add_arc(3, 5, 1, 0);
        f.add_arc(4, 5, 1, 0);
        assert_eq!(f.run(0, 5), (2, 7));
        assert_eq!(
            (f.flow(ax), f.flow(ay), f.flow(bx), f.flow(by)),
            (0, 1, 1, 0)
        );
    }

    #[test]
    fn bottleneck_is_reachable_from_the_source() {
        // Two demands share one supply of capacity 1.
        let mut f = Flow::new(5);
        f.add_arc(0, 1, 1, 0);
        f.add_arc(0, 2, 1, 0);
        f.add_arc(1, 3, 1, 0);
        f.add_arc(2, 3, 1, 0);
        f.add_arc(3, 4, 1, 0);
        assert_eq!(f.run(0, 4).0, 1);
        let r = f.reachable(0);
        assert!(r[1] && r[2] && r[3] && !r[4]);
    }

    #[test]
    fn a_passed_deadline_still_sends_the_maximum_flow() {
        // The cheap pairing a–x blocks b; only a–y, b–x sends two.
        let build = || {
            let mut f = Flow::new(6);
            f.add_arc(0, 1, 1, 0);
            f.add_arc(0, 2, 1, 0);
            f.add_arc(1, 3, 1, -5);
            f.add_arc(1, 4, 1, 0);
            f.add_arc(2, 3, 1, 0);
            f.add_arc(3, 5, 1, 0);
            f.add_arc(4, 5, 1, 0);
            f
        };
        let (flow, cost, cut) = build().run_until(0, 5, Some(Instant::now()));
        assert_eq!((flow, cut), (2, true));
        assert_eq!(cost, 0);
        assert_eq!(build().run_until(0, 5, None), (2, 0, false));
    }
}
