"""Convolution by np.einsum over strided windows (no im2col), max pooling over sliding windows padded with -inf
and a backward pass by np.add.at at the argmax positions."""
from tests.grader.mutants import book_style_body

CHAPTERS = ["ch07"]
BOOK_STYLE = ["Convolution", "Pooling"]
PATCHES = [("common/layers.py",
            "from common.util import col2im, conv_output_size, im2col  # noqa: F401 (col2im, im2col: the book's way)\n",
            "from common.util import col2im, im2col\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
            """def _windows(x, fh, fw, stride, pad, fill=0.0):
    \"\"\"(N, C, out_h, out_w, fh, fw) view of every window of x padded with ``fill``.\"\"\"
    padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], constant_values=fill)
    out_h = (padded.shape[2] - fh) // stride + 1
    out_w = (padded.shape[3] - fw) // stride + 1
    view = sliding_window_view(padded, (fh, fw), axis=(2, 3))
    return view[:, :, ::stride, ::stride][:, :, :out_h, :out_w]
"""),
           ("common/layers.py",
            book_style_body("Convolution", "forward"),
            """        self.x = x
        self.col = _windows(x, self.W.shape[2], self.W.shape[3], self.stride, self.pad)
        out = np.einsum("ncijpq,fcpq->nfij", self.col, self.W, optimize=True)
        return out + self.b[None, :, None, None]"""),
           ("common/layers.py",
            book_style_body("Convolution", "backward"),
            """        _, c, fh, fw = self.W.shape
        n, _, h, w = self.x.shape
        s, p = self.stride, self.pad
        out_h, out_w = dout.shape[2], dout.shape[3]
        self.db = dout.sum(axis=(0, 2, 3))
        self.dW = np.einsum("ncijpq,nfij->fcpq", self.col, dout, optimize=True)
        dpadded = np.zeros((n, c, h + 2 * p, w + 2 * p), dtype=np.result_type(dout, self.W))
        for a in range(fh):
            for b in range(fw):
                contribution = np.einsum("nfij,fc->ncij", dout, self.W[:, :, a, b], optimize=True)
                dpadded[:, :, a:a + s * (out_h - 1) + 1:s, b:b + s * (out_w - 1) + 1:s] += contribution
        return dpadded[:, :, p:p + h, p:p + w]"""),
           ("common/layers.py",
            book_style_body("Pooling", "forward"),
            """        self.x = x
        view = _windows(x, self.pool_h, self.pool_w, self.stride, self.pad, fill=-np.inf)
        flat = view.reshape(*view.shape[:4], -1)
        self.arg_max = flat.argmax(axis=-1)
        return np.take_along_axis(flat, self.arg_max[..., None], axis=-1)[..., 0]"""),
           ("common/layers.py",
            book_style_body("Pooling", "backward"),
            """        n, c, h, w = self.x.shape
        s, p = self.stride, self.pad
        out_h, out_w = dout.shape[2], dout.shape[3]
        dy, dx = np.divmod(self.arg_max, self.pool_w)
        rows = np.arange(out_h)[:, None] * s + dy
        cols = np.arange(out_w)[None, :] * s + dx
        images = np.arange(n)[:, None, None, None]
        channels = np.arange(c)[None, :, None, None]
        dpadded = np.zeros((n, c, h + 2 * p, w + 2 * p), dtype=dout.dtype)
        np.add.at(dpadded, (images, channels, rows, cols), dout)
        return dpadded[:, :, p:p + h, p:p + w]""")]
