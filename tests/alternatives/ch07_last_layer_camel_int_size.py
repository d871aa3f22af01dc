"""SimpleConvNet naming its loss layer ``lastLayer``, as chapter 5's TwoLayerNet does (the book's
SimpleConvNet says ``last_layer``), conv_output_size as int((H + 2 * pad - FH) / stride) + 1, and the
Korean repository's import path line, sys.path.append(os.path.join(os.path.dirname(__file__), '..'))."""
CHAPTERS = ["ch07"]
PATCHES = [("ch07/simple_convnet.py",
            """import pickle
""",
            """import os
import pickle
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
"""),
           ("ch07/simple_convnet.py",
            """        self.last_layer = SoftmaxWithLoss()""",
            """        self.lastLayer = SoftmaxWithLoss()"""),
           ("ch07/simple_convnet.py",
            """        return self.last_layer.forward(self.predict(x), t)""",
            """        return self.lastLayer.forward(self.predict(x), t)"""),
           ("ch07/simple_convnet.py",
            """        dout = self.last_layer.backward(1)""",
            """        dout = self.lastLayer.backward(1)"""),
           ("common/util.py",
            """    return (input_size + 2 * pad - filter_size) // stride + 1""",
            """    return int((input_size + 2 * pad - filter_size) / stride) + 1""")]
