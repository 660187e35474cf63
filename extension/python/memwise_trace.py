"""Memwise helper, the optional tracemalloc view (MEMWISE_TRACE=1, `memwise profile --trace`).

Kept out of memwise_sampler.py: a normal run never imports it (every module the helper loads is resident
memory the profile charges to the script). Sends T records (top allocation sites near the peak) through the
sampler's channel.
"""
import os

import memwise_sampler as S

# A snapshot costs time proportional to the number of live traces (11 s for 12M traces, and statistics()
# 45-153 s more), so: snapshot only when traced memory reaches a new high by 20%, and only while the
# predicted cost (calibrated from earlier snapshots against tracemalloc's own bookkeeping size) keeps the
# total snapshot time under 10% of the elapsed run time (+1 s).
_state = {"best": 0, "spent": 0.0, "k": None, "count": 0, "skipped": 0, "start": 0.0, "ticks": 0}


def tick(now):
    import tracemalloc

    st = _state
    st["ticks"] += 1
    if st["ticks"] % 5:
        return
    current, _peak = tracemalloc.get_traced_memory()
    if current < max(st["best"] * 1.2, 1 << 20):
        return
    bookkeeping = tracemalloc.get_tracemalloc_memory()
    predicted = (st["k"] or 2e-8) * bookkeeping
    budget = 0.1 * (now - st["start"]) + 1.0 - st["spent"]
    if predicted > budget:
        st["skipped"] += 1
        return
    t0 = S._monotonic()
    top = _top_sites(tracemalloc.take_snapshot())
    spent = S._monotonic() - t0
    st["spent"] += spent
    st["count"] += 1
    st["k"] = spent / max(bookkeeping, 1)
    st["best"] = current
    st["last"] = {"t": now, "tracedBytes": current, "top": top}
    send()


def send():
    import json

    st = _state
    if st.get("last"):
        S._write("T\t%s\n" % json.dumps(dict(st["last"], snapshots=st["count"], snapshotSeconds=st["spent"], skipped=st["skipped"])))


def _top_sites(snap, limit=20):
    """Top allocation sites of a 1-frame snapshot. Groups the raw trace tuples directly: Snapshot.statistics()
    builds a Traceback object per trace, which is what made it take minutes on 12M traces."""
    sizes = {}
    counts = {}
    try:
        for trace in snap.traces._traces:  # (domain, size, ((filename, lineno), ...), total_nframe)
            key = trace[2][0] if trace[2] else ("<unknown>", 0)
            sizes[key] = sizes.get(key, 0) + trace[1]
            counts[key] = counts.get(key, 0) + 1
    except (AttributeError, IndexError, TypeError):
        sizes.clear()
        counts.clear()
        for stat in snap.statistics("lineno"):
            fr = stat.traceback[0]
            sizes[(fr.filename, fr.lineno)] = stat.size
            counts[(fr.filename, fr.lineno)] = stat.count
    del snap
    top = []
    for key in sorted(sizes, key=sizes.get, reverse=True):
        filename, lineno = key
        if os.path.dirname(filename) == S._HELPER_DIR or filename.endswith("tracemalloc.py"):
            continue  # Memwise's own bookkeeping
        top.append({"file": os.path.abspath(filename) if not filename.startswith("<") else filename, "line": lineno, "function": "", "sizeBytes": sizes[key], "count": counts[key]})
        if len(top) >= limit:
            break
    return top


def start():
    import tracemalloc

    tracemalloc.start(1)
    _state["start"] = S._monotonic()
