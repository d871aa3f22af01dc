"""Convolution and Pooling by a Python loop over the output positions (one window at a time for the whole batch)."""
CHAPTERS = ["ch07"]
PATCHES = [("common/layers.py",
            """        fn, _, fh, fw = self.W.shape
        n, _, h, w = x.shape
        out_h = (h + 2 * self.pad - fh) // self.stride + 1
        out_w = (w + 2 * self.pad - fw) // self.stride + 1
        self.x = x
        self.col = im2col(x, fh, fw, self.stride, self.pad)
        self.col_W = self.W.reshape(fn, -1).T
        out = self.col @ self.col_W + self.b
        return out.reshape(n, out_h, out_w, fn).transpose(0, 3, 1, 2)""",
            """        fn, _, fh, fw = self.W.shape
        s, p = self.stride, self.pad
        self.x = x
        self.padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        out_h = (self.padded.shape[2] - fh) // s + 1
        out_w = (self.padded.shape[3] - fw) // s + 1
        flat_W = self.W.reshape(fn, -1)
        out = np.empty((x.shape[0], fn, out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                window = self.padded[:, :, i * s:i * s + fh, j * s:j * s + fw].reshape(x.shape[0], -1)
                out[:, :, i, j] = window @ flat_W.T + self.b
        return out"""),
           ("common/layers.py",
            """        fn, c, fh, fw = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = dout.sum(axis=0)
        self.dW = (self.col.T @ dout).T.reshape(fn, c, fh, fw)
        dcol = dout @ self.col_W.T
        return col2im(dcol, self.x.shape, fh, fw, self.stride, self.pad)""",
            """        fn, c, fh, fw = self.W.shape
        s, p = self.stride, self.pad
        n, _, h, w = self.x.shape
        flat_W = self.W.reshape(fn, -1)
        dW = np.zeros((fn, c * fh * fw))
        dpadded = np.zeros(self.padded.shape)
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                window = self.padded[:, :, i * s:i * s + fh, j * s:j * s + fw].reshape(n, -1)
                g = dout[:, :, i, j]
                dW += g.T @ window
                dpadded[:, :, i * s:i * s + fh, j * s:j * s + fw] += (g @ flat_W).reshape(n, c, fh, fw)
        self.dW = dW.reshape(fn, c, fh, fw)
        self.db = dout.sum(axis=(0, 2, 3))
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
            """        n, c, h, w = x.shape
        s, p, ph, pw = self.stride, self.pad, self.pool_h, self.pool_w
        self.x = x
        padded = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        out_h = (h + 2 * p - ph) // s + 1
        out_w = (w + 2 * p - pw) // s + 1
        out = np.empty((n, c, out_h, out_w))
        self.arg_max = np.empty((n, c, out_h, out_w), dtype=int)
        for i in range(out_h):
            for j in range(out_w):
                window = padded[:, :, i * s:i * s + ph, j * s:j * s + pw].reshape(n, c, -1)
                self.arg_max[:, :, i, j] = window.argmax(axis=2)
                out[:, :, i, j] = window.max(axis=2)
        return out"""),
           ("common/layers.py",
            """        pool_size = self.pool_h * self.pool_w
        dout = dout.transpose(0, 2, 3, 1).reshape(-1)
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(dout.size), self.arg_max] = dout
        n, c = self.x.shape[:2]
        dcol = dmax.reshape(-1, c * pool_size)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)""",
            """        n, c, h, w = self.x.shape
        s, p, pw = self.stride, self.pad, self.pool_w
        dpadded = np.zeros((n, c, h + 2 * p, w + 2 * p))
        images, channels = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                dy, dx = np.divmod(self.arg_max[:, :, i, j], pw)
                dpadded[images, channels, i * s + dy, j * s + dx] += dout[:, :, i, j]
        return dpadded[:, :, p:p + h, p:p + w]""")]
