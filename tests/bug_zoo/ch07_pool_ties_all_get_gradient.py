"""Pooling.backward by strided views gives the gradient to every element equal to the window's maximum:
a window whose maximum occurs twice passes its gradient on twice."""
CHECK = "ch07: Pooling.backward sends each window's gradient to its maximum"
DIAGNOSIS = "tied_maxima_all_take"
PATCHES = [("common/layers.py",
            "            at_max = new_max & ~given",
            "            at_max = self.x_padded[:, :, rows, columns] == self.out")]
