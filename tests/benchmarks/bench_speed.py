"""Speed of training steps: the reference vs a book-style implementation vs PyTorch on the CPU.

Usage: python tests/benchmarks/bench_speed.py [--rounds N] [--quick] [--json PATH] [--compare OLD.json]
           [--threads N] [--clock wall|cpu] [--pause S] [--no-torch] [--data mnist|random]
           [--only convnet|twolayer|breakdown|numgrad|changes ...]

Everything runs in one process, in interleaved rounds (each round times every implementation
once, in a rotating order), so that a change in the machine's load hits all of them alike.
For each benchmark the table gives the min and the median over rounds of the time per step and
the median over rounds of the paired ratios (the ratio of two implementations in the same round).

Implementations (numpy ones in float64, as they are written; the data are float32 as
``load_mnist`` returns them):
  reference   solutions/ (common/, ch05/, ch07/)
  book-style  tests/benchmarks/bookstyle/, a straightforward implementation in the book's manner
  PyTorch     the same networks in torch.nn, float32, on the CPU (only when torch is installed;
              it is never a dependency of the kit)

Benchmarks:
  (a) SimpleConvNet training step: conv 30x5x5, relu, pool 2x2, affine 100, relu, affine 10,
      batch 100, Adam (lr 0.001)
  (b) TwoLayerNet training step: 784-50-10, batch 100, SGD (lr 0.1)
  (c) where a SimpleConvNet step spends its time, layer by layer, forward and backward
  (d) a full numerical gradient of TwoLayerNet 784-50-10 and 20-10-5 on 3 samples
  (e) both steps for the reference's networks on the book-style layers, with the reference's
      classes swapped in one at a time (what each of the reference's changes brings)

The results are also written as JSON (default: build/bench/speed-<date>-<time>.json), so that
runs can be compared (``--compare``). Not a test: the figures depend on the machine and its load.
On a busy machine, ``--threads 1 --clock cpu`` (one thread everywhere, CPU time of the process)
gives the steadiest figures; several BLAS threads on cores that other processes also use can
make a numpy step many times slower.
"""
import argparse
import datetime
import functools
import gc
import importlib
import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType, SimpleNamespace

import bench_results
import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REFERENCE_ROOT = ROOT / "solutions"
BOOKSTYLE_ROOT = HERE / "bookstyle"

# Both the reference and the book-style implementation are laid out like the book's repository,
# so both import their own modules as ``common.layers``, ``ch07.simple_convnet``, ...
BOOK_PACKAGES = ("common", "ch05", "ch07")

BATCH_SIZE = 100
BENCHMARKS = ("convnet", "twolayer", "breakdown", "numgrad", "changes")
TORCH_NAME = "PyTorch"

# (numerator, denominator, goal): the paired ratios printed for each step benchmark. A goal is
# the largest ratio that meets it (issue "Performance", goal 2), or None.
CONVNET_RATIOS = (
    ("reference", "book-style", 0.35),
    ("reference", TORCH_NAME, 2.5),
    ("book-style", TORCH_NAME, None),
)
TWOLAYER_RATIOS = (
    ("reference", "book-style", None),
    ("reference", TORCH_NAME, 1.0),
    ("book-style", TORCH_NAME, None),
)
NUMGRAD_RATIOS = (("reference", "book-style", None),)

# SimpleConvNet: which layer holds the gradients of W<i>, b<i> (as in its gradient()).
CONVNET_PARAM_LAYERS = {"1": "Conv1", "2": "Affine1", "3": "Affine2"}
LAYER_KINDS = {"Conv": "conv", "Relu": "relu", "Pool": "pool", "Affine": "affine"}

# Table (e): the base variant runs the reference's networks on the book-style layers and
# optimizers; the reference's classes replace the book-style ones cumulatively, in this order.
CHANGES_BASE = "book-style layers"
REFERENCE_CHANGES = (
    ("+ Pooling", ("Pooling",)),
    ("+ Convolution", ("Convolution",)),
    ("+ Relu", ("Relu",)),
    ("+ Affine", ("Affine",)),
    ("+ Adam", ("Adam",)),
)


# ----------------------------------------------------------------------------- loading


