"""A learner's spelling: the flag is ``train_flag`` in Dropout, BatchNormalization and the
networks (the book's own calls pass it by position), and MultiLayerNetExtend takes the corrected
``dropout_ratio`` instead of the book's ``dropout_ration``."""
CHAPTERS = ["ch06"]
PATCHES = [("common/layers.py",
            '''    def forward(self, x, train_flg=True):
        """x: any shape. Draws a new mask with np.random on every training call."""
        ### BEGIN SOLUTION
        if train_flg:''',
            '''    def forward(self, x, train_flag=True):
        """x: any shape. Draws a new mask with np.random on every training call."""
        ### BEGIN SOLUTION
        if train_flag:'''),
           ("common/layers.py",
            '''    def forward(self, x, train_flg=True):
        """x: (N, D) or (N, C, H, W). Returns an array of x's shape."""''',
            '''    def forward(self, x, train_flag=True):
        """x: (N, D) or (N, C, H, W). Returns an array of x's shape."""'''),
           ("common/layers.py",
            """        if train_flg:
            mean = x2.mean(axis=0)""",
            """        if train_flag:
            mean = x2.mean(axis=0)"""),
           ("common/multi_layer_net.py",
            """    def predict(self, x, train_flg=False):""",
            """    def predict(self, x, train_flag=False):"""),
           ("common/multi_layer_net.py",
            """                x = layer.forward(x, train_flg)""",
            """                x = layer.forward(x, train_flag)"""),
           ("common/multi_layer_net.py",
            """    def loss(self, x, t, train_flg=False):""",
            """    def loss(self, x, t, train_flag=False):"""),
           ("common/multi_layer_net.py",
            """        y = self.predict(x, train_flg)""",
            """        y = self.predict(x, train_flag)"""),
           ("common/multi_layer_net.py",
            """        y = np.argmax(self.predict(x, train_flg=False), axis=1)""",
            """        y = np.argmax(self.predict(x, train_flag=False), axis=1)"""),
           ("common/multi_layer_net.py",
            """            return self.loss(x, t, train_flg=True)""",
            """            return self.loss(x, t, train_flag=True)"""),
           ("common/multi_layer_net.py",
            """        self.loss(x, t, train_flg=True)""",
            """        self.loss(x, t, train_flag=True)"""),
           ("common/multi_layer_net_extend.py",
            """                 dropout_ration=0.5, use_batchnorm=False):
        self.use_dropout = use_dropout
        self.dropout_ratio = dropout_ration""",
            """                 dropout_ratio=0.5, use_batchnorm=False):
        self.use_dropout = use_dropout
        self.dropout_ratio = dropout_ratio""")]
