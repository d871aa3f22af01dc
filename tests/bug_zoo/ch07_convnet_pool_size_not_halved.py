"""SimpleConvNet sizes W2 from the convolution output, forgetting that 2x2 pooling halves each side."""
CHECK = "ch07: SimpleConvNet builds params and layers as in the book"
DIAGNOSIS = "pool_not_halved"
PATCHES = [("ch07/simple_convnet.py",
            "        pool_output_size = filter_num * (conv_size // 2) * (conv_size // 2)",
            "        pool_output_size = filter_num * conv_size * conv_size")]
