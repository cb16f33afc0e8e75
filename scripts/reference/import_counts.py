"""Import counts of every real dataset, derived from the raw files by SPEC.md's derivation rules.

Independent of the importer: it reads the files with Python's json, csv and xml.etree and applies the rules as
SPEC.md states them (posts deduplicated by id; a retweet yields one `retweet` and nothing else; a quote one `quote`;
a reply one `reply`; every non-retweet one `mention` per distinct mentioned account other than its author and the
account it replies to; targets given by post or handle resolved at the end, case-insensitively; what cannot be
resolved is counted as unresolved). Writes test/fixtures/reference/import-counts.json, which
test/integration/import-counts.test.ts pins. Run: python3 scripts/reference/import_counts.py
"""
import ast
import csv
import json
import pathlib
import platform
import re
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "datasets"
KINDS = ["retweet", "quote", "reply", "mention", "follow", "endorse", "edge"]


class Tweets:
    """Accounts, posts and pending interactions of one dataset of tweets; targets resolved in finish()."""

    def __init__(self):
        self.accounts = {}  # id -> handle or None
        self.posts = {}  # id -> author id
        self.pending = []  # (kind, actor, target, post id, reply target or None)

    def user(self, uid, handle):
        if uid is None:
            return
        if self.accounts.get(uid) is None:
            self.accounts[uid] = handle

    def tweet(self, tid, author, author_handle, retweet, quote, reply, mentions):
        """retweet/quote/reply: a target dict ({"id"}, {"post"}, {"handle"}) or None; mentions: [(id, handle)]."""
        if tid in self.posts:
            return
        self.posts[tid] = author
        self.user(author, author_handle)
        for target in (retweet, quote, reply):
            if target and target.get("id"):
                self.user(target["id"], target.get("handle"))
        if retweet:
            self.pending.append(("retweet", author, retweet, tid, None))
            return
        if quote:
            self.pending.append(("quote", author, quote, tid, None))
        if reply:
            self.pending.append(("reply", author, reply, tid, None))
        for mid, handle in mentions:
            if mid:
                self.user(mid, handle)
            self.pending.append(("mention", author, {"id": mid} if mid else {"handle": handle}, tid, reply))

    def resolve(self, target):
        if target.get("id"):
            return target["id"]
        if target.get("post") and target["post"] in self.posts:
            return self.posts[target["post"]]
        handle = (target.get("handle") or "").lower()
        for uid, known in self.accounts.items():
            if known and known.lower() == handle:
                return uid
        return None

    def finish(self):
        counts = dict.fromkeys(KINDS, 0)
        unresolved = 0
        mentioned = set()  # (post, account): one mention per distinct account of a post
        for kind, actor, target, post, reply in self.pending:
            resolved = self.resolve(target)
            if resolved is None:
                unresolved += 1
                continue
            if kind == "mention":
                if resolved == actor or (reply and self.resolve(reply) == resolved) or (post, resolved) in mentioned:
                    continue
                mentioned.add((post, resolved))
            counts[kind] += 1
        return {"accounts": len(self.accounts), "posts": len(self.posts), "interactions": counts, "cascades": 0,
                "unresolved": unresolved}


def rt_handle(text):
    match = re.match(r"RT @(\w+):", text or "")
    return match.group(1) if match else None


def v2_tweet(d, t, author_of, handles):
    refs = {r["type"]: r["id"] for r in t.get("referenced_tweets") or []}
    def by_post(pid, handle=None):
        return {"id": author_of[pid]} if pid in author_of else {"post": pid, "handle": handle}
    retweet = by_post(refs["retweeted"], rt_handle(t.get("text"))) if "retweeted" in refs else None
    quote = by_post(refs["quoted"]) if "quoted" in refs else None
    reply = None
    if t.get("in_reply_to_user_id"):
        reply = {"id": t["in_reply_to_user_id"]}
    elif "replied_to" in refs:
        reply = by_post(refs["replied_to"])
    mentions = [(m.get("id"), m.get("username")) for m in (t.get("entities") or {}).get("mentions", [])]
    d.tweet(t["id"], t["author_id"], handles.get(t["author_id"]), retweet, quote, reply, mentions)


def v2_pages(d, path):
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        page = json.loads(line)
        users = (page.get("includes") or {}).get("users", [])
        for u in users:
            d.user(u["id"], u["username"])
        handles = {u["id"]: u["username"] for u in users}
        tweets = (page.get("includes") or {}).get("tweets", []) + page.get("data", [])
        author_of = {t["id"]: t["author_id"] for t in tweets}
        for t in tweets:
            v2_tweet(d, t, author_of, handles)


def v2_flat(d, path):
    def visit(t):
        author = t.get("author_id") or t["author"]["id"]
        for u in [t.get("author"), t.get("in_reply_to_user")] + (t.get("entities") or {}).get("mentions", []):
            if u and u.get("name"):
                d.user(u["id"], u["username"])
        expanded = [r for r in t.get("referenced_tweets") or [] if r.get("author_id") or r.get("author")]
        for r in expanded:
            visit(r)
        author_of = {r["id"]: r.get("author_id") or r["author"]["id"] for r in expanded}
        handles = {author: (t.get("author") or {}).get("username")}
        v2_tweet(d, dict(t, author_id=author), author_of, handles)
    for line in path.read_text().splitlines():
        if line.strip():
            visit(json.loads(line))


def v2_users(d, path):
    for line in path.read_text().splitlines():
        if line.strip():
            for u in json.loads(line)["data"]:
                d.user(u["id"], u["username"])


