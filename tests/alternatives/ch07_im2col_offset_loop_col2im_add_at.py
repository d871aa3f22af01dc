"""im2col by a loop over the filter offsets into a preallocated array, col2im by np.add.at on window coordinates."""
CHAPTERS = ["ch07"]
PATCHES = [("common/util.py",
            """    n, c, h, w = input_data.shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    windows = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))
    windows = windows[:, :, : (out_h - 1) * stride + 1 : stride, : (out_w - 1) * stride + 1 : stride]
    # windows: (N, C, out_h, out_w, filter_h, filter_w) -> rows (N, out_h, out_w)
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(n * out_h * out_w, -1)""",
            """    batch, channels, height, width = input_data.shape
    rows = (height + 2 * pad - filter_h) // stride + 1
    cols = (width + 2 * pad - filter_w) // stride + 1
    padded = np.zeros((batch, channels, height + 2 * pad, width + 2 * pad), dtype=input_data.dtype)
    padded[:, :, pad:pad + height, pad:pad + width] = input_data
    out = np.empty((batch, channels, filter_h, filter_w, rows, cols), dtype=input_data.dtype)
    for dy in range(filter_h):
        last_y = dy + stride * (rows - 1) + 1
        for dx in range(filter_w):
            last_x = dx + stride * (cols - 1) + 1
            out[:, :, dy, dx] = padded[:, :, dy:last_y:stride, dx:last_x:stride]
    return out.transpose(0, 4, 5, 1, 2, 3).reshape(batch * rows * cols, channels * filter_h * filter_w)"""),
           ("common/util.py",
            """    n, c, h, w = input_shape
    out_h = conv_output_size(h, filter_h, stride, pad)
    out_w = conv_output_size(w, filter_w, stride, pad)
    windows = col.reshape(n, out_h, out_w, c, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        y_end = y + stride * out_h
        for x in range(filter_w):
            x_end = x + stride * out_w
            img[:, :, y:y_end:stride, x:x_end:stride] += windows[:, :, y, x]
    return img[:, :, pad : h + pad, pad : w + pad]""",
            """    batch, channels, height, width = input_shape
    rows = (height + 2 * pad - filter_h) // stride + 1
    cols = (width + 2 * pad - filter_w) // stride + 1
    patches = col.reshape(batch, rows, cols, channels, filter_h, filter_w).transpose(0, 3, 1, 2, 4, 5)
    # padded coordinates of element (p, q) of window (i, j): (i * stride + p, j * stride + q)
    ys = (np.arange(rows) * stride)[:, None, None, None] + np.arange(filter_h)[None, None, :, None]
    xs = (np.arange(cols) * stride)[None, :, None, None] + np.arange(filter_w)[None, None, None, :]
    img = np.zeros((batch, channels, height + 2 * pad, width + 2 * pad), dtype=col.dtype)
    np.add.at(img, (slice(None), slice(None), ys, xs), patches)
    return img[:, :, pad:pad + height, pad:pad + width]""")]
