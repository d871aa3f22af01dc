"""SimpleConvNet.accuracy loops over N // batch_size whole batches (as the book does): the short batch is lost."""
CHECK = "ch07: SimpleConvNet.accuracy evaluated in batches counts every sample"
DIAGNOSIS = "short_batch_dropped"
PATCHES = [("ch07/simple_convnet.py",
            "        for start in range(0, x.shape[0], batch_size):",
            "        for start in range(0, x.shape[0] // batch_size * batch_size, batch_size):")]
