"""SimpleConvNet.gradient takes W2, b2 from Affine2 and W3, b3 from Affine1."""
CHECK = "ch07: SimpleConvNet.gradient matches numerical gradients of the loss"
DIAGNOSIS = "grads_swapped"
PATCHES = [("ch07/simple_convnet.py",
            '        for idx, name in enumerate(("Conv1", "Affine1", "Affine2"), start=1):',
            '        for idx, name in enumerate(("Conv1", "Affine2", "Affine1"), start=1):')]
