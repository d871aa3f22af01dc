"""RMSprop adds the whole squared gradient: h = decay_rate * h + g * g, without (1 - decay_rate)."""
CHECK = "ch06: RMSprop.update divides by the root of a decaying average of squared gradients"
DIAGNOSIS = "rmsprop_no_one_minus"
PATCHES = [("common/optimizer.py",
            "            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] ** 2",
            "            self.h[key] = self.decay_rate * self.h[key] + grads[key] ** 2")]