def purge_book_packages():
    """Forget every imported module of the packages common, ch05 and ch07."""
    for name in list(sys.modules):
        if name.split(".")[0] in BOOK_PACKAGES:
            del sys.modules[name]


def load_implementation(name, root, layers_module=None):
    """Import the networks, optimizers and helpers of the book-layout package at root.

    Returns a namespace holding the classes and modules; they keep working after their
    modules are removed from ``sys.modules`` (each module holds what it imported). On return
    ``sys.path`` is as it was and no ``common``/``ch05``/``ch07`` module is left in
    ``sys.modules``, so that another package with the same names can be loaded next.

    layers_module: a module that replaces ``common/layers.py``, ``common/util.py`` and
    ``common/optimizer.py`` of the package (the rest, e.g. the networks, comes from root).
    """
    root = Path(root).resolve()
    purge_book_packages()
    sys.path.insert(0, str(root))
    try:
        importlib.import_module("common")
        if layers_module is not None:
            for replaced in ("common.layers", "common.util", "common.optimizer"):
                sys.modules[replaced] = layers_module
        modules = {
            key: importlib.import_module(module)
            for key, module in (
                ("layers", "common.layers"),
                ("util", "common.util"),
                ("optimizer", "common.optimizer"),
                ("gradient", "common.gradient"),
                ("two_layer_net", "ch05.two_layer_net"),
                ("simple_convnet", "ch07.simple_convnet"),
            )
        }
    finally:
        sys.path.remove(str(root))
        purge_book_packages()
    for key, module in modules.items():
        if module is layers_module:
            continue
        origin = Path(module.__file__).resolve()
        if root not in origin.parents:
            raise ImportError(f"{name}: {key} was imported from {origin}, not from {root}")
    return SimpleNamespace(
        name=name,
        TwoLayerNet=modules["two_layer_net"].TwoLayerNet,
        SimpleConvNet=modules["simple_convnet"].SimpleConvNet,
        SGD=modules["optimizer"].SGD,
        Adam=modules["optimizer"].Adam,
        **modules,
    )


def load_numpy_implementations():
    """The two numpy implementations, keyed by their names in the tables."""
    return {
        "reference": load_implementation("reference", REFERENCE_ROOT),
        "book-style": load_implementation("book-style", BOOKSTYLE_ROOT),
    }


def load_torch():
    """torch, or None when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def cumulative_variants(reference, bookstyle):
    """The reference's networks on the book-style util, layers and optimizers (CHANGES_BASE),
    then with the reference's classes swapped in one change at a time (each variant keeps the
    previous ones), to measure what each change brings on its own."""
    variants = {}
    swapped = []
    for label, names in ((CHANGES_BASE, ()), *REFERENCE_CHANGES):
        swapped += names
        module = ModuleType("bookstyle_with_" + "_".join(swapped))
        for source in (bookstyle.util, bookstyle.layers, bookstyle.optimizer):
            module.__dict__.update({k: v for k, v in vars(source).items() if not k.startswith("__")})
        for name in swapped:
            source = reference.layers if hasattr(reference.layers, name) else reference.optimizer
            setattr(module, name, getattr(source, name))
        variants[label] = load_implementation(label, REFERENCE_ROOT, module)
    return variants



# ----------------------------------------------------------------------------- data


def load_data(kind, count=2000):
    """(x, t, description): count MNIST-shaped images x (float32, (count, 1, 28, 28)) and labels t."""
    if kind == "mnist":
        try:
            if str(ROOT) not in sys.path:
                sys.path.insert(0, str(ROOT))
            from dataset.mnist import load_mnist

            (x, t), _ = load_mnist(normalize=True, flatten=False)
            return x[:count], t[:count], f"MNIST, the first {count} training images"
        except Exception as err:  # any failure (no files, no network): fall back to random data
            print(f"note: MNIST could not be loaded ({type(err).__name__}: {err}); using random data")
    rng = np.random.default_rng(0)
    x = rng.random((count, 1, 28, 28), dtype=np.float32)
    t = rng.integers(0, 10, count).astype(np.uint8)
    return x, t, f"random MNIST-shaped data, {count} images"


def make_batches(x, t, flat=False, one_hot=False):
    """Consecutive mini-batches of BATCH_SIZE; images flattened to 784 and labels one-hot on request."""
    batches = []
    for start in range(0, x.shape[0] - BATCH_SIZE + 1, BATCH_SIZE):
        xb = x[start : start + BATCH_SIZE]
        tb = t[start : start + BATCH_SIZE]
        if flat:
            xb = xb.reshape(BATCH_SIZE, -1)
        if one_hot:
            tb = np.eye(10, dtype=np.float32)[tb]
        batches.append((xb, tb))
    return batches


# ----------------------------------------------------------------------------- steps


def numpy_step(net, optimizer, batches):
    """One training step per call, on the next batch: the book's train loop body."""
    batch_iter = itertools.cycle(batches)

    def step():
        x, t = next(batch_iter)
        grads = net.gradient(x, t)
        optimizer.update(net.params, grads)

    return step


