"""Convolution.forward reshapes the (N*out_h*out_w, FN) product straight to (N, FN, out_h, out_w)."""
CHECK = "ch07: Convolution.forward matches the naive convolution"
DIAGNOSIS = "misplaced_values"
BOOK_STYLE = ["Convolution"]
PATCHES = [("common/layers.py",
            '        return out.reshape(N, out_h, out_w, FN).transpose(0, 3, 1, 2)',
            '        return out.reshape(N, FN, out_h, out_w)')]
