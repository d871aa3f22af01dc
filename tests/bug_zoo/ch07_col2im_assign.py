"""col2im writes each window with = instead of adding it with +=, so overlapping windows overwrite each other."""
CHECK = "ch07: col2im sums overlapping windows back into the image (the adjoint of im2col)"
DIAGNOSIS = "wrong_only_at_overlaps"
PATCHES = [("common/util.py",
            "            img[:, :, y:y_end:stride, x:x_end:stride] += windows[:, :, y, x]",
            "            img[:, :, y:y_end:stride, x:x_end:stride] = windows[:, :, y, x]")]
