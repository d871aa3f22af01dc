"""Convolution and Pooling by a Python loop over the output positions (one window at a time for the whole batch)."""
from tests.grader.mutants import book_style_body

CHAPTERS = ["ch07"]
BOOK_STYLE = ["Convolution", "Pooling"]
PATCHES = [("common/layers.py",
            book_style_body("Convolution", "forward"),
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
            book_style_body("Convolution", "backward"),
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
            book_style_body("Pooling", "forward"),
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
            book_style_body("Pooling", "backward"),
            """        n, c, h, w = self.x.shape
        s, p, pw = self.stride, self.pad, self.pool_w
        dpadded = np.zeros((n, c, h + 2 * p, w + 2 * p))
        images, channels = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
        for i in range(dout.shape[2]):
            for j in range(dout.shape[3]):
                dy, dx = np.divmod(self.arg_max[:, :, i, j], pw)
                dpadded[images, channels, i * s + dy, j * s + dx] += dout[:, :, i, j]
        return dpadded[:, :, p:p + h, p:p + w]""")]