def make_convnet(impl):
    np.random.seed(0)
    return impl.SimpleConvNet(input_dim=(1, 28, 28),
                              conv_param={"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1},
                              hidden_size=100, output_size=10, weight_init_std=0.01)


def make_twolayer(impl, sizes=(784, 50, 10)):
    np.random.seed(0)
    return impl.TwoLayerNet(*sizes)


def torch_step(torch, model, optimizer, batches):
    """One PyTorch training step per call, on the next batch (labels as int64 class indices)."""
    torch_batches = []
    for xb, tb in batches:
        labels = tb.argmax(axis=1) if tb.ndim == 2 else tb.astype(np.int64)
        torch_batches.append((torch.from_numpy(np.ascontiguousarray(xb)), torch.from_numpy(labels)))
    batch_iter = itertools.cycle(torch_batches)
    loss_fn = torch.nn.functional.cross_entropy

    def step():
        x, t = next(batch_iter)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), t)
        loss.backward()
        optimizer.step()

    return step


def torch_convnet(torch, params):
    """SimpleConvNet in torch.nn, float32, starting from the numpy network's weights."""
    nn = torch.nn
    model = nn.Sequential(nn.Conv2d(1, 30, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
                          nn.Linear(4320, 100), nn.ReLU(), nn.Linear(100, 10))
    with torch.no_grad():
        for layer, w, b in ((model[0], "W1", "b1"), (model[4], "W2", "b2"), (model[6], "W3", "b3")):
            weight = params[w] if layer is model[0] else params[w].T
            layer.weight.copy_(torch.from_numpy(np.ascontiguousarray(weight, dtype=np.float32)))
            layer.bias.copy_(torch.from_numpy(params[b].astype(np.float32)))
    return model, torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-7)


def torch_twolayer(torch, params):
    """TwoLayerNet 784-50-10 in torch.nn, float32, starting from the numpy network's weights."""
    nn = torch.nn
    model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10))
    with torch.no_grad():
        for layer, w, b in ((model[0], "W1", "b1"), (model[2], "W2", "b2")):
            layer.weight.copy_(torch.from_numpy(np.ascontiguousarray(params[w].T, dtype=np.float32)))
            layer.bias.copy_(torch.from_numpy(params[b].astype(np.float32)))
    return model, torch.optim.SGD(model.parameters(), lr=0.1)


# ----------------------------------------------------------------------------- timing


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
# The clock that times the steps and the idle time before each timed block (set from the options).
TIMING = SimpleNamespace(clock=time.perf_counter, pause=0.2)


def settle():
    """Collect garbage, then idle a moment before a timed block: the worker threads of the
    library used just before (OpenBLAS's spin for up to about 0.1 s after a call) go to sleep
    instead of competing with the next implementation for the cores."""
    gc.collect()
    if TIMING.pause:
        time.sleep(TIMING.pause)


