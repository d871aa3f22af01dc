"""Convolution by np.einsum over strided windows (no im2col), max pooling over sliding windows padded with -inf
and a backward pass by np.add.at at the argmax positions."""
CHAPTERS = ["ch07"]
PATCHES = [("common/layers.py",
            "from common.util import col2im, im2col\n",
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
            """        fn, _, fh, fw = self.W.shape
        n, _, h, w = x.shape
        out_h = (h + 2 * self.pad - fh) // self.stride + 1
        out_w = (w + 2 * self.pad - fw) // self.stride + 1
        self.x = x
        self.col = im2col(x, fh, fw, self.stride, self.pad)
        self.col_W = self.W.reshape(fn, -1).T
        out = self.col @ self.col_W + self.b
        return out.reshape(n, out_h, out_w, fn).transpose(0, 3, 1, 2)""",
            """        self.x = x
        self.col = _windows(x, self.W.shape[2], self.W.shape[3], self.stride, self.pad)
        out = np.einsum("ncijpq,fcpq->nfij", self.col, self.W, optimize=True)
        return out + self.b[None, :, None, None]"""),
           ("common/layers.py",
            """        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = dout.sum(axis=0)
        self.dW = (self.col.T @ dout).T.reshape(fn, c, fh, fw)
        dcol = dout @ self.col_W.T
        return col2im(dcol, self.x.shape, fh, fw, self.stride, self.pad)""",
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
            """        n, c, h, w = x.shape
        out_h = (h + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (w + 2 * self.pad - self.pool_w) // self.stride + 1
        # One row per (image, output position, channel), one column per window element.
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)
        self.x = x
        self.arg_max = np.argmax(col, axis=1)
        out = col[np.arange(col.shape[0]), self.arg_max]
        return out.reshape(n, out_h, out_w, c).transpose(0, 3, 1, 2)""",
            """        self.x = x
        view = _windows(x, self.pool_h, self.pool_w, self.stride, self.pad, fill=-np.inf)
        flat = view.reshape(*view.shape[:4], -1)
        self.arg_max = flat.argmax(axis=-1)
        return np.take_along_axis(flat, self.arg_max[..., None], axis=-1)[..., 0]"""),
           ("common/layers.py",
            """        pool_size = self.pool_h * self.pool_w
        dout = dout.transpose(0, 2, 3, 1).reshape(-1)
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(dout.size), self.arg_max] = dout
        n, c = self.x.shape[:2]
        dcol = dmax.reshape(-1, c * pool_size)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)""",
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
