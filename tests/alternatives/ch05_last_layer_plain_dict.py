"""TwoLayerNet naming its loss layer ``last_layer``, as the book's own MultiLayerNet and
SimpleConvNet do (chapter 5's code says ``lastLayer``), its layers in a plain dict (ordered since
Python 3.7) instead of an OrderedDict, and the backward pass over a reversed list of them."""
CHAPTERS = ["ch05"]
PATCHES = [("ch05/two_layer_net.py",
            """        self.layers = OrderedDict()""",
            """        self.layers = {}"""),
           ("ch05/two_layer_net.py",
            """        self.lastLayer = SoftmaxWithLoss()""",
            """        self.last_layer = SoftmaxWithLoss()"""),
           ("ch05/two_layer_net.py",
            """        return self.lastLayer.forward(self.predict(x), t)""",
            """        return self.last_layer.forward(self.predict(x), t)"""),
           ("ch05/two_layer_net.py",
            """        dout = self.lastLayer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)""",
            """        dout = self.last_layer.backward(1)
        backwards = list(self.layers.values())
        backwards.reverse()
        for layer in backwards:
            dout = layer.backward(dout)""")]
