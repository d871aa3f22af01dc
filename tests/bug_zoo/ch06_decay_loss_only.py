"""Weight decay is added to the loss but forgotten in the gradient."""
CHECK = "ch06: MultiLayerNet weight decay adds 0.5 * lambda * sum(W**2) to the loss and lambda * W to dW"
DIAGNOSIS = "decay_missing_in_gradient"
PATCHES = [("common/multi_layer_net.py",
            "            grads[f\"W{idx}\"] = affine.dW + self.weight_decay_lambda * affine.W",
            "            grads[f\"W{idx}\"] = affine.dW")]
