"""The question behind issue 11's design: are TensorFlow's kernels slower one
eager op at a time (as tfjs-node runs them) than inside one graph (as Keras
runs a training step)?

Times the convolutional part of bench:train's CNN (two 3x3 convolutions, ReLU,
2x2 max pools, forward and gradients, batch 64) with TensorFlow in Python,
first op by op (eager) and then as one tf.function. Python's eager dispatch
costs microseconds for these ~20 ops, so a difference is the graph's: grappler's
rewrites and oneDNN's layouts kept between ops.

    python eager_vs_graph.py      (in the bench environment)
"""

import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import tensorflow as tf  # noqa: E402

x = tf.random.normal([64, 28, 28, 1])
w1 = tf.Variable(tf.random.normal([3, 3, 1, 32]))
w2 = tf.Variable(tf.random.normal([3, 3, 32, 64]))


def step():
    with tf.GradientTape() as tape:
        h = tf.nn.max_pool2d(tf.nn.relu(tf.nn.conv2d(x, w1, 1, "SAME")), 2, 2, "VALID")
        y = tf.nn.max_pool2d(tf.nn.relu(tf.nn.conv2d(h, w2, 1, "SAME")), 2, 2, "VALID")
        loss = tf.reduce_sum(y)
    return tape.gradient(loss, [w1, w2])


def milliseconds(f, steps=40):
    for _ in range(5):
        f()
    started = time.perf_counter()
    for _ in range(steps):
        f()[0].numpy()
    return (time.perf_counter() - started) / steps * 1000


graph = tf.function(step)
# alternated, twice: a shared machine's load hits both alike
for name, f in [("eager", step), ("tf.function", graph)] * 2:
    print(f"{name:12} {milliseconds(f):6.2f} ms a step (TensorFlow {tf.__version__})")
