"""The submission contract: which file of a submission holds what, and for which chapter.

A submission is a folder laid out like the book's repository. ``CHAPTER_OF`` maps every
item a student writes (a function, a class, or ``Class.method``) to the chapter whose
checks grade it; a module's default chapter applies to items not listed by name.
"""

MODULE_CHAPTER = {
    "common/functions.py": "ch04",
    "common/gradient.py": "ch04",
    "common/util.py": "ch07",
    "common/layers.py": "ch05",
    "common/optimizer.py": "ch06",
    "common/multi_layer_net.py": "ch06",
    "common/multi_layer_net_extend.py": "ch06",
    "common/trainer.py": "ch06",
    "ch05/layer_naive.py": "ch05",
    "ch05/two_layer_net.py": "ch05",
    "ch07/simple_convnet.py": "ch07",
}

ITEM_CHAPTER = {
    ("common/layers.py", "Dropout"): "ch06",
    ("common/layers.py", "BatchNormalization"): "ch06",
    ("common/layers.py", "Convolution"): "ch07",
    ("common/layers.py", "Pooling"): "ch07",
}

CHAPTERS = ("ch04", "ch05", "ch06", "ch07")


def chapter_of(module_path, qualname):
    """Chapter that grades ``qualname`` (e.g. 'Affine.backward') of ``module_path``."""
    top = qualname.split(".")[0]
    return ITEM_CHAPTER.get((module_path, top), MODULE_CHAPTER[module_path])

# Other names under which the book's editions and repositories define an item: the original
# Japanese repository calls mean_squared_error ``sum_squared_error`` (the same 0.5 * sum).
# {(module, the book's name): (accepted names, ...)}
ACCEPTED_NAMES = {
    ("common.functions", "mean_squared_error"): ("sum_squared_error",),
}

# The names the checks look for, per file (the book's names).
BOOK_NAMES = {
    "common/functions.py": ("identity_function", "step_function", "sigmoid", "sigmoid_grad", "relu", "relu_grad",
                            "softmax", "mean_squared_error", "cross_entropy_error"),
    "common/gradient.py": ("numerical_gradient",),
    "common/util.py": ("conv_output_size", "im2col", "col2im"),
    "common/layers.py": ("Relu", "Sigmoid", "Affine", "SoftmaxWithLoss", "Dropout", "BatchNormalization",
                         "Convolution", "Pooling"),
    "common/optimizer.py": ("SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"),
    "common/multi_layer_net.py": ("MultiLayerNet",),
    "common/multi_layer_net_extend.py": ("MultiLayerNetExtend",),
    "common/trainer.py": ("Trainer",),
    "ch05/layer_naive.py": ("MulLayer", "AddLayer"),
    "ch05/two_layer_net.py": ("TwoLayerNet",),
    "ch07/simple_convnet.py": ("SimpleConvNet",),
}
