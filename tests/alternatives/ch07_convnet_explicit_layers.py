"""SimpleConvNet with params made in a loop, layers listed in one OrderedDict, gradients named one by one,
and the book's max pooling with its argmax flattened."""
CHAPTERS = ["ch07"]
BOOK_STYLE = ["Pooling"]
PATCHES = [("ch07/simple_convnet.py",
            """        channels, input_size = input_dim[0], input_dim[1]
        conv_size = (input_size + 2 * pad - filter_size) // stride + 1
        pool_output_size = filter_num * (conv_size // 2) * (conv_size // 2)
        self.params = {
            "W1": weight_init_std * np.random.randn(filter_num, channels, filter_size, filter_size),
            "b1": np.zeros(filter_num),
            "W2": weight_init_std * np.random.randn(pool_output_size, hidden_size),
            "b2": np.zeros(hidden_size),
            "W3": weight_init_std * np.random.randn(hidden_size, output_size),
            "b3": np.zeros(output_size),
        }
        self.layers = OrderedDict()
        self.layers["Conv1"] = Convolution(self.params["W1"], self.params["b1"], stride, pad)
        self.layers["Relu1"] = Relu()
        self.layers["Pool1"] = Pooling(pool_h=2, pool_w=2, stride=2)
        self.layers["Affine1"] = Affine(self.params["W2"], self.params["b2"])
        self.layers["Relu2"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W3"], self.params["b3"])
        self.last_layer = SoftmaxWithLoss()""",
            """        size = input_dim[1]
        pooled = ((size + 2 * pad - filter_size) // stride + 1) // 2
        weight_shapes = [(filter_num, input_dim[0], filter_size, filter_size),
                         (filter_num * pooled * pooled, hidden_size),
                         (hidden_size, output_size)]
        self.params = {}
        for i, shape in enumerate(weight_shapes, start=1):
            self.params["W%d" % i] = np.random.randn(*shape) * weight_init_std
            self.params["b%d" % i] = np.zeros(shape[0] if i == 1 else shape[1])
        p = self.params
        self.layers = OrderedDict([
            ("Conv1", Convolution(p["W1"], p["b1"], stride=stride, pad=pad)),
            ("Relu1", Relu()),
            ("Pool1", Pooling(2, 2, stride=2)),
            ("Affine1", Affine(p["W2"], p["b2"])),
            ("Relu2", Relu()),
            ("Affine2", Affine(p["W3"], p["b3"])),
        ])
        self.last_layer = SoftmaxWithLoss()"""),
           ("ch07/simple_convnet.py",
            """        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        grads = {}
        for idx, name in enumerate(("Conv1", "Affine1", "Affine2"), start=1):
            grads[f"W{idx}"] = self.layers[name].dW
            grads[f"b{idx}"] = self.layers[name].db
        return grads""",
            """        self.loss(x, t)
        dout = self.last_layer.backward()
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        conv, fc1, fc2 = self.layers["Conv1"], self.layers["Affine1"], self.layers["Affine2"]
        return {"W1": conv.dW, "b1": conv.db, "W2": fc1.dW, "b2": fc1.db, "W3": fc2.dW, "b3": fc2.db}"""),
           ("common/layers.py",
            """        dwindows = np.zeros((grads.size, pool_size))
        dwindows[np.arange(grads.size), self.arg_max] = grads""",
            """        dwindows = np.zeros((self.arg_max.size, pool_size))
        dwindows[np.arange(self.arg_max.size), self.arg_max.flatten()] = grads.flatten()""")]
