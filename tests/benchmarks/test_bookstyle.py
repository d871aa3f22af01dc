"""The benchmarks' book-style implementation computes what the reference computes.

Both the reference (solutions/) and the book-style package name their modules ``common.*``,
``ch05.*`` and ``ch07.*``, so the comparison runs in a child process that loads one package
after the other with bench_speed's loader (which empties ``sys.modules`` of those names in
between); the tests here only read its report. Small inputs: the whole file takes about a second.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
COMPARED = ("book-style",)

# Pooling and convolution cases: (x shape, filter or pool h, w, stride, pad).
WINDOW_CASES = [
    ((2, 3, 8, 8), 2, 2, 2, 0),
    ((2, 2, 7, 9), 3, 3, 2, 1),
    ((3, 1, 6, 5), 2, 2, 1, 0),
    ((1, 2, 9, 7), 3, 2, 3, 0),
    ((2, 1, 5, 5), 5, 5, 1, 2),
    ((1, 2, 6, 6), 2, 2, 2, 1),  # padded windows that tile the image
]


# ----------------------------------------------------------------------------- child process


def close(a, b, rtol=1e-9, atol=1e-12):
    """(ok, largest absolute difference) for arrays or floats that should agree up to rounding."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return False, f"shape {a.shape} != {b.shape}"
    return bool(np.allclose(a, b, rtol=rtol, atol=atol)), float(np.max(np.abs(a - b), initial=0.0))


def tied_images(rng, shape):
    """Images with many equal values (zeros and small integers): pooling windows with ties."""
    return np.maximum(rng.integers(-3, 3, size=shape), 0).astype(np.float64)


def layer_checks(ref, impl, rng):
    """Yield (name, (ok, detail)) comparing impl's layers and helpers with ref's."""
    for shape, fh, fw, stride, pad in WINDOW_CASES:
        label = f"{shape} {fh}x{fw} stride {stride} pad {pad}"
        x = rng.normal(size=shape)
        col = ref.util.im2col(x, fh, fw, stride, pad)
        yield f"im2col {label}", close(impl.util.im2col(x, fh, fw, stride, pad), col)
        dcol = rng.normal(size=col.shape)
        yield f"col2im {label}", close(impl.util.col2im(dcol, shape, fh, fw, stride, pad),
                                       ref.util.col2im(dcol, shape, fh, fw, stride, pad))

        W = rng.normal(size=(4, shape[1], fh, fw))
        b = rng.normal(size=4)
        for dtype in (np.float64, np.float32):
            xd = x.astype(dtype)
            conv_ref = ref.layers.Convolution(W, b, stride, pad)
            conv = impl.layers.Convolution(W, b, stride, pad)
            out = conv_ref.forward(xd)
            yield f"Convolution.forward {label} {dtype.__name__}", close(conv.forward(xd), out)
            dout = rng.normal(size=out.shape)
            yield f"Convolution.backward dx {label} {dtype.__name__}", close(conv.backward(dout.copy()),
                                                                               conv_ref.backward(dout.copy()))
            yield f"Convolution.dW {label} {dtype.__name__}", close(conv.dW, conv_ref.dW)
            yield f"Convolution.db {label} {dtype.__name__}", close(conv.db, conv_ref.db)

        for kind, xp in (("distinct", rng.permutation(x.size).reshape(shape) * 0.1), ("ties", tied_images(rng, shape))):
            pool_ref = ref.layers.Pooling(fh, fw, stride, pad)
            pool = impl.layers.Pooling(fh, fw, stride, pad)
            out = pool_ref.forward(xp)
            yield f"Pooling.forward {label} {kind}", close(pool.forward(xp), out)
            dout = rng.normal(size=out.shape)
            yield f"Pooling.backward {label} {kind}", close(pool.backward(dout.copy()), pool_ref.backward(dout.copy()))

    x = rng.normal(size=(4, 2, 3, 3))
    relu_ref, relu = ref.layers.Relu(), impl.layers.Relu()
    yield "Relu.forward", close(relu.forward(x), relu_ref.forward(x))
    dout = rng.normal(size=x.shape)
    yield "Relu.backward", close(relu.backward(dout.copy()), relu_ref.backward(dout.copy()))
    yield "Relu.mask", close(relu.mask, relu_ref.mask)

    W = rng.normal(size=(18, 5))
    b = rng.normal(size=5)
    affine_ref, affine = ref.layers.Affine(W, b), impl.layers.Affine(W, b)
    yield "Affine.forward (4-D input)", close(affine.forward(x), affine_ref.forward(x))
    dout = rng.normal(size=(4, 5))
    yield "Affine.backward", close(affine.backward(dout), affine_ref.backward(dout))
    yield "Affine.dW", close(affine.dW, affine_ref.dW)
    yield "Affine.db", close(affine.db, affine_ref.db)

    scores = rng.normal(size=(6, 4))
    labels = rng.integers(0, 4, size=6)
    for kind, t in (("labels", labels), ("one-hot", np.eye(4)[labels])):
        loss_ref, loss = ref.layers.SoftmaxWithLoss(), impl.layers.SoftmaxWithLoss()
        yield f"SoftmaxWithLoss.forward {kind}", close(loss.forward(scores, t), loss_ref.forward(scores, t))
        yield f"SoftmaxWithLoss.backward {kind}", close(loss.backward(1), loss_ref.backward(1))

    for name, kwargs in (("SGD", {"lr": 0.1}), ("Adam", {"lr": 0.01})):
        params_ref = {"W": rng.normal(size=(3, 4)), "b": rng.normal(size=4)}
        params = {key: value.copy() for key, value in params_ref.items()}
        opt_ref, opt = getattr(ref, name)(**kwargs), getattr(impl, name)(**kwargs)
        for _ in range(3):
            grads = {key: rng.normal(size=value.shape) for key, value in params.items()}
            opt_ref.update(params_ref, grads)
            opt.update(params, grads)
        yield f"{name}.update (3 steps)", close(params["W"], params_ref["W"])


