"""The book's style: Relu copies x and zeroes dout in place, np.dot, labels or one-hot by t.size,
TwoLayerNet collecting gradients from a list of its layers."""
CHAPTERS = ["ch05"]
BOOK_STYLE = ["Relu", "Affine", "SoftmaxWithLoss"]
PATCHES = [
           ("ch05/two_layer_net.py",
            """        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))""",
            """        y = self.predict(x)
        y = np.argmax(y, axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        accuracy = np.sum(y == t) / float(x.shape[0])
        return accuracy"""),
           ("ch05/two_layer_net.py",
            """        def loss_of_params(_):
            return self.loss(x, t)

        return {key: numerical_gradient(loss_of_params, value) for key, value in self.params.items()}""",
            """        loss_W = lambda W: self.loss(x, t)  # noqa: E731
        grads = {}
        grads["W1"] = numerical_gradient(loss_W, self.params["W1"])
        grads["b1"] = numerical_gradient(loss_W, self.params["b1"])
        grads["W2"] = numerical_gradient(loss_W, self.params["W2"])
        grads["b2"] = numerical_gradient(loss_W, self.params["b2"])
        return grads"""),
           ("ch05/two_layer_net.py",
            """        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        return {
            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,
            "b2": self.layers["Affine2"].db,
        }""",
            """        self.loss(x, t)
        dout = 1
        dout = self.lastLayer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)
        grads = {}
        grads["W1"], grads["b1"] = self.layers["Affine1"].dW, self.layers["Affine1"].db
        grads["W2"], grads["b2"] = self.layers["Affine2"].dW, self.layers["Affine2"].db
        return grads"""),
           ("ch05/layer_naive.py", "        return dout * 1, dout * 1", """        dx = dout * 1
        dy = dout * 1
        return dx, dy""")]