def interleaved_rounds(runners, rounds, calls, warmup):
    """Seconds per call of each runner, one entry per round; the order rotates every round."""
    for run in runners.values():
        for _ in range(warmup):
            run()
    names = list(runners)
    times = {name: [] for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            run = runners[name]
            settle()
            gc.disable()
            try:
                start = TIMING.clock()
                for _ in range(calls):
                    run()
                elapsed = TIMING.clock() - start
            finally:
                gc.enable()
            times[name].append(elapsed / calls)
    return times


def summarize(times, ratio_specs):
    """Min and median per runner (ms) and the median of the paired ratios."""
    result = {"implementations": {}, "ratios": {}}
    for name, values in times.items():
        result["implementations"][name] = {
            "min_ms": 1e3 * min(values),
            "median_ms": 1e3 * statistics.median(values),
            "rounds_ms": [1e3 * v for v in values],
        }
    for num, den, goal in ratio_specs:
        if num in times and den in times:
            paired = [a / b for a, b in zip(times[num], times[den])]
            result["ratios"][f"{num}/{den}"] = {"median": statistics.median(paired), "goal": goal}
    return result


def print_step_table(title, summary, unit="ms"):
    print(f"\n{title}")
    print(f"  {'implementation':<14} {'min ' + unit:>11} {'median ' + unit:>11}")
    for name, stats in summary["implementations"].items():
        scale = 1e-3 if unit == "s" else 1.0
        print(f"  {name:<14} {stats['min_ms'] * scale:11.3f} {stats['median_ms'] * scale:11.3f}")
    if summary["ratios"]:
        print(f"  {'paired ratio (median over rounds)':<34} {'ratio':>7}  goal")
        for label, ratio in summary["ratios"].items():
            goal = ratio["goal"]
            verdict = "" if goal is None else f"<= {goal:g}: {'met' if ratio['median'] <= goal else 'NOT met'}"
            print(f"  {label:<34} {ratio['median']:7.3f}  {verdict}")


# ----------------------------------------------------------------------------- breakdown


def instrumented_convnet_step(net, optimizer, x, t, record):
    """One SimpleConvNet training step with each layer's forward and backward timed.

    Does what net.gradient(x, t) and optimizer.update do, adding seconds to record[label].
    """
    clock = TIMING.clock
    for name, layer in net.layers.items():
        start = clock()
        x = layer.forward(x)
        record[f"{name} forward"] += clock() - start
    last = net.last_layer
    start = clock()
    last.forward(x, t)
    record["SoftmaxWithLoss forward"] += clock() - start
    start = clock()
    dout = last.backward(1)
    record["SoftmaxWithLoss backward"] += clock() - start
    for name, layer in reversed(net.layers.items()):
        start = clock()
        dout = layer.backward(dout)
        record[f"{name} backward"] += clock() - start
    grads = {}
    for idx, name in CONVNET_PARAM_LAYERS.items():
        grads[f"W{idx}"] = net.layers[name].dW
        grads[f"b{idx}"] = net.layers[name].db
    start = clock()
    optimizer.update(net.params, grads)
    record["Adam update"] += clock() - start


def convnet_breakdown(impls, batches, rounds, calls, warmup):
    """Median over rounds of the milliseconds per step spent in each layer, per implementation."""
    setups = {}
    for name, impl in impls.items():
        net = make_convnet(impl)
        setups[name] = (net, impl.Adam(lr=0.001))
    batch_iter = itertools.cycle(batches)
    for net, optimizer in setups.values():
        for _ in range(warmup):
            x, t = next(batch_iter)
            instrumented_convnet_step(net, optimizer, x, t, _Record())
    per_round = {name: [] for name in setups}
    names = list(setups)
    for r in range(rounds):
        shift = r % len(names)
        round_batches = [next(batch_iter) for _ in range(calls)]
        for name in names[shift:] + names[:shift]:
            net, optimizer = setups[name]
            record = _Record()
            settle()
            gc.disable()
            try:
                for x, t in round_batches:
                    instrumented_convnet_step(net, optimizer, x, t, record)
            finally:
                gc.enable()
            per_round[name].append({label: seconds / calls for label, seconds in record.items()})
    result = {}
    for name, records in per_round.items():
        labels = records[0].keys()
        result[name] = {label: 1e3 * statistics.median(rec[label] for rec in records) for label in labels}
    return result


class _Record(dict):
    def __missing__(self, key):
        return 0.0


def breakdown_rows(layer_names):
    """(row label, forward label, backward label) in the network's order."""
    rows = [(name, f"{name} forward", f"{name} backward") for name in layer_names]
    rows.append(("SoftmaxWithLoss", "SoftmaxWithLoss forward", "SoftmaxWithLoss backward"))
    rows.append(("Adam update", "Adam update", None))
    return rows


def layer_kind(row):
    for prefix, kind in LAYER_KINDS.items():
        if row.startswith(prefix):
            return kind
    return "loss" if row == "SoftmaxWithLoss" else "optimizer"


def print_breakdown(breakdown, layer_names):
    names = list(breakdown)
    rows = breakdown_rows(layer_names)
    totals = {name: sum(breakdown[name].values()) for name in names}
    print("\n(c) Where a SimpleConvNet step spends its time (ms per step, median over rounds; share of the step)")
    header = "  " + f"{'layer':<16}" + "".join(f"{name:>26}" for name in names)
    print(header)
    print("  " + " " * 16 + "".join(f"{'forward':>9}{'backward':>9}{'share':>8}" for _ in names))
    for row, fwd, bwd in rows:
        line = f"  {row:<16}"
        for name in names:
            f_ms = breakdown[name].get(fwd, 0.0)
            b_ms = breakdown[name].get(bwd, 0.0) if bwd else 0.0
            b_text = f"{b_ms:9.2f}" if bwd else f"{'':>9}"
            line += f"{f_ms:9.2f}{b_text}{100 * (f_ms + b_ms) / totals[name]:7.1f}%"
        print(line)
    print(f"  {'total':<16}" + "".join(f"{totals[name]:18.2f}{'':>8}" for name in names))
    kinds = {}
    for row, fwd, bwd in rows:
        for name in names:
            ms = breakdown[name].get(fwd, 0.0) + (breakdown[name].get(bwd, 0.0) if bwd else 0.0)
            kinds.setdefault(layer_kind(row), {}).setdefault(name, 0.0)
            kinds[layer_kind(row)][name] += ms
    print("  by kind (ms per step, share):")
    for kind, by_name in kinds.items():
        print(f"    {kind:<14}" + "".join(
            f"{by_name[name]:18.2f}{100 * by_name[name] / totals[name]:7.1f}%" for name in names))
    return kinds


# ----------------------------------------------------------------------------- main


def machine_info(torch):
    info = bench_results.machine_info()
    info["torch"] = getattr(torch, "__version__", None)
    info["torch_threads"] = torch.get_num_threads() if torch else None
    return info


def compare(old_path, results):
    """Print old and new medians side by side for every benchmark found in both runs."""
    old = json.loads(Path(old_path).read_text())
    print(f"\nComparison with {old_path} (median ms per step; new/old)")
    for key, new_bench in results["benchmarks"].items():
        old_bench = old.get("benchmarks", {}).get(key)
        if not old_bench or "implementations" not in new_bench:
            continue
        print(f"  {key}")
        for name, stats in new_bench["implementations"].items():
            before = old_bench["implementations"].get(name)
            if before:
                change = stats["median_ms"] / before["median_ms"]
                print(f"    {name:<14} {before['median_ms']:11.3f} -> {stats['median_ms']:11.3f}  {change:6.2f}x")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=None, help="rounds per benchmark (default 10, 3 with --quick)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds and steps: a rough picture in seconds")
    parser.add_argument("--json", type=Path, default=None, help="where to write the results (default build/bench/)")
    parser.add_argument("--compare", type=Path, default=None, help="an earlier JSON result to compare with")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for BLAS and torch (default: the libraries' own choice)")
    parser.add_argument("--clock", choices=tuple(CLOCKS), default="wall",
                        help="wall time (default) or the process's CPU time, which a busy machine disturbs "
                             "less (with --threads 1; it adds up the time of all threads)")
    parser.add_argument("--pause", type=float, default=0.2,
                        help="seconds of idling before each timed block (default 0.2), so that the previous "
                             "library's worker threads are asleep")
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out even when it is installed")
    parser.add_argument("--data", choices=("mnist", "random"), default="mnist")
    parser.add_argument("--only", action="append", choices=BENCHMARKS,
                        help="run only these benchmarks (repeatable)")
    return parser.parse_args(argv)


def restart_with_threads(threads):
    """BLAS reads its thread count when numpy is imported: restart with it in the environment."""
    marker = "DLFS_BENCH_THREADS"
    if os.environ.get(marker) == str(threads):
        return
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads), **{marker: str(threads)})
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


