"""Reference values for the tie-aware agreement figures (issue 13): scipy for the rank correlations with ties,
brute force over every cut for the top-k Jaccard range, and RBO with ties computed straight from Webber, Moffat &
Zobel 2010's section 5 definition (tied items occur at the depth of the first of them; A_d = 2 X_d / (|S:d| + |L:d|))
by explicit prefix sets, independently of the app's incremental code.

Run: python3 scripts/reference/rank_ties.py > test/fixtures/reference/rank-ties.json
"""
import itertools
import json
import sys

import numpy
import scipy
from scipy.stats import kendalltau, rankdata, spearmanr

# Hand-made runs over accounts 0..n-1 (scores; None = not scored), chosen to tie in every awkward place.
CASES = {
    "ties-at-the-top-cut": {
        "a": [5, 5, 5, 4, 3, 3, 2, 1, 1, 0],
        "b": [9, 1, 8, 7, 7, 2, 6, 5, 5, 4],
        "k": [1, 2, 4, 5],
    },
    "all-tied-vs-id-order": {
        "a": [1] * 12,
        "b": list(range(12, 0, -1)),
        "k": [3, 6],
    },
    "both-tied-differently": {
        "a": [3, 3, 2, 2, 2, 1, 1, 0],
        "b": [0, 1, 1, 2, 2, 2, 3, 3],
        "k": [2, 3, 5],
    },
    "uneven-lengths": {
        "a": [4, 4, 3, None, 2, 1, None, 1],
        "b": [2, 3, 3, 3, 1, 0, 5, None],
        "k": [2, 4],
    },
}
P = 0.9


def tie_groups(scores):
    """Scored accounts as groups of equal score, highest first."""
    values = sorted({s for s in scores if s is not None}, reverse=True)
    return [[i for i, s in enumerate(scores) if s == v] for v in values]


def extended_prefix(groups, depth):
    """Accounts whose group starts before position `depth` (0-based starts)."""
    out, start = set(), 0
    for g in groups:
        if start >= depth:
            break
        out.update(g)
        start += len(g)
    return out


def rbo_ties(a, b, p):
    ga, gb = tie_groups(a), tie_groups(b)
    la, lb = sum(map(len, ga)), sum(map(len, gb))
    (gs, s), (gl, l) = sorted([(ga, la), (gb, lb)], key=lambda t: t[1])
    if l == 0:
        return 1.0
    if s == 0:
        return 0.0
    total, a_s = 0.0, None
    for d in range(1, l + 1):
        ps, pl = extended_prefix(gs, d), extended_prefix(gl, d)
        x = len(ps & pl)
        if d <= s:
            agreement = 2 * x / (len(ps) + len(pl))
            if d == s:
                a_s = agreement
        else:
            agreement = 2 * (x + (d - s) * a_s) / (d + len(pl))
        total += agreement * p**d
    x_l = len(extended_prefix(gs, s) & extended_prefix(gl, l))
    return (1 - p) / p * total + (x_l + (l - s) * a_s) / l * p**l


def jaccard_tie_aware(a, b, k):
    x, y = extended_prefix(tie_groups(a), k), extended_prefix(tie_groups(b), k)
    return 1.0 if not (x | y) else len(x & y) / len(x | y)


def cuts(scores, k):
    """Every top-k set a tie-breaking order could produce."""
    groups = tie_groups(scores)
    above, taken = [], 0
    for g in groups:
        if taken + len(g) <= k:
            above += g
            taken += len(g)
        else:
            return [set(above) | set(c) for c in itertools.combinations(g, k - taken)]
    return [set(above)]


def jaccard_range(a, b, k):
    values = [len(x & y) / len(x | y) if (x | y) else 1.0 for x in cuts(a, k) for y in cuts(b, k)]
    return {"min": min(values), "max": max(values)}


def ties(scores):
    scored = [s for s in scores if s is not None]
    counts = {v: scored.count(v) for v in set(scored)}
    largest = max(counts.values(), default=0)
    return {
        "scored": len(scored),
        "distinct_scores": len(counts),
        "tied_accounts": sum(c for c in counts.values() if c > 1),
        "largest_group": largest,
        "largest_group_score": max((v for v, c in counts.items() if c == largest), default=None) if largest > 1 else None,
    }


def null(value):
    return None if value is None or numpy.isnan(value) else float(value)


def case(spec):
    a, b = spec["a"], spec["b"]
    both = [i for i in range(len(a)) if a[i] is not None and b[i] is not None]
    x, y = [a[i] for i in both], [b[i] for i in both]
    return {
        **spec,
        "p": P,
        "average_ranks_a": rankdata(x, method="average").tolist(),
        "spearman": null(spearmanr(x, y).statistic),
        "kendall_tau_b": null(kendalltau(x, y, variant="b").statistic),
        "rbo": rbo_ties(a, b, P),
        "jaccard": {str(k): jaccard_tie_aware(a, b, k) for k in spec["k"]},
        "jaccard_range": {str(k): jaccard_range(a, b, k) for k in spec["k"]},
        "ties": {"a": ties(a), "b": ties(b)},
    }


json.dump(
    {
        "peer": {"python": sys.version.split()[0], "scipy": scipy.__version__, "numpy": numpy.__version__},
        "cases": {name: case(spec) for name, spec in CASES.items()},
    },
    sys.stdout,
    indent=1,
)
print()
