"""Pooling.backward that shares a window's gradient equally among its tied maxima (also a gradient of
max where it ties), instead of giving it all to the first one as np.argmax does."""
CHAPTERS = ["ch07"]
PATCHES = [("common/layers.py",
            """        given = np.zeros(self.out.shape, dtype=bool)  # windows whose gradient has been given
        for rows, columns in self.offsets:
            # The first offset (row-major) that holds its window's maximum takes the whole
            # gradient, as np.argmax would choose; ties are common (a blank background gives
            # whole windows the same value).
            first_max = (self.x_padded[:, :, rows, columns] == self.out) & ~given
            given |= first_max
            if overlapping:  # a pixel can be the maximum of several windows: add up
                dx_padded[:, :, rows, columns] += ordered * first_max
            else:  # each pixel is in one window at most: write in place
                np.multiply(ordered, first_max, out=dx_padded[:, :, rows, columns])""",
            """        ties = sum((self.x_padded[:, :, r, c] == self.out).astype(float) for r, c in self.offsets)
        share = ordered / ties
        for rows, columns in self.offsets:
            dx_padded[:, :, rows, columns] += share * (self.x_padded[:, :, rows, columns] == self.out)""")]