def print_header(args, info, torch, rounds, data_note):
    print(f"numpy {info['numpy']}, python {info['python']}, {info['cpu_count']} CPUs, {info['platform']}")
    if torch is None:
        print("PyTorch: " + ("left out (--no-torch)" if args.no_torch else "not installed, column skipped"))
    else:
        print(f"PyTorch {torch.__version__} (CPU, float32, {torch.get_num_threads()} threads)")
    threads = args.threads or "the libraries' default"
    print(f"BLAS threads: {threads}; clock: {args.clock} time; data: {data_note}; {rounds} rounds")
    if args.clock == "cpu" and args.threads != 1:
        print("note: the CPU time adds up all threads (idle spinning included); use it with --threads 1")
    if "load_average_start" in info:
        load = info["load_average_start"][0]
        print(f"load average {load:.2f}", end="")
        if load > 0.5 * (os.cpu_count() or 1):
            print(" (the machine is busy: expect noise, above all with several threads; the paired"
                  " ratios suffer least, and --threads 1 --clock cpu is steadier)", end="")
        print()


def bench_convnet(impls, torch, batches, rounds, calls, warmup):
    """(a): one SimpleConvNet training step with Adam."""
    runners = {}
    for name, impl in impls.items():
        runners[name] = numpy_step(make_convnet(impl), impl.Adam(lr=0.001), batches)
    if torch is not None:
        torch.manual_seed(0)
        model, optimizer = torch_convnet(torch, make_convnet(impls["reference"]).params)
        runners[TORCH_NAME] = torch_step(torch, model, optimizer, batches)
    summary = summarize(interleaved_rounds(runners, rounds, calls, warmup), CONVNET_RATIOS)
    print_step_table(f"(a) SimpleConvNet training step, batch {BATCH_SIZE}, Adam "
                     f"(ms per step; {rounds} rounds x {calls} steps)", summary)
    return summary


