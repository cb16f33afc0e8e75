"""Reference PageRank values for test/integration/graph-extraction.test.ts ("a self-interaction moves no score").

The graph is the test's hand-made interactions CSV (actor -> target, "gives attention to"), all kind weights 1.
networkx's pagerank is computed twice: on the graph the SPEC's derivation rules give the models (the self-reply
c -> c left out) and on the graph with that self-loop kept, which is what PageRank scored before the rule. Writes
test/fixtures/reference/self-loop-pagerank.json. Run: python3 scripts/reference/self_loop_pagerank.py
"""
import json
import pathlib
import platform

import networkx as nx

# (actor, target, kind, weight), as in the test's CSV.
INTERACTIONS = [
    ("a", "b", "retweet", 1.0),
    ("b", "c", "mention", 2.0),
    ("c", "a", "reply", 1.0),
    ("d", "c", "retweet", 1.0),
    ("e", "c", "retweet", 0.5),
    ("e", "a", "mention", 1.0),
    ("c", "c", "reply", 1.0),  # a self-reply: stored, but no model counts it
]


def graph(keep_self_loops: bool) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(sorted({n for a, t, _, _ in INTERACTIONS for n in (a, t)}))
    for actor, target, _, weight in INTERACTIONS:
        if actor == target and not keep_self_loops:
            continue
        previous = g.get_edge_data(actor, target, {"weight": 0.0})["weight"]
        g.add_edge(actor, target, weight=previous + weight)
    return g


def main() -> None:
    params = {"alpha": 0.85, "tol": 1e-14, "max_iter": 1000}
    out = {
        "about": __doc__.strip().splitlines()[0],
        "generator": "scripts/reference/self_loop_pagerank.py",
        "networkx": nx.__version__,
        "python": platform.python_version(),
        "params": params,
        "interactions": INTERACTIONS,
        "pagerank_without_self_loops": nx.pagerank(graph(False), weight="weight", **params),
        "pagerank_with_self_loop": nx.pagerank(graph(True), weight="weight", **params),
    }
    path = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "reference" / "self-loop-pagerank.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(path)


if __name__ == "__main__":
    main()
