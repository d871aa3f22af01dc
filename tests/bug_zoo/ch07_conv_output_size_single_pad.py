"""conv_output_size adds the padding once instead of on both sides."""
CHECK = "ch07: conv_output_size gives the output length for any stride and padding"
DIAGNOSIS = "single_padding"
PATCHES = [("common/util.py",
            "    return (input_size + 2 * pad - filter_size) // stride + 1",
            "    return (input_size + pad - filter_size) // stride + 1")]