def network_checks(ref, impl, rng):
    """Yield (name, (ok, detail)) comparing the networks built with the same seed."""
    x = rng.normal(size=(4, 20))
    t = np.eye(5)[rng.integers(0, 5, size=4)]
    nets = []
    for lib in (ref, impl):
        np.random.seed(7)
        nets.append(lib.TwoLayerNet(20, 10, 5, weight_init_std=0.5))
    net_ref, net = nets
    yield "TwoLayerNet.loss", close(net.loss(x, t), net_ref.loss(x, t))
    g_ref, g = net_ref.gradient(x, t), net.gradient(x, t)
    for key in g_ref:
        yield f"TwoLayerNet.gradient {key}", close(g[key], g_ref[key])
    n_ref, n = net_ref.numerical_gradient(x[:2], t[:2]), net.numerical_gradient(x[:2], t[:2])
    yield "TwoLayerNet.numerical_gradient W2", close(n["W2"], n_ref["W2"], rtol=1e-6, atol=1e-9)

    # A wide blank border makes whole pooling windows tie (the conv output is the bias there),
    # as MNIST's background does.
    images = np.zeros((3, 1, 12, 12))
    images[:, :, 4:8, 4:8] = rng.random((3, 1, 4, 4))
    labels = rng.integers(0, 4, size=3)
    conv_param = {"filter_num": 3, "filter_size": 3, "pad": 0, "stride": 1}
    nets = []
    for lib in (ref, impl):
        np.random.seed(11)
        nets.append(lib.SimpleConvNet(input_dim=(1, 12, 12), conv_param=conv_param, hidden_size=8,
                                      output_size=4, weight_init_std=0.3))
    for net in nets:
        net.params["b1"][:] = [0.2, -0.1, 0.05]  # positive biases keep tied windows alive
    net_ref, net = nets
    yield "SimpleConvNet.loss", close(net.loss(images, labels), net_ref.loss(images, labels))
    g_ref, g = net_ref.gradient(images, labels), net.gradient(images, labels)
    for key in g_ref:
        yield f"SimpleConvNet.gradient {key}", close(g[key], g_ref[key])
    opt_ref, opt = ref.Adam(lr=0.01), impl.Adam(lr=0.01)
    for _ in range(3):
        opt_ref.update(net_ref.params, net_ref.gradient(images, labels))
        opt.update(net.params, net.gradient(images, labels))
    for key in net_ref.params:
        yield f"SimpleConvNet after 3 Adam steps {key}", close(net.params[key], net_ref.params[key])


def child_main():
    sys.path.insert(0, str(HERE))
    import bench_speed

    path_before = list(sys.path)
    impls = bench_speed.load_numpy_implementations()
    leftovers = sorted(m for m in sys.modules if m.split(".")[0] in bench_speed.BOOK_PACKAGES)
    report = [{"impl": "loader", "check": "no common/ch05/ch07 module left in sys.modules",
               "ok": not leftovers, "detail": str(leftovers)},
              {"impl": "loader", "check": "sys.path restored", "ok": sys.path == path_before, "detail": ""}]
    ref = impls["reference"]
    for name in COMPARED:
        rng = np.random.default_rng(2024)
        for checks in (layer_checks, network_checks):
            for check, (ok, detail) in checks(ref, impls[name], rng):
                report.append({"impl": name, "check": check, "ok": ok, "detail": detail})
    print(json.dumps(report))


# ----------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def report():
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_loader_leaves_no_trace(report):
    failed = [r for r in report if r["impl"] == "loader" and not r["ok"]]
    assert not failed, failed


@pytest.mark.parametrize("impl", COMPARED)
def test_matches_reference(report, impl):
    rows = [r for r in report if r["impl"] == impl]
    assert len(rows) > 50, f"only {len(rows)} comparisons ran for {impl}"
    failed = [f"{r['check']}: {r['detail']}" for r in rows if not r["ok"]]
    assert not failed, f"{impl} differs from the reference:\n" + "\n".join(failed)


if __name__ == "__main__" and sys.argv[1:] == ["--child"]:
    child_main()