def bench_twolayer(impls, torch, batches, rounds, calls, warmup):
    """(b): one TwoLayerNet 784-50-10 training step with SGD."""
    runners = {}
    for name, impl in impls.items():
        runners[name] = numpy_step(make_twolayer(impl), impl.SGD(lr=0.1), batches)
    if torch is not None:
        torch.manual_seed(0)
        model, optimizer = torch_twolayer(torch, make_twolayer(impls["reference"]).params)
        runners[TORCH_NAME] = torch_step(torch, model, optimizer, batches)
    summary = summarize(interleaved_rounds(runners, rounds, calls, warmup), TWOLAYER_RATIOS)
    print_step_table(f"(b) TwoLayerNet 784-50-10 training step, batch {BATCH_SIZE}, SGD "
                     f"(ms per step; {rounds} rounds x {calls} steps)", summary)
    return summary


def bench_breakdown(impls, batches, rounds, calls, warmup):
    """(c): the time of each layer of a SimpleConvNet step."""
    breakdown = convnet_breakdown(impls, batches, rounds, calls, warmup)
    kinds = print_breakdown(breakdown, list(make_convnet(impls["reference"]).layers))
    return {"layers_ms": breakdown, "kinds_ms": kinds}


def bench_numerical_gradient(impls, images, sizes, rounds, calls):
    """(d): TwoLayerNet.numerical_gradient on 3 samples (MNIST images for a 784 input)."""
    rng = np.random.default_rng(0)
    x = images[:3].reshape(3, -1) if sizes[0] == 784 else rng.random((3, sizes[0]))
    t = np.eye(sizes[2])[rng.integers(0, sizes[2], 3)]
    runners = {}
    for name, impl in impls.items():
        net = make_twolayer(impl, sizes)
        runners[name] = functools.partial(net.numerical_gradient, x, t)
    summary = summarize(interleaved_rounds(runners, rounds, calls, warmup=0), NUMGRAD_RATIOS)
    label = "-".join(map(str, sizes))
    print_step_table(f"(d) numerical gradient of TwoLayerNet {label}, 3 samples "
                     f"(s per gradient; {rounds} rounds x {calls} calls)", summary, unit="s")
    return summary


