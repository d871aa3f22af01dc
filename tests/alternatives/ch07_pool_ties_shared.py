"""Pooling.backward that shares a window's gradient equally among its tied maxima (also a gradient of
max where it ties), instead of giving it all to the first one as np.argmax does."""
CHAPTERS = ["ch07"]
PATCHES = [("common/layers.py",
            """        overlapping = self.stride < max(self.pool_h, self.pool_w)
        # Windows that tile the image (the book's 2x2, stride 2, even size) write every pixel
        # below: no need to fill dx with zeros first.
        _, _, h_padded, w_padded = self.x_padded.shape
        tiled = self.stride == self.pool_h == self.pool_w and (h_padded % self.stride, w_padded % self.stride) == (0, 0)
        dx_padded = (np.empty_like if tiled else np.zeros_like)(self.x_padded, dtype=dtype)
        given = np.zeros_like(self.out, dtype=bool)  # windows whose gradient has been given
        # From the last offset back: each window's gradient goes to the last offset where its
        # maximum rose, and only there (with ties, the maximum occurs at several offsets).
        for (rows, columns), new_max in zip(reversed(self.offsets), reversed(self.new_max)):
            at_max = new_max & ~given
            given |= at_max
            if overlapping:  # a pixel can be the maximum of several windows: add up
                dx_padded[:, :, rows, columns] += ordered * at_max
            else:  # each pixel is in one window at most: write in place
                np.multiply(ordered, at_max, out=dx_padded[:, :, rows, columns])""",
            """        dx_padded = np.zeros_like(self.x_padded, dtype=dtype)
        ties = sum((self.x_padded[:, :, r, c] == self.out).astype(float) for r, c in self.offsets)
        share = ordered / ties
        for rows, columns in self.offsets:
            dx_padded[:, :, rows, columns] += share * (self.x_padded[:, :, rows, columns] == self.out)""")]
