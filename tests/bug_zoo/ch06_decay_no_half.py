"""Weight decay adds lambda * sum(W**2) to the loss, without the 0.5 that makes its gradient lambda * W."""
CHECK = "ch06: MultiLayerNet weight decay adds 0.5 * lambda * sum(W**2) to the loss and lambda * W to dW"
DIAGNOSIS = "decay_missing_half"
PATCHES = [("common/multi_layer_net.py",
            "        return self.last_layer.forward(y, t) + 0.5 * self.weight_decay_lambda * decay",
            "        return self.last_layer.forward(y, t) + self.weight_decay_lambda * decay")]