def bench_changes(reference, bookstyle, image_batches, flat_batches, rounds, conv_calls, two_calls, warmup):
    """(e): both training steps on the book-style layers with the reference's classes added one by one."""
    variants = cumulative_variants(reference, bookstyle)
    conv_runners, two_runners = {}, {}
    for name, impl in variants.items():
        conv_runners[name] = numpy_step(make_convnet(impl), impl.Adam(lr=0.001), image_batches)
        two_runners[name] = numpy_step(make_twolayer(impl), impl.SGD(lr=0.1), flat_batches)
    result = {}
    for key, runners, calls, warm in (("convnet_step", conv_runners, conv_calls, warmup),
                                      ("twolayer_step", two_runners, two_calls, 10 * warmup)):
        times = interleaved_rounds(runners, rounds, calls, warm)
        specs = [(name, CHANGES_BASE, None) for name in variants if name != CHANGES_BASE]
        result[key] = summarize(times, specs)
    print(f"\n(e) The reference's networks on the book-style layers, with the reference's classes swapped "
          f"in one at a time, cumulatively\n    (ms per step, median over {rounds} rounds; ratio: paired, "
          f"to the {CHANGES_BASE})")
    print(f"  {'variant':<20}{'SimpleConvNet':>14}{'ratio':>8}{'TwoLayerNet':>14}{'ratio':>8}")
    for name in variants:
        line = f"  {name:<20}"
        for key in ("convnet_step", "twolayer_step"):
            median = result[key]["implementations"][name]["median_ms"]
            ratio = result[key]["ratios"].get(f"{name}/{CHANGES_BASE}", {"median": 1.0})["median"]
            line += f"{median:14.3f}{ratio:8.3f}"
        print(line)
    swapped = ", ".join(name for _, names in REFERENCE_CHANGES for name in names)
    print(f"  (the last row runs {swapped} from the reference; SoftmaxWithLoss and SGD stay book-style)")
    return result


def main(argv=None):
    args = parse_args(argv)
    if args.threads:
        restart_with_threads(args.threads)
    TIMING.clock = CLOCKS[args.clock]
    TIMING.pause = args.pause
    rounds = args.rounds or (3 if args.quick else 10)
    only = set(args.only or BENCHMARKS)
    conv_calls, two_calls, warmup = (1, 20, 1) if args.quick else (3, 50, 2)
    grad_rounds = 1 if args.quick else min(rounds, 3)

    torch = None if args.no_torch else load_torch()
    if torch is not None and args.threads:
        torch.set_num_threads(args.threads)
    impls = load_numpy_implementations()
    x, t, data_note = load_data(args.data)
    info = machine_info(torch)
    print_header(args, info, torch, rounds, data_note)

    results = {
        "created": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": info,
        "options": {"rounds": rounds, "quick": args.quick, "data": data_note, "threads": args.threads,
                    "clock": args.clock, "pause_s": args.pause, "convnet_steps_per_round": conv_calls,
                    "twolayer_steps_per_round": two_calls, "numerical_gradient_rounds": grad_rounds},
        "benchmarks": {},
    }
    benchmarks = results["benchmarks"]
    image_batches = make_batches(x, t)
    if "convnet" in only:
        benchmarks["convnet_step"] = bench_convnet(impls, torch, image_batches, rounds, conv_calls, warmup)
    if "twolayer" in only:
        flat_batches = make_batches(x, t, flat=True, one_hot=True)
        benchmarks["twolayer_step"] = bench_twolayer(impls, torch, flat_batches, rounds, two_calls, 10 * warmup)
    if "breakdown" in only:
        benchmarks["convnet_breakdown"] = bench_breakdown(impls, image_batches, rounds, conv_calls, warmup)
    if "numgrad" in only:
        for sizes, calls in (((784, 50, 10), 1), ((20, 10, 5), 10)):
            key = "numerical_gradient_" + "-".join(map(str, sizes))
            benchmarks[key] = bench_numerical_gradient(impls, x, sizes, grad_rounds, calls)
    if "changes" in only:
        flat_batches = make_batches(x, t, flat=True, one_hot=True)
        benchmarks["reference_changes"] = bench_changes(impls["reference"], impls["book-style"], image_batches,
                                                        flat_batches, rounds, conv_calls, two_calls, warmup)

    bench_results.write_json(results, "speed", args.json)
    if args.compare:
        compare(args.compare, results)


if __name__ == "__main__":
    main()