def v1(d, statuses):
    def visit(s):
        d.user(s["user"]["id_str"], s["user"]["screen_name"])
        for nested in ("retweeted_status", "quoted_status"):
            if s.get(nested):
                visit(s[nested])
        entities = (s.get("extended_tweet") or {}).get("entities") or s["entities"]
        retweet = {"id": s["retweeted_status"]["user"]["id_str"]} if s.get("retweeted_status") else None
        quoted = (s.get("quoted_status") or {}).get("id_str") or s.get("quoted_status_id_str")
        quote = None
        if quoted:
            quote = {"id": s["quoted_status"]["user"]["id_str"]} if s.get("quoted_status") else {"post": quoted}
        reply = None
        if s.get("in_reply_to_user_id_str"):
            reply = {"id": s["in_reply_to_user_id_str"], "handle": s.get("in_reply_to_screen_name")}
        mentions = [(m["id_str"], m["screen_name"]) for m in entities.get("user_mentions", [])]
        d.tweet(s["id_str"], s["user"]["id_str"], s["user"]["screen_name"], retweet, quote, reply, mentions)
    for status in statuses:
        visit(status)


def author_tweets(d, path):
    author = path.name.split("_")[0]
    d.user(author, None)
    for row in csv.DictReader(path.open(newline="")):
        ids = {k: [str(x) for x in ast.literal_eval(v)] for k, v in row.items() if k != "TweetID"}
        first = lambda key: {"id": ids[key][0]} if ids[key] else None
        d.tweet(row["TweetID"], author, None, first("retweeted_author_ids"), first("quoted_author_ids"),
                first("replied_to_author_ids"), [(m, None) for m in ids["mentioned_user_ids"]])


def graph(nodes, edges):
    counts = dict.fromkeys(KINDS, 0)
    counts["edge"] = edges
    return {"accounts": len(nodes), "posts": 0, "interactions": counts, "cascades": 0, "unresolved": 0}


def edge_list(path):
    nodes, edges = set(), 0
    for line in path.read_text().splitlines():
        fields = line.split(maxsplit=2)
        if not fields or fields[0].startswith("#"):
            continue
        nodes.update(fields[:2])
        edges += 1
    return graph(nodes, edges)


def trees(release):
    uids, counts, cascades = set(), dict.fromkeys(KINDS, 0), 0
    pattern = re.compile(r"^\['(.*)', '(.*)', '(.*)'\]->\['(.*)', '(.*)', '(.*)'\]$")
    for path in sorted((release / "tree").iterdir()):
        lines = {line.strip() for line in path.read_text().splitlines() if line.strip()}
        edges = [pattern.match(line).groups() for line in lines]
        root_tweet = next(e[4] for e in edges if e[0] == "ROOT")
        for e in edges:
            uids.add(e[3])
            if e[0] != "ROOT":
                uids.add(e[0])
                counts["retweet" if e[4] == root_tweet else "reply"] += 1
        cascades += 1
    return {"accounts": len(uids), "posts": 0, "interactions": counts, "cascades": cascades, "unresolved": 0}


def xml_graph(path, node_tag, edge_tag):
    tree = ET.parse(path)
    local = lambda el: el.tag.rsplit("}", 1)[-1]
    nodes = {el.get("id") for el in tree.iter() if local(el) == node_tag}
    edges = sum(1 for el in tree.iter() if local(el) == edge_tag)
    return graph(nodes, edges)


def main():
    v2dir, counts = DATA / "twitter-v2", {}
    d = Tweets()
    for name in ["brexit.jsonl", "kpop.jsonl"]:
        v2_pages(d, v2dir / name)
    v2_flat(d, v2dir / "flat.jsonl")
    v2_users(d, v2dir / "users.jsonl")
    for name in ["two_tweets.jsonl", "mentions_tweet.jsonl"]:
        v2_pages(d, v2dir / name)
    counts["twitter-v2"] = d.finish()
    d = Tweets()
    v1(d, json.loads((DATA / "twitter-v1" / "germanwings-crash-all-rnr-threads.non-rumours.json").read_text()))
    counts["twitter-v1"] = d.finish()
    counts["twitter15"] = trees(DATA / "cascades-twitter15")
    counts["congress"] = edge_list(DATA / "congress-twitter" / "congress.edgelist")
    network = json.loads((DATA / "congress-twitter" / "congress_network_data.json").read_text())[0]
    counts["congress-network"] = graph(set(network["usernameList"]), sum(len(out) for out in network["outList"]))
    d = Tweets()
    for author in range(4):
        author_tweets(d, DATA / "congress-twitter" / "test_data" / f"{author}_tweets.csv")
    counts["congress-toy"] = d.finish()
    karate = DATA / "karate"
    rows = list(csv.DictReader((karate / "karate_club_weighted.csv").open()))
    nodes = {r["id"] for r in csv.DictReader((karate / "karate_club_nodes.csv").open())}
    counts["karate"] = graph(nodes | {r["source"] for r in rows} | {r["target"] for r in rows}, len(rows))
    counts["lesmis"] = xml_graph(DATA / "lesmis" / "les_miserables.gexf", "node", "edge")
    counts["lesmis-graphml"] = xml_graph(DATA / "lesmis" / "miserables.graphml", "node", "edge")
    out = {"about": __doc__.strip().splitlines()[0], "generator": "scripts/reference/import_counts.py",
           "python": platform.python_version(), "counts": counts}
    path = ROOT / "test" / "fixtures" / "reference" / "import-counts.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    for name, value in counts.items():
        print(name, json.dumps(value))


if __name__ == "__main__":
    main()
