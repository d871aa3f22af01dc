"""conv_output_size divides by the stride with / and returns a float (7.5 for an odd size)."""
CHECK = "ch07: conv_output_size gives the output length for any stride and padding"
DIAGNOSIS = "true_division"
PATCHES = [("common/util.py",
            "    return (input_size + 2 * pad - filter_size) // stride + 1",
            "    return (input_size + 2 * pad - filter_size) / stride + 1")]
