"""The book's way of writing the layers: Relu copying x and zeroing dout in place, np.dot, Convolution
through im2col and col2im, max pooling through im2col, argmax and col2im."""
CHAPTERS = ["ch05", "ch07"]
BOOK_STYLE = ["Relu", "Affine", "SoftmaxWithLoss", "Convolution", "Pooling"]
PATCHES = []
